"""The training scenarios: fresh village, exit year, planted quality problems."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

import pytest

from app.codes import poverty_line_fen
from app.demo import generate
from app.idnumber import is_valid_id
from app.services.registry import per_capita


def _rows(db: Any, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = db.raw()
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _net(row: tuple[Any, ...]) -> int:
    return sum(row[:9]) - row[9]


INCOME = ("wage_fen, business_fen, property_fen, transfer_family_planning_fen, transfer_dibao_fen, "
          "transfer_tekun_fen, transfer_pension_fen, transfer_eco_fen, transfer_other_fen, business_expense_fen")


def test_fresh_village(fresh_db: Any) -> None:
    summary = generate(fresh_db, 60, 3, scenario="fresh_village")
    assert summary.villages == 1 and summary.as_of == date(2015, 12, 31)
    households = _rows(fresh_db, "SELECT exit_status, identified_year, planned_exit_year, exit_year FROM household")
    assert len(households) == 60
    assert {h[0] for h in households} == {"01"} and {h[1] for h in households} == {2015}
    assert all(2016 <= h[2] <= 2019 and h[3] is None for h in households)
    assert {r[0] for r in _rows(fresh_db, "SELECT DISTINCT year FROM income")} == {2015}
    assert {r[0] for r in _rows(fresh_db, "SELECT DISTINCT kind FROM lifecycle_event")} <= {"01", "05", "06"}
    assert {r[0] for r in _rows(fresh_db, "SELECT DISTINCT status FROM measure")} == {"01"}  # only planned
    few = summary.rows["visit"] + summary.rows["measure"] + summary.rows["participation"]
    assert few < 60 * 4
    late = _rows(fresh_db, "SELECT count(*) FROM visit WHERE visited_at > '2016-01-01'")[0][0]
    assert late == 0


def test_exit_year_village(fresh_db: Any) -> None:
    summary = generate(fresh_db, 120, 4, scenario="exit_year")
    assert summary.villages == 1 and summary.as_of == date(2019, 10, 31)
    line = poverty_line_fen(2019, "520123")
    assert line == 380000
    rows = _rows(fresh_db, f"SELECT h.exit_status, h.planned_exit_year, h.exit_year, h.size, {INCOME} FROM household h "
                           "JOIN income i ON i.household_id = h.id AND i.year = 2019")
    assert len(rows) == 120
    poor = [r for r in rows if r[0] == "01"]
    exited = [r for r in rows if r[0] != "01"]
    assert poor and exited
    assert all(2016 <= r[2] <= 2018 for r in exited)
    close = above = 0
    for r in poor:
        assert r[1] == 2019
        pc = per_capita(_net(r[4:]), r[3])
        assert pc is not None and 0.85 * line < pc < 1.15 * line
        close += 1
        above += pc > line
    assert 0 < above < close  # most just above the line, some just below
    assert _rows(fresh_db, "SELECT max(year) FROM income")[0][0] == 2019
    assert _rows(fresh_db, "SELECT count(*) FROM visit WHERE visited_at > '2019-11-01'")[0][0] == 0


@pytest.fixture(scope="module")
def quality(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.demo.conftest import new_db

    db = new_db(tmp_path_factory.mktemp("quality") / "q.db")
    summary = generate(db, 150, 8, scenario="quality_problems")
    yield db, summary
    db.close()


def test_every_defect_is_planted_and_recorded(quality: Any) -> None:
    db, summary = quality
    kinds = [d["kind"] for d in summary.defects]
    from app.demo.defects import KINDS

    assert sorted(kinds) == sorted(KINDS)
    assert json.loads(db.meta("demo_defects")) == summary.defects
    households = {d["household_id"] for d in summary.defects}
    assert len(households) == len(summary.defects)  # one defect per household
    first_village = _rows(db, "SELECT id FROM village WHERE code LIKE '520123001001'")[0][0]
    marks = ",".join("?" * len(households))
    found = _rows(db, f"SELECT DISTINCT village_id FROM household WHERE id IN ({marks})", *households)
    assert {r[0] for r in found} == {first_village}


def test_planted_defects_are_really_there(quality: Any) -> None:
    db, summary = quality
    by_kind = {d["kind"]: d for d in summary.defects}

    def hh(kind: str) -> tuple[Any, ...]:
        return _rows(db, "SELECT size, exit_status, exit_year FROM household WHERE id = ?",
                     by_kind[kind]["household_id"])[0]

    def member(kind: str) -> tuple[Any, ...]:
        return _rows(db, "SELECT id_number, birth_date, school_status, work_months, health, name, active "
                         "FROM member WHERE id = ?", by_kind[kind]["member_id"])[0]

    living = _rows(db, "SELECT count(*) FROM member WHERE household_id = ? AND active",
                   by_kind["size_mismatch"]["household_id"])[0][0]
    assert hh("size_mismatch")[0] == living + 1
    assert not is_valid_id(member("bad_checksum")[0])
    dup = member("duplicate_person")
    same = _rows(db, "SELECT household_id, name FROM member WHERE id_number = ? AND active", dup[0])
    assert len({r[0] for r in same}) == 2 and {r[1] for r in same} == {dup[5]}
    assert _rows(db, "SELECT house_danger_level FROM conditions WHERE household_id = ?",
                 by_kind["cd_house_exited"]["household_id"])[0][0] in ("C", "D")
    assert hh("cd_house_exited")[1] in ("02", "03")
    no_rebuild = _rows(db, "SELECT count(*) FROM measure WHERE household_id = ? AND category = '04'",
                       by_kind["cd_house_exited"]["household_id"])[0][0]
    assert no_rebuild == 0
    drop = member("dropout")
    age = 2020 - int(drop[1][:4])
    assert 6 <= age <= 15 and drop[2] == "01" and drop[4] == "01"
    assert member("work_months_13")[3] == 13
    pupil = member("pupil_aged_17")
    born = date.fromisoformat(pupil[1])
    assert 2020 - born.year - ((12, 31) < (born.month, born.day)) == 17 and pupil[2] == "03"
    size, status, year = hh("exited_below_line")
    income = _rows(db, f"SELECT {INCOME} FROM income WHERE household_id = ? AND year = ?",
                   by_kind["exited_below_line"]["household_id"], year)[0]
    assert status in ("02", "03") and per_capita(_net(income), size) < poverty_line_fen(year, "520123")


def test_only_planted_households_break_the_rules(quality: Any) -> None:
    """Outside the planted list, the quality scenario is as clean as the default one."""
    db, summary = quality
    planted = {d["household_id"] for d in summary.defects}
    sizes = _rows(db, "SELECT h.id, h.size, (SELECT count(*) FROM member m WHERE m.household_id = h.id AND m.active) "
                      "FROM household h")
    mismatched = [r[0] for r in sizes if r[1] != r[2]]
    assert mismatched == [d["household_id"] for d in summary.defects if d["kind"] == "size_mismatch"]
    bad_ids = [r for r in _rows(db, "SELECT household_id, id_number FROM member") if not is_valid_id(r[1])]
    assert {r[0] for r in bad_ids} <= planted and len(bad_ids) == 1
    numbers = Counter(r[0] for r in _rows(db, "SELECT id_number FROM member"))
    assert [n for n, c in numbers.items() if c > 1] == [_rows(db, "SELECT id_number FROM member WHERE id = ?", next(
        d["member_id"] for d in summary.defects if d["kind"] == "duplicate_person"))[0][0]]
    months = _rows(db, "SELECT household_id FROM member WHERE work_months > 12")
    assert {r[0] for r in months} <= planted and len(months) == 1
