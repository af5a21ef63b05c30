"""Benchmark: every data-quality rule over a 100,000-household county (target under 10 s).

The county is the demo generator's, cached for all benchmarks by ``bench/common.py``
(``--keep FILE`` uses a ``quality_problems`` county with planted defects instead). Baseline, measured in the same run: one plain SQL pass reading every living
member row — what any whole-database check costs at least. The target is absolute (10 s).

Usage: uv run python bench/checks.py [--households N] [--keep PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")

TARGET_S = 10.0


def county(households: int, keep: str | None) -> object:
    """The shared cached demo county (bench/common.py), or a given file (created if missing)."""
    from bench.common import PASSPHRASE, USER, demo_database, open_bench

    if keep is None:
        return open_bench(demo_database(households))
    from app.demo import generate
    from app.store.database import create_database, open_database

    path = Path(keep)
    if path.exists():
        return open_database(path, USER, PASSPHRASE, check=False, backup=False)
    db = create_database(path, USER, PASSPHRASE, kdf={"n": 2**10, "r": 8, "p": 1})
    generate(db, households, 7, "quality_problems")
    return db


def baseline(db: object) -> float:
    conn = db.raw()  # type: ignore[attr-defined]
    try:
        start = time.perf_counter()
        rows = 0
        for _row in conn.execute("SELECT * FROM member WHERE active AND NOT deleted"):
            rows += 1
        return time.perf_counter() - start
    finally:
        conn.close()


def main() -> int:
    from datetime import date

    from app.quality import run_checks, summary

    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--keep", help="database file to reuse between runs (created if missing)")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "checks.json"))
    args = parser.parse_args()
    db = county(args.households, args.keep)
    try:
        with db.read() as s:  # type: ignore[attr-defined]
            from sqlalchemy import text

            households = s.execute(text("SELECT count(*) FROM household WHERE NOT deleted")).scalar_one()
            members = s.execute(text("SELECT count(*) FROM member WHERE active AND NOT deleted")).scalar_one()
        baseline(db)  # warm the page cache for both sides alike
        base = baseline(db)
        start = time.perf_counter()
        findings = run_checks(db, as_of=date(2020, 12, 31))  # type: ignore[arg-type]
        ours = time.perf_counter() - start
    finally:
        db.close()  # type: ignore[attr-defined]
    print(f"{households} households, {members} members: all rules {ours:.2f} s "
          f"(plain read of every member {base:.2f} s, ratio {ours / base:.2f}); target < {TARGET_S:.0f} s")
    for rule, count, hh in summary(findings):
        print(f"  {rule.code}: {count} finding(s) in {hh} household(s)")
    figures = [{"figure": f"all quality rules on {households} households ({members} members)", "ours": round(ours, 3),
                "baseline": round(base, 3), "ratio": round(ours / base, 3), "target": TARGET_S, "unit": "s",
                "pass": ours < TARGET_S}]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if figures[0]["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
