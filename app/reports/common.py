"""Fonts, mixed-script text, page furniture and safe file output shared by every printed form.

The bundled CJK font (Droid Sans Fallback) has no ASCII glyphs — no digits, no Latin letters — so
every string is split into runs and each run is drawn in the font that has its characters
(DejaVu Sans for Latin, digits and symbols such as ☐). Both fonts are embedded as subsets
(reportlab's TTF embedding), so a notice prints the same on any township printer.

Documents are built with ``invariant=1``: the same content gives byte-identical PDF files, which
lets an issued notice be re-printed and re-checked against the sha256 recorded when it was issued.
Text drawn here never includes full ID numbers or bank accounts: callers pass values through
:func:`app.idnumber.mask_id` and :func:`mask_account` first.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, LongTable, Table

from app.i18n import register, t_in
from app.paths import resources_dir

FONT_CJK = "BangfuCJK"
FONT_LATIN = "BangfuLatin"
FONT_LATIN_BOLD = "BangfuLatinBold"
_FONT_FILES = {
    FONT_CJK: "DroidSansFallbackFull.ttf",
    FONT_LATIN: "DejaVuSans.ttf",
    FONT_LATIN_BOLD: "DejaVuSans-Bold.ttf",
}

#: Notices, cards and sheets are Chinese documents whatever the operator's UI language.
PRINT_LANG = "zh_CN"

PAPERS: dict[str, tuple[float, float]] = {
    "A4": portrait(A4),
    "A4L": landscape(A4),
    "A3": portrait(A3),
    "A3L": landscape(A3),
}

register({
    "report.training": ("培训 / TRAINING", "TRAINING / 培训"),
    "report.page": ("第 {page} 页 / 共 {total} 页", "Page {page} of {total}"),
    "report.bad_paper": ("纸张规格“{paper}”无效，可选：{choices}", "Unknown paper size '{paper}'; choose {choices}"),
    "report.write_failed": ("无法写入文件 {path}，未生成任何文件", "Could not write {path}; no file was written"),
    "report.font_missing": ("缺少字体文件 {path}", "Font file {path} is missing"),
})

_font_lock = threading.Lock()
_cmaps: dict[str, frozenset[int]] = {}


def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process (parsing them takes ~0.3 s)."""
    from app.errors import BangfuError

    with _font_lock:
        if _cmaps:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FONT_FILES.items():
            path = folder / filename
            if not path.is_file():
                raise BangfuError("report.font_missing", path=filename)
            font = TTFont(name, str(path))  # subset-embedded by reportlab
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)


def _font_for(ch: str, bold: bool) -> str:
    code = ord(ch)
    latin = FONT_LATIN_BOLD if bold else FONT_LATIN
    if code < 0x80 or code not in _cmaps[FONT_CJK]:
        return latin if code in _cmaps[latin] or code not in _cmaps[FONT_CJK] else FONT_CJK
    return FONT_CJK


def runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """Split ``text`` into (font name, substring) runs; spaces stay in the run they follow."""
    register_fonts()
    return _runs(text, bold)


@lru_cache(maxsize=8192)
def _runs(text: str, bold: bool) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    current = ""
    buf: list[str] = []
    for ch in text:
        font = current if (ch == " " and current) else _font_for(ch, bold)
        if font != current and buf:
            out.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        out.append((current, "".join(buf)))
    return tuple(out)


def text_width(text: str, size: float, bold: bool = False) -> float:
    register_fonts()
    return _text_width(text, size, bold)


@lru_cache(maxsize=16384)
def _text_width(text: str, size: float, bold: bool) -> float:
    return sum(pdfmetrics.stringWidth(s, font, size) for font, s in _runs(text, bold))


