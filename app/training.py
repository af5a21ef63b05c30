"""Training mode: a sandbox database filled by the demo generator, kept apart from the real one.

Trainers teach by doing (干中学、学中干): newcomers click through real screens on realistic
fictional data. That is only safe if nothing done in training can reach real data, so:

* the sandbox lives in its own folder, ``<data dir>/training/bangfu-training.db``; every function
  here refuses a path that is the real database's, or that is not inside a folder named
  ``training``, and only ever deletes files of that folder;
* it is created with ``training=True`` (sync_meta ``training`` = ``1``, ``db.is_training``), which
  the UI shows as a banner on every window and the reports stamp on every printed page;
* it syncs only with a *demo* county server (one that says ``demo: true`` in its ``/health``
  answer), and a demo server only with training databases (:func:`check_sync_allowed`, called by
  the sync client before it sends anything; the server checks the ``X-Bangfu-Training`` header
  again on its side);
* the trainee signs in with a well-known user and passphrase (shown on screen), so a trainer can
  reset the sandbox to a clean start in one call (:func:`reset_training`) and anyone can open it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import BangfuError
from app.i18n import register, t

TRAINING_FOLDER = "training"
SANDBOX_NAME = "bangfu-training.db"
SIDECAR_NAME = "sandbox.json"
DEMO_SERVER_NAME = "demo-server.db"
#: Header a training database sends on every sync request; a demo server requires it, a real one refuses it.
TRAINING_HEADER = "X-Bangfu-Training"


@dataclass(frozen=True)
class TrainingScenario:
    """A scenario a trainer can pick: the demo generator's scenario, sized for a classroom."""

    name: str
    households: int
    seed: int = 2020


#: In menu order. Sizes keep creation to a few seconds on a training-room laptop.
SCENARIOS: tuple[TrainingScenario, ...] = (
    TrainingScenario("fresh_village", 60),
    TrainingScenario("exit_year", 80),
    TrainingScenario("quality_problems", 240),
    TrainingScenario("default", 400),
)
SCENARIO_NAMES: tuple[str, ...] = tuple(s.name for s in SCENARIOS)
#: The exit-year village has something to do for every tour (visits, measures, exit, notices).
DEFAULT_SCENARIO = "exit_year"

register({
    "training.scenario.fresh_village": ("新识别的贫困村", "A freshly identified village"),
    "training.scenario.fresh_village.desc": (
        "一个刚完成识别的村（2015年底）：全部农户为新识别贫困户，已有家庭成员、生产生活条件和一年收入，"
        "帮扶责任人刚结对，帮扶措施还只是计划。适合练习查找农户、核对户卡和第一次入户走访。",
        "One village just identified (end of 2015): every household newly registered, with members, "
        "living conditions and one year of income; helpers just paired, measures only planned. Good for "
        "finding households, checking cards and the first visits.",
    ),
    "training.scenario.exit_year": ("脱贫年度的村", "A village in its exit year"),
    "training.scenario.exit_year.desc": (
        "一个处在脱贫年度的村（2019年10月，脱贫评估季）：部分农户已于2016—2018年脱贫，其余计划2019年脱贫，"
        "多数收入接近贫困线（有的略高、有的略低）。适合练习走访、记录帮扶措施、脱贫评估、提交脱贫申请和打印公示。",
        "One village in its exit year (October 2019, the exit-assessment season): some households exited "
        "in 2016–2018, the rest plan to exit in 2019, most of them close to the poverty line (some just "
        "above, some just below). Good for visits, measures, exit assessment and request, and notices.",
    ),
    "training.scenario.quality_problems": ("有数据质量问题的县", "A county with data-quality problems"),
    "training.scenario.quality_problems.desc": (
        "全县数据，第一个村里故意埋设了常见的数据质量问题（户人数不符、证件号校验错误、无户主、"
        "已脱贫但收入低于贫困线等）。适合练习发现和更正问题。",
        "The whole county, with common data-quality problems planted in its first village (household size "
        "not matching the members, bad ID check digits, no head, exited with income below the line…). Good "
        "for finding and correcting problems.",
    ),
    "training.scenario.default": ("攻坚完成时的全县", "The whole county at the end of the campaign"),
    "training.scenario.default.desc": (
        "全县数据（2020年底）：大多数农户已于2016—2020年脱贫，少数返贫、少数被剔除，仍有部分未脱贫。"
        "适合演示乡镇和县级的查询、统计和同步。",
        "The whole county at the end of 2020: most households exited in 2016–2020, a few returned to "
        "poverty, a few were removed, some are still poor. Good for township and county views, "
        "statistics and sync.",
    ),
    "training.real_path": (
        "培训数据库不能使用正式数据库的位置，请使用培训目录中的沙盒",
        "The training database cannot use the real database's location: use the sandbox in the training folder",
    ),
    "training.bad_folder": (
        "培训沙盒必须放在名为“training”的单独目录中",
        "The training sandbox must live in its own folder named 'training'",
    ),
    "training.not_sandbox": (
        "这个文件不是培训沙盒，不会打开或删除它",
        "This file is not a training sandbox; it will not be opened or deleted",
    ),
    "training.bad_scenario": ("未知的培训场景：{name}（可选：{choices}）",
                              "Unknown training scenario {name} (choose from {choices})"),
    "training.sync_real_server": (
        "这是培训数据库，只能与演示服务器同步，不能连接正式的县服务器",
        "This is a training database: it can sync only with a demo server, never with a real county server",
    ),
    "training.sync_demo_server": (
        "这是演示服务器，只接受培训数据库；正式数据库不能与它同步",
        "This is a demo server that accepts training databases only; a real database cannot sync with it",
    ),
    "training.credentials": ("培训账号：用户“{user}”，口令“{passphrase}”",
                             "Training sign-in: user '{user}', passphrase '{passphrase}'"),
    "training.banner": ("培训模式 — 这里的数据都是虚构的，所做的修改不会进入正式数据库",
                        "TRAINING MODE — all data here is fictional; nothing you do reaches the real database"),
})


