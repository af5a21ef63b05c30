"""``bangfu import``: template, dry run, refusal exit code, JSON problems; the template round-trips."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.io.columns import COLUMNS, match_header
from app.io.excel_import import import_file
from app.io.template import write_template
from tests.conftest import PASSPHRASE, USER
from tests.io.conftest import HEADERS, clean_rows


@pytest.fixture()
def cli_env(monkeypatch, db):
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    return ["--db", str(db.path)]


def test_template_headers_are_all_recognised_and_it_imports_when_filled(db, village, tmp_path):
    path = write_template(tmp_path / "模板.xlsx")
    wb = load_workbook(path)
    ws = wb["建档立卡人员"]
    headers = [c.value for c in ws[1]]
    assert [match_header(h).key for h in headers] == [c.key for c in COLUMNS]
    assert wb["code_lists"].sheet_state == "hidden"
    id_col = headers.index("证件号码*") + 1
    assert ws.cell(row=2, column=id_col).number_format == "@"  # Excel keeps typed IDs as text
    for r, values in enumerate(clean_rows(), start=2):
        for header, value in zip(HEADERS, values, strict=True):
            ws.cell(row=r, column=[match_header(h).key for h in headers].index(match_header(header).key) + 1,
                    value=value)
    wb.save(path)
    result = import_file(db, path)
    assert result.errors == [] and (result.households, result.members) == (2, 7)
    assert [p.code for p in result.warnings] == ["import.sheet_skipped"]  # the 说明 sheet


def test_cli_dry_run_refusal_and_json(db, village, make_xlsx, cli_env, capsys, tmp_path):
    good = make_xlsx(clean_rows())
    assert main(["import", str(good), "--dry-run", *cli_env]) == 0
    assert "预览" in capsys.readouterr().out
    rows = clean_rows()
    rows[0][19] = "因懒"
    bad = make_xlsx(rows)
    assert main(["import", str(bad), *cli_env]) == 1
    captured = capsys.readouterr()
    assert "第 2 行" in captured.err and "未导入任何内容" in captured.out
    assert main(["import", str(bad), "--json", *cli_env]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["refused"] and report["problems"][0]["row"] == 2 and report["problems"][0]["column"] == "T"
    assert main(["import", str(good), *cli_env]) == 0
    assert main(["import", str(good), *cli_env]) == 0
    assert "一致" in capsys.readouterr().out.splitlines()[-1]
    assert main(["import", "--template", str(tmp_path / "t.xlsx"), *cli_env]) == 0
    assert (tmp_path / "t.xlsx").exists()
