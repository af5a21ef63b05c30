"""Every guided tour, in the order a newcomer learns them (Help → Guided tours lists them so).

Tours whose screens are not in the app yet are listed greyed out with what they wait for, so a
trainer sees the whole curriculum and nothing pretends to work.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.tours.engine import Tour, tr
from ui.tours.fieldwork import exit_request, log_measure, record_visit
from ui.tours.household import correct_card, find_household
from ui.tours.notices import exit_notice


def _waiting(key: str, title: Callable[[], str], summary: Callable[[], str], waiting_for: Callable[[], str]) -> Tour:
    return Tour(key, title, summary, [], available=lambda _window: False, waiting_for=waiting_for)


def tours() -> list[Tour]:
    return [
        find_household(),
        correct_card(),
        record_visit(),
        log_measure(),
        exit_request(),
        exit_notice(),
        _waiting("sync", lambda: tr("Sync with the county server"),
                 lambda: tr("Send your changes to the county and receive theirs (in training: the demo server)."),
                 lambda: tr("the sync panel (sync)")),
    ]


def tour(key: str) -> Tour:
    for t in tours():
        if t.key == key:
            return t
    raise KeyError(key)
