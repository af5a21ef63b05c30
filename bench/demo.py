"""Demo county generation: 100,000 households into a fresh encrypted database.

Times ``app.demo.generate`` end to end (every table, the search index, one transaction, commit).
The baseline, measured in the same run, is the services path (``registry.create_household`` +
``add_member`` per member + ``set_income`` for six years, each with its audit entry and outbox op)
on a sample of households, extrapolated to the same count: what the demo would cost without the
bulk writer — and it writes far fewer rows. Target: 100,000 households in under 60 s.

    uv run python bench/demo.py [--households 100000] [--seed 1] [--workers N] [--baseline-sample 150]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import row, write_results

TARGET_SECONDS = 60.0
KDF = {"n": 2**14, "r": 8, "p": 1}


def services_baseline(folder: Path, sample: int) -> float:
    """Seconds per household through the services (household, members, six years of income)."""
    from app.demo.generator import _jobs, make_village
    from app.demo.scenarios import SCENARIOS
    from app.services import registry
    from app.store.database import create_database

    db = create_database(folder / "services.db", "bench", "bench-passphrase", kdf=KDF)
    try:
        village = registry.create_village(db, "520123001001", "石门村", "龙场镇", "云岭县", groups=6)
        _townships, jobs = _jobs(SCENARIOS["default"], sample, 99)
        rows = []
        for job in jobs:
            rows += make_village(job).rows["member"]
        by_household: dict[str, list[tuple[object, ...]]] = {}
        for m in rows:
            if m[28]:  # living members only
                by_household.setdefault(str(m[4]), []).append(m)
        start = time.perf_counter()
        for members in list(by_household.values())[:sample]:
            head = next(m for m in members if m[10] == "01")
            hh = registry.create_household(db, village.id, {"name": head[5], "id_number": head[8]},
                                           main_cause="01", identified_year=2014)
            for m in members:
                if m is not head:
                    registry.add_member(db, hh.id, {"name": m[5], "relation": m[10], "id_number": m[8]},
                                        reason="07", on=date(2015, 1, 1))
            for year in range(2015, 2021):
                registry.set_income(db, hh.id, year, {"wage_fen": 800_000, "business_fen": 300_000})
        return (time.perf_counter() - start) / min(sample, len(by_household))
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: automatic)")
    parser.add_argument("--baseline-sample", type=int, default=150)
    args = parser.parse_args()
    os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")

    from app.demo import generate
    from app.demo.generator import _auto_workers
    from app.store.database import create_database

    folder = Path(tempfile.mkdtemp(prefix="bangfu-bench-demo-"))
    try:
        db = create_database(folder / "demo.db", "bench", "bench-passphrase", kdf=KDF)
        workers = _auto_workers(args.households) if args.workers is None else args.workers
        cpu0 = time.process_time()
        children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = os.getloadavg()[0]
        start = time.perf_counter()
        summary = generate(db, args.households, args.seed, workers=workers)
        seconds = time.perf_counter() - start
        main_cpu = time.process_time() - cpu0
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = children.ru_utime + children.ru_stime - children0.ru_utime - children0.ru_stime
        load = max(load, os.getloadavg()[0])
        db.close()
        size_mb = sum(p.stat().st_size for p in folder.glob("demo.db*")) / 1e6
        rows = sum(summary.rows.values())
        per_household = services_baseline(folder, args.baseline_sample)
        baseline = per_household * args.households
        print(f"demo county: {args.households} households, {summary.villages} villages, {summary.members} people, "
              f"{rows} rows, {size_mb:.0f} MB; {os.cpu_count()} cores (load average up to {load:.1f}), "
              f"{workers} worker processes; CPU: writing process {main_cpu:.1f} s, workers {worker_cpu:.1f} s")
        print(f"generate: {seconds:.1f} s = {args.households / seconds:.0f} households/s; services baseline "
              f"{per_household * 1000:.1f} ms per household -> {baseline:.0f} s for {args.households}")
        write_results("demo", [
            row(f"demo generate {args.households} households (all tables, search index)", seconds, baseline,
                f"< {TARGET_SECONDS:.0f} s", "s", seconds < TARGET_SECONDS),
            row("demo households per second", args.households / seconds, 1 / per_household, "-", "households/s", True),
            row("demo rows written per second", rows / seconds, None, "-", "rows/s", True),
        ])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
