"""Synthetic demo county for training mode, screenshots, benchmarks and "install and run".

``generate(db, households, seed, scenario)`` fills a database with a fictional county (云岭县,
黔中市, 贵州省) whose data is realistic and internally consistent, deterministic by seed;
``ensure_demo_database(path)`` creates a ready-to-open demo database with a well-known
passphrase. No real person's data is used anywhere: names are drawn from frequency tables, ID
numbers are synthetic with valid checksums (``app.idnumber.make_id``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.demo.generator import DemoCancelled, DemoSummary, generate
from app.demo.scenarios import SCENARIOS, Scenario

DEMO_USER = "演示用户"
DEMO_PASSPHRASE = "demo-passphrase"
DEMO_HOUSEHOLDS = 2000
DEMO_SEED = 2020


def ensure_demo_database(path: Path | str, households: int = DEMO_HOUSEHOLDS, seed: int = DEMO_SEED,
                         scenario: str = "default", kdf: dict[str, int] | None = None,
                         training: bool = False) -> tuple[str, str]:
    """Create a demo database at ``path`` unless a file is already there; returns (user, passphrase).

    An existing file is left alone (it may be a demo database the trainee has been working in).
    A half-created database (generation failed) is removed so the next call starts clean.
    """
    from app.store.database import create_database
    from app.store.keyslots import SlotFile

    path = Path(path)
    if path.exists():
        return DEMO_USER, DEMO_PASSPHRASE
    db = create_database(path, DEMO_USER, DEMO_PASSPHRASE, kdf=kdf, training=training)
    try:
        generate(db, households, seed, scenario)
    except BaseException:
        db.close()
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), SlotFile.path_for(path)):
            p.unlink(missing_ok=True)
        raise
    db.close()
    return DEMO_USER, DEMO_PASSPHRASE


def is_demo(db: Any) -> bool:
    """True when ``db`` was filled by the demo generator (sync_meta ``demo`` = ``1``)."""
    return db.meta("demo") == "1"


__all__ = [
    "DEMO_PASSPHRASE", "DEMO_USER", "SCENARIOS", "DemoCancelled", "DemoSummary", "Scenario",
    "ensure_demo_database", "generate", "is_demo",
]
