"""A laptop syncing in its own process, for the SIGKILL tests: ``python sync_killee.py DB``.

Prints ``go`` just before the sync starts, so the test can kill it mid-sync.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_support import PASSPHRASE, USER, fast_backoff

from app.errors import BangfuError
from app.store.database import open_database
from app.sync import client

if __name__ == "__main__":
    db = open_database(Path(sys.argv[1]), USER, PASSPHRASE, check=False, backup=False)
    print("go", flush=True)
    try:
        client.sync(db, backoff=fast_backoff(attempts=8))
        print("done", flush=True)
    except BangfuError as exc:
        print(exc.code, flush=True)
