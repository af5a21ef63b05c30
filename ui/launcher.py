"""The ``bangfu`` console script: the core's command line with the desktop app plugged in.

The core (``app.cli``) must not import the GUI, so the GUI hands itself to it here. Qt is only
imported when the desktop app actually starts, so subcommands stay quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app import cli


def run_gui(db_path: Path) -> int:
    from ui.app import run

    return run(db_path)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=run_gui)
