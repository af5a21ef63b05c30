"""Dashboard figures for a village, a township or the county (issue 7, domain.md §5 and §8).

Everything is counted in SQL over the registry and returned as plain values, so the Qt charts,
the PDF report and the tests read the same numbers:

- households and people by 脱贫属性, 贫困户属性 and 主要致贫原因;
- poverty incidence (贫困发生率) = poor people (未脱贫 + 返贫) ÷ registered rural population, the
  population taken from each village's latest profile (villages without one are left out of
  both numerator and denominator and listed), against the exit threshold (2 %, 3 % in the west);
- exits by year against the annual plan (app.services.plans);
- visit coverage: households visited in the year, and in the 30 days before ``as_of``;
- measures by category (count, households, amount); funds by source (fund projects in scope).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import text

from app.codes import code_list
from app.i18n import register
from app.services.plans import YearProgress, progress
from app.services.reference_date import reference_date
from app.store.database import Database

#: Provinces of the western region (西部地区), where a village may exit below 3 % instead of 2 %.
WESTERN_PROVINCES = frozenset({"15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"})
POOR_STATUSES = ("01", "04")
RECENT_DAYS = 30

register({
    "dash.scope.all": ("全部", "everything"),
    "dash.scope.county": ("{name}（县）", "{name} (county)"),
    "dash.scope.township": ("{name}（乡镇）", "{name} (township)"),
    "dash.scope.village": ("{name}", "{name}"),
})


@dataclass(frozen=True)
class Count:
    code: str
    label: str
    households: int
    people: int


@dataclass(frozen=True)
class MeasureCount:
    code: str
    label: str
    measures: int
    households: int
    amount_fen: int


@dataclass(frozen=True)
class Money:
    code: str
    label: str
    amount_fen: int


@dataclass
class Dashboard:
    scope: str | None
    scope_name: str
    year: int
    as_of: date
    villages: int = 0
    households: int = 0
    people: int = 0
    poor_households: int = 0
    poor_people: int = 0
    population: int | None = None  # registered rural population from the profiles
    poor_people_profiled: int = 0  # poor people of the villages that have a population figure
    villages_without_profile: list[str] = field(default_factory=list)
    threshold_pct: float = 2.0
    by_status: list[Count] = field(default_factory=list)
    by_attr: list[Count] = field(default_factory=list)
    by_cause: list[Count] = field(default_factory=list)
    exits: list[YearProgress] = field(default_factory=list)
    visited_year: int = 0
    visited_recent: int = 0
    measures: list[MeasureCount] = field(default_factory=list)
    funds: list[Money] = field(default_factory=list)

    @property
    def incidence_pct(self) -> float | None:
        """贫困发生率 in percent, or None without population figures."""
        if not self.population:
            return None
        return 100.0 * self.poor_people_profiled / self.population

    @property
    def below_threshold(self) -> bool | None:
        pct = self.incidence_pct
        return None if pct is None else pct < self.threshold_pct

    @property
    def visit_coverage_pct(self) -> float | None:
        return 100.0 * self.visited_year / self.households if self.households else None

    @property
    def recent_coverage_pct(self) -> float | None:
        return 100.0 * self.visited_recent / self.households if self.households else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready figures (for ``bangfu dashboard --json`` and the report)."""
        return {
            "scope": self.scope, "scope_name": self.scope_name, "year": self.year, "as_of": self.as_of.isoformat(),
            "villages": self.villages, "households": self.households, "people": self.people,
            "poor_households": self.poor_households, "poor_people": self.poor_people, "population": self.population,
            "incidence_pct": None if self.incidence_pct is None else round(self.incidence_pct, 2),
            "threshold_pct": self.threshold_pct, "villages_without_profile": self.villages_without_profile,
            "by_status": [vars(c) for c in self.by_status], "by_attr": [vars(c) for c in self.by_attr],
            "by_cause": [vars(c) for c in self.by_cause],
            "exits": [{**vars(p), "share": p.share} for p in self.exits],
            "visited_year": self.visited_year, "visited_recent": self.visited_recent,
            "visit_coverage_pct": None if self.visit_coverage_pct is None else round(self.visit_coverage_pct, 1),
            "measures": [vars(m) for m in self.measures], "funds": [vars(f) for f in self.funds],
        }


def _scope_name(session: Any, scope: str | None, lang: str | None) -> str:
    from app.i18n import t_in

    if not scope:
        return t_in(lang, "dash.scope.all")
    row = session.execute(text("SELECT name, township_name, county_name FROM village WHERE code LIKE :s LIMIT 1"),
                          {"s": f"{scope}%"}).first()
    if row is None:
        return scope
    if len(scope) >= 12:
        return t_in(lang, "dash.scope.village", name=f"{row[1]}{row[0]}")
    if len(scope) >= 9:
        return t_in(lang, "dash.scope.township", name=row[1])
    return t_in(lang, "dash.scope.county", name=row[2])


