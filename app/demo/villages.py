"""Exit plans and 贫困村 profile snapshots of one demo village (domain.md §8), from its households.

Drawn after everything else of the village (so the households' rows do not depend on them), with
the village's own generator, and consistent with the generated registry:

- annual plans (年度脱贫计划) for each campaign year 2016–2020 up to the snapshot day: the
  households planned to exit that year (``planned_exit_year``), so the plan misses the actual
  exits by the households that exited a year early or late; people are their sizes, a few households
  more or fewer now and then (a plan is a negotiated figure, not a count);
- rolling plans (滚动计划) drawn up in 2016 (more cautious: some households a year later) and
  revised in 2018 (the fresh village: one drawn up at identification in 2015), covering the years
  from then to 2020;
- profile snapshots in 2016, 2018 and 2020 (and on the exit-year scenario's own year; the fresh
  village: one at identification) that show the village improving: collective income, hardened
  road, broadband, clinic, cultural room, water projects, a task force that rotates, more
  entrepreneur leaders and returning talent, the village's fund projects so far. The registered
  population is larger than the poor population (poverty incidence 12–40 % at the start in a
  贫困村, less elsewhere), and the poor counts are the registry's on the snapshot day.

Rows carry no outbox ops (demo data never syncs), like every other demo row.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from app.demo.places import HELPER_UNITS
from app.demo.writer import dumps, iso, stamp

CAMPAIGN_END = 2020
INDUSTRIES = ("精品水果种植", "茶叶种植", "食用菌种植", "中药材种植", "蔬菜种植", "生猪养殖", "肉牛养殖", "刺梨种植",
              "蛋鸡养殖", "农家乐", "电商销售", "竹编加工")
TALENT_FIELDS = ("电商", "养殖技术", "种植技术", "乡村旅游", "建筑施工", "农产品加工")
TASK_FORCE_ROLES = ("第一书记", "工作队长", "队员")


def _ord(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


def village_rows(rng: random.Random, new_id: Callable[[int, int], str], rows: dict[str, list[tuple[Any, ...]]],
                 names: Any, v: Any, plans: list[Any], as_of: date, fresh: bool) -> None:
    """Append the village's ``exit_plan`` and ``village_profile`` rows."""
    _exit_plans(rng, new_id, rows, v, plans, as_of, fresh)
    _profiles(rng, new_id, rows, names, v, plans, as_of, fresh)


def _on_register(plan: Any, day: int) -> bool:
    return plan.id_ord <= day and (plan.removed_ord is None or plan.removed_ord > day)


def _plan_row(rng: random.Random, new_id: Callable[[int, int], str], v: Any, kind: str, made: int, year: int,
              households: int, people: int) -> tuple[Any, ...]:
    day = _ord(made, 2, 10) + int(rng.random() * 40) if made > 2015 else _ord(2015, 12, 10) + int(rng.random() * 15)
    secs = 3600 + int(rng.random() * 28000)
    return (new_id(day, secs), 0, 0, stamp(day, secs), v.id, kind, made, year, households, max(people, households), "")


def _wobble(rng: random.Random, households: int, people: int) -> tuple[int, int]:
    """A planned figure: now and then a household more or fewer than the households counted."""
    x = rng.random()
    if x < 0.12 and households > 1:
        return households - 1, max(households - 1, people - 2 - int(rng.random() * 3))
    if x < 0.24 and households:
        return households + 1, people + 2 + int(rng.random() * 3)
    return households, people


def _exit_plans(rng: random.Random, new_id: Callable[[int, int], str], rows: dict[str, list[tuple[Any, ...]]],
                v: Any, plans: list[Any], as_of: date, fresh: bool) -> None:
    out = rows["exit_plan"]
    top = min(as_of.year, CAMPAIGN_END)
    for year in range(2016, top + 1):  # annual: adopted early in the year, for the households planned then
        start = _ord(year, 1, 1)
        chosen = [p for p in plans if p.planned_exit_year == year and _on_register(p, start)
                  and (p.exit_year is None or p.exit_year >= year)]
        households, people = _wobble(rng, len(chosen), sum(p.size for p in chosen))
        out.append(_plan_row(rng, new_id, v, "annual", year, year, households, people))
    made_years = [as_of.year] if fresh else [y for y in (2016, 2018) if y <= as_of.year]
    for made in made_years:
        first = max(made, 2016)
        start = _ord(made, 1, 1)
        targets: dict[int, list[Any]] = {y: [] for y in range(first, CAMPAIGN_END + 1)}
        for p in plans:
            if not _on_register(p, start if not fresh else as_of.toordinal()):
                continue
            if p.exit_year is not None and p.exit_year < made:
                continue  # out of poverty before the plan was drawn up
            target = p.planned_exit_year or CAMPAIGN_END
            if made == 2016 and rng.random() < 0.2:
                target += 1  # the first plan was more cautious than the later ones
            targets[min(max(target, first), CAMPAIGN_END)].append(p)
        for year, chosen in targets.items():
            households, people = _wobble(rng, len(chosen), sum(p.size for p in chosen))
            out.append(_plan_row(rng, new_id, v, "rolling", made, year, households, people))


