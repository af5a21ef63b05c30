"""The main window: place tree, household list with search and filters, household cards in tabs.

Start-up is built for speed: the window is created and shown *before* the database layer is
imported or opened, then ``attach_database`` wires the models, which load in workers. The
integrity check and the daily backup run in a worker after the window is up.

Extension points for feature areas (see ui/plugins.py and docs/ui.md):

- ``add_menu_action(menu, text, slot, shortcut=None, permission=None)`` under a named menu
  (``file``, ``household``, ``view``, ``tools``, ``help`` or a new name with ``menu(name, title)``);
- ``add_card_tab(title, factory)``: a tab on every household card; ``factory(window, household_id)``
  returns a widget, whose ``refresh()`` (if any) is called whenever that household changes;
- ``household_changed`` (signal, household id): emit it through ``notify_household_changed``
  after writing, so lists and cards refresh;
- ``current_household_id()``; ``open_household(id)``; ``db``; ``permitted(action)``;
  ``run_task(...)`` (ui.workers) for database work off the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontMetrics, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.codes import code_list
from app.errors import BangfuError
from app.paths import resources_dir
from app.services.permissions import allowed
from ui import formatting as fmt
from ui.forms import CodeCombo
from ui.idle import IdleWatcher
from ui.models.household_list import ID_ROLE, HouseholdListModel
from ui.models.household_query import COLUMN_KEYS, Scope, fetch_places
from ui.models.place_tree import SCOPE_ROLE, PlaceTreeModel
from ui.settings import Settings
from ui.workers import CLOSED_PROPERTY, run_task, wait_all

if TYPE_CHECKING:
    from ui.card.card import HouseholdCard

log = logging.getLogger(__name__)

#: typical widest content of each list column: ResizeToContents would read all 100,000 rows
COLUMN_SAMPLES = {"hh_number": "5201230010010001", "head_name": "欧阳小明", "village": "石门坎村", "group_no": "12",
                  "size": "12", "household_attr": "特困供养贫困户", "main_cause": "交通条件落后",
                  "exit_status": "● 已脱贫(不再享受政策)", "per_capita": "99,999.99 元", "helper": "欧阳小明",
                  "last_visit": "2020年12月30日"}
CODE_COLUMNS = {"household_attr": "household_attr", "main_cause": "poverty_cause", "exit_status": "exit_status"}
SEARCH_DELAY_MS = 120
SEARCH_LIMIT = 500


def reader(db: Any) -> Any:
    """A context manager giving a DB-API connection from the read pool (for workers)."""
    from contextlib import contextmanager

    @contextmanager
    def connect() -> Any:
        with db.read_engine.connect() as conn:
            yield conn.connection.driver_connection

    return connect


def _search(db: Any, text: str) -> list[str]:
    from app.store.search import search

    with reader(db)() as conn:
        return [hit.household_id for hit in search(conn, text, limit=SEARCH_LIMIT)]


#: connections of running integrity checks, interrupted when the window closes
_checks: set[Any] = set()
_checks_lock = threading.Lock()


def _post_start_checks(db: Any) -> str:
    """Integrity check and daily backup after the window is up (deferred from open_database).

    The same checks as ``app.store.database.verify_file`` (every page's HMAC, then quick_check),
    on a connection the window can interrupt: reading a 2 GB file takes a while, and quitting must
    not wait for it.
    """
    from app.store.database import _connect, dbapi

    try:
        conn = _connect(db.path, db.key, readonly=True)
    except dbapi.DatabaseError:
        raise BangfuError("store.damaged", path=db.path.name) from None
    with _checks_lock:
        _checks.add(conn)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BangfuError("store.damaged", path=db.path.name)
        row = conn.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            raise BangfuError("store.damaged", path=db.path.name)
    except dbapi.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            return "interrupted"
        raise BangfuError("store.damaged", path=db.path.name) from None
    except dbapi.DatabaseError:
        raise BangfuError("store.damaged", path=db.path.name) from None
    finally:
        with _checks_lock:
            _checks.discard(conn)
        conn.close()
    if os.environ.get("BANGFU_NO_AUTO_BACKUP") != "1":
        from app.store.backup import auto_backup

        try:
            auto_backup(db)
        except OSError:
            return "backup_failed"
    return "ok"


def interrupt_checks() -> None:
    with _checks_lock:
        for conn in list(_checks):
            conn.interrupt()


class MainWindow(QMainWindow):
    #: a household was changed (by the card or a plugin): lists and panels refresh
    household_changed = Signal(str)
    #: the database is attached and the models are loading
    database_attached = Signal(object)
    #: True when the window locks, False when someone signs in again
    lock_changed = Signal(bool)
    #: the integrity check finished: "ok", "backup_failed" or "damaged"
    checked = Signal(str)
    #: the feature plugins of ui/plugins.py were loaded (after the first rows were on screen)
    plugins_loaded = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.db: Any = None
        self.read_only = False
        self.locked = False
        self.plugin_errors: list[tuple[str, str]] = []
        self._plugins_loaded = False
        self._after_first_rows: list[Callable[[], None]] = []
        self._card_tabs: list[tuple[Callable[[], str], Callable[[Any, str], QWidget]]] = []
        self._menus: dict[str, QMenu] = {}
        self._menu_titles: dict[str, Callable[[], str]] = {}
        self._actions: list[tuple[QAction, str | None]] = []
        self._retranslators: list[Callable[[], None]] = []
        self._search_generation = 0
        self._scope = Scope()
        self.setObjectName("mainWindow")
        icon = resources_dir() / "icons" / "bangfu.png"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.opening = QLabel()
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setObjectName("openingPage")
        self.stack.addWidget(self.opening)
        self.workspace = QWidget()
        self.stack.addWidget(self.workspace)
        self.lock_page = QWidget()
        self.lock_page.setObjectName("lockPage")
        self.lock_layout = QVBoxLayout(self.lock_page)
        self.lock_panel: Any = None
        self.stack.addWidget(self.lock_page)

        self._build_workspace()
        self._build_menus()
        self._build_status()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.idle.set_minutes(self.settings.lock_minutes)
        self.retranslate()
        geometry = self.settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.geometry("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    # ------------------------------------------------------------------------------------------
    # building
    # ------------------------------------------------------------------------------------------
    def _build_workspace(self) -> None:
        layout = QVBoxLayout(self.workspace)
        layout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)

        self.tree_model = PlaceTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("placeTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._scope_changed)
        self.splitter.addWidget(self.tree)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self._open_first_hit)
        bar.addWidget(self.search, 2)
        self.filter_status = CodeCombo("exit_status", empty_label=lambda: self.tr("All statuses"))
        self.filter_status.setObjectName("filterStatus")
        self.filter_attr = CodeCombo("household_attr", empty_label=lambda: self.tr("All household types"))
        self.filter_attr.setObjectName("filterAttr")
        self.filter_cause = CodeCombo("poverty_cause", empty_label=lambda: self.tr("All causes"))
        self.filter_cause.setObjectName("filterCause")
        self.filter_group = QSpinBox()
        self.filter_group.setObjectName("filterGroup")
        self.filter_group.setRange(0, 99)
        self.filter_overdue = QCheckBox()
        self.filter_overdue.setObjectName("filterOverdue")
        self.clear_filters_button = QPushButton()
        for w in (self.filter_status, self.filter_attr, self.filter_cause):
            w.currentIndexChanged.connect(lambda _i: self._filters_changed())
            bar.addWidget(w, 1)
        self.filter_group.valueChanged.connect(lambda _v: self._filters_changed())
        self.filter_overdue.toggled.connect(lambda _c: self._filters_changed())
        self.clear_filters_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.filter_group)
        bar.addWidget(self.filter_overdue)
        bar.addWidget(self.clear_filters_button)
        rl.addLayout(bar)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self.list_model = HouseholdListModel(self)
        self.list_model.loaded.connect(self._list_loaded)
        self.list_model.failed.connect(self._list_failed)
        self.table = QTableView()
        self.table.setObjectName("householdTable")
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self.list_model.sort)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self._apply_row_metrics()
        self.tabs.addTab(self.table, "")
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        rl.addWidget(self.tabs, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1040])
        self.household_changed.connect(self._on_household_changed)

    def _apply_row_metrics(self) -> None:
        metrics = QFontMetrics(QApplication.font(self.table))
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        cap = metrics.averageCharWidth() * 24
        for i, key in enumerate(COLUMN_KEYS):
            title = str(self.list_model.headerData(i, Qt.Orientation.Horizontal) or "")
            sample = metrics.horizontalAdvance(COLUMN_SAMPLES[key])
            if key in CODE_COLUMNS:  # the longest label of the list in the current language (capped,
                # except 脱贫属性: the status is what the list is read for, never cut short)
                labels = [fmt.label(CODE_COLUMNS[key], c) for c in code_list(CODE_COLUMNS[key]).codes()]
                limit = 10**6 if key == "exit_status" else cap
                sample = max([sample, *(min(limit, metrics.horizontalAdvance(t) + 24) for t in labels)])
            needed = max(sample, metrics.horizontalAdvance(title) + 20)
            self.table.setColumnWidth(i, needed + 18)
        # the filter boxes show their whole "All …" text at every text size
        combo_metrics = QFontMetrics(QApplication.font(self.filter_status))
        for combo in (self.filter_status, self.filter_attr, self.filter_cause):
            combo.setMinimumWidth(combo_metrics.horizontalAdvance(combo.itemText(0)) + 36)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for name, title in (("file", lambda: self.tr("&File")), ("household", lambda: self.tr("&Household")),
                            ("view", lambda: self.tr("&View")), ("tools", lambda: self.tr("&Tools")),
                            ("help", lambda: self.tr("&Help"))):
            menu = bar.addMenu(title())
            menu.setObjectName(f"menu_{name}")
            self._menus[name] = menu
            self._menu_titles[name] = title
        self.act_lock = self._action("file", self.lock, QKeySequence("Ctrl+L"))
        self.act_backup = self._action("file", self.backup_now, permission="backup.create")
        self._menus["file"].addSeparator()
        self.act_quit = self._action("file", self.close, QKeySequence.StandardKey.Quit)
        self.act_open = self._action("household", self.open_current, QKeySequence("Ctrl+O"))
        self.act_close_card = self._action("household", self.close_current_card, QKeySequence("Ctrl+W"))
        self.act_find = self._action("household", self.focus_search, QKeySequence.StandardKey.Find)
        self.act_refresh = self._action("household", self.refresh, QKeySequence.StandardKey.Refresh)
        self.act_clear = self._action("view", self.clear_filters, QKeySequence("Ctrl+Shift+R"))
        self._menus["view"].addSeparator()
        self.language_menu = self._menus["view"].addMenu("")
        self.language_group = QActionGroup(self)
        self.act_lang: dict[str, QAction] = {}
        for code, text in (("zh_CN", "中文（简体）"), ("en", "English")):
            act = QAction(text, self, checkable=True)
            act.setData(code)
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.language_group.addAction(act)
            self.language_menu.addAction(act)
            self.act_lang[code] = act
        self.font_menu = self._menus["view"].addMenu("")
        self.font_group = QActionGroup(self)
        self.act_font: dict[int, QAction] = {}
        for scale in (100, 125, 150):
            act = QAction("", self, checkable=True)
            act.triggered.connect(lambda _c=False, s=scale: self.set_font_scale(s))
            self.font_group.addAction(act)
            self.font_menu.addAction(act)
            self.act_font[scale] = act
        self.act_users = self._action("tools", self.manage_users, permission="user.manage")
        self.act_prefs = self._action("tools", self.preferences, QKeySequence("Ctrl+,"))
        self.act_verify = self._action("tools", self.verify_now)
        self.act_keys = self._action("help", self.show_shortcuts, QKeySequence("F1"))
        self.act_about = self._action("help", self.about)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self._cycle_tab(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self._cycle_tab(-1))
        QShortcut(QKeySequence("Escape"), self.search, activated=self._escape_search)
        QShortcut(QKeySequence("Ctrl+1"), self, activated=lambda: self.tree.setFocus())
        QShortcut(QKeySequence("Ctrl+2"), self, activated=self.focus_list)

    def _action(self, menu: str, slot: Callable[[], Any], shortcut: Any = None, permission: str | None = None) -> QAction:
        act = QAction(self)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(lambda _c=False: slot())
        self._menus[menu].addAction(act)
        self._actions.append((act, permission))
        return act

    def _build_status(self) -> None:
        status = self.statusBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.check_label = QLabel()
        self.check_label.setObjectName("checkLabel")
        status.addWidget(self.count_label)
        status.addPermanentWidget(self.check_label)
        status.addPermanentWidget(self.user_label)

    # ------------------------------------------------------------------------------------------
    # language and looks
    # ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        title = self.tr("Bangfu — poverty-alleviation registry")
        if self.db is not None and getattr(self.db, "is_training_cached", False):
            title += " " + self.tr("[demo data]")
        self.setWindowTitle(title)
        self.opening.setText(self.tr("Opening the database…"))
        for name, menu in self._menus.items():
            if name in self._menu_titles:
                menu.setTitle(self._menu_titles[name]())
        self.act_lock.setText(self.tr("&Lock"))
        self.act_backup.setText(self.tr("&Back up now"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_open.setText(self.tr("&Open household card"))
        self.act_close_card.setText(self.tr("&Close card"))
        self.act_find.setText(self.tr("&Find…"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_clear.setText(self.tr("&Clear search and filters"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.font_menu.setTitle(self.tr("&Text size"))
        for scale, text in ((100, self.tr("Standard")), (125, self.tr("Large")), (150, self.tr("Extra large"))):
            self.act_font[scale].setText(text)
        self.act_users.setText(self.tr("&Users…"))
        self.act_prefs.setText(self.tr("&Preferences…"))
        self.act_verify.setText(self.tr("&Check database integrity"))
        self.act_keys.setText(self.tr("&Keyboard shortcuts"))
        self.act_about.setText(self.tr("&About Bangfu"))
        lang = self.settings.language
        if lang in self.act_lang:
            self.act_lang[lang].setChecked(True)
        scale = self.settings.font_scale
        if scale in self.act_font:
            self.act_font[scale].setChecked(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin (zs), ID digits, household no."))
        self.search.setToolTip(self.tr("Search as you type (Ctrl+F); Enter opens the only match, Esc clears"))
        for combo in (self.filter_status, self.filter_attr, self.filter_cause):
            combo.blockSignals(True)
            combo.refill()
            combo.blockSignals(False)
        self.filter_group.setSpecialValueText(self.tr("All groups"))
        self.filter_group.setPrefix("")
        self.filter_group.setSuffix(self.tr(" (group)") if self.filter_group.value() else "")
        self.filter_overdue.setText(self.tr("Visit overdue"))
        self.filter_overdue.setToolTip(self.tr(
            "Households whose last visit is older than their helper's visit plan (30 days if none)"))
        self.clear_filters_button.setText(self.tr("Clear"))
        self.tabs.setTabText(0, self.tr("Households"))
        for i in range(1, self.tabs.count()):
            card = self.tabs.widget(i)
            title = getattr(card, "title_text", None)
            if callable(title):
                self.tabs.setTabText(i, title())
        self.list_model.retranslate()
        self.tree_model.retranslate()
        self._apply_row_metrics()
        self._update_user_label()
        self._update_count()
        for again in self._retranslators:
            again()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_row_metrics()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        from ui.translation import set_ui_language

        lang = set_ui_language(lang)
        self.settings.language = lang
        self.retranslate()

    def set_font_scale(self, scale: int) -> None:
        from ui.fonts import apply_app_font

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_app_font(app, scale)
        self.settings.font_scale = scale
        self._apply_row_metrics()
        self.retranslate()

    # ------------------------------------------------------------------------------------------
    # database
    # ------------------------------------------------------------------------------------------
    def attach_database(self, db: Any, check: bool = True) -> None:
        """Wire everything to an unlocked database; models load in workers."""
        self.db = db
        try:
            db.is_training_cached = db.is_training
        except Exception:
            db.is_training_cached = False
        self.list_model.set_connection_factory(reader(db))
        self.stack.setCurrentWidget(self.workspace)
        self.reload_places()
        self.list_model.reload()
        self._update_actions()
        self.retranslate()
        self.table.setFocus()
        self.settings.last_user = db.actor.name
        self.database_attached.emit(db)
        # Feature plugins and the full-file check start once the first rows are on screen, so
        # neither competes with the list for the GUI thread, the disk or the CPU.
        self._after_first_rows = [] if self._plugins_loaded else [self.load_plugins]
        self._plugins_loaded = True
        if check:
            self._after_first_rows.append(lambda: QTimer.singleShot(500, self.verify_now))
        self.list_model.rows_arrived.connect(self._first_rows_shown)
        self.list_model.loaded.connect(self._first_rows_shown)
        self.list_model.failed.connect(self._first_rows_shown)
        QTimer.singleShot(5000, self, lambda: self._first_rows_shown(None, force=True))

    def _first_rows_shown(self, *_args: object, force: bool = False) -> None:
        if not self._after_first_rows:
            return
        model = self.list_model
        if not force and model.loading:
            return
        if not force and model.rowCount() and model.row_data(0) is None:
            return  # rows are still on their way
        pending, self._after_first_rows = self._after_first_rows, []
        for step in pending:
            step()

    def reload_places(self) -> None:
        if self.db is None:
            return

        def work() -> Any:
            with reader(self.db)() as conn:
                return fetch_places(conn)

        run_task(work, on_done=self._places_loaded, owner=self)

    def _places_loaded(self, places: Any) -> None:
        self.tree_model.set_places(places)
        self.tree.expandToDepth(1)
        if self._scope.level != "all":
            index = self.tree_model.find(self._scope)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def verify_now(self) -> None:
        if self.db is None:
            return
        self.check_label.setText(self.tr("Checking the database…"))
        run_task(_post_start_checks, self.db, on_done=self._checked, on_error=self._check_failed, owner=self)

    def _checked(self, result: str) -> None:
        if result == "interrupted":
            return
        if result == "backup_failed":
            self.check_label.setText(self.tr("Database checked; the automatic backup failed (disk full?)"))
        else:
            self.check_label.setText(self.tr("Database checked"))
        self.checked.emit(result)

    def _check_failed(self, exc: BaseException) -> None:
        self.read_only = True
        self._update_actions()
        text = str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__
        self.check_label.setText(self.tr("Database damaged: read-only"))
        self.checked.emit("damaged")
        QMessageBox.critical(self, self.tr("Database damaged"), self.tr(
            "{problem}\n\nThe program continues read-only so that nothing more is lost.").format(problem=text))

    def backup_now(self) -> None:
        if self.db is None:
            return
        from app.store.backup import backup

        run_task(lambda: backup(self.db), on_done=lambda p: self.statusBar().showMessage(
            self.tr("Backup written: {name}").format(name=Path(p).name), 8000),
            on_error=lambda e: QMessageBox.warning(self, self.tr("Backup"), str(e)), owner=self,
            with_progress=self.tr("Writing a backup…"), cancellable=False, parent=self)

    # ------------------------------------------------------------------------------------------
    # list, search and filters
    # ------------------------------------------------------------------------------------------
    def _scope_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        scope = current.data(SCOPE_ROLE) if current.isValid() else None
        self._scope = scope if isinstance(scope, Scope) else Scope()
        self._filters_changed()

    def current_query(self) -> Any:
        group = self.filter_group.value() or None
        return self.list_model.query.with_(
            scope=self._scope, exit_status=self.filter_status.code(), household_attr=self.filter_attr.code(),
            cause=self.filter_cause.code(), group_no=group, overdue=self.filter_overdue.isChecked())

    def _filters_changed(self) -> None:
        self.filter_group.setSuffix(self.tr(" (group)") if self.filter_group.value() else "")
        self.list_model.reload(self.current_query())

    def clear_filters(self) -> None:
        for w in (self.filter_status, self.filter_attr, self.filter_cause, self.filter_group, self.filter_overdue,
                  self.search):
            w.blockSignals(True)
        self.filter_status.set_code("")
        self.filter_attr.set_code("")
        self.filter_cause.set_code("")
        self.filter_group.setValue(0)
        self.filter_overdue.setChecked(False)
        self.search.clear()
        for w in (self.filter_status, self.filter_attr, self.filter_cause, self.filter_group, self.filter_overdue,
                  self.search):
            w.blockSignals(False)
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self._scope = Scope()
        self._search_generation += 1
        self.list_model.reload(self.current_query().with_(search_ids=None))

    def _run_search(self) -> None:
        text = self.search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self.list_model.reload(self.current_query().with_(search_ids=None))
            return
        if self.db is None:
            return
        run_task(_search, self.db, text, on_done=lambda ids: self._search_done(generation, ids),
                 on_error=self._list_failed, owner=self, interactive=True)

    def _search_done(self, generation: int, ids: list[str]) -> None:
        if generation != self._search_generation:
            return
        self.list_model.reload(self.current_query().with_(search_ids=tuple(ids)))

    def _escape_search(self) -> None:
        if self.search.text():
            self.search.clear()
        else:
            self.focus_list()

    def _open_first_hit(self) -> None:
        if self.list_model.rowCount() >= 1:
            self.focus_list()
            self.table.selectRow(0)
            if self.list_model.rowCount() == 1:
                self.open_current()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def focus_list(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.list_model.rowCount():
            self.table.selectRow(0)

    def _list_loaded(self, count: int) -> None:
        self._update_count()
        self._update_actions()

    def _list_failed(self, exc: object) -> None:
        self.statusBar().showMessage(self.tr("The list could not be loaded: {reason}").format(
            reason=str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__), 10000)

    def _update_count(self) -> None:
        n = self.list_model.rowCount()
        if self.db is None:
            self.count_label.setText("")
        elif self.list_model.query.search_ids is not None:
            self.count_label.setText(self.tr("{n} households found").format(n=f"{n:,}"))
        else:
            self.count_label.setText(self.tr("{n} households").format(n=f"{n:,}"))

    def _update_user_label(self) -> None:
        if self.db is None:
            self.user_label.setText("")
            return
        actor = self.db.actor
        text = self.tr("Signed in: {name} ({role})").format(name=actor.name, role=fmt.label("role", actor.role))
        if self.read_only:
            text += " · " + self.tr("read-only")
        self.user_label.setText(text)

    def refresh(self) -> None:
        self.reload_places()
        self.list_model.reload()
        for card in self.cards():
            card.reload()

    # ------------------------------------------------------------------------------------------
    # cards
    # ------------------------------------------------------------------------------------------
    def cards(self) -> list[HouseholdCard]:
        from ui.card.card import HouseholdCard

        return [w for w in (self.tabs.widget(i) for i in range(1, self.tabs.count())) if isinstance(w, HouseholdCard)]

    def _open_index(self, index: QModelIndex) -> None:
        hid = index.data(ID_ROLE) if index.isValid() else None
        if isinstance(hid, str):
            self.open_household(hid)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if self.tabs.currentIndex() == 0 and index.isValid():
            self._open_index(index)

    def open_household(self, household_id: str) -> HouseholdCard | None:
        """Open (or bring forward) the card of a household; loads in a worker."""
        if self.db is None:
            return None
        for card in self.cards():
            if card.household_id == household_id:
                self.tabs.setCurrentWidget(card)
                return card
        from ui.card.card import HouseholdCard

        card = HouseholdCard(self, household_id)
        index = self.tabs.addTab(card, self.tr("Loading…"))
        card.loaded.connect(lambda _d, c=card: self._card_loaded(c))
        self.tabs.setCurrentIndex(index)
        card.reload()
        return card

    def _card_loaded(self, card: HouseholdCard) -> None:
        index = self.tabs.indexOf(card)
        if index >= 0:
            self.tabs.setTabText(index, card.title_text())
            self.tabs.setTabToolTip(index, card.info.text())

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        card = self.tabs.widget(index)
        if getattr(card, "is_dirty", lambda: False)():
            answer = QMessageBox.question(self, self.tr("Unsaved changes"), self.tr(
                "This card has changes that were not saved. Close it anyway?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.tabs.removeTab(index)
        card.deleteLater()
        if self.tabs.count() == 1:
            self.focus_list()

    def close_current_card(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def _cycle_tab(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def current_household_id(self) -> str | None:
        """The household of the card in front, or the one selected in the list."""
        widget = self.tabs.currentWidget()
        hid = getattr(widget, "household_id", None)
        if isinstance(hid, str):
            return hid
        index = self.table.currentIndex()
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

    def notify_household_changed(self, household_id: str) -> None:
        self.household_changed.emit(household_id)

    def _on_household_changed(self, household_id: str) -> None:
        self.list_model.refresh_household(household_id)
        for card in self.cards():
            if card.household_id == household_id and card is not self.tabs.currentWidget():
                card.reload()

    # ------------------------------------------------------------------------------------------
    # extension points
    # ------------------------------------------------------------------------------------------
    def menu(self, name: str, title: str | Callable[[], str] | None = None) -> QMenu:
        """The named menu; a new name adds a menu before Help (``title`` is already translated)."""
        existing = self._menus.get(name)
        if existing is not None:
            return existing
        title_fn: Callable[[], str] = title if callable(title) else (lambda: str(title or name))
        menu = QMenu(title_fn(), self)
        menu.setObjectName(f"menu_{name}")
        self.menuBar().insertMenu(self._menus["help"].menuAction(), menu)
        self._menus[name] = menu
        self._menu_titles[name] = title_fn
        return menu

    def add_menu_action(self, menu: str, text: str | Callable[[], str], slot: Callable[[], Any],
                        shortcut: str | QKeySequence | None = None, permission: str | None = None) -> QAction:
        """Add an action under a named menu. ``permission`` (an action of app.services.permissions)
        greys it out for roles that may not do it. A callable ``text`` is re-read on language change."""
        target = self.menu(menu)
        act = QAction(text() if callable(text) else text, self)
        if callable(text):
            self._retranslators.append(lambda: act.setText(text()))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _c=False: slot())
        target.addAction(act)
        self._actions.append((act, permission))
        self._update_actions()
        return act

    def on_retranslate(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after every language change (for texts a plugin sets itself, such as
        a label in the status bar)."""
        self._retranslators.append(callback)

    def add_card_tab(self, title: str | Callable[[], str], factory: Callable[[Any, str], QWidget]) -> None:
        """Add a tab to every household card (already open ones too). ``factory(window, household_id)``
        returns the widget; a ``refresh()`` method on it is called when the household changes."""
        title_fn: Callable[[], str] = title if callable(title) else (lambda: str(title))
        self._card_tabs.append((title_fn, factory))
        for card in self.cards():
            try:
                widget = factory(self, card.household_id)
            except Exception:
                log.exception("card tab factory failed")
                continue
            card.extra.append((widget, title_fn))
            card.tabs.addTab(widget, title_fn())

    def card_tab_factories(self) -> list[tuple[Callable[[], str], Callable[[Any, str], QWidget]]]:
        return list(self._card_tabs)

    def permitted(self, action: str) -> bool:
        """May the signed-in user do ``action`` now (role, not locked, database not damaged)?"""
        if self.db is None or self.locked:
            return False
        if self.read_only and not action.endswith((".view", ".print")) and action not in ("data.export",):
            return False
        return allowed(self.db.actor.role, action)

    def run_task(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("owner", self)
        return run_task(fn, *args, **kwargs)

    def load_plugins(self) -> None:
        """Import each ``module:function`` of ui.plugins.PLUGINS and call it with the window."""
        from ui.plugins import PLUGINS

        for entry in PLUGINS:
            module_name, _, func_name = entry.partition(":")
            try:
                module = importlib.import_module(module_name)
                getattr(module, func_name or "install")(self)
            except Exception as exc:  # one broken feature must not stop the app
                log.exception("plugin %s failed", entry)
                self.plugin_errors.append((entry, exc.__class__.__name__))
        if self.plugin_errors:
            self.statusBar().showMessage(self.tr("{n} feature module(s) could not be loaded").format(
                n=len(self.plugin_errors)), 15000)
        self.plugins_loaded.emit()

    def _update_actions(self) -> None:
        if not hasattr(self, "act_lock"):
            return  # still building
        for act, permission in self._actions:
            act.setEnabled(permission is None or self.permitted(permission))
        has_db = self.db is not None and not self.locked
        for act in (self.act_open, self.act_find, self.act_refresh, self.act_clear, self.act_verify, self.act_lock):
            act.setEnabled(has_db)
        self.act_close_card.setEnabled(has_db and self.tabs.currentIndex() > 0)

    # ------------------------------------------------------------------------------------------
    # locking
    # ------------------------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide everything until someone signs in again (auto-lock or Ctrl+L)."""
        if self.db is None or self.locked:
            return
        from ui.dialogs.unlock import UnlockPanel

        self.locked = True
        self.idle.pause()
        while (modal := QApplication.activeModalWidget()) is not None and modal is not self:
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            QApplication.processEvents()
            if QApplication.activeModalWidget() is modal:
                break
        for _ in range(self.lock_layout.count()):
            item = self.lock_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        db = self.db
        from app.services.users import sign_in

        self.lock_panel = UnlockPanel(db.slots.names(), lambda n, p: sign_in(db, n, p), db.actor.name)
        self.lock_panel.setObjectName("lockPanel")
        self.lock_panel.setMaximumWidth(460)
        self.lock_panel.unlocked.connect(self._unlocked)
        self.lock_layout.addStretch(1)
        self.lock_layout.addWidget(self.lock_panel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.lock_layout.addStretch(1)
        self.stack.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        self._update_actions()
        self.lock_panel.passphrase.setFocus()
        self.lock_changed.emit(True)

    def _unlocked(self, actor: Any) -> None:
        previous = self.settings.last_user
        self.locked = False
        self.menuBar().setEnabled(True)
        self.stack.setCurrentWidget(self.workspace)
        if actor.name != previous:
            # another person: their edits must not be saved under the previous user's open forms
            for i in range(self.tabs.count() - 1, 0, -1):
                widget = self.tabs.widget(i)
                self.tabs.removeTab(i)
                widget.deleteLater()
            self.settings.last_user = actor.name
        for card in self.cards():
            card.refresh_permissions()
        self._update_actions()
        self._update_user_label()
        self.idle.restart()
        self.lock_changed.emit(False)

    # ------------------------------------------------------------------------------------------
    # dialogs
    # ------------------------------------------------------------------------------------------
    def manage_users(self) -> None:
        if self.db is None:
            return
        from ui.dialogs.users import UsersDialog

        dialog = UsersDialog(self.db, self)
        dialog.finished.connect(lambda _r: self._update_user_label())
        dialog.open()

    def preferences(self) -> None:
        from ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        lang, scale, minutes = dialog.chosen()
        if scale != self.settings.font_scale:
            self.set_font_scale(scale)
        if lang != self.settings.language:
            self.set_language(lang)
        self.settings.lock_minutes = minutes
        self.idle.set_minutes(minutes)

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+F", self.tr("Search households")), ("Enter", self.tr("Open the selected household")),
            ("Ctrl+S", self.tr("Save the page of the card in front")), ("Ctrl+W", self.tr("Close the card")),
            ("Ctrl+PgUp / Ctrl+PgDown", self.tr("Previous / next tab")), ("Ctrl+1 / Ctrl+2",
                                                                        self.tr("Place tree / household list")),
            ("F5", self.tr("Refresh")), ("Ctrl+L", self.tr("Lock now")), ("Esc", self.tr("Clear the search")),
        ]
        text = "\n".join(f"{k}\t{v}" for k, v in rows)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    def about(self) -> None:
        from app import __version__

        QMessageBox.about(self, self.tr("About Bangfu"), self.tr(
            "Bangfu {version}\nOffline registry and field work for village poverty-alleviation task forces.\n"
            "Data stays encrypted on this computer and syncs with the county server.").format(version=__version__))

    # ------------------------------------------------------------------------------------------
    # closing
    # ------------------------------------------------------------------------------------------
    def owned_windows(self) -> list[QWidget]:
        """Visible top-level windows (non-modal dialogs, reminders) whose parent is this window."""
        owned = []
        for widget in QApplication.topLevelWidgets():
            parent = widget.parentWidget()
            while parent is not None and parent is not self:
                parent = parent.parentWidget()
            if parent is self and widget.isVisible():
                owned.append(widget)
        return owned

    def closeEvent(self, event: QCloseEvent) -> None:
        if any(card.is_dirty() for card in self.cards()) and not self.locked:
            answer = QMessageBox.question(self, self.tr("Unsaved changes"), self.tr(
                "Some cards have changes that were not saved. Quit anyway?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.set_geometry("splitter", self.splitter.saveState())
        # late results of this window's tasks are dropped from now on, and its reminders and
        # lists close with it: either would otherwise keep the program running
        self.setProperty(CLOSED_PROPERTY, True)
        for window in self.owned_windows():
            window.close()
        self.idle.stop()
        interrupt_checks()
        wait_all(15000)
        if self.db is not None:
            self.db.close()
        super().closeEvent(event)
