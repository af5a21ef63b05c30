"""``bangfu demo``: fill a database with the fictional demo county (for trying the app out).

A missing database is created with the demo user (BANGFU_USER, default 演示用户) and the demo
passphrase (BANGFU_PASSPHRASE, default ``demo-passphrase``), and a notice says so: a demo database
has a well-known passphrase and must never hold real data. An existing database is opened and
refused if it holds real households.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import app.demo.messages  # noqa: F401  (registers the demo's message codes)
from app.i18n import t


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from app.demo import SCENARIOS

    choices = list(SCENARIOS)
    p = sub.add_parser("demo", parents=[common], help=t("cmd.demo"), description=t("cmd.demo"))
    p.add_argument("--households", type=int, default=2000, help=t("cmd.demo.households"))
    p.add_argument("--seed", type=int, default=2020, help=t("cmd.demo.seed"))
    p.add_argument("--scenario", choices=choices, default="default",
                   help=t("cmd.demo.scenario", choices=", ".join(choices)))
    p.add_argument("--replace", action="store_true", help=t("cmd.demo.replace"))
    p.set_defaults(func=cmd_demo)


def _open(args: argparse.Namespace) -> Any:
    """Create the demo database, or open the existing one (demo passphrase first, then ask)."""
    from app.cli import credentials
    from app.demo import DEMO_PASSPHRASE, DEMO_USER
    from app.errors import BangfuError
    from app.store.database import create_database, open_database

    path = Path(args.db)
    user = args.user or os.environ.get("BANGFU_USER") or DEMO_USER
    passphrase = os.environ.get("BANGFU_PASSPHRASE")
    if not path.exists():
        db = create_database(path, user, passphrase or DEMO_PASSPHRASE)
        if passphrase is None:
            print(t("cmd.demo.notice", passphrase=DEMO_PASSPHRASE, user=user), file=sys.stderr)
        return db
    if passphrase is None:
        try:
            return open_database(path, user, DEMO_PASSPHRASE)
        except BangfuError:
            pass  # not the demo passphrase: ask like every other command
    args.user = user
    user, passphrase = credentials(args)
    return open_database(path, user, passphrase)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import generate

    db = _open(args)
    last = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent // 10 != last[0] // 10 and sys.stderr.isatty():
            print(t("cmd.demo.progress", done=done, total=total), file=sys.stderr, flush=True)
        last[0] = percent

    try:
        summary = generate(db, args.households, args.seed, args.scenario, progress=progress, replace=args.replace)
    finally:
        db.close()
    print(t("cmd.demo.done", townships=summary.townships, villages=summary.villages, households=summary.households,
            members=summary.members, seconds=summary.seconds))
    return 0
