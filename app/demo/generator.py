"""Generate a fictional demo county into a database: ``generate(db, households, seed, scenario)``.

Why not the services: they write one row at a time with an audit entry and an outbox op each.
Demo data is seed data (a demo database never syncs to a real server), so it is written in bulk
(``executemany`` on ``db.raw()``, one transaction) and makes no outbox ops; it still satisfies
every invariant the services enforce (one head per household, size = living members, head name,
valid unique ID numbers, codes from the code lists). Search-index rows are built with the search
module's own row builder beside the members (docs/demo.md says why not ``rebuild`` afterwards).

Deterministic: the county layout comes from a generator seeded with (scenario, households, seed),
each village from its own generator seeded with the village index too, so villages may be made in
any order or process; ids are UUIDv7 built from the generated dates and random bits of those
generators, and nothing depends on today's date — the same arguments give byte-identical rows.

Cancelling (``cancel()`` returning True, checked between villages) rolls the one transaction back:
the database is exactly as before.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import app.demo.messages  # noqa: F401  (registers the demo's message codes)
from app.codes import poverty_line_fen
from app.demo import defects as defect_module
from app.demo.families import KINDS, FamilyBuilder, Person, pick
from app.demo.fieldwork import Helper, Recorder
from app.demo.households import Plan, card_fields, causes, conditions, member_changes, timeline
from app.demo.money import incomes
from app.demo.names import FORCED_HEADS, NameMaker
from app.demo.places import (
    BANKS,
    CITY,
    COUNTY,
    COUNTY_CODE,
    PROVINCE,
    TOWNSHIPS,
    township_code,
    village_names,
)
from app.demo.scenarios import SCENARIOS, Scenario
from app.demo.villages import village_rows
from app.demo.writer import ORDER, Sink, dumps, iso, stamp
from app.domain import ENTITIES
from app.errors import BangfuError
from app.idnumber import make_id
from app.store.search import _rows as index_rows  # the rows rebuild() writes (see writer.COLUMNS)

MAX_HOUSEHOLDS = 200_000
MAX_SINGLE_VILLAGE = 3_000
FLUSH_ROWS = 40_000
PARALLEL_FROM = 20_000
_EPOCH = date(1970, 1, 1).toordinal()
_UUID_FIXED = 0x7 << 76 | 0b10 << 62  # version 7, RFC 9562 variant
_UUID_RAND = 0xFFF << 64 | (1 << 62) - 1  # rand_a (12 bits) and rand_b (62 bits)
log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class DemoCancelled(BangfuError):
    """Raised when ``cancel()`` asked to stop; nothing was written."""

    def __init__(self) -> None:
        super().__init__("demo.cancelled")


@dataclass
class DemoSummary:
    scenario: str
    seed: int
    households: int
    as_of: date
    townships: int = 0
    villages: int = 0
    members: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    defects: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


class _Village:
    __slots__ = ("id", "code", "name", "township", "groups", "poor", "as_of_ord", "as_of_year", "task_force",
                 "reviewer", "helper", "helper_left", "projects", "seq", "doors")


class _Project:
    __slots__ = ("id", "start", "end", "type", "name", "category", "measure_text", "household_level",
                 "sources", "beneficiaries", "content", "subsidy", "implementer", "responsible", "targets", "status",
                 "per_household", "secs", "main_source")


class _Ids:
    """Valid, county-unique synthetic ID numbers (GB 11643 checksum) via ``app.idnumber.make_id``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def make(self, region: str, birth: int, sex: str) -> tuple[str, int]:
        """A new number and the birth date (ordinal) it encodes (the next day if one is full)."""
        number, day = _free_number(self.used, region, date.fromordinal(birth), int(self.rng.random() * 100), sex)
        self.used.add(number)
        return number, day.toordinal()


def _validate(households: int, scenario: str) -> Scenario:
    sc = SCENARIOS.get(scenario)
    if sc is None:
        raise BangfuError("demo.bad_scenario", name=scenario[:30], choices=", ".join(SCENARIOS))
    high = MAX_SINGLE_VILLAGE if sc.single_village else MAX_HOUSEHOLDS
    if not isinstance(households, int) or not sc.min_households <= households <= high:
        raise BangfuError("demo.bad_households", low=sc.min_households, high=high)
    return sc


