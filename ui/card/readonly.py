"""Read-only panels of the card: measures, visits, lifecycle history, attachments, change history.

Measures, visits and lifecycle requests are recorded by the field-work features (they add their
own buttons through plugins); here they are listed so the card is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout

from ui import formatting as fmt
from ui.card.base import CardTab
from ui.card.data import CardData
from ui.forms import field_title
from ui.models.rows import Column, RowsModel


def _table(model: RowsModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    return f"{fmt.day(local.date())} {local:%H:%M}"


#: lifecycle kinds whose reason is a code: 剔除 → removal_reason, 自然减少/增加 → member_change_reason
REASON_LISTS = {"04": "removal_reason", "05": "member_change_reason", "06": "member_change_reason"}


def reason_text(kind: str, reason: str | None) -> str:
    """A lifecycle request's or event's reason in words. Coded reasons show their label; the
    free-text reason of 新识别/返贫 may hold the poverty-cause code (imports and the demo record the
    main cause there), which is shown as the cause's name too."""
    if not reason:
        return ""
    list_name = REASON_LISTS.get(kind)
    if list_name is not None:
        return fmt.label_any(list_name, reason)
    from app.codes import code_list

    if kind in ("01", "03") and code_list("poverty_cause").get(reason) is not None:
        return fmt.label("poverty_cause", reason)
    return reason


class ListTab(CardTab):
    """One or more read-only tables with an empty-state line each."""

    def __init__(self, card: Any, sections: Sequence[tuple[str, list[Column], Callable[[CardData], list[Any]],
                                                          Callable[[], str], Callable[[], str]]]) -> None:
        super().__init__(card)
        layout = QVBoxLayout(self)
        self.sections = []
        for name, columns, rows, title, empty in sections:
            heading = QLabel()
            heading.setStyleSheet("font-weight: bold;")
            model = RowsModel(columns)
            table = _table(model, name)
            empty_label = QLabel()
            empty_label.setStyleSheet("color: #666;")
            layout.addWidget(heading)
            layout.addWidget(empty_label)
            layout.addWidget(table, 1)
            self.sections.append((heading, model, table, empty_label, rows, title, empty))
        layout.addStretch(0)  # takes the space only when every table is hidden (nothing recorded)
        self.retranslate()

    def retranslate(self) -> None:
        for heading, model, _tbl, empty_label, _rows, title, empty in self.sections:
            heading.setText(title())
            heading.setVisible(len(self.sections) > 1)
            empty_label.setText(empty())
            model.retranslate()

    def show_data(self, data: CardData) -> None:
        for _heading, model, table, empty_label, rows, _title, _empty in self.sections:
            items = rows(data)
            model.set_rows(items)
            empty_label.setVisible(not items)
            table.setVisible(bool(items))

    def models(self) -> list[RowsModel]:
        return [s[1] for s in self.sections]



class MeasuresTab(ListTab):
    def __init__(self, card: Any) -> None:
        columns = [
            Column(lambda: self.tr("Date"), lambda m: fmt.day(m.date)),
            Column(lambda: self.tr("Category"), lambda m: fmt.label("measure_category", m.category)),
            Column(lambda: self.tr("Content"), lambda m: m.content),
            Column(lambda: self.tr("Amount"), lambda m: fmt.money(m.amount_fen) if m.amount_fen else "", align_right=True),
            Column(lambda: self.tr("Funding source"), lambda m: fmt.label("funding_source", m.funding_source)),
            Column(lambda: self.tr("Status"), lambda m: fmt.label("measure_status", m.status)),
        ]
        super().__init__(card, [("measuresTable", columns, lambda d: d.measures, lambda: self.tr("Assistance measures"),
                                 lambda: self.tr("No assistance measures recorded yet."))])


class VisitsTab(ListTab):
    def __init__(self, card: Any) -> None:
        columns = [
            Column(lambda: self.tr("Visited"), lambda v: local_time(v.visited_at)),
            Column(lambda: self.tr("Recorded by"), lambda v: v.author),
            Column(lambda: self.tr("Helper"), lambda v: v.helper_name),
            Column(lambda: self.tr("Summary"), lambda v: v.summary),
            Column(lambda: self.tr("Satisfaction"), lambda v: fmt.label_any("satisfaction", v.satisfaction)),
            Column(lambda: self.tr("Confirmed by the household"), lambda v: "✓" if v.confirmation_sha256 else ""),
        ]
        super().__init__(card, [("visitsTable", columns, lambda d: d.visits, lambda: self.tr("Visits"),
                                 lambda: self.tr("No visits recorded yet."))])