def _profiles(rng: random.Random, new_id: Callable[[int, int], str], rows: dict[str, list[tuple[Any, ...]]],
              names: Any, v: Any, plans: list[Any], as_of: date, fresh: bool) -> None:
    last = as_of.toordinal()
    if fresh:
        days = [last - 10 - int(rng.random() * 20)]
    else:
        years = [y for y in (2016, 2018, 2020) if y <= as_of.year]
        if as_of.year not in years:
            years.append(as_of.year)
        days = [min(_ord(y, 9, 1) + int(rng.random() * 90), last - 1 - int(rng.random() * 20)) for y in years]
    registered = len(plans)
    people_now = sum(p.size for p in plans)
    rate = rng.uniform(0.12, 0.4) if v.poor else rng.uniform(0.04, 0.11)
    households_total = max(registered + 5, round(registered / rate))
    per_household = rng.uniform(3.3, 4.1)
    population_total = max(people_now + 10, round(households_total * per_household))
    road_year = 2016 + int(rng.random() * 4)
    road_km_start = round(1.0 + rng.random() * 5, 1)
    road_km_end = round(road_km_start + 4 + rng.random() * 14, 1)
    power_year = 2015 if rng.random() < 0.85 else 2017
    broadband_year = 2017 + int(rng.random() * 4)
    clinic_project = [p for p in v.projects if p.type == "05"]
    clinic_year = (date.fromordinal(clinic_project[0].end).year if clinic_project else
                   2015 + int(rng.random() * 5))
    culture_year = 2016 + int(rng.random() * 5)
    water_year = 2016 + int(rng.random() * 4)
    water_end = 1 + int(rng.random() * 3)
    income_start = int(rng.random() * 4) * 5_000  # yuan; many 空壳村 start with nothing
    income_end = 50_000 + int(rng.random() * 26) * 10_000
    unit = lambda: rng.choice(HELPER_UNITS)[1]  # noqa: E731
    team = [{"name": name, "role": role, "unit": unit(), "start": "2015-10"}
            for name, role in zip(v.task_force, TASK_FORCE_ROLES, strict=False)]
    rotation = _ord(2018, 3, 1) + int(rng.random() * 200)  # a member is replaced, as county units rotate staff
    newcomer = {"name": names.full("1" if rng.random() < 0.6 else "2", 1975 + int(rng.random() * 20)),
                "role": "队员", "unit": unit(), "start": date.fromordinal(rotation).strftime("%Y-%m")}
    leaders = [{"name": names.full("1" if rng.random() < 0.7 else "2", 1965 + int(rng.random() * 25)),
                "industry": rng.choice(INDUSTRIES)} for _ in range(1 + int(rng.random() * 4))]
    leader_years = sorted(2015 + int(rng.random() * 6) for _ in leaders)
    leader_years[0] = min(leader_years[0], 2016)
    talent = [{"name": names.full("1" if rng.random() < 0.65 else "2", 1985 + int(rng.random() * 12)),
               "field": rng.choice(TALENT_FIELDS), "year": 2016 + int(rng.random() * 5)}
              for _ in range(int(rng.random() * 3))]
    talent.sort(key=lambda t: t["year"])
    out = rows["village_profile"]
    for day in days:
        year = date.fromordinal(day).year
        f = min(1.0, max(0.0, (year - 2015) / 5))
        households = households_total + int(f * 6)
        poor = [p for p in plans if _on_register(p, day) and p.status_on(day) in ("01", "04")]
        income = round((income_start + f * f * (income_end - income_start)) * rng.uniform(0.9, 1.1) / 100) * 100
        road = year >= road_year
        members = [dict(m) for m in team]
        if day >= rotation and len(members) > 2:
            members[-1]["end"] = newcomer["start"]
            members.append(dict(newcomer))
        projects = [{"name": p.name, "year": date.fromordinal(p.start).year,
                     "amount_fen": sum(a for _c, a in p.sources), "status": "完工" if p.end <= day else "在建"}
                    for p in v.projects if p.start <= day]
        water = 0 if year < water_year else min(water_end, 1 + year - water_year)
        secs = 3600 + int(rng.random() * 28000)
        out.append((
            new_id(day, secs), 0, 0, stamp(day, secs), v.id, iso(day), year, households,
            population_total + int(f * 20) - int(rng.random() * 10), len(poor), sum(p.size for p in poor),
            int(income) * 100, int(road), road_km_end if road else road_km_start, int(year >= power_year),
            int(year >= broadband_year), int(year >= clinic_year), int(year >= culture_year), water,
            int(water > 0 and year >= water_year + 1 or year >= CAMPAIGN_END),
            dumps(members),
            dumps([lead for lead, y in zip(leaders, leader_years, strict=True) if y <= year]),
            dumps([t for t in talent if t["year"] <= year]),
            dumps(projects), "", v.task_force[0],
        ))
