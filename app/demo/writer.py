"""Bulk rows for the demo: tuples in a fixed column order, written with ``executemany``.

The services write one row at a time with an audit entry and an outbox op each, which is right for
people's edits and far too slow for 100,000 seed households. The demo writes the same tables
directly on one keyed DB-API connection inside one transaction and stores values exactly the way
SQLAlchemy would (ISO dates, ``YYYY-MM-DD HH:MM:SS.ffffff`` UTC timestamps, 0/1 booleans, JSON
text), so the ORM reads them back like any other row.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

#: Columns written for each table, in tuple order. Every column of the table is listed (a test
#: compares them with the SQLModel tables), so nothing depends on database-side defaults.
#: ``search_index`` rows are made by the search module's own row builder next to the members they
#: index, so that building the index is spread over the generation (a test compares the result
#: with ``app.store.search.rebuild``); they are inserted positionally, like rebuild() does.
SYNCED = ("id", "rev", "deleted", "updated_at")
COLUMNS: dict[str, tuple[str, ...]] = {
    "village": (*SYNCED, "code", "name", "township_name", "county_name", "city_name", "province_name", "groups",
                "is_poor_village"),
    "household": (*SYNCED, "village_id", "group_no", "hh_number", "address", "phone", "bank_name", "bank_account",
                  "id_standard", "household_attr", "main_cause", "other_causes", "military_family", "only_child",
                  "two_daughters", "relocated", "identified_year", "planned_exit_year", "exit_year", "return_year",
                  "exit_status", "size", "head_name"),
    "member": (*SYNCED, "household_id", "name", "sex", "id_type", "id_number", "birth_date", "relation", "ethnicity",
               "political", "education", "school_status", "health", "disability_type", "disability_grade",
               "labour_skill", "work_status", "work_months", "work_employer", "med_insurance",
               "serious_illness_insurance", "pension_insurance", "dibao", "tekun", "residence_months", "active",
               "change_reason", "change_date"),
    "income": (*SYNCED, "household_id", "year", "wage_fen", "business_fen", "property_fen",
               "transfer_family_planning_fen", "transfer_dibao_fen", "transfer_tekun_fen", "transfer_pension_fen",
               "transfer_eco_fen", "transfer_other_fen", "business_expense_fen"),
    "conditions": (*SYNCED, "household_id", "farmland_mu", "irrigated_mu", "forest_mu", "returned_forest_mu",
                   "orchard_mu", "pasture_mu", "water_surface_mu", "house_area_m2", "house_structure",
                   "house_built_year", "house_dangerous", "house_danger_level", "water_difficulty", "water_safe",
                   "power_living", "power_production", "radio_tv", "distance_to_road_km", "road_type", "fuel_type",
                   "sanitary_toilet", "in_cooperative", "led_by_enterprise"),
    "helper_assignment": (*SYNCED, "household_id", "name", "unit", "unit_level", "post", "phone", "start_date",
                          "end_date", "visit_every_days"),
    "measure": (*SYNCED, "household_id", "category", "content", "amount_fen", "funding_source", "date", "status",
                "beneficiaries", "project_id", "author"),
    "visit": (*SYNCED, "household_id", "visited_at", "author", "helper_name", "summary", "satisfaction", "data",
              "confirmation_sha256"),
    "lifecycle_request": (*SYNCED, "household_id", "kind", "year", "status", "reason", "steps", "override_reason",
                          "author"),
    "lifecycle_event": (*SYNCED, "household_id", "kind", "date", "year", "request_id", "from_status", "to_status",
                        "reason"),
    "participation": (*SYNCED, "household_id", "member_id", "kind", "date", "note", "points"),
    "fund_project": (*SYNCED, "name", "project_type", "village_id", "place", "content", "subsidy_standard",
                     "implementer", "responsible_person", "start_date", "end_date", "performance_targets",
                     "benefit_mechanism", "household_level", "status"),
    "project_funding": (*SYNCED, "project_id", "source", "amount_fen"),
    "project_beneficiary": (*SYNCED, "project_id", "household_id", "amount_fen"),
    "exit_plan": (*SYNCED, "village_id", "kind", "made_year", "year", "households", "people", "note"),
    "village_profile": (*SYNCED, "village_id", "as_of", "year", "households_total", "population_total",
                        "poor_households", "poor_population", "collective_income_fen", "road_hardened",
                        "road_hardened_km", "power", "broadband", "clinic", "cultural_room", "water_projects",
                        "safe_water", "task_force", "leaders", "returning_talent", "projects", "note", "author"),
}

#: Parents before children, so foreign keys hold at every statement.
ORDER: tuple[str, ...] = (
    "village", "fund_project", "project_funding", "household", "member", "income", "conditions",
    "helper_assignment", "measure", "visit", "lifecycle_request", "lifecycle_event", "participation",
    "project_beneficiary", "exit_plan", "village_profile", "search_index",
)

_EPOCH = date(1970, 1, 1).toordinal()


@lru_cache(maxsize=65536)
def iso(ordinal: int) -> str:
    """A date ordinal as SQLAlchemy stores a ``date`` in SQLite."""
    return date.fromordinal(ordinal).isoformat()


_CLOCK: list[str] = []


def stamp(ordinal: int, seconds: int = 0) -> str:
    """A UTC timestamp (day ordinal + seconds) as SQLAlchemy stores an aware ``datetime``."""
    if not _CLOCK:
        _CLOCK.extend(f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86400))
    return iso(ordinal) + _CLOCK[seconds]


def id_list(ids: list[str]) -> str:
    """JSON text of a list of ids (hex and dashes need no escaping): ``dumps`` at a fraction of the cost."""
    return '["' + '","'.join(ids) + '"]' if ids else "[]"


def epoch_ms(ordinal: int, seconds: int = 0) -> int:
    """Milliseconds since 1970 for a day ordinal + seconds (the time part of a UUIDv7)."""
    return ((ordinal - _EPOCH) * 86400 + seconds) * 1000


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Sink:
    """Collects rows per table and writes them in foreign-key order with ``executemany``."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in ORDER}
        self.counts: dict[str, int] = dict.fromkeys(ORDER, 0)
        self._sql = {
            name: f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            for name, cols in COLUMNS.items()
        }

    def _insert(self, name: str) -> str:
        if name not in self._sql:  # the search index: positional, as many values as its rows have
            width = len(self.rows[name][0])
            self._sql[name] = f"INSERT INTO {name} VALUES ({', '.join('?' * width)})"
        return self._sql[name]

    def pending(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def flush(self) -> None:
        for name in ORDER:
            rows = self.rows[name]
            if rows:
                self.conn.executemany(self._insert(name), rows)
                self.counts[name] += len(rows)
                rows.clear()
