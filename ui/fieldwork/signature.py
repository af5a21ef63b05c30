"""A signature pad: the household head signs on the screen (mouse, touch pad or pen).

Strokes are kept as point lists so the pad can be redrawn at any size; ``png_bytes`` renders
them black on white for ``app.services.photos.prepare_signature``.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    #: the drawing changed (a stroke finished or the pad was cleared)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[list[QPointF]] = []
        self._current: list[QPointF] | None = None
        self.setMinimumSize(QSize(360, 140))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Sign here with the mouse, touch pad or pen"))

    # -- drawing ---------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def begin(self, point: QPointF) -> None:
        self._current = [QPointF(point)]
        self.strokes.append(self._current)

    def extend(self, point: QPointF) -> None:
        if self._current is not None:
            self._current.append(QPointF(point))
            self.update()

    def end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def draw_stroke(self, points: list[tuple[float, float]]) -> None:
        """Add a whole stroke (tests, or replaying a saved signature)."""
        if not points:
            return
        self.begin(QPointF(*points[0]))
        for p in points[1:]:
            self.extend(QPointF(*p))
        self.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.extend(event.position())
            self.end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove and self._current is not None:
            self.extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.end()
        event.accept()

    # -- painting --------------------------------------------------------------------------------
    def _paint(self, painter: QPainter, scale: float = 1.0) -> None:
        pen = QPen(QColor("#111111"), 2.6 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self.strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0] * scale)
                continue
            path = QPainterPath(stroke[0] * scale)
            for p in stroke[1:]:
                path.lineTo(p * scale)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
        base = self.height() - 28
        painter.drawLine(16, base, self.width() - 16, base)
        painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        self._paint(painter)
        painter.end()

    def png_bytes(self, scale: float = 2.0) -> bytes:
        """The signature as a PNG (black on white), ``scale`` times the pad's size."""
        image = QImage(int(self.width() * scale), int(self.height() * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint(painter, scale)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
