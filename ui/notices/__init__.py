"""Notices, fund projects and printing in the desktop app (plugin ``ui.notices.plugin:install``)."""
