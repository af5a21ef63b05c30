"""Household-list notices: printed text, fonts, header on every page, masking, freeze, bad input."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from reports_helpers import bulk_households, request
from reports_pdf import FULL_ID, LONG_DIGITS, all_text, fonts, page_texts, pypdf_pages
from sqlmodel import select

from app.domain import Member, OutboxOp
from app.domain.notices import Notice
from app.errors import BangfuError, ValidationFailed
from app.i18n import set_language
from app.reports import notices as rep
from app.services import notices as svc
from app.services.registry import create_village
from app.services.tx import dumps, write

START = date(2017, 11, 1)


@pytest.fixture()
def exit_village(db, village):
    bulk_households(db, village.id, 12, "exit", 2017)
    return village


def _no_leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".part"]


def test_exit_notice_prints_chinese_title_period_hotlines_and_table(db, exit_village, tmp_path):
    out = tmp_path / "exit.pdf"
    issued = rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START,
                                         local_hotline="0851-8888123")
    text = all_text(out)
    assert "石门村2017年拟退出贫困户公示" in text
    assert "户主姓名" in text and "主要致贫原因" in text and "2017年人均纯收入" in text
    assert "2017年11月1日至2017年11月7日" in text  # 7-day default period, inclusive
    assert "12317" in text and "0851-8888123" in text
    assert "石门村村民委员会" in text and "盖章" in text
    assert "共12户24人" in text
    assert issued.pages >= 1 and out.stat().st_size == issued.size
    assert _no_leftovers(tmp_path) == []


def test_every_font_is_embedded_as_a_subset(db, exit_village, tmp_path):
    out = tmp_path / "exit.pdf"
    rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START)
    found = fonts(out)
    assert any("DroidSansFallback" in name for name in found), found
    assert any("DejaVuSans" in name for name in found), found  # digits and Latin letters
    for name, info in found.items():
        assert info["embedded"], f"{name} is not embedded"
        assert info["subset"], f"{name} is embedded whole, not as a subset"
    assert out.stat().st_size < 300 * 1024  # a full 4 MB CJK font was not embedded


def test_500_row_notice_repeats_header_on_every_page_and_lists_everyone(db, village, tmp_path):
    bulk_households(db, village.id, 500, "exit", 2017)
    out = tmp_path / "exit500.pdf"
    issued = rep.render_household_notice(db, village.code, "exit", 2017, out, period_start=START)
    pages = page_texts(out)
    assert len(pages) == issued.pages >= 10
    table_pages = [p for p in pages if "缺" in p or "因病" in p or "因残" in p or "因学" in p]
    assert len(table_pages) >= len(pages) - 1  # only the last page may hold nothing but the closing text
    for number, page in enumerate(table_pages, start=1):
        header = [line for line in page.splitlines() if "户主姓名" in line]
        assert header, f"page {number} has no header row"
        line = header[0]
        assert line.index("序号") < line.index("户主姓名") < line.index("家庭人口")
    # every row number 1..500 is printed once in the first column
    numbers = []
    for page in pages:
        for line in page.splitlines():
            parts = line.split()
            if len(parts) >= 5 and parts[0].isdigit() and parts[1].isdigit():
                numbers.append(int(parts[0]))
    assert sorted(numbers) == list(range(1, 501))
    assert "合计：500户1000人" in "".join(pages)


def test_no_full_id_number_or_bank_account_anywhere(db, village, tmp_path):
    ids = bulk_households(db, village.id, 40, "exit", 2017)
    out = tmp_path / "with-id.pdf"
    issued = rep.render_household_notice(db, village.code, "exit", 2017, out, period_start=START, include_id=True)
    text = all_text(out)
    with db.read() as s:
        numbers = [m.id_number for m in s.exec(select(Member).where(Member.household_id.in_(ids)))]
        from app.domain import Household

        accounts = [h.bank_account for h in s.exec(select(Household).where(Household.id.in_(ids)))]
    assert "户主身份证号" in text and "**********" in text  # the masked column is there
    squashed = text.replace(" ", "").replace("\n", "")
    for number in numbers:
        assert number not in squashed
        assert number[:4] + "*" * 10 + number[-4:] in squashed or number[:6] not in squashed
    for account in accounts:
        assert account and account not in squashed
    assert not FULL_ID.search(squashed)
    # no long digit run at all, apart from the notice's own id (a UUID may hold 12 digits in a row)
    assert not LONG_DIGITS.search(text.replace(issued.notice_id, "").replace("-", " "))
    raw = out.read_bytes()
    for number in numbers:
        assert number.encode() not in raw


@pytest.mark.parametrize("kind,title,column", [
    ("identify", "拟新识别贫困户公示", "贫困户属性"),
    ("return", "拟认定返贫户公示", "返贫原因"),
    ("remove", "拟剔除贫困户公示", "剔除原因"),
])
def test_other_kinds_have_their_title_and_columns(db, village, tmp_path, kind, title, column):
    bulk_households(db, village.id, 5, kind, 2017)
    out = tmp_path / f"{kind}.pdf"
    rep.render_household_notice(db, village.code, kind, 2017, out, period_start=START)
    text = all_text(out)
    assert f"石门村2017年{title}" in text and column in text
    if kind == "remove":
        assert "财政供养人员" in text  # the removal reason code's label
    if kind == "identify":
        assert "2016年人均纯收入" in text  # identification looks at the previous year's income


def test_rejected_requests_and_other_years_are_not_listed(db, village, tmp_path):
    a, b, c = bulk_households(db, village.id, 3, None, 2017)
    request(db, a, "exit", 2017)
    request(db, b, "exit", 2017, status="rejected")
    request(db, c, "exit", 2016)
    draft = svc.prepare_household_notice(db, village.id, "exit", 2017, period_start=START)
    assert draft.content["counts"] == {"households": 1, "people": 2}
    assert len(draft.content["sections"][0]["rows"]) == 1


def test_village_with_nobody_in_scope_writes_nothing(db, village, tmp_path):
    bulk_households(db, village.id, 3, "identify", 2017)
    out = tmp_path / "exit.pdf"
    with pytest.raises(BangfuError) as err:
        rep.render_household_notice(db, village.code, "exit", 2017, out, period_start=START)
    assert err.value.code == "notice.nobody"
    assert "石门村" in str(err.value) and "未生成" in str(err.value)
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.name == "bangfu.db" or
                                       p.name.startswith("bangfu.db")]
    with db.read() as s:
        assert s.exec(select(Notice)).all() == []


def test_period_ending_before_it_starts_is_refused_with_a_translated_message(db, exit_village, tmp_path):
    out = tmp_path / "exit.pdf"
    with pytest.raises(ValidationFailed) as err:
        rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START,
                                    period_end=date(2017, 10, 25))
    assert "公示结束日期" in str(err.value) and "早于开始日期" in str(err.value)
    assert not out.exists() and _no_leftovers(tmp_path) == []
    set_language("en")
    with pytest.raises(ValidationFailed) as err:
        svc.prepare_household_notice(db, exit_village.id, "exit", 2017, period_start=START,
                                     period_end=date(2017, 10, 25))
    assert "notice period end: the notice period ends before it starts" in str(err.value)


def test_period_shorter_than_configured_days_is_refused(db, exit_village):
    with pytest.raises(ValidationFailed) as err:
        svc.prepare_household_notice(db, exit_village.id, "exit", 2017, period_start=START,
                                     period_end=date(2017, 11, 3))
    assert err.value.for_field("period_end")[0].code == "notice.period_short"


def test_unknown_village_code_and_kind_are_refused(db, exit_village, tmp_path):
    with pytest.raises(BangfuError) as err:
        rep.render_household_notice(db, "999999999999", "exit", 2017, tmp_path / "x.pdf")
    assert err.value.code == "notice.village_unknown"
    with pytest.raises(BangfuError) as err:
        svc.prepare_household_notice(db, exit_village.id, "graduate", 2017)
    assert err.value.code == "notice.bad_kind"


def test_issuing_freezes_content_hash_and_edits_are_refused(db, exit_village, tmp_path):
    out = tmp_path / "exit.pdf"
    issued = rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START)
    with db.read() as s:
        notice = s.get(Notice, issued.notice_id)
    assert notice.status == "issued" and notice.issued_at is not None
    assert notice.content_hash == hashlib.sha256(dumps(notice.content).encode()).hexdigest() == issued.content_hash
    assert notice.pdf_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    # the registry changes afterwards: the issued notice does not
    from app.services.registry import update_household

    hh_id = svc.households_in_scope(db.read().__enter__(), exit_village.id, "exit", 2017)[0].household.id
    update_household(db, hh_id, {"group_no": 9})
    with pytest.raises(BangfuError) as err:
        svc.update_draft(db, notice.id, {"issuer": "别的单位"})
    assert err.value.code == "notice.frozen"
    with pytest.raises(BangfuError):
        svc.issue(db, notice.id)
    assert svc.verify_notice(db, notice.id, issued.content_hash).id == notice.id
    # re-printing from the frozen content gives the very same file
    again = rep.reprint(db, notice.id, tmp_path / "again.pdf")
    assert again.pdf_sha256 == notice.pdf_sha256
    # a change slipped into the stored content is detected
    with write(db) as tx:
        row = tx.session.get(Notice, notice.id)
        tx.patch(row, {"content": {**row.content, "title": "改过的标题"}})
    with pytest.raises(BangfuError) as err:
        svc.verify_notice(db, notice.id)
    assert err.value.code == "notice.hash_mismatch"
    with pytest.raises(BangfuError):
        rep.reprint(db, notice.id, tmp_path / "tampered.pdf")
    assert not (tmp_path / "tampered.pdf").exists()


def test_draft_can_be_edited_until_issued(db, exit_village):
    draft = svc.prepare_household_notice(db, exit_village.id, "exit", 2017, period_start=START)
    stored = svc.save_draft(db, draft)
    changed = svc.update_draft(db, stored.id, {"period_start": date(2017, 11, 5), "issuer": "龙场镇人民政府"})
    assert changed.period_end == date(2017, 11, 11)
    assert changed.content["issuer"] == "龙场镇人民政府"
    assert "2017年11月5日至2017年11月11日" in changed.content["closing"][0]
    issued = svc.issue(db, stored.id, pdf_sha256="0" * 64)
    assert issued.status == "issued" and issued.content_hash == svc.content_hash(changed.content)
    with pytest.raises(BangfuError) as err:
        svc.update_draft(db, stored.id, {"issuer": "x"})
    assert err.value.code == "notice.frozen"


def test_issue_is_audited_and_queued_for_sync(db, exit_village, tmp_path):
    issued = rep.render_household_notice(db, exit_village.code, "exit", 2017, tmp_path / "n.pdf", period_start=START)
    with db.read() as s:
        ops = s.exec(select(OutboxOp).where(OutboxOp.entity == "notice", OutboxOp.entity_id == issued.notice_id)).all()
    assert len(ops) == 1 and ops[0].kind == "create"
    assert ops[0].fields["content_hash"] == issued.content_hash and ops[0].fields["status"] == "issued"


def test_every_page_carries_id_hash_and_the_qr_form(db, village, tmp_path):
    from pypdf import PdfReader

    bulk_households(db, village.id, 80, "exit", 2017)
    out = tmp_path / "n.pdf"
    issued = rep.render_household_notice(db, village.code, "exit", 2017, out, period_start=START)
    pages = page_texts(out)
    assert len(pages) >= 2
    for page in pages:
        assert issued.notice_id in page and issued.content_hash[:16] in page
        assert "页" in page
    for page in PdfReader(str(out)).pages:
        xobjects = page["/Resources"]["/XObject"]
        assert any("bangfuqr" in str(name).lower() for name in xobjects)


def test_qr_code_encodes_the_notice_id_and_hash(db, exit_village, tmp_path):
    """Sample the printed QR modules from a rendering and compare them with the expected code."""
    from PIL import Image
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reports_pdf import render_png

    out = tmp_path / "n.pdf"
    issued = rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START)
    payload = svc.qr_payload(issued.notice_id, issued.content_hash)
    assert svc.parse_qr_payload(payload) == (issued.notice_id, issued.content_hash)
    widget = QrCodeWidget(payload, barLevel="M")
    widget.getBounds()
    modules = widget.qr.modules
    n = len(modules)
    png = render_png(out, tmp_path / "qr", dpi=300, first=1, last=1)[0]
    image = Image.open(png).convert("L")
    dpi_scale = 300 / 72
    # the QR sits 12 mm from the right edge, 4 mm above the bottom, 20 mm square (see Furniture)
    mm_ = 72 / 25.4
    size = 20 * mm_ * dpi_scale
    left = image.width - (12 + 20) * mm_ * dpi_scale
    top = image.height - (4 + 20) * mm_ * dpi_scale
    border = size / (n + 2 * widget.barBorder) * widget.barBorder
    cell = (size - 2 * border) / n
    wrong = 0
    for r in range(n):
        for c in range(n):
            x = left + border + (c + 0.5) * cell
            y = top + border + (r + 0.5) * cell
            dark = image.getpixel((int(x), int(y))) < 128
            wrong += dark != bool(modules[r][c])
    assert wrong == 0


def test_training_database_prints_training_on_every_page(tmp_path):
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    db = create_database(tmp_path / "t.db", USER, PASSPHRASE, kdf=FAST_KDF, training=True)
    try:
        v = create_village(db, "520123001002", "培训村", "龙场镇", "云岭县", groups=3)
        bulk_households(db, v.id, 60, "exit", 2017)
        out = tmp_path / "n.pdf"
        rep.render_household_notice(db, v.code, "exit", 2017, out, period_start=START)
        pages = pypdf_pages(out)
        assert len(pages) >= 2
        assert all("TRAINING" in p and "培训" in p for p in pages)
    finally:
        db.close()


def test_real_database_has_no_training_mark(db, exit_village, tmp_path):
    out = tmp_path / "n.pdf"
    rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START)
    assert "TRAINING" not in all_text(out)


def test_preview_is_marked_and_issues_nothing(db, exit_village):
    draft = svc.prepare_household_notice(db, exit_village.id, "exit", 2017, period_start=START)
    data, pages = rep.preview(db, draft)
    assert data.startswith(b"%PDF") and pages >= 1
    with db.read() as s:
        assert s.exec(select(Notice)).all() == []


def test_a3_board_uses_bigger_type_and_fewer_rows_per_page(db, village, tmp_path):
    bulk_households(db, village.id, 120, "exit", 2017)
    a4 = rep.render_household_notice(db, village.code, "exit", 2017, tmp_path / "a4.pdf", period_start=START)
    a3 = rep.render_household_notice(db, village.code, "exit", 2017, tmp_path / "a3.pdf", period_start=START,
                                     paper="A3")
    from pypdf import PdfReader

    box = PdfReader(str(tmp_path / "a3.pdf")).pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 1191
    assert a3.pages <= a4.pages  # bigger sheet, bigger type: still readable from a step away


def test_same_content_gives_byte_identical_pdf(db, exit_village):
    draft = svc.prepare_household_notice(db, exit_village.id, "exit", 2017, period_start=START)
    first, _ = rep.render_content(draft.content, draft.id, draft.content_hash)
    second, _ = rep.render_content(draft.content, draft.id, draft.content_hash)
    assert first == second


def test_issue_failure_leaves_no_file(db, exit_village, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise BangfuError("user.not_allowed")

    monkeypatch.setattr(svc, "issue", broken)
    out = tmp_path / "n.pdf"
    with pytest.raises(BangfuError):
        rep.render_household_notice(db, exit_village.code, "exit", 2017, out, period_start=START)
    assert not out.exists() and _no_leftovers(tmp_path) == []
