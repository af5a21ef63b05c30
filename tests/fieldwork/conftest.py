"""Fixtures for the field-work tests: a household that meets every exit criterion for 2020, role
switching, and counters that prove a refused write left nothing behind."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

YEAR = 2020
#: 2020 line is 4,000 yuan per person; 3 people × 6,000 yuan comfortably above it.
GOOD_INCOME = {"wage_fen": 1_500_000, "business_fen": 500_000, "transfer_other_fen": 100_000,
               "business_expense_fen": 300_000}
ALL_CHECKS = {"food": True, "clothing": True, "school": True, "insurance": True, "treatment": True,
              "housing": True, "water_quality": True, "water_quantity": True, "water_access": True,
              "water_reliability": True}
VISIT_AT = datetime(2020, 10, 15, 2, 30, tzinfo=UTC)
ASSESS_ON = date(2020, 12, 1)


_ids = iter(range(10**6))


def fid(birth: date = date(1975, 6, 1), sex: str = "1") -> str:
    """A synthetic valid ID of region 520124 with this package's own counter (the shared
    ``synthetic_id`` counter is left alone so other tests see the same numbers in any order)."""
    from app.idnumber import make_id

    return make_id("520124", birth, next(_ids) % 100, sex)


def _make_household(db: Any, village_id: str) -> str:
    """张三 (head) + spouse 李四 + a child born 2015, as the shared fixture, with IDs from ``fid``."""
    from app.services import registry

    hh = registry.create_household(
        db, village_id, {"name": "张三", "id_number": fid(date(1970, 3, 5), "1"), "med_insurance": True},
        group_no=2, main_cause="01", hh_number="5201230010010001", identified_year=2015,
    )
    registry.add_member(db, hh.id, {"name": "李四", "relation": "02", "id_number": fid(date(1972, 1, 1), "2")},
                        reason="05")
    registry.add_member(db, hh.id, {"name": "张小明", "relation": "03", "school_status": "03",
                                    "id_number": fid(date(2015, 9, 1), "1")}, reason="06")
    return hh.id


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Freshly migrated databases made once per session — empty, with the village, with the village
    and the household — so each test copies one (0.1 s) instead of migrating and writing (1–3 s)."""
    import shutil

    from app.services.registry import create_village
    from app.store.database import create_database
    from app.store.keyslots import SlotFile
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    folder = tmp_path_factory.mktemp("fieldwork-templates")
    work = folder / "work.db"
    paths = {name: folder / f"{name}.db" for name in ("empty", "village", "household")}
    database = create_database(work, USER, PASSPHRASE, kdf=FAST_KDF)

    def snapshot(name: str) -> None:
        raw = database.raw()
        try:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        shutil.copy(work, paths[name])
        shutil.copy(SlotFile.path_for(work), SlotFile.path_for(paths[name]))

    snapshot("empty")
    village = create_village(database, "520123001001", "石门村", "龙场镇", "云岭县", groups=6)
    snapshot("village")
    household_id = _make_household(database, village.id)
    snapshot("household")
    database.close()
    return {"paths": paths, "village_id": village.id, "household_id": household_id}


