"""Run the data-quality rules over the whole database (or one village/township/county).

Why this shape: a county holds ~100,000 households and ~400,000 people in an encrypted file of
a gigabyte or more, and the checks must finish in seconds. Every table is read **once, in
sequence** (joins and index-driven GROUP BYs turn into random page reads, ten times slower):
the member rules are boolean SQL expressions folded into one bitmask per member during the
member scan; the household rules and the rules that compare rows (one person in two households,
the same ID twice, orphans, employment support without wages, 一比对 matches) are plain Python
over what the scans gathered. A small scope (one village or township) is read through the
indexes instead.

Ages are whole years on ``as_of`` (default today; a demo database's own day, see
``app.services.reference_date``). "Exited" means 脱贫属性 02/03.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.codes import code_list, poverty_line_fen
from app.fields import field_label
from app.i18n import t_in
from app.idnumber import mask_id
from app.quality.rules import Rule, rules
from app.services.reference_date import reference_date
from app.store.database import Database
from app.validation import format_money

EXITED = "('02','03')"
HEAD = "01"
#: Expected ages (inclusive) for each 在校生状况 other than 01 (not in school) and 03 (primary: own rule).
SCHOOL_AGES: dict[str, tuple[int, int]] = {
    "02": (2, 7), "04": (11, 17), "05": (11, 17), "06": (11, 17), "07": (14, 21), "08": (14, 21), "09": (14, 21),
    "10": (14, 21), "11": (14, 21), "12": (14, 21), "13": (16, 25), "14": (16, 25), "15": (16, 25), "16": (16, 120),
}
#: 文化程度 a pupil of each 在校生状况 may have (the level attained or being attended).
SCHOOL_EDUCATION: dict[tuple[str, ...], tuple[str, ...]] = {
    ("02",): ("06",),
    ("03",): ("02", "06"),
    ("04", "05", "06"): ("02", "03"),
    ("07", "08", "09", "10", "11", "12"): ("03", "04"),
    ("13", "14", "15", "16"): ("04", "05"),
}
#: 文化程度 → youngest plausible age; 学龄前儿童 (06) → oldest.
EDUCATION_MIN_AGE: dict[str, int] = {"02": 6, "03": 11, "04": 14, "05": 17}
PRESCHOOL_MAX_AGE = 7
YOUNG_CHILD_AGE = 5  # a child this young can only be 学龄前儿童
COMPULSORY_AGES = (6, 15)  # 义务教育
WORKING_AGE = (16, 59)
HEALTH_EXCUSED = ("03", "04")  # 患有大病, 残疾: out of school for health reasons
DISABILITY_WORDS = ("残疾",)  # measure content naming a disability subsidy (残疾人两项补贴 …)
EMPLOYMENT_CATEGORIES = ("02",)  # 就业扶贫 (转移就业/劳务输出); 公益岗位 pay may be in kind
MEMBER_REQUIRED = ("name", "relation", "sex", "education", "health", "labour_skill")
HOUSEHOLD_REQUIRED = ("hh_number", "household_attr", "main_cause", "identified_year")


@dataclass(frozen=True)
class Finding:
    """One rule broken by one household or member. ``params`` hold raw values; labels and money
    are rendered when the message is read, in the reader's language."""

    rule: Rule
    household_id: str | None
    hh_number: str
    village_code: str
    head_name: str = ""
    member_id: str | None = None
    member_name: str = ""
    id_number: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> str:
        return self.rule.severity

    def message(self, lang: str | None = None) -> str:
        return t_in(lang, self.rule.message_code, **_render(self.params, lang))

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The ``bangfu check --json`` shape: the member's ID number is masked."""
        return {"rule": self.rule.code, "severity": self.severity, "household": self.hh_number,
                "member": mask_id(self.id_number) if self.id_number else "", "village": self.village_code,
                "message": self.message(lang)}


