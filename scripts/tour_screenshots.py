"""Render the first step of every guided tour, and the training window, offscreen to PNG.

    uv run python scripts/tour_screenshots.py               # → docs/tours/*.png
    uv run python scripts/tour_screenshots.py --out /tmp/tours

Builds a training sandbox (scenario exit_year) in a temporary data folder, opens it in the real
main window on Qt's offscreen platform with the bundled fonts, starts each tour at its first step
and grabs the window; then the Training mode and Help → Guided tours menus, and one tour in
English. Nothing touches the user's own database or settings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
from shots import FAST_KDF, ROOT

SIZE = (1280, 800)
VILLAGE_ROWS_SHOWN = 25


def wait(app, until: Callable[[], bool], timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``until()`` holds (workers report through it), then settle."""
    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "tours")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bangfu-tours-"))
    os.environ["BANGFU_HOME"] = str(work)

    from ui import settings as settings_module

    settings_module.use_file(work / "settings.ini")
    from app import training

    sandbox = training.ensure_sandbox("exit_year", kdf=FAST_KDF)
    db = training.open_sandbox(sandbox)

    from ui.app import create_application, prepare
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.tours import catalogue
    from ui.tours.engine import forget_progress

    app = create_application()
    settings = Settings()
    settings.language = "zh_CN"
    prepare(app, settings)
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    window.attach_database(db, check=False)
    model = window.list_model
    wait(app, lambda: model.rowCount() > 0 and all(model.row_data(r) is not None
                                                   for r in range(min(25, model.rowCount()))))
    menu = window.training_menu
    shots: list[str] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        wait(app, lambda: True)
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path.name)

    refused: list[str] = []
    menu.tour_refused.connect(refused.append)

    def first_step(key: str, name: str) -> None:
        forget_progress(key)
        menu.start_tour(key, 0)
        wait(app, lambda: key in refused or (menu.runner is not None and menu.runner.tour.key == key
                                             and menu.runner.bubble is not None))
        if key in refused:
            print(f"skipped {key}: the sandbox has nothing to practise it on", file=sys.stderr)
            return
        save(window, name)
        menu.runner.stop()
        wait(app, lambda: menu.runner is None)

    save(window, "training-window")
    for tour in catalogue.tours():
        if tour.available(window):
            first_step(tour.key, f"tour-{tour.key}")

    # the first step after typing the initials: the household's row is highlighted, the bubble beside it
    forget_progress("log_measure")
    menu.start_tour("log_measure", 0)
    wait(app, lambda: menu.runner is not None and menu.runner.tour.key == "log_measure")
    runner = menu.runner
    window.search.setText(runner.ctx["initials"])
    wait(app, lambda: model.row_of(runner.ctx["household_id"]) is not None and runner.overlay is not None
         and runner.overlay.hole.top() > window.search.mapTo(window, window.search.rect().bottomLeft()).y())
    save(window, "tour-open_card-row-step")
    runner.stop()
    wait(app, lambda: menu.runner is None)
    window.search.clear()
    wait(app, lambda: model.rowCount() > VILLAGE_ROWS_SHOWN)

    # one step further in, to show a highlighted field on a card
    from ui.tours.sample import pick_household

    card = window.open_household(pick_household(db)["household_id"])
    wait(app, lambda: card.data is not None)
    card.tabs.setCurrentWidget(card.basic)
    first_step_at = [s.key for s in catalogue.tour("correct_card").steps].index("phone")
    menu.start_tour("correct_card", first_step_at)
    wait(app, lambda: menu.runner is not None and menu.runner.overlay is not None and menu.runner.overlay.isVisible())
    save(window, "tour-correct_card-phone-step")
    menu.runner.stop()
    wait(app, lambda: menu.runner is None)
    window.close_tab(window.tabs.indexOf(card))

    for popup, name in ((menu.menu, "menu-training"), (menu.tours_menu, "menu-guided-tours")):
        popup.popup(window.mapToGlobal(window.rect().center()))
        wait(app, popup.isVisible)
        save(popup, name)
        popup.hide()

    window.set_language("en")
    first_step("find_household", "tour-find_household-en")
    window.set_language("zh_CN")
    window.close()
    settings_module.use_file(None)
    print("\n".join(shots))
    print(f"{len(shots)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
