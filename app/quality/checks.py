"""Run the data-quality rules over the whole database (or one village/township/county) in SQL.

Why SQL: a county holds ~100,000 households and ~400,000 people, and the checks must finish in
seconds. Member rules are boolean SQL expressions over one row per living member (with its age
and ID-number facts computed once); they are evaluated together in **one** scan, and only
flagged rows come back to Python. Household rules work the same way over one row per household
with its member aggregates, latest income and poverty line. Rules that compare rows with each
other (one person in two households, orphans, 一比对 matches, measures against incomes) have
their own queries.

Ages are whole years on ``as_of`` (default today). "Exited" means 脱贫属性 02/03.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.codes import code_list, poverty_line_fen
from app.fields import field_label
from app.i18n import t_in
from app.idnumber import mask_id
from app.quality.rules import Rule, rules
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
_MISSING_FIELDS = "||".join(f"CASE WHEN COALESCE({f},'') = '' THEN '{f},' ELSE '' END" for f in MEMBER_REQUIRED)

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
    "member_required": f"({_MISSING_FIELDS}) != ''",
}

_MEMBER_ROWS = f"""
SELECT m.id AS mid, m.household_id AS hid, m.id_number AS idn, m.id_type, m.sex, m.birth_date,
       m.relation, m.education, m.school_status, m.health, m.labour_skill, m.work_status, m.work_months,
       m.med_insurance, m.name, m.disability_type,
       {_AGE_OF.format(birth="m.birth_date")} AS age,
       (length(m.id_number) = 18 AND substr(m.id_number, 1, 17) NOT GLOB '*[^0-9]*'
        AND substr(m.id_number, 18, 1) GLOB '[0-9X]'
        AND COALESCE(date({_ID_BIRTH.replace('idn', 'm.id_number')}) = {_ID_BIRTH.replace('idn', 'm.id_number')},
                     0)) AS wf
FROM member m JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id
WHERE m.active AND NOT m.deleted AND NOT h.deleted AND v.code LIKE :scope
"""

# -- household rules over the row ``hh`` below -------------------------------------------------
_HH_MISSING = "||".join(f"CASE WHEN COALESCE(CAST({f} AS TEXT),'') = '' THEN '{f},' ELSE '' END"
                        for f in HOUSEHOLD_REQUIRED)
HOUSEHOLD_RULES: dict[str, str] = {
    "size_mismatch": "size != n",
    "no_head": "heads = 0",
    "two_heads": "heads > 1",
    "household_required": f"({_HH_MISSING}) != ''",
    "exited_below_line": f"exit_status IN {EXITED} AND (pc_exit < line_exit OR pc < line)",
    "exited_no_income": f"exit_status IN {EXITED} AND income_year IS NULL",
    "exited_cd_house": f"exit_status IN {EXITED} AND danger IN ('C','D')",
    "exited_dropout": f"exit_status IN {EXITED} AND dropouts > 0",
    "disability_subsidy_no_disabled": "disability_measures > 0 AND disabled = 0",
}



def _per_capita(income: str, reported: str) -> str:
    """人均纯收入 in fen from the item-by-item income row, else from the reported figure."""
    net = "+".join(f"{income}.{item}" for item in ("wage_fen", "business_fen", "property_fen",
                                                   "transfer_family_planning_fen", "transfer_dibao_fen",
                                                   "transfer_tekun_fen", "transfer_pension_fen", "transfer_eco_fen",
                                                   "transfer_other_fen"))
    return (f"(CASE WHEN {income}.id IS NOT NULL THEN CASE WHEN h.size > 0 THEN "
            f"({net} - {income}.business_expense_fen) * 1.0 / h.size END ELSE {reported}.per_capita_fen END)")


_HOUSEHOLD_ROWS = f"""
WITH mem AS (
    SELECT m.household_id AS hid, count(*) AS n, sum(m.relation = '{HEAD}') AS heads,
           sum(m.health = '04' OR COALESCE(m.disability_type, '') != '') AS disabled,
           sum({_dropout_sql(_AGE_OF.format(birth="m.birth_date"), "m.school_status", "m.health")}) AS dropouts
    FROM member m WHERE m.active AND NOT m.deleted GROUP BY m.household_id
), years AS (
    SELECT household_id AS hid, max(year) AS y FROM (
        SELECT household_id, year FROM income WHERE NOT deleted
        UNION ALL SELECT household_id, year FROM reported_income WHERE NOT deleted
    ) GROUP BY household_id
), dis AS (
    SELECT household_id AS hid, count(*) AS k FROM measure
    WHERE NOT deleted AND ({' OR '.join(f"content LIKE '%{w}%'" for w in DISABILITY_WORDS)})
    GROUP BY household_id
)
SELECT h.id AS hid, h.size, h.exit_status, h.hh_number, h.household_attr, h.main_cause, h.identified_year,
       COALESCE(mem.n, 0) AS n, COALESCE(mem.heads, 0) AS heads, COALESCE(mem.disabled, 0) AS disabled,
       COALESCE(mem.dropouts, 0) AS dropouts, COALESCE(dis.k, 0) AS disability_measures,
       c.house_danger_level AS danger, years.y AS income_year,
       h.exit_year, {_per_capita("i", "r")} AS pc, COALESCE(lp.fen, ln.fen) AS line,
       {_per_capita("ei", "er")} AS pc_exit, COALESCE(elp.fen, eln.fen) AS line_exit
