"""The tree on the left: county → township → village → 组, with household counts.

A small custom tree model (a few hundred nodes at most) built from ``fetch_places``. Each node
carries the ``Scope`` the household list filters on when it is selected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ui.models.household_query import Place, Scope

Index = QModelIndex | QPersistentModelIndex
SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1



@dataclass(eq=False)
class Node:
    kind: str  # root | county | township | village | group
    name: str
    scope: Scope
    count: int = 0
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    group_no: int = 0

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


def build_tree(places: list[Place]) -> Node:
    root = Node("root", "", Scope())
    counties: dict[str, Node] = {}
    townships: dict[str, Node] = {}
    for p in places:
        c_code, t_code = p.code[:6], p.code[:9]
        county = counties.get(c_code)
        if county is None:
            county = counties[c_code] = root.add(Node("county", p.county, Scope("county", c_code)))
        township = townships.get(t_code)
        if township is None:
            township = townships[t_code] = county.add(Node("township", p.township, Scope("township", t_code)))
        village = township.add(Node("village", p.name, Scope("village", village_id=p.village_id),
                                    count=p.households))
        for group_no, n in p.groups:
            village.add(Node("group", "", Scope("group", village_id=p.village_id, group_no=group_no), count=n,
                             group_no=group_no))
        township.count += p.households
        county.count += p.households
    return root


class PlaceTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.root = Node("root", "", Scope())

    def set_places(self, places: list[Place]) -> None:
        self.beginResetModel()
        self.root = build_tree(places)
        self.endResetModel()

    def node(self, index: Index) -> Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, Node):
                return node
        return self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        p = self.node(parent)
        if row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, 0, p.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        p = node.parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row(), 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind != "group":
                name = node.name
            elif node.group_no:
                name = QCoreApplication.translate("PlaceTreeModel", "Group {n}").format(n=node.group_no)
            else:
                name = QCoreApplication.translate("PlaceTreeModel", "No group")
            return f"{name} ({node.count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("PlaceTreeModel", "{n} households").format(n=node.count)
        if role == SCOPE_ROLE:
            return node.scope
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PlaceTreeModel", "Places")
        return None

    def find(self, scope: Scope) -> QModelIndex:
        def walk(node: Node) -> Node | None:
            for child in node.children:
                if child.scope == scope:
                    return child
                found = walk(child)
                if found is not None:
                    return found
            return None

        node = walk(self.root)
        return self.createIndex(node.row(), 0, node) if node is not None else QModelIndex()

    def retranslate(self) -> None:
        def walk(parent: QModelIndex) -> None:
            n = self.rowCount(parent)
            if n:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(n - 1, 0, parent))
                for r in range(n):
                    walk(self.index(r, 0, parent))

        walk(QModelIndex())
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)
