"""Dashboards for the county, a township or a village: key figures and QtCharts bar charts
(households by 脱贫属性, 贫困户属性 and 致贫原因, exits against the annual plan, measures by
category, funds by source). Each chart can be saved as an image; the whole dashboard as a PDF
report that carries the same charts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsScene,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.township.common import add_scopes, error_text
from ui.workers import run_task


def bar_chart(title: str, labels: list[str], series: list[tuple[str, list[float]]],
              colours: list[str] | None = None, vertical: bool = False) -> QChart:
    """A bar chart: horizontal by default (long Chinese labels read best on the vertical axis),
    first label at the top; ``vertical`` for years along the bottom."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QBarSeries() if vertical else QHorizontalBarSeries()
    if not vertical:  # Qt draws the first category at the bottom
        labels = labels[::-1]
        series = [(name, values[::-1]) for name, values in series]
    palette = colours or ["#3366bf", "#2e8b3d", "#d9a61a", "#8c59a6", "#cc2929"]
    for i, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(palette[i % len(palette)]))
        bar_set.setLabelColor(QColor("#222222"))  # written after the bar, on white
        bars.append(bar_set)
    bars.setLabelsVisible(True)
    bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    bars.setLabelsFormat("@value")
    chart.addSeries(bars)
    categories = QBarCategoryAxis()
    categories.append(labels)
    values = QValueAxis()
    values.setLabelFormat("%.0f")
    biggest = max([v for _n, numbers in series for v in numbers] + [1])
    values.setRange(0, biggest * 1.12)
    values.applyNiceNumbers()  # 0, 20, 40 … instead of 0, 37, 75 …
    values.setMin(0)
    category_side, value_side = ((Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft) if vertical
                                 else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom))
    chart.addAxis(categories, category_side)
    bars.attachAxis(categories)
    chart.addAxis(values, value_side)
    bars.attachAxis(values)
    chart.legend().setVisible(len(series) > 1)
    return chart


@dataclass
class ChartSpec:
    """What a chart shows; the dialog's view and the exported images are both drawn from it."""

    title: str
    labels: list[str]
    series: list[tuple[str, list[float]]]
    colours: list[str] | None = None
    vertical: bool = False

    def chart(self, with_title: bool = True) -> QChart:
        return bar_chart(self.title if with_title else "", self.labels, self.series, self.colours, self.vertical)


def render_png(spec: ChartSpec, with_title: bool = True, width: int = 700, scale: int = 2) -> bytes:
    """The chart drawn off screen at a fixed size (its text readable on A4 whatever the window's
    size; the height grows with the number of bars), at ``scale`` × the pixels for a sharp print."""
    bars = len(spec.labels) * (1 if spec.vertical else len(spec.series))
    height = 400 if spec.vertical else min(680, max(240, 90 + 30 * bars))
    chart = spec.chart(with_title)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, width, height))
    QCoreApplication.sendPostedEvents()  # lay the chart out at that size
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width * scale, height * scale), QRectF(0, 0, width, height))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
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
        self.specs: dict[str, ChartSpec] = {}
        self.setWindowTitle(self.tr("Dashboard"))
        self.resize(1100, 760)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Everything"), None)
        add_scopes(self.scope, window)
        self.year = QSpinBox()
        self.year.setRange(2014, 2100)
        from app.services.reference_date import reference_date

        self.year.setValue(reference_date(window.db).year)
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
        self.figures.setHorizontalSpacing(16)
        self.figures.setColumnStretch(1, 1)
        self.figures.setColumnStretch(3, 1)
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

        from app.i18n import current_language

        lang = current_language()

        def work() -> Any:
            from app.services.dashboard import dashboard

            return dashboard(db, scope, year=year, lang=lang)

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
                label.setWordWrap(col == 1)
                if col == 0:
                    label.setStyleSheet("color: #555;")
                self.figures.addWidget(label, row // 2, (row % 2) * 2 + col)
                self.figure_labels.append(label)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.views = {}
        exits = [p for p in board.exits if p.planned_households or p.exited_households]
        charts: list[tuple[str, str, ChartSpec]] = [
            ("by_status", self.tr("By poverty status"), self._single(self.tr("Households by poverty status"),
                                                                     board.by_status)),
            ("by_attr", self.tr("By household type"), self._single(self.tr("Households by household type"),
                                                                   board.by_attr)),
            ("by_cause", self.tr("By cause"), self._single(self.tr("Households by main cause of poverty"),
                                                           board.by_cause)),
            ("exits", self.tr("Exits and plan"), ChartSpec(
                self.tr("Households exiting by year against the annual plan"), [str(p.year) for p in exits],
                [(self.tr("Planned"), [p.planned_households for p in exits]),
                 (self.tr("Exited"), [p.exited_households for p in exits])], ["#3366bf", "#2e8b3d"], vertical=True)),
            ("measures", self.tr("Number of measures"), ChartSpec(
                self.tr("Assistance measures by category"), [m.label for m in board.measures],
                [(self.tr("Number of measures"), [m.measures for m in board.measures])])),
            ("funds", self.tr("Funds"), ChartSpec(
                self.tr("Project funds by source (yuan)"), [f.label for f in board.funds],
                [(self.tr("Yuan"), [f.amount_fen / 100 for f in board.funds])])),
        ]
        self.specs = {}
        for key, title, spec in charts:
            view = QChartView(spec.chart())
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.views[key] = view
            self.specs[key] = spec
            self.tabs.addTab(view, title)
        self.tabs.setCurrentIndex(max(0, current))
        self.message.setText(board.scope_name)
        self.loaded.emit(board)

    def _single(self, title: str, counts: list[Any]) -> ChartSpec:
        return ChartSpec(title, [c.label for c in counts],
                         [(self.tr("Number of households"), [c.households for c in counts])])

    def chart_images(self) -> dict[str, bytes]:
        """The charts for the PDF report, without their titles (the report heads each one)."""
        return {key: render_png(spec, with_title=False) for key, spec in self.specs.items() if spec.labels}

    def save_chart(self, path: Path | None = None) -> None:
        key = next((k for k, v in self.views.items() if v is self.tabs.currentWidget()), None)
        if key is None:
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as image"), self.tr("chart") + ".png",
                                                  self.tr("PNG images (*.png)"))
            if not name:
                return
            path = Path(name)
        path.write_bytes(render_png(self.specs[key]))
        self.message.setText(self.tr("Saved {name}").format(name=path.name))
        self.saved.emit(path)

    def save_report(self, path: Path | None = None) -> None:
        if self.board is None:
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF report"), self.tr("dashboard") + ".pdf",
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