FROM household h JOIN village v ON v.id = h.village_id
LEFT JOIN mem ON mem.hid = h.id
LEFT JOIN dis ON dis.hid = h.id
LEFT JOIN conditions c ON c.household_id = h.id AND NOT c.deleted
LEFT JOIN years ON years.hid = h.id
LEFT JOIN income i ON i.household_id = h.id AND i.year = years.y AND NOT i.deleted
LEFT JOIN reported_income r ON r.household_id = h.id AND r.year = years.y AND NOT r.deleted
LEFT JOIN lines lp ON lp.year = years.y AND lp.province = substr(v.code, 1, 2)
LEFT JOIN lines ln ON ln.year = years.y AND ln.province = ''
LEFT JOIN income ei ON ei.household_id = h.id AND ei.year = h.exit_year AND NOT ei.deleted
LEFT JOIN reported_income er ON er.household_id = h.id AND er.year = h.exit_year AND NOT er.deleted
LEFT JOIN lines elp ON elp.year = h.exit_year AND elp.province = substr(v.code, 1, 2)
LEFT JOIN lines eln ON eln.year = h.exit_year AND eln.province = ''
WHERE NOT h.deleted AND v.code LIKE :scope
"""


def _flag_query(base: str, predicates: dict[str, str], wrap: str = "") -> str:
    flags = ", ".join(f"CASE WHEN {expr} THEN 1 ELSE 0 END AS f_{code}" for code, expr in predicates.items())
    any_flag = " OR ".join(f"({expr})" for expr in predicates.values())
    return f"{wrap}SELECT *, {flags} FROM ({base}) AS x WHERE {any_flag}"


def _lines_table(conn: Any) -> None:
    """A temporary table of poverty lines for every year and every province in the database."""
    provinces = {r[0] for r in conn.execute("SELECT DISTINCT substr(code, 1, 2) FROM village")}
    years = range(2000, date.today().year + 2)
    rows = []
    for year in years:
        national = poverty_line_fen(year)
        if national is not None:
            rows.append((year, "", national))
        for province in provinces:
            own = poverty_line_fen(year, province)
            if own is not None and own != national:
                rows.append((year, province, own))
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS lines (year INTEGER, province TEXT, fen INTEGER)")
    conn.execute("DELETE FROM lines")
    conn.executemany("INSERT INTO lines VALUES (?,?,?)", rows)


def _field_list(text: str, entity: str) -> list[tuple[str, str]]:
    return [(entity, name) for name in text.split(",") if name]


@dataclass
class _Context:
    conn: Any
    params: dict[str, Any]
    wanted: set[str]
    by_code: dict[str, Rule]
    found: list[tuple[str, str | None, str | None, dict[str, Any]]] = field(default_factory=list)

    def add(self, code: str, household_id: str | None, member_id: str | None, **params: Any) -> None:
        if code in self.wanted:
            self.found.append((code, household_id, member_id, params))


def _member_rules(ctx: _Context) -> None:
    predicates = {c: e for c, e in MEMBER_RULES.items() if c in ctx.wanted}
    if not predicates:
        return
    cur = ctx.conn.execute(_flag_query(_MEMBER_ROWS, predicates), ctx.params)
    names = [d[0] for d in cur.description]
    for values in cur:
        row = dict(zip(names, values, strict=True))
        hid, mid, age = row["hid"], row["mid"], row["age"]
        for code in predicates:
            if not row[f"f_{code}"]:
                continue
            params: dict[str, Any] = {}
            if code in ("pupil_age", "dropout"):
                params = {"age": age}
            elif code == "school_age":
                params = {"age": age, "status": ("school_status", row["school_status"])}
            elif code == "education_age":
                params = {"age": age, "education": ("education", row["education"])}
            elif code == "education_school":
                params = {"education": ("education", row["education"]), "status": ("school_status", row["school_status"])}
            elif code == "labour_age":
                params = {"age": age, "skill": ("labour_skill", row["labour_skill"])}
            elif code == "work_months_over":
                params = {"months": row["work_months"]}
            elif code == "work_months_status":
                params = {"months": row["work_months"], "status": ("work_status", row["work_status"])}
            elif code == "member_required":
                missing = [f for f in MEMBER_REQUIRED if not row[f]]
                params = {"fields": [("member", f) for f in missing]}
            ctx.add(code, hid, mid, **params)


def _household_rules(ctx: _Context) -> None:
    predicates = {c: e for c, e in HOUSEHOLD_RULES.items() if c in ctx.wanted}
    if not predicates:
        return
    _lines_table(ctx.conn)
    cur = ctx.conn.execute(_flag_query(_HOUSEHOLD_ROWS, predicates), ctx.params)
    names = [d[0] for d in cur.description]
    for values in cur:
        row = dict(zip(names, values, strict=True))
        hid = row["hid"]
        for code in predicates:
            if not row[f"f_{code}"]:
                continue
            params: dict[str, Any] = {}
            if code == "size_mismatch":
                params = {"size": row["size"], "count": row["n"]}
            elif code == "two_heads":
                params = {"count": row["heads"]}
            elif code == "household_required":
                params = {"fields": [("household", f) for f in HOUSEHOLD_REQUIRED
                                     if row[f] in (None, "")]}
            elif code == "exited_below_line":
                at_exit = row["pc_exit"] is not None and row["line_exit"] is not None and row["pc_exit"] < row["line_exit"]
                year, pc, line = ((row["exit_year"], row["pc_exit"], row["line_exit"]) if at_exit
                                  else (row["income_year"], row["pc"], row["line"]))
                params = {"year": year, "income": ("fen", int(round(pc))), "line": ("fen", line)}
            elif code == "exited_cd_house":
                params = {"level": row["danger"]}
            ctx.add(code, hid, None, **params)


def _cross_rules(ctx: _Context) -> None:
    conn, params = ctx.conn, ctx.params
    if "person_two_households" in ctx.wanted:
        sql = """
        SELECT m.id, m.household_id, d.k FROM member m JOIN household h ON h.id = m.household_id
        JOIN village v ON v.id = h.village_id
        JOIN (SELECT mm.id_number AS idn, count(DISTINCT mm.household_id) AS k FROM member mm
              JOIN household hh ON hh.id = mm.household_id
              WHERE mm.active AND NOT mm.deleted AND NOT hh.deleted AND mm.id_number != ''
              GROUP BY mm.id_number HAVING count(DISTINCT mm.household_id) > 1) d ON d.idn = m.id_number
        WHERE m.active AND NOT m.deleted AND NOT h.deleted AND v.code LIKE :scope"""
        for mid, hid, count in conn.execute(sql, params):
            ctx.add("person_two_households", hid, mid, count=count)
    if "duplicate_in_household" in ctx.wanted:
        sql = """
        SELECT m.id, m.household_id, d.k FROM member m JOIN household h ON h.id = m.household_id
        JOIN village v ON v.id = h.village_id
        JOIN (SELECT household_id AS hid, id_number AS idn, count(*) AS k FROM member
              WHERE active AND NOT deleted AND id_number != '' GROUP BY household_id, id_number
              HAVING count(*) > 1) d ON d.hid = m.household_id AND d.idn = m.id_number
        WHERE m.active AND NOT m.deleted AND NOT h.deleted AND v.code LIKE :scope"""
        for mid, hid, count in conn.execute(sql, params):
            ctx.add("duplicate_in_household", hid, mid, count=count)
    if "member_orphan" in ctx.wanted:
        sql = """
        SELECT m.id, NULL FROM member m LEFT JOIN household h ON h.id = m.household_id
        WHERE m.active AND NOT m.deleted AND h.id IS NULL AND :scope = '%'"""
        for mid, hid in conn.execute(sql, params):
            ctx.add("member_orphan", hid, mid)
    if "employment_no_wage" in ctx.wanted:
        sql = f"""
        SELECT DISTINCT me.household_id, i.year FROM measure me
        JOIN income i ON i.household_id = me.household_id AND i.year = CAST(strftime('%Y', me.date) AS INTEGER)
        JOIN household h ON h.id = me.household_id JOIN village v ON v.id = h.village_id
        WHERE NOT me.deleted AND NOT i.deleted AND NOT h.deleted AND me.category IN {_in(EMPLOYMENT_CATEGORIES)}
          AND i.wage_fen = 0 AND v.code LIKE :scope"""
        for hid, year in conn.execute(sql, params):
            ctx.add("employment_no_wage", hid, None, year=year)
    if "register_match" in ctx.wanted:
        sql = """
        SELECT r.household_id, r.member_id, r.kind, r.source FROM register_match r
        JOIN household h ON h.id = r.household_id JOIN village v ON v.id = h.village_id
        WHERE NOT r.deleted AND NOT r.resolved AND NOT h.deleted AND h.exit_status IN ('01','02','04')
          AND v.code LIKE :scope"""
        for hid, mid, kind, source in conn.execute(sql, params):
            ctx.add("register_match", hid, mid, kind=("removal_reason", kind), source=source or "—")


RUNNERS: tuple[Callable[[_Context], None], ...] = (_member_rules, _household_rules, _cross_rules)
CROSS_RULES = frozenset({"person_two_households", "duplicate_in_household", "member_orphan", "employment_no_wage",
                         "register_match"})


def implemented() -> frozenset[str]:
    """Rule codes that have an implementation (a test compares this with the rules table)."""
    return frozenset(MEMBER_RULES) | frozenset(HOUSEHOLD_RULES) | CROSS_RULES


def run_checks(db: Database, scope: str | None = None, codes: Sequence[str] | None = None,
               as_of: date | None = None) -> list[Finding]:
    """All findings for ``scope`` (a 12-digit village, 9-digit township or 6-digit county code
    prefix; None = everything), in rules-table order, then by village and household number."""
    table = rules()
    by_code = {r.code: r for r in table}
    wanted = set(codes) if codes is not None else set(by_code)
    unknown = wanted - set(by_code)
    if unknown:
        raise KeyError(sorted(unknown)[0])
    as_of = as_of or date.today()
    conn = db.raw()
    try:
        ctx = _Context(conn, {"asof": as_of.year * 10000 + as_of.month * 100 + as_of.day,
                              "scope": f"{scope or ''}%"}, wanted, by_code)
        for runner in RUNNERS:
            runner(ctx)
        findings = _resolve(conn, ctx, by_code)
    finally:
        conn.close()
    order = {r.code: i for i, r in enumerate(table)}
    findings.sort(key=lambda f: (order[f.rule.code], f.village_code, f.hh_number, f.member_name))
    return findings


def _resolve(conn: Any, ctx: _Context, by_code: dict[str, Rule]) -> list[Finding]:
    """Attach household numbers, village codes, names and ID numbers to the raw findings."""
    household_ids = sorted({hid for _c, hid, _m, _p in ctx.found if hid})
    member_ids = sorted({mid for _c, _h, mid, _p in ctx.found if mid})
    households: dict[str, tuple[str, str, str]] = {}
    members: dict[str, tuple[str, str]] = {}
    for start in range(0, len(household_ids), 500):
        chunk = household_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for hid, number, code, head in conn.execute(
                f"SELECT h.id, h.hh_number, v.code, h.head_name FROM household h JOIN village v ON v.id = h.village_id "
                f"WHERE h.id IN ({marks})", chunk):
            households[hid] = (number, code, head)
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for mid, name, number in conn.execute(f"SELECT id, name, id_number FROM member WHERE id IN ({marks})", chunk):
            members[mid] = (name, number)
    out = []
    for code, hid, mid, params in ctx.found:
        number, village, head = households.get(hid or "", ("", "", ""))
        name, id_number = members.get(mid or "", ("", ""))
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
