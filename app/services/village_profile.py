"""The 贫困村 profile with its history (domain.md §8).

``save_profile`` appends a snapshot (append-only, so it never conflicts in sync and nothing is
overwritten): fields not given keep the latest snapshot's values, and the registry's poor
households and people at that moment are copied in. Saving values identical to the latest
snapshot writes nothing. ``history`` lists the snapshots; ``changes`` says what changed when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import select

from app.domain import Village, VillageProfile
from app.i18n import register
from app.services.permissions import ALL_ROLES, register_action, require
from app.services.tx import write
from app.store.database import Database
from app.validation import Checker

POOR_STATUSES = ("01", "04")  # 未脱贫, 返贫
COUNTS = ("households_total", "population_total", "water_projects")
FLAGS = ("road_hardened", "power", "broadband", "clinic", "cultural_room", "safe_water")
LISTS: dict[str, tuple[str, ...]] = {
    # list field -> keys each entry may have ("name" required)
    "task_force": ("name", "role", "unit", "phone", "start", "end"),
    "leaders": ("name", "industry", "note"),
    "returning_talent": ("name", "field", "year", "note"),
    "projects": ("name", "year", "amount_fen", "status", "note"),
}
EDITABLE = frozenset({*COUNTS, *FLAGS, *LISTS, "collective_income_fen", "road_hardened_km", "note", "year"})
SNAPSHOT = ("poor_households", "poor_population")

register({
    "field.village_profile.year": ("年度", "year"),
    "field.village_profile.as_of": ("填报日期", "as of"),
    "field.village_profile.households_total": ("总户数", "households"),
    "field.village_profile.population_total": ("总人口（户籍）", "registered population"),
    "field.village_profile.poor_households": ("贫困户数", "poor households"),
    "field.village_profile.poor_population": ("贫困人口", "poor population"),
    "field.village_profile.collective_income_fen": ("村集体经济收入", "village collective income"),
    "field.village_profile.road_hardened": ("通硬化路", "hardened road"),
    "field.village_profile.road_hardened_km": ("硬化路里程（公里）", "hardened road (km)"),
    "field.village_profile.power": ("通动力电", "power supply"),
    "field.village_profile.broadband": ("通宽带", "broadband"),
    "field.village_profile.clinic": ("标准化卫生室", "village clinic"),
    "field.village_profile.cultural_room": ("综合文化室", "cultural room"),
    "field.village_profile.water_projects": ("饮水安全工程（处）", "drinking-water projects"),
    "field.village_profile.safe_water": ("饮水安全全覆盖", "safe water for all"),
    "field.village_profile.task_force": ("驻村工作队", "task force"),
    "field.village_profile.leaders": ("致富带头人", "entrepreneur leaders"),
    "field.village_profile.returning_talent": ("返乡人才", "returning talent"),
    "field.village_profile.projects": ("贫困村提升工程", "village improvement projects"),
    "field.village_profile.note": ("备注", "note"),
    "profile.entry_name": ("第 {index} 项缺少姓名/名称", "entry {index} has no name"),
    "profile.entry_amount": ("第 {index} 项的金额应为不小于 0 的元数（最多两位小数）",
                             "entry {index}: the amount must be yuan, not negative, at most two decimals"),
    "profile.entry_year": ("第 {index} 项的年份应为 1949 到 2100 之间的整数", "entry {index}: the year must be 1949 to 2100"),
    "profile.entry_key": ("第 {index} 项含未知字段“{key}”", "entry {index} has an unknown key '{key}'"),
})


#: the task force keeps its village's profile; township and county correct it
register_action("village_profile.edit", ALL_ROLES)


def _check(c: Checker, data: dict[str, Any]) -> None:
    for name in sorted(set(data) - EDITABLE):
        c.fail(name, "value.unknown_code", value=name[:20])
    for name in COUNTS:
        if name in data:
            c.integer(name, data[name], 0, 10_000_000)
    if "collective_income_fen" in data:
        c.money_fen("collective_income_fen", data["collective_income_fen"])
    if "road_hardened_km" in data:
        c.number("road_hardened_km", data["road_hardened_km"], 0.0, 10_000.0)
    if "year" in data:
        c.integer("year", data["year"], 2000, 2100)
    for name in FLAGS:
        if name in data and not isinstance(data[name], bool):
            c.fail(name, "value.unknown_code", value=str(data[name])[:20])
    c.text("note", data.get("note"), 1000)
    for name, keys in LISTS.items():
        entries = data.get(name)
        if entries is None:
            continue
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            c.fail(name, "value.unknown_code", value=name)
            continue
        for index, entry in enumerate(entries, start=1):
            if not str(entry.get("name", "")).strip():
                c.fail(name, "profile.entry_name", index=index)
            for key in entry:
                if key not in keys:
                    c.fail(name, "profile.entry_key", index=index, key=str(key)[:20])
            amount = entry.get("amount_fen")
            if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
                c.fail(name, "profile.entry_amount", index=index)
            year = entry.get("year")
            if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2100):
                c.fail(name, "profile.entry_year", index=index)


def _poor(session: Any, village_id: str) -> tuple[int, int]:
    row = session.execute(text(
        "SELECT count(*), COALESCE(sum(size), 0) FROM household WHERE village_id = :v AND NOT deleted "
        f"AND exit_status IN {POOR_STATUSES!r}"), {"v": village_id}).one()
    return int(row[0]), int(row[1])


def current_profile(db: Database, village_id: str) -> VillageProfile | None:
    with db.read() as s:
        return _latest(s, village_id)


def _latest(session: Any, village_id: str) -> VillageProfile | None:
    return session.exec(select(VillageProfile).where(
        VillageProfile.village_id == village_id, VillageProfile.deleted == False  # noqa: E712
    ).order_by(VillageProfile.as_of.desc(), VillageProfile.id.desc())).first()  # type: ignore[attr-defined]


def save_profile(db: Database, village_id: str, data: dict[str, Any], as_of: date | None = None) -> VillageProfile | None:
    """Append a snapshot with ``data`` over the latest one; None when nothing changed."""
    require(db, "village_profile.edit")
    c = Checker("village_profile")
    _check(c, data)
    as_of = as_of or date.today()
    c.day("as_of", as_of, required=True)
    c.raise_if_any()
    with write(db) as tx:
        if tx.session.get(Village, village_id) is None:
            c.fail("village_id", "value.not_found")
            c.raise_if_any()
        latest = _latest(tx.session, village_id)
        base = {name: getattr(latest, name) for name in (*EDITABLE, *SNAPSHOT)} if latest else {}
        poor_households, poor_population = _poor(tx.session, village_id)
        values = {**base, **data, "poor_households": poor_households, "poor_population": poor_population}
        values["year"] = data.get("year", as_of.year)  # the figures are for the year of the snapshot
        if latest is not None and all(getattr(latest, k) == v for k, v in values.items()):
            return None
        snapshot = VillageProfile(village_id=village_id, as_of=as_of, author=db.actor.name, **values)
        tx.append(snapshot)
        return snapshot


def history(db: Database, village_id: str) -> list[VillageProfile]:
    """Every snapshot, oldest first."""
    with db.read() as s:
        return list(s.exec(select(VillageProfile).where(
            VillageProfile.village_id == village_id, VillageProfile.deleted == False  # noqa: E712
        ).order_by(VillageProfile.as_of, VillageProfile.id)))


@dataclass(frozen=True)
class Change:
    as_of: date
    author: str
    field: str
    old: Any
    new: Any


def changes(snapshots: list[VillageProfile]) -> list[Change]:
    """What each snapshot changed compared with the one before it."""
    out: list[Change] = []
    previous: VillageProfile | None = None
    for snap in snapshots:
        for name in (*sorted(EDITABLE), *SNAPSHOT):
            new = getattr(snap, name)
            old = getattr(previous, name) if previous is not None else None
            if previous is None or old != new:
                if previous is None and new in (None, "", 0, False, []):
                    continue
                out.append(Change(snap.as_of, snap.author, name, old, new))
        previous = snap
    return out
