"""The empty import template: the national export's columns, text-formatted where Excel would
otherwise turn digits into numbers, drop-down lists of the code labels, and an instruction sheet.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from app.codes import code_list
from app.io.columns import COLUMNS, column_letter

TEXT_KINDS = frozenset({"id", "phone", "account"})
TEXT_KEYS = frozenset({"hh_number", "village_code"})
TEMPLATE_ROWS = 2000

_NOTES: dict[str, str] = {
    "text": "文字",
    "id": "18位身份证号码，请保持“文本”格式（不要存成数字）",
    "int": "整数（0–12个月）",
    "year": "四位年份，如 2016",
    "group": "组号，如 3 或 3组",
    "money": "元，最多两位小数",
    "bool": "是 / 否",
    "phone": "电话号码",
    "account": "银行账号，请保持“文本”格式",
}


def write_template(path: Path | str) -> Path:
    """Write an empty import template; returns the path."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "建档立卡人员"
    lists = wb.create_sheet("code_lists")
    lists.sheet_state = "hidden"
    notes = wb.create_sheet("说明")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    notes.append(["列名", "必填", "填写说明", "可选值"])
    list_col = 0
    for pos, column in enumerate(COLUMNS):
        letter = column_letter(pos)
        cell = ws.cell(row=1, column=pos + 1, value=column.header + ("*" if column.required else ""))
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column.required:
            cell.fill = fill
        ws.column_dimensions[letter].width = max(8, min(24, 2 * len(column.header) + 4))
        if column.kind in TEXT_KINDS or column.key in TEXT_KEYS:
            ws.column_dimensions[letter].number_format = "@"
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=pos + 1).number_format = "@"
        choices = ""
        if column.kind.startswith("code:"):
            labels = [c.zh for c in code_list(column.kind[5:]).items()]
            list_letter = column_letter(list_col)
            lists.cell(row=1, column=list_col + 1, value=column.kind[5:])
            for i, label in enumerate(labels, start=2):
                lists.cell(row=i, column=list_col + 1, value=label)
            rule = DataValidation(type="list", formula1=f"=code_lists!${list_letter}$2:${list_letter}${len(labels) + 1}",
                                  allow_blank=True, showErrorMessage=False)
            ws.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            list_col += 1
            choices = "、".join(labels)
        elif column.kind == "bool":
            choices = "是、否"
        note = _NOTES.get(column.kind, "从下拉列表选择名称，或填写代码" if column.kind.startswith("code:") else "")
        notes.append([column.header, "是" if column.required else "", note, choices])
    notes.append([])
    notes.append(["说明：每人一行，同一户的户级信息（户编号、联系电话、致贫原因等）可每行重复填写，或只填在户主所在行。"])
    notes.append(["没有“行政区划代码”列时，按 县、乡(镇)、村 名称匹配本库已有的村；有代码列时，按12位代码匹配，本库没有的村将新建。"])
    notes.append(["导入前会先检查全表，有任何错误则整表不导入；重复导入同一文件不会产生重复数据。"])
    for letter, width in zip("ABCD", (16, 6, 48, 80), strict=True):
        notes.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
