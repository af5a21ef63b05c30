"""Township and county work in the desktop app: import, export, quality findings, dashboards,
exit plans and village profiles (issue 7)."""
