"""Household paperwork as PDF: 明白卡, the 扶贫手册 household card, and the visit record sheet.

- **明白卡** (posted in the home): who the household is, the policies and measures it received,
  its helper's name and phone, the hotlines — big type, one A4 page.
- **Household card** (扶贫手册 page, A4 landscape): the registry record — members, conditions,
  income by item, helper, measures.
- **Visit record sheet** (入户走访记录表): pre-filled with the household and its members, with
  tick boxes for 两不愁三保障, blank lines, signature spaces, and a QR code identifying the
  household and the sheet so the signed, photographed sheet can be matched to the record.

ID numbers are always masked (:func:`app.idnumber.mask_id`) and bank accounts too
(:func:`app.reports.common.mask_account`). A training database prints "培训 / TRAINING" on every page.
Several households can go in one PDF (a village's cards), each starting on a new page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlmodel import Session, select

import app.fields  # noqa: F401  (registers the field labels printed on the household card)
from app.codes import code_list, poverty_line_fen, setting
from app.domain import (
    Conditions,
    FundProject,
    HelperAssignment,
    Household,
    Income,
    Measure,
    Member,
    ProjectBeneficiary,
    Village,
    uuid7,
)
from app.errors import BangfuError
from app.i18n import register, t_in
from app.idnumber import mask_id
from app.reports.common import (
    PRINT_LANG,
    Furniture,
    Grid,
    Heading,
    Text,
    build_pdf,
    column_widths,
    draw_qr,
    markup,
    mask_account,
    page_size,
    para,
    paragraph_style,
    text_width,
    write_atomic,
)
from app.services.registry import per_capita
from app.store.database import Database
from app.validation import Checker, format_date

GREY = colors.HexColor("#d9d9d9")
CARD_KINDS = ("card", "mingbai", "visit-sheet")

register({
    "card.household_unknown": ("找不到该农户（编号或户编号）", "No such household (id or household number)"),
    "card.nobody": ("没有可打印的农户", "No household to print"),
    "card.bad_kind": ("打印类型“{kind}”无效，可选：card、mingbai、visit-sheet",
                      "Unknown form '{kind}'; choose card, mingbai or visit-sheet"),
    "card.mingbai.title": ("精准扶贫明白卡", "Household information card"),
    "card.mingbai.basic": ("一、家庭基本情况", "1. The household"),
    "card.mingbai.helper": ("二、帮扶责任人", "2. Helper"),
    "card.mingbai.policies": ("三、享受的政策和帮扶措施", "3. Policies and measures received"),
    "card.mingbai.income": ("四、家庭收入", "4. Income"),
    "card.mingbai.no_measures": ("暂无登记的帮扶措施", "No measure recorded yet"),
    "card.mingbai.no_helper": ("尚未确定帮扶责任人", "No helper assigned yet"),
    "card.mingbai.income_line": (
        "{year}年家庭年纯收入{net}元，人均纯收入{pc}元（当年脱贫标准{line}元）",
        "{year}: net income {net} yuan, {pc} yuan per person (poverty line {line} yuan)",
    ),
    "card.mingbai.no_income": ("尚未登记收入", "No income recorded"),
    "card.mingbai.note": (
        "本卡张贴于户内，请妥善保管。如对帮扶政策有疑问，请联系帮扶责任人或驻村工作队。",
        "Keep this card posted in the home. Ask the helper or the task force about any support.",
    ),
    "card.policy.insurance": ("城乡居民基本医疗保险：{n}人参保", "Basic medical insurance: {n} insured"),
    "card.policy.serious": ("大病保险：{n}人", "Serious-illness insurance: {n}"),
    "card.policy.pension": ("城乡居民基本养老保险：{n}人", "Basic pension insurance: {n}"),
    "card.policy.dibao": ("享受低保：{n}人", "Minimum living allowance: {n}"),
    "card.policy.tekun": ("特困供养：{n}人", "Extreme-poverty support: {n}"),
    "card.policy.project": ("扶贫项目：{name}", "Project: {name}"),
    "card.col.category": ("类别", "Category"),
    "card.col.content": ("内容", "Content"),
    "card.col.amount": ("金额（元）", "Amount (yuan)"),
    "card.col.date": ("时间", "Date"),
    "card.col.status": ("状态", "Status"),
    "card.f.head": ("户主", "Head"),
    "card.f.size": ("家庭人口", "Household size"),
    "card.f.place": ("住址", "Address"),
    "card.f.number": ("户编号", "Household number"),
    "card.f.attr": ("贫困户属性", "Household type"),
    "card.f.identified": ("识别年度", "Year identified"),
    "card.f.cause": ("主要致贫原因", "Main cause"),
    "card.f.other_causes": ("其他致贫原因", "Other causes"),
    "card.f.status": ("脱贫属性", "Poverty status"),
    "card.f.planned_exit": ("计划脱贫年度", "Planned exit year"),
    "card.f.exit_year": ("脱贫年度", "Exit year"),
    "card.f.helper": ("姓名", "Name"),
    "card.f.unit": ("单位及职务", "Unit and post"),
    "card.f.phone": ("联系电话", "Phone"),
    "card.f.standard": ("识别标准", "Identification standard"),
    "card.f.bank": ("开户银行及账号", "Bank and account"),
    "card.f.flags": ("标记", "Flags"),
    "card.f.household_phone": ("联系电话", "Phone"),
    "card.book.title": ("贫困户基本情况（扶贫手册）", "Registered poor household (assistance booklet)"),
    "card.book.members": ("家庭成员", "Members"),
    "card.book.conditions": ("生产生活条件", "Living and production conditions"),
    "card.book.income": ("{year}年收入情况（元）", "Income {year} (yuan)"),
    "card.book.helper": ("帮扶责任人", "Helper"),
    "card.book.measures": ("帮扶措施", "Assistance measures"),
    "card.m.name": ("姓名", "Name"),
    "card.m.sex": ("性别", "Sex"),
    "card.m.id": ("证件号码", "ID number"),
    "card.m.relation": ("与户主关系", "Relation"),
    "card.m.age": ("年龄", "Age"),
    "card.m.ethnicity": ("民族", "Ethnicity"),
    "card.m.education": ("文化程度", "Education"),
    "card.m.school": ("在校生状况", "Schooling"),
    "card.m.health": ("健康状况", "Health"),
    "card.m.labour": ("劳动技能", "Labour ability"),
    "card.m.work": ("务工状况", "Employment"),
    "card.m.months": ("务工时间（月）", "Months worked"),
    "card.m.insured": ("参加医保", "Med. insured"),
    "card.m.check": ("核实", "Checked"),
    "card.yes": ("是", "yes"),
    "card.no": ("否", "no"),
    "card.income.wage": ("工资性收入", "Wages"),
    "card.income.business": ("生产经营性收入", "Business"),
    "card.income.property": ("财产性收入", "Property"),
    "card.income.transfer": ("转移性收入", "Transfers"),
    "card.income.expense": ("生产经营性支出", "Business expenses"),
    "card.income.net": ("年纯收入", "Net income"),
    "card.income.per_capita": ("人均纯收入", "Per person"),
    "card.visit.title": ("入户走访记录表", "Home visit record"),
    "card.visit.when": ("走访时间：______年____月____日 ____时____分", "Visited on: ____-____-____ at ____:____"),
    "card.visit.who": ("走访人：____________________", "Visited by: ____________________"),
    "card.visit.check_title": ("“两不愁三保障”及饮水安全核实", "Basic needs check"),
    "card.visit.item": ("核实内容", "Item"),
    "card.visit.result": ("结果", "Result"),
    "card.visit.remark": ("情况说明", "Remarks"),
    "card.visit.food": ("不愁吃（主粮和必要营养有保障）", "Enough food"),
    "card.visit.clothes": ("不愁穿（四季有换季衣服、被褥）", "Enough clothing and bedding"),
    "card.visit.school": ("义务教育有保障（6至15岁无辍学）", "Compulsory schooling (no dropout aged 6 to 15)"),
    "card.visit.medical": ("基本医疗有保障（参保、大病有救治）", "Basic medical care (insured, illness treated)"),
    "card.visit.housing": ("住房安全有保障（A/B级，非危房）", "Safe housing (rated A/B)"),
    "card.visit.water": ("饮水安全（水质、水量、方便、保证率）", "Safe drinking water"),
    "card.visit.yes_no": ("☐ 是　☐ 否", "☐ yes  ☐ no"),
    "card.visit.members": ("家庭成员核实（如有变化请在备注中写明）", "Members (note any change)"),
    "card.visit.findings": ("收入变化、存在困难和问题：", "Income changes, difficulties and problems:"),
    "card.visit.measures": ("本次帮扶措施及下一步计划：", "Help given and next steps:"),
    "card.visit.sign_household": ("户主或家庭成员签字（按手印）：", "Household signature (or thumbprint):"),
    "card.visit.sign_visitor": ("走访人签字：", "Visitor's signature:"),
    "card.visit.sheet_id": ("记录表编号：{id}", "Sheet: {id}"),
    "card.visit.photo": ("填写并签字后请拍照上传，与走访记录一并保存", "After signing, photograph this sheet and attach it "
                                                               "to the visit record"),
    "card.hotlines": ("全国扶贫监督举报电话：{national}　本地监督电话：{local}",
                      "Supervision hotline: {national}   Local: {local}"),
    "card.footer": ("户编号：{number}　打印日期：{date}", "Household {number}   printed {date}"),
})


# -- data --------------------------------------------------------------------------------------
@dataclass
class HouseholdFile:
    """Everything the printed forms show about one household (plain rows, read in one session)."""

    household: Household
    village: Village
    members: list[Member]
    conditions: Conditions | None
    income: Income | None
    income_year: int | None
    helper: HelperAssignment | None
    measures: list[Measure]
    projects: list[tuple[FundProject, ProjectBeneficiary]]


def _resolve(session: Session, key: str) -> Household:
    hh = session.get(Household, key)
    if hh is None:
        hh = session.exec(select(Household).where(Household.hh_number == key, Household.deleted == False)).first()  # noqa: E712
    if hh is None or hh.deleted:
        raise BangfuError("card.household_unknown")
    return hh


def load_household(session: Session, key: str, year: int | None = None) -> HouseholdFile:
    """Read one household by id or 户编号 (income of ``year``, else its latest recorded year)."""
    hh = _resolve(session, key)
    village = session.get(Village, hh.village_id)
    assert village is not None
    members = list(session.exec(select(Member).where(
        Member.household_id == hh.id, Member.active == True, Member.deleted == False  # noqa: E712
    ).order_by(Member.relation, Member.birth_date)))
    conditions = session.exec(select(Conditions).where(Conditions.household_id == hh.id)).first()
    query = select(Income).where(Income.household_id == hh.id, Income.deleted == False)  # noqa: E712
    if year is not None:
        query = query.where(Income.year == year)
    income = session.exec(query.order_by(Income.year.desc())).first()  # type: ignore[attr-defined]
    helper = session.exec(select(HelperAssignment).where(
        HelperAssignment.household_id == hh.id, HelperAssignment.deleted == False  # noqa: E712
    ).order_by(HelperAssignment.start_date.desc())).first()  # type: ignore[attr-defined]
    measures = list(session.exec(select(Measure).where(
        Measure.household_id == hh.id, Measure.deleted == False  # noqa: E712
    ).order_by(Measure.date)))
    projects = []
    for b in session.exec(select(ProjectBeneficiary).where(
            ProjectBeneficiary.household_id == hh.id, ProjectBeneficiary.deleted == False)):  # noqa: E712
        project = session.get(FundProject, b.project_id)
        if project is not None and not project.deleted:
            projects.append((project, b))
    return HouseholdFile(hh, village, members, conditions, income, income.year if income else year, helper,
                         measures, projects)


# -- helpers -----------------------------------------------------------------------------------
def _l(list_name: str, code: str, lang: str) -> str:
    return code_list(list_name).label(code, lang) if code else ""


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def _age(birth: date | None, on: date) -> str:
    if birth is None:
        return ""
    return str(on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day)))


def _place(f: HouseholdFile) -> str:
    """龙场镇石门村2组18号: township, village and 组, then the address below them, each once.

    The address usually holds the part below the village (2组18号, or 18号), but a register may
    carry the whole of it (贵州省黔中市云岭县龙场镇石门村2组18号): then only what follows the
    village's name is kept, so the place is not printed twice."""
    v = f.village
    address = f.household.address.strip()
    at = address.find(v.name) if v.name else -1
    if at >= 0:
        address = address[at + len(v.name):]
    group = f"{f.household.group_no}组"
    if address.startswith(group):
        return f"{v.township_name}{v.name}{address}"
    return f"{v.township_name}{v.name}{group}{address}"


