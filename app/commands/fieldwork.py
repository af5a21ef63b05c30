"""Field-work commands: visits due, exit assessment, households at risk, lifecycle requests."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.i18n import register as register_messages
from app.i18n import t

register_messages({
    "cmd.visits_due": ("列出到期和逾期未走访的农户", "list households whose visit is due or overdue"),
    "cmd.visits_due.days": ("提前多少天提醒（默认 7）", "remind this many days ahead (default 7)"),
    "cmd.visits_due.helper": ("只看这位帮扶责任人的农户", "only this helper's households"),
    "cmd.visits_due.none": ("没有到期的走访", "No visit is due"),
    "cmd.visits_due.row": ("{state}\t{due}\t{hh}\t{head}\t{group}组\t{helper}",
                           "{state}\t{due}\t{hh}\t{head}\tgroup {group}\t{helper}"),
    "cmd.visits_due.overdue": ("逾期 {days} 天", "{days} day(s) overdue"),
    "cmd.visits_due.due": ("今天到期", "due today"),
    "cmd.visits_due.soon": ("即将到期", "due soon"),
    "cmd.exit_check": ("脱贫评估：逐项列出是否达标及原因", "exit assessment: each criterion with its result and reason"),
    "cmd.exit_check.household": ("户编号或农户ID", "household number or household id"),
    "cmd.exit_check.year": ("评估年度（默认今年；演示数据库为其场景的年份）",
                            "year to assess (default: this year; a demo database's scenario year)"),
    "cmd.exit_check.passed": ("评估结论：符合脱贫条件", "Result: the household meets the exit criteria"),
    "cmd.exit_check.failed": ("评估结论：有 {count} 项未达标，不能脱贫", "Result: {count} criterion(s) not met; no exit"),
    "cmd.household_missing": ("找不到该农户", "No such household"),
    "cmd.at_risk": ("列出有返贫风险的农户", "list households at risk of returning to poverty"),
    "cmd.at_risk.all": ("包括未脱贫户", "include households not yet out of poverty"),
    "cmd.at_risk.none": ("没有发现返贫风险", "No household at risk"),
    "cmd.requests": ("列出动态管理申请（识别、脱贫、返贫、剔除、自然增减）",
                     "list lifecycle requests (identification, exit, return, removal, natural change)"),
    "cmd.requests.status": ("只看此状态：draft/submitted/township_reviewed/approved/rejected",
                            "only this status: draft/submitted/township_reviewed/approved/rejected"),
    "cmd.requests.none": ("没有申请", "No request"),
})

_LIGHT = {"pass": "✔", "fail": "✘", "unknown": "?"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("visits-due", parents=[common], help=t("cmd.visits_due"), description=t("cmd.visits_due"))
    p.add_argument("--days", type=int, default=7, help=t("cmd.visits_due.days"))
    p.add_argument("--helper", help=t("cmd.visits_due.helper"))
    p.set_defaults(func=cmd_visits_due)

    e = sub.add_parser("exit-check", parents=[common], help=t("cmd.exit_check"), description=t("cmd.exit_check"))
    e.add_argument("household", help=t("cmd.exit_check.household"))
    e.add_argument("--year", type=int, help=t("cmd.exit_check.year"))
    e.set_defaults(func=cmd_exit_check)

    r = sub.add_parser("at-risk", parents=[common], help=t("cmd.at_risk"), description=t("cmd.at_risk"))
    r.add_argument("--year", type=int, help=t("cmd.exit_check.year"))
    r.add_argument("--all", action="store_true", help=t("cmd.at_risk.all"))
    r.set_defaults(func=cmd_at_risk)

    q = sub.add_parser("requests", parents=[common], help=t("cmd.requests"), description=t("cmd.requests"))
    q.add_argument("--status", help=t("cmd.requests.status"))
    q.set_defaults(func=cmd_requests)


def _find_household(db: Any, key: str) -> str | None:
    from sqlmodel import select

    from app.domain import Household

    with db.read() as s:
        hh = s.get(Household, key)
        if hh is None:
            hh = s.exec(select(Household).where(Household.hh_number == key, Household.deleted == False)).first()  # noqa: E712
        return hh.id if hh else None


def cmd_visits_due(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.visit_plan import due_visits
    from app.validation import format_date

    with open_db(args) as db:
        rows = due_visits(db, soon_days=args.days, helper_name=args.helper)
    if not rows:
        print(t("cmd.visits_due.none"))
        return 0
    for r in rows:
        state = (t("cmd.visits_due.overdue", days=r.days_late) if r.state == "overdue"
                 else t(f"cmd.visits_due.{r.state}"))
        print(t("cmd.visits_due.row", state=state, due=format_date(r.due_on), hh=r.hh_number, head=r.head_name,
                group=r.group_no, helper=r.helper_name))
    return 0


def cmd_exit_check(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.i18n import t as tr
    from app.services.exit_assessment import assess_exit

    with open_db(args) as db:
        hid = _find_household(db, args.household)
        if hid is None:
            print(t("cmd.household_missing"), file=sys.stderr)
            return 1
        from app.services.reference_date import reference_date

        a = assess_exit(db, hid, args.year or reference_date(db).year)
    group = ""
    for c in a.criteria:
        if c.group != group:
            group = c.group
            print(f"[{tr('exit.group.' + group)}]")
        print(f"  {_LIGHT[c.result]} " + tr("exit.line", label=c.label, reason=c.reason))
    print(t("cmd.exit_check.passed") if a.passed else t("cmd.exit_check.failed", count=len(a.failures)))
    return 0 if a.passed else 4


def cmd_at_risk(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.risk import at_risk

    with open_db(args) as db:
        rows = at_risk(db, args.year, exited_only=not args.all)
    if not rows:
        print(t("cmd.at_risk.none"))
        return 0
    for r in rows:
        reasons = " / ".join(t("exit.line", label=f.label, reason=f.reason) for f in r.flags)
        print(f"{t('risk.level.' + r.level)}\t{r.head_name}\t{r.group_no}\t{reasons}")
    return 0


def cmd_requests(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.codes import code_list
    from app.services.lifecycle import requests

    with open_db(args) as db:
        rows = requests(db, status=args.status)
    if not rows:
        print(t("cmd.requests.none"))
        return 0
    kinds, statuses = code_list("lifecycle_event"), code_list("lifecycle_request_status")
    for r in rows:
        print(f"{r.request.year}\t{kinds.label(r.request.kind)}\t{statuses.label(r.request.status)}\t"
              f"{r.head_name}\t{r.group_no}\t{r.request.id}")
    return 0
