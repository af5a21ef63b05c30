"""Import of registry spreadsheets in the national system's person-level export shape (issue 7).

The flow is: read every sheet (``read_workbook``: header detection, cell conversion, one
``Problem`` per bad cell) → ``analyse`` against the database (households matched by 户编号,
people by ID number, villages by division code or by name) → ``Plan`` of rows to create and fields
to change → ``apply`` in **one** write transaction through ``Tx.create_rows`` / ``Tx.patch``, so
every row gets its audit entry and outbox op. Any error refuses the whole file; ``preview`` runs
the same analysis and writes nothing. A re-import of the same file plans nothing and writes
nothing.

Decisions (see docs/township.md):
- Villages: with a 行政区划代码 column, found or created by the 12-digit code; without one, found
  by name (县 + 乡(镇) + 村, and 省/市 when both sides have them) and never created, because a
  village without its statistical code cannot sync; ``village_code=`` (``--village``) puts every
  row into one village.
- Blank cells mean "not given": they never clear a stored value. Household columns may be filled
  on every row or only on one row per household; two different values are an error.
- 脱贫属性 is taken for new households only; a different status for an existing household is an
  error, because status changes go through the lifecycle approval (app.services.lifecycle).
- Members that the database has and the file lacks are left alone (moving out needs a reason),
  with a warning.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

import app.fields  # registers the core's messages
import app.io.messages  # noqa: F401  (registers this area's messages)
from app.codes import code_list
from app.domain import Conditions, Household, Member, ReportedIncome, Village, uuid7
from app.errors import BangfuError
from app.i18n import t_in
from app.idnumber import validate_id
from app.io import cells
from app.io.columns import BY_KEY, COLUMNS, Column, column_letter, fold, match_header
from app.services.permissions import require
from app.services.tx import Tx, write
from app.store.database import Database

HEAD = "01"
HEADER_SCAN_ROWS = 20
KEY_COLUMNS = frozenset({"hh_number", "name", "id_number"})
MEMBER_FIELDS = ("name", "relation", "sex", "ethnicity", "education", "school_status", "health", "labour_skill",
                 "work_status", "work_months")
HOUSEHOLD_FIELDS = ("group_no", "phone", "household_attr", "main_cause", "identified_year", "bank_name",
                    "bank_account")
CONDITION_FIELDS = ("house_dangerous", "house_danger_level", "water_safe")
PLACE_FIELDS = ("province", "city", "county", "township", "village", "village_code")
_CHUNK = 500


# -- problems and results ----------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One finding about the file: where (sheet, Excel row, column letter and header) and what."""

    severity: str  # "error" refuses the import; "warning" is information
    code: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def where(self, lang: str | None = None) -> str:
        if self.row is not None and self.column:
            return t_in(lang, "import.location", sheet=self.sheet, row=self.row, column=self.column,
                        header=self.header)
        if self.row is not None:
            return t_in(lang, "import.location_row", sheet=self.sheet, row=self.row)
        if self.sheet:
            return t_in(lang, "import.location_sheet", sheet=self.sheet)
        return t_in(lang, "import.location_file")

    def message(self, lang: str | None = None) -> str:
        return t_in(lang, self.code, **self.params)

    def text(self, lang: str | None = None) -> str:
        label = t_in(lang, "import.error" if self.is_error else "import.warning")
        return f"{label} {self.where(lang)}: {self.message(lang)}"

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"severity": self.severity, "code": self.code, "sheet": self.sheet, "row": self.row,
                "column": self.column, "header": self.header, "message": self.message(lang)}


@dataclass
class ImportResult:
    """What an import found and did (or, for a preview, would do)."""

    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    villages: int = 0
    households: int = 0
    members: int = 0
    patched: int = 0
    unchanged_households: int = 0
    written: bool = False
    dry_run: bool = False
    sha256: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def refused(self) -> bool:
        return bool(self.errors)

    @property
    def changes(self) -> int:
        return self.villages + self.households + self.members + self.patched

    def summary(self, lang: str | None = None) -> str:
        if self.refused:
            return t_in(lang, "import.refused", count=len(self.errors))
        if not self.changes:
            return t_in(lang, "import.nothing")
        code = "import.preview" if self.dry_run else "import.done"
        return t_in(lang, code, villages=self.villages, households=self.households, members=self.members,
                    patched=self.patched)


