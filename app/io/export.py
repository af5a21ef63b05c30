"""Export of households, members, incomes, measures and visits to Excel (.xlsx) or CSV, with Chinese
headers, codes written as their labels, money in yuan.

The members export has the import's person-level shape (same headers), so a file exported with
``with_sensitive=True`` imports back unchanged into another database. ID numbers and bank accounts
are masked unless ``with_sensitive`` is set; every export is recorded in the audit trail (what,
how many rows, which scope, whether sensitive columns were included), because data leaving the
laptop is something a county must be able to trace.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text

import app.io.messages  # noqa: F401  (registers the export messages)
from app.codes import code_list
from app.domain import INCOME_ITEMS, uuid7
from app.errors import BangfuError
from app.fields import field_label
from app.idnumber import mask_id
from app.store.database import Database

WHAT: tuple[str, ...] = ("households", "members", "incomes", "measures", "visits")
CSV_ENCODING = "utf-8-sig"  # Excel opens BOM-marked UTF-8 CSV files with the right characters


def mask_account(account: str) -> str:
    from app.reports.common import mask_account as mask

    return mask(account)


@dataclass(frozen=True)
class Col:
    header: str
    key: str
    kind: str = "text"  # text | code:<list> | money | bool | id | account | codes:<list> | int


def _yuan(fen: Any) -> Decimal | None:
    return None if fen is None else (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


PLACE = [Col("省", "province_name"), Col("市", "city_name"), Col("县", "county_name"), Col("乡(镇)", "township_name"),
         Col("村", "village_name"), Col("行政区划代码", "village_code")]

HOUSEHOLD_COLS = [
    *PLACE, Col("组", "group_no", "int"), Col("户编号", "hh_number"), Col("户主姓名", "head_name"),
    Col("家庭人口", "size", "int"), Col("联系电话", "phone"), Col("住址", "address"), Col("开户银行", "bank_name"),
    Col("银行账号", "bank_account", "account"), Col("识别标准", "id_standard", "code:id_standard"),
    Col("贫困户属性", "household_attr", "code:household_attr"), Col("主要致贫原因", "main_cause", "code:poverty_cause"),
    Col("其他致贫原因", "other_causes", "codes:poverty_cause"), Col("识别年度", "identified_year", "int"),
    Col("计划脱贫年度", "planned_exit_year", "int"), Col("脱贫年度", "exit_year", "int"),
    Col("返贫年度", "return_year", "int"), Col("脱贫属性", "exit_status", "code:exit_status"),
    Col("军烈属", "military_family", "bool"), Col("独生子女户", "only_child", "bool"),
    Col("双女户", "two_daughters", "bool"), Col("易地搬迁户", "relocated", "bool"),
    Col("是否危房", "house_dangerous", "bool"), Col("危房等级", "house_danger_level", "code:house_danger_level"),
    Col("饮水是否安全", "water_safe", "bool"), Col("人均纯收入", "per_capita_fen", "money"), Col("年度", "income_year", "int"),
]

MEMBER_COLS = [
    *PLACE, Col("组", "group_no", "int"), Col("户编号", "hh_number"), Col("姓名", "name"), Col("证件号码", "id_number", "id"),
    Col("与户主关系", "relation", "code:relation"), Col("性别", "sex", "code:sex"), Col("出生日期", "birth_date"),
    Col("民族", "ethnicity", "code:ethnicity"), Col("政治面貌", "political", "code:political"),
    Col("文化程度", "education", "code:education"), Col("在校生状况", "school_status", "code:school_status"),
    Col("健康状况", "health", "code:health"), Col("残疾类别", "disability_type", "code:disability_type"),
    Col("残疾等级", "disability_grade", "code:disability_grade"), Col("劳动技能", "labour_skill", "code:labour_skill"),
    Col("务工状况", "work_status", "code:work_status"), Col("务工时间", "work_months", "int"),
    Col("务工单位", "work_employer"), Col("城乡居民基本医疗保险", "med_insurance", "bool"),
    Col("大病保险", "serious_illness_insurance", "bool"), Col("城乡居民基本养老保险", "pension_insurance", "bool"),
    Col("低保人口", "dibao", "bool"), Col("特困供养", "tekun", "bool"),
    Col("贫困户属性", "household_attr", "code:household_attr"), Col("主要致贫原因", "main_cause", "code:poverty_cause"),
    Col("脱贫属性", "exit_status", "code:exit_status"), Col("识别年度", "identified_year", "int"),
    Col("联系电话", "phone"), Col("人均纯收入", "per_capita_fen", "money"), Col("年度", "income_year", "int"),
    Col("是否危房", "house_dangerous", "bool"), Col("危房等级", "house_danger_level", "code:house_danger_level"),
    Col("饮水是否安全", "water_safe", "bool"), Col("开户银行", "bank_name"), Col("银行账号", "bank_account", "account"),
]

INCOME_COLS = [
    Col("乡(镇)", "township_name"), Col("村", "village_name"), Col("户编号", "hh_number"), Col("户主姓名", "head_name"),
    Col("年度", "year", "int"),
    *[Col(f"{field_label('income', item)}（元）", item, "money") for item in INCOME_ITEMS],
    Col("年纯收入（元）", "net_fen", "money"), Col("家庭人口", "size", "int"), Col("人均纯收入（元）", "per_capita_fen", "money"),
    Col("来源", "source"),
]

MEASURE_COLS = [
    Col("乡(镇)", "township_name"), Col("村", "village_name"), Col("户编号", "hh_number"), Col("户主姓名", "head_name"),
    Col("帮扶措施类别", "category", "code:measure_category"), Col("措施内容", "content"), Col("金额（元）", "amount_fen", "money"),
    Col("资金来源", "funding_source", "code:funding_source"), Col("日期", "date"), Col("状态", "status", "code:measure_status"),
    Col("录入人", "author"),
]

VISIT_COLS = [
    Col("乡(镇)", "township_name"), Col("村", "village_name"), Col("户编号", "hh_number"), Col("户主姓名", "head_name"),
    Col("走访时间", "visited_at"), Col("走访人", "author"), Col("帮扶责任人", "helper_name"), Col("走访摘要", "summary"),
    Col("满意度", "satisfaction"),
]

_PLACE_SQL = ("v.province_name, v.city_name, v.county_name, v.township_name, v.name AS village_name, "
              "v.code AS village_code")
_LATEST_INCOME = """
LEFT JOIN (SELECT household_id, max(year) AS y FROM (
    SELECT household_id, year FROM income WHERE NOT deleted
    UNION ALL SELECT household_id, year FROM reported_income WHERE NOT deleted) GROUP BY household_id) ly
  ON ly.household_id = h.id
