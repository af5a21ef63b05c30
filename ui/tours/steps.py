"""Steps and targets that several tours share: open the tour's household card, go to one of its tabs."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRect

from ui.tours.engine import Area, Step, TourContext, tr


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
    return [ctx.window.tabs.currentChanged, card.loaded if card is not None else None, ctx.window.list_model.loaded,
            ctx.window.list_model.rows_arrived]


def household_row(ctx: TourContext) -> Area | None:
    """The row of the tour's household in the household list, while the list shows it on screen."""
    table = ctx.window.table
    row = ctx.window.list_model.row_of(ctx["household_id"]) if table.isVisible() else None
    if row is None:
        return None
    viewport = table.viewport()

    def rect() -> QRect:
        cell = table.visualRect(ctx.window.list_model.index(row, 0))
        line = QRect(0, cell.top(), viewport.width(), cell.height())
        return line if viewport.rect().contains(line.center()) else QRect()
    return Area(viewport, rect) if not rect().isEmpty() else None


def searched_row(ctx: TourContext) -> Any:
    """Target while the trainee looks for the household: its row once a search shows it (the bubble
    then goes beside the row, not over it), else the search box."""
    row = household_row(ctx) if ctx.window.search.text().strip() else None
    return row if row is not None else ctx.window.search


def open_card_step(key: str = "open") -> Step:
    """Find the tour's household and open its card (search box, then double-click)."""
    return Step(key, searched_row,
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
