"""The ``bangfu`` command (Chinese and English help).

No arguments starts the desktop app, which the caller hands in (``ui/launcher.py`` is the
console script): the core never imports the GUI. Every subcommand accepts ``--db PATH``; the user and
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
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

from app import __version__
from app.errors import BangfuError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

GuiRunner = Callable[[Path], int]  # opens the desktop app on a database file, returns its exit code


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


_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
}


def _translate_argparse() -> None:
    """argparse looks its own words up through a module-level ``_``: give it Chinese when asked."""
    from app.i18n import current_language

    if current_language().startswith("zh"):
        argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]
    else:
        argparse._ = lambda text: text  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    import app.fields  # noqa: F401
    from app.i18n import t

    _translate_argparse()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=str(default_db_path()), help=t("cli.help_db"))
    common.add_argument("--user", help=t("cli.help_user"))
    parser = argparse.ArgumentParser(prog="bangfu", description=t("cli.description"), parents=[common])
    parser.add_argument("--version", action="version", version=f"bangfu {__version__}")
    parser.add_argument("--self-test", action="store_true", help=t("cli.help_self_test"))
    parser.add_argument("--lang", help=t("cli.help_lang"))
    parser.set_defaults(gui=None)  # main() puts the desktop app's runner here, when it has one
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import app.commands as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None, gui: GuiRunner | None = None) -> int:
    from app.i18n import set_language, t

    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            set_language(argv[i + 1])
    parser = build_parser()
    args = parser.parse_args(argv)
    args.gui = gui
    try:
        if args.self_test:
            from app.selftest import run_self_test

            return run_self_test()
        if not args.command:
            return start_gui(args, Path(args.db))
        return int(args.func(args) or EXIT_OK)
    except BangfuError as exc:
        print(t("cli.error", message=str(exc)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def start_gui(args: argparse.Namespace, db_path: Path) -> int:
    """The desktop app on ``db_path``, through the runner ``main`` was given."""
    from app.i18n import t

    if args.gui is None:
        print(t("cli.error", message=t("cli.no_gui")), file=sys.stderr)
        return EXIT_ERROR
    return int(args.gui(db_path))


if __name__ == "__main__":
    sys.exit(main())