def _label_width(keys: Sequence[str], size: float, lang: str) -> float:
    """Wide enough for the longest label on one line (labels are short; values wrap instead)."""
    return max(text_width(t_in(lang, k), size, bold=True) for k in keys) + 16


def _local_hotline(db: Database) -> str:
    value = db.meta("hotline_local")
    if value:
        return value
    try:
        return setting("hotline_local")
    except KeyError:
        return "________________"


def _grid(rows: list[list[Any]], widths: list[float], label_cols: Sequence[int] = (0,), size: float = 11,
          padding: float = 3) -> Table:
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.1, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
    ]
    for c in label_cols:
        style.append(("BACKGROUND", (c, 0), (c, -1), GREY))
    return Grid(rows, colWidths=widths, style=TableStyle(style))


def _cell(text: Any, size: float, bold: bool = False, align: str = "left") -> Text:
    return Text("" if text is None else str(text), size, bold=bold, align=align)


def _wrapping(text: str, size: float) -> Paragraph:
    return Paragraph(markup(text), paragraph_style(size, leading=size * 1.4, space_after=0))


def _list_table(header: list[str], rows: list[list[str]], width: float, size: float,
                aligns: Sequence[str] | None = None, wrap_cols: Sequence[int] = ()) -> Table:
    widths = column_widths(header, rows, size, width)
    if wrap_cols:
        # the short columns keep their natural width (one line each); the text column takes the rest
        fixed = {j: max([text_width(h, size, True)] + [text_width(str(r[j]), size) for r in rows]) + 14
                 for j, h in enumerate(header) if j not in wrap_cols}
        rest = width - sum(fixed.values())
        if rest >= width * 0.25:
            widths = [fixed[j] if j in fixed else rest / len(wrap_cols) for j in range(len(header))]
    aligns = list(aligns or ["center"] * len(header))
    data: list[list[Any]] = [[_cell(h, size, True, "center") for h in header]]
    for row in rows:
        data.append([_wrapping(v, size) if j in wrap_cols else _cell(v, size, align=aligns[j])
                     for j, v in enumerate(row)])
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.1, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for j, a in enumerate(aligns):
        if a != "center":
            style.append(("ALIGN", (j, 1), (j, -1), a.upper()))
    return Grid(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _section(text: str, size: float) -> list[Any]:
    return [CondPageBreak(size * 5), Spacer(1, 2.5 * mm), Text(text, size, bold=True), Spacer(1, 1.5 * mm)]


def _policies(f: HouseholdFile, lang: str) -> list[str]:
    members = f.members
    lines = []
    for key, attr in (("insurance", "med_insurance"), ("serious", "serious_illness_insurance"),
                      ("pension", "pension_insurance"), ("dibao", "dibao"), ("tekun", "tekun")):
        n = sum(1 for m in members if getattr(m, attr))
        if n:
            lines.append(t_in(lang, f"card.policy.{key}", n=n))
    return lines


def _measure_rows(f: HouseholdFile, lang: str) -> list[list[str]]:
    rows = [[_l("measure_category", m.category, lang), m.content or "", _yuan(m.amount_fen) if m.amount_fen else "",
             format_date(m.date, lang), _l("measure_status", m.status, lang)] for m in f.measures]
    for project, b in f.projects:
        rows.append([_l("project_type", project.project_type, lang) or t_in(lang, "card.policy.project", name=""),
                     t_in(lang, "card.policy.project", name=project.name),
                     _yuan(b.amount_fen) if b.amount_fen else "", format_date(project.start_date, lang),
                     _l("project_status", project.status, lang)])
    return rows


def _income_text(f: HouseholdFile, lang: str) -> str:
    if f.income is None:
        return t_in(lang, "card.mingbai.no_income")
    size = len(f.members) or f.household.size
    pc = per_capita(f.income.net_fen, size)
    line = poverty_line_fen(f.income.year, f.village.province_code)
    return t_in(lang, "card.mingbai.income_line", year=f.income.year, net=_yuan(f.income.net_fen),
                pc=_yuan(pc) if pc is not None else "—", line=_yuan(line) if line is not None else "—")


def _head(f: HouseholdFile) -> Member | None:
    return next((m for m in f.members if m.relation == "01"), None)


# -- 明白卡 --------------------------------------------------------------------------------------
def mingbai_story(f: HouseholdFile, width: float, lang: str, local_hotline: str) -> list[Any]:
    hh = f.household
    s, big = 13, 15
    none = "—"
    story: list[Any] = [Heading(t_in(lang, "card.mingbai.title"), 26, space_after=4 * mm)]
    story += _section(t_in(lang, "card.mingbai.basic"), big)
    half = width / 2
    lw = _label_width(["card.f.head", "card.f.place", "card.f.attr", "card.f.cause", "card.f.status", "card.f.size",
                       "card.f.number", "card.f.identified", "card.f.other_causes", "card.f.exit_year",
                       "card.f.planned_exit", "card.f.helper", "card.f.phone", "card.f.unit"], s, lang)
    causes = "、".join(_l("poverty_cause", c, lang) for c in hh.other_causes) or none
    rows = [
        [_cell(t_in(lang, "card.f.head"), s, True), _cell(hh.head_name, s), _cell(t_in(lang, "card.f.size"), s, True),
         _cell(f"{len(f.members)}", s)],
        [_cell(t_in(lang, "card.f.place"), s, True), _wrapping(_place(f), s), _cell(t_in(lang, "card.f.number"), s, True),
         _cell(hh.hh_number or none, s)],
        [_cell(t_in(lang, "card.f.attr"), s, True), _cell(_l("household_attr", hh.household_attr, lang), s),
         _cell(t_in(lang, "card.f.identified"), s, True), _cell(hh.identified_year or none, s)],
        [_cell(t_in(lang, "card.f.cause"), s, True), _cell(_l("poverty_cause", hh.main_cause, lang) or none, s),
         _cell(t_in(lang, "card.f.other_causes"), s, True), _cell(causes, s)],
        [_cell(t_in(lang, "card.f.status"), s, True), _cell(_l("exit_status", hh.exit_status, lang), s),
         _cell(t_in(lang, "card.f.exit_year") if hh.exit_year else t_in(lang, "card.f.planned_exit"), s, True),
         _cell(hh.exit_year or hh.planned_exit_year or none, s)],
    ]
    story.append(_grid(rows, [lw, half - lw, lw, half - lw], label_cols=(0, 2)))
    story += _section(t_in(lang, "card.mingbai.helper"), big)
    if f.helper:
        unit = "　".join(x for x in (f.helper.unit, f.helper.post) if x) or none
        rows = [[_cell(t_in(lang, "card.f.helper"), s, True), _cell(f.helper.name, big, True),
                 _cell(t_in(lang, "card.f.phone"), s, True), _cell(f.helper.phone or none, big, True)],
                [_cell(t_in(lang, "card.f.unit"), s, True), _wrapping(unit, s), "", ""]]
        grid = _grid(rows, [lw, half - lw, lw, half - lw], label_cols=(0, 2))
        grid.setStyle(TableStyle([("SPAN", (1, 1), (3, 1)), ("BACKGROUND", (2, 1), (2, 1), colors.white)]))
        story.append(grid)
    else:
        story.append(para(t_in(lang, "card.mingbai.no_helper"), s))
    story += _section(t_in(lang, "card.mingbai.policies"), big)
    for line in _policies(f, lang):
        story.append(para("● " + line, s, space_after=1))
    rows = _measure_rows(f, lang)
    if rows:
        story.append(Spacer(1, 2 * mm))
        header = [t_in(lang, f"card.col.{k}") for k in ("category", "content", "amount", "date", "status")]
        story.append(_list_table(header, rows, width, s - 1, ["left", "left", "right", "center", "center"],
                                 wrap_cols=(1,)))
    elif not _policies(f, lang):
        story.append(para(t_in(lang, "card.mingbai.no_measures"), s))
    story += _section(t_in(lang, "card.mingbai.income"), big)
    story.append(para(_income_text(f, lang), s))
    story.append(Spacer(1, 5 * mm))
    story.append(KeepTogether([
        Text(t_in(lang, "card.hotlines", national=setting("hotline_national"), local=local_hotline), s, bold=True),
        Spacer(1, 2 * mm), para(t_in(lang, "card.mingbai.note"), s - 2),
    ]))
    return story


# -- 扶贫手册 household card ----------------------------------------------------------------------
def _yes(value: bool, lang: str) -> str:
    return t_in(lang, "card.yes") if value else t_in(lang, "card.no")


def household_card_story(f: HouseholdFile, width: float, lang: str, on: date) -> list[Any]:
    hh, s = f.household, 10
    none = "—"
    story: list[Any] = [Heading(t_in(lang, "card.book.title"), 20, space_after=3 * mm)]
    flags = "、".join(_l("household_flag", code, lang) for code, set_ in (
        ("01", hh.military_family), ("02", hh.only_child), ("03", hh.two_daughters), ("04", hh.relocated)) if set_)
    bank = "\n".join(x for x in (hh.bank_name, mask_account(hh.bank_account)) if x) or none
    pairs = [
        ("card.f.place", _place(f)), ("card.f.number", hh.hh_number or none), ("card.f.head", hh.head_name),
        ("card.f.household_phone", hh.phone or none), ("card.f.size", str(len(f.members))),
        ("card.f.bank", bank), ("card.f.standard", _l("id_standard", hh.id_standard, lang)),
        ("card.f.attr", _l("household_attr", hh.household_attr, lang)),
        ("card.f.cause", _l("poverty_cause", hh.main_cause, lang) or none),
        ("card.f.other_causes", "、".join(_l("poverty_cause", c, lang) for c in hh.other_causes) or none),
        ("card.f.identified", str(hh.identified_year or none)), ("card.f.planned_exit", str(hh.planned_exit_year or none)),
        ("card.f.exit_year", str(hh.exit_year or none)), ("card.f.status", _l("exit_status", hh.exit_status, lang)),
        ("card.f.flags", flags or none),
    ]
    per_row = 3
    lw = _label_width([k for k, _v in pairs], s, lang)
    vw = width / per_row - lw
    rows = []
    for i in range(0, len(pairs), per_row):
        row: list[Any] = []
        for key, value in pairs[i:i + per_row]:
            row += [_cell(t_in(lang, key), s, True), _wrapping(value, s)]
        while len(row) < 2 * per_row:
            row += ["", ""]
        rows.append(row)
    story.append(_grid(rows, [lw, vw] * per_row, label_cols=tuple(range(0, 2 * per_row, 2)), size=s))

    story += _section(t_in(lang, "card.book.members"), s + 2)
    keys = ("name", "sex", "id", "relation", "age", "ethnicity", "education", "school", "health", "labour", "work",
            "months", "insured")
    header = [t_in(lang, f"card.m.{k}") for k in keys]
    rows = []
    for m in f.members:
        health = _l("health", m.health, lang)
        if m.disability_type:
            health = f"{health}（{_l('disability_type', m.disability_type, lang)}）"
        rows.append([m.name, _l("sex", m.sex, lang), mask_id(m.id_number) if m.id_number else none,
                     _l("relation", m.relation, lang), _age(m.birth_date, on), _l("ethnicity", m.ethnicity, lang),
                     _l("education", m.education, lang), _l("school_status", m.school_status, lang), health,
                     _l("labour_skill", m.labour_skill, lang), _l("work_status", m.work_status, lang),
                     str(m.work_months) if m.work_months else "", _yes(m.med_insurance, lang)])
    story.append(_list_table(header, rows, width, s - 1))

    if f.conditions is not None:
        c = f.conditions
        story += _section(t_in(lang, "card.book.conditions"), s + 2)
        def lab(name: str) -> str:
            return t_in(lang, f"field.conditions.{name}")

        values = [
            ("farmland_mu", f"{c.farmland_mu:g}"), ("irrigated_mu", f"{c.irrigated_mu:g}"), ("forest_mu", f"{c.forest_mu:g}"),
            ("house_area_m2", f"{c.house_area_m2:g}"), ("house_structure", _l("house_structure", c.house_structure, lang)),
            ("house_danger_level", c.house_danger_level or none), ("water_safe", _yes(c.water_safe, lang)),
            ("water_difficulty", _yes(c.water_difficulty, lang)), ("power_living", _yes(c.power_living, lang)),
            ("road_type", _l("road_type", c.road_type, lang)), ("distance_to_road_km", f"{c.distance_to_road_km:g}"),
            ("fuel_type", _l("fuel_type", c.fuel_type, lang)), ("sanitary_toilet", _yes(c.sanitary_toilet, lang)),
            ("in_cooperative", _yes(c.in_cooperative, lang)), ("radio_tv", _yes(c.radio_tv, lang)),
        ]
        per_row = 5
        lw2 = max(text_width(lab(name), s - 1, bold=True) for name, _v in values) + 16
        vw2 = width / per_row - lw2
        rows = []
        for i in range(0, len(values), per_row):
            row = []
            for name, value in values[i:i + per_row]:
                row += [_cell(lab(name), s - 1, True), _cell(value or none, s - 1)]
            rows.append(row)
        story.append(_grid(rows, [lw2, vw2] * per_row, label_cols=tuple(range(0, 2 * per_row, 2)), size=s - 1))

    if f.income is not None:
        inc = f.income
        story += _section(t_in(lang, "card.book.income", year=inc.year), s + 2)
        size = len(f.members) or hh.size
        pc = per_capita(inc.net_fen, size)
        keys2 = ("wage", "business", "property", "transfer", "expense", "net", "per_capita")
        header = [t_in(lang, f"card.income.{k}") for k in keys2]
        row = [_yuan(inc.wage_fen), _yuan(inc.business_fen), _yuan(inc.property_fen), _yuan(inc.transfer_fen),
               _yuan(inc.business_expense_fen), _yuan(inc.net_fen), _yuan(pc) if pc is not None else none]
        story.append(_list_table(header, [row], width, s, ["right"] * len(row)))

    story += _section(t_in(lang, "card.book.helper"), s + 2)
    if f.helper:
        h = f.helper

        cells: list[Any] = []
        for name, value in (("name", h.name), ("unit", h.unit), ("post", h.post), ("phone", h.phone),
                            ("start_date", format_date(h.start_date, lang))):
            cells += [_cell(t_in(lang, f"field.helper_assignment.{name}"), s, True), _wrapping(value or none, s)]
        labels = [text_width(t_in(lang, f"field.helper_assignment.{n}"), s, True) + 16
                  for n in ("name", "unit", "post", "phone", "start_date")]
        rest = (width - sum(labels)) / 5
        story.append(_grid([cells], [w for lw_ in labels for w in (lw_, rest)], label_cols=(0, 2, 4, 6, 8)))
    else:
        story.append(para(t_in(lang, "card.mingbai.no_helper"), s + 1))
    rows = _measure_rows(f, lang)
    if rows:
        story += _section(t_in(lang, "card.book.measures"), s + 2)
        header = [t_in(lang, f"card.col.{k}") for k in ("category", "content", "amount", "date", "status")]
        story.append(_list_table(header, rows, width, s, ["left", "left", "right", "center", "center"], wrap_cols=(1,)))
    return story


# -- visit record sheet ------------------------------------------------------------------------
class _QrBox(Flowable):
    """A QR code as a flowable (top right of the visit sheet)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload, self.size = payload, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)


def visit_sheet_story(f: HouseholdFile, width: float, lang: str, on: date, sheet_id: str) -> list[Any]:
    hh, s = f.household, 11
    none = "—"
    qr = _QrBox(f"BANGFU:VISIT:{hh.id}:{sheet_id}".upper(), 22 * mm)
    title = Grid([[Heading(t_in(lang, "card.visit.title"), 20, space_after=0), qr]],
                  colWidths=[width - 26 * mm, 26 * mm],
                  style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    story: list[Any] = [title, para(t_in(lang, "card.visit.sheet_id", id=sheet_id), 8, TA_RIGHT, space_after=2)]
    lw = _label_width(["card.f.head", "card.f.place", "card.f.household_phone", "card.f.number", "card.f.size",
                       "card.book.helper"], s, lang)
    half = width / 2
    helper = f"{f.helper.name} {f.helper.phone}".strip() if f.helper else none
    rows = [
        [_cell(t_in(lang, "card.f.head"), s, True), _cell(hh.head_name, s), _cell(t_in(lang, "card.f.number"), s, True),
         _cell(hh.hh_number or none, s)],
        [_cell(t_in(lang, "card.f.place"), s, True), _wrapping(_place(f), s), _cell(t_in(lang, "card.f.size"), s, True),
         _cell(str(len(f.members)), s)],
        [_cell(t_in(lang, "card.f.household_phone"), s, True), _cell(hh.phone or none, s),
         _cell(t_in(lang, "card.book.helper"), s, True), _cell(helper, s)],
    ]
    story.append(_grid(rows, [lw, half - lw, lw, half - lw], label_cols=(0, 2)))
    story.append(Spacer(1, 3 * mm))
    story.append(Grid([[_cell(t_in(lang, "card.visit.when"), s), _cell(t_in(lang, "card.visit.who"), s)]],
                       colWidths=[width * 0.58, width * 0.42], style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)])))
    story += _section(t_in(lang, "card.visit.check_title"), s + 2)
    items = ("food", "clothes", "school", "medical", "housing", "water")
    data: list[list[Any]] = [[_cell(t_in(lang, "card.visit.item"), s, True, "center"),
                              _cell(t_in(lang, "card.visit.result"), s, True, "center"),
                              _cell(t_in(lang, "card.visit.remark"), s, True, "center")]]
    for key in items:
        data.append([_cell(t_in(lang, f"card.visit.{key}"), s), _cell(t_in(lang, "card.visit.yes_no"), s, align="center"),
                     ""])
    story.append(Grid(data, colWidths=[width * 0.45, width * 0.18, width * 0.37], rowHeights=[None] + [7.5 * mm] * 6,
                       style=TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("BACKGROUND", (0, 0), (-1, 0), GREY),
                                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])))
    story += _section(t_in(lang, "card.visit.members"), s + 2)
    header = [t_in(lang, f"card.m.{k}") for k in ("name", "relation", "age", "school", "health", "work", "insured", "check")]
    rows2 = [[m.name, _l("relation", m.relation, lang), _age(m.birth_date, on), _l("school_status", m.school_status, lang),
              _l("health", m.health, lang), _l("work_status", m.work_status, lang), _yes(m.med_insurance, lang), "☐"]
             for m in f.members]
    story.append(_list_table(header, rows2, width, s - 1))
    for key in ("findings", "measures"):
        story += _section(t_in(lang, f"card.visit.{key}"), s + 1)
        story.append(Grid([[""]] * 3, colWidths=[width], rowHeights=[7.5 * mm] * 3,
                           style=TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey)])))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether([
        Grid([[_cell(t_in(lang, "card.visit.sign_household"), s), _cell(t_in(lang, "card.visit.sign_visitor"), s)],
               ["", ""]], colWidths=[width * 0.58, width * 0.42], rowHeights=[None, 14 * mm],
              style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)])),
        para(t_in(lang, "card.visit.photo"), 9),
    ]))
    return story


# -- documents ---------------------------------------------------------------------------------
def _households(db: Database, household_keys: Sequence[str] = (), village_code: str | None = None,
                year: int | None = None) -> list[HouseholdFile]:
    with db.read() as s:
        keys = list(household_keys)
        if village_code:
            village = s.exec(select(Village).where(Village.code == village_code, Village.deleted == False)).first()  # noqa: E712
            if village is None:
                raise BangfuError("notice.village_unknown", village_code=str(village_code)[:20])
            keys += [h.id for h in s.exec(select(Household).where(
                Household.village_id == village.id, Household.deleted == False  # noqa: E712
            ).order_by(Household.group_no, Household.hh_number))]
        files = [load_household(s, key, year) for key in keys]
    if not files:
        raise BangfuError("card.nobody")
    return files


@dataclass
class Printed:
    path: Path
    pages: int
    size: int
    households: int
    sheet_ids: list[str]


def cards_pdf(db: Database, kind: str, household_keys: Sequence[str] = (), village_code: str | None = None,
              year: int | None = None, on: date | None = None, lang: str = PRINT_LANG) -> tuple[bytes, int, int, list[str]]:
    """The PDF of ``kind`` (card | mingbai | visit-sheet) for households (ids or 户编号) and/or every
    household of a village, each starting on a new page: (bytes, pages, households, sheet ids)."""
    if kind not in CARD_KINDS:
        raise BangfuError("card.bad_kind", kind=str(kind)[:20])
    c = Checker("card")
    if year is not None:
        c.integer("year", year, 2000, date.today().year)
    c.raise_if_any()
    files = _households(db, household_keys, village_code, year)
    on = on or date.today()
    paper = "A4L" if kind == "card" else "A4"
    page_w, _h = page_size(paper)
    width = page_w - 30 * mm
    local = _local_hotline(db)
    story: list[Any] = []
    sheet_ids: list[str] = []
    for i, f in enumerate(files):
        if i:
            story.append(PageBreak())
        if kind == "mingbai":
            story += mingbai_story(f, width, lang, local)
        elif kind == "card":
            story += household_card_story(f, width, lang, on)
        else:
            sheet_id = uuid7()
            sheet_ids.append(sheet_id)
            story += visit_sheet_story(f, width, lang, on, sheet_id)
    number = files[0].household.hh_number if len(files) == 1 else files[0].village.name
    furniture = Furniture(training=db.is_training, lang=lang,
                          footer_left=t_in(lang, "card.footer", number=number or "—", date=format_date(on, lang)))
    data, pages = build_pdf(story, furniture, paper=paper, margins_mm=(14, 15, 20, 15),
                            title=t_in(lang, {"mingbai": "card.mingbai.title", "card": "card.book.title",
                                              "visit-sheet": "card.visit.title"}[kind]))
    return data, pages, len(files), sheet_ids


def render_cards(db: Database, kind: str, out_path: Path | str, household_keys: Sequence[str] = (),
                 village_code: str | None = None, year: int | None = None, on: date | None = None,
                 lang: str = PRINT_LANG) -> Printed:
    """Print ``kind`` into one PDF file (written atomically; nothing is written on a refusal)."""
    data, pages, households, sheet_ids = cards_pdf(db, kind, household_keys, village_code, year, on, lang)
    path = write_atomic(out_path, data)
    return Printed(path, pages, len(data), households, sheet_ids)


__all__ = ["CARD_KINDS", "HouseholdFile", "Printed", "cards_pdf", "household_card_story", "load_household", "mingbai_story",
           "render_cards", "visit_sheet_story"]
