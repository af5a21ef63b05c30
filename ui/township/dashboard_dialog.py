"""Dashboards for the county, a township or a village: key figures and QtCharts bar charts
(households by 脱贫属性, 贫困户属性 and 致贫原因, exits against the annual plan, measures by
category, funds by source). Each chart can be saved as an image; the whole dashboard as a PDF
report that carries the same charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.township.common import error_text, scope_code
from ui.workers import run_task


def bar_chart(title: str, labels: list[str], series: list[tuple[str, list[float]]],
              colours: list[str] | None = None) -> QChart:
    """A horizontal bar chart (long Chinese labels read best on the vertical axis)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QHorizontalBarSeries()
    palette = colours or ["#3366bf", "#2e8b3d", "#d9a61a", "#8c59a6", "#cc2929"]
    for i, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(palette[i % len(palette)]))
        bars.append(bar_set)
    bars.setLabelsVisible(True)
    chart.addSeries(bars)
    axis_y = QBarCategoryAxis()
    axis_y.append(labels)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%.0f")
    axis_x.setMin(0)
    biggest = max([v for _n, values in series for v in values] + [1])
    axis_x.setMax(biggest * 1.15)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    chart.legend().setVisible(len(series) > 1)
    return chart


def png_bytes(view: QChartView, width: int = 1200, height: int = 560) -> bytes:
    view.resize(width, height)
    pixmap = view.grab()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class DashboardDialog(QDialog):
    #: figures loaded and charts drawn (the Dashboard)
    loaded = Signal(object)
    #: a file was written (its path)
    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.board: Any = None
        self.views: dict[str, QChartView] = {}
        self.setWindowTitle(self.tr("Dashboard"))
        self.resize(1100, 760)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Everything"), None)
        code = scope_code(window)
        if code:
            self.scope.addItem(self.tr("The selected place ({code})").format(code=code), code)
            self.scope.setCurrentIndex(1)
        self.year = QSpinBox()
        self.year.setRange(2014, 2100)
        from datetime import date

        self.year.setValue(date.today().year)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Place:")))
        top.addWidget(self.scope)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(refresh)
        top.addStretch(1)
        self.figures = QGridLayout()
        self.figure_labels: list[QLabel] = []
        self.tabs = QTabWidget()
        self.message = QLabel()
        self.save_image = QPushButton(self.tr("Save chart as &image…"))
        self.save_pdf = QPushButton(self.tr("Save &PDF report…"))
        self.save_image.clicked.connect(lambda: self.save_chart())
        self.save_pdf.clicked.connect(lambda: self.save_report())
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_image)
        bottom.addWidget(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.figures)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.scope.currentIndexChanged.connect(lambda _i: self.load())
        self.year.valueChanged.connect(lambda _v: self.load())
        self.load()

    def load(self) -> None:
        db, scope, year = self.main_window.db, self.scope.currentData(), self.year.value()
        if db is None:
            return
        self.message.setText(self.tr("Counting…"))

        def work() -> Any:
            from app.services.dashboard import dashboard

            return dashboard(db, scope, year=year)

        run_task(work, on_done=self._show, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.failed.emit(exc)

    def _show(self, board: Any) -> None:
        from app.i18n import current_language
        from app.reports.dashboard import _figures

        self.board = board
        for label in self.figure_labels:
            label.deleteLater()
        self.figure_labels = []
        for row, (name, value) in enumerate(_figures(board, current_language())):
            for col, text in enumerate((name, value)):
                label = QLabel(text)
                if col == 0:
                    label.setStyleSheet("color: #555;")
                self.figures.addWidget(label, row // 2, (row % 2) * 2 + col)
                self.figure_labels.append(label)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.views = {}
        charts: list[tuple[str, str, QChart]] = [
            ("by_status", self.tr("By poverty status"), self._single(self.tr("Households by poverty status"),
                                                                     board.by_status)),
            ("by_attr", self.tr("By household type"), self._single(self.tr("Households by household type"),
                                                                   board.by_attr)),
            ("by_cause", self.tr("By cause"), self._single(self.tr("Households by main cause of poverty"),
                                                           board.by_cause)),
        ]
        exits = [p for p in board.exits if p.planned_households or p.exited_households]
        charts.append(("exits", self.tr("Exits and plan"), bar_chart(
            self.tr("Households exiting by year against the annual plan"), [str(p.year) for p in exits],
            [(self.tr("Planned"), [p.planned_households for p in exits]),
             (self.tr("Exited"), [p.exited_households for p in exits])], ["#3366bf", "#2e8b3d"])))
        charts.append(("measures", self.tr("Number of measures"), bar_chart(
            self.tr("Assistance measures by category"), [m.label for m in board.measures],
            [(self.tr("Number of measures"), [m.measures for m in board.measures])])))
        charts.append(("funds", self.tr("Funds"), bar_chart(
            self.tr("Project funds by source (yuan)"), [f.label for f in board.funds],
            [(self.tr("Yuan"), [f.amount_fen / 100 for f in board.funds])])))
        for key, title, chart in charts:
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.views[key] = view
            self.tabs.addTab(view, title)
        self.tabs.setCurrentIndex(max(0, current))
        self.message.setText(board.scope_name)
        self.loaded.emit(board)

    def _single(self, title: str, counts: list[Any]) -> QChart:
        return bar_chart(title, [c.label for c in counts], [(self.tr("Number of households"), [c.households for c in counts])])

    def chart_images(self) -> dict[str, bytes]:
        return {key: png_bytes(view) for key, view in self.views.items()}

    def save_chart(self, path: Path | None = None) -> None:
        view = self.tabs.currentWidget()
        if not isinstance(view, QChartView):
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as image"), "chart.png",
                                                  self.tr("PNG images (*.png)"))
            if not name:
                return
            path = Path(name)
        view.grab().save(str(path), "PNG")
        self.message.setText(self.tr("Saved {name}").format(name=path.name))
        self.saved.emit(path)

    def save_report(self, path: Path | None = None) -> None:
        if self.board is None:
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF report"), "统计看板.pdf",
                                                  self.tr("PDF files (*.pdf)"))
            if not name:
                return
            path = Path(name)
        board, images = self.board, self.chart_images()
        training = bool(self.main_window.db and self.main_window.db.is_training)
        from app.i18n import current_language

        lang = current_language()

        def work() -> Any:
            from app.reports.dashboard import write_dashboard_pdf

            return write_dashboard_pdf(board, path, lang=lang, training=training, images=images)

        def done(written: Any) -> None:
            self.message.setText(self.tr("Saved {name}").format(name=Path(written).name))
            self.saved.emit(Path(written))

        run_task(work, on_done=done, on_error=self._failed, owner=self, with_progress=self.tr("Writing the report…"),
                 cancellable=False, parent=self)
