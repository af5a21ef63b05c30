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
    "tw.cli.check_as_of": ("按该日期计算年龄（默认今天；演示库为其数据日期）",
                           "compute ages on this date (default today; a demo database's own date)"),
    "tw.cli.scope_village": ("只看该村（12位代码）", "only this village (12-digit code)"),
    "tw.cli.scope_township": ("只看该乡镇（9位代码）", "only this township (9-digit code)"),
    "tw.cli.scope_county": ("只看该县（6位代码）", "only this county (6-digit code)"),
    "tw.cli.bad_scope": ("代码“{value}”应为 {digits} 位数字", "code '{value}' must have {digits} digits"),
    "tw.cli.bad_date": ("日期“{value}”无效，应为 YYYY-MM-DD", "date '{value}' is invalid; use YYYY-MM-DD"),
    "tw.cli.check_summary": ("{errors} 个错误，{warnings} 个提示", "{errors} error(s), {warnings} warning(s)"),
    "tw.cli.dash_help": ("统计看板：按脱贫属性、贫困户属性、致贫原因，贫困发生率，计划完成，走访覆盖，帮扶措施，资金",
                         "dashboard: status, household type, causes, incidence, plans, visit coverage, measures, funds"),
    "tw.cli.dash_year": ("统计年度（默认今年）", "year (default: this year)"),
    "tw.cli.dash_json": ("以 JSON 输出", "print JSON"),
    "tw.cli.dash_pdf": ("生成 PDF 报告", "write a PDF report"),
    "tw.cli.plan_help": ("年度脱贫计划与滚动计划", "annual and rolling exit plans"),
    "tw.cli.plan_set": ("设定某村某年计划脱贫户数和人数", "set a village's planned exits for a year"),
    "tw.cli.plan_rolling": ("作为该年制定的滚动计划", "as the rolling plan made in this year"),
    "tw.cli.plan_progress": ("计划完成情况", "progress against the plans"),
    "tw.cli.profile_help": ("贫困村档案", "poor-village profile"),
    "tw.cli.profile_show": ("查看档案（--history 看历次变化）", "show the profile (--history for its changes)"),
    "tw.cli.profile_history": ("列出历次变化", "list every change"),
    "tw.cli.profile_set": ("修改档案（生成新的档案快照）", "change the profile (adds a snapshot)"),
    "tw.cli.profile_values": ("字段=值，如 population_total=1650 broadband=是", "field=value, e.g. population_total=1650 broadband=yes"),
    "tw.cli.profile_as_of": ("填报日期（默认今天）", "date of the figures (default today)"),
    "tw.cli.profile_none": ("该村还没有档案", "this village has no profile yet"),
    "tw.cli.profile_same": ("与现有档案相同，未保存新快照", "same as the current profile; no snapshot added"),
    "tw.cli.profile_saved": ("已保存档案快照（{date}）", "profile snapshot saved ({date})"),
    "tw.cli.no_village": ("找不到代码为 {value} 的村", "no village with code {value}"),
    "tw.cli.plan_saved": ("已保存计划", "plan saved"),
    "tw.cli.matches_help": ("导入一比对结果（财政供养、村干部、车辆、房产、工商登记），供数据质量检查核实",
                            "import register-check hits (public employees, cadres, vehicles, property, businesses) "
                            "for the quality checks"),
    "tw.cli.matches_date": ("比对日期（默认今天）", "date of the check (default today)"),
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

    m = sub.add_parser("import-matches", parents=[common], help=t("tw.cli.matches_help"),
                       description=t("tw.cli.matches_help"))
    m.add_argument("file", help=t("io.cli.import_file"))
    m.add_argument("--dry-run", action="store_true", help=t("io.cli.import_dry_run"))
    m.add_argument("--date", metavar="YYYY-MM-DD", help=t("tw.cli.matches_date"))
    m.set_defaults(func=cmd_import_matches)

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

    d = sub.add_parser("dashboard", parents=[common], help=t("tw.cli.dash_help"), description=t("tw.cli.dash_help"))
    _scope_arguments(d)
    d.add_argument("--year", type=int, help=t("tw.cli.dash_year"))
    d.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("tw.cli.check_as_of"))
    d.add_argument("--json", action="store_true", help=t("tw.cli.dash_json"))
    d.add_argument("--pdf", metavar="FILE", help=t("tw.cli.dash_pdf"))
    d.set_defaults(func=cmd_dashboard)

    pl = sub.add_parser("plan", help=t("tw.cli.plan_help"), description=t("tw.cli.plan_help"))
    plan_sub = pl.add_subparsers(dest="plan_command", required=True, metavar="COMMAND")
    ps = plan_sub.add_parser("set", parents=[common], help=t("tw.cli.plan_set"))
    ps.add_argument("village", metavar="VILLAGE_CODE")
    ps.add_argument("year", type=int)
    ps.add_argument("households", type=int)
    ps.add_argument("people", type=int)
    ps.add_argument("--rolling", metavar="MADE_YEAR", type=int, help=t("tw.cli.plan_rolling"))
    ps.add_argument("--note", default="")
    ps.set_defaults(func=cmd_plan_set)
    pp = plan_sub.add_parser("progress", parents=[common], help=t("tw.cli.plan_progress"))
    _scope_arguments(pp)
    pp.add_argument("--json", action="store_true", help=t("tw.cli.dash_json"))
    pp.set_defaults(func=cmd_plan_progress)

    pr = sub.add_parser("profile", help=t("tw.cli.profile_help"), description=t("tw.cli.profile_help"))
    profile_sub = pr.add_subparsers(dest="profile_command", required=True, metavar="COMMAND")
    sh = profile_sub.add_parser("show", parents=[common], help=t("tw.cli.profile_show"))
    sh.add_argument("village", metavar="VILLAGE_CODE")
    sh.add_argument("--history", action="store_true", help=t("tw.cli.profile_history"))
    sh.set_defaults(func=cmd_profile_show)
    st = profile_sub.add_parser("set", parents=[common], help=t("tw.cli.profile_set"))
    st.add_argument("village", metavar="VILLAGE_CODE")
    st.add_argument("values", nargs="+", metavar="FIELD=VALUE", help=t("tw.cli.profile_values"))
    st.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("tw.cli.profile_as_of"))
    st.set_defaults(func=cmd_profile_set)

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
        from app.services.reference_date import reference_date

        as_of = as_of or reference_date(db)
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