def draw_text(canv: Any, x: float, y: float, text: str, size: float, bold: bool = False,
              align: str = "left") -> float:
    """Draw one line of mixed-script text; CJK 'bold' is a thin stroke (the font has no bold face)."""
    parts = runs(text, bold)
    width = sum(pdfmetrics.stringWidth(s, font, size) for font, s in parts)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    if not bold:
        for font, s in parts:
            canv.setFont(font, size)
            canv.drawString(x, y, s)
            x += pdfmetrics.stringWidth(s, font, size)
        return width
    canv.saveState()
    canv.setLineWidth(size * 0.035)
    for font, s in parts:
        t = canv.beginText(x, y)
        t.setFont(font, size)
        if font == FONT_CJK:
            t.setTextRenderMode(2)
        t.textOut(s)
        canv.drawText(t)
        x += pdfmetrics.stringWidth(s, font, size)
    canv.restoreState()
    return width


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for mixed text (Paragraph styles use the CJK font; Latin runs switch)."""
    out = []
    for font, s in runs(text, bold):
        piece = escape(s).replace("\n", "<br/>")
        out.append(piece if font == FONT_CJK else f'<font face="{font}">{piece}</font>')
    return "".join(out)


def wrap_lines(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy line breaking by character (CJK text breaks anywhere; ASCII words are kept whole)."""
    lines: list[str] = []
    for para in text.split("\n"):
        tokens: list[str] = []
        word = ""
        for ch in para:
            if ch.isascii() and not ch.isspace():
                word += ch
                continue
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        if word:
            tokens.append(word)
        line, line_w = "", 0.0
        for tok in tokens:
            w = text_width(tok, size, bold)
            if line and line_w + w > width:
                lines.append(line.rstrip())
                line, line_w = ("", 0.0) if tok.isspace() else (tok, w)
            else:
                line += tok
                line_w += w
        lines.append(line.rstrip())
    return lines or [""]


class Text(Flowable):
    """A light table-cell flowable: mixed-script text, wrapped to the cell, much cheaper than a
    Paragraph (a 500-row notice has 3,500 cells)."""

    def __init__(self, text: str, size: float = 12, bold: bool = False, leading: float | None = None,
                 align: str = "left") -> None:
        super().__init__()
        self.text = "" if text is None else str(text)
        self.size = size
        self.bold = bold
        self.leading = leading or size * 1.3
        self.align = align
        self._lines: list[str] = [self.text]
        self._w = 0.0
        self._wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_for == avail_width:  # tables ask several times with the same width
            return self.width, self.height
        self._wrapped_for = avail_width
        width = text_width(self.text, self.size, self.bold)
        if "\n" not in self.text and width > avail_width > 0 and not any(
                f == FONT_CJK for f, _s in runs(self.text, self.bold)):
            # A number or masked ID must not break across lines: shrink it to fit instead.
            scale = max(0.55, avail_width / width)
            self.size *= scale
            self.leading *= scale
            width *= scale
        if "\n" in self.text or width > avail_width:
            self._lines = wrap_lines(self.text, self.size, avail_width, self.bold)
        else:
            self._lines = [self.text]
        self._w = min(avail_width, max(text_width(line, self.size, self.bold) for line in self._lines))
        self.width, self.height = self._w, self.leading * len(self._lines)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - self.size * 1.02
        for line in self._lines:
            if self.align == "center":
                draw_text(self.canv, self._w / 2, y, line, self.size, self.bold, "center")
            elif self.align == "right":
                draw_text(self.canv, self._w, y, line, self.size, self.bold, "right")
            else:
                draw_text(self.canv, 0, y, line, self.size, self.bold)
            y -= self.leading


class Heading(Text):
    """A centred, bold, wrapped title spanning the frame."""

    def __init__(self, text: str, size: float = 22, space_after: float = 6) -> None:
        super().__init__(text, size, bold=True, leading=size * 1.35, align="center")
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        super().wrap(avail_width, avail_height)
        self._w = avail_width
        self.width = avail_width
        return self.width, self.height + self.space_after

    def draw(self) -> None:
        y = self.height - self.space_after - self.size * 1.02 + self.space_after
        for line in self._lines:
            draw_text(self.canv, self._w / 2, y, line, self.size, True, "center")
            y -= self.leading


def _with_font(table: Table, kwargs: dict[str, Any], init: Any, args: tuple[Any, ...]) -> None:
    style = kwargs.pop("style", None)
    init(table, *args, **kwargs)
    if kwargs.get("cellStyles") is None:  # a split part (next page) arrives with its styles set
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT_LATIN)])  # first, so callers may override
    if style is not None:
        table.setStyle(style)


