"""Retry with exponential backoff and full jitter (sleep = uniform(0, min(cap, base * 2**n))).

Full jitter spreads the retries of many laptops that lost the same county link at the same moment,
so they do not all come back in lock-step and knock the server over again.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


class Retryable(Exception):
    """A failure worth trying again: network trouble or a 5xx from the server."""


@dataclass
class Backoff:
    attempts: int = 6
    base: float = 0.5
    cap: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.cap, self.base * (2 ** attempt)))

    def run(self, fn: Callable[[], T], on_retry: Callable[[int, Exception], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> T:
        """Call ``fn`` until it succeeds, raises a non-retryable error, or the attempts run out."""
        last: Exception | None = None
        for attempt in range(self.attempts):
            if cancelled is not None and cancelled():
                break
            try:
                return fn()
            except Retryable as exc:
                last = exc
                if attempt + 1 < self.attempts:
                    if on_retry is not None:
                        on_retry(attempt, exc)
                    self.sleep(self.delay(attempt))
        assert last is not None or (cancelled is not None and cancelled())
        raise last if last is not None else Retryable("cancelled")
