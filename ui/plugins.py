"""Feature areas hook into the main window here without editing it.

Each entry is ``"module.path:function"``; the main window imports each after it is built and calls
``function(window)``, which may add menu actions, dock widgets, tabs on the household card, etc.
Append one line per feature area.
"""

PLUGINS: list[str] = []
PLUGINS.append("ui.training.plugin:install")  # training mode menu, banner, guided tours
PLUGINS.append("ui.notices.plugin:install")  # notices, fund projects, printing (明白卡, household card, visit sheet)
PLUGINS.append("ui.fieldwork.plugin:install")  # field work: visit wizard, visits due, assistance, exit checklist, requests, risk, points
PLUGINS.append("ui.sync_panel:install")  # Sync menu, sync panel, conflict review, automatic sync
PLUGINS.append("ui.township.plugin:install")  # township/county: import, export, quality, dashboards, plans, profiles
