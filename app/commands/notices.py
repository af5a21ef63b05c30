"""``bangfu notice ...`` and ``bangfu print ...``: notice boards, their history, and household forms.

- ``notice household --kind exit|identify|return|remove --village CODE --year Y --out FILE.pdf``
  issues (freezes) the village's notice and writes its PDF; with ``--village CODE1,CODE2
  --out-dir DIR [--combined]`` a township prints many villages at once (all or nothing).
- ``notice project --project ID --stage plan|completion --out FILE.pdf``
- ``notice list|show|reprint|verify|withdraw|photo|objection|resolve`` — the notice history;
  ``notice close ID`` records a finished notice on the lifecycle requests it listed.
- ``print card|mingbai|visit-sheet --household ID[,ID…] | --village CODE --out FILE.pdf``

``--preview`` writes a PDF marked 样稿 (draft) without issuing anything. Nothing is written when
the input is refused (a village with nobody in scope, a project without beneficiaries, a period
that ends before it starts…): the message says why.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import BangfuError
from app.i18n import register, t

register({
    "cmd.notice": ("公示公告：生成、发布、查询、异议登记", "public notices: print, issue, history, objections"),
    "cmd.notice.household": ("生成并发布农户名单公示（识别、退出、返贫、剔除）",
                             "issue and print a household-list notice (identify, exit, return, remove)"),
    "cmd.notice.project": ("生成并发布扶贫资金项目公示（计划或竣工）", "issue and print a fund-project notice (plan or completion)"),
    "cmd.notice.list": ("列出公示记录", "list notices"),
    "cmd.notice.show": ("查看一份公示的详情、照片和异议", "show a notice with its photos and objections"),
    "cmd.notice.reprint": ("按发布时的内容重新打印", "print an issued notice again from its frozen content"),
    "cmd.notice.verify": ("核对公示（可用二维码内容）是否与发布记录一致",
                          "check a notice (or a scanned QR text) against the issued record"),
    "cmd.notice.withdraw": ("撤回已发布的公示", "withdraw an issued notice"),
    "cmd.notice.photo": ("上传张贴现场照片", "attach a photo of the posted notice"),
    "cmd.notice.objection": ("登记公示期间收到的异议", "log an objection received during the notice period"),
    "cmd.notice.resolve": ("登记异议的处理结果", "record how an objection was resolved"),
    "cmd.notice.close": ("公示期满：把公示登记到所列农户的动态管理申请中",
                         "period over: record the notice on the lifecycle requests it listed"),
    "cli.notice.closed": ("已登记到 {n} 份申请", "Recorded on {n} request(s)"),
    "cli.notice.close_skipped": ("未登记申请 {id}：{message}", "Request {id} not recorded: {message}"),
    "cmd.print": ("打印明白卡、扶贫手册户卡或入户走访记录表", "print household information cards (mingbai ka), household cards or visit record sheets"),
    "arg.kind": ("公示类型：identify 识别、exit 退出、return 返贫、remove 剔除",
                 "notice kind: identify, exit, return or remove"),
    "arg.village": ("村的12位行政区划代码；乡镇批量打印时用逗号分隔多个", "12-digit village code; several separated by commas"),
    "arg.year": ("年度", "year"),
    "arg.out": ("输出 PDF 文件", "output PDF file"),
    "arg.out_dir": ("批量输出目录（每村一个 PDF）", "output folder for a batch (one PDF per village)"),
    "arg.combined": ("批量时合并为一个 PDF", "in a batch, write one combined PDF"),
    "arg.skip_empty": ("批量时跳过没有相应农户的村", "in a batch, skip villages with nobody in scope"),
    "arg.start": ("公示开始日期（YYYY-MM-DD，默认今天）", "first day of the notice period (YYYY-MM-DD, default today)"),
    "arg.end": ("公示结束日期（默认按规定天数）", "last day of the notice period (default: the configured days)"),
    "arg.issuer": ("发布单位（默认：××村民委员会）", "issuing body (default: the villagers' committee)"),
    "arg.hotline": ("本地监督电话", "local supervision phone"),
    "arg.title": ("标题（默认自动生成）", "title (default: generated)"),
    "arg.with_id": ("加印户主身份证号（自动打码）", "add the head's ID number column (masked)"),
    "arg.paper": ("纸张：A4、A4L（横向）、A3、A3L", "paper: A4, A4L (landscape), A3, A3L"),
    "arg.preview": ("只生成样稿，不发布", "write a draft preview; issue nothing"),
    "arg.project": ("项目编号", "project id"),
    "arg.stage": ("plan 计划公示，completion 竣工公告", "plan or completion"),
    "arg.notice_id": ("公示编号", "notice id"),
    "arg.hash": ("校验码（二维码中的 sha256）", "content hash (the sha256 in the QR code)"),
    "arg.qr": ("扫描二维码得到的文字", "the text read from the QR code"),
    "arg.reason": ("理由", "reason"),
    "arg.photo": ("照片文件（JPEG/PNG）", "photo file (JPEG/PNG)"),
    "arg.date": ("日期（YYYY-MM-DD，默认今天）", "date (YYYY-MM-DD, default today)"),
    "arg.channel": ("反映方式代码：01 当面 02 电话 03 书面 04 12317转办 05 乡镇转办 06 其他",
                    "channel code: 01 in person, 02 phone, 03 writing, 04 12317, 05 township, 06 other"),
    "arg.summary": ("异议内容", "what the objection says"),
    "arg.resolution": ("处理结果", "how it was resolved"),
    "arg.objection_id": ("异议编号", "objection id"),
    "arg.print_kind": ("card 扶贫手册户卡，mingbai 明白卡，visit-sheet 入户走访记录表",
                       "card (household card), mingbai (information card) or visit-sheet"),
    "arg.household": ("农户编号或户编号，多个用逗号分隔", "household id or household number; several separated by commas"),
    "arg.print_village": ("打印该村全部农户", "print every household of this village"),
    "arg.income_year": ("收入年度（默认最近一年）", "income year (default: the latest)"),
    "cli.bad_date": ("日期“{value}”无效，应为 YYYY-MM-DD", "'{value}' is not a date (YYYY-MM-DD)"),
    "cli.notice.issued": ("已发布并写入 {path}：{pages} 页，{kb} KB；公示编号 {id}，校验码 {hash}",
                          "Issued and wrote {path}: {pages} pages, {kb} KB; notice {id}, hash {hash}"),
    "cli.notice.previewed": ("已生成样稿 {path}（{pages} 页，未发布）", "Wrote draft preview {path} ({pages} pages, not issued)"),
    "cli.notice.batch_one": ("[{i}/{n}] {code}", "[{i}/{n}] {code}"),
    "cli.notice.skipped": ("已跳过 {code}：{message}", "Skipped {code}: {message}"),
    "cli.notice.combined": ("已合并写入 {path}", "Wrote the combined file {path}"),
    "cli.notice.need_out": ("请用 --out 指定输出文件（多个村时用 --out-dir）", "Give --out FILE (or --out-dir DIR for several villages)"),
    "cli.notice.verified": ("公示 {id} 与发布记录一致（校验码 {hash}）", "Notice {id} matches the issued record (hash {hash})"),
    "cli.notice.withdrawn": ("已撤回公示 {id}", "Withdrew notice {id}"),
    "cli.notice.photo_added": ("已保存照片 {sha}", "Saved photo {sha}"),
    "cli.notice.objection_added": ("已登记异议 {id}", "Logged objection {id}"),
    "cli.notice.resolved": ("已登记处理结果 {id}", "Recorded resolution {id}"),
    "cli.notice.none": ("没有公示记录", "No notices"),
    "cli.notice.detail": (
        "{title}\n编号：{id}\n状态：{status}\n公示期：{start} 至 {end}\n发布单位：{issuer}\n发布时间：{issued_at}（{issued_by}）\n"
        "校验码：{hash}\n照片：{photos} 张\n异议：{objections} 条（未处理 {open}）",
        "{title}\nid: {id}\nstatus: {status}\nperiod: {start} to {end}\nissuer: {issuer}\nissued: {issued_at} ({issued_by})\n"
        "hash: {hash}\nphotos: {photos}\nobjections: {objections} ({open} open)",
    ),
    "cli.notice.objection_line": ("  异议 {id}  {date}  {channel}：{summary}{late}", "  objection {id}  {date}  {channel}: {summary}{late}"),
    "cli.notice.resolution_line": ("    处理 {date}：{text}", "    resolved {date}: {text}"),
    "cli.notice.late": ("（公示期后收到）", " (after the period)"),
    "cli.print.done": ("已写入 {path}：{households} 户，{pages} 页", "Wrote {path}: {households} households, {pages} pages"),
})


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=value[:20])) from None


def _period_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", type=_date, help=t("arg.start"))
    p.add_argument("--end", type=_date, help=t("arg.end"))
    p.add_argument("--issuer", help=t("arg.issuer"))
    p.add_argument("--hotline", help=t("arg.hotline"))
    p.add_argument("--title", help=t("arg.title"))
    p.add_argument("--paper", default="A4", choices=["A4", "A4L", "A3", "A3L"], help=t("arg.paper"))
    p.add_argument("--preview", action="store_true", help=t("arg.preview"))


def register_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    notice = sub.add_parser("notice", help=t("cmd.notice"), description=t("cmd.notice"))
    nsub = notice.add_subparsers(dest="notice_command", required=True, metavar="COMMAND")

    p = nsub.add_parser("household", parents=[common], help=t("cmd.notice.household"))
    p.add_argument("--kind", required=True, choices=["identify", "exit", "return", "remove"], help=t("arg.kind"))
    p.add_argument("--village", required=True, help=t("arg.village"))
    p.add_argument("--year", required=True, type=int, help=t("arg.year"))
    p.add_argument("--out", help=t("arg.out"))
    p.add_argument("--out-dir", help=t("arg.out_dir"))
    p.add_argument("--combined", action="store_true", help=t("arg.combined"))
    p.add_argument("--skip-empty", action="store_true", help=t("arg.skip_empty"))
    p.add_argument("--with-id", action="store_true", help=t("arg.with_id"))
    _period_args(p)
    p.set_defaults(func=cmd_household)

    p = nsub.add_parser("project", parents=[common], help=t("cmd.notice.project"))
    p.add_argument("--project", required=True, help=t("arg.project"))
    p.add_argument("--stage", required=True, choices=["plan", "completion"], help=t("arg.stage"))
    p.add_argument("--out", required=True, help=t("arg.out"))
    _period_args(p)
    p.set_defaults(func=cmd_project)

    p = nsub.add_parser("list", parents=[common], help=t("cmd.notice.list"))
    p.add_argument("--village", help=t("arg.village"))
    p.add_argument("--project", help=t("arg.project"))
    p.add_argument("--year", type=int, help=t("arg.year"))
    p.set_defaults(func=cmd_list)

    p = nsub.add_parser("show", parents=[common], help=t("cmd.notice.show"))
    p.add_argument("id", help=t("arg.notice_id"))
    p.set_defaults(func=cmd_show)

    p = nsub.add_parser("reprint", parents=[common], help=t("cmd.notice.reprint"))
    p.add_argument("id", help=t("arg.notice_id"))
    p.add_argument("--out", required=True, help=t("arg.out"))
    p.set_defaults(func=cmd_reprint)

    p = nsub.add_parser("verify", parents=[common], help=t("cmd.notice.verify"))
    p.add_argument("id", nargs="?", help=t("arg.notice_id"))
    p.add_argument("--hash", help=t("arg.hash"))
    p.add_argument("--qr", help=t("arg.qr"))
    p.set_defaults(func=cmd_verify)

    p = nsub.add_parser("withdraw", parents=[common], help=t("cmd.notice.withdraw"))
    p.add_argument("id", help=t("arg.notice_id"))
    p.add_argument("--reason", required=True, help=t("arg.reason"))
    p.set_defaults(func=cmd_withdraw)

    p = nsub.add_parser("photo", parents=[common], help=t("cmd.notice.photo"))
    p.add_argument("id", help=t("arg.notice_id"))
    p.add_argument("file", help=t("arg.photo"))
    p.set_defaults(func=cmd_photo)

    p = nsub.add_parser("objection", parents=[common], help=t("cmd.notice.objection"))
    p.add_argument("id", help=t("arg.notice_id"))
    p.add_argument("--date", type=_date, help=t("arg.date"))
    p.add_argument("--channel", required=True, help=t("arg.channel"))
    p.add_argument("--summary", required=True, help=t("arg.summary"))
    p.add_argument("--resolution", default="", help=t("arg.resolution"))
    p.set_defaults(func=cmd_objection)

    p = nsub.add_parser("resolve", parents=[common], help=t("cmd.notice.resolve"))
    p.add_argument("id", help=t("arg.objection_id"))
    p.add_argument("--resolution", required=True, help=t("arg.resolution"))
    p.add_argument("--date", type=_date, help=t("arg.date"))
    p.set_defaults(func=cmd_resolve)

    p = nsub.add_parser("close", parents=[common], help=t("cmd.notice.close"))
    p.add_argument("id", help=t("arg.notice_id"))
    p.set_defaults(func=cmd_close)

    p = sub.add_parser("print", parents=[common], help=t("cmd.print"), description=t("cmd.print"))
    p.add_argument("kind", choices=["card", "mingbai", "visit-sheet"], help=t("arg.print_kind"))
    p.add_argument("--household", help=t("arg.household"))
    p.add_argument("--village", help=t("arg.print_village"))
    p.add_argument("--year", type=int, help=t("arg.income_year"))
    p.add_argument("--out", required=True, help=t("arg.out"))
    p.set_defaults(func=cmd_print)


register = register_commands


def _options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {"period_start": args.start, "period_end": args.end, "issuer": args.issuer,
                            "local_hotline": args.hotline, "title": args.title, "paper": args.paper}
    return {k: v for k, v in opts.items() if v is not None}


def _report_issued(result: Any) -> None:
    print(t("cli.notice.issued", path=result.path, pages=result.pages, kb=(result.size + 1023) // 1024,
            id=result.notice_id, hash=result.content_hash))


def cmd_household(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.reports import notices as rep
    from app.services import notices as svc

    codes = [c.strip() for c in args.village.split(",") if c.strip()]
    opts = _options(args)
    if args.with_id:
        opts["include_id"] = True
    if args.out_dir is None and (args.out is None or len(codes) != 1):
        raise BangfuError("cli.notice.need_out")
    with open_db(args) as db:
        if args.out_dir is None:
            village = svc.village_by_code(db, codes[0])
            draft = svc.prepare_household_notice(db, village.id, args.kind, args.year, **opts)
            if args.preview:
                return _write_preview(db, draft, Path(args.out))
            _report_issued(rep.issue_to_file(db, draft, args.out))
            return 0

        def progress(i: int, n: int, code: str) -> None:
            if code:
                print(t("cli.notice.batch_one", i=i + 1, n=n, code=code), file=sys.stderr)

        result = rep.batch_household_notices(db, codes, args.kind, args.year, Path(args.out_dir),
                                             combined=args.combined, skip_empty=args.skip_empty, progress=progress,
                                             **opts)
        for code, message in result.skipped:
            print(t("cli.notice.skipped", code=code, message=message))
        for issued in result.files:
            _report_issued(issued)
        if result.combined:
            print(t("cli.notice.combined", path=result.combined))
    return 0


def _write_preview(db: Any, draft: Any, out: Path) -> int:
    from app.reports.common import write_atomic
    from app.reports.notices import preview

    data, pages = preview(db, draft)
    write_atomic(out, data)
    print(t("cli.notice.previewed", path=out, pages=pages))
    return 0


def cmd_project(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.reports import notices as rep
    from app.services import notices as svc

    opts = _options(args)
    with open_db(args) as db:
        draft = svc.prepare_project_notice(db, args.project, args.stage, **opts)
        if args.preview:
            return _write_preview(db, draft, Path(args.out))
        _report_issued(rep.issue_to_file(db, draft, args.out))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.codes import code_list
    from app.services import notices as svc

    with open_db(args) as db:
        village_id = svc.village_by_code(db, args.village).id if args.village else None
        rows = svc.notice_history(db, village_id=village_id, project_id=args.project, year=args.year)
    if not rows:
        print(t("cli.notice.none"))
        return 0
    status = code_list("notice_status")
    for n in rows:
        print(f"{n.id}\t{n.period_start.isoformat()}~{n.period_end.isoformat()}\t{status.label(n.status)}\t{n.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.codes import code_list
    from app.services import notices as svc

    with open_db(args) as db:
        detail = svc.notice_detail(db, args.id)
    n = detail.notice
    print(t("cli.notice.detail", title=n.title, id=n.id, status=code_list("notice_status").label(n.status),
            start=n.period_start.isoformat(), end=n.period_end.isoformat(), issuer=n.issuer,
            issued_at=n.issued_at.isoformat(timespec="minutes") if n.issued_at else "—", issued_by=n.issued_by or "—",
            hash=n.content_hash or "—", photos=len(n.photo_sha256s), objections=len(detail.objections),
            open=detail.open_objections))
    channels = code_list("objection_channel")
    for view in detail.objections:
        o = view.objection
        print(t("cli.notice.objection_line", id=o.id, date=o.received_on.isoformat(), channel=channels.label(o.channel),
                summary=o.summary, late=t("cli.notice.late") if view.late else ""))
        if o.resolution:
            print(t("cli.notice.resolution_line", date=o.received_on.isoformat(), text=o.resolution))
        for r in view.resolutions:
            print(t("cli.notice.resolution_line", date=r.received_on.isoformat(), text=r.resolution))
    return 0


def cmd_reprint(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.reports import notices as rep

    with open_db(args) as db:
        _report_issued(rep.reprint(db, args.id, args.out))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services import notices as svc

    notice_id, claimed = args.id, args.hash
    if args.qr:
        notice_id, claimed = svc.parse_qr_payload(args.qr)
    if not notice_id:
        raise BangfuError("notice.bad_qr")
    with open_db(args) as db:
        notice = svc.verify_notice(db, notice_id, claimed)
    print(t("cli.notice.verified", id=notice.id, hash=notice.content_hash))
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services import notices as svc

    with open_db(args) as db:
        svc.withdraw(db, args.id, args.reason)
    print(t("cli.notice.withdrawn", id=args.id))
    return 0


def cmd_photo(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services import notices as svc

    try:
        data = Path(args.file).read_bytes()
    except OSError:
        raise BangfuError("fieldwork.photo_invalid") from None
    with open_db(args) as db:
        sha = svc.attach_photo(db, args.id, data)
    print(t("cli.notice.photo_added", sha=sha))
    return 0


def cmd_objection(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services import notices as svc

    with open_db(args) as db:
        row = svc.log_objection(db, args.id, args.date or date.today(), args.channel, args.summary, args.resolution)
    print(t("cli.notice.objection_added", id=row.id))
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services import notices as svc

    with open_db(args) as db:
        row = svc.resolve_objection(db, args.id, args.resolution, args.date or date.today())
    print(t("cli.notice.resolved", id=row.id))
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services import notices as svc

    with open_db(args) as db:
        result = svc.record_on_requests(db, args.id)
    for request_id, message in result.skipped:
        print(t("cli.notice.close_skipped", id=request_id, message=message))
    print(t("cli.notice.closed", n=len(result.recorded)))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.reports.cards import render_cards

    keys = [k.strip() for k in (args.household or "").split(",") if k.strip()]
    with open_db(args) as db:
        result = render_cards(db, args.kind, args.out, household_keys=keys, village_code=args.village, year=args.year)
    print(t("cli.print.done", path=result.path, households=result.households, pages=result.pages))
    return 0