def _village_id(db, code: str) -> str:  # type: ignore[no-untyped-def]
    from sqlmodel import select

    from app.domain import Village
    from app.errors import BangfuError

    with db.read() as s:
        village = s.exec(select(Village).where(Village.code == code, Village.deleted == False)).first()  # noqa: E712
    if village is None:
        raise BangfuError("tw.cli.no_village", value=code[:20])
    return str(village.id)


def cmd_dashboard(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.dashboard import dashboard

    with open_db(args) as db:
        board = dashboard(db, scope_of(args), year=args.year, as_of=_day(args.as_of))
        training = db.is_training
    if args.pdf:
        from app.reports.dashboard import write_dashboard_pdf

        write_dashboard_pdf(board, Path(args.pdf), training=training)
    if args.json:
        print(json.dumps(board.as_dict(), ensure_ascii=False, indent=1))
        return EXIT_OK
    from app.i18n import current_language
    from app.reports.dashboard import _figures

    print(board.scope_name)
    for label, value in _figures(board, current_language()):
        print(f"{label}: {value}")
    for title, counts in (("dash.by_status", board.by_status), ("dash.by_attr", board.by_attr),
                          ("dash.by_cause", board.by_cause)):
        print(t(title))
        for c in counts:
            print(f"  {c.label}\t{c.households}\t{c.people}")
    if args.pdf:
        print(t("tw.cli.written", path=args.pdf))
    return EXIT_OK


def cmd_plan_set(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.plans import set_plan

    with open_db(args) as db:
        village_id = _village_id(db, args.village)
        kind = "rolling" if args.rolling else "annual"
        set_plan(db, village_id, args.year, args.households, args.people, kind=kind, made_year=args.rolling,
                 note=args.note)
    print(t("tw.cli.plan_saved"))
    return EXIT_OK


def cmd_plan_progress(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.plans import progress

    with open_db(args) as db:
        rows = progress(db, scope_of(args))
    if args.json:
        print(json.dumps([{**vars(r), "share": r.share} for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    print("\t".join(t(f"dash.col.{k}") for k in ("year", "planned_hh", "planned_people", "rolling_hh", "exited_hh",
                                                  "exited_people", "share")))
    for r in rows:
        share = "" if r.share is None else f"{100 * r.share:.0f}%"
        print(f"{r.year}\t{r.planned_households}\t{r.planned_people}\t{r.rolling_households}\t"
              f"{r.exited_households}\t{r.exited_people}\t{share}")
    return EXIT_OK


def _profile_value(name: str, raw: str):  # type: ignore[no-untyped-def]
    from app.io.cells import CellError, boolean
    from app.services.village_profile import COUNTS, FLAGS, LISTS
    from app.validation import parse_money

    if name in COUNTS or name == "year":
        return int(raw) if raw.lstrip("-").isdigit() else raw
    if name in FLAGS:
        try:
            return boolean(raw)
        except CellError:
            return raw
    if name == "collective_income_fen":
        try:
            return parse_money(raw)
        except ValueError:
            return raw
    if name == "road_hardened_km":
        try:
            return float(raw)
        except ValueError:
            return raw
    if name in LISTS:
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


def cmd_profile_set(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.village_profile import save_profile

    data = {}
    for item in args.values:
        name, _, raw = item.partition("=")
        name = name.strip()
        if name == "collective_income":
            name = "collective_income_fen"
        data[name] = _profile_value(name, raw.strip())
    as_of = _day(args.as_of)
    with open_db(args) as db:
        saved = save_profile(db, _village_id(db, args.village), data, as_of=as_of)
    print(t("tw.cli.profile_saved", date=saved.as_of.isoformat()) if saved else t("tw.cli.profile_same"))
    return EXIT_OK


def cmd_profile_show(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.fields import field_label
    from app.services.village_profile import EDITABLE, SNAPSHOT, changes, history

    with open_db(args) as db:
        snapshots = history(db, _village_id(db, args.village))
    if not snapshots:
        print(t("tw.cli.profile_none"))
        return EXIT_OK
    if args.history:
        for change in changes(snapshots):
            print(f"{change.as_of}\t{change.author}\t{field_label('village_profile', change.field)}\t"
                  f"{change.old!s} → {change.new!s}")
        return EXIT_OK
    latest = snapshots[-1]
    print(f"{field_label('village_profile', 'as_of')}: {latest.as_of}")
    for name in (*sorted(EDITABLE), *SNAPSHOT):
        print(f"{field_label('village_profile', name)}: {getattr(latest, name)}")
    return EXIT_OK


def cmd_import_matches(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.io.register_import import import_matches

    with open_db(args) as db:
        result = import_matches(db, Path(args.file), found_on=_day(args.date), dry_run=args.dry_run)
    for problem in result.problems:
        print(problem.text(), file=sys.stderr if problem.is_error else sys.stdout)
    if result.refused:
        print(result.summary())
        return EXIT_REFUSED
    print(t("matches.done", count=result.patched))
    return EXIT_OK
