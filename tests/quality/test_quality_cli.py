"""``bangfu check``: JSON findings with masked IDs, exit codes, Excel and PDF output."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.quality import run_checks
from app.quality.report import write_excel, write_pdf
from tests.conftest import PASSPHRASE, USER
from tests.quality.conftest import AS_OF


@pytest.fixture()
def cli(registry, monkeypatch):
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    return ["--db", str(registry.db.path), "--as-of", AS_OF.isoformat()]


def test_check_json_and_exit_codes(registry, cli, capsys):
    assert main(["check", "--json", *cli]) == 0
    assert json.loads(capsys.readouterr().out) == []
    registry.sql("UPDATE member SET sex = '1' WHERE id = ?", (registry.a_spouse,))
    registry.sql("UPDATE member SET med_insurance = 0 WHERE id = ?", (registry.a_head,))
    assert main(["check", "--json", *cli]) == 1  # an error-severity finding
    found = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["severity"], f["household"]) for f in found] == [
        ("id_sex", "error", "5201230010010101"), ("no_med_insurance", "warning", "5201230010010101")]
    assert all("*" in f["member"] and len(f["member"]) == 18 for f in found)
    assert main(["check", "--rule", "no_med_insurance", *cli]) == 0  # warnings only
    assert "0 个错误，1 个提示" in capsys.readouterr().out
    assert main(["check", "--village", "520123001001", "--json", *cli]) == 1
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["check", "--village", "520123009009", "--json", *cli]) == 0
    assert main(["check", "--village", "52", *cli]) == 1  # bad scope code: a clear error
    assert "12 位" in capsys.readouterr().err


def test_findings_to_excel_and_pdf(registry, tmp_path, cli, capsys):
    registry.sql("UPDATE member SET school_status = '01' WHERE id = ?", (registry.b_child,))
    findings = run_checks(registry.db, as_of=AS_OF)
    assert {f.rule.code for f in findings} == {"dropout", "exited_dropout"}
    xlsx = write_excel(findings, tmp_path / "findings.xlsx")
    wb = load_workbook(xlsx)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("级别", "规则", "问题说明") and len(rows) == 3
    ids = [r[7] for r in rows[1:] if r[7]]
    assert ids and all("**********" in i for i in ids)
    pdf = write_pdf(findings, tmp_path / "findings.pdf", scope="520123001001", on=AS_OF)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "dropout" in text and "5201230010010102" in text
    assert "{" not in text  # rule names in the summary table are written without placeholders
    assert main(["check", "--out", str(tmp_path / "cli.pdf"), *cli]) == 1
    assert (tmp_path / "cli.pdf").read_bytes().startswith(b"%PDF")
    assert main(["check", "--out", str(tmp_path / "x.txt"), *cli]) == 1
    assert ".xlsx" in capsys.readouterr().err
