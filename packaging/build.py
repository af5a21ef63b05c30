"""Build the one-folder bundle, measure it, and run its self-test.

    uv run python packaging/build.py [--budget-mb 200] [--no-self-test]

Fails (exit ≠ 0) when PyInstaller fails, the bundle exceeds the size budget, or the bundled
`bangfu --self-test` does not pass (run offscreen, no display needed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget-mb", type=float, default=200.0)
    parser.add_argument("--no-self-test", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "bangfu.spec")],
        check=True, cwd=ROOT,
    )
    bundle = DIST / "bangfu"
    size_mb = folder_size(bundle) / 1e6
    print(f"build: {bundle} in {time.perf_counter() - start:.0f} s, {size_mb:.1f} MB unpacked "
          f"(budget {args.budget_mb:.0f} MB)")
    if size_mb > args.budget_mb:
        print("build: FAILED — the bundle is over its size budget", file=sys.stderr)
        return 1
    if args.no_self_test:
        return 0
    exe = bundle / ("bangfu.exe" if sys.platform == "win32" else "bangfu")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BANGFU_LANG": "en"}
    proc = subprocess.run([str(exe), "--self-test"], env=env, cwd="/" if os.name != "nt" else None)
    print(f"build: bundled self-test exit code {proc.returncode}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
