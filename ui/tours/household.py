"""Tours of the household registry: find a household by pinyin; read and correct a household card."""

from __future__ import annotations

from typing import Any

from ui.tours.engine import Step, Tour, TourContext, tr
from ui.tours.sample import pick_household
from ui.tours.steps import bold, card_open, card_page, card_signals, go_to_tab, household_row, open_card_step


def _search_hits(ctx: TourContext) -> tuple[str, ...]:
    return tuple(ctx.window.list_model.query.search_ids or ())


def _found(ctx: TourContext) -> bool:
    """The search box holds the initials (or the name) and the list shows the household."""
    typed = ctx.window.search.text().strip().lower()
    return typed in (ctx["initials"], ctx["name"]) and ctx["household_id"] in _search_hits(ctx)


# -- find a household by pinyin ----------------------------------------------------------------
def find_household() -> Tour:
    steps = [
        Step("focus", lambda ctx: ctx.window.search,
             lambda ctx: tr("Every search starts here. Click in the <b>search box</b> (or press Ctrl+F)."),
             done=lambda ctx: ctx.window.focusWidget() is ctx.window.search),  # also while a pop-up is in front
        Step("type", lambda ctx: ctx.window.search,
             lambda ctx: tr("Type the pinyin initials {initials} of {name} — no Chinese input method needed. "
                            "Full pinyin, part of the ID number or the household number work too.").format(
                 initials=bold(ctx["initials"]), name=bold(ctx["name"])),
             done=_found,
             signals=lambda ctx: [ctx.window.list_model.loaded]),
        Step("open", lambda ctx: household_row(ctx) or ctx.window.table,
             lambda ctx: tr("The list shows only the households that match. Double-click the row of {name} "
                            "(household number ending in {tail}), or select it and press Enter.").format(
                 name=bold(ctx["name"]), tail=bold(ctx["hh_tail"])),
             done=card_open, signals=card_signals),
        Step("read", lambda ctx: ctx.card(),
             lambda ctx: tr("This is the household card of {name}. The coloured badge is the poverty status "
                            "(red: not yet out of poverty); the line below gives the household number, group, "
                            "members, per-capita income and helper.").format(name=bold(ctx["name"]))),
    ]
    return Tour("find_household", lambda: tr("Find a household by pinyin"),
                lambda: tr("Search by pinyin initials and open the household card."),
                steps, prepare=lambda window: pick_household(window.db))


# -- read and correct a household card ---------------------------------------------------------
NEW_PHONE = "13912345678"


def _basic(ctx: TourContext) -> Any:
    return card_page(ctx, "basic")


def _phone_widget(ctx: TourContext) -> Any:
    basic = _basic(ctx)
    return basic.form.widget("phone") if basic is not None else None


def _saved_phone(ctx: TourContext) -> str:
    from app.domain import Household

    with ctx.db.read() as s:
        hh = s.get(Household, ctx["household_id"])
        return hh.phone if hh is not None else ""


def correct_card() -> Tour:
    steps = [
        open_card_step(),
        go_to_tab("members", "members", lambda ctx: tr(
            "The card has one tab per part of the household's poverty-alleviation handbook (扶贫手册). Read it "
            "first: open the <b>Members</b> tab to see who lives here.")),
        go_to_tab("basic", "basic", lambda ctx: tr(
            "Now open the <b>Basic data</b> tab: address, phone, bank, causes of poverty.")),
        Step("phone", _phone_widget,
             lambda ctx: tr("During the visit the family told you their new phone number. Replace the phone "
                            "number with {phone}.").format(phone=bold(NEW_PHONE)),
             done=lambda ctx: _phone_widget(ctx).text().strip() == NEW_PHONE,
             signals=lambda ctx: [getattr(_phone_widget(ctx), "textChanged", None)]),
        Step("save", lambda ctx: _basic(ctx).save_button,
             lambda ctx: tr("Click <b>Save</b> (or press Ctrl+S). The card is checked first: a mistake is shown "
                            "in red next to its field and nothing is written."),
             done=lambda ctx: _saved_phone(ctx) == NEW_PHONE,
             signals=lambda ctx: [ctx.window.household_changed]),
        go_to_tab("history", "history", lambda ctx: tr(
            "Nothing is changed silently: open the <b>Change history</b> tab.")),
        Step("audit", lambda ctx: ctx.card().history,
             lambda ctx: tr("Your correction is listed with your name, the time, the old and the new value. "
                            "The county can verify that this history was never rewritten.")),
    ]
    return Tour("correct_card", lambda: tr("Read and correct a household card"),
                lambda: tr("Open a card, correct a field, save, and find the change in the history."),
                steps, prepare=lambda window: pick_household(window.db))
