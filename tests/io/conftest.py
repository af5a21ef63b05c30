"""Builders of real .xlsx files for the import tests (openpyxl, written to tmp_path)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.idnumber import make_id

HEADERS = ["省", "市", "县", "乡(镇)", "村", "组", "户编号", "姓名", "证件号码", "与户主关系", "性别", "民族", "文化程度",
           "在校生状况", "健康状况", "劳动技能", "务工状况", "务工时间", "贫困户属性", "主要致贫原因", "脱贫属性",
           "识别年度", "联系电话"]


def person_id(birth: date, sex: str, seq: int, region: str = "520123") -> str:
    return make_id(region, birth, seq, sex)


def id_ending_in_x(birth: date = date(1979, 4, 4)) -> str:
    for seq in range(100):
        for sex in ("1", "2"):
            number = make_id("520123", birth, seq, sex)
            if number.endswith("X"):
                return number
    raise AssertionError("no X check digit found")


def row(hh: str, name: str, id_number: Any, relation: str = "户主", sex: str = "男", education: str = "初中",
        school: str = "非在校生", health: str = "健康", labour: str = "普通劳动力", work: str = "未务工",
        months: Any = 0, attr: str = "一般贫困户", cause: str = "因病", status: str = "未脱贫", year: Any = 2015,
        phone: Any = "13800000000", group: Any = 2, village: str = "石门村") -> list[Any]:
    return ["贵州省", "贵阳市", "云岭县", "龙场镇", village, group, hh, name, id_number, relation, sex, "汉族", education,
            school, health, labour, work, months, attr, cause, status, year, phone]


def clean_rows() -> list[list[Any]]:
    """Two households, seven people, written the way the national export writes them."""
    return [
        row("5201230010010001", "王大山", person_id(date(1968, 3, 5), "1", 1)),
        row("5201230010010001", "刘桂芝", person_id(date(1970, 7, 9), "2", 2), relation="配偶", sex="女",
            education="小学", health="长期慢性病", labour="弱劳动力或半劳动力"),
        row("5201230010010001", "王小虎", person_id(date(2012, 9, 1), "1", 3), relation="之子", education="小学",
            school="小学", labour="无劳动力"),
        row("5201230010010001", "王秀英", person_id(date(1996, 2, 2), "2", 4), relation="之女", sex="女",
            education="高中", work="省外务工", months=10),
        row("5201230010010002", "陈石头", person_id(date(1955, 1, 20), "1", 5), cause="因残", attr="低保贫困户",
            health="残疾", labour="丧失劳动力", group=3, phone="13900000000"),
        row("5201230010010002", "杨翠花", person_id(date(1958, 11, 30), "2", 6), relation="配偶", sex="女",
            education="文盲或半文盲", cause="因残", attr="低保贫困户", group=3, phone="13900000000"),
        row("5201230010010002", "陈小妹", person_id(date(2016, 5, 5), "2", 7), relation="之孙女", sex="女",
            education="学龄前儿童", school="学前教育", labour="无劳动力", cause="因残", attr="低保贫困户", group=3,
            phone="13900000000"),
    ]


@pytest.fixture()
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write sheets to a fresh .xlsx: make_xlsx(rows, headers=HEADERS, above=[title rows], name=...)."""
    counter = iter(range(1000))

    def build(rows: Sequence[Sequence[Any]], headers: Sequence[Any] | None = None,
              above: Sequence[Sequence[Any]] = (), name: str | None = None, sheet: str = "Sheet1",
              extra_sheets: dict[str, Sequence[Sequence[Any]]] | None = None) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.title = sheet
        for line in above:
            ws.append(list(line))
        ws.append(list(headers if headers is not None else HEADERS))
        for line in rows:
            ws.append(list(line))
        for title, lines in (extra_sheets or {}).items():
            other = wb.create_sheet(title)
            for line in lines:
                other.append(list(line))
        path = tmp_path / (name or f"import-{next(counter)}.xlsx")
        wb.save(path)
        return path

    return build


@pytest.fixture()
def db(db_path: Path):
    """Imports are township/county work (permission ``data.import``): a township user here."""
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    database = create_database(db_path, USER, PASSPHRASE, role="township", kdf=FAST_KDF)
    yield database
    database.close()
