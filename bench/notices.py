"""A 500-row exit notice (拟退出贫困户公示): time and file size.

Ours: read the village's 500 households in scope from an encrypted database, build the notice
content and lay out the PDF (mixed CJK/Latin fonts embedded as subsets, header repeated on every
page, QR code and page furniture on every page). Baseline, in the same run: a bare reportlab
``Table(repeatRows=1)`` of the same 500 rows with the same CJK font, nothing else on the page.
Targets: ≤ 1 s and ≤ 300 KB.

    uv run python bench/notices.py [--rows 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, row, write_results

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
GIVEN = "明华国建军平志强伟芳丽秀英兰桂珍玉梅红霞云春兴福贵德文武成家山林海清"


def build_database(folder: Path, rows: int):  # type: ignore[no-untyped-def]
    """A fresh encrypted database with one village and ``rows`` households proposed to exit."""
    from sqlmodel import Session

    from app.domain import Household, Income, LifecycleRequest, Member
    from app.idnumber import make_id
    from app.services.registry import create_village
    from app.store.database import create_database

    db = create_database(folder / "bench.db", "bench", "bench-passphrase", kdf={"n": 2**12, "r": 8, "p": 1})
    village = create_village(db, "520123001001", "石门村", "龙场镇", "云岭县", groups=9)
    rng = random.Random(5)
    with db.write_lock, Session(db.write_engine) as s:
        for i in range(rows):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            hh = Household(village_id=village.id, group_no=1 + i % 9, hh_number=f"520123001001{i:04d}",
                           main_cause=rng.choice(["01", "02", "03", "07", "09"]), head_name=name, size=1 + i % 6,
                           bank_account=f"6217{rng.randrange(10**14, 10**15)}")
            s.add(hh)
            s.flush()
            s.add(Member(household_id=hh.id, name=name, relation="01", sex="1",
                         id_number=make_id("520123", date(1950 + i % 40, 1 + i % 12, 1 + i % 28), i % 100, "1")))
            s.add(Income(household_id=hh.id, year=2017, wage_fen=rng.randrange(500_000, 3_000_000)))
            s.add(LifecycleRequest(household_id=hh.id, kind="02", year=2017, status="submitted"))
        s.commit()
    return db, village


def baseline_pdf(rows: list[list[str]], header: list[str]) -> bytes:
    """The bare reportlab table: same rows, same CJK font, repeatRows=1, nothing else."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from app.reports.common import FONT_CJK

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1, initialFontName=FONT_CJK)
    table = Table([header, *rows], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_CJK), ("FONTSIZE", (0, 0), (-1, -1), 12),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build([table])
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from app.reports import common
    from app.reports.notices import render_content
    from app.services.notices import prepare_household_notice

    with tempfile.TemporaryDirectory() as tmp:
        db, village = build_database(Path(tmp), args.rows)
        try:
            t0 = time.perf_counter()
            common.register_fonts()
            font_load = time.perf_counter() - t0

            def ours() -> tuple[bytes, int]:
                draft = prepare_household_notice(db, village.id, "exit", 2017, period_start=date(2017, 11, 1))
                return render_content(draft.content, draft.id, draft.content_hash, db.is_training)

            draft = prepare_household_notice(db, village.id, "exit", 2017, period_start=date(2017, 11, 1))
            section = draft.content["sections"][0]
            header = [c["label"] for c in section["columns"]]
            ours()  # warm caches (code lists, SQL statements) as a second notice in a session would
            baseline_pdf(section["rows"], header)
            times, base_times = [], []
            data, pages, base = b"", 0, b""
            for _ in range(args.repeat):
                start = time.perf_counter()
                data, pages = ours()
                times.append(time.perf_counter() - start)
                start = time.perf_counter()
                base = baseline_pdf(section["rows"], header)
                base_times.append(time.perf_counter() - start)
        finally:
            db.close()

    ours_s, base_s = median(times), median(base_times)
    print(f"{args.rows} rows → {pages} pages; fonts load once per process in {font_load:.3f} s")
    results = [
        row(f"{args.rows}-row exit notice: time (read + layout + PDF)", ours_s, base_s, "≤ 1 s", "s", ours_s <= 1.0),
        row(f"{args.rows}-row exit notice: file size", len(data) / 1024, len(base) / 1024, "≤ 300 KB", "KB",
            len(data) <= 300 * 1024),
        row("bundled fonts: first load per process", font_load, None, "-", "s", True),
    ]
    write_results("notices", results)


if __name__ == "__main__":
    main()
