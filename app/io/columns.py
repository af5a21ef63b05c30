"""The columns of the national system's person-level export and how headers are recognised.

One row per person, household columns repeated on every row (or only on the head's row). Headers
are matched after folding what differs between exports without meaning anything: full-width
characters (NFKC), every kind of space and line break, bracket styles (（）【】〔〕[] → ()), a
trailing required-marker ``*``, and case. A header then matches a column by its full text, by its
text with the brackets dropped (乡(镇) → 乡镇), or by its text with the bracketed part dropped
(务工时间(月) → 务工时间) — in that order, so the most specific reading wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_BRACKETS = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "{": "(", "}": ")",
                           "<": "(", ">": ")", "《": "(", "》": ")"})
_BRACKETED = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Column:
    """One importable column: ``key`` is internal, ``header`` the canonical Chinese header."""

    key: str
    header: str
    kind: str  # text | id | int | year | group | money | bool | phone | account | code:<list>
    level: str  # place | household | member | conditions | income
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("province", "省", "text", "place", ("省份", "省(自治区、直辖市)", "所在省")),
    Column("city", "市", "text", "place", ("市(州)", "市州", "地市", "地(市、州、盟)", "所在市")),
    Column("county", "县", "text", "place", ("县(市、区)", "县(市、区、旗)", "县区", "区县", "县市区", "所在县")),
    Column("township", "乡(镇)", "text", "place", ("乡镇", "乡(镇、街道)", "乡镇(街道)", "乡", "镇", "所在乡镇")),
    Column("village", "村", "text", "place", ("行政村", "村名", "村(社区)", "所在村", "村委会")),
    Column("village_code", "行政区划代码", "text", "place", ("村代码", "区划代码", "村级行政区划代码", "村行政区划代码")),
    Column("group_no", "组", "group", "household", ("村民小组", "组别", "组名", "所在组", "组号")),
    Column("hh_number", "户编号", "text", "household", ("户码", "户号", "户编码", "家庭编号"), required=True),
    Column("name", "姓名", "text", "member", ("成员姓名", "人员姓名"), required=True),
    Column("id_number", "证件号码", "id", "member",
           ("身份证号", "身份证号码", "公民身份号码", "证件号", "身份证件号码", "居民身份证号码"), required=True),
    Column("relation", "与户主关系", "code:relation", "member", ("与户主的关系", "家庭关系", "关系"), required=True),
    Column("sex", "性别", "code:sex", "member"),
    Column("ethnicity", "民族", "code:ethnicity", "member"),
    Column("education", "文化程度", "code:education", "member", ("学历",)),
    Column("school_status", "在校生状况", "code:school_status", "member", ("在校生情况", "在校状况", "在校情况")),
    Column("health", "健康状况", "code:health", "member"),
    Column("labour_skill", "劳动技能", "code:labour_skill", "member", ("劳动能力",)),
    Column("work_status", "务工状况", "code:work_status", "member", ("务工情况",)),
    Column("work_months", "务工时间", "int", "member", ("务工时间(月)", "务工月数", "务工时间月")),
    Column("household_attr", "贫困户属性", "code:household_attr", "household", ("贫困户类型",)),
    Column("main_cause", "主要致贫原因", "code:poverty_cause", "household", ("致贫原因",)),
    Column("exit_status", "脱贫属性", "code:exit_status", "household", ("贫困户状态", "脱贫状态")),
    Column("identified_year", "识别年度", "year", "household", ("识别时间", "识别年份", "纳入年度")),
    Column("phone", "联系电话", "phone", "household", ("电话", "联系方式", "电话号码", "手机号码")),
    Column("per_capita", "人均纯收入", "money", "income", ("家庭人均纯收入", "人均纯收入(元)", "人均收入")),
    Column("year", "年度", "year", "income", ("收入年度", "年份")),
    Column("house_dangerous", "是否危房", "bool", "conditions", ("危房",)),
    Column("house_danger_level", "危房等级", "code:house_danger_level", "conditions", ("危房级别",)),
    Column("water_safe", "饮水是否安全", "bool", "conditions", ("饮水安全", "是否饮水安全")),
    Column("bank_name", "开户银行", "text", "household", ("开户行", "开户银行名称")),
    Column("bank_account", "银行账号", "account", "household", ("银行卡号", "账号", "开户账号", "银行帐号")),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}


def fold(text: object) -> str:
    """NFKC, no whitespace of any kind, one bracket style, no trailing ``*``, case-folded."""
    value = unicodedata.normalize("NFKC", str(text or "")).translate(_BRACKETS)
    value = "".join(value.split()).strip("*").casefold()
    return value


def _variants(folded: str) -> list[str]:
    """The full text, the text without bracket characters, the text without bracketed parts."""
    out = [folded]
    plain = folded.replace("(", "").replace(")", "")
    stripped = _BRACKETED.sub("", folded)
    for value in (plain, stripped):
        if value and value not in out:
            out.append(value)
    return out


def _build_lookup() -> list[dict[str, Column]]:
    tiers: list[dict[str, Column]] = [{}, {}, {}]
    for column in COLUMNS:
        for name in (column.header, *column.aliases):
            for tier, variant in zip(tiers, _variants(fold(name)), strict=False):
                tier.setdefault(variant, column)
    return tiers


_LOOKUP = _build_lookup()


def match_header(text: object) -> Column | None:
    """The column a header names, or None (unknown header)."""
    folded = fold(text)
    if not folded:
        return None
    variants = _variants(folded)
    for variant in variants:
        for tier in _LOOKUP:
            if variant in tier:
                return tier[variant]
    return None


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