@pytest.fixture()
def db(_templates: dict[str, Any], db_path: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Overrides the shared ``db``: the same fresh database (one user, role village), copied from a
    template that already holds the village / household when the test asks for them."""
    import shutil

    from app.store.database import open_database
    from app.store.keyslots import SlotFile
    from tests.conftest import PASSPHRASE, USER

    names = request.fixturenames
    kind = "household" if "household" in names else "village" if ("village" in names or "exit_ready" in names) \
        else "empty"
    source = _templates["paths"][kind]
    shutil.copy(source, db_path)
    shutil.copy(SlotFile.path_for(source), SlotFile.path_for(db_path))
    database = open_database(db_path, USER, PASSPHRASE, check=False, backup=False)
    yield database
    database.close()


@pytest.fixture()
def village(db: Any, _templates: dict[str, Any]) -> Any:
    """The shared fixture's village (石门村), already in the copied database."""
    from app.domain import Village

    with db.read() as s:
        return s.get(Village, _templates["village_id"])


@pytest.fixture()
def household(db: Any, village: Any, _templates: dict[str, Any]) -> Any:
    """Same as the shared fixture (张三 head + spouse 李四 + a child born 2015), already in the copy."""
    from app.domain import Household

    with db.read() as s:
        return s.get(Household, _templates["household_id"])


@contextmanager
def as_role(db: Any, role: str) -> Iterator[None]:
    """Act as a user of ``role`` (township staff, county administrator…) for a block."""
    old = db.actor
    db.actor = dataclasses.replace(old, role=role)
    try:
        yield
    finally:
        db.actor = old


def png_bytes(size: tuple[int, int] = (40, 30), colour: str = "red", mode: str = "RGB") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes(size: tuple[int, int] = (3200, 2400)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, format="JPEG", quality=70)
    return out.getvalue()


def counts(db: Any) -> dict[str, int]:
    """Row counts of every table a visit or request touches (plus the audit trail and outbox)."""
    from app.domain import (
        Attachment,
        AttachmentLink,
        AuditEntry,
        Income,
        LifecycleEvent,
        LifecycleRequest,
        Measure,
        Member,
        OutboxOp,
        Visit,
    )

    with db.read() as s:
        return {cls.__name__: s.exec(select(func.count()).select_from(cls)).one()
                for cls in (Visit, Member, Income, Measure, LifecycleEvent, LifecycleRequest, Attachment,
                            AttachmentLink, AuditEntry, OutboxOp)}


def outbox(db: Any, entity: str | None = None) -> list[Any]:
    from app.domain import OutboxOp

    with db.read() as s:
        q = select(OutboxOp)
        if entity:
            q = q.where(OutboxOp.entity == entity)
        return list(s.exec(q.order_by(OutboxOp.device_seq)))


def audit(db: Any, entity: str | None = None, action: str | None = None) -> list[Any]:
    from app.domain import AuditEntry

    with db.read() as s:
        q = select(AuditEntry)
        if entity:
            q = q.where(AuditEntry.entity == entity)
        if action:
            q = q.where(AuditEntry.action == action)
        return list(s.exec(q.order_by(AuditEntry.seq)))


@pytest.fixture()
def exit_ready(db: Any, village: Any) -> Any:
    """A household that meets every exit criterion for 2020: income above the line, a school child,
    everyone insured, an A-rated house, safe water, a helper, measures, participation and a visit."""
    from app.services import assistance, participation, registry, visits

    hh = registry.create_household(
        db, village.id, {"name": "王大", "id_number": fid(date(1975, 4, 2), "1"), "med_insurance": True,
                         "labour_skill": "02", "work_status": "03"},
        group_no=3, main_cause="05", hh_number="5201230010010099", identified_year=2016,
    )
    registry.add_member(db, hh.id, {"name": "刘二", "relation": "02", "med_insurance": True,
                                    "id_number": fid(date(1978, 8, 9), "2")}, reason="05", on=date(2000, 5, 1))
    registry.add_member(db, hh.id, {"name": "王小", "relation": "03", "school_status": "04", "med_insurance": True,
                                    "id_number": fid(date(2008, 2, 3), "1")}, reason="06", on=date(2008, 2, 3))
    registry.update_conditions(db, hh.id, {"house_danger_level": "A", "water_safe": True})
    registry.assign_helper(db, hh.id, "赵帮扶", date(2016, 3, 1), unit="县农业局", unit_level="04", visit_every_days=30)
    assistance.add_measure(db, hh.id, "01", date(2019, 4, 1), content="种植补贴", amount_fen=200_000,
                           funding_source="03", status="03")
    participation.record_participation(db, hh.id, "02", date(2020, 3, 5), note="村民大会")
    visits.record_visit(db, hh.id, VISIT_AT, checks=ALL_CHECKS, income=GOOD_INCOME, income_year=YEAR,
                        satisfaction="01", summary="核实两不愁三保障")
    with db.read() as s:
        from app.domain import Household

        return s.get(Household, hh.id)
