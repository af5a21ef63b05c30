"""The "Notices" menu: household-list notices, the fund-project registry, the notice history,
and printing the current household's 明白卡, household card or visit record sheet.

Installed through ``ui/plugins.py``; every action is greyed out for roles that may not use it
(``app.services.permissions``). PDFs are prepared in workers and shown in a preview with
Print… and Save PDF….
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.errors import BangfuError


def install(window: Any) -> None:
    for module in ("app.services.notices", "app.services.projects"):
        importlib.import_module(module)  # registers the notice.* and project.* permissions

    window.notices_menu = NoticesMenu(window)


class NoticesMenu(QObject):
    #: a dialog or preview was opened (for tests and tours)
    opened = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: list[Any] = []
        window.menu("notices", lambda: self.tr("&Notices"))
        self.act_household = window.add_menu_action("notices", lambda: self.tr("&Household list notice…"),
                                                    self.household_notice, permission="notice.issue")
        self.act_projects = window.add_menu_action("notices", lambda: self.tr("&Fund projects…"), self.projects,
                                                   permission="project.edit")
        self.act_history = window.add_menu_action("notices", lambda: self.tr("Notice his&tory…"), self.history,
                                                  permission="notice.print")
        window.menu("notices").addSeparator()
        self.act_mingbai = window.add_menu_action(
            "notices", lambda: self.tr("Print the household's &information card (明白卡)…"),
            lambda: self.print_household("mingbai"), permission="notice.print")
        self.act_card = window.add_menu_action("notices", lambda: self.tr("Print the household &card (扶贫手册)…"),
                                               lambda: self.print_household("card"), permission="notice.print")
        self.act_sheet = window.add_menu_action("notices", lambda: self.tr("Print a &visit record sheet…"),
                                                lambda: self.print_household("visit-sheet"), permission="notice.print")

    def _show(self, dialog: Any) -> Any:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        self.opened.emit(dialog)
        return dialog

    def household_notice(self) -> Any:
        from ui.notices.household_dialog import HouseholdNoticeDialog

        return self._show(HouseholdNoticeDialog(self.window))

    def projects(self) -> Any:
        from ui.notices.projects_dialog import ProjectRegistryDialog

        return self._show(ProjectRegistryDialog(self.window))

    def history(self) -> Any:
        from ui.notices.history_dialog import NoticeHistoryDialog

        return self._show(NoticeHistoryDialog(self.window))

    def print_household(self, kind: str, household_id: str | None = None) -> None:
        """Prepare the form for the current household in a worker, then preview it."""
        household_id = household_id or self.window.current_household_id()
        if not household_id:
            self.window.statusBar().showMessage(self.tr("Open a household first."), 8000)
            return
        db = self.window.db

        def work() -> Any:
            from app.reports.cards import cards_pdf

            return cards_pdf(db, kind, [household_id])

        self.window.run_task(work, on_done=lambda r: self._preview_card(kind, r), on_error=self._failed)

    def _preview_card(self, kind: str, result: Any) -> None:
        from ui.notices.preview import PdfPreviewDialog

        data, _pages, _n, _sheets = result
        titles = {"mingbai": self.tr("Information card (明白卡)"), "card": self.tr("Household card"),
                  "visit-sheet": self.tr("Visit record sheet")}
        self._show(PdfPreviewDialog(data, titles[kind], self.window, suggested_name=f"{kind}.pdf"))

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__
        self.window.statusBar().showMessage(text, 15000)