class Grid(Table):
    """A platypus Table whose plain-string cells use the bundled font (never Helvetica, which
    would be a non-embedded font reference in the PDF)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _with_font(self, kwargs, Table.__init__, args)


class LongGrid(LongTable):
    """A LongTable (faster for hundreds of rows) with the bundled font, like :class:`Grid`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _with_font(self, kwargs, LongTable.__init__, args)


def single_font(text: str) -> str | None:
    """The one font that draws all of ``text``, or None when it needs both (or is empty)."""
    parts = runs(text)
    return parts[0][0] if len(parts) == 1 else None


def paragraph_style(size: float = 12, leading: float | None = None, align: int = TA_LEFT,
                    first_indent: float = 0, space_after: float = 4) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        f"bangfu{size}-{align}-{first_indent}", fontName=FONT_CJK, fontSize=size, leading=leading or size * 1.5,
        alignment=align, wordWrap="CJK", firstLineIndent=first_indent, spaceAfter=space_after,
    )


def para(text: str, size: float = 12, align: int = TA_LEFT, indent: bool = False, space_after: float = 4) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text), paragraph_style(size, align=align, first_indent=2 * size if indent else 0,
                                                   space_after=space_after))


def centred(text: str, size: float = 12) -> Any:
    return para(text, size, TA_CENTER)


def mask_account(account: str) -> str:
    """Mask a bank account (6217********1234): first 4 and last 4 kept for long numbers,
    only the last 4 for short ones, nothing for 8 characters or fewer."""
    value = "".join(str(account or "").split())
    if len(value) <= 8:
        return "*" * len(value)
    if len(value) < 12:
        return "*" * (len(value) - 4) + value[-4:]
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def page_size(paper: str) -> tuple[float, float]:
    from app.errors import BangfuError

    if paper not in PAPERS:
        raise BangfuError("report.bad_paper", paper=str(paper)[:10], choices="/".join(PAPERS))
    return PAPERS[paper]


# -- QR codes ----------------------------------------------------------------------------------
QR_BORDER = 4  # quiet zone, in modules


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR matrix (error correction M) from reportlab's own encoder: no raster image needed."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(v) for v in row] for row in code.modules]


def draw_qr(canv: Any, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code (with its quiet zone) in a ``size`` square at (x, y).

    The modules are one vector path, defined once per document as a form and reused on every
    page (a 20-page notice carries one copy).
    """
    # A stable name (not hash()): PDFs must come out byte-identical in every process.
    name = "bangfuqr" + hashlib.sha1(f"{payload}|{size:.2f}".encode()).hexdigest()[:12]
    if not canv.hasForm(name):
        modules = qr_modules(payload)
        n = len(modules)
        box = size / (n + 2 * QR_BORDER)
        canv.beginForm(name)
        canv.saveState()
        canv.setFillColor(colors.white)
        canv.rect(0, 0, size, size, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        path = canv.beginPath()
        for r, row in enumerate(modules):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect((start + QR_BORDER) * box, size - (r + QR_BORDER + 1) * box, (c - start) * box, box)
                else:
                    c += 1
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()
        canv.endForm()
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(name)
    canv.restoreState()


# -- page furniture ----------------------------------------------------------------------------
@dataclass
class Furniture:
    """What every page of a document carries besides its content.

    ``draw(canv, page, total)`` runs *after* the page's content (so a training watermark lies
    on top of table shading) and knows the total page count.
    """

    training: bool = False
    footer_left: str = ""
    qr_payload: str = ""
    running_title: str = ""
    page_numbers: bool = True
    lang: str = PRINT_LANG

    def draw(self, canv: Any, page: int, total: int) -> None:
        width, height = canv._pagesize
        margin = 12 * mm
        qr_size = 20 * mm if self.qr_payload else 0
        if self.running_title and page > 1:
            draw_text(canv, width / 2, height - 10 * mm, self.running_title, 10, align="center")
        y = 13 * mm
        for line in self.footer_left.split("\n") if self.footer_left else []:
            draw_text(canv, margin, y, line, 8)
            y -= 4 * mm
        if self.page_numbers:
            label = t_in(self.lang, "report.page", page=page, total=total)
            if self.qr_payload:
                draw_text(canv, width - margin - qr_size - 3 * mm, 9 * mm, label, 10, align="right")
            else:
                draw_text(canv, width / 2, 9 * mm, label, 10, align="center")
        if self.qr_payload:
            draw_qr(canv, self.qr_payload, width - margin - qr_size, 4 * mm, qr_size)
        if self.training:
            draw_watermark(canv, t_in(self.lang, "report.training"))


def draw_watermark(canv: Any, text: str, shift: float = 0.0) -> None:
    """``text`` three times across the page, diagonally; ``shift`` (a fraction of the page height)
    moves the lines, so that a second mark (样稿 on a training page) runs between the first's."""
    width, height = canv._pagesize
    size = min(width, height) / 9
    canv.saveState()
    canv.setFillColor(colors.Color(0.85, 0.1, 0.1))
    canv.setFillAlpha(0.16)
    canv.setStrokeAlpha(0.16)
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    for dy in (-height / 3, 0, height / 3):
        draw_text(canv, 0, dy + shift * height - size / 3, text, size, bold=True, align="center")
    canv.restoreState()


