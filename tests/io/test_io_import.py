"""Excel import: messy but valid sheets import exactly; every error refuses the file and names its
row and column; nothing is written on refusal; re-importing the same file is a no-op."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from app.domain import Conditions, Household, Member, ReportedIncome, Village
from app.io.excel_import import import_file, preview
from app.services.audit import verify
from tests.conftest import synthetic_id
from tests.io.conftest import HEADERS, clean_rows, id_ending_in_x, person_id, row

TABLES = ("village", "household", "member", "conditions", "reported_income", "audit_entry", "outbox_op")


def snapshot(db: Any) -> dict[str, int]:
    with db.read() as s:
        return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def errors(result: Any) -> list[tuple[int | None, str, str]]:
    return [(p.row, p.header, p.code) for p in result.errors]


def members_of(db: Any, number: str) -> list[Member]:
    with db.read() as s:
        hh = s.exec(select(Household).where(Household.hh_number == number)).one()
        return list(s.exec(select(Member).where(Member.household_id == hh.id).order_by(Member.relation)))


# -- valid files --------------------------------------------------------------------------------
def test_clean_file_imports_exactly(db, village, make_xlsx):
    path = make_xlsx(clean_rows())
    result = import_file(db, path)
    assert result.errors == [] and result.written
    assert (result.households, result.members, result.villages) == (2, 7, 0)
    with db.read() as s:
        hh = s.exec(select(Household).where(Household.hh_number == "5201230010010001")).one()
        assert hh.village_id == village.id and hh.group_no == 2 and hh.size == 4 and hh.head_name == "王大山"
        assert (hh.main_cause, hh.household_attr, hh.exit_status, hh.identified_year) == ("01", "01", "01", 2015)
        assert hh.phone == "13800000000"
        other = s.exec(select(Household).where(Household.hh_number == "5201230010010002")).one()
        assert (other.group_no, other.main_cause, other.household_attr, other.size) == (3, "02", "02", 3)
        assert s.exec(select(func.count()).select_from(Conditions)).one() == 2
        checked, problems = verify(s)
        assert problems == []
    people = members_of(db, "5201230010010001")
    assert [(m.name, m.relation, m.sex) for m in people] == [
        ("王大山", "01", "1"), ("刘桂芝", "02", "2"), ("王小虎", "03", "1"), ("王秀英", "04", "2")]
    daughter = people[3]
    assert (daughter.education, daughter.work_status, daughter.work_months) == ("04", "04", 10)
    assert daughter.birth_date == date(1996, 2, 2) and daughter.id_type == "01"
    assert (people[2].school_status, people[2].labour_skill) == ("03", "05")
    assert (people[1].health, people[1].labour_skill) == ("02", "03")


def test_messy_but_valid_sheet_imports_exactly(db, village, make_xlsx):
    """Title rows, shuffled and oddly written headers, an unknown column, blank rows, household
    values only on the head's row, codes mixed with labels, full-width digits, a lower-case x,
    spaces inside ID numbers, 第3组, money as text."""
    head_id = id_ending_in_x()
    wife_id = person_id(date(1981, 6, 6), "2", 41)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in wife_id)  # ０-９ as typed on a Chinese IME
    child_id = person_id(date(2010, 10, 10), "1", 42)
    headers = ["  姓 名 ", "证件号码（身份证）", "与户主的关系", "户 编 号*", "乡（镇）", "县（市、区）", "【村】", "组 别",
               "致贫原因", "贫困户属性", "脱贫属性", "识别年度", "人均纯收入（元）", "年度", "文化程度", "在校生状况",
               "务工时间（月）", "是否危房", "危房等级", "饮水是否安全", "备注"]
    rows = [
        ["张  建国", head_id.lower()[:6] + " " + head_id.lower()[6:], "户主", "５２０１２３００１００１００９９", "龙场镇",
         "云岭县", "石门村", "第3组", "01", "一般贫困户", "未脱贫", 2016, "4,523.50元", 2019, "初中", "非在校生", "3",
         "是", "C级", "否", "任意说明"],
        [],
        ["李 梅", full_width, "配偶", "5201230010010099", None, None, None, None, None, None, None, None, None, None,
         "小学", "非在校生", 0, None, None, None, None],
        ["张小军", child_id, "03", "5201230010010099", None, None, None, None, None, None, None, None, None, None,
         "小学", "03", None, None, None, None, None],
    ]
    path = make_xlsx(rows, headers=headers, above=[["石门村建档立卡贫困人口明细表"], ["填报单位：龙场镇"]])
    result = import_file(db, path)
    assert result.errors == [], [p.text() for p in result.errors]
    assert [(p.code, p.header) for p in result.warnings] == [("import.unknown_column", "备注")]
    assert (result.households, result.members) == (1, 3)
    with db.read() as s:
        hh = s.exec(select(Household).where(Household.hh_number == "5201230010010099")).one()
        assert (hh.group_no, hh.main_cause, hh.household_attr, hh.exit_status, hh.identified_year) == (
            3, "01", "01", "01", 2016)
        assert hh.village_id == village.id and hh.size == 3 and hh.head_name == "张  建国".strip()
        cond = s.exec(select(Conditions).where(Conditions.household_id == hh.id)).one()
        assert (cond.house_dangerous, cond.house_danger_level, cond.water_safe) == (True, "C", False)
        income = s.exec(select(ReportedIncome).where(ReportedIncome.household_id == hh.id)).one()
        assert (income.year, income.per_capita_fen) == (2019, 452350)
    people = members_of(db, "5201230010010099")
    assert [m.id_number for m in people] == [head_id, wife_id, child_id]
    assert people[0].id_number.endswith("X") and people[0].work_months == 3
    assert [m.relation for m in people] == ["01", "02", "03"]
    assert people[2].school_status == "03" and people[1].sex == "2"


def test_reimport_of_the_same_file_is_a_no_op(db, village, make_xlsx):
    path = make_xlsx(clean_rows())
    assert import_file(db, path).written
    before = snapshot(db)
    again = import_file(db, path)
    assert again.errors == [] and not again.written and again.changes == 0
    assert again.unchanged_households == 2
    assert snapshot(db) == before


def test_reimport_with_a_change_patches_only_that_field(db, village, make_xlsx):
    import_file(db, make_xlsx(clean_rows()))
    rows = clean_rows()
    rows[3][17] = 11  # 王秀英 worked 11 months, not 10
    before = snapshot(db)
    result = import_file(db, make_xlsx(rows))
    assert result.written and result.patched == 1 and (result.households, result.members) == (0, 0)
    after = snapshot(db)
    assert after["member"] == before["member"] and after["audit_entry"] == before["audit_entry"] + 2
    assert members_of(db, "5201230010010001")[3].work_months == 11
    with db.read() as s:
        ops = s.execute(text("SELECT kind, fields FROM outbox_op ORDER BY device_seq DESC LIMIT 1")).one()
    assert ops[0] == "patch" and '"work_months":11' in ops[1].replace(" ", "")


def test_new_member_in_a_known_household_is_added(db, village, make_xlsx):
    import_file(db, make_xlsx(clean_rows()))
    rows = clean_rows()
    rows.append(row("5201230010010002", "陈小弟", person_id(date(2019, 3, 3), "1", 8), relation="之孙子",
                    education="学龄前儿童", school="学前教育", labour="无劳动力", cause="因残", attr="低保贫困户",
                    group=3, phone="13900000000"))
    result = import_file(db, make_xlsx(rows))
    assert result.errors == [] and result.members == 1 and result.patched == 1  # household size 3 -> 4
    with db.read() as s:
        assert s.exec(select(Household).where(Household.hh_number == "5201230010010002")).one().size == 4


def test_division_code_column_finds_or_creates_villages(db, make_xlsx):
    headers = ["行政区划代码", *HEADERS]
    rows = [["520123002003", *row("5201230020030001", "孙一", person_id(date(1970, 1, 1), "1", 9), village="新寨村")],
            ["520123002003", *row("5201230020030002", "孙二", person_id(date(1971, 1, 1), "1", 10), village="新寨村")]]
    result = import_file(db, make_xlsx(rows, headers=headers))
    assert result.errors == [] and result.villages == 1
    with db.read() as s:
        v = s.exec(select(Village).where(Village.code == "520123002003")).one()
        assert (v.name, v.township_name, v.county_name, v.province_name) == ("新寨村", "龙场镇", "云岭县", "贵州省")
        assert s.exec(select(func.count()).select_from(Household).where(Household.village_id == v.id)).one() == 2
    assert import_file(db, make_xlsx(rows, headers=headers)).changes == 0


def test_village_option_puts_every_row_into_that_village(db, village, make_xlsx):
    headers = [h for h in HEADERS if h not in ("省", "市", "县", "乡(镇)", "村")]
    rows = [r[5:] for r in clean_rows()]
    assert import_file(db, make_xlsx(rows, headers=headers)).errors[0].code == "import.missing_place"
    result = import_file(db, make_xlsx(rows, headers=headers), village_code=village.code)
    assert result.errors == [] and result.households == 2


def test_year_option_gives_the_income_year(db, village, make_xlsx):
    headers = [*HEADERS, "人均纯收入"]
    rows = [[*r, 3800] for r in clean_rows()]
    refused = import_file(db, make_xlsx(rows, headers=headers))
    assert {p.code for p in refused.errors} == {"import.year_missing"}
    result = import_file(db, make_xlsx(rows, headers=headers), year=2019)
    assert result.errors == []
    with db.read() as s:
        assert sorted(s.exec(select(ReportedIncome.year, ReportedIncome.per_capita_fen)).all()) == [
            (2019, 380000), (2019, 380000)]


def test_dry_run_reports_and_writes_nothing(db, village, make_xlsx):
    before = snapshot(db)
    result = preview(db, make_xlsx(clean_rows()))
    assert result.dry_run and not result.written and (result.households, result.members) == (2, 7)
    assert snapshot(db) == before
    assert "预览" in result.summary()


# -- refusals: the row and column are named, the database is unchanged ----------------------------
def _refused(db: Any, make_xlsx: Any, rows: list[list[Any]], headers: list[str] | None = None) -> Any:
    import_file(db, make_xlsx(clean_rows()[:1]))  # something already there, to show it stays as it was
    before = snapshot(db)
    result = import_file(db, make_xlsx(rows, headers=headers))
    assert result.refused and not result.written
    assert snapshot(db) == before
    return result


def test_bad_checksum_is_refused_with_its_row(db, village, make_xlsx):
    rows = clean_rows()
    good = rows[2][8]
    rows[2][8] = good[:17] + ("0" if good[17] != "0" else "1")
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(4, "证件号码", "id.checksum")]
    assert "第 4 行" in result.errors[0].text() and "I 列" in result.errors[0].text()


def test_id_number_turned_into_a_number_is_refused_not_guessed(db, village, make_xlsx):
    rows = clean_rows()
    rows[1][8] = int(rows[1][8][:15]) * 1000  # what Excel keeps of an 18-digit number
    rows[4][8] = 5.20123195501202e17
    rows[5][8] = "5.20123E+17"
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(3, "证件号码", "import.id_numeric"), (6, "证件号码", "import.id_numeric"),
                              (7, "证件号码", "import.id_numeric")]


def test_household_without_a_head_is_refused(db, village, make_xlsx):
    rows = clean_rows()
    rows[4][9] = "之子"  # 陈石头 is no longer 户主: household 0002 has none
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(6, "与户主关系", "import.no_head")]


def test_household_with_two_heads_is_refused(db, village, make_xlsx):
    rows = clean_rows()
    rows[1][9] = "户主"
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(2, "与户主关系", "import.two_heads")]
    assert result.errors[0].params == {"count": 2}


def test_person_in_two_households_is_refused(db, village, make_xlsx):
    rows = clean_rows()
    rows[6][8] = rows[2][8]  # 陈小妹 carries 王小虎's ID number in household 0002
    rows[6][10] = "男"
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(8, "证件号码", "import.person_two_households")]
    assert result.errors[0].params == {"other_row": 4}


def test_person_already_registered_in_another_household_is_refused(db, village, household, make_xlsx):
    with db.read() as s:
        taken = s.exec(select(Member.id_number).where(Member.household_id == household.id,
                                                      Member.relation == "02")).one()
    rows = clean_rows()[4:]  # household 0002 only (the fixture household is 0001)
    rows[1][8] = taken  # 杨翠花 carries the ID number of 李四 of the fixture household
    before = snapshot(db)
    result = import_file(db, make_xlsx(rows))
    assert errors(result) == [(3, "证件号码", "import.person_elsewhere")]
    assert snapshot(db) == before


def test_unknown_cause_label_is_refused(db, village, make_xlsx):
    rows = clean_rows()
    rows[4][19] = "因懒"
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(6, "主要致贫原因", "value.unknown_code")]
    assert "因懒" in result.errors[0].message()


def test_missing_required_column_is_refused(db, village, make_xlsx):
    headers = [h for h in HEADERS if h != "与户主关系"]
    rows = [[v for i, v in enumerate(r) if HEADERS[i] != "与户主关系"] for r in clean_rows()]
    result = _refused(db, make_xlsx, rows, headers=headers)
    assert [(p.code, p.params) for p in result.errors] == [("import.missing_column", {"column": "与户主关系"})]


def test_sex_contradicting_the_id_and_conflicting_household_values_are_refused(db, village, make_xlsx):
    rows = clean_rows()
    rows[0][10] = "女"
    rows[1][19] = "因学"  # the household's cause differs between its rows
    result = _refused(db, make_xlsx, rows)
    assert errors(result) == [(3, "主要致贫原因", "import.household_conflict"), (2, "性别", "member.id_sex")]


def test_every_problem_is_listed_not_only_the_first(db, village, make_xlsx):
    rows = clean_rows()
    rows[0][19] = "因懒"
    rows[2][8] = 1.0
    rows[5][17] = 13
    result = _refused(db, make_xlsx, rows)
    assert sorted(errors(result)) == [(2, "主要致贫原因", "value.unknown_code"), (4, "证件号码", "import.id_numeric"),
                                      (7, "务工时间", "value.range")]


def test_status_change_of_a_known_household_is_refused(db, village, make_xlsx):
    import_file(db, make_xlsx(clean_rows()))
    rows = clean_rows()
    for r in rows[:4]:
        r[20] = "已脱贫(享受政策)"
    before = snapshot(db)
    result = import_file(db, make_xlsx(rows))
    assert errors(result) == [(2, "脱贫属性", "import.status_change")]
    assert snapshot(db) == before


def test_unknown_village_without_code_is_refused(db, village, make_xlsx):
    rows = [row("5201230090090001", "周一", synthetic_id(), village="不存在村")]
    result = import_file(db, make_xlsx(rows))
    assert errors(result) == [(2, "村", "import.village_unknown")]


def test_not_an_excel_file_is_a_clear_error(db, tmp_path):
    from app.errors import BangfuError

    bad = tmp_path / "名单.xlsx"
    bad.write_text("not a zip")
    with pytest.raises(BangfuError) as exc:
        import_file(db, bad)
    assert exc.value.code == "import.file_unreadable"
    with pytest.raises(BangfuError) as exc:
        import_file(db, tmp_path / "old.xls")
    assert exc.value.code == "import.xls_unsupported"


def test_messages_read_in_english_too(db, village, make_xlsx):
    rows = clean_rows()
    rows[4][19] = "因懒"
    result = import_file(db, make_xlsx(rows))
    assert result.errors[0].text("en") == (
        "error sheet 'Sheet1' row 6 column T (主要致贫原因): '因懒' is not a valid choice")


def test_a_village_user_may_preview_but_not_import(tmp_path, make_xlsx):
    from app.errors import BangfuError
    from app.services.registry import create_village
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    village_db = create_database(tmp_path / "v.db", USER, PASSPHRASE, role="village", kdf=FAST_KDF)
    try:
        create_village(village_db, "520123001001", "石门村", "龙场镇", "云岭县")
        path = make_xlsx(clean_rows())
        assert preview(village_db, path).households == 2
        with pytest.raises(BangfuError) as exc:
            import_file(village_db, path)
        assert exc.value.code == "user.not_allowed"
    finally:
        village_db.close()
