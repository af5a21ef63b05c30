"""``bangfu training``: open the desktop app on the training sandbox (never the real database).

The sandbox sits in the ``training`` folder beside the database named by ``--db``; ``--scenario``
picks (or switches to) a scenario, ``--reset`` starts it afresh, ``--serve-demo-server`` runs a demo
county server on 127.0.0.1 for the sync lesson, ``--no-gui`` only prepares (and serves).
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import Any

from app.i18n import register as register_messages
from app.i18n import t

register_messages({
    "cmd.training": ("培训模式：在独立的沙盒数据库（虚构数据）中练习，正式数据不受影响",
                     "training mode: practise in a separate sandbox database of fictional data; real data is untouched"),
    "cmd.training.scenario": ("培训场景：{choices}", "training scenario: {choices}"),
    "cmd.training.reset": ("把沙盒恢复到干净的初始状态（重新生成）", "reset the sandbox to a clean start (generate it again)"),
    "cmd.training.serve": ("同时在本机启动演示县服务器（只接受培训数据库）",
                           "also run a local demo county server (it accepts training databases only)"),
    "cmd.training.no_gui": ("不打开桌面程序（只准备沙盒，或只运行演示服务器）",
                            "do not open the desktop app (only prepare the sandbox, or only serve)"),
    "cmd.training.list": ("列出培训场景", "list the training scenarios"),
    "cmd.training.sandbox": ("培训沙盒：{path}", "Training sandbox: {path}"),
    "cmd.training.scenario_now": ("场景：{title}", "Scenario: {title}"),
    "cmd.training.preparing": ("正在生成培训数据……", "Generating the training data…"),
    "cmd.training.server": ("演示县服务器：{url}（按 Ctrl+C 停止）", "Demo county server: {url} (Ctrl+C stops it)"),
    "cmd.training.seeded": ("已在演示服务器登记本沙盒，并上传 {seeded} 条记录",
                            "The sandbox is enrolled with the demo server; {seeded} records handed over"),
})


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from app.training import SCENARIO_NAMES

    p = sub.add_parser("training", parents=[common], help=t("cmd.training"), description=t("cmd.training"))
    p.add_argument("--scenario", choices=SCENARIO_NAMES, help=t("cmd.training.scenario", choices=", ".join(SCENARIO_NAMES)))
    p.add_argument("--reset", action="store_true", help=t("cmd.training.reset"))
    p.add_argument("--serve-demo-server", action="store_true", help=t("cmd.training.serve"))
    p.add_argument("--no-gui", action="store_true", help=t("cmd.training.no_gui"))
    p.add_argument("--list", action="store_true", help=t("cmd.training.list"))
    p.set_defaults(func=cmd_training)


def cmd_training(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    """``stop`` (tests) ends a ``--no-gui --serve-demo-server`` run instead of Ctrl+C."""
    from app import training

    if args.list:
        for sc in training.SCENARIOS:
            print(f"{sc.name}\t{training.scenario_title(sc.name)}\n    {training.scenario_description(sc.name)}")
        return 0
    real = Path(args.db)
    path = training.sandbox_path(real)
    if args.reset or training.sandbox_info(path, real) is None:
        print(t("cmd.training.preparing"), flush=True)
    if args.reset:
        sandbox = training.reset_training(args.scenario, path, real)
    else:
        sandbox = training.ensure_sandbox(args.scenario, path, real)
    print(t("training.banner"))
    print(t("cmd.training.sandbox", path=sandbox.path))
    print(t("cmd.training.scenario_now", title=training.scenario_title(sandbox.scenario)))
    print(t("training.credentials", user=sandbox.user, passphrase=sandbox.passphrase), flush=True)
    server = None
    if args.serve_demo_server:
        from server.training_demo import serve_for_sandbox

        db = training.open_sandbox(sandbox)
        try:
            server, done = serve_for_sandbox(db, sandbox.folder)
        finally:
            db.close()
        print(t("cmd.training.server", url=server.url))
        if done["enrolled"]:
            print(t("cmd.training.seeded", seeded=done["seeded"]), flush=True)
    try:
        if not args.no_gui:
            return _run_gui(args, sandbox)
        if server is not None:
            (stop or threading.Event()).wait()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        if server is not None:
            server.stop()


def _run_gui(args: argparse.Namespace, sandbox: Any) -> int:
    """The desktop app on the sandbox, signed in as the trainee (the well-known sign-in printed
    above; the app takes BANGFU_USER/BANGFU_PASSPHRASE instead of asking, as the CLI does)."""
    import os

    from app.cli import start_gui

    os.environ["BANGFU_USER"], os.environ["BANGFU_PASSPHRASE"] = sandbox.user, sandbox.passphrase
    return start_gui(args, Path(sandbox.path))
