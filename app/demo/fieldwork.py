"""The field record of a demo household: helpers, measures, visits, lifecycle requests and events,
participation.

Dates follow the household's timeline: nothing happens before identification or after removal
or the snapshot day; a measure that renovated the house comes before exit; visits are made by the
helper in charge on that day; every status change has an approved request whose steps (proposal,
民主评议, 入户核实, the household's confirmation, village notice of 7 days, township review, county
notice, county approval) end on the day of the event.

Visit rows use the layout of ``app.services.visits`` (``data.checks`` keyed by visit_check codes,
``data.notes`` for failed checks, ``data.problems`` with a measure category, ``satisfaction`` code).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from app.demo.families import MARRIED_IN, NEWBORN
from app.demo.households import Plan
from app.demo.names import NameMaker
from app.demo.places import HELPER_POSTS, HELPER_UNITS, TOWNSHIP_POSTS
from app.demo.scenarios import Scenario
from app.demo.writer import dumps, id_list, iso, stamp

IdMaker = Callable[[int, int], str]
COUNTY_APPROVER = "云岭县扶贫开发领导小组"


class Helper:
    """A 帮扶责任人 who looks after a block of 3–5 households; may be replaced on ``change_ord``."""

    __slots__ = ("name", "unit", "level", "post", "phone", "every", "change_ord", "successor")

    def __init__(self, rng: random.Random, names: NameMaker, township: str) -> None:
        sex = "1" if rng.random() < 0.65 else "2"
        self.name = names.full(sex, 1965 + int(rng.random() * 28))
        if rng.random() < 0.25:
            self.level, self.unit = "05", f"{township}人民政府"
            self.post = rng.choice(TOWNSHIP_POSTS)
        else:
            self.level, self.unit = rng.choice(HELPER_UNITS)
            self.post = rng.choice(HELPER_POSTS)
        self.phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        self.every = rng.choice((30, 30, 30, 15, 60))
        self.change_ord: int | None = None
        self.successor: Helper | None = None


def steps_json(kind: str, start: int, end: int, votes: int, votes_for: int, reviewer: str, author: str,
               at: str) -> str:
    """JSON of the request's evidence, built as text (names are plain CJK: nothing to escape).

    Keys: proposal, democratic_review, verification, household_confirmation (exit and return
    only), village_notice, township_review, county_notice, county_approval — each with its dates,
    who acted and the decision, as ``server.county`` records a county approval.
    """
    confirm = (f',"household_confirmation":{{"date":"{iso(start + 6)}","signed":true}}'
               if kind in ("02", "03") else "")
    return (
        f'{{"proposal":{{"date":"{iso(start)}","by":"{author}"}}'
        f',"democratic_review":{{"date":"{iso(start + 3)}","votes_for":{votes_for},"votes_total":{votes}}}'
        f',"verification":{{"date":"{iso(start + 5)}","by":"{author}"}}{confirm}'
        f',"village_notice":{{"start":"{iso(start + 8)}","end":"{iso(start + 15)}"}}'
        f',"township_review":{{"date":"{iso(start + 18)}","by":"{reviewer}","decision":"approved"}}'
        f',"county_notice":{{"start":"{iso(end - 9)}","end":"{iso(end - 2)}"}}'
        f',"county_approval":{{"decision":"approved","by":"{COUNTY_APPROVER}","at":"{at}"}}}}'
    )


_VISIT_SUMMARIES = (
    "了解家庭收入和务工情况，宣传扶贫政策", "核实家庭人口变化，更新扶贫手册", "查看住房和饮水情况，宣讲健康扶贫政策",
    "帮助联系务工岗位，讲解产业扶持政策", "了解子女上学情况，宣传教育资助政策", "商议发展产业，填写明白卡",
    "走访慰问，了解生产生活困难", "核对收入台账，指导记账",
)
_EXIT_SUMMARIES = ("入户核实收入和两不愁三保障情况，户主认可脱贫", "脱贫前入户核算人均纯收入，逐项核实")
_AFTER_SUMMARIES = ("脱贫后回访，巩固帮扶成效", "了解脱贫后收入是否稳定，防止返贫", "回访了解务工和产业情况")
#: What an exit verification visit checks (every visit_check code) and what a routine visit notes.
_EXIT_CHECKS = ("food", "clothing", "school", "insurance", "treatment", "housing", "water_quality",
                "water_quantity", "water_access", "water_reliability")
_ROUTINE_CHECKS = ("food", "clothing", "school", "insurance", "housing", "water_reliability")
_PROBLEMS = {
    "housing": ("04", "住房为危房，需实施危房改造"),
    "water_reliability": ("12", "供水不稳定，需巩固提升饮水工程"),
}
_PARTICIPATION = {
    "01": ("参加村组道路硬化项目务工", "参加产业基地建设务工"),
    "02": ("参加村民代表大会", "参加脱贫攻坚政策宣讲会"),
    "03": ("参加种养殖技能培训", "参加电工焊工技能培训", "参加家政服务培训"),
    "04": ("参加人居环境整治", "参加村寨卫生大扫除"),
    "05": ("参加村内公益活动", "参加乡风文明评议"),
}
_CROPS = (("发放精品水果苗木", 2400), ("生猪养殖补助", 3000), ("发放鸡苗和饲料", 1200), ("茶叶种植补助", 2000),
          ("食用菌种植入股", 5000), ("中药材种植补助", 1800))
_JOBS = (("外出务工一次性交通补贴", 500), ("劳务输出稳岗补贴", 1000), ("参加技能培训并推荐就业", 800))


class Recorder:
    """Turns a household plan into rows (appended to ``rows``)."""

    def __init__(self, rng: random.Random, names: NameMaker, sc: Scenario, new_id: IdMaker,
                 rows: dict[str, list[tuple[Any, ...]]]) -> None:
        self.rng = rng
        self.names = names
        self.sc = sc
        self.new_id = new_id
        self.rows = rows
        self.as_of = sc.as_of.toordinal()
        self._visit_cache: dict[tuple[Any, ...], str] = {}
        #: household id → (helper in charge on the snapshot day, start, visit every days); last visit day
        self._in_charge: dict[str, tuple[str, int, int]] = {}
        self._last_visit: dict[str, int] = {}
        self._year_bounds = {y: (date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()) for y in range(2010, 2031)}

    # -- helpers -------------------------------------------------------------------------------
    def helpers(self, plan: Plan, helper: Helper) -> list[tuple[str, int, int]]:
        """Rows for the household's helpers; returns (name, start, end) periods for the visits."""
        r = self.rng.random
        start = min(plan.id_ord + 10 + int(r() * 50), plan.end_ord)
        periods: list[tuple[str, int, int]] = []
        current: Helper | None = helper
        while current is not None:
            end = plan.end_ord
            nxt = current.successor
            if nxt is not None and current.change_ord is not None and start + 30 < current.change_ord < end:
                end = current.change_ord - 1
            else:
                nxt = None
            closed = end if (nxt is not None or plan.removed_ord is not None) else None
            secs = 3600 + int(r() * 28000)
            self.rows["helper_assignment"].append((
                self.new_id(start, secs), 0, 0, stamp(closed if closed is not None else start, secs), plan.id,
                current.name, current.unit, current.level, current.post, current.phone, iso(start),
                iso(closed) if closed is not None else None, current.every,
            ))
            periods.append((current.name, start, end))
            if closed is None:
                self._in_charge[plan.id] = (current.name, start, current.every)
            if nxt is None:
                break
            start = end + 1
            current = nxt
        return periods

    # -- lifecycle -----------------------------------------------------------------------------
    def _request_event(self, plan: Plan, kind: str, day: int, from_status: str, to_status: str, reason: str,
                       author: str, reviewer: str) -> None:
        r = self.rng.random
        start = day - 32 - int(r() * 20)
        votes = 25 + int(r() * 30)
        secs = 3600 + int(r() * 25000)
        at = stamp(day, secs)
        steps = steps_json(kind, start, day, votes, votes - int(r() * 3), reviewer, author,
                           f"{at[:10]}T{at[11:19]}+00:00")
        req_id = self.new_id(start, secs)
        year = date.fromordinal(day).year
        self.rows["lifecycle_request"].append((
            req_id, 0, 0, at, plan.id, kind, year, "approved", reason, steps, "", author,
        ))
        self.rows["lifecycle_event"].append((
            self.new_id(day, secs + 60), 0, 0, stamp(day, secs + 60), plan.id, kind, iso(day), year, req_id,
            from_status, to_status, reason,
        ))

    def lifecycle(self, plan: Plan, author: str, reviewer: str) -> None:
        """新识别, 自然增减 of members, 脱贫, 返贫 and 剔除, each an approved request + its event."""
        r = self.rng.random
        approve = min(plan.id_ord + 20 + int(r() * 30), self._year_bounds[plan.identified_year][1] - 3, self.as_of)
        self._request_event(plan, "01", approve, "", "01", plan.main_cause, author, reviewer)
        for m in plan.members:
            if m.change_date is None or not m.change_reason:
                continue
            day = max(min(m.change_date + 15 + int(r() * 40), plan.end_ord), approve)
            kind = "06" if m.change_reason in (NEWBORN, MARRIED_IN) else "05"
            status = plan.status_on(day)
            self._request_event(plan, kind, day, status, status, m.change_reason, author, reviewer)
        if plan.exit_ord is not None:
            to = plan.status if plan.status in ("02", "03") else "02"
            self._request_event(plan, "02", plan.exit_ord, "01", to, "", author, reviewer)
        if plan.return_ord is not None:
            self._request_event(plan, "03", plan.return_ord, plan.status_on(plan.return_ord - 1), "04",
                                plan.main_cause, author, reviewer)
        if plan.removed_ord is not None:
            self._request_event(plan, "04", plan.removed_ord, "01", "", plan.removal_reason, author, reviewer)

    # -- measures ------------------------------------------------------------------------------
    def _measure(self, plan: Plan, category: str, content: str, yuan: int, source: str, day: int,
                 beneficiaries: list[str], author: str, project_id: str | None = None, status: str | None = None) -> None:
        secs = 3600 + int(self.rng.random() * 28000)
        if status is None:
            status = "03" if day <= self.as_of - 60 else "02"
        self.rows["measure"].append((
            self.new_id(day, secs), 0, 0, stamp(day, secs), plan.id, category, content, yuan * 100, source,
            iso(day), status, id_list(beneficiaries), project_id, author,
        ))

    def _day_in(self, plan: Plan, year: int) -> int | None:
        """A day in ``year`` while the household is on the register (None if there is none)."""
        lo, hi = self._year_bounds[year]
        lo = max(lo, plan.id_ord + 15)
        hi = min(hi, plan.end_ord)
        if lo > hi:
            return None
        return lo + int(self.rng.random() * (hi - lo + 1))

    def measures(self, plan: Plan, author: str) -> None:
        """帮扶措施 that fit the household: industry, jobs, relocation, housing, school, health…"""
        rng = self.rng
        r = rng.random
        living = plan.living()
        head = plan.members[0]
        everyone = [m.id for m in living]
        if self.sc.fresh:
            day = self.as_of - int(r() * 20)
            self._measure(plan, "01", "拟扶持发展种养殖产业", 3000, "04", day, [head.id], author, status="01")
            if plan.unsafe_now:
                self._measure(plan, "04", "拟实施危房改造", 20000, "03", day, everyone, author, status="01")
            return
        first = max(plan.identified_year, 2015)
        last = date.fromordinal(plan.end_ord).year

        def day_between(lo: int, hi: int) -> int | None:
            lo, hi = max(lo, first), min(hi, last)
            return self._day_in(plan, lo + int(r() * (hi - lo + 1))) if lo <= hi else None

        for _ in range(1 if plan.projects or r() < 0.6 else 2):
            day = day_between(first, last)
            if day:
                content, yuan = _CROPS[int(r() * len(_CROPS))]
                self._measure(plan, "01", content, yuan, ("01", "03", "04")[int(r() * 3)], day, [head.id], author)
        workers = [m for m in living if m.works]
        if workers and r() < 0.6:
            day = day_between(first, last)
            if day:
                content, yuan = _JOBS[int(r() * len(_JOBS))]
                self._measure(plan, "02", content, yuan, "03", day, [workers[int(r() * len(workers))].id], author)
        if plan.relocated and plan.reloc_year:
            day = self._day_in(plan, plan.reloc_year)
            if day:
                self._measure(plan, "03", "搬迁至县城易地扶贫搬迁安置点", 20000 * len(living), "01", day, everyone, author)
        if plan.renovation_year:
            day = self._day_in(plan, plan.renovation_year)
            if day:
                self._measure(plan, "04", "实施农村危房改造（拆除重建）", 25000 + int(r() * 10) * 1000, "03", day,
                              everyone, author)
        if plan.unsafe_now:
            day = self.as_of - int(r() * 50)
            underway = r() < 0.5
            self._measure(plan, "04", "危房改造已立项，正在施工" if underway else "拟实施危房改造", 25000, "03",
                          day, everyone, author, status="02" if underway else "01")
        for s in [m for m in living if m.school not in ("01", "02")][:2]:
            day = day_between(2016, last)
            if day:
                if s.school in ("10", "11", "12", "13", "14", "15"):
                    content, yuan = "雨露计划职业教育补助", 3000
                elif s.school in ("07", "08", "09", "16"):
                    content, yuan = "国家助学金资助", 2000
                else:
                    content, yuan = "义务教育阶段贫困寄宿生生活补助", 1250
                self._measure(plan, "05", content, yuan, "01", day, [s.id], author)
        sick = [m for m in living if m.ill or m.disabled]
        if sick:
            day = day_between(first, last)
            if day:
                s = sick[int(r() * len(sick))]
                if s.health == "03":
                    content, yuan = "大病专项救治和医疗救助", 5000 + int(r() * 20) * 1000
                elif s.disabled:
                    content, yuan = "残疾人两项补贴和家庭医生签约服务", 1200
                else:
                    content, yuan = "慢性病签约服务和门诊报销", 600
                self._measure(plan, "06", content, yuan, "03", day, [s.id], author)
        if r() < 0.3:
            day = day_between(first, 2018)
            if day:
                self._measure(plan, "07", "扶贫小额信贷（5万元，3年期，财政贴息）", 50000, "07", day, [head.id], author)
        if plan.attr != "01":
            day = self._day_in(plan, first)
            if day:
                content = {"02": "纳入农村低保", "03": "纳入特困人员供养"}.get(plan.attr, "纳入低保和特困供养")
                self._measure(plan, "10", content, 1500 * len(living), "01", day,
                              [m.id for m in living if m.dibao or m.tekun], author)
        if r() < 0.08:
            day = day_between(2017, last)
            adults = [m for m in living if m.labour in ("01", "02", "03") and not m.works]
            if day and adults:
                w = adults[int(r() * len(adults))]
                if r() < 0.5:
                    self._measure(plan, "09", "聘为生态护林员", 10000, "01", day, [w.id], author)
                else:
                    self._measure(plan, "11", "聘为村级公益性岗位（保洁员）", 6000, "03", day, [w.id], author)
        if r() < 0.08:
            day = day_between(first, last)
            if day:
                self._measure(plan, "13", "帮扶单位走访慰问", 500, "05", day, [head.id], author)
        for project, yuan in plan.projects:
            day = max(project.start, plan.id_ord + 15)  # type: ignore[attr-defined]
            if day <= plan.end_ord:
                self._measure(plan, project.category, project.measure_text, yuan, project.main_source,  # type: ignore[attr-defined]
                              day, [head.id], author, project_id=project.id)  # type: ignore[attr-defined]

    # -- visits --------------------------------------------------------------------------------
    def visits(self, plan: Plan, periods: list[tuple[str, int, int]]) -> None:
        """Recorded visits by the helper in charge: about one a year while poor, a follow-up in some
        years after exit, plus the exit verification visit (a sample of the real, monthly visits);
        the latest one comes from ``latest_visit``."""
        r = self.rng.random
        first_day = periods[0][1] + 5
        end = plan.end_ord
        if first_day > end:
            return
        if self.sc.fresh:
            if r() < 0.5:
                self._visit(plan, first_day + int(r() * (end - first_day + 1)), periods[0][0], False)
            return
        for year in range(date.fromordinal(first_day).year, date.fromordinal(end).year + 1):
            lo, hi = self._year_bounds[year]
            lo, hi = max(lo, first_day), min(hi, end)
            if lo > hi:
                continue
            if plan.exit_ord is not None and lo >= plan.exit_ord:
                count = 1 if r() < 0.3 else 0  # after exit: a follow-up visit some years
            else:
                count = 1 if r() < 0.7 else 0 if r() < 0.6 else 2
            for _ in range(count):
                self._visit(plan, lo + int(r() * (hi - lo + 1)), "", False, periods)
            if plan.exit_year == year and plan.exit_ord is not None and lo <= plan.exit_ord - 40:
                hi = plan.exit_ord - 40
                self._visit(plan, lo + int(r() * (hi - lo + 1)), "", True, periods)

    def latest_visit(self, plan: Plan) -> None:
        """The helper in charge's latest visit before the snapshot day, on the helper's plan
        (``visit_every_days``) for about 85 % of the households and up to three months late for the
        rest, so the visit plan on the scenario's day reads like a working village's: a few
        households overdue, some due soon (the yearly sample above alone would leave all overdue).

        Drawn after the whole village is made (its own draws come last), so the rest of the county
        is the same as without it."""
        in_charge = self._in_charge.get(plan.id)
        if in_charge is None or plan.removed_ord is not None:
            return
        name, start, every = in_charge
        r = self.rng.random
        back = int(r() * every) if r() < 0.85 else every + 1 + int(r() * min(every, 45) * 2)
        day = plan.end_ord - back
        if day < start + 5 or day <= self._last_visit.get(plan.id, 0):
            return
        self._visit(plan, day, name, False)

    def _visit(self, plan: Plan, day: int, helper: str, exit_check: bool,
               periods: list[tuple[str, int, int]] | None = None) -> None:
        rng = self.rng
        r = rng.random
        self._last_visit[plan.id] = max(day, self._last_visit.get(plan.id, 0))
        if periods is not None:
            helper = periods[-1][0]
            for name, s, e in periods:
                if s <= day <= e:
                    helper = name
                    break
        exited = plan.exit_ord is not None and day >= plan.exit_ord and (
            plan.return_ord is None or day < plan.return_ord)
        housing_ok = not plan.unsafe_now and (
            plan.renovation_year is None or day >= self._year_bounds[plan.renovation_year][0] + 181)
        water_ok = not plan.conditions[12]
        if exit_check:
            summary = _EXIT_SUMMARIES[int(r() * len(_EXIT_SUMMARIES))]
        elif exited:
            summary = _AFTER_SUMMARIES[int(r() * len(_AFTER_SUMMARIES))]
        else:
            summary = _VISIT_SUMMARIES[int(r() * len(_VISIT_SUMMARIES))]
        rating = "01" if r() < 0.6 else "02" if r() < 0.9 else "03"
        key = (housing_ok, water_ok, rating, exit_check)
        data = self._visit_cache.get(key)
        if data is None:
            checks: dict[str, bool] = dict.fromkeys(_EXIT_CHECKS if exit_check else _ROUTINE_CHECKS, True)
            checks["housing"] = housing_ok
            checks["water_reliability"] = water_ok
            failed = [k for k, ok in checks.items() if not ok]
            data = dumps({
                "checks": checks,
                "notes": {k: _PROBLEMS[k][1] for k in failed},
                "problems": [{"category": _PROBLEMS[k][0], "text": _PROBLEMS[k][1]} for k in failed],
                "environment": {"rating": rating},
            })
            self._visit_cache[key] = data
        secs = 3600 + int(r() * 30000)  # 09:00–17:20 Beijing time is 01:00–09:20 UTC
        x = r()
        sat = "01" if x < 0.85 else "02" if x < 0.98 else "03"
        at = stamp(day, secs)
        self.rows["visit"].append((self.new_id(day, secs), 0, 0, at, plan.id, at, helper, helper, summary, sat, data, ""))

    # -- participation -------------------------------------------------------------------------
    def participation(self, plan: Plan) -> None:
        """Project work, meetings, training and clean-ups since the points scheme began (2018)."""
        r = self.rng.random
        if self.sc.fresh:
            return
        adults = [m for m in plan.living() if m.labour in ("01", "02", "03")] or plan.living()[:1]
        for _ in range(int(r() * 4)):
            y = 2018 + int(r() * 3)
            day = self._day_in(plan, y) if y <= self.sc.as_of.year else None
            if day is None:
                continue
            kind = ("01", "02", "02", "03", "04", "04", "05")[int(r() * 7)]
            m = adults[int(r() * len(adults))]
            notes = _PARTICIPATION[kind]
            secs = 3600 + int(r() * 28000)
            self.rows["participation"].append((
                self.new_id(day, secs), 0, 0, stamp(day, secs), plan.id, m.id, kind, iso(day),
                notes[int(r() * len(notes))], 1 + int(r() * 10),
            ))
