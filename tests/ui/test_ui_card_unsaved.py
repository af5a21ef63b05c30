""""Unsaved changes" on the household card means the user edited a field so that it differs from
what the card loaded: not that a stored value fails validation, not a card that never loaded, not
a card whose database is closed. Closing the window then asks nothing (a modal box nobody answers
would hang the run: tests/conftest.py makes any unanswered one fail the test instead)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_testkit import attach, open_card


def asked_questions(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Answer every QMessageBox.question with ``answer`` and record its text."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def store_bad_values(db: Any, household_id: str) -> None:
    """Data-quality problems as an import might leave them, written straight into the store: a
    group number that is not a number, a year long before the programme, negative land and a
    negative wage."""
    from app.services import registry

    registry.update_conditions(db, household_id, {"farmland_mu": 2.0})
    registry.set_income(db, household_id, 2017, {"wage_fen": 100000})
    conn = db.raw()
    try:
        conn.execute("UPDATE household SET group_no = '二组', identified_year = 1850, phone = 'ab' WHERE id = ?",
                     (household_id,))
        conn.execute("UPDATE conditions SET farmland_mu = -5 WHERE household_id = ?", (household_id,))
        conn.execute("UPDATE income SET wage_fen = -50000 WHERE household_id = ? AND year = 2017", (household_id,))
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def test_card_with_invalid_stored_values_closes_without_asking(qtbot, window, db, household, monkeypatch):
    store_bad_values(db, household.id)
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    # the card shows the stored values as they are, problems included
    form = card.basic.form
    assert form.widget("group_no").text() == "二组" and form.widget("identified_year").text() == "1850"
    assert form.collect()[1], "the stored group number does not parse: a validation problem"
    card.show_tab(card.income)
    card.income.set_year(2017)
    assert card.income.form.widget("wage_fen").text() == "-500.00"
    assert card.conditions.form.widget("farmland_mu").text() == "-5"
    assert not card.is_dirty()
    asked = asked_questions(monkeypatch, QMessageBox.StandardButton.No)
    window.close_current_card()
    assert window.cards() == [] and asked == []
    card = open_card(qtbot, window, household.id)
    window.close()
    assert asked == [] and not window.isVisible()


def test_editing_a_field_asks_and_editing_it_back_does_not(qtbot, window, db, household, monkeypatch):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    phone = card.basic.form.widget("phone")
    loaded = phone.text()
    qtbot.keyClicks(phone, "0851")
    assert card.is_dirty()
    asked = asked_questions(monkeypatch, QMessageBox.StandardButton.No)
    window.close()
    assert len(asked) == 1 and window.isVisible()  # "No" keeps the window and the edit
    assert phone.text() == loaded + "0851"
    phone.setText(loaded)  # back to what was loaded: nothing unsaved
    assert not card.is_dirty()
    # a field edited into something that does not parse is an unsaved change too
    card.show_tab(card.conditions)
    area = card.conditions.form.widget("farmland_mu")
    area.setText("3.")
    assert card.is_dirty()
    area.setText("0.000")  # the loaded 0 written differently: the same value
    assert not card.is_dirty()
    window.close_current_card()
    assert len(asked) == 1 and window.cards() == []
    window.close()
    assert len(asked) == 1 and not window.isVisible()


def test_income_edit_and_revert(qtbot, window, db, household, monkeypatch):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    tab = card.income
    card.show_tab(tab)
    wage = tab.form.widget("wage_fen")
    qtbot.keyClicks(wage, "1200")
    assert card.is_dirty()
    tab.revert()
    assert not card.is_dirty()
    asked = asked_questions(monkeypatch, QMessageBox.StandardButton.No)
    window.close()
    assert asked == [] and not window.isVisible()


def test_card_of_a_closed_database_or_that_never_loaded_does_not_ask(qtbot, window, db, household, monkeypatch):
    attach(qtbot, window, db)
    never = window.open_household("no-such-household")
    with qtbot.waitSignal(never.load_failed, timeout=10000):
        pass
    assert never.data is None and not never.is_dirty()
    card = open_card(qtbot, window, household.id)
    card.basic.form.widget("address").insert("2组")
    assert card.is_dirty()
    db.close()  # nothing could be saved there any more
    assert not card.is_dirty()
    card.reload()  # does not read the closed file
    asked = asked_questions(monkeypatch, QMessageBox.StandardButton.No)
    window.close()
    assert asked == [] and not window.isVisible()


def test_an_unanswered_message_box_fails_instead_of_waiting(qapp, _no_unanswered_message_box):
    from tests.conftest import UnansweredMessageBox

    with pytest.raises(UnansweredMessageBox, match="Unsaved"):
        QMessageBox.question(None, "Unsaved changes", "Quit anyway?")
    box = QMessageBox(QMessageBox.Icon.Warning, "Backup", "failed")
    with pytest.raises(UnansweredMessageBox, match="Backup: failed"):
        box.exec()
    assert len(_no_unanswered_message_box) == 2
    _no_unanswered_message_box.clear()  # expected here; any other test would fail at teardown


def test_unreadable_group_number_does_not_cost_the_place_tree(db, household):
    """A damaged or hand-edited 组 value lands under 'no group' instead of breaking the whole tree."""
    from ui.models.household_query import fetch_places

    store_bad_values(db, household.id)  # group_no = '二组'
    conn = db.raw()
    try:
        places = fetch_places(conn)
    finally:
        conn.close()
    place = next(p for p in places if p.village_id == household.village_id)
    assert dict(place.groups)[0] >= 1
    assert place.households >= 1
