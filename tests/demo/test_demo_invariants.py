"""A generated county satisfies the invariants the services enforce and the quality rules of
domain.md §7 (nothing is planted in the default scenario)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest

from app.codes import code_list, poverty_line_fen
from app.demo import SCENARIOS
from app.idnumber import is_valid_id, validate_id

AS_OF = SCENARIOS["default"].as_of


def _age(birth: str, on: date = AS_OF) -> int:
    b = date.fromisoformat(birth)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


def _rows(db: Any, sql: str) -> list[tuple[Any, ...]]:
    conn = db.raw()
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def data(demo300: tuple[Any, Any]) -> dict[str, Any]:
    db, _summary = demo300
    out: dict[str, Any] = {}
    out["households"] = {r[0]: r for r in _rows(db, "SELECT id, deleted, size, head_name, exit_status, exit_year, "
                                                    "return_year, identified_year, main_cause, other_causes, "
                                                    "household_attr, village_id FROM household")}
    members: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in _rows(db, "SELECT household_id, id, name, sex, id_number, birth_date, relation, education, school_status, "
                       "health, disability_grade, labour_skill, work_status, work_months, active, change_reason, "
                       "change_date, ethnicity, political, disability_type, dibao, tekun FROM member"):
        members[r[0]].append(r)
    out["members"] = members
    out["incomes"] = _rows(db, "SELECT household_id, year, wage_fen, business_fen, property_fen, "
                               "transfer_family_planning_fen, transfer_dibao_fen, transfer_tekun_fen, "
                               "transfer_pension_fen, transfer_eco_fen, transfer_other_fen, business_expense_fen "
                               "FROM income")
    out["conditions"] = {r[0]: r for r in _rows(db, "SELECT household_id, house_danger_level, house_dangerous, "
                                                    "house_structure, road_type, fuel_type, water_safe FROM conditions")}
    measures: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in _rows(db, "SELECT household_id, category, status, funding_source, date, beneficiaries, project_id "
                       "FROM measure"):
        measures[r[0]].append(r)
    out["measures"] = measures
    return out


def _living(data: dict[str, Any], hid: str) -> list[tuple[Any, ...]]:
    return [m for m in data["members"][hid] if m[14]]


def test_sizes_heads_and_size_distribution(data: dict[str, Any]) -> None:
    sizes = []
    for hid, hh in data["households"].items():
        living = _living(data, hid)
        heads = [m for m in living if m[6] == "01"]
        assert len(heads) == 1, hid
        assert hh[2] == len(living)
        assert hh[3] == heads[0][2]
        assert 1 <= hh[2] <= 7
        if not hh[1]:
            sizes.append(hh[2])
    mean = sum(sizes) / len(sizes)
    assert 3.1 <= mean <= 3.9, mean
    counts = Counter(sizes)
    assert counts[1] and counts[2] and counts[5]  # single elderly people, couples, big families


def test_id_numbers_valid_unique_and_match_sex_and_birth(data: dict[str, Any]) -> None:
    numbers = [m[4] for ms in data["members"].values() for m in ms]
    assert len(numbers) == len(set(numbers))
    for ms in data["members"].values():
        for m in ms:
            info = validate_id(m[4])
            assert info.sex == m[3]
            assert info.birth_date.isoformat() == m[5]


def test_relations_consistent(data: dict[str, Any]) -> None:
    seen_kinds = Counter()
    for hid in data["households"]:
        ms = data["members"][hid]
        head = next(m for m in ms if m[6] == "01")
        head_birth = date.fromisoformat(head[5])
        for m in ms:
            birth = date.fromisoformat(m[5])
            rel = m[6]
            seen_kinds[rel] += 1
            if rel == "02":
                assert m[3] != head[3], "spouse of the same sex"
            elif rel in ("03", "04"):
                assert m[3] == ("1" if rel == "03" else "2")
                assert (birth - head_birth).days > 16 * 365, "child not younger than the head"
                for spouse in (x for x in ms if x[6] == "02"):
                    assert (birth - date.fromisoformat(spouse[5])).days > 16 * 365
            elif rel in ("07", "08", "09", "10"):
                assert (birth - head_birth).days > 30 * 365
            elif rel in ("11", "12"):
                assert (head_birth - birth).days > 15 * 365
    for rel in ("01", "02", "03", "04", "05", "07", "08", "11", "12"):
        assert seen_kinds[rel], f"no member with relation {rel}"


def test_codes_come_from_the_code_lists(data: dict[str, Any], demo300: tuple[Any, Any]) -> None:
    lists = {2: None, 3: "sex", 6: "relation", 7: "education", 8: "school_status", 9: "health",
             10: "disability_grade", 11: "labour_skill", 12: "work_status", 17: "ethnicity", 18: "political",
             19: "disability_type"}
    for ms in data["members"].values():
        for m in ms:
            for i, name in lists.items():
                if name and m[i]:
                    assert m[i] in code_list(name), (name, m[i])
            if m[15]:
                assert m[15] in code_list("member_change_reason")
    for hh in data["households"].values():
        assert hh[4] in code_list("exit_status")
        assert hh[8] in code_list("poverty_cause")
        assert all(c in code_list("poverty_cause") for c in json.loads(hh[9]))
        assert hh[8] not in json.loads(hh[9]) and len(json.loads(hh[9])) <= 2
        assert hh[10] in code_list("household_attr")
    for c in data["conditions"].values():
        assert c[1] in code_list("house_danger_level") and c[3] in code_list("house_structure")
        assert c[4] in code_list("road_type") and c[5] in code_list("fuel_type")
    for ms in data["measures"].values():
        for m in ms:
            assert m[1] in code_list("measure_category") and m[2] in code_list("measure_status")
            assert m[3] in code_list("funding_source")
    db, _ = demo300
    checks = {
        "SELECT DISTINCT kind FROM lifecycle_event": "lifecycle_event",
        "SELECT DISTINCT kind FROM lifecycle_request": "lifecycle_event",
        "SELECT DISTINCT status FROM lifecycle_request": "lifecycle_request_status",
        "SELECT DISTINCT kind FROM participation": "participation_kind",
        "SELECT DISTINCT satisfaction FROM visit": "satisfaction",
        "SELECT DISTINCT project_type FROM fund_project": "project_type",
        "SELECT DISTINCT status FROM fund_project": "project_status",
        "SELECT DISTINCT source FROM project_funding": "funding_source",
        "SELECT DISTINCT unit_level FROM helper_assignment": "helper_unit_level",
    }
    for sql, name in checks.items():
        values = [r[0] for r in _rows(db, sql)]
        assert values and all(v in code_list(name) for v in values), (sql, values)
    for (raw,) in _rows(db, "SELECT data FROM visit"):
        visit = json.loads(raw)
        assert visit["checks"] and all(k in code_list("visit_check") for k in visit["checks"])
        assert all(p["category"] in code_list("measure_category") for p in visit["problems"])


def test_schooling_labour_and_work_follow_age(data: dict[str, Any]) -> None:
    school_year = date(AS_OF.year, 9, 1)
    for ms in data["members"].values():
        for m in ms:
            if not m[14]:
                continue
            age = _age(m[5])
            school_age = _age(m[5], school_year) if date.fromisoformat(m[5]) <= school_year else -1
            exempt = m[9] == "03" or (m[9] == "04" and m[10] in ("1", "2"))
            if 6 <= age <= 15 and not exempt:
                assert m[8] != "01", f"dropout aged {age}"
            if m[8] == "03":
                assert 6 <= school_age <= 13 and m[7] == "02"
            if m[8] in ("04", "05", "06"):
                assert 11 <= school_age <= 16 and m[7] == "03"
            if m[8] != "01":
                assert age <= 25
            if age < 16:
                assert m[11] == "05"
            if m[11] in ("04", "05"):
                assert m[13] == 0
            assert 0 <= m[13] <= 12
            assert (m[12] == "06") == (m[13] == 0)
            if m[9] == "04":
                assert m[19] and m[10]
            else:
                assert not m[19] and not m[10]


def test_causes_backed_by_members(data: dict[str, Any]) -> None:
    seen = Counter()
    for hid, hh in data["households"].items():
        living = _living(data, hid)
        for cause in [hh[8], *json.loads(hh[9])]:
            seen[cause] += 1
            if cause == "01":
                assert any(m[9] in ("02", "03") for m in living)
            elif cause == "02":
                assert any(m[9] == "04" for m in living)
            elif cause == "03":
                assert any(m[8] not in ("01", "02") for m in living)
            elif cause == "08":
                assert not all(m[11] in ("01", "02") for m in living)
    assert seen["01"] > seen["04"]  # illness is the leading cause, disasters rare
    for cause in ("01", "02", "03", "08"):
        assert seen[cause]


def test_income_consistent_with_status(data: dict[str, Any]) -> None:
    from app.services.registry import per_capita

    households = data["households"]
    years_seen = set()
    for row in data["incomes"]:
        hid, year = row[0], row[1]
        hh = households[hid]
        if hh[1]:  # removed (剔除): wrongly included, not judged
            continue
        years_seen.add(year)
        assert all(isinstance(v, int) and v >= 0 and v % 100 == 0 for v in row[2:])
        net = sum(row[2:11]) - row[11]
        pc = per_capita(net, hh[2])
        line = poverty_line_fen(year, "520123")
        exited = hh[5] is not None and year >= hh[5] and (hh[6] is None or year < hh[6])
        if exited:
            assert pc > line, (hid, year)
        else:
            assert pc < line, (hid, year)
        if year == 2019:
            assert line == 380000  # Guizhou's own line
    assert years_seen == set(range(2015, 2021))
    statuses = Counter(hh[4] for hh in households.values() if not hh[1])
    assert statuses["02"] > statuses["01"] > 0


def test_wages_only_with_workers_and_employment_support(data: dict[str, Any]) -> None:
    workers = {hid for hid, ms in data["members"].items() if any(m[14] and m[13] > 0 for m in ms)}
    for row in data["incomes"]:
        if row[0] not in workers:
            assert row[2] == 0
    for hid, ms in data["measures"].items():
        if any(m[1] == "02" for m in ms):
            assert hid in workers
            assert all(r[2] > 0 for r in data["incomes"] if r[0] == hid)


def test_houses_and_water(data: dict[str, Any]) -> None:
    unsafe = 0
    for hid, hh in data["households"].items():
        level, dangerous = data["conditions"][hid][1], data["conditions"][hid][2]
        assert bool(dangerous) == (level in ("C", "D"))
        if level in ("C", "D"):
            unsafe += 1
            assert hh[4] in ("01", "04") and not hh[1]
            assert any(m[1] == "04" for m in data["measures"][hid]), "C/D house without 危房改造"
        if hh[4] in ("02", "03"):
            assert data["conditions"][hid][6] == 1
    renovated = sum(1 for ms in data["measures"].values() if any(m[1] == "04" and m[2] == "03" for m in ms))
    assert renovated > 0


def test_lifecycle_history(demo300: tuple[Any, Any], data: dict[str, Any]) -> None:
    db, _ = demo300
    events = _rows(db, "SELECT e.household_id, e.kind, e.year, e.date, e.from_status, e.to_status, r.kind, r.status, "
                       "r.household_id, r.year FROM lifecycle_event e JOIN lifecycle_request r ON r.id = e.request_id")
    assert len(events) == _rows(db, "SELECT count(*) FROM lifecycle_event")[0][0]
    by_hh: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for e in events:
        assert e[1] == e[6] and e[7] == "approved" and e[0] == e[8] and e[2] == e[9]
        assert e[3].startswith(str(e[2]))
        by_hh[e[0]].append(e)
    kinds = Counter(e[1] for e in events)
    for kind in ("01", "02", "05", "06"):
        assert kinds[kind], kind
    for hid, hh in data["households"].items():
        evs = by_hh[hid]
        ident = [e for e in evs if e[1] == "01"]
        assert len(ident) == 1 and ident[0][2] == hh[7] and hh[7] in (2014, 2015)
        exits = [e for e in evs if e[1] == "02"]
        if hh[5] is not None:
            assert len(exits) == 1 and exits[0][2] == hh[5] and 2016 <= hh[5] <= 2020
        else:
            assert not exits
        if hh[4] == "04":
            assert [e[2] for e in evs if e[1] == "03"] == [hh[6]]
        if hh[1]:
            assert [e[1] for e in evs if e[1] == "04"] == ["04"]
        changes = [m for m in data["members"][hid] if m[15]]
        assert len([e for e in evs if e[1] in ("05", "06")]) == len(changes)
        for m in data["members"][hid]:
            if m[15] in ("01", "02", "03", "04", "08"):
                assert not m[14] and m[16]
            if m[15] == "06":
                assert m[16] >= m[5]


def test_field_records_within_the_timeline(demo300: tuple[Any, Any]) -> None:
    db, _ = demo300
    late = _rows(db, "SELECT count(*) FROM visit WHERE visited_at > '2021-01-01'")[0][0]
    early = _rows(db, "SELECT count(*) FROM visit v JOIN household h ON h.id = v.household_id "
                      "WHERE substr(v.visited_at, 1, 4) < CAST(h.identified_year AS TEXT)")[0][0]
    assert late == 0 and early == 0
    helpers = _rows(db, "SELECT household_id, start_date, end_date FROM helper_assignment ORDER BY household_id, "
                        "start_date")
    by_hh: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for h in helpers:
        by_hh[h[0]].append(h)
    changed = 0
    for rows in by_hh.values():
        for a, b in zip(rows, rows[1:], strict=False):
            assert a[2] is not None and a[2] < b[1]
            changed += 1
    assert changed > 0
    visit_authors = _rows(db, "SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM helper_assignment a "
                              "WHERE a.household_id = v.household_id AND a.name = v.helper_name)")[0][0]
    assert visit_authors == 0
    # fund projects: funding sums match, beneficiaries are households of the project's village
    for pid, total in _rows(db, "SELECT project_id, sum(amount_fen) FROM project_funding GROUP BY project_id"):
        benefit = _rows(db, f"SELECT coalesce(sum(amount_fen), 0) FROM project_beneficiary WHERE project_id = '{pid}'")
        assert total >= benefit[0][0] > -1
    wrong_village = _rows(db, "SELECT count(*) FROM project_beneficiary b JOIN fund_project p ON p.id = b.project_id "
                              "JOIN household h ON h.id = b.household_id WHERE h.village_id != p.village_id")[0][0]
    assert wrong_village == 0
    linked = _rows(db, "SELECT count(*) FROM measure WHERE project_id IS NOT NULL")[0][0]
    assert linked > 0
    assert _rows(db, "SELECT count(*) FROM participation")[0][0] > 0


def test_foreign_keys_and_orm_readback(demo300: tuple[Any, Any]) -> None:
    from sqlmodel import select

    from app.domain import FundProject, HelperAssignment, Household, LifecycleRequest, Member, Visit

    db, _ = demo300
    assert _rows(db, "PRAGMA foreign_key_check") == []
    with db.read() as s:
        visit = s.exec(select(Visit).limit(1)).one()
        assert visit.visited_at.tzinfo is not None and isinstance(visit.data["checks"], dict)
        member = s.exec(select(Member).limit(1)).one()
        assert isinstance(member.birth_date, date) and is_valid_id(member.id_number)
        hh = s.exec(select(Household).where(Household.exit_status == "02").limit(1)).one()
        assert isinstance(hh.other_causes, list)
        req = s.exec(select(LifecycleRequest).limit(1)).one()
        assert req.steps["county_approval"]["decision"] == "approved"
        assert s.exec(select(HelperAssignment).limit(1)).one().start_date.year >= 2014
        assert s.exec(select(FundProject).limit(1)).one().start_date.year >= 2016


def test_marked_demo_audited_and_no_outbox(demo300: tuple[Any, Any]) -> None:
    from app.services.audit import verify

    db, summary = demo300
    assert db.meta("demo") == "1" and db.meta("demo_scenario") == "default"
    assert _rows(db, "SELECT count(*) FROM outbox_op")[0][0] == 0
    assert [r[0] for r in _rows(db, "SELECT action FROM audit_entry WHERE action LIKE 'demo.%'")] == ["demo.generate"]
    with db.read() as s:
        count, problems = verify(s)
    assert count >= 2 and problems == []
    assert summary.households == 300 and summary.rows["household"] == 300
    assert summary.members == _rows(db, "SELECT count(*) FROM member m JOIN household h ON h.id = m.household_id "
                                        "WHERE m.active AND NOT h.deleted")[0][0]


def test_search_finds_planted_names_and_matches_rebuild(demo300: tuple[Any, Any]) -> None:
    from app.store.search import rebuild, search

    db, _ = demo300
    conn = db.raw()
    try:
        heads = [h.household_id for h in search(conn, "张三") if h.is_head]
        assert len(heads) >= 3
        assert search(conn, "zs")
        for surname in ("单", "曾", "解", "朴", "区", "长", "欧阳", "诸葛"):
            assert search(conn, surname), surname
        assert search(conn, "shan")  # 单 read as a surname
        ours = sorted(conn.execute("SELECT * FROM search_index").fetchall())
        conn.execute("BEGIN")
        try:
            count = rebuild(conn)
            theirs = sorted(conn.execute("SELECT * FROM search_index").fetchall())
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert count == len(ours) and ours == theirs


def test_services_work_on_demo_data(fresh_db: Any) -> None:
    """Demo rows are ordinary rows: the registry can change them and keeps its invariants."""
    from sqlmodel import select

    from app.demo import generate
    from app.domain import Household
    from app.services import registry
    from tests.conftest import synthetic_id

    db = fresh_db
    generate(db, 20, 3)
    with db.read() as s:
        hh = s.exec(select(Household).where(Household.deleted == False)).first()  # noqa: E712
    assert hh is not None
    registry.add_member(db, hh.id, {"name": "王小宝", "relation": "07", "id_number": synthetic_id(date(2020, 5, 1))},
                        reason="06", on=date(2020, 6, 1))
    with db.read() as s:
        again = s.get(Household, hh.id)
        assert again is not None and again.size == hh.size + 1
    summary = registry.income_summary(db, hh.id, 2020)
    assert summary.line_fen == 405000 and summary.per_capita_fen is not None


def test_addresses_below_the_village_printed_once_and_visits_on_plan(demo300: tuple[Any, Any], tmp_path: Any) -> None:
    """住址 holds the part below the village (2组18号, house numbers rising along each group), so the
    printed card reads 龙场镇石门村2组18号 once; and on the snapshot day most households' latest visit is
    within their helper's plan (a few overdue, not all)."""
    import re
    import subprocess

    from app.reports.cards import render_cards
    from app.services.visit_plan import due_counts, visit_plan

    db, _ = demo300
    rows = _rows(db, "SELECT h.id, h.group_no, h.address, v.id, v.township_name, v.name FROM household h "
                     "JOIN village v ON v.id = h.village_id")
    doors: dict[tuple[str, int], list[int]] = defaultdict(list)
    for _hid, group, address, vid, _t, _v in rows:
        match = re.fullmatch(rf"{group}组(\d+)号", address)
        assert match, address
        doors[(vid, group)].append(int(match.group(1)))
    assert all(len(set(numbers)) == len(numbers) for numbers in doors.values())
    hid, group, address, _vid, township, village = rows[0]
    out = tmp_path / "card.pdf"
    render_cards(db, "card", out, [hid], on=AS_OF)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(out), "-"], check=True, capture_output=True,
                          text=True).stdout.replace(" ", "").replace("\n", "")
    assert f"{township}{village}{address}" in text and text.count(village) == 1 and "贵州省" not in text

    plan = visit_plan(db)
    due, overdue = due_counts(db)
    assert len(plan) > 200 and 0 < overdue < len(plan) // 4 and due < len(plan) // 2, (len(plan), due, overdue)
