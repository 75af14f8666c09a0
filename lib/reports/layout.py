"""The look of every report: fonts, colours, styles, the letterhead, and "Page N of M" footers."""

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lib.config import get_settings
from lib.reports import fmt

NAVY = colors.HexColor("#17365D")
GOLD = colors.HexColor("#C9A227")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#C8CED6")
STRIPE = colors.HexColor("#F2F5F9")
ALERT_BG = colors.HexColor("#FDECEA")
ALERT = colors.HexColor("#B3261E")
GOOD = colors.HexColor("#1E7B34")
MARGIN = 0.6 * inch
HEADER_SPACE = 0.55 * inch
FOOTER_SPACE = 0.45 * inch
INSET = 6  # the frame's padding: letterhead and footer line up with the body text

# DejaVu covers accents beyond Latin-1 (Łukasz, Ōta); reportlab's bundled Vera is the fallback.
_FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path(reportlab.__file__).parent / "fonts"]
_FONT_FILES = {"DejaVuSans.ttf": "DejaVuSans-Bold.ttf", "Vera.ttf": "VeraBd.ttf"}


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """Register a Unicode TrueType font pair once; returns (regular, bold) names."""
    for folder in _FONT_DIRS:
        for regular, bold in _FONT_FILES.items():
            if (folder / regular).exists() and (folder / bold).exists():
                pdfmetrics.registerFont(TTFont("Report", str(folder / regular)))
                pdfmetrics.registerFont(TTFont("Report-Bold", str(folder / bold)))
                registerFontFamily("Report", normal="Report", bold="Report-Bold", italic="Report",
                                   boldItalic="Report-Bold")  # so <b> in a paragraph finds the bold face
                return "Report", "Report-Bold"
    return "Helvetica", "Helvetica-Bold"


def style(name: str) -> ParagraphStyle:
    return _styles()[name]


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12, textColor=INK)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=bold, fontSize=18, leading=22, textColor=NAVY),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=14, textColor=MUTED),
        "h2": ParagraphStyle("h2", base, fontName=bold, fontSize=12, leading=15, textColor=NAVY,
                             spaceBefore=12, spaceAfter=5),
        "h3": ParagraphStyle("h3", base, fontName=bold, fontSize=10, leading=13, textColor=NAVY,
                             spaceBefore=8, spaceAfter=3),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=8, leading=10, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle("cell_head", base, fontName=bold, fontSize=8, leading=10,
                                    textColor=colors.white),
        "cell_head_right": ParagraphStyle("cell_head_right", base, fontName=bold, fontSize=8, leading=10,
                                          textColor=colors.white, alignment=TA_RIGHT),
        "empty": ParagraphStyle("empty", base, fontSize=11, leading=15, textColor=MUTED,
                                borderColor=RULE, borderWidth=0.8, borderPadding=10, spaceBefore=14, spaceAfter=10,
                                leftIndent=10, rightIndent=10),  # the border sits inside the margins
    }


@dataclass(frozen=True)
class ReportMeta:
    """What the letterhead and footer say: title, parameters, and who generated it when."""

    title: str
    generated_by: str
    parameters: list[tuple[str, str]] = field(default_factory=list)
    subtitle: str = ""
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    landscape: bool = False

    @property
    def page_size(self) -> tuple[float, float]:
        return landscape(letter) if self.landscape else letter


def para(text: str, style_name: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: a name like O'Brien <x> must not be read as markup)."""
    return Paragraph(escape(text), style(style_name))


def escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heading(text: str) -> list[Flowable]:
    """A section title that never sits alone at the foot of a page."""
    return [CondPageBreak(1.6 * inch), para(text, "h2")]


def empty_notice(text: str) -> Paragraph:
    """The clear statement an empty report makes instead of an empty table."""
    return para(text, "empty")


def title_block(meta: ReportMeta, width: float) -> list[Flowable]:
    """Title, subtitle and the parameters the report was generated with (first page only)."""
    blocks: list[Flowable] = [para(meta.title, "title")]
    if meta.subtitle:
        blocks.append(para(meta.subtitle, "subtitle"))
    blocks.append(Spacer(1, 6))
    if meta.parameters:
        blocks.append(_parameter_grid(meta.parameters, width))
    return blocks + [Spacer(1, 8)]


def _parameter_grid(parameters: list[tuple[str, str]], width: float) -> Table:
    _, bold = fonts()
    rows = [[para(label, "small"), para(value, "cell")] for label, value in parameters]
    grid = Table(rows, colWidths=[1.4 * inch, width - 1.4 * inch], hAlign="LEFT")
    grid.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LINEBEFORE", (0, 0), (0, -1), 2, GOLD),
        ("LEFTPADDING", (0, 0), (0, -1), 6),
    ]))
    return grid


class _NumberedCanvas(rl_canvas.Canvas):
    """Holds every page until the end so that each footer can say "Page N of M"."""

    def __init__(self, *args, meta: ReportMeta, **kwargs):
        super().__init__(*args, **kwargs)
        self._meta, self._pages = meta, []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            _draw_frame(self, self._meta, number, total)
            super().showPage()
        super().save()


def _draw_frame(c: rl_canvas.Canvas, meta: ReportMeta, number: int, total: int) -> None:
    """The letterhead band at the top and the generated-by / page footer at the bottom."""
    regular, bold = fonts()
    width, height = meta.page_size
    top = height - MARGIN + 6
    c.saveState()
    c.setFillColor(NAVY)
    c.setFont(bold, 11)
    c.drawString(MARGIN + INSET, top, get_settings().local_name)
    c.setFont(regular, 8.5)
    c.setFillColor(MUTED)
    c.drawRightString(width - MARGIN - INSET, top, meta.title)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.5)
    c.line(MARGIN + INSET, top - 6, width - MARGIN - INSET, top - 6)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    bottom = MARGIN - 14
    c.line(MARGIN + INSET, bottom + 10, width - MARGIN - INSET, bottom + 10)
    c.setFont(regular, 7.5)
    c.drawString(MARGIN + INSET, bottom, f"Generated {fmt.moment(meta.generated_at)} by {meta.generated_by}")
    c.drawRightString(width - MARGIN - INSET, bottom, f"Page {number} of {total}")
    c.restoreState()


def frame_width(meta: ReportMeta) -> float:
    return meta.page_size[0] - 2 * MARGIN - 2 * INSET


def frame_height(meta: ReportMeta) -> float:
    return meta.page_size[1] - (MARGIN + HEADER_SPACE - 14) - (MARGIN + FOOTER_SPACE - 14) - 12


def build_pdf(meta: ReportMeta, story: list[Flowable]) -> bytes:
    """Lay the story out on letter pages with the letterhead and footers; returns the PDF bytes."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=meta.page_size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE - 14, bottomMargin=MARGIN + FOOTER_SPACE - 14,
        title=meta.title, author=get_settings().local_name, subject=meta.subtitle or meta.title,
        creator="UnionOps",
    )
    full_story = title_block(meta, frame_width(meta)) + story
    doc.build(full_story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, meta=meta, **k))
    return buffer.getvalue()
