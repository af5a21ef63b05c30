"""Training mode and guided tours in the main window (a plugin: ``ui.training.plugin:install``).

Every main window gets a "Training mode" menu — open the sandbox in one click, reset it (after a
confirmation), pick a scenario — and Help → Guided tours. A window on a training database also
gets the orange banner bar, 【培训】 in its title (and in every dialog's, see marker.py), the
sign-in details, the demo county server switch and "Leave training mode". A tour started from a
window on the real database opens the sandbox first: tours change data, and only fictional data.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QSizePolicy, QToolBar, QToolButton

from app import training
from app.errors import BangfuError
from ui.tours import catalogue
from ui.tours.engine import TourRunner, forget_progress, is_done, saved_step
from ui.training import session
from ui.training.marker import ensure_marker, is_training_window, make_banner

log = logging.getLogger(__name__)

#: The last user of the real database, kept apart so training sessions do not overwrite it.
REAL_USER_KEY = "training/real_last_user"


def install(window: Any) -> None:
    """Plugin entry point (called once per main window, after its first database is attached)."""
    window.training_menu = TrainingMenu(window)


class TrainingMenu(QObject):
    """The training menu, the tours menu and (in training windows) the banner bar of one window."""

    # a tour began (the runner, for tests and for the trainer's screen)
    tour_started = Signal(object)
    # a tour could not start: the scenario has nothing to practise it on (its key)
    tour_refused = Signal(str)
    # the demo county server is running (its URL) or stopped ("")
    server_changed = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.training = is_training_window(window)
        self.runner: TourRunner | None = None
        self.server: Any = None
        self._scenario: str | None = None
        self.menu = window.menu("training", lambda: self.tr("&Training mode"))
        self.act_open = window.add_menu_action("training", lambda: self.tr("&Open the training sandbox"),
                                               self.open_sandbox)
        self.act_reset = window.add_menu_action("training", lambda: self.tr("&Reset the sandbox to a clean start…"),
                                                self.reset_sandbox)
        self.scenario_menu = QMenu(window)
        self.scenario_menu.setObjectName("menu_training_scenario")
        self.menu.addMenu(self.scenario_menu)
        self.scenario_group = QActionGroup(self)
        self.act_scenario: dict[str, QAction] = {}
        for sc in training.SCENARIOS:
            act = QAction(self, checkable=True)
            act.setData(sc.name)
            act.triggered.connect(lambda _c=False, name=sc.name: self.pick_scenario(name))
            self.scenario_group.addAction(act)
            self.scenario_menu.addAction(act)
            self.act_scenario[sc.name] = act
        self.scenario_menu.aboutToShow.connect(self._check_scenario)
        self.menu.addSeparator()
        self.act_signin = window.add_menu_action("training", lambda: self.tr("Sign-&in details…"), self.show_signin)
        self.act_server = window.add_menu_action("training", self._server_text, self.toggle_server)
        self.act_leave = window.add_menu_action("training", lambda: self.tr("&Leave training mode"), window.close)
        for act in (self.act_signin, self.act_server, self.act_leave):
            act.setVisible(self.training)
        self.act_open.setVisible(not self.training)

        help_menu = window.menu("help")
        self.tours_menu = QMenu(window)
        self.tours_menu.setObjectName("menu_tours")
        first = help_menu.actions()[0] if help_menu.actions() else None
        if first is not None:
            help_menu.insertMenu(first, self.tours_menu)
            help_menu.insertSeparator(first)
        else:
            help_menu.addMenu(self.tours_menu)
        self.tours_menu.aboutToShow.connect(self.fill_tours_menu)
        self.fill_tours_menu()

        self.bar: QToolBar | None = None
        if self.training:
            from server.training_demo import running_for

            self.server = running_for(window.db.path.parent)  # started by `bangfu training --serve-demo-server`
            self.act_server.setText(self._server_text())
            # the sandbox's trainee must not become the name the real unlock screen suggests
            window.settings.last_user = window.settings.value(REAL_USER_KEY, "") or ""
            session.register(window)
            self._build_bar()
            ensure_marker().mark(window)
        else:
            window.settings.set_value(REAL_USER_KEY, window.db.actor.name)
        window.installEventFilter(self)
        self.retranslate()

    # -- the banner bar ------------------------------------------------------------------------
    def _build_bar(self) -> None:
        bar = QToolBar(self.window)
        bar.setObjectName("trainingBar")
        bar.setMovable(False)
        bar.setContentsMargins(0, 0, 8, 0)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)  # it cannot be switched off
        bar.setStyleSheet("QToolBar#trainingBar { background: #ef6c00; border: none; spacing: 8px; }"
                          "QToolBar#trainingBar QLabel { color: white; font-weight: bold; }"
                          "QToolBar#trainingBar QToolButton { color: #bf360c; background: white; border-radius: 4px;"
                          " padding: 3px 10px; font-weight: bold; }")
        self.banner = make_banner()
        self.banner.setStyleSheet("background: transparent; padding: 8px 4px;")
        self.banner.setWordWrap(False)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.scenario_label = QLabel()
        self.scenario_label.setObjectName("trainingScenario")
        self.reset_button = QToolButton()
        self.reset_button.setObjectName("trainingReset")
        self.reset_button.clicked.connect(self.reset_sandbox)
        bar.addWidget(self.banner)
        bar.addWidget(self.scenario_label)
        bar.addWidget(self.reset_button)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar

    def retranslate(self) -> None:
        self.scenario_menu.setTitle(self.tr("&Scenario"))
        for name, act in self.act_scenario.items():
            act.setText(training.scenario_title(name))
            act.setToolTip(training.scenario_description(name))
        self.scenario_menu.setToolTipsVisible(True)
        self.tours_menu.setTitle(self.tr("&Guided tours"))
        self.tours_menu.setToolTipsVisible(True)
        self.fill_tours_menu()
        if self.bar is not None:
            from app.i18n import t

            self.banner.setText(t("training.banner"))
            scenario = self.scenario()
            self.scenario_label.setText(self.tr("Scenario: {title}").format(
                title=training.scenario_title(scenario)) if scenario else "")
            self.reset_button.setText(self.tr("Reset…"))
            self.reset_button.setToolTip(self.tr("Throw away everything done in the sandbox and start afresh"))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.stop_server()
        return False

    # -- sandbox -------------------------------------------------------------------------------
    def scenario(self) -> str:
        """The scenario of this window's sandbox (read once), or of the sandbox beside the real
        database (its sidecar file: no database is opened)."""
        if self.training:
            if self._scenario is None:
                self._scenario = self.window.db.meta("demo_scenario") or ""
            return self._scenario
        try:
            info = training.sandbox_info(session.sandbox_for(self.window.db))
        except BangfuError:
            return ""
        return info.scenario if info is not None else ""

    def _check_scenario(self) -> None:
        current = self.scenario()
        for name, act in self.act_scenario.items():
            act.setChecked(name == current)

    def open_sandbox(self) -> Any:
        return session.open_training(self.window)

    def reset_sandbox(self) -> Any:
        if not session.confirm_reset(self.window, None):
            return None
        return session.open_training(self.window, reset=True)

    def pick_scenario(self, name: str) -> Any:
        if name == self.scenario() and session.training_windows():
            return session.open_training(self.window)
        if training.sandbox_info(session.sandbox_for(self.window.db)) is not None and \
                not session.confirm_reset(self.window, name):
            self._check_scenario()
            return None
        return session.open_training(self.window, scenario=name, reset=True)

    def show_signin(self) -> None:
        from app.demo import DEMO_PASSPHRASE, DEMO_USER

        QMessageBox.information(self.window, self.tr("Training sign-in"), self.tr(
            "The training sandbox opens with this sign-in (the data is fictional, so it is no secret):\n\n"
            "User: {user}\nPassphrase: {passphrase}\n\nSandbox: {path}").format(
                user=DEMO_USER, passphrase=DEMO_PASSPHRASE, path=self.window.db.path))

    # -- the demo county server ----------------------------------------------------------------
    def _server_text(self) -> str:
        if self.server is not None:
            return self.tr("Stop the demo county server ({url})").format(url=self.server.url)
        return self.tr("Start the demo county server")

    def toggle_server(self) -> None:
        if self.server is not None:
            self.stop_server()
            return
        db = self.window.db

        def work(task: Any) -> Any:
            from server.training_demo import serve_for_sandbox

            return serve_for_sandbox(db, db.path.parent, progress=lambda done, total: task.progress(done, total))

        self.window.run_task(work, on_done=self._server_started, on_error=self._failed,
                             with_progress=self.tr("Starting the demo county server…"), cancellable=False,
                             parent=self.window)

    def _server_started(self, result: tuple[Any, dict[str, Any]]) -> None:
        self.server, _done = result
        self.act_server.setText(self._server_text())
        self.window.statusBar().showMessage(self.tr(
            "The demo county server is running at {url}; this sandbox syncs with it.").format(url=self.server.url),
            15000)
        self.server_changed.emit(self.server.url)

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__
        QMessageBox.warning(self.window, self.tr("Training mode"), text)

    def stop_server(self) -> None:
        if self.server is None:
            return
        server, self.server = self.server, None
        server.stop()
        self.act_server.setText(self._server_text())
        self.server_changed.emit("")

    # -- tours ---------------------------------------------------------------------------------
    def fill_tours_menu(self) -> None:
        self.tours_menu.clear()
        for tour in catalogue.tours():
            available = tour.available(self.window)
            if not available:
                text = self.tr("{title} (coming)").format(title=tour.title())
                tip = self.tr("Waiting for {what}").format(what=tour.waiting_for() if tour.waiting_for else "")
            elif is_done(tour.key):
                text = f"✓ {tour.title()}"
                tip = tour.summary()
            elif saved_step(tour.key) > 0:
                text = self.tr("{title} (at step {i} of {n})").format(title=tour.title(), i=saved_step(tour.key) + 1,
                                                                      n=len(tour.steps))
                tip = tour.summary()
            else:
                text, tip = tour.title(), tour.summary()
            act = self.tours_menu.addAction(text)
            act.setObjectName(f"tour_{tour.key}")
            act.setToolTip(tip)
            act.setEnabled(available)
            act.triggered.connect(lambda _c=False, key=tour.key: self.start_tour(key))
        self.tours_menu.addSeparator()
        forget = self.tours_menu.addAction(self.tr("Forget the progress of all tours"))
        forget.triggered.connect(self.forget_tours)

    def forget_tours(self) -> None:
        for tour in catalogue.tours():
            forget_progress(tour.key)
        self.fill_tours_menu()

    def start_tour(self, key: str, index: int | None = None) -> None:
        """Start (or continue) a tour; from the real database, in the training sandbox."""
        tour = catalogue.tour(key)
        if not tour.available(self.window):
            return
        if not self.training:
            session.open_training(self.window, then=lambda w: w.training_menu.start_tour(key, index))
            return
        if index is None:
            index = self._where_to_start(tour)
            if index is None:
                return
        if self.runner is not None:
            self.runner.stop()
        self.window.run_task(tour.prepare, self.window, on_done=lambda data: self._run(tour, data, index),
                             on_error=self._failed)

    def _where_to_start(self, tour: Any) -> int | None:
        step = saved_step(tour.key)
        if step <= 0 or is_done(tour.key) or step >= len(tour.steps):
            return 0
        box = QMessageBox(QMessageBox.Icon.Question, tour.title(), self.tr(
            "You stopped this tour at step {i} of {n}. Continue there, or start again?").format(
                i=step + 1, n=len(tour.steps)), parent=self.window)
        cont = box.addButton(self.tr("Continue"), QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton(self.tr("Start again"), QMessageBox.ButtonRole.ResetRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is cont:
            return step
        if box.clickedButton() is again:
            return 0
        return None

    def _run(self, tour: Any, data: dict[str, Any] | None, index: int) -> None:
        if data is None:  # e.g. an exit notice in a village where nobody has exited yet
            box = QMessageBox(QMessageBox.Icon.Information, tour.title(), self.tr(
                "This scenario has nothing to practise this tour on. Pick another scenario in the Training "
                "mode menu (the village in its exit year suits every tour)."), QMessageBox.StandardButton.Ok,
                self.window)
            box.setObjectName("tourNothingToPractise")
            box.open()  # not modal: nothing waits on it
            self.tour_refused.emit(tour.key)
            return
        runner = TourRunner(self.window, tour, data)
        runner.ended.connect(lambda _key: self._ended(runner))
        runner.finished.connect(lambda _key: self.fill_tours_menu())
        self.runner = runner
        runner.start(index)
        self.tour_started.emit(runner)

    def _ended(self, runner: TourRunner) -> None:
        if self.runner is runner:
            self.runner = None
        self.fill_tours_menu()
