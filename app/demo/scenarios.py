"""The demo scenarios (training mode picks one) and their reference dates.

Each scenario is a snapshot of the fictional county at ``as_of``: ages, school grades, statuses and
the last income year are all computed for that day, never for today, so the same seed gives the
same data whenever it is generated.

- ``default``: the whole county at the end of the campaign (2020-12-31): most households exited
  between 2016 and 2020, a few returned to poverty, a few were removed (剔除), some are still poor.
- ``fresh_village``: one village just identified (all households 新识别 in 2015, snapshot
  2015-12-31): members, conditions, one year of income, helpers just assigned, measures only
  planned — almost nothing else yet.
- ``exit_year``: one village in its exit year 2019 (snapshot 2019-10-31, the season of exit
  assessment): some households exited in 2016–2018, the rest are planned to exit in 2019 and most
  of them are close to the line (some just above, some just below it).
- ``quality_problems``: the default county with deliberate data-quality defects planted in its
  first village; see :mod:`app.demo.defects` for the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Scenario:
    name: str
    as_of: date
    single_village: bool = False
    fresh: bool = False
    exit_focus: int | None = None
    plant_defects: bool = False
    min_households: int = 1


SCENARIOS: dict[str, Scenario] = {
    "default": Scenario("default", date(2020, 12, 31)),
    "fresh_village": Scenario("fresh_village", date(2015, 12, 31), single_village=True, fresh=True),
    "exit_year": Scenario("exit_year", date(2019, 10, 31), single_village=True, exit_focus=2019),
    "quality_problems": Scenario("quality_problems", date(2020, 12, 31), plant_defects=True, min_households=30),
}