LEFT JOIN income i ON i.household_id = h.id AND i.year = COALESCE(:year, ly.y) AND NOT i.deleted
LEFT JOIN reported_income ri ON ri.household_id = h.id AND ri.year = COALESCE(:year, ly.y) AND NOT ri.deleted
LEFT JOIN conditions c ON c.household_id = h.id AND NOT c.deleted
"""
_NET = " + ".join(f"i.{item}" for item in INCOME_ITEMS if item != "business_expense_fen") + " - i.business_expense_fen"

QUERIES: dict[str, str] = {
    "households": f"""
SELECT {_PLACE_SQL}, h.*, c.house_dangerous, c.house_danger_level, c.water_safe,
       CASE WHEN i.id IS NOT NULL THEN {_NET} END AS net_fen, ri.per_capita_fen AS reported_fen,
       CASE WHEN i.id IS NOT NULL OR ri.id IS NOT NULL THEN COALESCE(:year, ly.y) END AS income_year
FROM household h JOIN village v ON v.id = h.village_id {_LATEST_INCOME}
WHERE NOT h.deleted AND {{where}} ORDER BY v.code, h.group_no, h.hh_number""",
    "members": f"""
SELECT {_PLACE_SQL}, h.group_no, h.hh_number, h.household_attr, h.main_cause, h.exit_status, h.identified_year,
       h.phone, h.bank_name, h.bank_account, h.size, c.house_dangerous, c.house_danger_level, c.water_safe,
       CASE WHEN i.id IS NOT NULL THEN {_NET} END AS net_fen, ri.per_capita_fen AS reported_fen,
       CASE WHEN i.id IS NOT NULL OR ri.id IS NOT NULL THEN COALESCE(:year, ly.y) END AS income_year, m.*
