"""Every guided tour, in the order a newcomer learns them (Help → Guided tours lists them so).

A tour whose screens are missing (a build without that feature's plugin) is listed greyed out with
what it waits for, so a trainer sees the whole curriculum and nothing pretends to work.
"""

from __future__ import annotations

from ui.tours.engine import Tour
from ui.tours.fieldwork import exit_request, log_measure, record_visit
from ui.tours.household import correct_card, find_household
from ui.tours.notices import exit_notice
from ui.tours.sync import sync


def tours() -> list[Tour]:
    return [
        find_household(),
        correct_card(),
        record_visit(),
        log_measure(),
        exit_request(),
        exit_notice(),
        sync(),
    ]


def tour(key: str) -> Tour:
    for t in tours():
        if t.key == key:
            return t
    raise KeyError(key)
