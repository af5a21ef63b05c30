"""Households and their members: who lives together, how old they are and what that implies.

A household is drawn from a small set of family shapes seen in the registers of hill villages
(weights chosen so the mean size is about 3.5, sizes 1–7): single elderly people, elderly couples,
couples with children, three generations under the head, an older head with a married son and
grandchildren, grandparents raising grandchildren whose parents work away (留守儿童), single
parents, and parents caring for a disabled adult child.

Every member's coded fields follow from age and health as of the demo's reference date, so that
the data-quality rules of domain.md §7 find nothing in default data:

- relations: exactly one 户主 (01); a 配偶 of the opposite sex; children at least 18 years younger
  than their parents, grandchildren younger than their parents;
- 在校生状况 and 文化程度 from the age on 1 September of the school year (grade = age − 5, one year
  later for some); everyone aged 6–15 is in school (preschool at 5) unless *health exempt*: a
  grade 1–2 disability or a serious illness may keep a child at home;
- 文化程度 of a pupil is the level being attended (小学 / 初中 / 高中 / 大专及以上);
- 劳动技能 from age and health (children, students and people over 65 have none; a grade 1–2
  disability or a serious illness means 丧失劳动力);
- 务工状况 and 务工时间: only people with labour ability work away; 未务工 means 0 months.
"""

from __future__ import annotations

import random
from datetime import date
from functools import lru_cache

from app.demo.names import NameMaker
from app.demo.places import EMPLOYERS

YEAR_DAYS = 365.2425

HEAD, SPOUSE, SON, DAUGHTER, DIL = "01", "02", "03", "04", "05"
GRANDSON, GRANDDAUGHTER, D_GRANDSON, D_GRANDDAUGHTER = "07", "08", "09", "10"
FATHER, MOTHER = "11", "12"
DEATH, MARRIED_OUT, MARRIED_IN, NEWBORN = "01", "02", "05", "06"
STUDENT_STATUSES = frozenset({"02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"})

#: Family shapes and weights (tuned for a mean size of about 3.5).
KINDS: tuple[tuple[str, float], ...] = (
    ("single_elderly", 0.10), ("elderly_couple", 0.12), ("couple_children", 0.32), ("three_generation", 0.15),
    ("stem", 0.13), ("grandparents", 0.08), ("single_parent", 0.06), ("disabled_adult", 0.04),
)
#: 民族 of a household: 汉, 布依, 苗, 水, 仡佬, 土家.
ETHNICITIES: tuple[tuple[str, float], ...] = (
    ("01", 0.45), ("09", 0.28), ("06", 0.17), ("25", 0.06), ("37", 0.02), ("15", 0.02),
)
ID_REGIONS_ELSEWHERE = ("522725", "522731", "520121", "520122", "522732")


class Person:
    """One member while the household is being built (converted to a row by the writer)."""

    __slots__ = (
        "id", "name", "sex", "birth", "relation", "ethnicity", "political", "education", "school", "health",
        "dis_type", "dis_grade", "labour", "work_status", "work_months", "employer", "med", "serious",
        "pension", "dibao", "tekun", "residence", "active", "change_reason", "change_date", "id_number",
        "id_region",
    )

    def __init__(self, sex: str, birth: int, relation: str, name: str = "", ethnicity: str = "01") -> None:
        self.id = ""
        self.name = name
        self.sex = sex
        self.birth = birth  # date ordinal
        self.relation = relation
        self.ethnicity = ethnicity
        self.political = "05"
        self.education = ""
        self.school = "01"
        self.health = "01"
        self.dis_type = ""
        self.dis_grade = ""
        self.labour = ""
        self.work_status = "06"
        self.work_months = 0
        self.employer = ""
        self.med = True
        self.serious = True
        self.pension = False
        self.dibao = False
        self.tekun = False
        self.residence = 12
        self.active = True
        self.change_reason = ""
        self.change_date: int | None = None
        self.id_number = ""
        self.id_region = "520123"

    @property
    def ill(self) -> bool:
        return self.health in ("02", "03")

    @property
    def disabled(self) -> bool:
        return self.health == "04"

    @property
    def student(self) -> bool:
        return self.school in STUDENT_STATUSES

    @property
    def works(self) -> bool:
        return self.work_months > 0


def years(n: float) -> int:
    return int(n * YEAR_DAYS)


def age_on(birth: int, on: int) -> int:
    """Whole years between two date ordinals (birthday counted on the day)."""
    b, d = date.fromordinal(birth), date.fromordinal(on)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


@lru_cache(maxsize=512)
def _total(weighted: tuple[tuple[str, float], ...]) -> float:
    return sum(w for _k, w in weighted)


def pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    """A key drawn with probability proportional to its weight."""
    x = rng.random() * _total(weighted)
    for key, w in weighted:
        x -= w
        if x < 0:
            return key
    return weighted[-1][0]


class FamilyBuilder:
    """Builds the members of one household as of ``as_of`` (a date ordinal)."""

    def __init__(self, rng: random.Random, names: NameMaker, as_of: date) -> None:
        self.rng = rng
        self.names = names
        self.as_of = as_of.toordinal()
        self.as_of_date = as_of
        school_year = as_of.year if as_of.month >= 9 else as_of.year - 1
        self.sept1 = date(school_year, 9, 1).toordinal()
        self.oldest = date(1922, 1, 1).toordinal()

    # -- shapes ----------------------------------------------------------------------------------
    def build(self, kind: str, forced: tuple[str, str, str] | None = None) -> list[Person]:
        rng = self.rng
        eth = pick(rng, ETHNICITIES)
        surname = forced[0] if forced else self.names.surname()
        head_sex = forced[2] if forced else None
        members = getattr(self, f"_{kind}")(eth, surname, head_sex)
        head = members[0]
        if forced:
            head.name = forced[0] + forced[1]
        return members

    def _born(self, age_low: float, age_high: float) -> int:
        return self.as_of - years(self.rng.uniform(age_low, age_high))

    def _person(self, sex: str, birth: int, relation: str, surname: str | None, eth: str) -> Person:
        birth = max(birth, self.oldest)
        year = date.fromordinal(birth).year
        return Person(sex, birth, relation, self.names.full(sex, year, surname), eth)

    def _spouse(self, head: Person, eth: str) -> Person:
        rng = self.rng
        sex = "2" if head.sex == "1" else "1"
        gap = rng.uniform(-1.0, 6.0)  # the wife is usually a few years younger
        birth = head.birth + years(gap) if sex == "2" else head.birth - years(gap)
        birth = min(birth, self.as_of - years(18.2))
        spouse = self._person(sex, birth, SPOUSE, None, eth if rng.random() < 0.8 else pick(rng, ETHNICITIES))
        if rng.random() < 0.15:
            spouse.id_region = rng.choice(ID_REGIONS_ELSEWHERE)  # married in from a neighbouring county
        return spouse

    def _children(self, mother_birth: int, count: int, surname: str, eth: str, son: str = SON,
                  daughter: str = DAUGHTER, first_age: tuple[float, float] = (19.0, 32.0)) -> list[Person]:
        rng = self.rng
        kids: list[Person] = []
        at = mother_birth + years(rng.uniform(*first_age))
        for _ in range(count):
            if at > self.as_of - 20 or at - mother_birth > years(44):
                break
            sex = "1" if rng.random() < 0.52 else "2"
            kids.append(self._person(sex, at, son if sex == "1" else daughter, surname, eth))
            at += years(rng.uniform(1.3, 6.0))
        return kids

    def _count(self) -> int:
        return int(pick(self.rng, (("1", 0.25), ("2", 0.42), ("3", 0.23), ("4", 0.10))))

    def _single_elderly(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        sex = head_sex or ("2" if self.rng.random() < 0.55 else "1")
        head = self._person(sex, self._born(62, 91), HEAD, surname if sex == "1" else None, eth)
        members = [head]
        if self.rng.random() < 0.25:  # the spouse died during the campaign
            late = self._spouse(head, eth)
            late.active = False
            late.change_reason = DEATH
            members.append(late)
        return members

    def _elderly_couple(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        if head_sex == "2":
            return self._single_elderly(eth, surname, head_sex)
        head = self._person("1", self._born(60, 86), HEAD, surname, eth)
        return [head, self._spouse(head, eth)]

    def _couple_children(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        if head_sex == "2":
            return self._single_parent(eth, surname, head_sex)
        head = self._person("1", self._born(26, 56), HEAD, surname, eth)
        wife = self._spouse(head, eth)
        kids = self._children(wife.birth, self._count(), surname, eth)
        return [head, wife, *kids]

    def _three_generation(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        if head_sex == "2":
            return self._single_parent(eth, surname, head_sex)
        rng = self.rng
        head = self._person("1", self._born(30, 53), HEAD, surname, eth)
        wife = self._spouse(head, eth)
        kids = self._children(wife.birth, max(1, self._count() - 1), surname, eth)
        father_birth = head.birth - years(rng.uniform(22, 34))
        mother_birth = father_birth + years(rng.uniform(-1, 5))
        r = rng.random()
        elders: list[Person] = []
        if r < 0.7:
            elders.append(self._person("1", father_birth, FATHER, surname, eth))
        if r < 0.45 or r >= 0.7:
            elders.append(self._person("2", mother_birth, MOTHER, None, eth))
        for elder in elders:
            elder.birth = max(elder.birth, self.as_of - years(95.5))
            if rng.random() < 0.12:  # died during the campaign: kept in history, not counted
                elder.active = False
                elder.change_reason = DEATH
        return [head, wife, *kids, *elders]

    def _stem(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        if head_sex == "2":
            return self._grandparents(eth, surname, head_sex)
        rng = self.rng
        head = self._person("1", self._born(55, 73), HEAD, surname, eth)
        wife = self._spouse(head, eth)
        son_birth = wife.birth + years(rng.uniform(20, 31))
        son = self._person("1", son_birth, SON, surname, eth)
        members = [head, wife, son]
        if age_on(son.birth, self.as_of) >= 22:
            dil = self._person("2", son.birth + years(rng.uniform(-1, 5)), DIL, None,
                               eth if rng.random() < 0.7 else pick(rng, ETHNICITIES))
            dil.birth = min(dil.birth, self.as_of - years(20.5))
            members.append(dil)
            members += self._children(dil.birth, max(1, self._count() - 1), surname, eth, GRANDSON, GRANDDAUGHTER,
                                      (20.0, 30.0))
        if rng.random() < 0.3:
            daughter_birth = son_birth + years(rng.uniform(1.5, 6))
            if daughter_birth < self.as_of - years(1):
                members.append(self._person("2", daughter_birth, DAUGHTER, surname, eth))
        return members[:7]

    def _grandparents(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        rng = self.rng
        sex = head_sex or ("1" if rng.random() < 0.75 else "2")
        head = self._person(sex, self._born(55, 76), HEAD, surname if sex == "1" else None, eth)
        members = [head]
        if sex == "1" and rng.random() < 0.75:
            members.append(self._spouse(head, eth))
        grandma = members[-1] if members[-1].sex == "2" else head
        from_son = rng.random() < 0.8
        kid_surname = (surname if sex == "1" else self.names.surname()) if from_son else self.names.surname()
        parent_birth = grandma.birth + years(rng.uniform(20, 28))
        kids = self._children(parent_birth, self._count(), kid_surname, eth,
                              GRANDSON if from_son else D_GRANDSON, GRANDDAUGHTER if from_son else D_GRANDDAUGHTER,
                              (20.0, 30.0))
        # the grandchildren live here because their parents work away: school-age children
        members += [k for k in kids if age_on(k.birth, self.as_of) >= 2] or [
            self._person("1", self.as_of - years(rng.uniform(3, 15)), GRANDSON if from_son else D_GRANDSON,
                         kid_surname, eth)]
        return members[:5]

    def _single_parent(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        rng = self.rng
        sex = head_sex or ("2" if rng.random() < 0.7 else "1")
        head = self._person(sex, self._born(30, 56), HEAD, surname if sex == "1" else None, eth)
        kid_surname = surname if sex == "1" else self.names.surname()
        mother_birth = head.birth if sex == "2" else head.birth + years(rng.uniform(0, 5))
        kids = self._children(mother_birth, max(1, self._count() - 1), kid_surname, eth)
        members = [head, *kids]
        if rng.random() < 0.4:  # widowed during the campaign
            late = self._spouse(head, eth)
            if sex == "2":
                late.name = self.names.full("1", date.fromordinal(late.birth).year, kid_surname)
            late.active = False
            late.change_reason = DEATH
            members.append(late)
        if len(members) == 1 or all(not m.active for m in members[1:]):
            members.insert(1, self._person("1", self.as_of - years(rng.uniform(4, 14)), SON, kid_surname, eth))
        return members

    def _disabled_adult(self, eth: str, surname: str, head_sex: str | None) -> list[Person]:
        rng = self.rng
        sex = head_sex or ("1" if rng.random() < 0.7 else "2")
        head = self._person(sex, self._born(55, 81), HEAD, surname if sex == "1" else None, eth)
        members = [head]
        if sex == "1" and rng.random() < 0.6:
            members.append(self._spouse(head, eth))
        mother_birth = members[-1].birth if members[-1].sex == "2" else head.birth
        child_sex = "1" if rng.random() < 0.55 else "2"
        birth = min(mother_birth + years(rng.uniform(20, 36)), self.as_of - years(20))
        child = self._person(child_sex, birth, SON if child_sex == "1" else DAUGHTER,
                             surname if sex == "1" else self.names.surname(), eth)
        child.health = "04"
        child.dis_grade = "1" if rng.random() < 0.5 else "2"
        child.dis_type = rng.choice("1245567")  # intellectual and physical disabilities most often
        members.append(child)
        return members

    # -- attributes ------------------------------------------------------------------------------
    def attributes(self, p: Person) -> None:
        """Fill health, schooling, education, labour ability and work from age (see module doc)."""
        rng = self.rng
        age = age_on(p.birth, self.as_of)
        if p.health == "01":
            self._health(p, age)
        school_age = age_on(p.birth, self.sept1) if p.birth <= self.sept1 else -1
        exempt = (p.disabled and p.dis_grade in ("1", "2")) or p.health == "03"
        self._school(p, school_age, exempt and rng.random() < 0.5)
        self._labour(p, age)
        if p.labour in ("01", "02", "03") and not p.student:
            self._work(p, age)
        p.political = "05"
        if age >= 18 and rng.random() < (0.07 if p.sex == "1" else 0.02):
            p.political = "01"
        elif 14 <= age <= 28 and rng.random() < 0.25:
            p.political = "03"
        p.med = p.serious = True
        p.pension = age >= 60 or (age >= 16 and not p.student and rng.random() < 0.85)

    def _health(self, p: Person, age: int) -> None:
        x = self.rng.random()
        if age < 16:
            table = (("03", 0.005), ("02", 0.01), ("04", 0.015))
        elif age < 40:
            table = (("03", 0.01), ("02", 0.04), ("04", 0.035))
        elif age < 60:
            table = (("03", 0.03), ("02", 0.15), ("04", 0.07))
        else:
            table = (("03", 0.05), ("02", 0.36), ("04", 0.10))
        for code, share in table:
            if x < share:
                p.health = code
                break
            x -= share
        if p.health == "04":
            p.dis_type = self.rng.choice("1234445567")
            p.dis_grade = self.rng.choice("1223344")

    def _school(self, p: Person, age: int, exempt: bool) -> None:
        """在校生状况 + 文化程度 from the age on 1 September (``age`` −1: born after it)."""
        rng = self.rng
        grade = age - 5 - (1 if rng.random() < 0.2 and 7 <= age <= 15 else 0)
        if age < 3:
            p.school, p.education = "01", "06"
        elif age < 6:
            p.school = "02" if age >= 4 or rng.random() < 0.7 else "01"
            p.education = "06"
        elif exempt and age <= 15:
            p.school, p.education = "01", "01"
        elif grade <= 6:
            p.school, p.education = "03", "02"
        elif grade <= 9:
            p.school, p.education = f"{grade - 3:02d}", "03"
        elif grade <= 12:
            if age <= 15 or rng.random() < 0.75:
                vocational = rng.random() < 0.4
                p.school = f"{(grade - 3 if not vocational else grade):02d}"
                p.education = "04"
            else:
                p.school, p.education = "01", "03"
        elif grade <= 15 and rng.random() < 0.3:
            p.school = "16" if rng.random() < 0.4 else f"{grade:02d}"
            p.education = "05"
        elif age <= 22 and rng.random() < 0.1:
            p.school, p.education = "16", "05"
        else:
            p.school = "01"
            p.education = self._adult_education(age)

    def _adult_education(self, age: int) -> str:
        x = self.rng.random()
        if age >= 65:
            return "01" if x < 0.55 else "02" if x < 0.92 else "03"
        if age >= 45:
            return "01" if x < 0.15 else "02" if x < 0.6 else "03" if x < 0.93 else "04"
        if age >= 30:
            return "01" if x < 0.04 else "02" if x < 0.3 else "03" if x < 0.85 else "04" if x < 0.96 else "05"
        return "02" if x < 0.1 else "03" if x < 0.65 else "04" if x < 0.9 else "05"

    def _labour(self, p: Person, age: int) -> None:
        rng = self.rng
        if age < 16 or p.student:
            p.labour = "05"
        elif p.disabled and p.dis_grade in ("1", "2"):
            p.labour = "04"
        elif p.health == "03":
            p.labour = "04" if rng.random() < 0.6 else "03"
        elif age >= 65:
            p.labour = "05" if rng.random() < 0.6 else "03"
        elif p.disabled or p.health == "02" or age >= 60:
            p.labour = "03" if rng.random() < 0.6 else "01"
        else:
            p.labour = "02" if rng.random() < 0.22 else "01"

    def _work(self, p: Person, age: int) -> None:
        rng = self.rng
        if p.labour == "03":
            status = "01" if rng.random() < 0.3 else "06"
        else:
            status = pick(rng, (("04", 0.36), ("03", 0.15), ("02", 0.10), ("01", 0.14), ("06", 0.25)))
        if status == "06":
            return
        low = 6 if status in ("03", "04") else 2
        p.work_status = status
        p.work_months = rng.randint(low, 12)
        p.employer = rng.choice(EMPLOYERS[status])
        if status in ("03", "04"):
            p.residence = max(0, 12 - p.work_months)
