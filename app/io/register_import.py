"""Import of 一比对 results: people found in another register (public employees, village cadres,
vehicles over 30,000 yuan, urban property, registered businesses — domain.md §4/§7).

The county receives such lists from the other departments as spreadsheets with at least an ID
number and the kind of hit. Each row becomes a ``RegisterMatch`` of the member's household, which
the quality rule ``register_match`` then lists for review (剔除 or not). All-or-nothing like the
registry import; a hit already recorded (same member, kind and source, unresolved) is not added
twice, so re-importing the same list changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import select

from app.domain import Member, RegisterMatch
from app.i18n import register
from app.io import cells
from app.io.columns import column_letter, fold
from app.io.excel_import import ImportResult, Problem, _sheet_rows
from app.services.permissions import require
from app.services.tx import write
from app.store.database import Database

register({
    "matches.not_found": ("本库中没有该证件号码的在册成员", "no living member with this ID number in the database"),
    "matches.done": ("已记录 {count} 条比对结果", "{count} register hit(s) recorded"),
})

HEADERS: dict[str, tuple[str, ...]] = {
    "id_number": ("证件号码", "身份证号", "身份证号码", "公民身份号码"),
    "kind": ("比对类型", "比对结果", "类型", "问题类型"),
    "source": ("来源", "比对部门", "数据来源"),
    "detail": ("说明", "详情", "备注"),
}
_KINDS = cells.code_converter("removal_reason")


def _columns(header: tuple[Any, ...]) -> dict[str, int]:
    wanted = {fold(name): key for key, names in HEADERS.items() for name in names}
    found: dict[str, int] = {}
    for pos, value in enumerate(header):
        key = wanted.get(fold(value))
        if key and key not in found:
            found[key] = pos
    return found


def import_matches(db: Database, path: Path | str, found_on: date | None = None, dry_run: bool = False) -> ImportResult:
    """Record every hit of the list, or nothing when any row is wrong."""
    path = Path(path)
    if not dry_run:
        require(db, "data.import")
    problems: list[Problem] = []
    hits: list[tuple[int, str, str, str, str, str]] = []  # row, sheet, id number, kind, source, detail
    for sheet, rows in _sheet_rows(path):
        header_at = next((i for i, row in enumerate(rows[:20]) if {"id_number", "kind"} <= _columns(row).keys()),
                         None)
        if header_at is None:
            continue
        cols = _columns(rows[header_at])
        for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
            if all(cells.blank(v) for v in row):
                continue

            def cell(key: str, row: tuple[Any, ...] = row, cols: dict[str, int] = cols) -> Any:
                pos = cols.get(key)
                return row[pos] if pos is not None and pos < len(row) else None

            try:
                idn = cells.id_number(cell("id_number"))
            except cells.CellError as exc:
                problems.append(Problem("error", exc.code, sheet, number, column_letter(cols["id_number"]), "证件号码",
                                        exc.params))
                continue
            try:
                kind = _KINDS(cell("kind") if not cells.blank(cell("kind")) else "")
            except cells.CellError as exc:
                problems.append(Problem("error", exc.code, sheet, number, column_letter(cols["kind"]), "比对类型",
                                        exc.params))
                continue
            source = "" if cells.blank(cell("source")) else cells.text(cell("source"))
            detail = "" if cells.blank(cell("detail")) else cells.text(cell("detail"))
            hits.append((number, sheet, idn, kind, source, detail))
    if not hits and not problems:
        problems.append(Problem("error", "import.no_header"))
    result = ImportResult(problems=problems, rows=len(hits), dry_run=dry_run)
    on = found_on or date.today()
    with write(db, reason="import") as tx:
        new: list[dict[str, Any]] = []
        for number, sheet, idn, kind, source, detail in hits:
            member = tx.session.exec(select(Member).where(
                Member.id_number == idn, Member.active == True, Member.deleted == False)).first()  # noqa: E712
            if member is None:
                problems.append(Problem("error", "matches.not_found", sheet, number, "", "证件号码"))
                continue
            known = tx.session.exec(select(RegisterMatch).where(
                RegisterMatch.member_id == member.id, RegisterMatch.kind == kind, RegisterMatch.source == source,
                RegisterMatch.resolved == False, RegisterMatch.deleted == False)).first()  # noqa: E712
            if known is None and not any(n["member_id"] == member.id and n["kind"] == kind and n["source"] == source
                                         for n in new):
                new.append({"household_id": member.household_id, "member_id": member.id, "kind": kind,
                            "source": source, "detail": detail, "found_on": on})
        result.patched = len(new)
        if result.refused or dry_run or not new:
            return result  # nothing was written in this transaction
        tx.create_rows(RegisterMatch, new)
        result.written = True
    return result
