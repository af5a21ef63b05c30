"""A rough passphrase-strength score for the hint under passphrase fields (not a policy).

Kept apart from app.services.users so the unlock and first-run screens can show the hint without
importing the database layer. The only rule that is enforced is the minimum length
(app.validation.check_passphrase).
"""

from __future__ import annotations

from app.validation import MIN_PASSPHRASE


def strength(passphrase: str) -> int:
    """0 (too short) … 4 (strong). Length counts most; variety of characters adds a little;
    repeated characters count once."""
    if not passphrase:
        return 0
    distinct = len(set(passphrase))
    kinds = sum((
        any(c.isascii() and c.isalpha() for c in passphrase),
        any(c.isdigit() for c in passphrase),
        any(not c.isascii() for c in passphrase),
        any(c.isascii() and not c.isalnum() for c in passphrase),
    ))
    if len(passphrase) < MIN_PASSPHRASE or distinct < 4:
        return 0 if len(passphrase) < 6 else 1
    score = 1 + (len(passphrase) >= 12) + (distinct >= 8) + (kinds >= 3 or len(passphrase) >= 20)
    return min(4, score)


__all__ = ["MIN_PASSPHRASE", "strength"]
