"""SIGKILL a writer at random points many times: every write reported as committed survives
and the database stays intact (SQLCipher HMACs, quick_check, audit chain)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select

from app.domain import Household, OutboxOp
from app.services.audit import verify
from app.store.database import open_database, verify_file
from tests.conftest import PASSPHRASE, USER

KILLS = 50
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_sigkill_at_random_points_loses_no_committed_write(db, village, db_path):
    db.close()
    rng = random.Random(20261129)
    committed: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.crash_writer", str(db_path), USER, PASSPHRASE, village.id, f"K{kill:02d}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()
        assert first.startswith("ok "), proc.stderr.read() if proc.stderr else ""
        committed.append(first.split()[1])
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        committed += [line.split()[1] for line in out.splitlines() if line.startswith("ok ")]
    assert len(committed) > 2 * KILLS  # the writer did real work between kills

    check = open_database(db_path, USER, PASSPHRASE, backup=False)
    verify_file(db_path, check.key)
    with check.read() as s:
        stored = set(s.exec(select(Household.hh_number)).all())
        missing = [n for n in committed if n not in stored]
        assert missing == []
        ops = s.exec(select(OutboxOp.entity_id).where(OutboxOp.entity == "household", OutboxOp.kind == "create")).all()
        assert len(ops) == len(set(ops)) >= len(committed)
        count, problems = verify(s)
        assert problems == [] and count > len(committed)
    check.close()
