"""The streaming .xlsx reader returns exactly what openpyxl's read-only mode returns."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from app.io.xlsx_reader import XlsxFormatError, read_sheets


def _trim(rows):
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] is None:
            r.pop()
        out.append(tuple(r))
    while out and not out[-1]:
        out.pop()
    return out


def _openpyxl(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return [(ws.title, ws.sheet_state, _trim(ws.iter_rows(values_only=True))) for ws in wb.worksheets]
    finally:
        wb.close()


def _ours(path):
    return [(name, state, _trim(rows)) for name, state, rows in read_sheets(path)]


def test_values_types_gaps_and_sheets_match_openpyxl(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["户编号", "姓名", 12, 4523.5, True, False, None, "  空格 "])
    ws.append([])
    ws.append([None, None, "５２０１２３", 5.20123197001012e17, 520123197001011234, -3, 0.1])
    ws["J9"] = "远处"
    ws["B12"] = CellRichText([TextBlock(InlineFont(b=True), "粗"), "体"])
    hidden = wb.create_sheet("codes")
    hidden["A1"] = "x"
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    path = tmp_path / "a.xlsx"
    wb.save(path)
    assert _ours(path) == _openpyxl(path)
    ours = _ours(path)
    assert ours[0][2][0] == ("户编号", "姓名", 12, 4523.5, True, False, None, "  空格 ")
    assert ours[0][2][11] == (None, "粗体")
    assert [s[:2] for s in ours] == [("名单", "visible"), ("codes", "hidden"), ("空表", "visible")]


def test_write_only_inline_strings_match_openpyxl(tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    for i in range(50):
        ws.append([f"行{i}", i, i / 4, None, "尾"])
    path = tmp_path / "b.xlsx"
    wb.save(path)
    assert _ours(path) == _openpyxl(path)


def test_not_an_xlsx_is_a_format_error(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK not really")
    with pytest.raises(XlsxFormatError):
        list(read_sheets(bad))
    empty_zip = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(XlsxFormatError):
        list(read_sheets(empty_zip))
