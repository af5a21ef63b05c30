"""Training mode in the desktop app: sandbox windows, banner, menus (see plugin.py)."""
