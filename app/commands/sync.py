"""``bangfu sync``: sync with the county server, enroll, offline bundles, conflicts, quarantine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import app.sync.messages  # noqa: F401
from app.i18n import register as register_messages
from app.i18n import t

EXIT_OK, EXIT_ERROR = 0, 1

register_messages({
    "cli.sync_help": ("与县服务器同步（推送本机修改、接收他人修改）", "Sync with the county server (send this laptop's changes, receive others')"),
    "cli.sync_server": ("县服务器地址，如 http://10.1.2.3:8765（默认：登记时的地址）",
                        "county server address, e.g. http://10.1.2.3:8765 (default: the one enrolled with)"),
    "cli.sync_enroll_help": ("用县里发的一次性登记码登记本机", "Enroll this laptop with a one-time code from the county"),
    "cli.sync_enroll_code": ("登记码", "enrollment code"),
    "cli.sync_name": ("本机名称（默认：计算机名）", "this laptop's name (default: the computer name)"),
    "cli.sync_export_help": ("没有网络时：把待同步的修改写入加密同步包（U 盘带到乡镇）",
                             "No network: write the pending changes to an encrypted bundle (carry it to the township)"),
    "cli.sync_import_help": ("导入乡镇带回的回传包", "Import the return bundle brought back from the township"),
    "cli.sync_conflicts_help": ("列出或处理冲突", "List or resolve conflicts"),
    "cli.sync_quarantine_help": ("列出或处理被县服务器退回的修改", "List or handle changes the county server refused"),
    "cli.sync_status_help": ("同步状态", "Sync status"),
    "cli.sync_progress": ("{stage}：{done}/{total}", "{stage}: {done}/{total}"),
    "cli.sync_stage_push": ("上传修改", "sending changes"),
    "cli.sync_stage_upload": ("上传照片", "sending photos"),
    "cli.sync_stage_pull": ("接收修改", "receiving changes"),
    "cli.sync_stage_download": ("下载照片", "fetching photos"),
    "cli.sync_done": ("同步完成：上传 {applied} 条，冲突 {conflicts} 条，退回 {rejected} 条；接收 {pulled} 条；照片上传 {uploaded} 张；待同步 {pending} 条",
                      "Sync done: {applied} sent, {conflicts} conflicts, {rejected} refused; {pulled} received; {uploaded} photos sent; {pending} still pending"),
    "cli.sync_enrolled": ("登记成功：角色 {role}，范围 {villages}", "Enrolled: role {role}, scope {villages}"),
    "cli.sync_exported": ("同步包已写入 {out}：{batches} 批、{ops} 条修改、{attachments} 个附件",
                          "Bundle written to {out}: {batches} batches, {ops} changes, {attachments} attachments"),
    "cli.sync_imported": ("回传包已导入：答复 {answered} 条（冲突 {conflicts}，退回 {rejected}），接收 {pulled} 条，附件 {attachments} 个",
                          "Return bundle imported: {answered} answers ({conflicts} conflicts, {rejected} refused), {pulled} received, {attachments} attachments"),
    "cli.sync_import_deferred": ("还有 {deferred} 个照片或签字单超出了本回传包的容量，将随下一个回传包或下次联网同步送达",
                                 "{deferred} more photos or signed sheets did not fit in this return bundle; they come with the next bundle or the next network sync"),
    "cli.sync_conflict_row": ("{id}  {entity}/{field}  我方：{ours}  县里：{theirs}（{who}，{when}）",
                              "{id}  {entity}/{field}  ours: {ours}  county: {theirs} ({who}, {when})"),
    "cli.sync_no_conflicts": ("没有待处理的冲突", "No open conflicts"),
    "cli.sync_resolved": ("冲突已处理", "Conflict resolved"),
    "cli.sync_quarantine_row": ("{op_id}  {entity} {kind}  原因：{reason}", "{op_id}  {entity} {kind}  reason: {reason}"),
    "cli.sync_no_quarantine": ("没有被退回的修改", "No refused changes"),
    "cli.sync_retried": ("已重新排队：{op_id}", "Queued again: {op_id}"),
    "cli.sync_discarded": ("已放弃该修改，下次同步时恢复为县里的数据", "Change discarded; the county's data comes back at the next sync"),
    "cli.sync_status": ("服务器：{server}\n角色：{role}　范围：{villages}\n上次成功同步：{last_ok}\n待同步：{pending} 条　退回：{quarantined} 条　冲突：{conflicts} 条",
                        "Server: {server}\nRole: {role}  Scope: {villages}\nLast successful sync: {last_ok}\nPending: {pending}  Refused: {quarantined}  Conflicts: {conflicts}"),
    "cli.sync_never": ("从未", "never"),
    "cli.sync_last_error": ("上次错误：{message}", "Last error: {message}"),
})


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``bangfu sync`` and its actions."""
    p = sub.add_parser("sync", parents=[common], help=t("cli.sync_help"), description=t("cli.sync_help"))
    p.add_argument("--server", help=t("cli.sync_server"))
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_sync)
    inner = p.add_subparsers(dest="sync_command", metavar="ACTION")
    # The same options again after the action must not reset what was given before it.
    again = argparse.ArgumentParser(add_help=False)
    for action in common._actions:
        if action.option_strings:
            again.add_argument(*action.option_strings, dest=action.dest, help=action.help, default=argparse.SUPPRESS)
    common = again
    q = inner.add_parser("enroll", parents=[common], help=t("cli.sync_enroll_help"))
    q.add_argument("code", help=t("cli.sync_enroll_code"))
    q.add_argument("--server", required=True, help=t("cli.sync_server"))
    q.add_argument("--name", help=t("cli.sync_name"))
    q.set_defaults(func=cmd_enroll)
    q = inner.add_parser("export-bundle", parents=[common], help=t("cli.sync_export_help"))
    q.add_argument("--out", required=True)
    q.set_defaults(func=cmd_export)
    q = inner.add_parser("import-bundle", parents=[common], help=t("cli.sync_import_help"))
    q.add_argument("file")
    q.set_defaults(func=cmd_import)
    q = inner.add_parser("conflicts", parents=[common], help=t("cli.sync_conflicts_help"))
    q.add_argument("--resolve", metavar="ID")
    q.add_argument("--keep", choices=("theirs", "ours"), default="theirs")
    q.set_defaults(func=cmd_conflicts)
    q = inner.add_parser("quarantine", parents=[common], help=t("cli.sync_quarantine_help"))
    group = q.add_mutually_exclusive_group()
    group.add_argument("--retry", metavar="OP_ID")
    group.add_argument("--discard", metavar="OP_ID")
    q.set_defaults(func=cmd_quarantine)
    q = inner.add_parser("status", parents=[common], help=t("cli.sync_status_help"))
    q.set_defaults(func=cmd_status)


