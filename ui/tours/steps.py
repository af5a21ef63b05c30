"""Steps and targets that several tours share: open the tour's household card, go to one of its tabs."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from ui.tours.engine import Step, TourContext, tr


def bold(value: Any) -> str:
    return f"<b>{html.escape(str(value))}</b>"


def plain(text: str) -> str:
    """A menu or button text as it reads on screen: without the accelerator (&, (&N)) and ellipsis."""
    return re.sub(r"\(&\w\)|&", "", text).rstrip("…").strip()


def card_open(ctx: TourContext) -> bool:
    """The card of the tour's household is in front and loaded."""
    card = ctx.card(ctx["household_id"])
    return card is not None and card.data is not None


def card_signals(ctx: TourContext) -> list[Any]:
    card = ctx.card()
    return [ctx.window.tabs.currentChanged, card.loaded if card is not None else None]


def open_card_step(key: str = "open") -> Step:
    """Find the tour's household and open its card (search box, then double-click)."""
    return Step(key, lambda ctx: ctx.window.search,
                lambda ctx: tr("Open the card of {name}: type {initials} in the search box and double-click the "
                               "row.").format(name=bold(ctx["name"]), initials=bold(ctx["initials"])),
                done=card_open, signals=card_signals)


def card_page(ctx: TourContext, name: str) -> Any:
    """A tab page of the tour's card: a built-in one by attribute (``basic``, ``visits``…) or one a
    feature added, by class name (``ExitTab``…)."""
    card = ctx.card(ctx["household_id"])
    if card is None:
        return None
    page = getattr(card, name, None)
    if page is not None:
        return page
    return next((w for w, _title in card.extra if type(w).__name__ == name), None)


def card_tab(name: str) -> Callable[[TourContext], Any]:
    """Target: the tab (in the card's tab bar) of the page ``name``."""
    def target(ctx: TourContext) -> Any:
        page = card_page(ctx, name)
        return ctx.tab_button(ctx.card().tabs, page) if page is not None else None
    return target


def on_card_tab(name: str) -> Callable[[TourContext], bool]:
    def done(ctx: TourContext) -> bool:
        page = card_page(ctx, name)
        return page is not None and ctx.card().tabs.currentWidget() is page
    return done


def tab_signals(ctx: TourContext) -> list[Any]:
    card = ctx.card()
    return [card.tabs.currentChanged if card is not None else None]


def go_to_tab(key: str, name: str, text: Callable[[TourContext], str]) -> Step:
    return Step(key, card_tab(name), text, done=on_card_tab(name), signals=tab_signals)
