"""The "Township" menu: import a registry spreadsheet, export, data-quality findings, dashboards,
exit plans and village profiles. Installed through ``ui/plugins.py``; actions are greyed out for
roles that may not use them (``app.services.permissions``)."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QObject, Signal


def install(window: Any) -> None:
    for module in ("app.services.plans", "app.services.village_profile"):
        importlib.import_module(module)  # registers plan.edit and village_profile.edit
    window.township = TownshipMenu(window)


class TownshipMenu(QObject):
    #: a dialog was opened (tests and tours)
    opened = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: list[Any] = []
        window.menu("township", lambda: self.tr("&Township"))
        self.act_import = window.add_menu_action("township", lambda: self.tr("&Import registry spreadsheet…"),
                                                 self.import_file, permission="data.import")
        self.act_export = window.add_menu_action("township", lambda: self.tr("&Export to Excel/CSV…"), self.export,
                                                 permission="data.export")
        window.menu("township").addSeparator()
        self.act_quality = window.add_menu_action("township", lambda: self.tr("Data-&quality check…"), self.quality,
                                                  shortcut="Ctrl+Shift+Q", permission="household.view")
        self.act_dashboard = window.add_menu_action("township", lambda: self.tr("&Dashboard…"), self.dashboard,
                                                    shortcut="Ctrl+Shift+D", permission="household.view")
        window.menu("township").addSeparator()
        self.act_plans = window.add_menu_action("township", lambda: self.tr("Exit &plans…"), self.plans,
                                                permission="household.view")
        self.act_profile = window.add_menu_action("township", lambda: self.tr("Village &profile…"), self.profile,
                                                  permission="household.view")

    def _show(self, dialog: Any) -> Any:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        self.opened.emit(dialog)
        return dialog

    def import_file(self) -> Any:
        from ui.township.import_dialog import ImportDialog

        return self._show(ImportDialog(self.window))

    def export(self) -> Any:
        from ui.township.export_dialog import ExportDialog

        return self._show(ExportDialog(self.window))

    def quality(self) -> Any:
        from ui.township.quality_dialog import QualityDialog

        return self._show(QualityDialog(self.window))

    def dashboard(self) -> Any:
        from ui.township.dashboard_dialog import DashboardDialog

        return self._show(DashboardDialog(self.window))

    def plans(self) -> Any:
        from ui.township.plans_dialog import PlansDialog

        return self._show(PlansDialog(self.window))

    def profile(self) -> Any:
        from ui.township.profile_dialog import ProfileDialog

        return self._show(ProfileDialog(self.window))
