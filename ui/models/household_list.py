"""The household list: a lazily loading table model that opens 100,000 households instantly.

``reload()`` asks a worker for the ordered rowids of the matching households (one query), then
the model knows its exact row count. Row data is fetched in blocks of ``BLOCK`` rows when the view
first asks for a row of that block (i.e. when it scrolls into sight), again in a worker; until it
arrives the row shows a placeholder and ``dataChanged`` repaints it. A bounded LRU cache of blocks
keeps memory flat however far one scrolls. Every reload bumps a generation number so late answers
of an older query are dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.codes import poverty_line_fen
from ui import formatting as fmt
from ui.models.household_query import COLUMN_KEYS, HouseholdRow, ListQuery, fetch_ids, fetch_rows, income_year
from ui.workers import run_task

Index = QModelIndex | QPersistentModelIndex
BLOCK = 100
MAX_BLOCKS = 60
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
NUMERIC = frozenset({"group_no", "size", "per_capita"})



def column_title(key: str, year: int = 0) -> str:
    titles = {
        "hh_number": QCoreApplication.translate("HouseholdListModel", "Household no."),
        "head_name": QCoreApplication.translate("HouseholdListModel", "Head of household"),
        "village": QCoreApplication.translate("HouseholdListModel", "Village"),
        "group_no": QCoreApplication.translate("HouseholdListModel", "Group"),
        "size": QCoreApplication.translate("HouseholdListModel", "Household size"),
        "household_attr": QCoreApplication.translate("HouseholdListModel", "Household type"),
        "main_cause": QCoreApplication.translate("HouseholdListModel", "Main cause"),
        "exit_status": QCoreApplication.translate("HouseholdListModel", "Poverty status"),
        "per_capita": QCoreApplication.translate("HouseholdListModel", "Per-capita income {year}").format(year=year or ""),
        "helper": QCoreApplication.translate("HouseholdListModel", "Helper"),
        "last_visit": QCoreApplication.translate("HouseholdListModel", "Last visit"),
    }
    return titles[key]


class HouseholdListModel(QAbstractTableModel):
    #: (rows) after every reload; the status bar shows the count
    loaded = Signal(int)
    #: a block of rows arrived (tests wait on it)
    rows_arrived = Signal()
    failed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._connect: Callable[[], Any] | None = None
        self.query = ListQuery()
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, list[HouseholdRow | None]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._province: str | None = None
        self.loading = False

    # -- wiring --------------------------------------------------------------------------------
    def set_connection_factory(self, connect: Callable[[], Any] | None, province: str | None = None) -> None:
        """``connect()`` returns a context manager yielding a DB-API connection (read-only use)."""
        self._connect = connect
        self._province = province
        if connect is None:
            self.beginResetModel()
            self._ids, self._pending = [], set()
            self._blocks.clear()
            self._generation += 1
            self.endResetModel()

    # -- loading -------------------------------------------------------------------------------
    def reload(self, query: ListQuery | None = None) -> None:
        if query is not None:
            self.query = query
        if self._connect is None:
            return
        self._generation += 1
        generation, q, connect = self._generation, self.query, self._connect
        self.loading = True

        def work() -> tuple[list[int], int]:
            with connect() as conn:
                year = q.year or income_year(conn)
                return fetch_ids(conn, q.with_(year=year)), year

        run_task(work, on_done=lambda result: self._ids_arrived(generation, result),
                 on_error=lambda exc: self._failed(generation, exc), owner=self, interactive=True)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self.failed.emit(exc)

    def _ids_arrived(self, generation: int, result: tuple[list[int], int]) -> None:
        if generation != self._generation:
            return
        ids, year = result
        year_changed = year != self.query.year
        self.beginResetModel()
        self.query = self.query.with_(year=year)
        self._ids = ids
        self._blocks.clear()
        self._pending.clear()
        self.endResetModel()
        if year_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_KEYS) - 1)
        self.loading = False
        self.loaded.emit(len(ids))

    def _request(self, block: int) -> None:
        if block in self._pending or self._connect is None:
            return
        self._pending.add(block)
        generation, connect, year = self._generation, self._connect, self.query.year
        rowids = self._ids[block * BLOCK:(block + 1) * BLOCK]

        def work() -> dict[int, HouseholdRow]:
            with connect() as conn:
                return fetch_rows(conn, rowids, year)

        run_task(work, on_done=lambda rows: self._block_arrived(generation, block, rowids, rows),
                 on_error=lambda exc: self._failed(generation, exc), owner=self, interactive=True)

    def _block_arrived(self, generation: int, block: int, rowids: list[int], rows: dict[int, HouseholdRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(block)
        self._blocks[block] = [rows.get(r) for r in rowids]
        self._blocks.move_to_end(block)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        first = block * BLOCK
        last = min(first + len(rowids), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMN_KEYS) - 1))
        self.rows_arrived.emit()

    def refresh_household(self, household_id: str) -> None:
        """Re-read the cached block that shows this household (after an edit)."""
        for block, rows in list(self._blocks.items()):
            if any(r is not None and r.id == household_id for r in rows):
                del self._blocks[block]
                self._request(block)

    # -- access --------------------------------------------------------------------------------
    def row_data(self, row: int) -> HouseholdRow | None:
        if not (0 <= row < len(self._ids)):
            return None
        block = row // BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            self._request(block)
            return None
        self._blocks.move_to_end(block)
        return rows[row - block * BLOCK]

    def household_id(self, row: int) -> str | None:
        data = self.row_data(row)
        return data.id if data is not None else None

    def row_of(self, household_id: str) -> int | None:
        for block, rows in self._blocks.items():
            for i, r in enumerate(rows):
                if r is not None and r.id == household_id:
                    return block * BLOCK + i
        return None

    def all_loaded(self) -> bool:
        """True when every row has its data (small lists; used by tests and screenshots)."""
        return all((i // BLOCK) in self._blocks for i in range(0, len(self._ids), BLOCK))

    def memory_rows(self) -> int:
        return sum(len(rows) for rows in self._blocks.values())

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_KEYS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(COLUMN_KEYS[section], self.query.year)
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMN_KEYS[section] in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMN_KEYS)):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self.query.sort == COLUMN_KEYS[column] and self.query.descending == descending and self._ids:
            return
        self.reload(self.query.with_(sort=COLUMN_KEYS[column], descending=descending))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        key = COLUMN_KEYS[index.column()]
        row = self.row_data(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key == "exit_status":
            colours = fmt.status_colours(row.exit_status)
            if colours is not None:
                if role == Qt.ItemDataRole.DecorationRole:
                    return fmt.badge_icon(colours[0].name())
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(colours[1])
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(colours[2])
        if key == "per_capita" and role == Qt.ItemDataRole.ForegroundRole:
            pc = row.per_capita_fen
            line = poverty_line_fen(self.query.year, self._province) if self.query.year else None
            if pc is not None and line is not None and pc < line:
                return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole and key in ("household_attr", "main_cause", "exit_status", "village"):
            return self._display(row, key)  # the whole label when the column is too narrow
        if role == Qt.ItemDataRole.ToolTipRole and key == "per_capita" and row.per_capita_fen is not None:
            line = poverty_line_fen(self.query.year, self._province) if self.query.year else None
            if line is not None:
                return QCoreApplication.translate("HouseholdListModel", "Poverty line {year}: {line}").format(year=self.query.year, line=fmt.money(line))
        return None

    def _display(self, row: HouseholdRow, key: str) -> str:
        if key == "hh_number":
            return row.hh_number
        if key == "head_name":
            return row.head_name
        if key == "village":
            return row.village
        if key == "group_no":
            return str(row.group_no)
        if key == "size":
            return str(row.size)
        if key == "household_attr":
            return fmt.label("household_attr", row.household_attr)
        if key == "main_cause":
            return fmt.label("poverty_cause", row.main_cause)
        if key == "exit_status":
            return fmt.label("exit_status", row.exit_status)
        if key == "per_capita":
            pc = row.per_capita_fen
            return fmt.money(pc) if pc is not None else ""
        if key == "helper":
            return row.helper
        if key == "last_visit":
            return fmt.day(row.last_visit) if row.last_visit else ""
        return ""

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_KEYS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMN_KEYS) - 1))
