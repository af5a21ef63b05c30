"""Child process for the crash-safety test: writes households through the services and reports
each one on stdout only after its transaction committed."""

import os
import sys

os.environ["BANGFU_NO_AUTO_BACKUP"] = "1"

from app.services import registry
from app.store.database import open_database

path, user, passphrase, village_id, prefix = sys.argv[1:6]
db = open_database(path, user, passphrase, check=False)
i = 0
while True:
    number = f"{prefix}-{i:05d}"
    hh = registry.create_household(db, village_id, {"name": "压测户"}, main_cause="01", hh_number=number)
    if i % 3 == 0:
        registry.update_household(db, hh.id, {"phone": "13800000000"})
    print("ok", number, flush=True)
    if i == 0:
        print("ready", flush=True)  # after a first, warm-up write: imports and caches are loaded
    i += 1
