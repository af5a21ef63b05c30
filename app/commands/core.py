"""Core commands: search, audit verify, backup, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.i18n import register as register_messages
from app.i18n import t

register_messages({
    "cmd.search": ("按姓名、拼音、证件号或户编号搜索农户", "search households by name, pinyin, ID digits or household number"),
    "cmd.search.query": ("搜索内容，如 zs、张三、1234", "what to look for, e.g. zs, zhangsan, 1234"),
    "cmd.search.none": ("没有找到匹配的农户", "No matching household"),
    "cmd.search.limit": ("最多显示多少户", "show at most this many households"),
    "cmd.audit": ("审计日志", "audit trail"),
    "cmd.audit.verify": ("校验审计日志是否被篡改", "verify the audit trail was not tampered with"),
    "cmd.audit.ok": ("审计日志完整：共 {count} 条，未发现篡改", "Audit trail intact: {count} entries, no tampering found"),
    "cmd.audit.problem": ("第 {seq} 条：{kind}", "entry {seq}: {kind}"),
    "cmd.audit.bad": ("审计日志发现 {count} 处问题", "The audit trail has {count} problem(s)"),
    "audit.kind.changed": ("内容被修改", "content changed"),
    "audit.kind.removed": ("条目被删除", "entries removed"),
    "audit.kind.reordered": ("顺序被调整", "entries reordered"),
    "cmd.backup": ("立即备份数据库（加密）", "back up the database now (encrypted)"),
    "cmd.backup.out": ("备份文件路径（默认在 backups 目录并自动轮换）", "backup file (default: rotating copies in backups/)"),
    "cmd.backup.done": ("已备份到 {path}", "Backed up to {path}"),
    "cmd.restore": ("用备份替换当前数据库（当前文件会保留一份）", "replace the database with a backup (the current file is kept aside)"),
    "cmd.restore.file": ("备份文件", "backup file"),
    "cmd.restore.done": ("已恢复；原数据库保存在 {aside}", "Restored; the previous database was kept as {aside}"),
    "cmd.backups.list": ("列出自动备份", "list the automatic backups"),
})


def register_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help=t("cmd.search"), description=t("cmd.search"))
    p.add_argument("query", help=t("cmd.search.query"))
    p.add_argument("--limit", type=int, default=20, help=t("cmd.search.limit"))
    p.set_defaults(func=cmd_search)

    audit = sub.add_parser("audit", help=t("cmd.audit"), description=t("cmd.audit"))
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    v = audit_sub.add_parser("verify", parents=[common], help=t("cmd.audit.verify"))
    v.set_defaults(func=cmd_audit_verify)

    b = sub.add_parser("backup", parents=[common], help=t("cmd.backup"), description=t("cmd.backup"))
    b.add_argument("--out", help=t("cmd.backup.out"))
    b.add_argument("--list", action="store_true", help=t("cmd.backups.list"))
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", parents=[common], help=t("cmd.restore"), description=t("cmd.restore"))
    r.add_argument("file", help=t("cmd.restore.file"))
    r.set_defaults(func=cmd_restore)


register = register_commands  # the discovery hook (module-level i18n registration ran above)


def cmd_search(args: argparse.Namespace) -> int:
    from sqlmodel import select

    from app.cli import open_db
    from app.codes import code_list
    from app.domain import Household, Village
    from app.services.search import find_households

    with open_db(args) as db:
        hits = find_households(db, args.query, limit=args.limit)
        if not hits:
            print(t("cmd.search.none"))
            return 0
        status = code_list("exit_status")
        with db.read() as s:
            rows = s.exec(select(Household, Village).join(Village).where(
                Household.id.in_([h.household_id for h in hits]))).all()  # type: ignore[attr-defined]
        by_id = {hh.id: (hh, v) for hh, v in rows}
        for hit in hits:
            hh, v = by_id[hit.household_id]
            print(f"{hh.hh_number}\t{hh.head_name}\t{v.township_name}{v.name}{hh.group_no}组\t"
                  f"{hh.size}\t{status.label(hh.exit_status)}")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.audit import verify

    with open_db(args) as db, db.read() as s:
        count, problems = verify(s)
    if not problems:
        print(t("cmd.audit.ok", count=count))
        return 0
    for problem in problems:
        print(t("cmd.audit.problem", seq=problem.seq, kind=t(f"audit.kind.{problem.kind}")))
    print(t("cmd.audit.bad", count=len(problems)), file=sys.stderr)
    return 3


def cmd_backup(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.audit import record_event
    from app.store.backup import backup, list_backups

    with open_db(args) as db:
        if args.list:
            for path in list_backups(db.path):
                print(path)
            return 0
        target = backup(db, Path(args.out) if args.out else None)
        record_event(db, "store.backup", "database", db.path.name, {"file": target.name})
    print(t("cmd.backup.done", path=target))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.cli import credentials
    from app.store.backup import restore
    from app.store.keyslots import SlotFile

    db_path = Path(args.db)
    user, passphrase = credentials(args)
    _slot, key = SlotFile.load(db_path).unlock(user, passphrase)
    aside = restore(db_path, Path(args.file), key)
    print(t("cmd.restore.done", aside=aside))
    return 0
