"""How synced rows refer to each other, derived from the domain model (used by client and server).

* ``ref_fields(entity)``: the ``<x>_id`` fields naming another entity (household_id → household,
  project_id → fund_project…), most specific first. They place a row in its village and keep
  foreign keys whole when pages of pulled changes are applied.
* ``natural_keys(entity)``: the unique column sets other than the id (a village's code, one
  income row per household and year…). Two laptops can create "the same" row offline under
  different ids; the county merges the second into the first and both laptops re-key their copy.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import UniqueConstraint

#: ``<name>_id`` fields whose entity is not simply ``<name>``.
ALIASES = {"project_id": "fund_project", "request_id": "lifecycle_request", "rule_id": "points_rule",
           "scheme_id": "points_scheme"}
#: Scope is taken from the first of these that a row has, then from any other reference.
PREFERRED = ("household_id", "village_id")


@cache
def ref_fields(entity: str) -> tuple[tuple[str, str], ...]:
    """(field, parent entity) of every reference a row of ``entity`` holds, most specific first."""
    from app.domain import ENTITIES

    cls = ENTITIES.get(entity)
    if cls is None:
        return ()
    refs = []
    for name in cls.model_fields:
        if not name.endswith("_id") or name == "id":
            continue
        target = ALIASES.get(name, name[:-3])
        if target in ENTITIES and target != entity:
            refs.append((name, target))
    refs.sort(key=lambda r: PREFERRED.index(r[0]) if r[0] in PREFERRED else len(PREFERRED))
    return tuple(refs)


@cache
def referrers(entity: str) -> tuple[tuple[str, str], ...]:
    """(entity, field) of every reference *to* ``entity``."""
    from app.domain import ENTITIES

    return tuple((other, name) for other in ENTITIES for name, target in ref_fields(other) if target == entity)


@cache
def natural_keys(entity: str) -> tuple[tuple[str, ...], ...]:
    """The unique column sets of ``entity`` besides its id."""
    from app.domain import ENTITIES

    cls = ENTITIES.get(entity)
    if cls is None:
        return ()
    table = cls.__table__  # type: ignore[attr-defined]
    keys: list[tuple[str, ...]] = []
    for con in table.constraints:
        if isinstance(con, UniqueConstraint):
            keys.append(tuple(c.name for c in con.columns))
    keys += [(c.name,) for c in table.columns if c.unique and c.name != "id"]
    keys += [tuple(c.name for c in ix.columns) for ix in table.indexes if ix.unique]
    return tuple(dict.fromkeys(k for k in keys if k and "id" not in k))


def key_text(entity: str, columns: tuple[str, ...], data: dict) -> str | None:
    """A natural key as text (None when a column is missing or empty: no uniqueness then)."""
    values = [data.get(c) for c in columns]
    if any(v is None or v == "" for v in values):
        return None
    import json

    return entity + ":" + json.dumps([list(columns), values], ensure_ascii=False, separators=(",", ":"), default=str)
