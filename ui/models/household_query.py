"""SQL behind the household list: which households (filters, search, sort) and their row data.

The list is loaded in two steps, both on a read connection in a worker thread:

1. ``fetch_ids`` returns the SQLite rowids of every matching household in display order. For
   100,000 households that is one indexed query and a list of ints (~4 MB), which gives an exact
   row count and scroll bar at once and makes any sort order a single query.
2. ``fetch_rows`` returns the display columns for one window of rowids (a block of ~100 rows) when
   the view scrolls there.

Pure Python (no Qt) so it can be tested and benchmarked alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.services import visit_plan

#: list columns (key, sort expression). The order is the order on screen.
NET = ("(i.wage_fen + i.business_fen + i.property_fen + i.transfer_family_planning_fen + i.transfer_dibao_fen"
       " + i.transfer_tekun_fen + i.transfer_pension_fen + i.transfer_eco_fen + i.transfer_other_fen"
       " - i.business_expense_fen)")
NET_SUB = f"(SELECT {NET} FROM income i WHERE i.household_id = h.id AND i.year = :year AND NOT i.deleted)"
# The sub-selects below are answered from covering indexes (migration 0002_ui), never the tables.
HELPER_SUB = ("(SELECT a.name FROM helper_assignment a WHERE a.household_id = h.id AND a.end_date IS NULL"
              " AND a.deleted = 0 ORDER BY a.start_date DESC LIMIT 1)")
PLAN_SUB = ("coalesce((SELECT a.visit_every_days FROM helper_assignment a WHERE a.household_id = h.id"
            " AND a.end_date IS NULL AND a.deleted = 0 ORDER BY a.start_date DESC LIMIT 1), 30)")
VISIT_SUB = "(SELECT max(w.visited_at) FROM visit w WHERE w.household_id = h.id AND w.deleted = 0)"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("hh_number", "h.hh_number"),
    ("head_name", "h.head_name"),
    ("exit_status", "h.exit_status"),
    ("village", "v.code"),
    ("group_no", "v.code, h.group_no"),
    ("size", "h.size"),
    ("household_attr", "h.household_attr"),
    ("main_cause", "h.main_cause"),
    ("per_capita", f"{NET_SUB} * 1.0 / nullif(h.size, 0)"),
    ("helper", HELPER_SUB),
    ("last_visit", VISIT_SUB),
)
COLUMN_KEYS = tuple(k for k, _ in COLUMNS)
#: statuses that no longer need regular visits (已脱贫, 不再享受政策): the visit plan's
NO_VISIT_STATUSES = visit_plan.NO_VISIT_STATUSES


@dataclass(frozen=True)
class Scope:
    """Where in the tree: the county (6-digit code), a township (9), a village (id) or one of its groups."""

    level: str = "all"  # all | county | township | village | group
    code: str = ""
    village_id: str = ""
    group_no: int | None = None


@dataclass(frozen=True)
class ListQuery:
    scope: Scope = field(default_factory=Scope)
    exit_status: str = ""
    household_attr: str = ""
    cause: str = ""
    group_no: int | None = None
    overdue: bool = False
    search_ids: tuple[str, ...] | None = None  # household ids found by the search box (None: no search)
    sort: str = "hh_number"
    descending: bool = False
    year: int = 0
    today: date | None = None

    def with_(self, **changes: Any) -> ListQuery:
        return replace(self, **changes)


@dataclass(frozen=True)
class HouseholdRow:
    rowid: int
    id: str
    hh_number: str
    head_name: str
    village: str
    group_no: int
    size: int
    household_attr: str
    main_cause: str
    exit_status: str
    net_fen: int | None
    helper: str
    last_visit: str

    @property
    def per_capita_fen(self) -> int | None:
        if self.net_fen is None or self.size <= 0:
            return None
        q, r = divmod(self.net_fen, self.size)
        return q + (1 if 2 * r >= self.size else 0)


def _where(q: ListQuery) -> tuple[list[str], dict[str, Any], bool]:
    """(conditions, parameters, needs the village join)."""
    cond = ["h.deleted = 0"]
    params: dict[str, Any] = {"year": q.year}
    join = q.sort in ("village", "group_no")
    s = q.scope
    if s.level in ("county", "township") and s.code:
        cond.append("v.code LIKE :scope_code")
        params["scope_code"] = s.code + "%"
        join = True
    elif s.level in ("village", "group") and s.village_id:
        cond.append("h.village_id = :village_id")
        params["village_id"] = s.village_id
        if s.level == "group" and s.group_no is not None:
            cond.append("h.group_no = :scope_group")
            params["scope_group"] = s.group_no
    if q.exit_status:
        cond.append("h.exit_status = :exit_status")
        params["exit_status"] = q.exit_status
    if q.household_attr:
        cond.append("h.household_attr = :household_attr")
        params["household_attr"] = q.household_attr
    if q.cause:
        cond.append("(h.main_cause = :cause OR EXISTS (SELECT 1 FROM json_each(h.other_causes) c"
                    " WHERE c.value = :cause))")
        params["cause"] = q.cause
    if q.group_no is not None:
        cond.append("h.group_no = :group_no")
        params["group_no"] = q.group_no
    if q.overdue:
        # the visit plan's rule (app.services.visit_plan): the households the start-up reminder counts
        cond.append(visit_plan.overdue_condition("h", "today"))
        params["today"] = (q.today or date.today()).isoformat()
    if q.search_ids is not None:
        if not q.search_ids:
            cond.append("0")
        else:
            names = []
            for i, hid in enumerate(q.search_ids):
                params[f"s{i}"] = hid
                names.append(f":s{i}")
            cond.append(f"h.id IN ({','.join(names)})")
    return cond, params, join


def fetch_ids(conn: Any, q: ListQuery) -> list[int]:
    """Rowids of the matching households, in display order."""
    if q.overdue and q.today is None:
        q = q.with_(today=reference_day(conn))
    cond, params, join = _where(q)
    order = dict(COLUMNS).get(q.sort, "h.hh_number")
    direction = " DESC" if q.descending else ""
    order_sql = ", ".join(part.strip() + direction for part in _split_order(order))
    joins = "JOIN village v ON v.id = h.village_id" if join else ""
    sql = (f"SELECT h.rowid FROM household h {joins} "
           f"WHERE {' AND '.join(cond)} ORDER BY {order_sql}, h.rowid{direction}")
    return [r[0] for r in _execute(conn, sql, params).fetchall()]


def _split_order(order: str) -> list[str]:
    # "v.code, h.group_no" sorts by both; sub-selects contain commas only inside parentheses
    parts, depth, current = [], 0, ""
    for ch in order:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


ROW_SQL = (
    "SELECT h.rowid, h.id, h.hh_number, h.head_name, v.name, h.group_no, h.size, h.household_attr, h.main_cause,"
    f" h.exit_status, {NET_SUB}, {HELPER_SUB}, {VISIT_SUB} "
    "FROM household h JOIN village v ON v.id = h.village_id WHERE h.rowid IN ({marks})"
)


def fetch_rows(conn: Any, rowids: Sequence[int], year: int) -> dict[int, HouseholdRow]:
    """Display data for these households (one window of the list)."""
    if not rowids:
        return {}
    params: dict[str, Any] = {"year": year}
    marks = []
    for i, rid in enumerate(rowids):
        params[f"r{i}"] = rid
        marks.append(f":r{i}")
    sql = ROW_SQL.replace("{marks}", ",".join(marks))
    out = {}
    for r in _execute(conn, sql, params).fetchall():
        out[r[0]] = HouseholdRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or 0, r[6] or 0, r[7] or "",
                                 r[8] or "", r[9] or "", r[10], r[11] or "", str(r[12] or "")[:10])
    return out


def rowid_of(conn: Any, household_id: str) -> int | None:
    row = _execute(conn, "SELECT rowid FROM household WHERE id = :id", {"id": household_id}).fetchone()
    return row[0] if row else None


def reference_day(conn: Any) -> date:
    """``app.services.reference_date`` on a bare connection: the scenario's day of a demo or training
    database (``sync_meta`` ``demo_as_of``), today otherwise: "visit overdue" is counted on it."""
    from app.services.reference_date import KEY, day_of

    row = _execute(conn, "SELECT value FROM sync_meta WHERE key = :key", {"key": KEY}).fetchone()
    return day_of(row[0] if row else None)


def income_year(conn: Any, today: date | None = None) -> int:
    """The year the list shows per-capita income for: the newest year with data, else last year."""
    this_year = (today or date.today()).year
    row = _execute(conn, "SELECT max(year) FROM income WHERE year <= :y AND deleted = 0", {"y": this_year}).fetchone()
    return int(row[0]) if row and row[0] else this_year - 1


@dataclass(frozen=True)
class Place:
    village_id: str
    code: str
    name: str
    township: str
    county: str
    groups: tuple[tuple[int, int], ...]  # (group number, households)

    @property
    def households(self) -> int:
        return sum(n for _, n in self.groups)


def fetch_places(conn: Any) -> list[Place]:
    """Villages with their groups and household counts, for the tree (county → township → village → 组)."""
    counts: dict[str, dict[int, int]] = {}
    for vid, group, n in _execute(
        conn, "SELECT village_id, group_no, count(*) FROM household WHERE deleted = 0 GROUP BY 1, 2", {}
    ).fetchall():
        per_village = counts.setdefault(vid, {})
        number = _group_number(group)  # a damaged or imported value must not cost the whole tree
        per_village[number] = per_village.get(number, 0) + n
    places = []
    for vid, code, name, township, county, groups in _execute(
        conn, "SELECT id, code, name, township_name, county_name, groups FROM village WHERE NOT deleted ORDER BY code", {}
    ).fetchall():
        per = dict.fromkeys(range(1, int(groups or 0) + 1), 0)
        per.update(counts.get(vid, {}))
        places.append(Place(vid, code, name, township, county, tuple(sorted(per.items()))))
    return places


def _group_number(value: Any) -> int:
    """The 组 number, or 0 (households not placed in a group) for a missing or unreadable value."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _execute(conn: Any, sql: str, params: dict[str, Any]) -> Any:
    """Run on a DB-API connection (named parameters) or an SQLAlchemy connection."""
    if hasattr(conn, "exec_driver_sql"):
        return conn.exec_driver_sql(sql, params)
    return conn.execute(sql, params)
