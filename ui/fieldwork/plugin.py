"""The "Field work" menu, the field-work tabs of the household card and the reminder on start.

Installed through ``ui/plugins.py``. Menu: new visit (Ctrl+Shift+V), resume an unfinished visit,
visits due, lifecycle requests, households at risk, points scheme. Card tabs: exit assessment
(traffic lights), assistance log, requests, participation and points. On start, a worker counts
the visits due and the unfinished visits; if there are any, a reminder offers to show them.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from ui.fieldwork.common import error_text
from ui.workers import run_task


def install(window: Any) -> None:
    for module in ("app.services.participation", "app.services.lifecycle"):
        importlib.import_module(module)  # registers the participation/points/lifecycle permissions
    window.fieldwork = FieldworkMenu(window)


class FieldworkMenu(QObject):
    #: a window or wizard was opened (tests and tours)
    opened = Signal(object)
    #: the start-up reminder was computed: (due count, overdue count, draft count)
    reminded = Signal(int, int, int)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.windows: list[Any] = []
        self.reminder: QMessageBox | None = None
        window.menu("fieldwork", lambda: self.tr("Field &work"))
        self.act_visit = window.add_menu_action("fieldwork", lambda: self.tr("&New visit…"), self.new_visit,
                                                shortcut="Ctrl+Shift+V", permission="visit.record")
        self.act_resume = window.add_menu_action("fieldwork", lambda: self.tr("&Resume an unfinished visit…"),
                                                 self.resume, permission="visit.record")
        self.act_due = window.add_menu_action("fieldwork", lambda: self.tr("Visits &due…"), self.visits_due,
                                              permission="household.view")
        window.menu("fieldwork").addSeparator()
        self.act_requests = window.add_menu_action("fieldwork", lambda: self.tr("Lifecycle re&quests…"),
                                                   self.requests, permission="household.view")
        self.act_risk = window.add_menu_action("fieldwork", lambda: self.tr("Households at &risk…"), self.at_risk,
                                               permission="household.view")
        self.act_points = window.add_menu_action("fieldwork", lambda: self.tr("&Points scheme…"), self.points,
                                                 permission="household.view")
        from ui.fieldwork import panels

        window.add_card_tab(lambda: self.tr("Exit assessment"), panels.ExitTab)
        window.add_card_tab(lambda: self.tr("Assistance log"), panels.AssistanceTab)
        window.add_card_tab(lambda: self.tr("Requests"), panels.RequestsTab)
        window.add_card_tab(lambda: self.tr("Participation"), panels.ParticipationTab)
        # plugins load once the first rows of the first database are shown; a later database
        # (after switching to training mode, say) announces itself with database_attached
        window.database_attached.connect(lambda _db: self.remind())
        if window.db is not None:
            self.remind()

    # -- windows ---------------------------------------------------------------------------------
    def _show(self, w: Any) -> Any:
        self.windows = [x for x in self.windows if isValid(x) and x.isVisible()] + [w]
        w.show()
        self.opened.emit(w)
        return w

    def new_visit(self, household_id: str | None = None) -> Any:
        from ui.fieldwork.wizard import VisitWizard

        if self.window.db is None:
            return None
        household_id = household_id or self.window.current_household_id()
        try:
            wizard = VisitWizard(self.window, household_id=household_id)
        except Exception as exc:  # a household that vanished meanwhile: say so, do not crash
            self.window.statusBar().showMessage(error_text(exc), 10000)
            return None
        return self._show(wizard)

    def resume_draft(self, draft_id: str) -> Any:
        from ui.fieldwork.wizard import VisitWizard

        try:
            wizard = VisitWizard.resume(self.window, draft_id)
        except Exception as exc:
            self.window.statusBar().showMessage(error_text(exc), 10000)
            return None
        return self._show(wizard)

    def resume(self) -> Any:
        from app.services.drafts import list_drafts

        found = list_drafts(self.window.db)
        if len(found) == 1:
            return self.resume_draft(found[0].id)
        from ui.fieldwork.dialogs import DraftsDialog

        return self._show(DraftsDialog(self.window, self.resume_draft))

    def visits_due(self) -> Any:
        from ui.fieldwork.dialogs import VisitsDueDialog

        return self._show(VisitsDueDialog(self.window, lambda hid: self.new_visit(hid)))

    def requests(self) -> Any:
        from ui.fieldwork.dialogs import RequestsDialog

        return self._show(RequestsDialog(self.window, self.open_requests))

    def open_requests(self, household_id: str) -> None:
        """Open the household's card on its Requests tab."""
        from ui.fieldwork.panels import RequestsTab

        card = self.window.open_household(household_id)
        if card is None:
            return

        def front(*_args: Any) -> None:
            for widget, _title in card.extra:
                if isinstance(widget, RequestsTab):
                    card.tabs.setCurrentWidget(widget)

        front()

    def at_risk(self) -> Any:
        from ui.fieldwork.dialogs import AtRiskDialog

        return self._show(AtRiskDialog(self.window))

    def points(self) -> Any:
        from ui.fieldwork.dialogs import PointsSchemeDialog

        return self._show(PointsSchemeDialog(self.window))

    # -- reminder on start -------------------------------------------------------------------------
    def remind(self) -> None:
        db = self.window.db
        if db is None:
            return

        def work() -> tuple[int, int, int]:
            from app.services.drafts import list_drafts
            from app.services.visit_plan import due_counts

            return (*due_counts(db), len(list_drafts(db)))

        run_task(work, on_done=self._reminded, owner=self.window)

    def _reminded(self, counts: tuple[int, int, int]) -> None:
        due, overdue, unfinished = counts
        self.reminded.emit(due, overdue, unfinished)
        if not (due or unfinished):
            return
        parts = []
        if due:
            parts.append(self.tr("{due} household visit(s) are due, {overdue} of them overdue.").format(
                due=due, overdue=overdue))
        if unfinished:
            parts.append(self.tr("{n} unfinished visit(s) can be resumed.").format(n=unfinished))
        text = " ".join(parts)
        self.window.statusBar().showMessage(text, 30000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Field work"), text, QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("fieldworkReminder")
        show_due = box.addButton(self.tr("Show visits due"), QMessageBox.ButtonRole.AcceptRole) if due else None
        resume = box.addButton(self.tr("Resume"), QMessageBox.ButtonRole.ActionRole) if unfinished else None
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)

        def clicked(button: Any) -> None:
            if button is show_due:
                self.visits_due()
            elif button is resume:
                self.resume()

        box.buttonClicked.connect(clicked)
        box.setModal(False)
        self.reminder = box
        box.show()
