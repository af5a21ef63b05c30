"""Field work screens: the guided visit wizard, visits due, assistance log, exit checklist,
lifecycle requests, households at risk, participation and points (installed by plugin.py)."""
