"""Qt item models over the database (lazy, windowed) and over small in-memory row lists."""
