"""``bangfu-server``: run and administer the county sync server.

The database is an embedded SQLite file in the data directory unless ``--db-url`` names another
(PostgreSQL in production). Every command works on the database only, so it can run beside
running server instances.
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

import server.messages  # noqa: F401
from app.errors import BangfuError
from app.i18n import set_language, t
from server.db import ServerDB, sqlite_url, upgrade

ATTACHMENT_CAP_MB = 200  # = server.bundles.ATTACHMENT_CAP, kept here so the parser needs no heavy imports

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765


def data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return Path(args.data_dir)
    env = os.environ.get("BANGFU_SERVER_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir("bangfu-server", appauthor=False))


def db_url(args: argparse.Namespace) -> str:
    if args.db_url:
        return str(args.db_url)
    env = os.environ.get("BANGFU_SERVER_DB_URL")
    if env:
        return env
    folder = data_dir(args)
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_url(folder / "server.db")


def open_db(args: argparse.Namespace) -> ServerDB:
    db = ServerDB(db_url(args))
    upgrade(db)
    return db


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def cmd_init(args: argparse.Namespace) -> int:
    db = open_db(args)
    where = db.url if not db.is_sqlite else db.url.removeprefix("sqlite:///")
    print(t("server.initialised", where=where.split("@")[-1]))
    db.dispose()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    app = create_app(db_url(args))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    print(t("server.serving", host=args.host, port=args.port), flush=True)
    uvicorn.run(app, host=args.host, port=args.port, access_log=False, log_level="warning",
                timeout_keep_alive=15)
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from server.auth import issue_enrollment

    db = open_db(args)
    try:
        code, row = issue_enrollment(db, _codes(args.villages), args.role, args.hours, args.label)
    except ValueError as exc:
        print(t("server.bad_input", what=str(exc)), file=sys.stderr)
        return 2
    print(t("server.enroll_code", code=code, role=row.role, villages=",".join(row.villages) or "*",
            expires=row.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from server.auth import list_devices, revoke

    db = open_db(args)
    if args.action == "revoke":
        if not args.id or not revoke(db, args.id):
            print(t("server.no_such_device", id=args.id or ""), file=sys.stderr)
            return 1
        print(t("server.revoked", id=args.id))
        return 0
    devices = list_devices(db)
    if not devices:
        print(t("server.no_devices"))
    for d in devices:
        state = t("server.device_active") if d.revoked_at is None else t(
            "server.device_revoked", at=d.revoked_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        print(t("server.device_row", id=d.id, role=d.role, villages=",".join(d.villages) or "*", state=state,
                name=d.name))
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    from server.county import add_user, list_users, set_user_active

    db = open_db(args)
    if args.action == "add":
        if not args.name or args.role not in ("village", "township", "county"):
            print(t("server.bad_input", what="--name/--role"), file=sys.stderr)
            return 2
        user = add_user(db, args.name, args.role, _codes(args.villages or ""), args.unit or "", args.phone or "")
        print(t("server.user_added", id=user.id))
        return 0
    if args.action in ("disable", "enable"):
        if not args.id or not set_user_active(db, args.id, args.action == "enable"):
            print(t("server.no_such_user", id=args.id or ""), file=sys.stderr)
            return 1
        return 0
    for u in list_users(db):
        state = t("server.user_active") if u.active else t("server.user_inactive")
        print(t("server.user_row", id=u.id, name=u.name, role=u.role, villages=",".join(u.villages), state=state))
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from server.bundles import import_bundle

    db = open_db(args)
    data = Path(args.file).read_bytes()
    cap = args.attachment_cap_mb * 1024 * 1024
    answer, counts = import_bundle(db, data, attachment_cap=cap)
    out = Path(args.out) if args.out else Path(args.file).with_suffix(".return.bfb")
    tmp = out.with_suffix(out.suffix + ".part")
    tmp.write_bytes(answer)
    tmp.replace(out)
    print(t("server.bundle_imported", out=out, sent=counts["attachments_sent"],
            **{k: counts[k] for k in ("batches", "ops", "attachments")}))
    if counts["attachments_deferred"]:
        print(t("server.bundle_deferred", deferred=counts["attachments_deferred"], cap_mb=args.attachment_cap_mb))
    return 0


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from server.bundles import export_bundle

    db = open_db(args)
    counts: dict[str, int] = {}
    data = export_bundle(db, args.device, args.since, attachment_cap=args.attachment_cap_mb * 1024 * 1024,
                         counts=counts)
    out = Path(args.out)
    tmp = out.with_suffix(out.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    print(t("server.bundle_exported", out=out, sent=counts["attachments_sent"]))
    if counts["attachments_deferred"]:
        print(t("server.bundle_deferred", deferred=counts["attachments_deferred"], cap_mb=args.attachment_cap_mb))
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    from server.county import CountyError, decide_request

    db = open_db(args)
    decision = "rejected" if args.reject else "approved"
    try:
        decide_request(db, args.request_id, decision, args.user or "county", args.note or "")
    except CountyError as exc:
        print(t("server.decide_error", code=exc.code), file=sys.stderr)
        return 1
    print(t("server.decided", id=args.request_id, decision=decision))
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    from server.county import CountyError, list_reference, set_code_list, set_poverty_line, set_setting

    db = open_db(args)
    try:
        if args.action == "setting":
            seq = set_setting(db, args.key, args.value)
        elif args.action == "poverty-line":
            seq = set_poverty_line(db, args.year, args.province or "", args.yuan)
        elif args.action == "code-list":
            with Path(args.file).open(encoding="utf-8-sig", newline="") as fh:
                rows = [{k.strip(): (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]
            seq = set_code_list(db, args.name, rows)
        else:
            for r in list_reference(db):
                print(t("server.reference_row", kind=r.kind, key=r.key, value=r.value if r.kind != "code_list"
                        else f"[{len(r.value or [])}]"))
            return 0
    except (CountyError, ValueError) as exc:
        print(t("server.bad_input", what=getattr(exc, "code", str(exc))), file=sys.stderr)
        return 2
    print(t("server.reference_set", seq=seq))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from server.county import list_conflicts

    db = open_db(args)
    rows = list_conflicts(db, open_only=not args.all)
    if not rows:
        print(t("server.no_conflicts"))
    for c in rows:
        print(t("server.conflict_row", at=c.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), entity=c.entity,
                field=c.field, entity_id=c.entity_id, device=c.device_id[:8]))
    return 0


def build_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--data-dir", help=t("server.help_data_dir"))
    top.add_argument("--db-url", help=t("server.help_db_url"))
    # Given again after the command, the options must not reset what was given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=t("server.help_data_dir"))
    common.add_argument("--db-url", default=argparse.SUPPRESS, help=t("server.help_db_url"))
    parser = argparse.ArgumentParser(prog="bangfu-server", description=t("server.description"), parents=[top])
    parser.add_argument("--lang")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", parents=[common], help="create or upgrade the database, make the server keys")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    p.add_argument("--host", default=DEFAULT_HOST)
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("enroll", parents=[common], help="issue a one-time enrollment code")
    p.add_argument("--villages", required=True, help="CODE[,CODE…]: 12-digit villages (or 9/6-digit prefixes)")
    p.add_argument("--role", choices=("village", "township", "county"), default="village")
    p.add_argument("--hours", type=float, default=72.0, help="validity (default 72)")
    p.add_argument("--label", default="")
    p.set_defaults(func=cmd_enroll)
    p = sub.add_parser("devices", parents=[common], help="list or revoke devices")
    p.add_argument("action", choices=("list", "revoke"))
    p.add_argument("id", nargs="?")
    p.set_defaults(func=cmd_devices)
    p = sub.add_parser("users", parents=[common], help="the task-force roster")
    p.add_argument("action", choices=("list", "add", "disable", "enable"))
    p.add_argument("id", nargs="?")
    p.add_argument("--name")
    p.add_argument("--role", default="village")
    p.add_argument("--villages")
    p.add_argument("--unit")
    p.add_argument("--phone")
    p.set_defaults(func=cmd_users)
    p = sub.add_parser("import-bundle", parents=[common], help="apply a laptop's offline bundle")
    p.add_argument("file")
    p.add_argument("--out", help="return bundle (default: FILE.return.bfb)")
    p.add_argument("--attachment-cap-mb", type=int, default=ATTACHMENT_CAP_MB,
                   help="most MB of photos/signed sheets in the return bundle (the rest wait)")
    p.set_defaults(func=cmd_import_bundle)
    p = sub.add_parser("export-bundle", parents=[common], help="a return bundle with a device's data")
    p.add_argument("--device", required=True)
    p.add_argument("--since", type=int, default=0)
    p.add_argument("--out", required=True)
    p.add_argument("--attachment-cap-mb", type=int, default=ATTACHMENT_CAP_MB,
                   help="most MB of photos/signed sheets in the return bundle (the rest wait)")
    p.set_defaults(func=cmd_export_bundle)
    p = sub.add_parser("approve", parents=[common], help="approve (or --reject) a lifecycle request")
    p.add_argument("request_id")
    p.add_argument("--reject", action="store_true")
    p.add_argument("--user")
    p.add_argument("--note")
    p.set_defaults(func=cmd_approve)
    p = sub.add_parser("reference", parents=[common], help="publish code lists, poverty lines, settings")
    p.add_argument("action", choices=("list", "setting", "poverty-line", "code-list"))
    p.add_argument("--key")
    p.add_argument("--value")
    p.add_argument("--year", type=int)
    p.add_argument("--province")
    p.add_argument("--yuan")
    p.add_argument("--name")
    p.add_argument("--file")
    p.set_defaults(func=cmd_reference)
    p = sub.add_parser("conflicts", parents=[common], help="conflicts kept for review")
    p.add_argument("--all", action="store_true")
    p.set_defaults(func=cmd_conflicts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            set_language(argv[i + 1])
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BangfuError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