FROM member m JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id {_LATEST_INCOME}
WHERE m.active AND NOT m.deleted AND NOT h.deleted AND {{where}}
ORDER BY v.code, h.group_no, h.hh_number, m.relation, m.birth_date""",
    "incomes": f"""
SELECT v.township_name, v.name AS village_name, v.code AS village_code, h.hh_number, h.head_name, h.size, i.*,
       {_NET} AS net_fen, 'items' AS source, NULL AS per_capita_fen
FROM income i JOIN household h ON h.id = i.household_id JOIN village v ON v.id = h.village_id
WHERE NOT i.deleted AND NOT h.deleted AND (:year IS NULL OR i.year = :year) AND {{where}}
UNION ALL
SELECT v.township_name, v.name, v.code, h.hh_number, h.head_name, h.size, r.id, r.rev, r.deleted, r.updated_at,
       r.household_id, r.year, {", ".join("NULL" for _ in INCOME_ITEMS)}, NULL, 'reported', r.per_capita_fen
FROM reported_income r JOIN household h ON h.id = r.household_id JOIN village v ON v.id = h.village_id
WHERE NOT r.deleted AND NOT h.deleted AND (:year IS NULL OR r.year = :year) AND {{where}}
  AND NOT EXISTS (SELECT 1 FROM income x WHERE x.household_id = r.household_id AND x.year = r.year AND NOT x.deleted)
ORDER BY 3, 4, 12""",
    "measures": """
SELECT v.township_name, v.name AS village_name, h.hh_number, h.head_name, me.*
FROM measure me JOIN household h ON h.id = me.household_id JOIN village v ON v.id = h.village_id
WHERE NOT me.deleted AND NOT h.deleted AND {where} ORDER BY v.code, h.hh_number, me.date""",
    "visits": """
