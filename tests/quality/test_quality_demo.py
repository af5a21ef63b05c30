"""The quality rules on the demo county: silent on its clean households, and they find every
defect the ``quality_problems`` scenario plants (each by the rule meant for it)."""

from __future__ import annotations

from datetime import date

from app.demo import generate
from app.quality import run_checks
from app.services.reference_date import reference_date

#: demo defect kind -> the rule that must report it
EXPECTED = {
    "size_mismatch": "size_mismatch",
    "bad_checksum": "id_checksum",
    "duplicate_person": "person_two_households",
    "cd_house_exited": "exited_cd_house",
    "dropout": "dropout",
    "work_months_13": "work_months_over",
    "pupil_aged_17": "pupil_age",
    "exited_below_line": "exited_below_line",
}


def test_demo_county_is_clean(db):
    summary = generate(db, 400, 3, "default", workers=0)
    assert summary.households == 400
    assert [f.as_dict() for f in run_checks(db, as_of=summary.as_of)] == []
    # Without a date, a demo database is checked on its own day, not today: counted years later
    # its pupils would have outgrown their grades.
    assert reference_date(db) == summary.as_of
    assert run_checks(db) == []
    later = {f.rule.code for f in run_checks(db, as_of=date(summary.as_of.year + 6, 12, 31))}
    assert "pupil_age" in later


def test_planted_demo_defects_are_all_found(db):
    summary = generate(db, 60, 5, "quality_problems", workers=0)
    findings = run_checks(db, as_of=summary.as_of)
    found = {(f.rule.code, f.household_id) for f in findings}
    planted = summary.defects
    assert {d["kind"] for d in planted} == set(EXPECTED)
    for defect in planted:
        assert (EXPECTED[defect["kind"]], defect["household_id"]) in found, defect["kind"]
    planted_households = {d["household_id"] for d in planted}
    strays = [f.as_dict() for f in findings if f.household_id not in planted_households
              and f.rule.code != "person_two_households"]
    assert strays == []
