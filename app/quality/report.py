"""Findings lists for the township: Excel (one row per finding, sortable and filterable) and PDF
(a summary by rule, then the list), both with masked ID numbers.

The lists are work documents for fixing records, so they carry the household number and the
head's and member's names; full ID numbers never appear (``mask_id``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.i18n import register, t_in
from app.idnumber import mask_id
from app.quality.checks import Finding, summary

register({
    "quality.report.title": ("数据质量检查结果", "Data-quality findings"),
    "quality.report.scope": ("范围：{scope}　检查日期：{date}", "Scope: {scope}   Checked on: {date}"),
    "quality.report.scope_all": ("全部", "everything"),
    "quality.report.total": ("共发现 {count} 个问题，涉及 {households} 户", "{count} finding(s) in {households} household(s)"),
    "quality.report.none": ("未发现问题", "No findings"),
    "quality.report.summary": ("按规则汇总", "By rule"),
    "quality.report.list": ("问题清单", "Findings"),
    "quality.col.rule": ("规则", "Rule"),
    "quality.col.severity": ("级别", "Severity"),
    "quality.col.message": ("问题说明", "Finding"),
    "quality.col.village": ("村代码", "Village code"),
    "quality.col.household": ("户编号", "Household no."),
    "quality.col.head": ("户主", "Head"),
    "quality.col.member": ("成员", "Member"),
    "quality.col.id": ("证件号码", "ID number"),
    "quality.col.count": ("问题数", "Findings"),
    "quality.col.households": ("户数", "Households"),
    "quality.bad_format": ("只支持 .xlsx 或 .pdf 文件", "only .xlsx or .pdf files are supported"),
})

_COLUMNS = ("quality.col.severity", "quality.col.rule", "quality.col.message", "quality.col.village",
            "quality.col.household", "quality.col.head", "quality.col.member", "quality.col.id")


def _rows(findings: Sequence[Finding], lang: str | None) -> list[list[str]]:
    return [[t_in(lang, f"quality.severity.{f.severity}"), f.rule.code, f.message(lang), f.village_code, f.hh_number,
             f.head_name, f.member_name, mask_id(f.id_number) if f.id_number else ""] for f in findings]


def write_excel(findings: Sequence[Finding], path: Path | str, lang: str | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t_in(lang, "quality.report.list"))
    ws.freeze_panes = "A2"
    for width, letter in zip((8, 26, 60, 14, 20, 10, 10, 22), "ABCDEFGH", strict=True):
        ws.column_dimensions[letter].width = width
    from openpyxl.cell import WriteOnlyCell

    header = []
    for code in _COLUMNS:
        cell = WriteOnlyCell(ws, value=t_in(lang, code))
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in _rows(findings, lang):
        ws.append(row)
    sheet = wb.create_sheet(t_in(lang, "quality.report.summary"))
    sheet.append([t_in(lang, c) for c in ("quality.col.rule", "quality.col.severity", "quality.col.message",
                                          "quality.col.count", "quality.col.households")])
    for rule, count, households in summary(findings):
        sheet.append([rule.code, t_in(lang, f"quality.severity.{rule.severity}"), rule.en if (lang or "").startswith("en")
                      else rule.zh, count, households])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_pdf(findings: Sequence[Finding], path: Path | str, scope: str | None = None, on: date | None = None,
              lang: str | None = None, training: bool = False) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from app.reports.common import (
        Furniture,
        Heading,
        LongGrid,
        Text,
        build_pdf,
        column_widths,
        frame_width,
        write_atomic,
    )

    on = on or date.today()
    title = t_in(lang, "quality.report.title")
    story: list = [Heading(title, 18),
                   Text(t_in(lang, "quality.report.scope", scope=scope or t_in(lang, "quality.report.scope_all"),
                             date=on.isoformat()), 10),
                   Spacer(1, 3 * mm)]
    households = len({f.household_id for f in findings})
    story.append(Text(t_in(lang, "quality.report.total", count=len(findings), households=households)
                      if findings else t_in(lang, "quality.report.none"), 11))
    width = frame_width("A4L")
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("REPEATROWS", (0, 0), (-1, 0))]
    if findings:
        story += [Spacer(1, 4 * mm), Text(t_in(lang, "quality.report.summary"), 13, bold=True), Spacer(1, 2 * mm)]
        header = [t_in(lang, c) for c in ("quality.col.rule", "quality.col.severity", "quality.col.message",
                                          "quality.col.count", "quality.col.households")]
        rows = [[r.code, t_in(lang, f"quality.severity.{r.severity}"), r.title(lang or "zh_CN"),
                 str(n), str(h)] for r, n, h in summary(findings)]
        widths = column_widths(header, rows, 9, width)
        cells = [[Text(v, 9, bold=True) for v in header]] + [[Text(v, 9) for v in row] for row in rows]
        story.append(LongGrid(cells, colWidths=widths, repeatRows=1, style=style))
        story += [Spacer(1, 5 * mm), Text(t_in(lang, "quality.report.list"), 13, bold=True), Spacer(1, 2 * mm)]
        header = [t_in(lang, c) for c in _COLUMNS]
        rows = _rows(findings, lang)
        widths = column_widths(header, rows[:500], 8, width)
        cells = [[Text(v, 8, bold=True) for v in header]] + [[Text(v, 8) for v in row] for row in rows]
        story.append(LongGrid(cells, colWidths=widths, repeatRows=1, style=style))
    data, _pages = build_pdf(story, Furniture(training=training, running_title=title, lang=lang or "zh_CN"),
                             paper="A4L", title=title)
    return write_atomic(path, data)