class _Refused(Exception):
    """Raised inside the write transaction to roll it back when the analysis found errors."""


# -- reading -----------------------------------------------------------------------------------
@dataclass
class SheetColumns:
    sheet: str
    index: dict[str, int]  # column key -> 0-based position
    headers: dict[str, str]  # column key -> header text as written in the file

    def cell(self, key: str) -> tuple[str, str]:
        """(column letter, header text) of ``key`` for problem locations."""
        if key not in self.index:
            return "", BY_KEY[key].header
        return column_letter(self.index[key]), self.headers[key]


@dataclass
class ParsedRow:
    sheet: SheetColumns
    row: int
    values: dict[str, Any]
    bad: set[str]  # keys whose cells could not be converted


def _converter(column: Column) -> Callable[[Any], Any]:
    kind = column.kind
    if kind.startswith("code:"):
        return cells.code_converter(kind[5:])
    if kind == "id":
        return cells.id_number
    if kind == "int":
        return partial(cells.integer, low=0, high=12)
    if kind == "year":
        return partial(cells.integer, low=1990, high=2100)
    if kind == "group":
        return cells.group
    if kind == "money":
        return cells.money_fen
    if kind == "bool":
        return cells.boolean
    if kind == "phone":
        return cells.phone
    if kind == "account":
        return cells.digits_text
    if column.key in ("hh_number", "village_code"):
        return cells.digits_text
    return cells.text


def _header_row(rows: list[tuple[Any, ...]]) -> int | None:
    """Index of the row (among the first few) that names the most known columns."""
    best, best_count = None, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        keys = {c.key for c in (match_header(v) for v in row if not cells.blank(v)) if c is not None}
        if len(keys) >= 3 and keys & KEY_COLUMNS and len(keys) > best_count:
            best, best_count = i, len(keys)
    return best


def _map_columns(sheet: str, header: tuple[Any, ...], problems: list[Problem]) -> SheetColumns:
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    for pos, value in enumerate(header):
        if cells.blank(value):
            continue
        label = str(value).strip()
        column = match_header(value)
        letter = column_letter(pos)
        if column is None:
            problems.append(Problem("warning", "import.unknown_column", sheet, None, letter, label, {"header": label}))
        elif column.key in index:
            problems.append(Problem("error", "import.duplicate_column", sheet, None, letter, label,
                                    {"header": label, "other": column_letter(index[column.key])}))
        else:
            index[column.key] = pos
            headers[column.key] = label
    return SheetColumns(sheet, index, headers)


def _sheet_rows(path: Path) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """Visible sheets' rows: the fast streaming reader, openpyxl for files it does not understand."""
    from app.io.xlsx_reader import XlsxFormatError, read_sheets

    if path.suffix.lower() == ".xls":
        raise BangfuError("import.xls_unsupported")
    if not path.is_file():
        raise BangfuError("import.file_unreadable", name=path.name)
    try:
        sheets = [(name, rows) for name, state, rows in read_sheets(path) if state == "visible"]
    except XlsxFormatError:
        sheets = list(_openpyxl_rows(path))
    yield from sheets


