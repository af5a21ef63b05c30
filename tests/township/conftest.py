"""Plans are set by township staff or the county: the database user here has the county role."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture()
def db(db_path: Path):
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    database = create_database(db_path, USER, PASSPHRASE, role="county", kdf=FAST_KDF)
    yield database
    database.close()