def _open(args: argparse.Namespace) -> Any:
    from app.cli import open_db
    from app.sync.reference import load_reference

    db = open_db(args)
    load_reference(db)
    return db


def cmd_sync(args: argparse.Namespace) -> int:
    from app.sync.client import sync

    def progress(stage: str, done: int, total: int) -> None:
        if not args.quiet:
            print(t("cli.sync_progress", stage=t(f"cli.sync_stage_{stage}"), done=done, total=total),
                  file=sys.stderr, flush=True)

    db = _open(args)
    try:
        report = sync(db, server=args.server, progress=progress)
    finally:
        db.close()
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    print(t("cli.sync_done", applied=report.applied, conflicts=report.conflicts, rejected=report.rejected,
            pulled=report.pulled, uploaded=report.uploaded, pending=report.pending))
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace) -> int:
    from app.sync.client import enroll

    db = _open(args)
    try:
        info = enroll(db, args.code, args.server, args.name)
    finally:
        db.close()
    print(t("cli.sync_enrolled", role=info["role"], villages=",".join(info["villages"]) or "*"))
    for line in info.get("messages", []):
        print(line)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.sync.bundle import export_bundle

    db = _open(args)
    try:
        counts = export_bundle(db, Path(args.out))
    finally:
        db.close()
    print(t("cli.sync_exported", out=args.out, **counts))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.sync.bundle import import_bundle

    db = _open(args)
    try:
        counts = import_bundle(db, Path(args.file))
    finally:
        db.close()
    print(t("cli.sync_imported", **counts))
    if counts["attachments_deferred"]:
        print(t("cli.sync_import_deferred", deferred=counts["attachments_deferred"]))
    return EXIT_OK


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def cmd_conflicts(args: argparse.Namespace) -> int:
    from app.fields import field_label
    from app.sync.conflicts import open_conflicts, resolve

    db = _open(args)
    try:
        if args.resolve:
            resolve(db, args.resolve, args.keep)
            print(t("cli.sync_resolved"))
            return EXIT_OK
        rows = open_conflicts(db)
        if not rows:
            print(t("cli.sync_no_conflicts"))
        for c in rows:
            when = c.their_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.their_at else "-"
            print(t("cli.sync_conflict_row", id=c.id, entity=c.entity, field=field_label(c.entity, c.field),
                    ours=_short(c.ours), theirs=_short(c.theirs), who=c.their_author or "-", when=when))
    finally:
        db.close()
    return EXIT_OK


def cmd_quarantine(args: argparse.Namespace) -> int:
    from app.sync import outbox

    db = _open(args)
    try:
        if args.retry:
            new = outbox.retry(db, args.retry)
            print(t("cli.sync_retried", op_id=new))
            return EXIT_OK
        if args.discard:
            outbox.discard(db, args.discard)
            print(t("cli.sync_discarded"))
            return EXIT_OK
        rows = outbox.quarantined(db)
        if not rows:
            print(t("cli.sync_no_quarantine"))
        for op in rows:
            print(t("cli.sync_quarantine_row", op_id=op.op_id, entity=op.entity, kind=op.kind,
                    reason=reject_reason(op.result_code)))
    finally:
        db.close()
    return EXIT_OK


def reject_reason(result_code: str) -> str:
    """Plain-language reason of a refused change (``code`` or ``code:field``)."""
    from app.fields import field_label

    code, _sep, field = (result_code or "invalid").partition(":")
    return t(f"sync.reject.{code}", field=field_label("", field) if field else "")


def cmd_status(args: argparse.Namespace) -> int:
    from app.sync.client import status

    db = _open(args)
    try:
        info = status(db)
    finally:
        db.close()
    print(t("cli.sync_status", server=info["server"] or "-", role=info["role"] or "-",
            villages=",".join(info["villages"]) or "-", last_ok=info["last_ok"] or t("cli.sync_never"),
            pending=info["pending"], quarantined=info["quarantined"], conflicts=info["conflicts"]))
    if info["last_error"]:
        print(t("cli.sync_last_error", message=t(info["last_error"], attempts="?", status="?")))
    return EXIT_OK
