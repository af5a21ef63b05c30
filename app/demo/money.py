"""Yearly income, item by item, consistent with the household's status and members.

For each year a per-capita net income is drawn relative to that year's poverty line for the
province (``app.codes.poverty_line_fen``): below it (55–95 %) while the household is poor or after
it returned to poverty, above it (108–190 %, growing) from its exit year on. The items are then
built to add up to exactly that net income (年纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 −
生产经营性支出, domain.md §2):

- transfers follow the members: 养老保险金 for people over 60, 低保金 for 低保 members, 特困供养金
  for 特困 members, 计划生育金 for older parents of one-child / two-daughter households, 生态补偿金
  for forest land and 退耕还林;
- 财产性 (资产收益分红) only from the year the household joined an asset-income project;
- wages only when a member works away (so employment support never meets zero wages); the
  rest is farming (生产经营性) with its expenses.

All amounts are whole yuan stored as integer fen.
"""

from __future__ import annotations

import math
import random
from datetime import date

from app.demo.households import Plan


def incomes(plan: Plan, rng: random.Random, years: list[int], line_fen: dict[int, int]) -> list[list[int]]:
    """One ``[year, wage, business, property, fp, dibao, tekun, pension, eco, other, expense]`` (fen) per year."""
    living = plan.living()
    size = len(living)
    as_of_year = plan.village.as_of_year  # type: ignore[attr-defined]
    workers = sum(1 for m in living if m.works)
    dibao = sum(1 for m in living if m.dibao)
    tekun = sum(1 for m in living if m.tekun)
    ages = [as_of_year - _birth_year(m.birth) for m in living]
    fp_parents = sum(1 for m, a in zip(living, ages, strict=True) if m.relation in ("01", "02") and a >= 60) if (
        plan.only_child or plan.two_daughters) else 0
    cond = plan.conditions
    eco_base = cond[2] * 12 + cond[3] * 240
    wage_share = rng.uniform(0.55, 0.85) if workers else 0.0
    expense_share = rng.uniform(0.25, 0.45)
    other_base = rng.uniform(100, 600) if rng.random() < 0.5 else 0.0
    removed = plan.removed_ord is not None
    out: list[list[int]] = []
    r = rng.random
    has_assets = plan.asset_year is not None
    oldest = max(ages)
    for year in years:
        line = line_fen[year] / 100
        growth = _GROWTH[year - 2010]
        if plan.near_line and year == as_of_year:
            factor = 1.005 + 0.115 * r() if plan.near_line == "above" else 0.88 + 0.11 * r()
        elif removed:  # wrongly included: above the line all along
            factor = 1.3 + 0.9 * r()
        elif plan.exited_in(year):
            factor = (1.08 + 0.52 * r()) * (1 + 0.06 * (year - (plan.exit_year or year)))
        else:
            factor = 0.55 + 0.4 * r()
        net = math.ceil(line * factor * size) if factor > 1 else math.floor(line * factor * size)
        back = as_of_year - year
        pension = sum(1 for a in ages if a - back >= 60) * 840 * _PENSION[year - 2010] if oldest - back >= 60 else 0
        fp = fp_parents * 960
        dib = dibao * 1500 * growth
        tek = tekun * 4800 * growth
        eco, other = eco_base, other_base
        prop = 300 + 700 * r() if has_assets and year >= plan.asset_year else 0.0  # type: ignore[operator]
        base = fp + dib + tek + pension + eco + other + prop
        if base > 0.7 * net:  # support was smaller while the household was poorer
            scale = 0.7 * net / base
            fp, dib, tek, pension, eco, other, prop = (fp * scale, dib * scale, tek * scale, pension * scale,
                                                       eco * scale, other * scale, prop * scale)
        fp, dib, tek, pension, eco, other, prop = (round(fp), round(dib), round(tek), round(pension), round(eco),
                                                   round(other), round(prop))
        rest = net - fp - dib - tek - pension - eco - other - prop
        wage = min(max(round(rest * wage_share), 1), rest) if workers else 0
        business_net = rest - wage
        gross = round(business_net / (1 - expense_share))
        out.append([year, wage * 100, gross * 100, prop * 100, fp * 100, dib * 100, tek * 100, pension * 100,
                    eco * 100, other * 100, (gross - business_net) * 100])
    return out


_GROWTH = [1.06 ** (y - 5) for y in range(21)]  # dibao and tekun rates, 2010…2030, 2015 = 1
_PENSION = [1.07 ** (y - 5) for y in range(21)]


def _birth_year(ordinal: int) -> int:
    return date.fromordinal(ordinal).year