SELECT v.township_name, v.name AS village_name, h.hh_number, h.head_name, vi.*
FROM visit vi JOIN household h ON h.id = vi.household_id JOIN village v ON v.id = h.village_id
WHERE NOT vi.deleted AND NOT h.deleted AND {where} ORDER BY v.code, h.hh_number, vi.visited_at""",
}
COLUMNS: dict[str, list[Col]] = {"households": HOUSEHOLD_COLS, "members": MEMBER_COLS, "incomes": INCOME_COLS,
                                 "measures": MEASURE_COLS, "visits": VISIT_COLS}


def _converter(col: Col, sensitive: bool) -> Callable[[Any], Any]:
    kind = col.kind
    if kind.startswith("code:"):
        codes = code_list(kind[5:])
        return lambda v: codes.label(v, "zh_CN") if v else ""
    if kind.startswith("codes:"):
        codes = code_list(kind[6:])

        def labels(v: Any) -> str:
            import json

            items = json.loads(v) if isinstance(v, str) else (v or [])
            return "、".join(codes.label(c, "zh_CN") for c in items)

        return labels
    if kind == "money":
        return _yuan
    if kind == "bool":
        return lambda v: "" if v is None else ("是" if v else "否")
    if kind == "id":
        return (lambda v: v or "") if sensitive else (lambda v: mask_id(v) if v else "")
    if kind == "account":
        return (lambda v: v or "") if sensitive else (lambda v: mask_account(v) if v else "")
    if kind == "int":
        return lambda v: v
    return lambda v: "" if v is None else str(v)


def _scope(db: Database, village: str | None, township: str | None, status: str | None) -> tuple[str, dict[str, Any]]:
    where = ["1 = 1"]
    params: dict[str, Any] = {}
    with db.read() as s:
        if village:
            if not s.execute(text("SELECT 1 FROM village WHERE code = :c AND NOT deleted"), {"c": village}).first():
                raise BangfuError("export.bad_place", place=village[:20])
            where.append("v.code = :village")
            params["village"] = village
        if township:
            if len(township) != 9 or not s.execute(text("SELECT 1 FROM village WHERE substr(code, 1, 9) = :c"),
                                                   {"c": township}).first():
                raise BangfuError("export.bad_place", place=township[:20])
            where.append("substr(v.code, 1, 9) = :township")
            params["township"] = township
    if status:
        found = code_list("exit_status").find(status)
        if found is None:
            raise BangfuError("export.bad_status", value=status[:20])
        where.append("h.exit_status = :status")
        params["status"] = found.code
    return " AND ".join(where), params


def rows(db: Database, what: str, village: str | None = None, township: str | None = None, status: str | None = None,
         year: int | None = None, with_sensitive: bool = False) -> tuple[list[str], Iterator[list[Any]]]:
    """(headers, rows of cell values) for one export."""
    if what not in WHAT:
        raise BangfuError("value.unknown_code", value=what[:20])
    where, params = _scope(db, village, township, status)
    params["year"] = year
    cols = COLUMNS[what]
    convert = [(c.key, _converter(c, with_sensitive)) for c in cols]
    sql = QUERIES[what].format(where=where)

    def generate() -> Iterator[list[Any]]:
        conn = db.raw()
        try:
            cur = conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            while batch := cur.fetchmany(2000):
                for values in batch:
                    record = dict(zip(names, values, strict=False))
                    if what in ("households", "members"):
                        record["per_capita_fen"] = _per_capita(record)
                    elif what == "incomes":
                        record["per_capita_fen"] = (_share(record["net_fen"], record["size"])
                                                    if record["source"] == "items" else record["per_capita_fen"])
                        record["source"] = "收入明细" if record["source"] == "items" else "导入的人均纯收入"
                    yield [conv(record.get(key)) for key, conv in convert]
        finally:
            conn.close()

    return [c.header for c in cols], generate()


def _share(net: Any, size: Any) -> int | None:
    from app.services.registry import per_capita

    if net is None or not size:
        return None
    return per_capita(int(net), int(size))


def _per_capita(record: dict[str, Any]) -> int | None:
    if record.get("net_fen") is not None:
        return _share(record["net_fen"], record.get("size"))
    return record.get("reported_fen")


def write(headers: Sequence[str], data: Iterator[list[Any]], path: Path) -> int:
    """Write .xlsx (write-only, header frozen, ID/account columns as text) or .csv; returns data rows."""
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    if suffix == ".csv":
        with path.open("w", encoding=CSV_ENCODING, newline="") as fh:
            out = csv.writer(fh)
            out.writerow(headers)
            for row in data:
                out.writerow(["" if v is None else v for v in row])
                count += 1
        return count
    if suffix != ".xlsx":
        raise BangfuError("export.bad_format")
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("导出")
    ws.freeze_panes = "A2"
    for i, header in enumerate(headers):
        from app.io.columns import column_letter

        ws.column_dimensions[column_letter(i)].width = max(8, min(30, 2 * len(header) + 4))
    head = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=header)
        cell.font = Font(bold=True)
        head.append(cell)
    ws.append(head)
    for row in data:
        ws.append(row)
        count += 1
    wb.save(path)
    return count


def export(db: Database, what: str, out: Path | str, village: str | None = None, township: str | None = None,
           status: str | None = None, year: int | None = None, with_sensitive: bool = False) -> int:
    """Export ``what`` to ``out`` (.xlsx or .csv); returns the number of data rows. Audited."""
    from app.services.audit import record_event
    from app.services.permissions import require

    require(db, "data.export")
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise BangfuError("export.bad_format")
    headers, data = rows(db, what, village, township, status, year, with_sensitive)
    count = write(headers, data, out)
    record_event(db, "export.sensitive" if with_sensitive else "export", "export", uuid7(), {
        "what": what, "rows": count, "file": out.name, "village": village or "", "township": township or "",
        "status": status or "", "year": year, "sensitive": with_sensitive,
    })
    return count
