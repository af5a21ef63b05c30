"""The ``bangfu`` command (Chinese and English help).

No arguments starts the desktop app. Every subcommand accepts ``--db PATH``; the user and
passphrase come from BANGFU_USER / BANGFU_PASSPHRASE or a prompt. Subcommands live in
``app/commands/*.py`` (discovered at start), so each feature area owns its own.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from app import __version__
from app.errors import BangfuError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def default_db_path() -> Path:
    """The user's data directory (e.g. ~/.local/share/bangfu/bangfu.db on Linux)."""
    override = os.environ.get("BANGFU_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir("bangfu", appauthor=False))
    return base / "bangfu.db"


def credentials(args: argparse.Namespace, confirm: bool = False) -> tuple[str, str]:
    """User and passphrase: --user, env vars, or a prompt (never echoed)."""
    from app.i18n import t

    user = getattr(args, "user", None) or os.environ.get("BANGFU_USER")
    if not user:
        user = input(t("cli.prompt_user"))
    passphrase = os.environ.get("BANGFU_PASSPHRASE")
    if passphrase is None:
        passphrase = getpass.getpass(t("cli.prompt_passphrase"))
        if confirm and getpass.getpass(t("cli.prompt_passphrase_again")) != passphrase:
            raise BangfuError("cli.passphrase_mismatch")
    return user, passphrase


def open_db(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.store.database import open_database

    user, passphrase = credentials(args)
    return open_database(Path(args.db), user, passphrase)


def build_parser() -> argparse.ArgumentParser:
    import app.fields  # noqa: F401
    from app.i18n import t

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=str(default_db_path()), help=t("cli.help_db"))
    common.add_argument("--user", help=t("cli.help_user"))
    parser = argparse.ArgumentParser(prog="bangfu", description=t("cli.description"), parents=[common])
    parser.add_argument("--version", action="version", version=f"bangfu {__version__}")
    parser.add_argument("--self-test", action="store_true", help=t("cli.help_self_test"))
    parser.add_argument("--lang", help=t("cli.help_lang"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import app.commands as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from app.i18n import set_language, t

    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            set_language(argv[i + 1])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            from app.selftest import run_self_test

            return run_self_test()
        if not args.command:
            return _start_gui(args)
        return int(args.func(args) or EXIT_OK)
    except BangfuError as exc:
        print(t("cli.error", message=str(exc)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _start_gui(args: argparse.Namespace) -> int:
    try:
        from ui.app import run  # the only place the core reaches for the UI, lazily, at the top
    except ImportError as exc:  # a core-only install
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    return run(Path(args.db))


if __name__ == "__main__":
    sys.exit(main())
