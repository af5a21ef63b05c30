"""PDF preview with print and save: the pages exactly as they will come out of the printer.

The PDF is shown with QtPdf (no temporary file). Printing goes through the system print dialog
(``QPrintDialog``) and draws each page as an image at up to 300 dpi; "Save PDF" writes the bytes
atomically. A preview of a notice that is not issued yet carries 样稿 on every page and offers
an "Issue…" button that hands back to the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import BangfuError
from ui.widgets import MessageLine

PRINT_DPI = 300


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` on ``printer`` (fit to the printable area); page count."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for i in range(document.pageCount()):
            if i:
                printer.newPage()
            points = document.pagePointSize(i)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(i, size)
            area = painter.viewport()
            scaled = size.scaled(area.size(), _keep_aspect())
            target = QRect(area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(), scaled.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return document.pageCount()


def _keep_aspect() -> Any:
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


def save_pdf(parent: QWidget, data: bytes, suggested: str) -> Path | None:
    """Ask where to save and write ``data`` there (atomically); None if the user cancelled."""
    from PySide6.QtCore import QCoreApplication

    from app.reports.common import write_atomic

    title = QCoreApplication.translate("PdfPreviewDialog", "Save PDF")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    return write_atomic(path, data)


class PdfPreviewDialog(QDialog):
    """Shows a PDF; Print…, Save PDF…, and optionally an action such as "Issue…"."""

    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None, suggested_name: str = "notice.pdf",
                 action_text: str | None = None, action: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.data = data
        self.suggested_name = suggested_name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel()
        self.message = MessageLine()
        self.btn_print = QPushButton()
        self.btn_save = QPushButton()
        self.btn_close = QPushButton()
        self.btn_action = QPushButton(action_text or "")
        self.btn_action.setVisible(action is not None)
        if action is not None:
            self.btn_action.clicked.connect(action)
        self.btn_print.clicked.connect(self.print_)
        self.btn_save.clicked.connect(self.save)
        self.btn_close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages)
        buttons.addStretch(1)
        for b in (self.btn_action, self.btn_print, self.btn_save, self.btn_close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.pages.setText(self.tr("{n} page(s)").format(n=self.document.pageCount()))
        self.btn_print.setText(self.tr("&Print…"))
        self.btn_save.setText(self.tr("&Save PDF…"))
        self.btn_close.setText(self.tr("Close"))

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_(self, printer: QPrinter | None = None) -> int:
        """Print through the system dialog (or straight to ``printer``, e.g. a PDF file in tests)."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        count = print_document(self.document, printer)
        self.printed.emit(count)
        return count

    def save(self) -> None:
        try:
            path = save_pdf(self, self.data, self.suggested_name)
        except BangfuError as exc:
            self.message.error(str(exc))
            return
        if path is not None:
            self.message.info(self.tr("Saved {path}").format(path=str(path)))
            self.saved.emit(str(path))
