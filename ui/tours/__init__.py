"""Guided tours (see engine.py): each tour highlights, explains and waits for the user."""
