"""Reference data in resources/codes and its loader app.codes."""

from __future__ import annotations

import csv
import re
import sys
from decimal import Decimal

import pytest

from app.codes import (
    Code,
    CodeList,
    all_lists,
    code_list,
    override,
    override_poverty_line,
    override_setting,
    poverty_line_fen,
    reset_overrides,
    setting,
)
from app.i18n import current_language, set_language
from app.paths import PROJECT_ROOT, resources_dir

CODES_DIR = PROJECT_ROOT / "resources" / "codes"
CJK = re.compile(r"[\u4e00-\u9fff]")

REQUIRED_LISTS = {
    "poverty_cause", "household_attr", "exit_status", "lifecycle_event", "education", "school_status",
    "health", "disability_type", "disability_grade", "labour_skill", "work_status", "measure_category",
    "measure_status", "member_change_reason", "relation", "sex", "ethnicity", "political", "id_standard",
    "id_type", "helper_unit_level", "house_structure", "house_danger_level", "road_type", "fuel_type",
    "funding_source", "project_status", "project_type", "removal_reason", "notice_kind",
    "participation_kind", "lifecycle_request_status", "role",
    # §2 needs these too
    "household_flag", "transfer_income_item", "insurance_type", "province",
}

#: Extra columns a list may carry beyond code,zh,en.
ALLOWED_EXTRA = {
    "member_change_reason": ["direction"],
    "exit_status": ["colour"],
    "house_danger_level": ["safe"],
    "household_attr": ["aliases"],
}

#: Lists named in domain.md §3, with their labels in handbook order.
HANDBOOK_S3 = {
    "poverty_cause": ["因病", "因残", "因学", "因灾", "缺土地", "缺水", "缺技术", "缺劳力", "缺资金",
                      "交通条件落后", "自身发展动力不足", "其他", "因婚", "因丧"],
    "household_attr": ["一般贫困户", "低保贫困户", "特困供养贫困户", "低保特困供养贫困户"],
    "exit_status": ["未脱贫", "已脱贫(享受政策)", "已脱贫(不再享受政策)", "返贫"],
    "lifecycle_event": ["新识别", "脱贫", "返贫", "剔除", "自然减少", "自然增加"],
    "education": ["文盲或半文盲", "小学", "初中", "高中", "大专及以上", "学龄前儿童"],
    "health": ["健康", "长期慢性病", "患有大病", "残疾"],
    "labour_skill": ["普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"],
    "work_status": ["乡(镇)内务工", "乡(镇)外县内务工", "县外省内务工", "省外务工", "其他", "未务工"],
}


@pytest.fixture(autouse=True)
def _clean_state():
    saved = current_language()
    reset_overrides()
    yield
    reset_overrides()
    set_language(saved)


