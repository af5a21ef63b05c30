"""Rotating online backups and restore.

Backups use SQLite's online backup API between two connections keyed with the same database key,
so they are as encrypted as the original and consistent even while the app writes. They live in
``<data dir>/backups/`` beside the database; the newest ``KEEP`` are kept. The key slot file is
copied alongside, so a backup can be unlocked by the passphrases that were valid when it was made.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.errors import BangfuError
from app.store.database import Database, _connect, dbapi, verify_file
from app.store.keyslots import SlotFile

KEEP = 7
INTERVAL = timedelta(hours=24)


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    folder = backup_dir(db_path)
    if not folder.exists():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.db"))


def backup(db: Database, dest: Path | None = None, keep: int = KEEP) -> Path:
    """Write a consistent encrypted copy; rotate old ones. Returns the new file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = dest or backup_dir(db.path) / f"{db.path.stem}-{stamp}.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = _connect(db.path, db.key)
    dst = _connect(partial, db.key)
    try:
        src.backup(dst)  # reads — and so authenticates — every page of the source
    except dbapi.DatabaseError:
        dst.close()
        partial.unlink(missing_ok=True)
        raise BangfuError("store.damaged", path=db.path.name) from None
    finally:
        dst.close()
        src.close()
    with open(partial, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)
    shutil.copyfile(SlotFile.path_for(db.path), SlotFile.path_for(target))
    if dest is None:
        for old in list_backups(db.path)[:-keep]:
            old.unlink(missing_ok=True)
            SlotFile.path_for(old).unlink(missing_ok=True)
    return target


def auto_backup(db: Database) -> Path | None:
    """Back up on open when the newest backup is older than ``INTERVAL``."""
    existing = list_backups(db.path)
    if existing:
        age = datetime.now().timestamp() - existing[-1].stat().st_mtime
        if age < INTERVAL.total_seconds():
            return None
    return backup(db)


def restore(db_path: Path, source: Path, key: bytes) -> Path:
    """Replace ``db_path`` by ``source`` after verifying it; the current file is kept aside.

    ``key`` is the database key of the current file (from an unlocked slot): a backup of this
    database opens with it, a foreign or damaged file does not and is refused untouched.
    """
    try:
        verify_file(source, key)
    except BangfuError:
        raise BangfuError("store.backup_bad", path=source.name) from None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}.db")
    staged = db_path.with_name(db_path.name + ".restore")
    shutil.copyfile(source, staged)
    with open(staged, "rb+") as fh:
        os.fsync(fh.fileno())
    if db_path.exists():
        # checkpoint nothing: WAL of the old file goes aside with it
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(staged, db_path)
    return aside
