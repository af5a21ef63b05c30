"""The household a tour talks about: picked from the sandbox when the tour starts.

A tour that says "find 张桂英 by typing zgy" must name a household that is really there, so the
texts are filled from the database the window has open (a training sandbox, in practice).
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from app.domain import Household

NOT_EXITED = "01"


def initials(name: str) -> str:
    """Pinyin initials as people type them (张三 → zs): the most common reading of each character."""
    from pypinyin import Style, lazy_pinyin

    return "".join(p[:1] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()


def pick_household(db: Any) -> dict[str, Any] | None:
    """A household still poor (the exit-year village: one planned to exit this year), with a head
    whose name has two or three characters; the same one every time for the same sandbox."""
    with db.read() as s:
        rows = s.exec(select(Household).where(Household.deleted == False, Household.exit_status == NOT_EXITED)  # noqa: E712
                      .order_by(Household.planned_exit_year.desc(), Household.hh_number)).all()  # type: ignore[union-attr]
        if not rows:
            rows = s.exec(select(Household).where(Household.deleted == False)  # noqa: E712
                          .order_by(Household.hh_number)).all()
    chosen = next((h for h in rows if 2 <= len(h.head_name) <= 3), rows[0] if rows else None)
    if chosen is None:
        return None
    return {"household_id": chosen.id, "name": chosen.head_name, "initials": initials(chosen.head_name),
            "hh_tail": chosen.hh_number[-4:], "phone": chosen.phone}
