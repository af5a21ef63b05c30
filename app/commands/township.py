"""Township and county commands: import, export, check, dashboard, plan, profile (issue 7)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import app.io.messages  # noqa: F401  (registers the import/export messages)
from app.i18n import t

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help=t("cli.import_help"), description=t("cli.import_help"))
    p.add_argument("file", nargs="?", help=t("cli.import_file"))
    p.add_argument("--dry-run", action="store_true", help=t("cli.import_dry_run"))
    p.add_argument("--year", type=int, help=t("cli.import_year"))
    p.add_argument("--village", help=t("cli.import_village"))
    p.add_argument("--template", metavar="FILE", help=t("cli.import_template"))
    p.add_argument("--json", action="store_true", help=t("cli.import_json"))
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    if args.template:
        from app.io.template import write_template

        path = write_template(args.template)
        print(t("import.template_written", path=path))
        return EXIT_OK
    if not args.file:
        print(t("cli.error", message=t("import.missing_column", column="FILE")), file=sys.stderr)
        return EXIT_USAGE
    from app.cli import open_db
    from app.io.excel_import import import_file

    with open_db(args) as db:
        result = import_file(db, Path(args.file), year=args.year, village_code=args.village, dry_run=args.dry_run)
    if args.json:
        print(json.dumps({"refused": result.refused, "written": result.written, "rows": result.rows,
                          "villages": result.villages, "households": result.households, "members": result.members,
                          "patched": result.patched, "problems": [p.as_dict() for p in result.problems]},
                         ensure_ascii=False, indent=1))
    else:
        for problem in result.problems:
            print(problem.text(), file=sys.stderr if problem.is_error else sys.stdout)
        print(result.summary())
    return EXIT_REFUSED if result.refused else EXIT_OK