def _read(name: str) -> tuple[list[str], list[list[str]]]:
    with (CODES_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


# -- files -------------------------------------------------------------------------------------

def test_resources_dir_is_project_resources():
    assert resources_dir() == CODES_DIR.parent
    assert CODES_DIR.is_dir()


def test_resources_dir_honours_meipass(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_all_required_lists_present():
    assert REQUIRED_LISTS <= set(all_lists())
    assert not {"poverty_lines", "settings"} & set(all_lists())


@pytest.mark.parametrize("name", sorted(REQUIRED_LISTS))
def test_file_format(name):
    raw = (CODES_DIR / f"{name}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "ship without BOM"
    raw.decode("utf-8")
    header, rows = _read(name)
    assert header == ["code", "zh", "en", *ALLOWED_EXTRA.get(name, [])]
    assert all(len(row) == len(header) for row in rows)


@pytest.mark.parametrize("name", sorted(REQUIRED_LISTS))
def test_list_content_rules(name):
    cl = code_list(name)
    items = cl.items()
    assert items, name
    assert len(set(cl.codes())) == len(items), "duplicate codes"
    assert len({c.zh for c in items}) == len(items), "duplicate Chinese labels make find() ambiguous"
    assert len({c.en.casefold() for c in items}) == len(items), "duplicate English labels"
    for c in items:
        assert c.code and c.code == c.code.strip() and c.code.isascii()
        assert c.zh.strip() and CJK.search(c.zh), (name, c.code)
        assert c.en.strip() and c.en.isascii() and re.search("[A-Za-z]", c.en), (name, c.code)


def test_code_lists_in_file_order():
    header, rows = _read("ethnicity")
    assert code_list("ethnicity").codes() == [r[0] for r in rows]


# -- domain.md §3 and the brief's lists ---------------------------------------------------------

@pytest.mark.parametrize(("name", "labels"), sorted(HANDBOOK_S3.items()))
def test_handbook_lists(name, labels):
    items = code_list(name).items()
    assert [c.zh for c in items] == labels
    assert [c.code for c in items] == [f"{i:02d}" for i in range(1, len(labels) + 1)]


def test_education_national_codes():
    cl = code_list("education")
    assert [(c.code, c.zh) for c in cl.items()] == [
        ("01", "文盲或半文盲"), ("02", "小学"), ("03", "初中"), ("04", "高中"), ("05", "大专及以上"), ("06", "学龄前儿童"),
    ]


def test_school_status_one_row_per_grade():
    cl = code_list("school_status")
    assert cl.codes() == [f"{i:02d}" for i in range(1, 17)]
    assert {c: cl.label(c, "zh_CN") for c in ("01", "02", "03", "04", "05", "06", "16")} == {
        "01": "非在校生", "02": "学前教育", "03": "小学", "04": "七年级", "05": "八年级", "06": "九年级",
        "16": "大专及以上",
    }
    for first, stage in (("07", "高中"), ("10", "中职"), ("13", "高职")):
        start = int(first)
        assert [cl.label(f"{start + k:02d}", "zh") for k in range(3)] == [
            f"{stage}{n}年级" for n in ("一", "二", "三")
        ]


def test_measure_category_covers_handbook():
    zh = [c.zh for c in code_list("measure_category").items()]
    assert len(zh) == 14
    for word in ("产业", "就业", "搬迁", "危房", "教育", "健康", "金融", "光伏", "生态", "兜底", "公益岗位",
                 "饮水", "社会帮扶", "其他"):
        assert any(word in label for label in zh), word


def test_exit_status_codes_and_colours():
    cl = code_list("exit_status")
    assert cl.codes() == ["01", "02", "03", "04"]
    assert [c.extra["colour"] for c in cl.items()] == ["red", "green", "green", "yellow"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lifecycle_event", ["新识别", "脱贫", "返贫", "剔除", "自然减少", "自然增加"]),
        ("measure_status", ["计划", "实施中", "已完成"]),
        ("political", ["中共党员", "中共预备党员", "共青团员", "民主党派", "群众"]),
        ("id_standard", ["国家标准", "省定标准", "市定标准"]),
        ("id_type", ["居民身份证", "残疾人证"]),
        ("helper_unit_level", ["中央", "省", "市", "县", "乡镇", "部队", "其他"]),
        ("house_structure", ["钢混", "砖混", "砖木", "土木", "竹草土坯", "其他"]),
        ("road_type", ["泥土路", "沙石路", "水泥路", "沥青路", "其他"]),
        ("fuel_type", ["柴草", "煤炭", "清洁能源", "其他"]),
        ("funding_source", ["中央财政专项", "省级财政专项", "市县财政专项", "整合资金", "社会帮扶", "群众自筹", "其他"]),
        ("project_status", ["计划", "实施中", "已完工", "已验收"]),
        ("project_type", ["产业发展", "基础设施", "易地搬迁", "教育培训", "公共服务", "资产收益", "其他"]),
        ("removal_reason", ["财政供养人员", "村干部", "拥有车辆(3万元以上)", "城镇购房", "经营公司", "识别错误", "其他"]),
        ("participation_kind", ["项目务工", "村民大会", "技能培训", "环境整治", "其他"]),
        ("household_flag", ["军烈属", "独生子女户", "双女户", "易地搬迁户"]),
        ("transfer_income_item", ["计划生育金", "低保金", "特困供养金(五保金)", "养老保险金", "生态补偿金", "其他"]),
        ("insurance_type", ["城乡居民基本医疗保险", "大病保险", "城乡居民基本养老保险"]),
        ("disability_grade", ["一级", "二级", "三级", "四级"]),
    ],
)
def test_list_labels(name, expected):
    assert [c.zh for c in code_list(name).items()] == expected


def test_disability_type_matches_certificate_digit():
    cl = code_list("disability_type")
    assert cl.codes() == [str(i) for i in range(1, 8)]
    assert [c.zh[:2] for c in cl.items()] == ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
    assert code_list("disability_grade").codes() == ["1", "2", "3", "4"]


def test_member_change_reason_direction():
    cl = code_list("member_change_reason")
    assert {c.zh: c.extra["direction"] for c in cl.items()} == {
        "死亡": "out", "嫁出": "out", "出国定居": "out", "判刑收监": "out",
        "嫁入": "in", "新生儿": "in", "其他转入": "in", "其他转出": "out",
    }


def test_relation():
    cl = code_list("relation")
    assert cl.get("01").zh == "户主"
    assert len(cl) == 20
    assert cl.items()[-1].zh == "其他"
    assert {"配偶", "之儿媳", "之外孙女", "之公公", "之兄弟姐妹"} <= {c.zh for c in cl.items()}


def test_sex_and_ethnicity():
    assert [(c.code, c.zh) for c in code_list("sex").items()] == [("1", "男"), ("2", "女")]
    eth = code_list("ethnicity")
    assert len(eth) == 58
    assert eth.codes() == [f"{i:02d}" for i in range(1, 57)] + ["97", "98"]
    assert (eth.label("01", "zh"), eth.label("04", "zh"), eth.label("56", "zh")) == ("汉族", "藏族", "基诺族")
    assert all(c.zh.endswith("族") for c in eth.items()[:56])


def test_house_danger_level():
    cl = code_list("house_danger_level")
    assert cl.codes() == ["A", "B", "C", "D"]
    assert cl.label("A", "zh_CN") == "A级(安全)" and cl.label("A", "en") == "A (safe)"
    assert [c.extra["safe"] for c in cl.items()] == ["yes", "yes", "no", "no"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("notice_kind", ["identify", "exit", "return", "remove", "project_plan", "project_completion"]),
        ("lifecycle_request_status", ["draft", "submitted", "township_reviewed", "approved", "rejected"]),
        ("role", ["village", "township", "trainer", "county"]),
    ],
)
def test_english_word_codes(name, expected):
    assert code_list(name).codes() == expected


def test_province_codes_are_gb2260():
    codes_ = code_list("province").codes()
    assert len(codes_) == 34
    assert {"11", "46", "50", "52", "65", "71", "81", "82"} <= set(codes_)
    assert not {"10", "20", "83", "99"} & set(codes_)


# -- API ---------------------------------------------------------------------------------------

def test_code_label_and_list_label():
    c = code_list("poverty_cause").get("01")
    assert c == Code("01", "因病", "Illness", {})
    assert (c.label("zh_CN"), c.label("zh"), c.label("en"), c.label("en_US")) == ("因病", "因病", "Illness", "Illness")
    cl = code_list("poverty_cause")
    assert cl.label("01", "en") == "Illness"
    assert cl.label("zz") == "zz"
    set_language("en")
    assert cl.label("02") == "Disability"
    set_language("zh_CN")
    assert cl.label("02") == "因残"


def test_find():
    cl = code_list("work_status")
    assert cl.find("01").code == "01"
    assert cl.find("０１").code == "01"
    assert cl.find(" 乡（镇）内务工 ").code == "01"
    assert cl.find("working OUTSIDE the province").code == "04"
    assert cl.find("nonsense") is None
    assert cl.find("") is None
    assert code_list("house_danger_level").find("ｃ").code == "C"
    assert code_list("house_danger_level").find("c级（局部危险）").code == "C"
    assert code_list("household_attr").find("五保贫困户").code == "03"


def test_contains_and_get():
    cl = code_list("education")
    assert "05" in cl and "5" not in cl and "99" not in cl and 5 not in cl
    assert cl.get("99") is None


def test_code_list_cached_and_unknown():
    assert code_list("education") is code_list("education")
    with pytest.raises(KeyError, match="no_such_list"):
        code_list("no_such_list")
    for bad in ("settings", "poverty_lines", "../codes/education", "Education"):
        with pytest.raises(KeyError):
            code_list(bad)


def test_code_list_validation():
    with pytest.raises(ValueError, match="duplicate"):
        CodeList("x", [Code("01", "甲", "A"), Code("01", "乙", "B")])
    with pytest.raises(ValueError, match="empty"):
        CodeList("x", [Code("01", "", "A")])


def test_code_hashable():
    assert len({code_list("sex").get("1"), code_list("sex").get("1")}) == 1


def test_override_code_list():
    new = override("fuel_type", [Code("01", "柴草", "Firewood"), {"code": "09", "zh": "沼气", "en": "Biogas"}])
    assert code_list("fuel_type") is new
    assert code_list("fuel_type").codes() == ["01", "09"]
    assert code_list("fuel_type").label("09", "en") == "Biogas"
    assert all_lists()["fuel_type"] is new
    override("new_pushed_list", [{"code": "01", "zh": "新", "en": "New"}])
    assert "new_pushed_list" in all_lists()
    with pytest.raises(ValueError):
        override("fuel_type", [{"code": "01", "zh": "柴草", "en": ""}])
    assert code_list("fuel_type") is new, "a rejected push must not replace good data"
    reset_overrides()
    assert "09" not in code_list("fuel_type")


# -- poverty lines and settings ----------------------------------------------------------------

HANDBOOK_LINES = {2014: 2800, 2015: 2855, 2016: 2952, 2017: 3335, 2018: 3535, 2019: 3747, 2020: 4000}


@pytest.mark.parametrize(("year", "yuan"), sorted(HANDBOOK_LINES.items()))
def test_national_poverty_lines(year, yuan):
    assert poverty_line_fen(year) == yuan * 100
    assert poverty_line_fen(year, "51") == yuan * 100  # a province without its own line


def test_no_line_outside_campaign_years():
    assert poverty_line_fen(2013) is None
    assert poverty_line_fen(2021) is None
    assert poverty_line_fen(2013, "52") is None


def test_province_override_wins():
    assert poverty_line_fen(2019, "52") == 380000
    assert poverty_line_fen(2019, "520102") == 380000   # a county code is accepted
    assert poverty_line_fen(2018, "52") == 353500       # no override that year


def test_poverty_lines_file_has_handbook_defaults():
    with (CODES_DIR / "poverty_lines.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {int(r["year"]): int(r["yuan"]) for r in rows if not r["province"]} == HANDBOOK_LINES


def test_override_poverty_line():
    override_poverty_line(2021, None, 4100)
    assert poverty_line_fen(2021) == 410000
    override_poverty_line(2019, "52", "3820.50")
    assert poverty_line_fen(2019, "52") == 382050
    override_poverty_line(2019, "45", Decimal("3900"))
    assert poverty_line_fen(2019, "45") == 390000
    assert poverty_line_fen(2019) == 374700
    with pytest.raises(TypeError):
        override_poverty_line(2019, None, 3747.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        override_poverty_line(2019, None, "3747.123")
    with pytest.raises(ValueError):
        override_poverty_line(2019, None, "abc")
    reset_overrides()
    assert poverty_line_fen(2021) is None


def test_settings():
    assert setting("notice_days_household") == "7"
    assert setting("notice_days_project") == "10"
    assert setting("spot_check_township_pct") == "20"
    assert setting("spot_check_county_pct") == "10"
    assert setting("hotline_national") == "12317"
    with pytest.raises(KeyError):
        setting("no_such_setting")
    override_setting("notice_days_household", "5")
    assert setting("notice_days_household") == "5"


def test_loader_reads_meipass_bundle(monkeypatch, tmp_path):
    bundle = tmp_path / "resources" / "codes"
    bundle.mkdir(parents=True)
    (bundle / "sex.csv").write_text("\ufeffcode,zh,en\n1,男性,Man\n\n2,女性,Woman\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    reset_overrides()
    assert code_list("sex").label("1", "zh") == "男性"
    assert list(all_lists()) == ["sex"]


def test_loader_rejects_bad_header(monkeypatch, tmp_path):
    bundle = tmp_path / "resources" / "codes"
    bundle.mkdir(parents=True)
    (bundle / "sex.csv").write_text("id,name\n1,男\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    reset_overrides()
    with pytest.raises(ValueError, match="header"):
        code_list("sex")


def test_readme_documents_examples():
    text = (CODES_DIR / "README.md").read_text(encoding="utf-8")
    assert "poverty_lines.csv" in text and "example" in text.lower()