def _existing(conn: Any, replace: bool) -> None:
    """Refuse to mix demo data with real data; replace old demo data only when asked to."""
    count = conn.execute("SELECT count(*) FROM household").fetchone()[0]
    if not count:
        return
    row = conn.execute("SELECT value FROM sync_meta WHERE key = 'demo'").fetchone()
    if not row or row[0] != "1":
        raise BangfuError("demo.real_data")
    if not replace:
        raise BangfuError("demo.exists")
    for table in [cls.__tablename__ for cls in ENTITIES.values()] + ["outbox_op", "conflict", "attachment_link"]:
        conn.execute(f"DELETE FROM {table}")  # every syncable table: all of it is demo data here
    conn.execute("DELETE FROM search_index")


def _layout(rng: random.Random, sc: Scenario, households: int) -> tuple[int, list[int]]:
    """(number of townships, households per village) for the county."""
    townships = min(len(TOWNSHIPS), 6 + households // 20_000)
    if sc.single_village:
        return townships, [households]
    count = max(min(townships, max(1, households // 5)), round(households / 90))
    count = min(count, 999)
    weights = [rng.uniform(0.6, 1.4) for _ in range(count)]
    total = sum(weights)
    sizes = [max(1, int(households * w / total)) for w in weights]
    i = 0
    while sum(sizes) < households:
        sizes[i % count] += 1
        i += 1
    while sum(sizes) > households:
        j = max(range(count), key=lambda k: sizes[k])
        sizes[j] -= 1
    if sc.plant_defects:  # every defect is planted in the first village
        need = min(households, 40)
        k = 1
        while sizes[0] < need and count > 1:
            donor = 1 + (k % (count - 1))
            if sizes[donor] > 1:
                sizes[donor] -= 1
                sizes[0] += 1
            k += 1
    return townships, sizes


@dataclass(frozen=True)
class VillageJob:
    """What a worker needs to generate one village (picklable)."""

    scenario: str
    households: int
    seed: int
    index: int
    township: int
    township_seq: int
    name: str
    size: int
    first_index: int
    #: poverty lines (year, fen) as the main process sees them, so every worker uses the same
    lines: tuple[tuple[int, int], ...] = ()


@dataclass
class VillageRows:
    rows: dict[str, list[tuple[Any, ...]]]
    members: int
    defects: list[dict[str, Any]]


def forced_positions(total: int) -> dict[int, tuple[str, str, str]]:
    """Where in the county (household index) the FORCED_HEADS are placed: spread evenly."""
    k = len(FORCED_HEADS)
    out: dict[int, tuple[str, str, str]] = {}
    for j, forced in enumerate(FORCED_HEADS):
        pos = (j * total) // k if total >= k else j
        if pos < total and pos not in out:
            out[pos] = forced
    return out


def make_village(job: VillageJob) -> VillageRows:
    """Generate one village: deterministic from the job alone (its own random generator)."""
    return _VillageMaker(job).run()


class _VillageMaker:
    def __init__(self, job: VillageJob) -> None:
        sc = SCENARIOS[job.scenario]
        self.job = job
        self.sc = sc
        self.rng = random.Random(f"bangfu-demo|{sc.name}|{job.households}|{job.seed}|{job.index}")
        self.names = NameMaker(self.rng)
        self.families = FamilyBuilder(self.rng, self.names, sc.as_of)
        self.ids = _Ids(self.rng)
        self.as_of = sc.as_of.toordinal()
        self.lines = dict(job.lines) or _lines(sc)
        self.members = 0
        self.forced = forced_positions(job.households)
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in ORDER}
        self._bits = self.rng.getrandbits

    def new_id(self, ordinal: int, seconds: int = 0) -> str:
        """A UUIDv7 whose time is the record's own (generated) time and whose random bits are drawn
        from the seeded generator: ``uuid7(ms, rand=getrandbits(80).to_bytes(10, "little"))``
        computed inline (a third of a million ids per worker; a test compares with ``uuid7``)."""
        rand = int.from_bytes(self._bits(80).to_bytes(10, "little"), "big")
        h = f"{((ordinal - _EPOCH) * 86400 + seconds) * 1000 << 80 | _UUID_FIXED | rand & _UUID_RAND:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def run(self) -> VillageRows:
        job, sc = self.job, self.sc
        recorder = Recorder(self.rng, self.names, sc, self.new_id, self.rows)
        village = self._village(job.township, job.township_seq, job.name, job.index == 0)
        plans = [self._household(village, job.first_index + i, recorder) for i in range(job.size)]
        defects: list[dict[str, Any]] = []
        if sc.plant_defects and job.index == 0:
            defects = defect_module.plant(plans, sc.as_of, self.lines, self._add_member)
        for plan in plans:
            self._emit(plan)
        self._emit_projects(village)
        for plan in plans:
            recorder.latest_visit(plan)
        # last, so that the rows above do not depend on them
        village_rows(self.rng, self.new_id, self.rows, self.names, village, plans, sc.as_of, sc.fresh)
        return VillageRows(self.rows, self.members, defects)

    def _village(self, t: int, seq: int, name: str, first: bool) -> _Village:
        rng, sc = self.rng, self.sc
        v = _Village()
        v.code = f"{township_code(t)}{seq:03d}"
        v.name = name
        v.township = TOWNSHIPS[t]
        v.groups = 4 + int(rng.random() * 9)
        v.poor = first or rng.random() < 0.65
        v.as_of_ord = self.as_of
        v.as_of_year = sc.as_of.year
        v.task_force = [self.names.full("1" if rng.random() < 0.7 else "2", 1968 + int(rng.random() * 25))
                        for _ in range(3)]
        v.reviewer = self.names.full("1" if rng.random() < 0.6 else "2", 1965 + int(rng.random() * 25))
        v.helper = None
        v.helper_left = 0
        v.seq = 0
        v.doors = {}
        created = date(2014, 5, 1).toordinal() if not sc.fresh else date(2015, 7, 1).toordinal()
        v.id = self.new_id(created, int(rng.random() * 80000))
        self.rows["village"].append((
            v.id, 0, 0, stamp(created), v.code, v.name, v.township, COUNTY, CITY, PROVINCE, v.groups, int(v.poor),
        ))
        v.projects = self._plan_projects(v)
        return v

    # -- projects ------------------------------------------------------------------------------
    def _plan_projects(self, v: _Village) -> list[_Project]:
        rng, sc = self.rng, self.sc
        last_start = self.as_of - 30
        if sc.fresh:
            specs = [("02", 2016)]
        else:
            first = 2016
            top = min(sc.as_of.year, 2020)
            specs = []
            for _ in range(2 + int(rng.random() * 4)):
                kind = pick(rng, (("01", 0.4), ("06", 0.15), ("02", 0.3), ("04", 0.08), ("05", 0.07)))
                specs.append((kind, first + int(rng.random() * (top - first + 1))))
        projects = []
        for kind, year in specs:
            p = _Project()
            p.type = kind
            p.start = date(year, 3, 1).toordinal() + int(rng.random() * 150)
            if not sc.fresh:
                p.start = min(p.start, last_start)
            p.end = p.start + 120 + int(rng.random() * 180)
            p.secs = 3600 + int(rng.random() * 28000)
            p.id = self.new_id(p.start, p.secs)
            p.beneficiaries = []
            p.household_level = kind in ("01", "06")
            p.main_source = "01" if rng.random() < 0.6 else "04"
            crop = rng.choice(("精品水果", "茶叶", "食用菌", "中药材", "蔬菜", "生猪养殖", "肉牛养殖", "刺梨"))
            g = 1 + int(rng.random() * v.groups)
            if kind == "01":
                p.name = f"{v.name}{year}年{crop}产业扶贫项目"
                p.category, p.measure_text = "01", f"参与{crop}产业扶贫项目（到户扶持）"
                p.per_household = 1000 + int(rng.random() * 5) * 500
                p.content = f"扶持贫困户发展{crop}，每户补助{p.per_household}元"
                p.subsidy = f"每户{p.per_household}元"
                p.targets = "受益贫困户户均增收1000元以上"
            elif kind == "06":
                p.name = f"{v.name}村级光伏扶贫电站项目"
                p.category, p.measure_text = "08", "村级光伏电站收益分红"
                p.per_household = 300 + int(rng.random() * 4) * 100
                p.content = "建设村级光伏电站100千瓦，收益用于贫困户分红和公益岗位"
                p.subsidy = "按装机容量补助"
                p.targets = f"受益贫困户户均年分红{p.per_household}元"
            elif kind == "02":
                what = rng.choice((f"{g}组通组路硬化工程", "人饮安全巩固提升工程", "产业路建设工程", "农网改造工程"))
                p.name = f"{v.name}{what}"
                p.category, p.measure_text = "12", what
                p.per_household = 0
                p.content = f"{what}，惠及{v.groups}个村民小组"
                p.subsidy = "按工程量据实补助"
                p.targets = "解决群众出行和饮水难题"
            elif kind == "04":
                p.name = f"{v.name}{year}年农村实用技术培训"
                p.category, p.measure_text = "02", "农村实用技术培训"
                p.per_household = 0
                p.content = "开展种养殖实用技术培训200人次"
                p.subsidy = "每人次补助100元"
                p.targets = "参训贫困劳动力掌握1门以上实用技术"
            else:
                p.name = f"{v.name}村卫生室标准化建设项目"
                p.category, p.measure_text = "06", "村卫生室标准化建设"
                p.per_household = 0
                p.content = "新建村卫生室80平方米并配置设备"
                p.subsidy = "每个村卫生室补助10万元"
                p.targets = "村卫生室达标，群众就近就医"
            p.implementer = f"{v.name}村民委员会" if p.household_level else rng.choice(
                ("云岭县交通运输局", "云岭县水务局", "云岭县农业农村局", f"{v.township}人民政府"))
            p.responsible = v.task_force[0]
            p.status = "04" if p.end < self.as_of - 30 else "02" if p.start <= self.as_of else "01"
            if sc.fresh:
                p.status = "01"
            projects.append(p)
        return projects

    def _emit_projects(self, v: _Village) -> None:
        rng = self.rng
        for p in v.projects:
            benefit = sum(a for _h, a in p.beneficiaries)
            total_yuan = benefit + (100_000 + int(rng.random() * 40) * 20_000 if not p.household_level else
                                    int(rng.random() * 10) * 5_000)
            if p.type == "06":
                total_yuan = 600_000 + int(rng.random() * 10) * 20_000
            shares = (("01", 0.5), ("02", 0.2), ("03", 0.2), ("04", 0.1)) if p.main_source == "01" else (
                ("04", 0.8), ("05", 0.1), ("06", 0.1))
            left = total_yuan * 100
            p.sources = []
            for i, (code, share) in enumerate(shares):
                amount = left if i == len(shares) - 1 else int(total_yuan * share) * 100
                left -= amount
                p.sources.append((code, amount))
            households = len(p.beneficiaries)
            mechanism = (f"带动建档立卡贫困户{households}户增收" if p.household_level else
                         f"改善{v.name}生产生活条件，惠及全村群众")
            self.rows["fund_project"].append((
                p.id, 0, 0, stamp(min(p.end, self.as_of), p.secs), p.name, p.type, v.id, f"{v.township}{v.name}",
                p.content, p.subsidy, p.implementer, p.responsible, iso(p.start), iso(p.end), p.targets, mechanism,
                int(p.household_level), p.status,
            ))
            for code, amount in p.sources:
                self.rows["project_funding"].append((
                    self.new_id(p.start, p.secs + 1), 0, 0, stamp(p.start, p.secs + 1), p.id, code, amount,
                ))
            for hh_id, yuan in p.beneficiaries:
                self.rows["project_beneficiary"].append((
                    self.new_id(p.start, p.secs + 2), 0, 0, stamp(p.start, p.secs + 2), p.id, hh_id, yuan * 100,
                ))

    # -- one household -------------------------------------------------------------------------
    def _household(self, v: _Village, index: int, recorder: Recorder) -> Plan:
        rng, sc = self.rng, self.sc
        plan = Plan()
        plan.index = index
        plan.village = v
        v.seq += 1
        plan.hh_number = f"{v.code}{v.seq:04d}"
        plan.group = 1 + int(rng.random() * v.groups)
        plan.kind = pick(rng, KINDS)
        plan.members = self.families.build(plan.kind, self.forced.get(index))
        timeline(plan, rng, sc)
        plan.id = self.new_id(plan.id_ord, 3600 + int(rng.random() * 28000))
        for m in plan.members:
            self.families.attributes(m)
        member_changes(plan, rng, self.as_of)
        for m in plan.members:
            m.id_number, m.birth = self.ids.make(m.id_region, m.birth, m.sex)
            m.id = self.new_id(m.change_date or plan.id_ord, 3600 + int(rng.random() * 28000))
        card_fields(plan, rng)
        conditions(plan, rng, sc)
        causes(plan, rng)
        living = plan.living()
        plan.size = len(living)
        plan.head_name = plan.members[0].name
        plan.phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" if rng.random() < 0.75 else ""
        plan.bank_name = rng.choice(BANKS)
        plan.bank_account = f"6230{rng.randrange(10**15):015d}"
        for p in v.projects:
            if p.household_level and plan.id_ord < p.start and (plan.removed_ord is None or plan.removed_ord > p.start) \
                    and rng.random() < 0.45:
                p.beneficiaries.append((plan.id, p.per_household))
                plan.projects.append((p, p.per_household))
                if p.type == "06":
                    start_year = date.fromordinal(p.start).year + 1
                    if start_year <= sc.as_of.year:
                        plan.asset_year = start_year
        end_year = date.fromordinal(plan.end_ord).year
        years = [plan.identified_year] if sc.fresh else list(range(max(2015, plan.identified_year), end_year + 1))
        plan.incomes = incomes(plan, rng, years, self.lines)
        # field record
        if v.helper_left <= 0:
            v.helper = Helper(rng, self.names, v.township)
            v.helper_left = 3 + int(rng.random() * 3)
            if not sc.fresh and rng.random() < 0.3:
                v.helper.change_ord = date(2017, 3, 1).toordinal() + int(rng.random() * 660)
                v.helper.successor = Helper(rng, self.names, v.township)
        v.helper_left -= 1
        periods = recorder.helpers(plan, v.helper)
        author = v.task_force[int(rng.random() * len(v.task_force))]
        recorder.lifecycle(plan, author, v.reviewer)
        recorder.measures(plan, author)
        recorder.visits(plan, periods)
        recorder.participation(plan)
        plan.updated_ord = max(o for o in (plan.id_ord, plan.exit_ord, plan.return_ord, plan.removed_ord,
                                           *(m.change_date for m in plan.members)) if o is not None)
        return plan

    def _add_member(self, plan: Plan, sex: str, birth: int, relation: str) -> Person:
        """Used by the defects: a new living member with a unique ID number."""
        m = Person(sex, birth, relation, self.names.full(sex, date.fromordinal(birth).year), plan.members[0].ethnicity)
        self.families.attributes(m)
        m.id_number, m.birth = self.ids.make(COUNTY_CODE, birth, sex)
        m.id = self.new_id(plan.id_ord, 3600 + int(self.rng.random() * 28000))
        plan.members.append(m)
        plan.size += 1
        return m

    @staticmethod
    def _address(plan: Plan) -> str:
        """住址 below the village, as a 户籍 address reads there: 2组18号 (the village, township and
        county are the household's place already). House numbers rise along each group, with the
        neighbours who are not on the register in between; no random draw (the county stays the same)."""
        v = plan.village
        door = v.doors.get(plan.group, 0) + 1 + plan.index % 3
        v.doors[plan.group] = door
        return f"{plan.group}组{door}号"

    def _emit(self, plan: Plan) -> None:
        v = plan.village
        rows = self.rows
        index: list[tuple[Any, ...]] = []
        secs = 3600 + int(self.rng.random() * 28000)
        rows["household"].append((
            plan.id, 0, int(plan.removed_ord is not None), stamp(plan.updated_ord, secs), v.id, plan.group,
            plan.hh_number, self._address(plan), plan.phone,
            plan.bank_name, plan.bank_account, plan.id_standard, plan.attr, plan.main_cause, dumps(plan.other_causes),
            int(plan.military), int(plan.only_child), int(plan.two_daughters), int(plan.relocated),
            plan.identified_year, plan.planned_exit_year, plan.exit_year, plan.return_year, plan.status, plan.size,
            plan.head_name,
        ))
        for m in plan.members:
            day = m.change_date or plan.id_ord
            rows["member"].append((
                m.id, 0, 0, stamp(day, secs), plan.id, m.name, m.sex, "01", m.id_number, iso(m.birth), m.relation,
                m.ethnicity, m.political, m.education, m.school, m.health, m.dis_type, m.dis_grade, m.labour,
                m.work_status, m.work_months, m.employer, int(m.med), int(m.serious), int(m.pension), int(m.dibao),
                int(m.tekun), m.residence, int(m.active), m.change_reason,
                iso(m.change_date) if m.change_date is not None else None,
            ))
            if m.active and plan.removed_ord is None:
                self.members += 1
                index.append((plan.id, m.id, m.relation == "01", m.name, m.id_number, plan.hh_number))
        rows["search_index"].extend(index_rows(index))
        for row in plan.incomes:
            year = row[0]
            day = min(date(year, 12, 20).toordinal(), self.as_of)
            rows["income"].append((self.new_id(day, secs), 0, 0, stamp(day, secs), plan.id, *row))
        rows["conditions"].append((self.new_id(plan.id_ord, secs + 5), 0, 0, stamp(plan.id_ord, secs + 5), plan.id,
                                   *plan.conditions))


def _jobs(sc: Scenario, households: int, seed: int) -> tuple[int, list[VillageJob]]:
    """Lay the county out (townships, villages, their sizes and names) from the county's own seed."""
    rng = random.Random(f"bangfu-demo|{sc.name}|{households}|{seed}|county")
    townships, sizes = _layout(rng, sc, households)
    names = village_names(rng, len(sizes))
    jobs: list[VillageJob] = []
    lines = tuple(_lines(sc).items())
    per_township: dict[int, int] = {}
    first = 0
    for v, (size, name) in enumerate(zip(sizes, names, strict=True)):
        t = v % townships
        per_township[t] = per_township.get(t, 0) + 1
        jobs.append(VillageJob(sc.name, households, seed, v, t, per_township[t], name, size, first, lines))
        first += size
    return townships, jobs


def _lines(sc: Scenario) -> dict[int, int]:
    return {y: poverty_line_fen(y, COUNTY_CODE) or 0 for y in range(2014, sc.as_of.year + 1)}


def _auto_workers(households: int) -> int:
    """Worker processes for big counties; 0 = generate in-process.

    Small demos (training mode, tests) never start processes, nor does a frozen app (a PyInstaller
    bundle cannot start the fork server) or a platform without one.
    """
    if (households < PARALLEL_FROM or getattr(sys, "frozen", False) or (os.cpu_count() or 1) < 2
            or "forkserver" not in multiprocessing.get_all_start_methods()):
        return 0
    return min(4, os.cpu_count() or 2)


class CountyIds:
    """County-wide uniqueness of ID numbers across villages generated independently.

    A village makes its numbers unique within itself; here a number already used by an earlier
    village gets the next sequence number (same region, birth date and sex) that is free both in
    the earlier villages and in this one (a number free only in the earlier villages could be a
    neighbour's in the same village: one person in two households). Villages are
    processed in order, so the outcome does not depend on how many workers generated them. A
    duplicate *within* a village is left alone: only the quality_problems scenario plants one.
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def renumber(self, members: list[tuple[Any, str, str, str]]) -> dict[Any, tuple[str, str]]:
        """One village's members as (key, sex, number, ISO birth date), in order: the new (number,
        birth date) of those whose number an earlier village already used."""
        used = self.used
        changes: dict[Any, tuple[str, str]] = {}
        numbers = []
        own: set[str] | None = None
        for key, sex, number, birth in members:
            if number in used:
                if own is None:  # the new number must not be one of this village's own either
                    own = {m[2] for m in members}
                new, day = _free_number(used, number[:6], date.fromisoformat(birth), int(number[14:16]), sex, own)
                own.add(new)
                changes[key] = (new, day.isoformat())
                number = new
            numbers.append(number)
        used.update(numbers)
        return changes

    def village(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        """Make the village's member numbers unique in the county (and re-index changed members)."""
        members = rows["member"]
        changes = self.renumber([(i, row[6], row[8], row[9]) for i, row in enumerate(members)])
        if not changes:
            return
        changed: dict[str, tuple[str, str]] = {}
        for i, (number, birth) in changes.items():
            row = members[i]
            members[i] = (*row[:8], number, birth, *row[10:])
            changed[row[0]] = (number, row[5])
        index = rows["search_index"]
        for i, row in enumerate(index):
            if row[1] in changed:
                number, name = changed[row[1]]
                index[i] = next(iter(index_rows([(row[0], row[1], bool(row[2]), name, number, row[7])])))


def _free_number(used: set[str], region: str, birth: date, seq: int, sex: str,
                 also: set[str] | frozenset[str] = frozenset()) -> tuple[str, date]:
    """The next number after ``seq`` in neither ``used`` nor ``also`` (a later birth day if all 100 are taken)."""
    for shift in range(366):
        day = birth + timedelta(days=shift)
        head, weighted = _id_head(region, day.year, day.month, day.day)
        for k in range(1, 101):
            candidate = _id_number(head, weighted, (seq + k) % 100, sex)
            if candidate not in used and candidate not in also:
                return candidate, day
    raise ValueError("no free ID number")  # 36,600 people of one sex born within a year in one region


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # GB 11643, as in app.idnumber


@lru_cache(maxsize=4096)
def _region_weight(region: str) -> int:
    make_id(region, date(2000, 1, 1), 0, "1")  # raises for anything make_id would refuse
    return sum(int(d) * w for d, w in zip(region, _ID_WEIGHTS[:6], strict=True))


@lru_cache(maxsize=400)
def _year_weight(year: int) -> int:
    if year < 1900:
        raise ValueError("birth date must be from 1900 on")
    return sum(int(d) * w for d, w in zip(f"{year:04d}", _ID_WEIGHTS[6:10], strict=True))


def _id_head(region: str, year: int, month: int, day: int) -> tuple[str, int]:
    """The first 14 digits (region, birth date) and their weighted checksum part."""
    weighted = (_region_weight(region) + _year_weight(year) + (month // 10) * 7 + (month % 10) * 9
                + (day // 10) * 10 + (day % 10) * 5)
    return f"{region}{year:04d}{month:02d}{day:02d}", weighted


def _id_number(head: str, weighted: int, seq: int, sex: str) -> str:
    """``app.idnumber.make_id`` from a prepared head (a test compares the two): 2 sequence digits,
    a sex digit (odd male, even female) and the ISO 7064 MOD 11-2 check character."""
    sex_digit = (seq % 5) * 2 + (1 if sex == "1" else 0)
    total = weighted + (seq // 10) * 8 + (seq % 10) * 4 + sex_digit * 2
    return f"{head}{seq:02d}{sex_digit}{_CHECK_CHARS[total % 11]}"


_CHECK_CHARS = "10X98765432"


def _load(conn: Any, jobs: list[VillageJob], summary: DemoSummary, progress: Progress | None,
          cancel: Cancel | None) -> None:
    """Generate the villages here and write their rows in village order (inside the caller's transaction)."""
    sink = Sink(conn)
    ids = CountyIds()
    done = 0
    for job in jobs:
        result = make_village(job)
        ids.village(result.rows)
        for table, rows in result.rows.items():
            sink.rows[table].extend(rows)
        summary.members += result.members
        summary.defects += result.defects
        if sink.pending() >= FLUSH_ROWS:
            sink.flush()
        done += job.size
        if cancel is not None and cancel():
            raise DemoCancelled()
        if progress is not None:
            progress(done, summary.households)
    sink.flush()
    summary.rows = dict(sink.counts)


def _leave_wal(db: Any, conn: Any) -> bool:
    """Switch a WAL database to a rollback journal for the load, if this is its only connection.

    In WAL mode the one big commit writes every page twice (into the WAL, then the checkpoint
    copies it into the file); with a rollback journal the pages go straight into the file, and the
    journal holds only the pages the load changes (few in a fresh database), so a crash still
    rolls back cleanly. SQLite can leave WAL only when no other connection has the file open, so
    the database's idle pooled connections are closed first (the engines open new ones when next
    used); if another one is in use, the load simply stays in WAL. True if the mode was changed
    (``_restore_wal`` must then run after the commit or rollback).
    """
    if str(conn.execute("PRAGMA main.journal_mode").fetchone()[0]).lower() != "wal":
        return False
    db.read_engine.dispose()
    db.write_engine.dispose()
    conn.execute("PRAGMA busy_timeout = 0")  # a busy file means another connection: don't wait
    try:
        mode = str(conn.execute("PRAGMA main.journal_mode = DELETE").fetchone()[0]).lower()
    except Exception:  # sqlcipher3's OperationalError "database is locked"
        mode = "wal"
    finally:
        conn.execute("PRAGMA busy_timeout = 30000")
    return mode == "delete"


def _restore_wal(conn: Any) -> None:
    """Back to WAL after a load that left it (the mode is stored in the file). Waits for readers
    (busy timeout); should it still fail, the database keeps working with a rollback journal."""
    try:
        mode = str(conn.execute("PRAGMA main.journal_mode = WAL").fetchone()[0]).lower()
    except Exception as exc:  # pragma: no cover - another process kept the file busy for 30 s
        mode = type(exc).__name__
    if mode != "wal":  # pragma: no cover
        log.warning("demo: database left in journal mode %s", mode)


def _drop_indexes(conn: Any) -> list[str]:
    """Drop the secondary indexes of the tables the demo fills; returns their ``CREATE INDEX``.

    Building an index once from the loaded rows (SQLite sorts them) costs a fraction of keeping it
    up to date row by row while millions of rows with scattered keys arrive. The statements are
    the ones stored in the schema, so the recreated indexes are exactly the same.
    """
    tables = ", ".join(f"'{t}'" for t in ORDER if t != "search_index")
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                        f"AND tbl_name IN ({tables}) ORDER BY name").fetchall()
    for name, _sql in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


#: FTS5 merge settings during the load, and SQLite's defaults (https://sqlite.org/fts5.html#fts5_options).
_FTS_LOAD = {"automerge": 0, "crisismerge": 200}
_FTS_DEFAULTS = {"automerge": 4, "crisismerge": 16}


def _defer_fts_merges(conn: Any) -> dict[str, Any]:
    """No incremental merging of the search index's segments while the load adds them: the final
    ``optimize`` merges everything into one segment anyway, so merging on the way is work done
    twice. Returns the settings stored before (usually none: the defaults)."""
    before = dict(conn.execute("SELECT k, v FROM search_index_config WHERE k IN ('automerge', 'crisismerge')"))
    for key, value in _FTS_LOAD.items():
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES (?, ?)", (key, value))
    return before


def _restore_fts_merges(conn: Any, before: dict[str, Any]) -> None:
    for key in _FTS_LOAD:
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES (?, ?)",
                     (key, before.get(key, _FTS_DEFAULTS[key])))
        if key not in before:  # leave the config table as it was: the default is not stored
            conn.execute("DELETE FROM search_index_config WHERE k = ?", (key,))


def generate(db: Any, households: int, seed: int, scenario: str = "default", progress: Progress | None = None,
             cancel: Cancel | None = None, replace: bool = False, workers: int | None = None) -> DemoSummary:
    """Fill ``db`` with a fictional county of ``households`` households (see the module doc).

    Refuses a database with real (non-demo) households, and one that already holds demo data
    unless ``replace``. ``progress(done, total)`` is called after each village; ``cancel()`` is
    polled there too. ``workers``: processes generating villages in parallel (None: automatic,
    0: none); the rows are the same for any number. Marks the database as demo (sync_meta
    ``demo`` = ``1``) and records one ``demo.generate`` audit entry.
    """
    from app.services.audit import record_event

    sc = _validate(households, scenario)
    started = time.perf_counter()
    townships, jobs = _jobs(sc, households, seed)
    summary = DemoSummary(sc.name, seed, households, sc.as_of, townships, len(jobs))
    workers = _auto_workers(households) if workers is None else workers
    with db.write_lock:
        conn = db.raw()
        staging = None
        wal = False
        try:
            conn.execute("PRAGMA foreign_keys = OFF")  # parents are written first; checked by the tests
            wal = _leave_wal(db, conn)
            # Ids are time-ordered by the generated dates, so every village inserts all over the id
            # indexes: keep them in memory (SQLite grows the cache only as pages are touched).
            conn.execute(f"PRAGMA cache_size = -{min(max(households * 16, 262_144), 1_572_864)}")
            conn.execute("BEGIN IMMEDIATE")
            try:
                _existing(conn, replace)
                indexes = _drop_indexes(conn)
                merges = _defer_fts_merges(conn)
                if workers > 0:
                    from app.demo.parallel import Staging

                    staging = Staging()
                    staging.load(conn, jobs, workers, summary, CountyIds(), progress, cancel, DemoCancelled)
                else:
                    _load(conn, jobs, summary, progress, cancel)
                for sql in indexes:
                    conn.execute(sql)
                conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")  # as rebuild() ends
                _restore_fts_merges(conn, merges)
                meta = {
                    "demo": "1", "demo_scenario": sc.name, "demo_seed": str(seed), "demo_households": str(households),
                    "demo_as_of": sc.as_of.isoformat(),
                    "demo_defects": json.dumps(summary.defects, ensure_ascii=False, separators=(",", ":")),
                }
                conn.executemany("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", list(meta.items()))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            if staging is not None:
                staging.close(conn)
            if wal:
                _restore_wal(conn)
            conn.close()
    summary.seconds = round(time.perf_counter() - started, 2)
    record_event(db, "demo.generate", "database", db.meta("db_id") or "", {
        "scenario": sc.name, "seed": seed, "households": households, "villages": summary.villages,
        "members": summary.members, "replace": replace,
    })
    return summary