def canvas_maker(furniture: Furniture) -> type:
    """A canvas class that defers each page so the furniture can say 'page x of y'."""

    class FurnishedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                furniture.draw(self, number, total)
                super().showPage()
            super().save()

    return FurnishedCanvas


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], size: float, total: float,
                  padding: float = 8.0) -> list[float]:
    """Column widths from the content: every value fits on one line when the page allows it, a
    long header may take two lines, spare width is shared out in proportion; if the content is
    too wide for the page every column shrinks in proportion (long text then wraps)."""
    cells = [max((text_width(str(r[j]), size) for r in rows), default=0.0) for j in range(len(header))]
    heads = [text_width(label, size, bold=True) for label in header]
    need = [max(c, h) + padding for c, h in zip(cells, heads, strict=True)]
    if sum(need) > total:  # let long headers take two lines
        need = [max(c, min(h, max(h / 2 + size, 4 * size))) + padding for c, h in zip(cells, heads, strict=True)]
    used = sum(need)
    if used <= 0:
        return [total / max(1, len(header))] * len(header)
    return [w * total / used for w in need]


def frame_width(paper: str, margins_mm: tuple[float, float, float, float] = (15, 15, 18, 30)) -> float:
    """The width a flowable may take in ``build_pdf``'s frame (page less margins and the frame's
    6 pt padding on each side)."""
    _top, right, _bottom, left = margins_mm
    return page_size(paper)[0] - (left + right) * mm - 12


def build_pdf(flowables: Sequence[Any] | Callable[[], Iterable[Any]], furniture: Furniture, paper: str = "A4",
              margins_mm: tuple[float, float, float, float] = (15, 15, 18, 30), title: str = "",
              author: str = "") -> tuple[bytes, int]:
    """Lay out ``flowables`` on ``paper``; returns (PDF bytes, page count). Deterministic output."""
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    size = page_size(paper)
    top, right, bottom, left = margins_mm
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=size, leftMargin=left * mm, rightMargin=right * mm, topMargin=top * mm,
        bottomMargin=bottom * mm, invariant=1, title=title, author=author, creator="Bangfu", subject="",
        initialFontName=FONT_LATIN,
    )
    story = list(flowables() if callable(flowables) else flowables)
    counter: list[int] = []

    class _Counting(canvas_maker(furniture)):  # type: ignore[misc]
        def save(self) -> None:
            counter.append(len(self._pages))
            super().save()

    doc.build(story, canvasmaker=_Counting)
    return buffer.getvalue(), counter[0] if counter else 0


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename: a reader (or a crash)
    never sees a half-written PDF, and nothing is left behind when writing fails."""
    from app.errors import BangfuError

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError:
        raise BangfuError("report.write_failed", path=path.name) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise BangfuError("report.write_failed", path=path.name) from None
    return path


__all__ = [
    "FONT_CJK", "FONT_LATIN", "FONT_LATIN_BOLD", "PAPERS", "PRINT_LANG", "Furniture", "Grid", "Heading",
    "LongGrid", "Text",
    "build_pdf", "canvas_maker", "centred", "column_widths", "draw_qr", "draw_text", "draw_watermark", "markup", "mask_account",
    "page_size", "para", "paragraph_style", "qr_modules", "single_font", "register_fonts", "runs", "text_width", "wrap_lines",
    "write_atomic",
]
