"""Dialogs: first run, unlock, users, preferences, member and helper editors."""