def _counts(session: Any, column: str, list_name: str, params: dict[str, Any], lang: str | None) -> list[Count]:
    rows = session.execute(text(
        f"SELECT h.{column}, count(*), COALESCE(sum(h.size), 0) FROM household h JOIN village v ON v.id = h.village_id "
        f"WHERE NOT h.deleted AND v.code LIKE :scope GROUP BY h.{column}"), params).all()
    found = {code or "": (int(n), int(p)) for code, n, p in rows}
    codes = code_list(list_name)
    out = [Count(c.code, codes.label(c.code, lang), *found.pop(c.code)) for c in codes.items() if c.code in found]
    out += [Count(code, code or "—", n, p) for code, (n, p) in sorted(found.items())]
    return out


def dashboard(db: Database, scope: str | None = None, year: int | None = None, as_of: date | None = None,
              lang: str | None = None) -> Dashboard:
    """Figures for ``scope``: a village (12-digit code), township (9), county (6) or all (None),
    counted on ``as_of`` (default: ``reference_date``, today outside demo databases)."""
    as_of = as_of or reference_date(db)
    year = year or as_of.year
    params: dict[str, Any] = {"scope": f"{scope or ''}%"}
    with db.read() as s:
        board = Dashboard(scope, _scope_name(s, scope, lang), year, as_of)
        board.villages = s.execute(text("SELECT count(*) FROM village WHERE NOT deleted AND code LIKE :scope"),
                                   params).scalar_one()
        board.by_status = _counts(s, "exit_status", "exit_status", params, lang)
        board.by_attr = _counts(s, "household_attr", "household_attr", params, lang)
        board.by_cause = _counts(s, "main_cause", "poverty_cause", params, lang)
        board.households = sum(c.households for c in board.by_status)
        board.people = sum(c.people for c in board.by_status)
        board.poor_households = sum(c.households for c in board.by_status if c.code in POOR_STATUSES)
        board.poor_people = sum(c.people for c in board.by_status if c.code in POOR_STATUSES)
        _incidence(s, board, params)
        start = datetime.combine(date(year, 1, 1), time.min, tzinfo=UTC)
        end = datetime.combine(date(year + 1, 1, 1), time.min, tzinfo=UTC)
        recent = datetime.combine(as_of - timedelta(days=RECENT_DAYS), time.min, tzinfo=UTC)
        visits = text(
            "SELECT count(DISTINCT vi.household_id) FROM visit vi JOIN household h ON h.id = vi.household_id "
            "JOIN village v ON v.id = h.village_id WHERE NOT vi.deleted AND NOT h.deleted AND v.code LIKE :scope "
            "AND vi.visited_at >= :start AND vi.visited_at < :end")
        board.visited_year = s.execute(visits, {**params, "start": _stamp(start), "end": _stamp(end)}).scalar_one()
        board.visited_recent = s.execute(visits, {**params, "start": _stamp(recent),
                                                  "end": _stamp(datetime.combine(as_of + timedelta(days=1), time.min,
                                                                                 tzinfo=UTC))}).scalar_one()
        categories = code_list("measure_category")
        rows = s.execute(text(
            "SELECT me.category, count(*), count(DISTINCT me.household_id), COALESCE(sum(me.amount_fen), 0) "
            "FROM measure me JOIN household h ON h.id = me.household_id JOIN village v ON v.id = h.village_id "
            "WHERE NOT me.deleted AND NOT h.deleted AND v.code LIKE :scope GROUP BY me.category "
            "ORDER BY me.category"), params).all()
        board.measures = [MeasureCount(c, categories.label(c, lang), int(n), int(k), int(a)) for c, n, k, a in rows]
        sources = code_list("funding_source")
        rows = s.execute(text(
            "SELECT f.source, COALESCE(sum(f.amount_fen), 0) FROM project_funding f "
            "JOIN fund_project p ON p.id = f.project_id LEFT JOIN village v ON v.id = p.village_id "
            "WHERE NOT f.deleted AND NOT p.deleted AND (v.code LIKE :scope OR (p.village_id IS NULL AND :scope = '%')) "
            "GROUP BY f.source ORDER BY f.source"), params).all()
        board.funds = [Money(c, sources.label(c, lang), int(a)) for c, a in rows]
    board.exits = progress(db, scope)
    return board


def _stamp(moment: datetime) -> str:
    """A UTC timestamp as SQLAlchemy stores it in SQLite, for range comparisons."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _incidence(session: Any, board: Dashboard, params: dict[str, Any]) -> None:
    rows = session.execute(text("""
        SELECT v.id, v.code, (SELECT p.population_total FROM village_profile p WHERE p.village_id = v.id
                              AND NOT p.deleted ORDER BY p.as_of DESC, p.id DESC LIMIT 1),
               (SELECT COALESCE(sum(h.size), 0) FROM household h WHERE h.village_id = v.id AND NOT h.deleted
                AND h.exit_status IN ('01', '04'))
        FROM village v WHERE NOT v.deleted AND v.code LIKE :scope ORDER BY v.code"""), params).all()
    population = poor = 0
    missing = []
    western = False
    for _vid, code, total, poor_people in rows:
        western = western or code[:2] in WESTERN_PROVINCES
        if total:
            population += int(total)
            poor += int(poor_people)
        else:
            missing.append(code)
    board.population = population or None
    board.poor_people_profiled = poor
    board.villages_without_profile = missing
    board.threshold_pct = 3.0 if western else 2.0
