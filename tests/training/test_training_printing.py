"""Every page printed from a training sandbox says 培训 / TRAINING: household cards (扶贫手册 card,
明白卡, visit sheet), the household notice as a draft (样稿) and as issued, the township dashboard
and the data-quality report — each PDF the app writes, read back page by page with poppler."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.domain import Household, Village

VILLAGE_HOUSEHOLDS = 3  # printed cards: a few households, one or more pages each


def page_texts(path: Path) -> list[str]:
    """The text of each page in the order it is drawn (the diagonal watermark is drawn letter by
    letter; reading order splits it on landscape pages), without whitespace."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return ["".join(p.split()) for p in pages]


def stamped_on_every_page(path: Path, at_least: int = 1) -> list[str]:
    pages = page_texts(path)
    assert len(pages) >= at_least, path.name
    unstamped = [i + 1 for i, text in enumerate(pages) if "培训" not in text or "TRAINING" not in text]
    assert unstamped == [], f"{path.name}: pages without the training stamp: {unstamped}"
    return pages


def _village(db: Any) -> Village:
    with db.read() as s:
        return s.exec(select(Village).order_by(Village.code)).first()


@pytest.mark.parametrize("kind", ["card", "mingbai", "visit-sheet"])
def test_training_household_cards_are_stamped_on_every_page(sandbox_db: Any, tmp_path: Path, kind: str) -> None:
    from app.reports.cards import render_cards

    with sandbox_db.read() as s:
        ids = [h.id for h in s.exec(select(Household).order_by(Household.hh_number).limit(VILLAGE_HOUSEHOLDS))]
    printed = render_cards(sandbox_db, kind, tmp_path / f"{kind}.pdf", household_keys=ids, on=date(2019, 10, 31))
    pages = stamped_on_every_page(printed.path, at_least=VILLAGE_HOUSEHOLDS)
    assert len(pages) == printed.pages


def test_training_notices_are_stamped_on_every_page_draft_and_issued(sandbox_db: Any, tmp_path: Path) -> None:
    from app.reports import notices as rep
    from app.services import notices as svc

    village = _village(sandbox_db)
    draft = svc.prepare_household_notice(sandbox_db, village.id, "exit", 2018, period_start=date(2018, 10, 8))
    data, _pages = rep.preview(sandbox_db, draft)
    (tmp_path / "draft.pdf").write_bytes(data)
    assert all("样稿" in p for p in stamped_on_every_page(tmp_path / "draft.pdf"))

    issued = rep.issue_to_file(sandbox_db, draft, tmp_path / "issued.pdf")
    pages = stamped_on_every_page(issued.path)
    assert "2018年拟退出贫困户公示" in pages[0] and not any("样稿" in p for p in pages)
    reprinted = rep.reprint(sandbox_db, issued.notice_id, tmp_path / "reprint.pdf")
    stamped_on_every_page(reprinted.path)


def test_training_dashboard_and_quality_report_are_stamped(sandbox: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The township/county reports take the flag from the database (here through the CLI; the
    desktop dialogs pass ``db.is_training`` the same way)."""
    from app import training
    from app.cli import main

    db = training.open_sandbox(sandbox)
    try:
        village = _village(db)
    finally:
        db.close()
    monkeypatch.setenv("BANGFU_PASSPHRASE", sandbox.passphrase)
    common = ["--db", str(sandbox.path), "--user", sandbox.user, "--village", village.code]
    assert main(["dashboard", *common, "--as-of", "2019-10-31", "--pdf", str(tmp_path / "dashboard.pdf")]) == 0
    main(["check", *common, "--out", str(tmp_path / "quality.pdf")])  # exit code 1 when errors are found
    stamped_on_every_page(tmp_path / "dashboard.pdf")
    stamped_on_every_page(tmp_path / "quality.pdf")