class LifecycleTab(ListTab):
    def __init__(self, card: Any) -> None:
        requests = [
            Column(lambda: self.tr("Request"), lambda r: fmt.label("lifecycle_event", r.kind)),
            Column(lambda: self.tr("Year"), lambda r: r.year),
            Column(lambda: self.tr("Status"), lambda r: fmt.label("lifecycle_request_status", r.status)),
            Column(lambda: self.tr("Reason"), lambda r: reason_text(r.kind, r.reason)),
            Column(lambda: self.tr("Filed by"), lambda r: r.author),
            Column(lambda: self.tr("Last change"), lambda r: local_time(r.updated_at)),
        ]
        events = [
            Column(lambda: self.tr("Date"), lambda e: fmt.day(e.date)),
            Column(lambda: self.tr("Event"), lambda e: fmt.label("lifecycle_event", e.kind)),
            Column(lambda: self.tr("Year"), lambda e: e.year),
            Column(lambda: self.tr("From"), lambda e: fmt.label("exit_status", e.from_status)),
            Column(lambda: self.tr("To"), lambda e: fmt.label("exit_status", e.to_status)),
            Column(lambda: self.tr("Reason"), lambda e: reason_text(e.kind, e.reason)),
        ]
        super().__init__(card, [
            ("lifecycleEvents", events, lambda d: d.events, lambda: self.tr("Status changes"),
             lambda: self.tr("No status changes recorded yet.")),
            ("lifecycleRequests", requests, lambda d: d.requests, lambda: self.tr("Requests awaiting or past approval"),
             lambda: self.tr("No requests.")),
        ])


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


class AttachmentsTab(ListTab):
    def __init__(self, card: Any) -> None:
        columns = [
            Column(lambda: self.tr("Kind"), lambda a: a.link.role),
            Column(lambda: self.tr("Caption"), lambda a: a.link.caption),
            Column(lambda: self.tr("Belongs to"), lambda a: _entity_name(a.link.entity)),
            Column(lambda: self.tr("File type"), lambda a: a.mime),
            Column(lambda: self.tr("Size"), lambda a: _size(a.size) if a.size else "", align_right=True),
            Column(lambda: self.tr("Pixels"), lambda a: f"{a.width}×{a.height}" if a.width and a.height else ""),
            Column(lambda: self.tr("Added"), lambda a: local_time(a.link.updated_at)),
        ]
        super().__init__(card, [("attachmentsTable", columns, lambda d: d.attachments, lambda: self.tr("Attachments"),
                                 lambda: self.tr("No photos or scanned sheets attached yet."))])


def _entity_name(entity: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "household": QCoreApplication.translate("Entities", "Household"),
        "member": QCoreApplication.translate("Entities", "Member"),
        "income": QCoreApplication.translate("Entities", "Income"),
        "conditions": QCoreApplication.translate("Entities", "Conditions"),
        "helper_assignment": QCoreApplication.translate("Entities", "Helper"),
        "visit": QCoreApplication.translate("Entities", "Visit"),
        "measure": QCoreApplication.translate("Entities", "Measure"),
        "lifecycle_request": QCoreApplication.translate("Entities", "Request"),
    }
    return names.get(entity, entity)


def _change_text(entry: Any) -> str:
    from PySide6.QtCore import QCoreApplication

    if entry.action == "create":
        return QCoreApplication.translate("HistoryTab", "created")
    if entry.action == "delete":
        return QCoreApplication.translate("HistoryTab", "deleted")
    if entry.action != "patch":
        return entry.action
    parts = []
    for name, pair in sorted((entry.fields or {}).items()):
        if name in ("size", "head_name") and entry.entity == "household":
            continue
        label = field_title(entry.entity, name)
        if isinstance(pair, list) and len(pair) == 2:
            old, new = pair
            if name.endswith("_fen") and isinstance(old, int) and isinstance(new, int):
                old, new = fmt.money(old), fmt.money(new)
            parts.append(f"{label}: {_short(old)} → {_short(new)}")
        else:
            parts.append(label)
    return "; ".join(parts)


def _short(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


class HistoryTab(ListTab):
    """Who changed what on this card, from the tamper-evident audit trail (domain.md §7)."""

    def __init__(self, card: Any) -> None:
        columns = [
            Column(lambda: self.tr("When"), lambda e: local_time(e.at)),
            Column(lambda: self.tr("Who"), lambda e: e.user_name),
            Column(lambda: self.tr("What"), lambda e: _entity_name(e.entity)),
            Column(lambda: self.tr("Change"), _change_text),
            Column(lambda: self.tr("Reason"), lambda e: e.reason),
        ]
        super().__init__(card, [("historyTable", columns, lambda d: [e for e in d.history if _change_text(e)],
                                 lambda: self.tr("Change history"), lambda: self.tr("No changes recorded."))])
