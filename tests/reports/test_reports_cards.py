"""明白卡, household card (扶贫手册) and visit record sheet: content, masking, one page per sheet."""

from __future__ import annotations

from datetime import date

import pytest
from reports_helpers import bulk_households
from reports_pdf import FULL_ID, all_text, fonts, page_texts
from sqlmodel import select

from app.domain import Household, Measure, Member
from app.errors import BangfuError
from app.reports.cards import render_cards
from app.services import registry
from app.services.tx import write

ACCOUNT = "6217001234567890123"


@pytest.fixture()
def full_household(db, household):
    registry.update_household(db, household.id, {"bank_name": "农村信用社", "bank_account": ACCOUNT,
                                                 "phone": "13800001111", "address": "2组18号"})
    registry.set_income(db, household.id, 2017, {"wage_fen": 1_200_000, "business_fen": 300_000,
                                                 "transfer_dibao_fen": 240_000})
    registry.assign_helper(db, household.id, "王帮扶", date(2016, 3, 1), unit="云岭县农业局", post="副局长",
                           phone="13900002222")
    with write(db) as tx:
        tx.append(Measure(household_id=household.id, category="01", content="发放仔猪3头", amount_fen=300_000,
                          date=date(2017, 4, 2), status="03"))
        tx.append(Measure(household_id=household.id, category="05", content="雨露计划职业教育补助", amount_fen=150_000,
                          date=date(2017, 9, 1), status="03"))
    return household


def _secrets(db, household_id):
    with db.read() as s:
        ids = [m.id_number for m in s.exec(select(Member).where(Member.household_id == household_id))]
        account = s.get(Household, household_id).bank_account
    return ids, account


def test_mingbai_card_shows_policies_measures_and_helper(db, full_household, tmp_path):
    out = tmp_path / "mb.pdf"
    printed = render_cards(db, "mingbai", out, [full_household.id], on=date(2017, 11, 1))
    text = all_text(out)
    squashed = text.replace(" ", "").replace("\n", "")
    assert printed.pages == 1
    assert "精准扶贫明白卡" in text and "张三" in text
    assert "王帮扶" in text and "13900002222" in text and "云岭县农业局" in text
    assert "产业扶贫" in text and "发放仔猪3头" in text and "3,000.00" in text and "雨露计划" in text
    assert "城乡居民基本医疗保险：1人参保" in squashed
    assert "2017年家庭年纯收入17,400.00元" in squashed and "5,800.00" in squashed
    assert "12317" in text


def test_household_card_masks_ids_and_bank_account(db, full_household, tmp_path):
    out = tmp_path / "card.pdf"
    render_cards(db, "card", out, [full_household.hh_number], on=date(2017, 11, 1))
    text = all_text(out)
    squashed = text.replace(" ", "").replace("\n", "")
    ids, account = _secrets(db, full_household.id)
    assert "扶贫手册" in text and "李四" in text and "张小明" in text and "农村信用社" in text
    for number in ids:
        assert number not in squashed and (number[:4] + "*" * 10 + number[-4:]) in squashed
    assert account not in squashed and (account[:4] + "*" * 11 + account[-4:]) in squashed
    assert not FULL_ID.search(squashed)
    assert "17,400.00" in text and "生产生活条件" in text


def test_visit_sheet_fits_one_page_with_checks_members_signatures_and_qr(db, full_household, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "visit.pdf"
    printed = render_cards(db, "visit-sheet", out, [full_household.id], on=date(2017, 11, 1))
    assert printed.pages == 1 and len(printed.sheet_ids) == 1
    text = all_text(out)
    for words in ("入户走访记录表", "不愁吃", "义务教育有保障", "住房安全有保障", "饮水安全", "☐", "签字", "按手印",
                  "张小明", "王帮扶"):
        assert words in text, words
    assert printed.sheet_ids[0] in text.replace("\n", "")
    xobjects = PdfReader(str(out)).pages[0]["/Resources"]["/XObject"]
    assert any("bangfuqr" in str(name).lower() for name in xobjects)


def test_village_batch_one_household_per_page_and_nothing_unmasked(db, village, tmp_path):
    ids = bulk_households(db, village.id, 6, None)
    out = tmp_path / "village.pdf"
    printed = render_cards(db, "mingbai", out, village_code=village.code, on=date(2017, 11, 1))
    assert printed.households == 6 and printed.pages == 6
    pages = page_texts(out)
    assert all("精准扶贫明白卡" in p for p in pages)
    squashed = all_text(out).replace(" ", "").replace("\n", "")
    for hh_id in ids:
        numbers, account = _secrets(db, hh_id)
        assert account not in squashed and not any(n in squashed for n in numbers)
    for name, info in fonts(out).items():
        assert info["embedded"] and info["subset"], name


def test_training_database_marks_cards(tmp_path):
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    db = create_database(tmp_path / "t.db", USER, PASSPHRASE, kdf=FAST_KDF, training=True)
    try:
        v = registry.create_village(db, "520123001002", "培训村", "龙场镇", "云岭县", groups=3)
        bulk_households(db, v.id, 2, None)
        out = tmp_path / "cards.pdf"
        render_cards(db, "visit-sheet", out, village_code=v.code)
        from reports_pdf import pypdf_pages

        assert all("TRAINING" in p for p in pypdf_pages(out))
    finally:
        db.close()


def test_unknown_household_or_kind_writes_nothing(db, village, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(BangfuError) as err:
        render_cards(db, "mingbai", out, ["no-such-household"])
    assert err.value.code == "card.household_unknown"
    with pytest.raises(BangfuError) as err:
        render_cards(db, "poster", out, ["x"])
    assert err.value.code == "card.bad_kind"
    with pytest.raises(BangfuError) as err:
        render_cards(db, "card", out, village_code=village.code)  # a village without households
    assert err.value.code == "card.nobody"
    assert list(tmp_path.glob("x.pdf*")) == [] and not list(tmp_path.glob(".x.pdf*"))


@pytest.mark.parametrize("address", ["2组18号", "18号", "贵州省黔中市云岭县龙场镇石门村2组18号", "云岭县龙场镇石门村2组 18号"])
@pytest.mark.parametrize("kind", ["card", "mingbai"])
def test_cards_print_the_place_once_whatever_the_address_holds(db, household, tmp_path, kind, address):
    """A register may hold the address below the village or the whole of it: the card's 住址 reads
    龙场镇石门村2组18号 either way, never the place twice."""
    registry.update_household(db, household.id, {"address": address})
    out = tmp_path / f"{kind}.pdf"
    render_cards(db, kind, out, [household.id], on=date(2017, 11, 1))
    squashed = "".join(page_texts(out)).replace(" ", "").replace("\n", "")
    assert "龙场镇石门村2组18号" in squashed
    assert squashed.count("石门村") == 1 and "贵州省" not in squashed and "2组2组" not in squashed
