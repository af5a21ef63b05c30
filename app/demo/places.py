"""The fictional demo county and the places, units and employers its records mention.

云岭县 (division code 520123) in the fictional prefecture 黔中市 of 贵州省: hills, small villages
spread over 组, migrant work in the coastal provinces. Township codes are 520123001, 520123002 …
and village codes add three digits (12 digits in all, domain.md §1). Every name here is invented
for the demo; any likeness to a real place is a coincidence of common place-name words.
"""

from __future__ import annotations

import random

PROVINCE = "贵州省"
CITY = "黔中市"
COUNTY = "云岭县"
COUNTY_CODE = "520123"

#: Township names (乡/镇); the first is the county seat. 001 = 龙场镇 matches the test fixtures.
TOWNSHIPS: tuple[str, ...] = (
    "龙场镇", "云岭镇", "白岩镇", "鹿鸣乡", "松坪乡", "清溪镇", "落花乡", "木弄乡", "高枧镇", "摆榜乡",
)

_VILLAGE_FIRST = "石大小新老上下高平青白黑红金银龙凤马牛羊鸡猫鹿虎岩桃李杉松竹茶油麻草水沙泥坡冲关"
_VILLAGE_SECOND = "门坪坝寨湾沟岩山河井田林桥塘坡冲庄场洞岭溪头脚垭堡坳湖"

#: Units that send 帮扶责任人 (helpers), by the unit's level code (helper_unit_level).
HELPER_UNITS: tuple[tuple[str, str], ...] = (
    ("02", "贵州省农业科学院"), ("02", "贵州省交通运输厅驻黔中办事处"), ("03", "黔中市人民医院"),
    ("03", "黔中市农业农村局"), ("03", "黔中市财政局"), ("04", "云岭县农业农村局"), ("04", "云岭县教育局"),
    ("04", "云岭县卫生健康局"), ("04", "云岭县人力资源和社会保障局"), ("04", "云岭县水务局"),
    ("04", "云岭县林业局"), ("04", "云岭县供电局"), ("04", "云岭县财政局"), ("04", "云岭县民政局"),
    ("04", "云岭县扶贫开发办公室"), ("04", "云岭县人民法院"), ("06", "黔中军分区"), ("07", "云岭县农村信用合作联社"),
)
HELPER_POSTS: tuple[str, ...] = ("科员", "副科长", "科长", "副主任", "主任科员", "干部", "技术员", "医生", "教师")
TOWNSHIP_POSTS: tuple[str, ...] = ("乡镇干部", "副镇长", "站所工作人员", "党政办干部")

#: Where migrant members work: (place, kind of work) for 务工单位 and the 务工状况 code it implies.
EMPLOYERS: dict[str, tuple[str, ...]] = {
    "04": ("广东省东莞市电子厂", "广东省深圳市电子厂", "浙江省宁波市服装厂", "福建省晋江市鞋厂",
           "江苏省苏州市电子厂", "浙江省义乌市小商品厂", "广东省佛山市家具厂", "上海市建筑工地"),
    "03": ("贵州省贵阳市建筑工地", "贵州省遵义市餐馆", "贵州省贵阳市物流园", "黔中市建筑工地"),
    "02": ("云岭县城建筑工地", "云岭县扶贫车间", "云岭县工业园区"),
    "01": ("本乡茶叶基地", "本乡蔬菜基地", "本乡扶贫车间", "本村合作社"),
}

BANKS: tuple[str, ...] = ("云岭县农村信用合作联社", "中国农业银行云岭县支行", "中国邮政储蓄银行云岭县支行")


def village_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct village names (两字+村, e.g. 石门村, 茶坪村); the first is always 石门村."""
    combos = [a + b + "村" for a in _VILLAGE_FIRST for b in _VILLAGE_SECOND]
    combos.remove("石门村")
    rng.shuffle(combos)
    names = ["石门村", *combos]
    if count > len(names):
        raise ValueError(f"at most {len(names)} demo villages")
    return names[:count]


def township_code(index: int) -> str:
    """9-digit code of the ``index``-th township (0-based)."""
    return f"{COUNTY_CODE}{index + 1:03d}"
