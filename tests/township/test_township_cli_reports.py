"""``bangfu dashboard / plan / profile`` and the dashboard PDF."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pypdf import PdfReader

from app.cli import main
from app.reports.dashboard import write_dashboard_pdf
from app.services.dashboard import dashboard
from app.services.registry import create_household
from tests.conftest import PASSPHRASE, USER, synthetic_id


@pytest.fixture()
def cli(db, village, monkeypatch):
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    create_household(db, village.id, {"name": "甲", "id_number": synthetic_id()}, hh_number="C-1", main_cause="03")
    return ["--db", str(db.path)]


def test_plan_profile_and_dashboard_commands(village, cli, capsys, tmp_path):
    assert main(["plan", "set", village.code, "2019", "3", "10", *cli]) == 0
    assert main(["plan", "set", village.code, "2020", "2", "5", "--rolling", "2018", *cli]) == 0
    assert main(["plan", "set", "520123999999", "2019", "3", "10", *cli]) == 1
    capsys.readouterr()
    assert main(["plan", "progress", "--village", village.code, "--json", *cli]) == 0
    rows = {r["year"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows[2019]["planned_households"], rows[2020]["rolling_households"]) == (3, 2)
    assert main(["profile", "set", village.code, "population_total=50", "broadband=是", "collective_income=12000.50",
                 '--as-of', "2019-05-01", *cli]) == 0
    assert "2019-05-01" in capsys.readouterr().out
    assert main(["profile", "set", village.code, "population_total=50", "--as-of", "2019-06-01", *cli]) == 0
    assert "未保存" in capsys.readouterr().out
    assert main(["profile", "set", village.code, "population_total=-5", *cli]) == 1
    assert main(["profile", "show", village.code, "--history", *cli]) == 0
    out = capsys.readouterr().out
    assert "通宽带" in out and "总人口（户籍）" in out
    pdf = tmp_path / "dash.pdf"
    assert main(["dashboard", "--village", village.code, "--json", "--pdf", str(pdf), *cli]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["households"] == 1 and figures["population"] == 50 and figures["incidence_pct"] == 2.0
    assert figures["by_cause"] == [{"code": "03", "label": "因学", "households": 1, "people": 1}]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["dashboard", *cli]) == 0
    assert "贫困发生率" in capsys.readouterr().out


def test_dashboard_pdf_has_the_figures_and_accepts_chart_images(db, village, cli, tmp_path):
    from PIL import Image

    board = dashboard(db, village.code, year=2020, as_of=date(2020, 12, 31))
    text = "".join(p.extract_text() for p in PdfReader(write_dashboard_pdf(board, tmp_path / "a.pdf")).pages)
    assert "石门村" in text and "因学" in text
    png = tmp_path / "chart.png"
    Image.new("RGB", (800, 300), "white").save(png)
    with_image = write_dashboard_pdf(board, tmp_path / "b.pdf", images={"by_cause": png.read_bytes()})
    assert sum(len(page.images) for page in PdfReader(with_image).pages) == 1
