"""``bangfu init`` and ``bangfu user add|remove|passwd|role|list``: the laptop's users.

The acting user signs in as for every command (``--user`` / BANGFU_USER, BANGFU_PASSPHRASE or a
prompt). A *new* passphrase (for ``user add`` and ``user passwd``) comes from
BANGFU_NEW_PASSPHRASE or is asked twice without echo.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from app.errors import BangfuError
from app.i18n import register, t

register({
    "cli.init.help": ("创建新的加密数据库及第一位用户", "create a new encrypted database and its first user"),
    "cli.init.done": ("已创建数据库 {path}（用户“{name}”，角色：{role}）", "Created database {path} (user '{name}', role: {role})"),
    "cli.help_role": ("角色：village（村级工作队员）、township（乡镇）、trainer（培训师）、county（县级）",
                      "role: village, township, trainer or county"),
    "cli.help_training": ("创建培训用数据库（不能与正式服务器同步）", "create a training database (never syncs with a real server)"),
    "cli.user.help": ("管理本机用户：添加、删除、修改口令、角色", "manage this laptop's users: add, remove, passphrase, role"),
    "cli.user.add": ("添加用户", "add a user"),
    "cli.user.remove": ("删除用户（保留其历史记录）", "remove a user (their history stays)"),
    "cli.user.passwd": ("修改口令（自己的需原口令；他人的为重置）", "change a passphrase (your own needs the current one; another's is a reset)"),
    "cli.user.role": ("更改用户角色", "change a user's role"),
    "cli.user.list": ("列出用户", "list users"),
    "cli.help_name": ("用户名", "user name"),
    "cli.prompt_new_passphrase": ("新口令：", "New passphrase: "),
    "cli.prompt_old_passphrase": ("原口令：", "Current passphrase: "),
    "cli.user.added": ("已添加用户“{name}”（{role}）", "Added user '{name}' ({role})"),
    "cli.user.removed": ("已删除用户“{name}”", "Removed user '{name}'"),
    "cli.user.passwd_done": ("已更改用户“{name}”的口令", "Changed the passphrase of '{name}'"),
    "cli.user.role_done": ("用户“{name}”的角色已改为 {role}", "The role of '{name}' is now {role}"),
    "cli.user.current": ("（当前）", "(you)"),
})


def _new_passphrase() -> str:
    value = os.environ.get("BANGFU_NEW_PASSPHRASE")
    if value is not None:
        return value
    first = getpass.getpass(t("cli.prompt_new_passphrase"))
    if getpass.getpass(t("cli.prompt_passphrase_again")) != first:
        raise BangfuError("cli.passphrase_mismatch")
    return first


def _role_label(role: str) -> str:
    from app.services.permissions import role_label

    return role_label(role)


def cmd_init(args: argparse.Namespace) -> int:
    from app.cli import credentials
    from app.store.database import create_database
    from app.validation import check_role

    check_role(args.role)
    name, passphrase = credentials(args, confirm=True)
    db = create_database(Path(args.db), name, passphrase, role=args.role, training=args.training)
    db.close()
    print(t("cli.init.done", path=args.db, name=name.strip(), role=_role_label(args.role)))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.users import add_user

    with open_db(args) as db:
        info = add_user(db, args.name, _new_passphrase(), role=args.role)
    print(t("cli.user.added", name=info.name, role=_role_label(info.role)))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.users import remove_user

    with open_db(args) as db:
        remove_user(db, args.name)
    print(t("cli.user.removed", name=args.name.strip()))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.users import change_passphrase

    with open_db(args) as db:
        name = args.name or db.actor.name
        own = db.slots.find(name) is not None and db.slots.find(name).user_id == db.actor.user_id  # type: ignore[union-attr]
        old = None
        if own:
            old = os.environ.get("BANGFU_PASSPHRASE") or getpass.getpass(t("cli.prompt_old_passphrase"))
        change_passphrase(db, name, _new_passphrase(), old_passphrase=old)
    print(t("cli.user.passwd_done", name=name.strip()))
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.users import set_role

    with open_db(args) as db:
        set_role(db, args.name, args.role)
    print(t("cli.user.role_done", name=args.name.strip(), role=_role_label(args.role)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.cli import open_db
    from app.services.users import list_users

    with open_db(args) as db:
        for info in list_users(db):
            mark = " " + t("cli.user.current") if info.is_current else ""
            print(f"{info.name}\t{_role_label(info.role)}{mark}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    from app.codes import code_list

    roles = code_list("role").codes()
    init = sub.add_parser("init", parents=[common], help=t("cli.init.help"), description=t("cli.init.help"))
    init.add_argument("--role", default="village", choices=roles, help=t("cli.help_role"))
    init.add_argument("--training", action="store_true", help=t("cli.help_training"))
    init.set_defaults(func=cmd_init)

    user = sub.add_parser("user", help=t("cli.user.help"), description=t("cli.user.help"))
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help=t("cli.user.add"))
    add.add_argument("name", help=t("cli.help_name"))
    add.add_argument("--role", default="village", choices=roles, help=t("cli.help_role"))
    add.set_defaults(func=cmd_add)
    remove = actions.add_parser("remove", parents=[common], help=t("cli.user.remove"))
    remove.add_argument("name", help=t("cli.help_name"))
    remove.set_defaults(func=cmd_remove)
    passwd = actions.add_parser("passwd", parents=[common], help=t("cli.user.passwd"))
    passwd.add_argument("name", nargs="?", help=t("cli.help_name"))
    passwd.set_defaults(func=cmd_passwd)
    role = actions.add_parser("role", parents=[common], help=t("cli.user.role"))
    role.add_argument("name", help=t("cli.help_name"))
    role.add_argument("role", choices=roles, help=t("cli.help_role"))
    role.set_defaults(func=cmd_role)
    lister = actions.add_parser("list", parents=[common], help=t("cli.user.list"))
    lister.set_defaults(func=cmd_list)
