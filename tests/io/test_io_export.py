"""Export: Chinese headers, labels, masked IDs and accounts unless asked, filters, CSV, audit, and
a sensitive members export that imports back unchanged."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.cli import main
from app.domain import AuditEntry, Household, Measure, Member
from app.errors import BangfuError
from app.io.excel_import import import_file
from app.io.export import export
from app.services.tx import write
from tests.conftest import FAST_KDF, PASSPHRASE, USER
from tests.io.conftest import HEADERS, clean_rows


def _sheet(path):
    rows = list(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    return list(rows[0]), [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture()
def loaded(db, village, make_xlsx):
    headers_extra = ["人均纯收入", "年度", "开户银行", "银行账号"]
    rows = [[*r, 3900.5 if r[6].endswith("1") else 3100, 2019, "农村信用社", "6228480402564890018"]
            for r in clean_rows()]
    result = import_file(db, make_xlsx(rows, headers=[*HEADERS, *headers_extra]))
    assert result.errors == []
    with db.read() as s:
        hh = s.exec(select(Household).where(Household.hh_number == "5201230010010002")).one()
    with write(db) as tx:
        tx.append(Measure(household_id=hh.id, category="02", content="转移就业", amount_fen=150000,
                          funding_source="01", date=date(2019, 4, 1)))
    return db


def test_members_export_masks_and_labels(loaded, tmp_path):
    out = tmp_path / "members.xlsx"
    assert export(loaded, "members", out) == 7
    headers, rows = _sheet(out)
    assert headers[:9] == ["省", "市", "县", "乡(镇)", "村", "行政区划代码", "组", "户编号", "姓名"]
    first = rows[0]
    assert first["证件号码"].startswith("5201") and "**********" in first["证件号码"]
    assert first["银行账号"] == "6228***********0018"
    assert (first["与户主关系"], first["性别"], first["主要致贫原因"], first["脱贫属性"]) == ("户主", "男", "因病", "未脱贫")
    assert float(first["人均纯收入"]) == 3900.5 and first["年度"] == 2019
    with loaded.read() as s:
        audit = s.exec(select(AuditEntry).where(AuditEntry.entity == "export")).all()
    assert [(a.action, a.fields["what"], a.fields["rows"], a.fields["sensitive"]) for a in audit] == [
        ("export", "members", 7, False)]


def test_sensitive_members_export_round_trips_into_another_database(loaded, tmp_path):
    from app.store.database import create_database

    out = tmp_path / "members-full.xlsx"
    export(loaded, "members", out, with_sensitive=True)
    with loaded.read() as s:
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "export.sensitive")).one()
        ids = sorted(s.exec(select(Member.id_number)).all())
    assert audit.fields["sensitive"] is True
    other = create_database(tmp_path / "other.db", USER, PASSPHRASE, role="township", kdf=FAST_KDF)
    try:
        result = import_file(other, out)
        assert result.errors == [], [p.text() for p in result.errors]
        assert (result.villages, result.households, result.members) == (1, 2, 7)
        with other.read() as s:
            assert sorted(s.exec(select(Member.id_number)).all()) == ids
            hh = s.exec(select(Household).where(Household.hh_number == "5201230010010001")).one()
            assert (hh.size, hh.main_cause, hh.bank_account) == (4, "01", "6228480402564890018")
        assert import_file(other, out).changes == 0
    finally:
        other.close()


def test_filters_csv_and_other_kinds(loaded, village, tmp_path):
    assert export(loaded, "households", tmp_path / "h.xlsx", status="未脱贫") == 2
    assert export(loaded, "households", tmp_path / "h2.xlsx", status="02") == 0
    assert export(loaded, "households", tmp_path / "h3.xlsx", village=village.code) == 2
    assert export(loaded, "households", tmp_path / "h4.xlsx", township="520123001") == 2
    with pytest.raises(BangfuError) as exc:
        export(loaded, "households", tmp_path / "x.xlsx", township="520123999")
    assert exc.value.code == "export.bad_place"
    with pytest.raises(BangfuError):
        export(loaded, "households", tmp_path / "x.xlsx", status="脱了")
    with pytest.raises(BangfuError):
        export(loaded, "households", tmp_path / "x.pdf")
    assert export(loaded, "incomes", tmp_path / "i.csv") == 2
    with (tmp_path / "i.csv").open(encoding="utf-8-sig", newline="") as fh:
        incomes = list(csv.DictReader(fh))
    assert {r["人均纯收入（元）"] for r in incomes} == {"3900.50", "3100.00"}
    assert {r["来源"] for r in incomes} == {"导入的人均纯收入"}
    assert export(loaded, "measures", tmp_path / "m.xlsx") == 1
    _headers, measures = _sheet(tmp_path / "m.xlsx")
    assert (measures[0]["帮扶措施类别"], float(measures[0]["金额（元）"]), measures[0]["资金来源"]) == (
        "就业扶贫", 1500.0, "中央财政专项")
    assert export(loaded, "visits", tmp_path / "v.xlsx") == 0


def test_export_cli(loaded, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "hh.csv"
    assert main(["export", "--what", "households", "--out", str(out), "--db", str(loaded.path)]) == 0
    assert "2" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == ["省", "市", "县"] and "银行账号" in header
