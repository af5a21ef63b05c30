"""Run every benchmark under bench/ and print one table.

Each benchmark script prints its own figures and writes bench/results/<name>.json (rows of
figure, ours, baseline, ratio, target, unit, pass); this runner starts each in its own process,
then tabulates all rows with the machine's core count.

    uv run python bench/run.py [--only search,startup] [--skip sync]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
NOT_BENCHMARKS = {"__init__", "common", "run"}


def scripts() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.py") if p.stem not in NOT_BENCHMARKS)


def fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    chosen = [s for s in scripts() if (not args.only or s in args.only.split(",")) and s not in args.skip.split(",")]
    failures: list[str] = []
    for name in chosen:
        (RESULTS / f"{name}.json").unlink(missing_ok=True)
        print(f"== {name} ==", flush=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, str(HERE / f"{name}.py")], cwd=HERE.parent)
        print(f"   ({time.perf_counter() - start:.0f} s)", flush=True)
        if proc.returncode != 0:
            failures.append(name)
    header = ("benchmark", "figure", "ours", "baseline", "ratio", "unit", "target", "result")
    table: list[tuple[str, ...]] = []
    for name in chosen:
        path = RESULTS / f"{name}.json"
        if not path.exists():
            table.append((name, "(no results: the script failed)", "", "", "", "", "", "FAIL"))
            continue
        for r in json.loads(path.read_text()):
            table.append((name, r["figure"], fmt(r["ours"]), fmt(r["baseline"]), fmt(r["ratio"]), r["unit"],
                          r["target"], "pass" if r["pass"] else "FAIL"))
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table, strict=False)]
    print(f"\nmachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for line in (header, tuple("-" * w for w in widths), *table):
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=False)))
    return 1 if failures or any(r[-1] == "FAIL" for r in table) else 0


if __name__ == "__main__":
    sys.exit(main())
