"""Shared helpers for the benchmarks: a cached demo database and the results file format."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CACHE = Path(os.environ.get("BANGFU_BENCH_CACHE", "/tmp/bangfu-bench"))
USER, PASSPHRASE = "bench", "bench-passphrase"


def demo_database(households: int, seed: int = 7) -> Path:
    """A demo database of ``households`` (built once, reused by later benchmark runs)."""
    from app.demo import generate
    from app.store.database import create_database

    path = CACHE / f"demo-{households}-{seed}.db"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = create_database(path, USER, PASSPHRASE)
    try:
        generate(db, households=households, seed=seed)
    finally:
        db.close()
    done.write_text("ok")
    return path


def open_bench(path: Path) -> Any:
    from app.store.database import open_database

    return open_database(path, USER, PASSPHRASE, check=False, backup=False)


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(values: Iterable[float], pct: float) -> float:
    data = sorted(values)
    if not data:
        return float("nan")
    k = (len(data) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def row(figure: str, ours: float, baseline: float | None, target: str, unit: str, passed: bool) -> dict[str, Any]:
    ratio = (ours / baseline) if baseline else None
    return {"figure": figure, "ours": ours, "baseline": baseline, "ratio": ratio, "target": target,
            "unit": unit, "pass": bool(passed)}


def write_results(name: str, rows: list[dict[str, Any]]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    for r in rows:
        base = "" if r["baseline"] is None else f"  baseline {r['baseline']:.4g}"
        ratio = "" if r["ratio"] is None else f"  ratio {r['ratio']:.3g}"
        print(f"{r['figure']:<58} {r['ours']:.4g} {r['unit']}{base}{ratio}  target {r['target']}  "
              f"{'PASS' if r['pass'] else 'FAIL'}")
