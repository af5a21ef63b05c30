"""Tour: sync with the county server — in training, the demo county server on this laptop.

Start the demo server (Training mode menu), make a change to send, open the sync panel (menu
Sync), sync, read the result. The training sandbox can only ever talk to a demo server, so the
lesson is real (the same client, protocol and server) and harmless.
"""

from __future__ import annotations

from typing import Any

from ui.tours.engine import Step, Tour, TourContext, tr
from ui.tours.sample import pick_household
from ui.tours.steps import bold, card_signals, plain, searched_row


def _status(db: Any) -> dict[str, Any]:
    from app.sync.client import status

    return status(db)


def _panel(ctx: TourContext) -> Any:
    return ctx.find("sync_panel")


def _sync_prepare(window: Any) -> dict[str, Any] | None:
    data = pick_household(window.db)
    if data is not None:
        data["last_ok"] = _status(window.db)["last_ok"] or ""
    return data


def _synced(ctx: TourContext) -> bool:
    """A sync started from this window has finished (not merely reached the server) and left
    nothing waiting."""
    if ctx.window.sync_menu.task is not None:
        return False
    info = _status(ctx.db)
    return bool(info["last_ok"]) and info["last_ok"] != ctx["last_ok"] and info["pending"] == 0


def _change_target(ctx: TourContext) -> Any:
    """The search box (then the household's row) until the card is open; then its phone field,
    or the Basic data tab while another tab is in front."""
    card = ctx.card(ctx["household_id"])
    if card is None or card.data is None:
        return searched_row(ctx)
    phone = card.basic.form.widget("phone")
    return phone if phone.isVisible() else ctx.tab_button(card.tabs, card.basic)


def _sync_available(window: Any) -> bool:
    return hasattr(window, "sync_menu") and hasattr(window, "training_menu")


def sync() -> Tour:
    steps = [
        Step("server", lambda ctx: ctx.menu_title(ctx.window.training_menu.menu),
             lambda ctx: tr("In training the county server is a demo server on this laptop. Open the {menu} menu and "
                            "choose {action}.").format(menu=bold(plain(ctx.window.training_menu.menu.title())),
                                                       action=bold(plain(ctx.window.training_menu.act_server.text()))),
             done=lambda ctx: ctx.window.training_menu.server is not None,
             signals=lambda ctx: [ctx.window.training_menu.server_changed]),
        Step("change", _change_target,
             lambda ctx: tr("Make a change to send: open {name}'s card (type {initials}), correct something — the "
                            "phone number, say — and save.").format(name=bold(ctx["name"]),
                                                                     initials=bold(ctx["initials"])),
             done=lambda ctx: _status(ctx.db)["pending"] > 0,
             signals=lambda ctx: [ctx.window.household_changed, *card_signals(ctx)]),
        Step("panel", lambda ctx: ctx.menu_title(ctx.window.menu("sync")),
             lambda ctx: tr("Open the {menu} menu and choose {action}.").format(
                 menu=bold(plain(ctx.window.menu("sync").title())),
                 action=bold(plain(ctx.window.sync_menu.act_panel.text()))),
             done=lambda ctx: _panel(ctx) is not None, signals=lambda ctx: [ctx.window.sync_menu.opened]),
        Step("read", lambda ctx: _panel(ctx).pending,
             lambda ctx: tr("The panel shows the county server (here: the demo server), the last sync and the "
                            "changes waiting to be sent. Changes stay safe on the laptop until the county has "
                            "them, however long the village is offline.")),
        Step("sync", lambda ctx: _panel(ctx).sync_button,
             lambda ctx: tr("Click <b>Sync now</b>: your changes go to the county, and the county's come back."),
             done=_synced, signals=lambda ctx: [ctx.window.sync_menu.finished]),
        Step("result", lambda ctx: _panel(ctx).message,
             lambda ctx: tr("Done: nothing is waiting any more. Conflicts (someone at the county changed the same "
                            "field) and refused changes would be listed here to review. A training laptop syncs "
                            "only with a demo server: the real county server refuses it, and it refuses the real "
                            "server.")),
    ]
    return Tour("sync", lambda: tr("Sync with the county server"),
                lambda: tr("Send your changes to the county and receive theirs (in training: the demo server)."),
                steps, prepare=_sync_prepare, available=_sync_available,
                waiting_for=lambda: tr("the sync panel (sync)"))
