"""Township and county commands: import, export, check, dashboard, plan, profile (issue 7)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import app.io.messages  # noqa: F401  (registers the import/export messages)
from app.i18n import register as register_messages
from app.i18n import t

register_messages({
    "tw.cli.check_help": ("数据质量检查（结果可导出为 Excel 或 PDF）", "data-quality checks (findings to Excel or PDF)"),
    "tw.cli.check_json": ("以 JSON 输出问题清单（证件号码已脱敏）", "print the findings as JSON (ID numbers masked)"),
    "tw.cli.check_out": ("把问题清单写入 .xlsx 或 .pdf 文件", "write the findings to an .xlsx or .pdf file"),
    "tw.cli.check_rule": ("只检查该规则（可重复）", "only this rule (repeatable)"),
    "tw.cli.check_as_of": ("按该日期计算年龄（默认今天）", "compute ages on this date (default today)"),
    "tw.cli.scope_village": ("只看该村（12位代码）", "only this village (12-digit code)"),
    "tw.cli.scope_township": ("只看该乡镇（9位代码）", "only this township (9-digit code)"),
    "tw.cli.scope_county": ("只看该县（6位代码）", "only this county (6-digit code)"),
    "tw.cli.bad_scope": ("代码“{value}”应为 {digits} 位数字", "code '{value}' must have {digits} digits"),
    "tw.cli.bad_date": ("日期“{value}”无效，应为 YYYY-MM-DD", "date '{value}' is invalid; use YYYY-MM-DD"),
    "tw.cli.check_summary": ("{errors} 个错误，{warnings} 个提示", "{errors} error(s), {warnings} warning(s)"),
    "tw.cli.written": ("已写入 {path}", "written to {path}"),
})

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help=t("io.cli.import_help"), description=t("io.cli.import_help"))
    p.add_argument("file", nargs="?", help=t("io.cli.import_file"))
    p.add_argument("--dry-run", action="store_true", help=t("io.cli.import_dry_run"))
    p.add_argument("--year", type=int, help=t("io.cli.import_year"))
    p.add_argument("--village", help=t("io.cli.import_village"))
    p.add_argument("--template", metavar="FILE", help=t("io.cli.import_template"))
    p.add_argument("--json", action="store_true", help=t("io.cli.import_json"))
    p.set_defaults(func=cmd_import)

    e = sub.add_parser("export", parents=[common], help=t("io.cli.export_help"), description=t("io.cli.export_help"))
    e.add_argument("--what", required=True, choices=("households", "members", "incomes", "measures", "visits"),
                   help=t("io.cli.export_what"))
    e.add_argument("--out", required=True, metavar="FILE", help=t("io.cli.export_out"))
    e.add_argument("--village", metavar="CODE", help=t("io.cli.export_village"))
    e.add_argument("--township", metavar="CODE", help=t("io.cli.export_township"))
    e.add_argument("--status", metavar="CODE", help=t("io.cli.export_status"))
    e.add_argument("--year", type=int, help=t("io.cli.export_year"))
    e.add_argument("--with-sensitive", action="store_true", help=t("io.cli.export_sensitive"))
    e.set_defaults(func=cmd_export)

    c = sub.add_parser("check", parents=[common], help=t("tw.cli.check_help"), description=t("tw.cli.check_help"))
    _scope_arguments(c)
    c.add_argument("--json", action="store_true", help=t("tw.cli.check_json"))
    c.add_argument("--out", metavar="FILE", help=t("tw.cli.check_out"))
    c.add_argument("--rule", action="append", metavar="CODE", help=t("tw.cli.check_rule"))
    c.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("tw.cli.check_as_of"))
    c.set_defaults(func=cmd_check)


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


def _scope_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--village", metavar="CODE", help=t("tw.cli.scope_village"))
    parser.add_argument("--township", metavar="CODE", help=t("tw.cli.scope_township"))
    parser.add_argument("--county", metavar="CODE", help=t("tw.cli.scope_county"))


def scope_of(args: argparse.Namespace) -> str | None:
    """The division-code prefix chosen by --village / --township / --county (most specific wins)."""
    from app.errors import BangfuError

    for name, digits in (("village", 12), ("township", 9), ("county", 6)):
        code = getattr(args, name, None)
        if code:
            if len(code) != digits or not code.isdigit():
                raise BangfuError("tw.cli.bad_scope", value=code[:20], digits=digits)
            return str(code)
    return None


def _day(value: str | None):  # type: ignore[no-untyped-def]
    from datetime import date

    from app.errors import BangfuError

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BangfuError("tw.cli.bad_date", value=value[:20]) from None


def cmd_check(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.errors import BangfuError
    from app.quality import run_checks

    scope = scope_of(args)
    as_of = _day(args.as_of)
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".xlsx", ".pdf"):
        raise BangfuError("quality.bad_format")
    with open_db(args) as db:
        try:
            findings = run_checks(db, scope=scope, codes=args.rule, as_of=as_of)
        except KeyError as exc:
            raise BangfuError("value.unknown_code", value=str(exc.args[0])[:20]) from None
        training = db.is_training
    if out is not None:
        from app.quality.report import write_excel, write_pdf

        if out.suffix.lower() == ".xlsx":
            write_excel(findings, out)
        else:
            write_pdf(findings, out, scope=scope, on=as_of, training=training)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            print(f"{t('quality.severity.' + f.severity)}\t{f.rule.code}\t{f.hh_number}\t{f.message()}")
        errors = sum(1 for f in findings if f.severity == "error")
        print(t("tw.cli.check_summary", errors=errors, warnings=len(findings) - errors))
        if out is not None:
            print(t("tw.cli.written", path=out))
    return EXIT_REFUSED if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.io.export import export

    with open_db(args) as db:
        count = export(db, args.what, Path(args.out), village=args.village, township=args.township,
                       status=args.status, year=args.year, with_sensitive=args.with_sensitive)
    print(t("export.done", count=count, path=args.out))
    return EXIT_OK
