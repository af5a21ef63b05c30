"""``bangfu --self-test``: prove an installation works end to end, with no display needed.

Opens a temporary encrypted database, creates demo data, runs a search, writes a notice PDF,
checks it, and exits 0 — from the source tree and from the PyInstaller bundle alike.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from app.i18n import register, t

register({
    "selftest.step": ("自检：{step} …… 通过（{ms} 毫秒）", "self-test: {step} … ok ({ms} ms)"),
    "selftest.failed": ("自检失败：{step}：{error}", "self-test failed: {step}: {error}"),
    "selftest.ok": ("自检全部通过", "self-test passed"),
    "selftest.create": ("创建加密数据库", "open encrypted database"),
    "selftest.demo": ("生成演示数据", "demo data"),
    "selftest.search": ("拼音搜索", "pinyin search"),
    "selftest.notice": ("生成公示PDF", "notice PDF"),
    "selftest.reopen": ("重新打开并校验", "reopen and verify"),
})

HOUSEHOLDS = 200


def run_self_test() -> int:
    os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
    with tempfile.TemporaryDirectory(prefix="bangfu-selftest-") as tmp:
        state: dict[str, object] = {}
        steps = [
            ("selftest.create", lambda: _create(Path(tmp), state)),
            ("selftest.demo", lambda: _demo(state)),
            ("selftest.search", lambda: _search(state)),
            ("selftest.notice", lambda: _notice(Path(tmp), state)),
            ("selftest.reopen", lambda: _reopen(state)),
        ]
        for name, step in steps:
            start = time.perf_counter()
            try:
                step()
            except Exception as exc:  # report any failure as a failed self-test, never a traceback
                print(t("selftest.failed", step=t(name), error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
                return 1
            print(t("selftest.step", step=t(name), ms=round((time.perf_counter() - start) * 1000)))
    print(t("selftest.ok"))
    return 0


def _create(folder: Path, state: dict[str, object]) -> None:
    from app.store.database import create_database

    state["path"] = folder / "selftest.db"
    state["db"] = create_database(folder / "selftest.db", "selftest", "selftest-passphrase")


def _demo(state: dict[str, object]) -> None:
    from app.demo import generate

    generate(state["db"], households=HOUSEHOLDS, seed=1)  # type: ignore[arg-type]


def _search(state: dict[str, object]) -> None:
    from app.services.search import find_households

    db = state["db"]
    with db.read() as s:  # type: ignore[attr-defined]
        name = s.connection().connection.driver_connection.execute(
            "SELECT name FROM member WHERE relation='01' LIMIT 1").fetchone()[0]
    from app.store.search import pinyin_forms

    initials = min(f for f in pinyin_forms(name) if len(f) == len(name))
    if not find_households(db, initials):  # type: ignore[arg-type]
        raise RuntimeError("search found nothing")


def _notice(folder: Path, state: dict[str, object]) -> None:
    from app.reports.notices import render_household_notice

    db = state["db"]
    with db.read() as s:  # type: ignore[attr-defined]
        raw = s.connection().connection.driver_connection
        code, year = raw.execute(
            "SELECT v.code, e.year FROM lifecycle_event e JOIN household h ON h.id = e.household_id "
            "JOIN village v ON v.id = h.village_id WHERE e.kind = '02' GROUP BY v.code, e.year "
            "ORDER BY count(*) DESC LIMIT 1").fetchone()
    out = folder / "notice.pdf"
    render_household_notice(db, code, "exit", year, out)
    data = out.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 2000:
        raise RuntimeError("notice PDF is not valid")


def _reopen(state: dict[str, object]) -> None:
    from app.store.database import open_database

    state["db"].close()  # type: ignore[attr-defined]
    db = open_database(state["path"], "selftest", "selftest-passphrase", backup=False)  # type: ignore[arg-type]
    db.close()
