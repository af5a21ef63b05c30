"""The household card: a header with the national status colour and one tab per section.

Built-in tabs cover domain.md §2; feature areas add theirs with ``MainWindow.add_card_tab``.
All data is read in a worker (``load_card``) and every edit goes through app.services.registry;
after a successful save the card reloads and the window announces ``household_changed`` so the
list and other panels refresh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.errors import BangfuError
from app.services import registry
from ui import formatting as fmt
from ui.card.base import CardTab
from ui.card.basic import BasicTab
from ui.card.conditions import ConditionsTab
from ui.card.data import CardData, load_card
from ui.card.helpers import HelpersTab
from ui.card.income import IncomeTab
from ui.card.members import MembersTab
from ui.card.readonly import AttachmentsTab, HistoryTab, LifecycleTab, MeasuresTab, VisitsTab
from ui.widgets import MessageLine
from ui.workers import run_task

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class HouseholdCard(QWidget):
    #: the card's data arrived (after opening or after a save)
    loaded = Signal(object)
    load_failed = Signal(object)

    def __init__(self, main: MainWindow, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.household_id = household_id
        self.data: CardData | None = None
        self.setObjectName("householdCard")
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        header.addWidget(self.title)
        header.addWidget(self.status)
        self._title_font()
        header.addStretch(1)
        layout.addLayout(header)
        self.info = QLabel()
        self.info.setObjectName("cardInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cardTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.basic = BasicTab(self)
        self.members = MembersTab(self)
        self.income = IncomeTab(self)
        self.conditions = ConditionsTab(self)
        self.helpers = HelpersTab(self)
        self.measures = MeasuresTab(self)
        self.visits = VisitsTab(self)
        self.lifecycle = LifecycleTab(self)
        self.attachments = AttachmentsTab(self)
        self.history = HistoryTab(self)
        self._builtin: list[tuple[CardTab, Callable[[], str]]] = [
            (self.basic, lambda: self.tr("Basic data")),
            (self.members, lambda: self.tr("Members")),
            (self.income, lambda: self.tr("Income")),
            (self.conditions, lambda: self.tr("Living conditions")),
            (self.helpers, lambda: self.tr("Helpers")),
            (self.measures, lambda: self.tr("Measures")),
            (self.visits, lambda: self.tr("Visits")),
            (self.lifecycle, lambda: self.tr("Status history")),
            (self.attachments, lambda: self.tr("Attachments")),
            (self.history, lambda: self.tr("Change history")),
        ]
        for tab, title in self._builtin:
            self.tabs.addTab(tab, title())
        self.extra: list[tuple[QWidget, Callable[[], str]]] = []
        for title, factory in main.card_tab_factories():
            try:
                widget = factory(main, household_id)
            except Exception:  # a plugin's tab must not break the card
                log.exception("card tab factory failed")
                continue
            self.extra.append((widget, title))
            self.tabs.addTab(widget, title())
        save = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_current)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # -- plumbing ------------------------------------------------------------------------------
    @property
    def db(self) -> Any:
        return self.main.db

    def can(self, action: str) -> bool:
        return self.main.permitted(action)

    def reload(self) -> None:
        db = self.db
        if db is None or getattr(db, "closed", False):
            return
        run_task(load_card, db, self.household_id, on_done=self._show, on_error=self._failed, owner=self,
                 interactive=True)

    def after_save(self) -> None:
        """A tab saved successfully: re-read the card and tell everyone else."""
        self.reload()
        self.main.notify_household_changed(self.household_id)

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__
        self.message.error(self.tr("The household could not be loaded: {reason}").format(reason=text))
        self.load_failed.emit(exc)

    def _show(self, data: CardData) -> None:
        self.data = data
        self.message.clear_message()
        self._header(data)
        for tab, _title in self._builtin:
            tab.show_data(data)
        for widget, _title in self.extra:
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception:
                    log.exception("card tab refresh failed")
        self.loaded.emit(data)

    def _header(self, data: CardData) -> None:
        hh = data.household
        self.title.setText(self.tr("{head} household").format(head=hh.head_name or "—"))
        colours = fmt.status_colours(hh.exit_status)
        label = fmt.label("exit_status", hh.exit_status)
        if colours is not None:
            badge, tint, text = colours
            self.status.setStyleSheet(f"background: {badge.name()}; color: white; border-radius: 4px; padding: 2px 8px;"
                                      f" font-weight: bold;")
        else:
            self.status.setStyleSheet("")
        self.status.setText(label)
        village = data.village
        place = f"{village.township_name} {village.name}" if village else ""
        latest = max(data.incomes) if data.incomes else None
        parts = [
            self.tr("Household no. {number}").format(number=hh.hh_number or "—"),
            self.tr("{place}, group {group}").format(place=place, group=hh.group_no),
            self.tr("{n} members").format(n=hh.size),
            fmt.label("household_attr", hh.household_attr),
        ]
        if hh.main_cause:
            parts.append(self.tr("main cause: {cause}").format(cause=fmt.label("poverty_cause", hh.main_cause)))
        if latest is not None:
            s = registry.summarise(data.incomes[latest], latest, hh.size, data.province)
            if s.per_capita_fen is not None:
                parts.append(self.tr("per capita {year}: {amount}").format(year=latest,
                                                                            amount=fmt.money(s.per_capita_fen)))
        helper = data.current_helper
        if helper is not None:
            parts.append(self.tr("helper: {name}").format(name=helper.name))
        self.info.setText(" · ".join(parts))

    def title_text(self) -> str:
        if self.data is None:
            return self.tr("Loading…")
        hh = self.data.household
        return f"{hh.head_name or '—'} {hh.hh_number[-4:] if hh.hh_number else ''}".strip()

    # -- actions -------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        """The user edited a field so that it differs from what the card loaded. Stored values
        that fail validation are not unsaved changes; a card that never loaded, or whose database
        is closed (nothing could be saved there), has none."""
        db = self.db
        if self.data is None or db is None or getattr(db, "closed", False):
            return False
        return any(tab.is_dirty() for tab, _ in self._builtin)

    def save_current(self) -> None:
        widget = self.tabs.currentWidget()
        if isinstance(widget, CardTab):
            widget.save()
        else:
            save = getattr(widget, "save", None)
            if callable(save):
                save()

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def refresh_permissions(self) -> None:
        if self.data is not None:
            self._show(self.data)

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for i, (_tab, title) in enumerate(self._builtin):
            self.tabs.setTabText(i, title())
        for widget, title in self.extra:
            self.tabs.setTabText(self.tabs.indexOf(widget), title())
        if self.data is not None:
            self._header(self.data)

    def _title_font(self) -> None:
        font = QFont(self.font())
        badge = QFont(font)
        badge.setBold(True)
        self.status.setFont(badge)  # the badge has a style sheet: give it the current size explicitly
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._title_font()
        super().changeEvent(event)