def _openpyxl_rows(path: Path) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        raise BangfuError("import.file_unreadable", name=path.name) from None
    try:
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            yield sheet.title, list(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def read_workbook(path: Path | str, problems: list[Problem]) -> list[ParsedRow]:
    """Every data row of every sheet with a header row, converted; problems appended."""
    path = Path(path)
    parsed: list[ParsedRow] = []
    found_header = False
    converters = {c.key: _converter(c) for c in COLUMNS}
    for title, rows in _sheet_rows(path):
        start = _header_row(rows)
        if start is None:
            if any(any(not cells.blank(v) for v in row) for row in rows):
                problems.append(Problem("warning", "import.sheet_skipped", title))
            continue
        found_header = True
        columns = _map_columns(title, rows[start], problems)
        for key in ("hh_number", "name", "id_number", "relation"):
            if key not in columns.index:
                problems.append(Problem("error", "import.missing_column", title, params={"column": BY_KEY[key].header}))
        plan = [(key, pos, converters[key]) for key, pos in columns.index.items()]
        for offset, row in enumerate(rows[start + 1:], start=start + 2):
            values: dict[str, Any] = {}
            bad: set[str] = set()
            width = len(row)
            for key, pos, convert in plan:
                raw = row[pos] if pos < width else None
                if raw is None or (raw.__class__ is str and not raw.strip()):
                    continue
                try:
                    values[key] = convert(raw)
                except cells.CellError as exc:
                    bad.add(key)
                    letter, header = columns.cell(key)
                    problems.append(Problem("error", exc.code, title, offset, letter, header, exc.params))
            if not values and not bad:
                continue
            if not (KEY_COLUMNS & (values.keys() | bad)):
                problems.append(Problem("warning", "import.row_skipped", title, offset))
                continue
            parsed.append(ParsedRow(columns, offset, values, bad))
    if not found_header:
        problems.append(Problem("error", "import.no_header"))
    elif not parsed:
        problems.append(Problem("error", "import.empty"))
    return parsed


# -- analysis ----------------------------------------------------------------------------------
@dataclass
class Plan:
    villages: list[dict[str, Any]] = field(default_factory=list)
    households: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[dict[str, Any]] = field(default_factory=list)
    incomes: list[dict[str, Any]] = field(default_factory=list)
    patches: list[tuple[type, str, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class _Group:
    """The rows of one household (one 户编号) and its household-level values."""

    number: str
    rows: list[ParsedRow] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    origin: dict[str, ParsedRow] = field(default_factory=dict)


def _problem(problems: list[Problem], code: str, row: ParsedRow, key: str | None = None, **params: Any) -> None:
    letter, header = row.sheet.cell(key) if key else ("", "")
    problems.append(Problem("error", code, row.sheet.sheet, row.row, letter, header, params))


def _group_rows(rows: list[ParsedRow], problems: list[Problem]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    shared = [c.key for c in COLUMNS if c.level != "member"]
    for row in rows:
        number = row.values.get("hh_number")
        if number is None:
            if "hh_number" not in row.bad:
                _problem(problems, "value.required", row, "hh_number")
            continue
        group = groups.get(number)
        if group is None:
            group = groups[number] = _Group(number)
        group.rows.append(row)
        for key in shared:
            if key not in row.values:
                continue
            value = row.values[key]
            if key not in group.values:
                group.values[key] = value
                group.origin[key] = row
            elif group.values[key] != value and (key not in PLACE_FIELDS or fold(group.values[key]) != fold(value)):
                _problem(problems, "import.household_conflict", row, key, other_row=group.origin[key].row)
        for key in ("name", "id_number", "relation"):
            if key not in row.values and key not in row.bad and key in row.sheet.index:
                _problem(problems, "value.required", row, key)
    return groups


def _fetch(session: Session, table: Any, column: Any, keys: Iterable[Any], *where: Any) -> list[Any]:
    keys = list(keys)
    out: list[Any] = []
    for start in range(0, len(keys), _CHUNK):
        stmt = select(table).where(column.in_(keys[start:start + _CHUNK]), *where)
        out.extend(session.execute(stmt).mappings().all())
    return out


class _Villages:
    """Village lookup by code or by folded names; plans new villages for unknown codes."""

    def __init__(self, session: Session, plan: Plan, fixed_code: str | None) -> None:
        self.plan = plan
        self.rows = [dict(r) for r in session.execute(select(Village.__table__)).mappings()
                     if not r["deleted"]]
        self.by_code = {r["code"]: r for r in self.rows}
        self.fixed = None
        if fixed_code is not None:
            self.fixed = self.by_code.get(fixed_code)
            if self.fixed is None:
                raise BangfuError("export.bad_place", place=fixed_code)

    @staticmethod
    def _same(a: str, b: str) -> bool:
        return not a or not b or fold(a) == fold(b)

    def resolve(self, group: _Group, problems: list[Problem]) -> str | None:
        v = group.values
        row = group.origin.get("village") or group.rows[0]
        if self.fixed is not None:
            if "village" in v and not self._same(v["village"], self.fixed["name"]):
                _problem(problems, "import.village_not_given", row, "village", village=v["village"])
                return None
            return str(self.fixed["id"])
        code = v.get("village_code")
        if code is not None:
            crow = group.origin["village_code"]
            if not (len(code) == 12 and code.isdigit()):
                _problem(problems, "value.division_code", crow, "village_code")
                return None
            found = self.by_code.get(code)
            if found is not None:
                if "village" in v and not self._same(v["village"], found["name"]):
                    problems.append(Problem("warning", "import.village_names_differ", crow.sheet.sheet, crow.row,
                                            *crow.sheet.cell("village"), {"name": found["name"]}))
                return str(found["id"])
            if not all(v.get(k) for k in ("village", "township", "county")):
                _problem(problems, "import.village_names_needed", crow, "village_code")
                return None
            new = {"id": uuid7(), "code": code, "name": v["village"], "township_name": v["township"],
                   "county_name": v["county"], "city_name": v.get("city", ""), "province_name": v.get("province", "")}
            self.plan.villages.append(new)
            self.by_code[code] = new
            self.rows.append(new)
            return str(new["id"])
        if "village" not in v:
            return None  # reported once per file as import.missing_place
        candidates = [r for r in self.rows if fold(r["name"]) == fold(v["village"])
                      and all(self._same(v.get(k, ""), r[f]) for k, f in
                              (("township", "township_name"), ("county", "county_name"), ("city", "city_name"),
                               ("province", "province_name")))]
        if len(candidates) == 1:
            return str(candidates[0]["id"])
        code = "import.village_ambiguous" if candidates else "import.village_unknown"
        _problem(problems, code, row, "village", village=v["village"], township=v.get("township", ""),
                 county=v.get("county", ""))
        return None


def analyse(session: Session, rows: list[ParsedRow], problems: list[Problem], year: int | None = None,
            village_code: str | None = None) -> Plan:
    """Match the parsed rows against the database and plan every create and change."""
    plan = Plan()
    groups = _group_rows(rows, problems)
    if not groups:
        return plan
    villages = _Villages(session, plan, village_code)
    sheets = {r.sheet.sheet: r.sheet for r in rows}
    if village_code is None:
        for sheet in sheets.values():
            has_names = {"village", "township", "county"} <= sheet.index.keys()
            if not has_names and "village_code" not in sheet.index:
                problems.append(Problem("error", "import.missing_place", sheet.sheet))
    # People in two households, within the file.
    first_seen: dict[str, ParsedRow] = {}
    for group in groups.values():
        for row in group.rows:
            number = row.values.get("id_number")
            if number is None:
                continue
            other = first_seen.get(number)
            if other is None:
                first_seen[number] = row
            elif other.values.get("hh_number") == row.values.get("hh_number"):
                _problem(problems, "import.duplicate_person", row, "id_number", other_row=other.row)
            else:
                _problem(problems, "import.person_two_households", row, "id_number", other_row=other.row)
    # What the database holds for these households and people.
    hh_rows = _fetch(session, Household.__table__, Household.__table__.c.hh_number, groups,
                     Household.__table__.c.deleted == False)  # noqa: E712
    households: dict[str, list[Any]] = {}
    for r in hh_rows:
        households.setdefault(r["hh_number"], []).append(r)
    existing_ids = [r["id"] for r in hh_rows]
    people: dict[str, list[Any]] = {}
    for r in _fetch(session, Member.__table__, Member.__table__.c.id_number, first_seen,
                    Member.__table__.c.deleted == False):  # noqa: E712
        people.setdefault(r["id_number"], []).append(r)
    members_of: dict[str, list[Any]] = {}
    for r in _fetch(session, Member.__table__, Member.__table__.c.household_id, existing_ids,
                    Member.__table__.c.deleted == False):  # noqa: E712
        members_of.setdefault(r["household_id"], []).append(r)
    conditions_of = {r["household_id"]: r for r in _fetch(session, Conditions.__table__,
                                                           Conditions.__table__.c.household_id, existing_ids)}
    incomes_of = {(r["household_id"], r["year"]): r for r in _fetch(session, ReportedIncome.__table__,
                                                                      ReportedIncome.__table__.c.household_id,
                                                                      existing_ids)}
    status_labels = code_list("exit_status")
    for number, group in groups.items():
        found = households.get(number, [])
        first = group.rows[0]
        if len(found) > 1:
            _problem(problems, "import.hh_ambiguous", first, "hh_number")
            continue
        village_id = villages.resolve(group, problems)
        existing = found[0] if found else None
        if existing is not None and village_id is not None and existing["village_id"] != village_id:
            _problem(problems, "import.village_moved", first, "hh_number")
            continue
        hh_id = existing["id"] if existing else uuid7()
        values = group.values
        changed = False
        # Members: match each row by ID number.
        living = {r["id"]: dict(r) for r in members_of.get(hh_id, []) if r["active"]}
        final: dict[str, dict[str, Any]] = dict(living)  # member id -> row after the import
        new_members: list[dict[str, Any]] = []
        seen_ids: set[str] = set()
        for row in group.rows:
            number_ = row.values.get("id_number")
            if number_ is None or first_seen.get(number_) is not row:
                # Already reported (bad, missing or repeated ID): still counts for the head check,
                # so one bad cell does not cascade into a second, misleading error.
                final[f"row-{row.row}"] = {"relation": row.values.get("relation"), "name": ""}
                continue
            data = {k: row.values[k] for k in MEMBER_FIELDS if k in row.values}
            info = validate_id(number_)
            if "sex" in data and data["sex"] != info.sex:
                _problem(problems, "member.id_sex", row, "sex")
            data.setdefault("sex", info.sex)
            records = people.get(number_, [])
            current = next((r for r in records if r["active"] and r["household_id"] == hh_id), None)
            if current is None and any(r["active"] for r in records):
                _problem(problems, "import.person_elsewhere", row, "id_number")
                continue
            if current is None and any(r["household_id"] == hh_id for r in records):
                _problem(problems, "import.member_inactive", row, "id_number")
                continue
            if current is None:
                member = {"id": uuid7(), "household_id": hh_id, "id_number": number_, "id_type": "01",
                          "birth_date": info.birth_date, **data}
                member.setdefault("name", "")
                new_members.append(member)
                final[member["id"]] = member
            else:
                seen_ids.add(current["id"])
                diff = {k: v for k, v in data.items() if current[k] != v}
                if diff:
                    plan.patches.append((Member, current["id"], diff))
                    final[current["id"]] = {**final[current["id"]], **diff}
                    changed = True
        heads = [m for m in final.values() if m.get("relation") == HEAD]
        if len(heads) != 1 and all("relation" in r.sheet.index for r in group.rows):
            row = next((r for r in group.rows if r.values.get("relation") == HEAD), first)
            if heads:
                _problem(problems, "import.two_heads", row, "relation", count=len(heads))
            else:
                _problem(problems, "import.no_head", row, "relation")
        missing = len(living) - len(seen_ids)
        if existing is not None and missing:
            problems.append(Problem("warning", "import.members_not_in_file", first.sheet.sheet, first.row,
                                    params={"count": missing}))
        derived = {"size": len(final), "head_name": heads[0]["name"] if len(heads) == 1 else ""}
        fields = {k: values[k] for k in HOUSEHOLD_FIELDS if k in values}
        if existing is None:
            if village_id is None:
                continue
            plan.households.append({"id": hh_id, "village_id": village_id, "hh_number": number,
                                    "exit_status": values.get("exit_status", "01"), **fields, **derived})
        else:
            if "exit_status" in values and values["exit_status"] != existing["exit_status"]:
                row = group.origin["exit_status"]
                _problem(problems, "import.status_change", row, "exit_status",
                         current=status_labels.label(existing["exit_status"]))
            diff = {k: v for k, v in {**fields, **derived}.items() if existing[k] != v}
            if diff:
                plan.patches.append((Household, hh_id, diff))
                changed = True
        plan.members.extend(new_members)
        # 生产生活条件 (dilapidated house, safe water).
        cond = {k: values[k] for k in CONDITION_FIELDS if k in values}
        if cond.get("house_danger_level") in ("C", "D"):
            if cond.get("house_dangerous") is False:
                _problem(problems, "import.danger_conflict", group.origin["house_dangerous"], "house_dangerous")
            cond["house_dangerous"] = True
        current_cond = conditions_of.get(hh_id)
        if current_cond is None:
            plan.conditions.append({"household_id": hh_id, **cond})
            changed = changed or existing is not None
        else:
            diff = {k: v for k, v in cond.items() if current_cond[k] != v}
            if diff:
                plan.patches.append((Conditions, current_cond["id"], diff))
                changed = True
        # 人均纯收入 for the year of the 年度 column or of --year.
        if "per_capita" in values:
            income_year = values.get("year", year)
            if income_year is None:
                _problem(problems, "import.year_missing", group.origin["per_capita"], "per_capita")
            else:
                current_income = incomes_of.get((hh_id, income_year))
                if current_income is None:
                    plan.incomes.append({"household_id": hh_id, "year": income_year,
                                         "per_capita_fen": values["per_capita"], "source": "import"})
                    changed = True
                elif current_income["per_capita_fen"] != values["per_capita"]:
                    plan.patches.append((ReportedIncome, current_income["id"],
                                         {"per_capita_fen": values["per_capita"]}))
                    changed = True
        if existing is not None and not changed and not new_members:
            plan.unchanged += 1
    return plan


def apply(tx: Tx, plan: Plan) -> int:
    """Write the plan in the caller's transaction; returns the number of patched records."""
    tx.create_rows(Village, plan.villages)
    tx.create_rows(Household, plan.households)
    tx.create_rows(Member, plan.members)
    tx.create_rows(Conditions, plan.conditions)
    tx.create_rows(ReportedIncome, plan.incomes)
    patched = 0
    for cls, key, changes in plan.patches:
        obj = tx.session.get(cls, key)
        if obj is not None and tx.patch(obj, changes):
            patched += 1
    return patched


# -- entry points ------------------------------------------------------------------------------
def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _result(plan: Plan, problems: list[Problem], rows: int, dry_run: bool) -> ImportResult:
    patched_records = {(cls, key) for cls, key, _ in plan.patches}
    return ImportResult(problems=problems, rows=rows, villages=len(plan.villages), households=len(plan.households),
                        members=len(plan.members), patched=len(patched_records),
                        unchanged_households=plan.unchanged, dry_run=dry_run)


def preview(db: Database, path: Path | str, year: int | None = None, village_code: str | None = None) -> ImportResult:
    """Everything ``import_file`` would report and do, without writing anything."""
    problems: list[Problem] = []
    rows = read_workbook(path, problems)
    with db.read() as session:
        plan = analyse(session, rows, problems, year, village_code)
    result = _result(plan, problems, len(rows), dry_run=True)
    result.sha256 = _digest(Path(path))
    return result


def import_file(db: Database, path: Path | str, year: int | None = None, village_code: str | None = None,
                dry_run: bool = False) -> ImportResult:
    """Import ``path`` all-or-nothing; the result lists every problem (with sheet, row, column)."""
    if dry_run:
        return preview(db, path, year, village_code)
    require(db, "data.import")
    path = Path(path)
    problems: list[Problem] = []
    rows = read_workbook(path, problems)
    if any(p.is_error for p in problems):
        with db.read() as session:  # still report the database-level problems in the same run
            plan = analyse(session, rows, problems, year, village_code)
        return _result(plan, problems, len(rows), dry_run=False)
    digest = _digest(path)
    try:
        with write(db, reason="import") as tx:
            plan = analyse(tx.session, rows, problems, year, village_code)
            if any(p.is_error for p in problems):
                raise _Refused
            result = _result(plan, problems, len(rows), dry_run=False)
            if result.changes:
                result.patched = apply(tx, plan)
                tx.audit("import", "import", uuid7(), {
                    "file": path.name, "sha256": digest, "rows": len(rows), "villages": result.villages,
                    "households": result.households, "members": result.members, "patched": result.patched,
                })
                result.written = True
    except _Refused:
        return _result(plan, problems, len(rows), dry_run=False)
    result.sha256 = digest
    return result
