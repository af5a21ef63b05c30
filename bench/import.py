"""Benchmark: importing 10,000 households (~40,000 person rows) vs openpyxl merely reading the cells.

Baseline (same run, same file): openpyxl in read-only mode iterating every cell value of every
sheet. Ours: ``app.io.excel_import.import_file`` into a fresh encrypted database — reading,
checking, matching, and writing households, members, conditions and incomes with their audit
entries, outbox ops and search index in one transaction. Target: ratio ≤ 2.

Usage: uv run python bench/import.py [--households N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")

from openpyxl import Workbook, load_workbook

from app.idnumber import make_id

HEADERS = ["省", "市", "县", "乡(镇)", "村", "行政区划代码", "组", "户编号", "姓名", "证件号码", "与户主关系", "性别", "民族",
           "文化程度", "在校生状况", "健康状况", "劳动技能", "务工状况", "务工时间", "贫困户属性", "主要致贫原因", "脱贫属性",
           "识别年度", "联系电话", "人均纯收入", "年度", "是否危房", "危房等级", "饮水是否安全", "开户银行", "银行账号"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "建国秀英桂芝明华志强丽娟小红海燕德胜玉兰春梅金凤永福国强文军晓东秋菊光荣翠花石头大山"
CAUSES = ["因病", "因残", "因学", "缺技术", "缺劳力", "缺资金", "交通条件落后", "自身发展动力不足"]


def write_file(path: Path, households: int, seed: int = 7) -> int:
    rnd = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("建档立卡人员")
    ws.append(HEADERS)
    rows = 0
    used: set[str] = set()
    for h in range(households):
        village = h // 250
        code = f"520123{(village // 10) + 1:03d}{(village % 10) + 1:03d}"
        size = rnd.choice((1, 2, 3, 4, 4, 5, 5, 6))
        cause = rnd.choice(CAUSES)
        income = f"{rnd.randint(2600, 9000)}.{rnd.randint(0, 99):02d}"
        status = rnd.choice(("未脱贫", "已脱贫(享受政策)", "已脱贫(不再享受政策)"))
        for m in range(size):
            age = 45 if m == 0 else (42 if m == 1 else rnd.randint(1, 20))
            while True:
                birth = date(2020 - age, 1, 1) + timedelta(days=rnd.randint(0, 364))
                number = make_id("520123", birth, rnd.randint(0, 99), "1" if m != 1 else "2")
                if number not in used:
                    used.add(number)
                    break
            name = rnd.choice(SURNAMES) + rnd.choice(GIVEN[::2]) + rnd.choice(GIVEN[1::2])
            relation = "户主" if m == 0 else ("配偶" if m == 1 else rnd.choice(("之子", "之女")))
            school = "小学" if 7 <= age <= 12 else ("非在校生" if age > 15 else "学前教育")
            ws.append(["贵州省", "贵阳市", "云岭县", f"第{village // 10 + 1}镇", f"第{village}村", code, (h % 6) + 1,
                       f"{code}{h:05d}", name, number, relation, "男" if m != 1 else "女", "汉族",
                       "小学" if age > 6 else "学龄前儿童", school, "健康", "普通劳动力" if age >= 16 else "无劳动力",
                       "未务工", 0, "一般贫困户", cause, status, 2015, "13800000000", income, 2019, "否", "", "是",
                       "农村信用社", "6228480000000000000"])
            rows += 1
    wb.save(path)
    return rows


def read_only_baseline(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for _value in row:
                cells += 1
    wb.close()
    return time.perf_counter() - start, cells


def run_import(path: Path, tmp: Path) -> tuple[float, object]:
    from app.io.excel_import import import_file
    from app.store.database import create_database

    db = create_database(tmp / "bench.db", "bench", "bench passphrase", role="township",
                         kdf={"n": 2**10, "r": 8, "p": 1})
    try:
        start = time.perf_counter()
        result = import_file(db, path)
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    return elapsed, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "import.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        path = tmp / "registry.xlsx"
        rows = write_file(path, args.households)
        read_only_baseline(path)  # warm the page cache and imports alike for both sides
        baseline, cells = read_only_baseline(path)
        ours, result = run_import(path, tmp)
    assert not result.refused, [p.text() for p in result.errors[:5]]  # type: ignore[attr-defined]
    ratio = ours / baseline
    print(f"rows {rows}, cells {cells}: openpyxl read-only {baseline:.2f} s, import {ours:.2f} s, "
          f"ratio {ratio:.2f} (target ≤ 2)")
    print(f"created {result.households} households, {result.members} members")  # type: ignore[attr-defined]
    figures = [
        {"figure": f"import {args.households} households ({rows} rows) vs openpyxl read-only read",
         "ours": round(ours, 3), "baseline": round(baseline, 3), "ratio": round(ratio, 3), "target": 2.0,
         "unit": "s", "pass": ratio <= 2.0},
    ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if figures[0]["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
