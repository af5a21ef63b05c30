"""一比对 hits imported from a spreadsheet reach the ``register_match`` rule; bad rows refuse the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from app.domain import Member, RegisterMatch
from app.errors import BangfuError
from app.io.register_import import import_matches
from app.quality import run_checks
from tests.quality.conftest import AS_OF


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["比对部门", "身份证号码", "比对类型", "说明"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _county_user(registry):
    from app.store.database import Actor

    registry.db.actor = Actor(registry.db.actor.user_id, registry.db.actor.name, "county")


def test_register_hits_are_recorded_once_and_reported(registry, tmp_path):
    _county_user(registry)
    with registry.db.read() as s:
        head_id = s.exec(select(Member.id_number).where(Member.id == registry.a_head)).one()
    path = _xlsx(tmp_path / "比对.xlsx", [["车管所", head_id, "拥有车辆(3万元以上)", "小型轿车"]])
    preview = import_matches(registry.db, path, dry_run=True)
    assert not preview.refused and preview.patched == 1 and not preview.written
    with registry.db.read() as s:
        assert s.exec(select(RegisterMatch)).all() == []
    result = import_matches(registry.db, path, found_on=AS_OF)
    assert result.written and result.patched == 1
    assert import_matches(registry.db, path).patched == 0  # re-import: nothing new
    with registry.db.read() as s:
        (match,) = s.exec(select(RegisterMatch)).all()
    assert (match.household_id, match.kind, match.source) == (registry.a, "03", "车管所")
    (finding,) = [f for f in run_checks(registry.db, as_of=AS_OF) if f.rule.code == "register_match"]
    assert finding.message() == "一比对发现：拥有车辆(3万元以上)（车管所），应核实是否剔除"


def test_bad_rows_refuse_the_whole_list(registry, tmp_path):
    _county_user(registry)
    with registry.db.read() as s:
        head_id = s.exec(select(Member.id_number).where(Member.id == registry.a_head)).one()
    path = _xlsx(tmp_path / "bad.xlsx", [["工商", head_id, "经营公司", ""], ["工商", 5.2e17, "经营公司", ""],
                                        ["工商", head_id, "开饭馆", ""]])
    result = import_matches(registry.db, path)
    assert result.refused and [(p.row, p.code) for p in result.errors] == [(3, "import.id_numeric"),
                                                                           (4, "value.unknown_code")]
    with registry.db.read() as s:
        assert s.exec(select(RegisterMatch)).all() == []


def test_village_users_may_not_import_hits(registry, tmp_path):
    with pytest.raises(BangfuError):
        import_matches(registry.db, _xlsx(tmp_path / "x.xlsx", []))
