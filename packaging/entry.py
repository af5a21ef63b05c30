"""Entry point of the bundled program: the same `bangfu` command as the source tree."""

import multiprocessing
import sys

from ui.launcher import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
