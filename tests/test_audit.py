"""Hash-chained audit trail: intact chains verify; any change, removal or reordering is caught."""

from __future__ import annotations

import json

import pytest

from app.services import registry
from app.services.audit import verify
from app.store.database import _connect


@pytest.fixture()
def chain(db, household):
    for phone in ("13800000001", "13800000002", "13800000003"):
        registry.update_household(db, household.id, {"phone": phone})
    return db


def _raw(db):
    return _connect(db.path, db.key)


def _verify(db):
    with db.read() as s:
        return verify(s)


def test_intact_chain_verifies(chain):
    count, problems = _verify(chain)
    assert count >= 8 and problems == []


def test_changed_entry_is_reported(chain):
    conn = _raw(chain)
    row = conn.execute("SELECT seq, fields FROM audit_entry WHERE action='patch' ORDER BY seq LIMIT 1").fetchone()
    fields = json.loads(row[1])
    fields["phone"] = ["13800000000", "13999999999"]
    conn.execute("UPDATE audit_entry SET fields=? WHERE seq=?", (json.dumps(fields), row[0]))
    conn.close()
    _count, problems = _verify(chain)
    assert [(p.seq, p.kind) for p in problems] == [(row[0], "changed")]


def test_removed_entry_is_reported(chain):
    conn = _raw(chain)
    conn.execute("DELETE FROM audit_entry WHERE seq=3")
    conn.close()
    _count, problems = _verify(chain)
    assert any(p.kind == "removed" and p.seq == 3 for p in problems)


def test_removed_last_entry_is_not_silently_accepted_after_new_writes(chain, household):
    conn = _raw(chain)
    last = conn.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
    conn.execute("DELETE FROM audit_entry WHERE seq=?", (last,))
    conn.execute("INSERT INTO audit_entry (seq, id, at, user_id, user_name, action, entity, entity_id, fields,"
                 " reason, prev_hash, hash) SELECT ?, 'forged', at, user_id, user_name, action, entity, entity_id,"
                 " fields, reason, prev_hash, hash FROM audit_entry WHERE seq=?", (last, last - 1))
    conn.close()
    _count, problems = _verify(chain)
    assert problems


def test_reordered_entries_are_reported(chain):
    conn = _raw(chain)
    conn.execute("UPDATE audit_entry SET seq=-1 WHERE seq=4")
    conn.execute("UPDATE audit_entry SET seq=4 WHERE seq=5")
    conn.execute("UPDATE audit_entry SET seq=5 WHERE seq=-1")
    conn.close()
    _count, problems = _verify(chain)
    kinds = {p.kind for p in problems}
    assert problems and kinds <= {"reordered", "changed", "removed"}
    assert any(p.seq in (4, 5) for p in problems)
