"""Synthetic Chinese personal names for demo data (never real people).

Surnames follow approximate national frequencies (per mille of the population), boosted for the
surnames common among the Han, Bouyei (布依族), Miao (苗族) and Sui (水族) villages of the Guizhou
hills the fictional county imitates (罗 杨 吴 龙 石 韦 潘 蒙 班 岑). The list deliberately includes the
surnames that make search hard:

- polyphonic surnames, read differently as a surname than as a word: 单 (Shàn, not dān), 曾 (Zēng,
  not céng), 解 (Xiè, not jiě), 朴 (Piáo, not pǔ), 区 (Ōu, not qū), 长 (Cháng/Zhǎng), 查 (Zhā),
  仇 (Qiú), 盖 (Gě), 缪 (Miào), 覃 (Qín);
- compound surnames (欧阳, 司马, 诸葛, 上官, 长孙 …), so the given name is not simply ``name[1:]``.

Given names are drawn from pools by sex and birth cohort, because names date people: a woman born
in 1940 is a 秀英 or 桂兰, a girl born in 2012 a 梓涵 or 欣怡.
"""

from __future__ import annotations

import bisect
import random
from itertools import accumulate

#: (surname, weight per mille). Weights are approximate and only need to look realistic.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71.0), ("李", 70.0), ("张", 66.0), ("刘", 54.0), ("陈", 46.0), ("杨", 45.0), ("黄", 24.0),
    ("赵", 23.0), ("吴", 35.0), ("周", 20.0), ("徐", 15.0), ("孙", 15.0), ("马", 14.0), ("朱", 13.0),
    ("胡", 13.0), ("郭", 12.0), ("何", 12.0), ("林", 8.0), ("高", 11.0), ("罗", 28.0), ("郑", 10.0),
    ("梁", 9.0), ("谢", 8.0), ("宋", 8.0), ("唐", 8.0), ("许", 7.0), ("韩", 7.0), ("冯", 7.0), ("邓", 7.0),
    ("曹", 6.0), ("彭", 6.0), ("曾", 6.0), ("肖", 6.0), ("田", 8.0), ("董", 5.0), ("袁", 5.0), ("潘", 9.0),
    ("于", 5.0), ("蒋", 5.0), ("蔡", 5.0), ("余", 5.0), ("杜", 4.0), ("叶", 4.0), ("程", 4.0), ("苏", 4.0),
    ("魏", 4.0), ("吕", 4.0), ("丁", 4.0), ("任", 4.0), ("沈", 4.0), ("姚", 4.0), ("卢", 4.0), ("姜", 3.0),
    ("崔", 3.0), ("钟", 3.0), ("谭", 3.0), ("陆", 3.0), ("汪", 3.0), ("范", 3.0), ("金", 3.0), ("石", 12.0),
    ("廖", 3.0), ("贾", 3.0), ("夏", 3.0), ("韦", 14.0), ("付", 3.0), ("方", 3.0), ("白", 2.0), ("邹", 2.0),
    ("孟", 2.0), ("熊", 4.0), ("秦", 2.0), ("邱", 2.0), ("江", 2.0), ("尹", 2.0), ("薛", 2.0), ("闫", 2.0),
    ("段", 2.0), ("雷", 3.0), ("侯", 2.0), ("龙", 12.0), ("史", 2.0), ("陶", 2.0), ("黎", 2.0), ("贺", 2.0),
    ("顾", 2.0), ("毛", 2.0), ("郝", 2.0), ("龚", 2.0), ("邵", 2.0), ("万", 2.0), ("钱", 2.0), ("严", 2.0),
    ("武", 2.0), ("戴", 2.0), ("莫", 3.0), ("孔", 1.0), ("向", 2.0), ("汤", 1.0), ("蒙", 5.0), ("班", 3.0),
    ("岑", 2.0), ("兰", 1.5), ("欧", 1.0),
    # polyphonic surnames
    ("单", 1.0), ("解", 0.6), ("朴", 0.3), ("区", 0.4), ("长", 0.2), ("查", 0.5), ("仇", 0.5), ("盖", 0.3),
    ("缪", 0.5), ("覃", 1.5),
    # compound surnames (all in app.store.search.COMPOUND_SURNAMES)
    ("欧阳", 0.8), ("司马", 0.2), ("上官", 0.2), ("诸葛", 0.2), ("长孙", 0.1), ("令狐", 0.1), ("东方", 0.1),
    ("皇甫", 0.1), ("公孙", 0.1), ("慕容", 0.1),
)