def _render(params: dict[str, Any], lang: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "fen":
            out[key] = format_money(value[1], lang).split(" ")[0]
        elif isinstance(value, tuple) and len(value) == 2:
            out[key] = code_list(value[0]).label(value[1], lang)
        elif isinstance(value, list):  # field names
            sep = ", " if (lang or "").startswith("en") else "、"
            out[key] = sep.join(field_label(entity, name) for entity, name in value)
        else:
            out[key] = value
    return out


def _in(values: Iterable[str]) -> str:
    return "(" + ",".join(f"'{v}'" for v in values) + ")"


# -- member rules: one SQL predicate each over the row ``m`` below --------------------------------
_ID_BIRTH = "substr(idn,7,4)||'-'||substr(idn,11,2)||'-'||substr(idn,13,2)"
_CHECKSUM = "+".join(f"substr(idn,{i + 1},1)*{w}" for i, w in enumerate((7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8,
                                                                            4, 2)))
_SCHOOL_AGE = "CASE school_status " + " ".join(
    f"WHEN '{code}' THEN age NOT BETWEEN {low} AND {high}" for code, (low, high) in SCHOOL_AGES.items()
) + " ELSE 0 END"
_EDU_SCHOOL = "CASE " + " ".join(
    f"WHEN school_status IN {_in(codes)} THEN education NOT IN {_in((*allowed, ''))}"
    for codes, allowed in SCHOOL_EDUCATION.items()
) + " ELSE 0 END"
_EDU_AGE = " OR ".join([
    *(f"(education = '{code}' AND age < {low})" for code, low in EDUCATION_MIN_AGE.items()),
    f"(education = '06' AND age > {PRESCHOOL_MAX_AGE})",
    f"(education NOT IN ('06','') AND age <= {YOUNG_CHILD_AGE})",
])


def _dropout_sql(age: str, school: str, health: str) -> str:
    """A child of compulsory-school age out of school, not for health reasons (domain.md §5)."""
    return (f"({age} BETWEEN {COMPULSORY_AGES[0]} AND {COMPULSORY_AGES[1]} AND {school} = '01' "
            f"AND {health} NOT IN {_in(HEALTH_EXCUSED)})")


_AGE_OF = "((:asof - CAST(replace({birth}, '-', '') AS INTEGER)) / 10000)"
_DROPOUT = _dropout_sql("age", "school_status", "health")
MEMBER_RULES: dict[str, str] = {
    "id_missing": "id_type = '01' AND idn = ''",
    "id_invalid": "id_type = '01' AND idn != '' AND NOT wf",
    "id_checksum": f"wf AND substr(idn,18,1) != substr('10X98765432', ({_CHECKSUM}) % 11 + 1, 1)",
    "id_birth": f"wf AND birth_date IS NOT NULL AND birth_date != {_ID_BIRTH}",
    "id_sex": "wf AND sex IN ('1','2') AND sex != (CASE WHEN CAST(substr(idn,17,1) AS INTEGER) % 2 = 1 "
              "THEN '1' ELSE '2' END)",
    "pupil_age": "school_status = '03' AND age NOT BETWEEN 6 AND 14",
    "school_age": _SCHOOL_AGE,
    "education_age": _EDU_AGE,
    "education_school": _EDU_SCHOOL,
    "labour_age": (f"(age < {WORKING_AGE[0]} AND labour_skill IN ('01','02','03','04')) OR "
                   f"(age BETWEEN {WORKING_AGE[0]} AND {WORKING_AGE[1]} AND labour_skill = '05' AND health = '01' "
                   f"AND school_status IN ('01',''))"),
    "dropout": _DROPOUT,
    "work_months_over": "work_months > 12",
    "work_months_status": ("(work_status = '06' AND work_months > 0) OR "
                           "(work_status IN ('01','02','03','04') AND work_months = 0)"),
    "no_med_insurance": "NOT med_insurance",
    "member_required": "missing != 0",
}
MEMBER_BITS: dict[str, int] = {code: 1 << i for i, code in enumerate(MEMBER_RULES)}
_MISSING = " + ".join(f"(COALESCE({f}, '') = '') * {1 << i}" for i, f in enumerate(MEMBER_REQUIRED))
_MASK = " | ".join(f"(CASE WHEN {expr} THEN {MEMBER_BITS[code]} ELSE 0 END)" for code, expr in MEMBER_RULES.items())

#: One sequential scan of the member table: each living member with the bitmask of the member
#: rules it breaks and the few values the household rules add up. No join: joining households
#: would turn the scan into random page reads of a large encrypted file (10x slower). The derived
#: columns (age, well-formed ID) are MATERIALIZED so that the rules reading them many times do not
#: recompute them (SQLite would otherwise inline the expressions into every predicate).
_MEMBER_SCAN = f"""
WITH x AS MATERIALIZED (
      SELECT m.id AS mid, m.household_id AS hid, m.id_number AS idn, m.id_type, m.sex, m.birth_date,
             m.relation = '{HEAD}' AS is_head, m.education, m.school_status, m.health, m.labour_skill,
             m.work_status, m.work_months, m.med_insurance,
             (m.health = '04' OR COALESCE(m.disability_type, '') != '') AS disabled,
             {_MISSING.replace("COALESCE(", "COALESCE(m.")} AS missing,
             {_AGE_OF.format(birth="m.birth_date")} AS age,
             (length(m.id_number) = 18 AND substr(m.id_number, 1, 17) NOT GLOB '*[^0-9]*'
              AND substr(m.id_number, 18, 1) GLOB '[0-9X]'
              AND COALESCE(date({_ID_BIRTH.replace('idn', 'm.id_number')}) = {_ID_BIRTH.replace('idn', 'm.id_number')},
                           0)) AS wf
      FROM member m WHERE m.active AND NOT m.deleted {{restrict}})
SELECT mid, hid, idn, is_head, disabled, {_DROPOUT} AS dropout, {_MASK} AS mask, missing, age, school_status,
       education, labour_skill, work_months, work_status
FROM x
"""
_DISABILITY_TEXT = " OR ".join(f"content LIKE '%{w}%'" for w in DISABILITY_WORDS)
_NET = ("wage_fen + business_fen + property_fen + transfer_family_planning_fen + transfer_dibao_fen "
        "+ transfer_tekun_fen + transfer_pension_fen + transfer_eco_fen + transfer_other_fen - business_expense_fen")
HOUSEHOLD_RULES = ("size_mismatch", "no_head", "two_heads", "household_required", "exited_below_line",
                   "exited_no_income", "exited_cd_house", "exited_dropout", "disability_subsidy_no_disabled")
CROSS_RULES = frozenset({"person_two_households", "duplicate_in_household", "member_orphan", "employment_no_wage",
                         "register_match"})
#: Below this share of the county's households a scope is read through the indexes, above it
#: by sequential scans.
INDEXED_SHARE = 0.2


def implemented() -> frozenset[str]:
    """Rule codes that have an implementation (a test compares this with the rules table)."""
    return frozenset(MEMBER_RULES) | frozenset(HOUSEHOLD_RULES) | CROSS_RULES


@dataclass
class _House:
    """What the household rules need to know about one household, gathered from several scans."""

    __slots__ = ("cause", "danger", "disabled", "dis_measures", "dropouts", "exit_status", "exit_year", "heads",
                 "hh_number", "identified", "attr", "incomes", "n", "province", "size")
    size: int
    exit_status: str
    exit_year: int | None
    hh_number: str
    attr: str
    cause: str
    identified: int | None
    province: str
    n: int
    heads: int
    disabled: int
    dropouts: int
    danger: str
    dis_measures: int
    incomes: dict[int, float] | None  # year -> per-capita fen (items, or the reported figure)


class _Run:
    def __init__(self, conn: Any, scope: str | None, wanted: set[str], as_of: date) -> None:
        self.conn = conn
        self.scope = scope
        self.wanted = wanted
        self.asof = as_of.year * 10000 + as_of.month * 100 + as_of.day
        self.found: list[tuple[str, str | None, str | None, dict[str, Any]]] = []
        self.error: BaseException | None = None
        self.lines: dict[tuple[int, str], int | None] = {}

    def add(self, code: str, household_id: str | None, member_id: str | None, **params: Any) -> None:
        if code in self.wanted:
            self.found.append((code, household_id, member_id, params))

    def line(self, year: int, province: str) -> int | None:
        key = (year, province)
        if key not in self.lines:
            self.lines[key] = poverty_line_fen(year, province)
        return self.lines[key]

    # -- reading -------------------------------------------------------------------------------
    def households(self) -> None:
        conn = self.conn
        villages = {vid: code for vid, code in conn.execute("SELECT id, code FROM village WHERE code LIKE ?",
                                                            (f"{self.scope or ''}%",))}
        self.houses: dict[str, _House] = {}
        self.all_ids: set[str] = set()
        self.live_ids: set[str] = set()
        total = 0
        for hid, vid, deleted, size, status, exit_year, number, attr, cause, identified in conn.execute(
                "SELECT id, village_id, deleted, size, exit_status, exit_year, hh_number, household_attr, main_cause, "
                "identified_year FROM household"):
            total += 1
            self.all_ids.add(hid)
            if not deleted:
                self.live_ids.add(hid)
            code = villages.get(vid)
            if code is None or deleted:
                continue
            self.houses[hid] = _House(size, status, exit_year, number or "", attr or "", cause or "", identified,
                                      code[:2], 0, 0, 0, 0, "", 0, None)
        self.indexed = self.scope is not None and len(self.houses) < INDEXED_SHARE * max(total, 1)
        if self.indexed:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope_households (id TEXT PRIMARY KEY)")
            conn.execute("DELETE FROM scope_households")
            conn.executemany("INSERT INTO scope_households VALUES (?)", [(h,) for h in self.houses])

    def _restrict(self, column: str) -> str:
        return f"AND {column} IN (SELECT id FROM scope_households)" if self.indexed else ""

    def members(self) -> None:
        houses, add = self.houses, self.add
        codes = list(MEMBER_RULES)
        self.people: dict[str, dict[str, str]] = {}  # ID number -> {household: first member}
        self.twice: dict[tuple[str, str], list[str]] = {}
        orphans = self.scope is None and "member_orphan" in self.wanted
        live = self.live_ids
        sql = _MEMBER_SCAN.format(restrict=self._restrict("m.household_id"))
        for (mid, hid, idn, is_head, disabled, dropout, mask, missing, age, school, education, skill, months,
             work) in self.conn.execute(sql, {"asof": self.asof}):
            if idn and hid in live:  # every live household, in scope or not: one person, two homes
                homes = self.people.get(idn)
                if homes is None:
                    self.people[idn] = {hid: mid}
                elif hid in homes:
                    self.twice.setdefault((hid, idn), [homes[hid]]).append(mid)
                else:
                    homes[hid] = mid
            house = houses.get(hid)
            if house is None:
                if orphans and hid not in self.all_ids:
                    add("member_orphan", None, mid)
                continue
            house.n += 1
            house.heads += is_head
            house.disabled += disabled
            house.dropouts += dropout
            if mask:
                for code in codes:
                    if mask & MEMBER_BITS[code]:
                        add(code, hid, mid, **_member_params(code, age, school, education, skill, months, work,
                                                             missing))

    def cross_people(self) -> None:
        """One person in two households; the same ID twice in one household."""
        if "duplicate_in_household" in self.wanted:
            for (hid, _idn), mids in self.twice.items():
                if hid not in self.houses:
                    continue
                for mid in dict.fromkeys(mids):
                    self.add("duplicate_in_household", hid, mid, count=len(set(mids)))
        if "person_two_households" not in self.wanted:
            return
        shared = {idn for idn, homes in self.people.items() if len(homes) > 1}
        outside: dict[str, int] = {}
        if self.indexed:  # the other household may lie outside the scope
            numbers = list(self.people)
            for start in range(0, len(numbers), 500):
                chunk = numbers[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for idn, count in self.conn.execute(
                        f"SELECT m.id_number, count(DISTINCT m.household_id) FROM member m "
                        f"JOIN household h ON h.id = m.household_id WHERE m.id_number IN ({marks}) AND m.active "
                        f"AND NOT m.deleted AND NOT h.deleted GROUP BY m.id_number HAVING count(DISTINCT "
                        f"m.household_id) > 1", chunk):
                    shared.add(idn)
                    outside[idn] = count
        for idn in sorted(shared):
            homes = self.people[idn]
            for hid, mid in homes.items():
                if hid in self.houses:
                    self.add("person_two_households", hid, mid, count=outside.get(idn, len(homes)))

    def extras(self, conn: Any = None) -> None:
        """Conditions, incomes and measures of the households in scope (sequential scans).

        May run on its own connection in a second thread while ``members`` scans: the two touch
        different attributes of the households, and SQLite works outside the GIL.
        """
        conn = conn or self.conn
        try:
            self._extras(conn)
        except BaseException as exc:  # re-raised by run_checks on the calling thread
            self.error = exc

    def _extras(self, conn: Any) -> None:
        houses = self.houses
        for hid, level in conn.execute(
                f"SELECT household_id, house_danger_level FROM conditions WHERE NOT deleted "
                f"AND house_danger_level IN ('C', 'D') {self._restrict('household_id')}"):
            if hid in houses:
                houses[hid].danger = level
        exited = {hid for hid, h in houses.items() if h.exit_status in EXITED_CODES}
        employment: set[tuple[str, int]] = set()
        for hid, category, year, disability in conn.execute(
                f"SELECT household_id, category, CAST(substr(date, 1, 4) AS INTEGER), ({_DISABILITY_TEXT}) "
                f"FROM measure WHERE NOT deleted AND (category IN {_in(EMPLOYMENT_CATEGORIES)} "
                f"OR {_DISABILITY_TEXT}) {self._restrict('household_id')}"):
            house = houses.get(hid)
            if house is None:
                continue
            if disability:
                house.dis_measures += 1
            if category in EMPLOYMENT_CATEGORIES:
                employment.add((hid, year))
        items: set[tuple[str, int]] = set()
        for hid, year, net, wage in conn.execute(
                f"SELECT household_id, year, {_NET}, wage_fen FROM income WHERE NOT deleted "
                f"{self._restrict('household_id')}"):
            if (hid, year) in employment and wage == 0:
                self.add("employment_no_wage", hid, None, year=year)
            if hid in exited:
                house = houses[hid]
                if house.incomes is None:
                    house.incomes = {}
                house.incomes[year] = net / house.size if house.size > 0 else None  # type: ignore[assignment]
                items.add((hid, year))
        for hid, year, per_capita in conn.execute(
                f"SELECT household_id, year, per_capita_fen FROM reported_income WHERE NOT deleted "
                f"{self._restrict('household_id')}"):
            if hid in exited and (hid, year) not in items:
                house = houses[hid]
                if house.incomes is None:
                    house.incomes = {}
                house.incomes[year] = per_capita

    def household_rules(self) -> None:
        add = self.add
        for hid, h in self.houses.items():
            if h.size != h.n:
                add("size_mismatch", hid, None, size=h.size, count=h.n)
            if h.heads == 0:
                add("no_head", hid, None)
            elif h.heads > 1:
                add("two_heads", hid, None, count=h.heads)
            missing = [name for name, value in (("hh_number", h.hh_number), ("household_attr", h.attr),
                                                ("main_cause", h.cause), ("identified_year", h.identified))
                       if value in (None, "")]
            if missing:
                add("household_required", hid, None, fields=[("household", f) for f in missing])
            if h.dis_measures and not h.disabled:
                add("disability_subsidy_no_disabled", hid, None)
            if h.exit_status not in EXITED_CODES:
                continue
            if h.danger:
                add("exited_cd_house", hid, None, level=h.danger)
            if h.dropouts:
                add("exited_dropout", hid, None)
            if not h.incomes:
                add("exited_no_income", hid, None)
                continue
            latest = max(h.incomes)
            for year in dict.fromkeys([y for y in (h.exit_year, latest) if y in h.incomes]):
                pc, line = h.incomes[year], self.line(year, h.province)
                if pc is not None and line is not None and pc < line:
                    add("exited_below_line", hid, None, year=year, income=("fen", int(round(pc))), line=("fen", line))
                    break

    def register_matches(self) -> None:
        if "register_match" not in self.wanted:
            return
        for hid, mid, kind, source in self.conn.execute(
                "SELECT household_id, member_id, kind, source FROM register_match WHERE NOT deleted AND NOT resolved"):
            house = self.houses.get(hid)
            if house is not None and house.exit_status in ("01", "02", "04"):
                self.add("register_match", hid, mid, kind=("removal_reason", kind), source=source or "—")


EXITED_CODES = frozenset({"02", "03"})


def _member_params(code: str, age: Any, school: str, education: str, skill: str, months: int, work: str,
                   missing: int) -> dict[str, Any]:
    if code in ("pupil_age", "dropout"):
        return {"age": age}
    if code == "school_age":
        return {"age": age, "status": ("school_status", school)}
    if code == "education_age":
        return {"age": age, "education": ("education", education)}
    if code == "education_school":
        return {"education": ("education", education), "status": ("school_status", school)}
    if code == "labour_age":
        return {"age": age, "skill": ("labour_skill", skill)}
    if code == "work_months_over":
        return {"months": months}
    if code == "work_months_status":
        return {"months": months, "status": ("work_status", work)}
    if code == "member_required":
        return {"fields": [("member", f) for i, f in enumerate(MEMBER_REQUIRED) if missing & (1 << i)]}
    return {}


def run_checks(db: Database, scope: str | None = None, codes: Sequence[str] | None = None,
               as_of: date | None = None) -> list[Finding]:
    """All findings for ``scope`` (a 12-digit village, 9-digit township or 6-digit county code
    prefix; None = everything), in rules-table order, then by village and household number. Ages
    are counted on ``as_of`` (default: ``reference_date``, today outside demo databases)."""
    table = rules()
    by_code = {r.code: r for r in table}
    wanted = set(codes) if codes is not None else set(by_code)
    unknown = wanted - set(by_code)
    if unknown:
        raise KeyError(sorted(unknown)[0])
    conn = db.raw()
    try:
        run = _Run(conn, scope, wanted, as_of or reference_date(db))
        run.households()
        if run.indexed:  # a small scope: the scope table lives on this connection
            run.members()
            run.extras()
        else:
            other = db.raw()
            try:
                worker = threading.Thread(target=run.extras, args=(other,), name="quality-extras")
                worker.start()
                try:
                    run.members()
                finally:
                    worker.join()
            finally:
                other.close()
        if run.error is not None:
            raise run.error
        run.cross_people()
        run.household_rules()
        run.register_matches()
        findings = _resolve(conn, run.found, by_code)
    finally:
        conn.close()
    order = {r.code: i for i, r in enumerate(table)}
    findings.sort(key=lambda f: (order[f.rule.code], f.village_code, f.hh_number, f.member_name))
    return findings


def _resolve(conn: Any, found: list[tuple[str, str | None, str | None, dict[str, Any]]],
             by_code: dict[str, Rule]) -> list[Finding]:
    """Attach household numbers, village codes, names and ID numbers to the raw findings."""
    household_ids = sorted({hid for _c, hid, _m, _p in found if hid})
    member_ids = sorted({mid for _c, _h, mid, _p in found if mid})
    households: dict[str, tuple[str, str, str]] = {}
    members: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for mid, name, number, hid in conn.execute(
                f"SELECT id, name, id_number, household_id FROM member WHERE id IN ({marks})", chunk):
            members[mid] = (name, number, hid)
    for start in range(0, len(household_ids), 500):
        chunk = household_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for hid, number, code, head in conn.execute(
                f"SELECT h.id, h.hh_number, v.code, h.head_name FROM household h JOIN village v ON v.id = h.village_id "
                f"WHERE h.id IN ({marks})", chunk):
            households[hid] = (number, code, head)
    out = []
    for code, hid, mid, params in found:
        number, village, head = households.get(hid or "", ("", "", ""))
        name, id_number, _home = members.get(mid or "", ("", "", ""))
        out.append(Finding(by_code[code], hid, number, village, head, mid, name, id_number, params))
    return out


def summary(findings: Sequence[Finding]) -> list[tuple[Rule, int, int]]:
    """(rule, findings, households affected) for every rule that fired, in table order."""
    counts: dict[str, list[Any]] = {}
    for f in findings:
        entry = counts.setdefault(f.rule.code, [f.rule, 0, set()])
        entry[1] += 1
        entry[2].add(f.household_id)
    order = {r.code: i for i, r in enumerate(rules())}
    return [(r, n, len(h)) for r, n, h in sorted(counts.values(), key=lambda e: order[e[0].code])]