@dataclass(frozen=True)
class Sandbox:
    """Where the sandbox is and how to sign in to it (shown on screen: the data is fictional)."""

    path: Path
    user: str
    passphrase: str
    scenario: str
    created_at: str = ""

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def demo_server_path(self) -> Path:
        return self.path.parent / DEMO_SERVER_NAME


def scenario(name: str) -> TrainingScenario:
    for sc in SCENARIOS:
        if sc.name == name:
            return sc
    raise BangfuError("training.bad_scenario", name=str(name)[:40], choices=", ".join(SCENARIO_NAMES))


def scenario_title(name: str) -> str:
    return t(f"training.scenario.{name}")


def scenario_description(name: str) -> str:
    return t(f"training.scenario.{name}.desc")


# -- places ----------------------------------------------------------------------------------
def real_db_path() -> Path:
    """The real database's default location (``bangfu`` with no ``--db``)."""
    from app.cli import default_db_path

    return default_db_path()


def sandbox_path(real_db: Path | None = None) -> Path:
    """``<folder of the real database>/training/bangfu-training.db``."""
    return Path(real_db or real_db_path()).parent / TRAINING_FOLDER / SANDBOX_NAME


def _same_file(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


def check_sandbox_path(path: Path, real_db: Path | None = None) -> Path:
    """Refuse any path that is (or could be) a real database's; returns the path made absolute.

    The real database of this run (``real_db``) and the default one are both protected; so is any
    file outside a folder named ``training`` (a sandbox never shares a folder with real data, and
    resetting it deletes only files of its own folder).
    """
    path = Path(path).expanduser().resolve()
    for real in {real_db_path(), *([Path(real_db)] if real_db else [])}:
        if _same_file(path, real) or _same_file(path.parent, real.parent):
            raise BangfuError("training.real_path")
    if path.parent.name != TRAINING_FOLDER:
        raise BangfuError("training.bad_folder")
    return path


def _sidecar(path: Path) -> Path:
    return path.parent / SIDECAR_NAME


def sandbox_info(path: Path | None = None, real_db: Path | None = None) -> Sandbox | None:
    """The sandbox at ``path`` (default place) if one exists, without unlocking it."""
    from app.demo import DEMO_PASSPHRASE, DEMO_USER

    path = check_sandbox_path(path or sandbox_path(real_db), real_db)
    if not path.exists():
        return None
    try:
        info = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {}
    return Sandbox(path, DEMO_USER, DEMO_PASSPHRASE, str(info.get("scenario") or ""), str(info.get("created_at") or ""))


# -- create, reset, open ---------------------------------------------------------------------
def ensure_sandbox(scenario_name: str | None = None, path: Path | None = None, real_db: Path | None = None,
                   kdf: dict[str, int] | None = None) -> Sandbox:
    """The sandbox, created from ``scenario_name`` if there is none yet.

    Asking for another scenario than the existing sandbox's starts it afresh (a trainer who picks
    a scenario wants that scenario); asking for none keeps whatever is there.
    """
    path = check_sandbox_path(path or sandbox_path(real_db), real_db)
    existing = sandbox_info(path, real_db)
    if existing is not None and (scenario_name is None or existing.scenario == scenario_name):
        return existing
    if existing is not None:
        return reset_training(scenario_name, path, real_db, kdf)
    return _create(scenario(scenario_name or DEFAULT_SCENARIO), path, kdf)


def reset_training(scenario_name: str | None = None, path: Path | None = None, real_db: Path | None = None,
                   kdf: dict[str, int] | None = None) -> Sandbox:
    """Throw the sandbox away (and the demo server's data) and create it again, in one call.

    ``scenario_name`` None keeps the current sandbox's scenario (or the default one).
    """
    path = check_sandbox_path(path or sandbox_path(real_db), real_db)
    current = sandbox_info(path, real_db)
    chosen = scenario(scenario_name or (current.scenario if current and current.scenario else DEFAULT_SCENARIO))
    remove_sandbox(path, real_db)
    return _create(chosen, path, kdf)


def remove_sandbox(path: Path | None = None, real_db: Path | None = None) -> None:
    """Delete the sandbox, its key slots, backups, sidecar and the demo server's database.

    Only files of the sandbox's own ``training`` folder, only by exact name; an existing database
    there that is not a training database (its slot file does not open with the trainee's
    passphrase) is refused rather than deleted.
    """
    from app.store.backup import list_backups
    from app.store.keyslots import SlotFile

    path = check_sandbox_path(path or sandbox_path(real_db), real_db)
    if path.exists():
        _check_is_sandbox(path)
    doomed = _own_files(path)
    for backup in list_backups(path):
        doomed += [backup, SlotFile.path_for(backup)]
    server_db = path.parent / DEMO_SERVER_NAME
    doomed += [server_db, Path(f"{server_db}-wal"), Path(f"{server_db}-shm")]
    for p in doomed:
        p.unlink(missing_ok=True)


def _own_files(path: Path) -> list[Path]:
    """The sandbox database and what belongs to it (WAL, key slots, sidecar)."""
    from app.store.keyslots import SlotFile

    return [path, Path(f"{path}-wal"), Path(f"{path}-shm"), SlotFile.path_for(path), _sidecar(path)]


def _check_is_sandbox(path: Path) -> None:
    """The slot file must open with the well-known trainee passphrase: real databases never do."""
    from app.demo import DEMO_PASSPHRASE, DEMO_USER
    from app.store.keyslots import SlotFile

    try:
        SlotFile.load(path).unlock(DEMO_USER, DEMO_PASSPHRASE)
    except (BangfuError, OSError, ValueError):
        raise BangfuError("training.not_sandbox") from None


def _create(sc: TrainingScenario, path: Path, kdf: dict[str, int] | None) -> Sandbox:
    from app.demo import ensure_demo_database

    if not path.exists():  # leftovers of a creation cut short (a key slot file without its database)
        for p in _own_files(path):
            p.unlink(missing_ok=True)
    user, passphrase = ensure_demo_database(path, sc.households, sc.seed, sc.name, kdf=kdf, training=True)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    _sidecar(path).write_text(json.dumps({"scenario": sc.name, "households": sc.households, "seed": sc.seed,
                                          "created_at": created}, ensure_ascii=False), encoding="utf-8")
    return Sandbox(path, user, passphrase, sc.name, created)


def open_sandbox(sandbox: Sandbox) -> Any:
    """Unlock the sandbox; refuses a file that is not a training database."""
    from app.store.database import open_database

    check_sandbox_path(sandbox.path)
    db = open_database(sandbox.path, sandbox.user, sandbox.passphrase)
    if not db.is_training:
        db.close()
        raise BangfuError("training.not_sandbox")
    return db


# -- the sync guard --------------------------------------------------------------------------
def check_sync_allowed(db: Any, server_info: dict[str, Any]) -> None:
    """A training database syncs only with a demo server, and a demo server only with one.

    ``server_info`` is the server's ``/health`` answer; a server that does not say ``demo: true``
    (older, or real) counts as real.
    """
    demo_server = server_info.get("demo") is True
    if db.is_training and not demo_server:
        raise BangfuError("training.sync_real_server")
    if demo_server and not db.is_training:
        raise BangfuError("training.sync_demo_server")


def guard_transport(db: Any, transport: Any) -> None:
    """Ask the server what it is before anything is sent, then label the requests of a training db.

    Called by the sync client's entry points (enroll, sync). Network errors propagate as the
    transport raises them (the caller retries or reports them like any other).
    """
    check_sync_allowed(db, transport.health().model_dump())
    client = getattr(transport, "client", None)  # an httpx.Client (test doubles may have none)
    if db.is_training and client is not None:
        client.headers[TRAINING_HEADER] = "1"


# -- connecting a sandbox to a demo server ----------------------------------------------------
SeedProgress = Callable[[int, int], None]


def seed_ops(db: Any) -> list[Any]:
    """Create ops for the sandbox's current facts that the server has not seen, parents first.

    The demo generator writes in bulk without outbox ops (demo data never syncs to a real server),
    so a fresh demo server knows none of it; without these the trainee's first edits would all be
    refused as "not found". Append-only history (visits, measures, events…) is left out: nothing a
    trainee does changes or needs it on the server, and it is the bulk of the rows (the server
    applies a few hundred ops a second). Rows the trainee created are left to their own outbox ops.
    """
    from sqlmodel import SQLModel, select

    from app.domain import APPEND_ONLY, ENTITIES, OutboxOp, uuid7
    from app.protocol import Op
    from app.services.tx import row_fields

    order = {table.name: i for i, table in enumerate(SQLModel.metadata.sorted_tables)}
    entities = sorted(ENTITIES.items(), key=lambda item: order.get(item[1].__tablename__, 0))  # type: ignore[arg-type]
    ops: list[Op] = []
    with db.read() as s:
        own = set(s.exec(select(OutboxOp.entity_id).where(OutboxOp.kind.in_(("create", "append")))))  # type: ignore[attr-defined]
        for name, cls in entities:
            if name in APPEND_ONLY:
                continue
            for row in s.exec(select(cls)):
                if row.id in own:
                    continue
                ops.append(Op(op_id=uuid7(), device_seq=len(ops) + 1, entity=name, entity_id=row.id,
                              kind="create", fields=row_fields(row),
                              author=db.actor.name[:60]))
    return ops


def sandbox_scope(db: Any) -> list[str]:
    """The county prefixes (6 digits) of the sandbox's villages: what its laptop is enrolled for."""
    from sqlmodel import select

    from app.domain import Village

    with db.read() as s:
        return sorted({code[:6] for code in s.exec(select(Village.code)) if code})


def connect_demo_server(db: Any, url: str, code: str, progress: SeedProgress | None = None) -> dict[str, Any]:
    """Enroll the sandbox with a demo server and give the server the sandbox's data.

    Returns ``{"role", "villages", "seeded", "refused"}``. The cursor is moved past the seeded rows:
    they came from this laptop, there is nothing to pull back.
    """
    from app.domain import uuid7
    from app.protocol import MAX_BATCH_OPS, PushRequest
    from app.sync import client, state

    answer = client.enroll(db, code, url)
    ops = seed_ops(db)
    transport = client.transport_for(db)
    seeded = refused = 0
    latest = 0
    try:
        guard_transport(db, transport)
        for start in range(0, len(ops), MAX_BATCH_OPS):
            chunk = ops[start:start + MAX_BATCH_OPS]
            result = transport.push(PushRequest(batch_id=uuid7(), device_id=db.device_id, ops=chunk))
            for r in result.results:
                if r.status == "rejected":
                    refused += 1
                else:
                    seeded += 1
                    latest = max(latest, r.rev or 0)
            if progress:
                progress(start + len(chunk), len(ops))
    finally:
        transport.close()
    state.write(db, **{state.CURSOR: str(latest)})
    return {**answer, "seeded": seeded, "refused": refused}
