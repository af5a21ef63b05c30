"""The day that ages, school grades and "this year" are counted on.

Today for a real registry. A demo or training database is a snapshot of the fictional county on
its scenario's day (``sync_meta`` ``demo_as_of``, e.g. 2020-12-31): counted on today, its children
would have aged past their school grades and every clean household would show quality findings,
and the dashboard's year would have no visits.
"""

from __future__ import annotations

from datetime import date
from typing import Any


def reference_date(db: Any) -> date:
    """``demo_as_of`` of a demo database, today otherwise."""
    raw = db.meta("demo_as_of") if db is not None else None
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    return date.today()