POLYPHONIC_SURNAMES: tuple[str, ...] = ("单", "曾", "解", "朴", "区", "长")
COMPOUND_SURNAMES: tuple[str, ...] = tuple(s for s, _w in SURNAMES if len(s) == 2)

# Given-name characters by sex and cohort: (born up to 1960, 1961–1985, 1986–2005, 2006 on).
_MALE = (
    "德明福贵发有成华昌富金荣林山海忠文武正光清洪生永国全和才树祥宝顺兴开元",
    "建国军伟勇强平斌涛峰刚志红兵新华明辉波亮林海超东江云龙朝剑军洪飞勇",
    "浩宇轩涛杰鹏鑫磊俊凯帅阳飞龙博文豪健锋超鸿毅晨旭杨",
    "子梓浩宇轩睿泽辰航铭俊熙豪锦逸嘉宸烨奕瑞",
)
_FEMALE = (
    "秀英兰珍凤翠芳桂花玉香梅菊莲琴云娥素淑金春秋妹",
    "红霞丽梅燕敏芳玲娟萍艳琼静英莉华群慧芬琳",
    "欣怡婷雪倩琳洁佳丹露悦颖璐瑶媛甜蕾雯",
    "梓涵欣怡雨萱诗可馨悦语思彤佳若依沫钰",
)


def _cohort(birth_year: int) -> int:
    if birth_year <= 1960:
        return 0
    if birth_year <= 1985:
        return 1
    if birth_year <= 2005:
        return 2
    return 3


class NameMaker:
    """Draws surnames and given names from one seeded random generator (deterministic)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = [s for s, _w in SURNAMES]
        self._cum = list(accumulate(w for _s, w in SURNAMES))
        self._total = self._cum[-1]

    def surname(self) -> str:
        i = bisect.bisect_right(self._cum, self.rng.random() * self._total)
        return self._surnames[min(i, len(self._surnames) - 1)]

    def given(self, sex: str, birth_year: int) -> str:
        pool = (_MALE if sex == "1" else _FEMALE)[_cohort(birth_year)]
        rng = self.rng
        first = pool[int(rng.random() * len(pool))]
        if rng.random() < 0.2:
            return first
        second = pool[int(rng.random() * len(pool))]
        if second == first and rng.random() < 0.7:  # 芳芳, 丽丽 happen, but not that often
            second = pool[(pool.index(first) + 1) % len(pool)]
        return first + second

    def full(self, sex: str, birth_year: int, surname: str | None = None) -> str:
        return (surname or self.surname()) + self.given(sex, birth_year)


#: Heads of household forced at evenly spread positions of the county so that search demos and
#: tests always find them: the classic placeholder 张三 (several of them, so "zs" has many hits),
#: its homophones, and every polyphonic / compound surname. (surname, given name, sex)
FORCED_HEADS: tuple[tuple[str, str, str], ...] = (
    ("张", "三", "1"), ("单", "明华", "1"), ("曾", "国华", "1"), ("张", "三", "1"), ("解", "宏伟", "1"),
    ("朴", "成哲", "1"), ("区", "志强", "1"), ("长", "永福", "1"), ("张", "三", "1"), ("欧阳", "德明", "1"),
    ("诸葛", "正光", "1"), ("章", "山", "1"), ("单", "秀英", "2"), ("曾", "桂兰", "2"), ("张", "珊", "2"),
    ("长孙", "有才", "1"),
)

#: Every character a generated name can contain (the writing process looks their pinyin up once
#: before forking the workers, which then inherit it).
NAME_CHARACTERS: frozenset[str] = frozenset(
    "".join(s for s, _w in SURNAMES) + "".join(_MALE + _FEMALE) + "".join(s + g for s, g, _x in FORCED_HEADS))
