"""The day that ages, school grades, "this year" and the visit plan are counted on.

Today for a real registry. A demo or training database is a snapshot of the fictional county on
its scenario's day (``sync_meta`` ``demo_as_of``, e.g. 2020-12-31): counted on today, its children
would have aged past their school grades, every clean household would show quality findings, the
dashboard's year would have no visits and every household's visit would be years overdue.

It is the *default* day only (of a visit, a measure, a request's steps). What is possible is still
bounded by the real clock: a visit or a step dated after the real today is refused in a demo
database as in a real one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

KEY = "demo_as_of"


def reference_date(db: Any) -> date:
    """``demo_as_of`` of a demo database, today otherwise. ``db`` may be a ``Database``, an open
    read/write session of one (services that take ``db_or_session``) or None."""
    return day_of(_meta(db))


def day_of(raw: str | None) -> date:
    """The day a stored ``demo_as_of`` value names; today when it is missing or unreadable."""
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    return date.today()


def _meta(db: Any) -> str | None:
    if db is None:
        return None
    if hasattr(db, "meta"):
        return db.meta(KEY)  # type: ignore[no-any-return]
    from sqlmodel import Session

    if isinstance(db, Session):
        from app.domain import SyncMeta

        row = db.get(SyncMeta, KEY)
        return row.value if row is not None else None
    return None
