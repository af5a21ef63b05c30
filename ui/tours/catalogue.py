"""Every guided tour, in the order a newcomer learns them (Help → Guided tours lists them so).

Tours whose screens are not in the app yet are listed greyed out with what they wait for, so a
trainer sees the whole curriculum and nothing pretends to work.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.tours.engine import Tour, tr
from ui.tours.household import correct_card, find_household
from ui.tours.notices import exit_notice


def _waiting(key: str, title: Callable[[], str], summary: Callable[[], str], waiting_for: Callable[[], str]) -> Tour:
    return Tour(key, title, summary, [], available=lambda _window: False, waiting_for=waiting_for)


def tours() -> list[Tour]:
    return [
        find_household(),
        correct_card(),
        _waiting("record_visit", lambda: tr("Record a visit"),
                 lambda: tr("Walk through a household visit: checks, changes, the family's confirmation."),
                 lambda: tr("the visit wizard (field work)")),
        _waiting("log_measure", lambda: tr("Log an assistance measure"),
                 lambda: tr("Record a measure the household received and its progress."),
                 lambda: tr("the assistance-measure form (field work)")),
        _waiting("exit_request", lambda: tr("Assess a household for exit and file the request"),
                 lambda: tr("Check income and the 'two assurances, three guarantees', then file the exit request."),
                 lambda: tr("the exit assessment and lifecycle-request screens (field work)")),
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
