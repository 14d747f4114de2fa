"""The page design: cover, portrait and landscape pages, running header and footer,
contents entries, PDF outline and "page N of M".

The report is laid out in one pass. What only the finished layout knows (the
page count in each footer, the page of each heading in the contents) is drawn as
a reference to a PDF form XObject, and the forms are defined once the last page
is done: reportlab resolves forms by name when the file is saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from blueprint.layout import fit_ellipsis

from .fonts import BOLD, REGULAR
from .para import Paragraph
from .render import colour
from .styles import INK, MUTED, RULE, Palette

MARGIN = 18 * mm
WIDE_MARGIN = 12 * mm
HEADER_GAP = 10 * mm  # between the page edge and the running header's baseline
COVER_NOTE = (
    "Methods: service blueprinting (Shostack 1984; Bitner, Ostrom & Morgan 2008), "
    "the Gaps model (Zeithaml, Berry & Parasuraman 1988), Grönroos' criteria of "
    "good perceived service quality (1990) and SERVQUAL (Parasuraman, Zeithaml & "
    "Berry 1988). Made with Blueprint."
)


class Heading(Paragraph):
    """A heading that enters the table of contents and the PDF outline."""

    def __init__(
        self,
        markup: str,
        style,
        level: int,
        title: str,
        *,
        contents: bool = True,
        section: str | None = None,
        toc_markup: str | None = None,
    ) -> None:
        super().__init__(markup, style)
        self.toc_markup = markup if toc_markup is None else toc_markup
        self.level = level
        self.title = title  # plain text for the outline
        self.contents = contents
        self.section = section  # running header text from here on
        self.key = ""  # its bookmark: set by number_headings before layout


def number_headings(story: list[Flowable]) -> list[Heading]:
    """Give each heading of the story its bookmark key, in story order, and
    return the headings: the contents are known before layout."""
    headings = [f for f in story if isinstance(f, Heading)]
    for i, h in enumerate(headings):
        h.key = f"h{i}"
    return headings


# what a form defined after layout draws: (canvas, page of each heading key)
LateDrawing = Callable[[Canvas, dict[str, int]], None]


class _FinishingCanvas(Canvas):
    """A canvas that lets the template draw its late forms just before saving."""

    before_save: Callable[[Canvas], None] | None = None

    def save(self) -> None:
        if self.before_save is not None:
            self.before_save(self)
        # compressed streams are written as they are, not also in ASCII85 (a
        # quarter larger and slow to encode; 7-bit-safe files serve no reader
        # today). reportlab reads this setting only while saving, so it is set
        # for this file alone.
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            super().save()
        finally:
            rl_config.useA85 = a85


@dataclass
class PageText:
    title: str  # running header, left
    footer: str  # footer, left


class ReportTemplate(BaseDocTemplate):
    """Portrait body pages, landscape diagram pages and a cover without furniture."""

    def __init__(
        self,
        filename: str,
        page_size: tuple[float, float],
        palette: Palette,
        text: PageText,
        *,
        larger_size: tuple[float, float] | None = None,
        progress: Callable[[], None] | None = None,
        title: str = "",
        author: str = "",
        subject: str = "",
    ) -> None:
        super().__init__(
            filename,
            pagesize=page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN,
            title=title,
            author=author,
            subject=subject,
            creator="Blueprint",
            # reportlab starts every page in Helvetica unless told otherwise, which
            # would put an unembedded base-14 font in the file
            initialFontName=REGULAR,
            initialFontSize=9,
        )
        self.palette = palette
        self.text = text
        self._progress = progress
        self.section = ""
        self.pages = 0  # pages laid out so far; the page count once built
        self.heading_pages: dict[str, int] = {}  # bookmark key -> page
        self.late: list[LateDrawing] = []  # forms to define once laid out
        self._footers: list[int] = []  # pages whose footer says "page N of M"
        portrait = page_size
        wide = landscape(page_size)
        self.addPageTemplates(
            [
                PageTemplate(
                    "cover",
                    [self._frame(portrait, 0)],
                    onPage=self._cover,
                    pagesize=portrait,
                ),
                PageTemplate(
                    "body",
                    [self._frame(portrait, 0)],
                    onPageEnd=self._furniture,
                    pagesize=portrait,
                ),
                PageTemplate(
                    "wide",
                    [self._frame(wide, 1)],
                    onPageEnd=self._furniture,
                    pagesize=wide,
                ),
            ]
        )
        # a larger landscape page for diagrams too big for the report's own
        larger = landscape(larger_size or page_size)
        self.addPageTemplates(
            PageTemplate(
                "larger",
                [self._frame(larger, 1)],
                onPageEnd=self._furniture,
                pagesize=larger,
            )
        )

    def _frame(self, size: tuple[float, float], wide: int) -> Frame:
        # landscape diagram pages use every millimetre the furniture leaves free
        side, top, bottom = (
            (WIDE_MARGIN, 16.5 * mm, 14 * mm) if wide else (MARGIN, 22 * mm, 18 * mm)
        )
        return Frame(
            side,
            bottom,
            size[0] - 2 * side,
            size[1] - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="wide" if wide else "body",
        )

    def first_page(self, name: str) -> None:
        """Start with this page template (cover, body or wide)."""
        ids = [t.id for t in self.pageTemplates]
        self._firstPageTemplateIndex = ids.index(name)

    @property
    def wide_frame(self) -> tuple[float, float]:
        f = self.pageTemplates[2].frames[0]
        return f._width, f._height

    @property
    def larger_frame(self) -> tuple[float, float]:
        f = self.pageTemplates[3].frames[0]
        return f._width, f._height

    @property
    def body_frame(self) -> tuple[float, float]:
        f = self.pageTemplates[1].frames[0]
        return f._width, f._height

    # -- hooks -----------------------------------------------------------------------

    def build_once(self, story: list[Flowable]) -> None:
        """Lay out and draw the story in a single pass and save the file."""
        self.build(story, canvasmaker=_FinishingCanvas)

    def beforeDocument(self) -> None:
        self.section = ""
        self.pages = 0
        self.heading_pages = {}
        self._footers = []
        self.canv.before_save = self._finish

    def afterPage(self) -> None:
        self.pages = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._progress is not None:
            self._progress()
        if not isinstance(flowable, Heading):
            return
        if flowable.section is not None:
            self.section = flowable.section
        key = getattr(flowable, "key", "") or f"h_{id(flowable)}"
        if key in self.heading_pages:  # the rest of a heading split over pages
            return
        self.heading_pages[key] = self.page
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(
            flowable.title, key, level=flowable.level, closed=flowable.level > 0
        )

    def _finish(self, canv: Canvas) -> None:
        """Define the forms that the pages refer to: each footer's "page N of M"
        (right-aligned, so the whole label is in the form) and the late drawings
        (the contents' page numbers)."""
        for n in self._footers:
            canv.beginForm(_footer_form(n), lowerx=-400, lowery=-5, upperx=0, uppery=12)
            canv.setFont(REGULAR, 7.5)
            canv.setFillColor(colour(INK))
            canv.drawRightString(0, 0, f"Page {n} of {self.pages}")
            canv.endForm()
        for draw in self.late:
            draw(canv, self.heading_pages)

    # -- page furniture --------------------------------------------------------------

    def _cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """The accent band across the top and, at the foot, the methods used."""
        w, h = canv._pagesize
        canv.saveState()
        canv.setFillColor(self.palette.c("accent"))
        canv.rect(0, h - 9 * mm, w, 9 * mm, stroke=0, fill=1)
        canv.rect(MARGIN, MARGIN + 16 * mm, 28 * mm, 1.6 * mm, stroke=0, fill=1)
        canv.setFillColor(colour(MUTED))
        canv.setFont(REGULAR, 7.5)
        y = MARGIN + 11 * mm
        for line in simpleSplit(COVER_NOTE, REGULAR, 7.5, w - 2 * MARGIN - 40 * mm):
            canv.drawString(MARGIN, y, line)
            y -= 10
        canv.restoreState()

    def _furniture(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Running header (project title, section) and footer (page N of M)."""
        w, h = canv._pagesize
        wide = w > h
        m = WIDE_MARGIN if wide else MARGIN
        canv.saveState()
        top = h - HEADER_GAP
        canv.setFont(BOLD, 7.5)
        canv.setFillColor(self.palette.c("accent_text"))
        canv.drawString(m, top, _fit(self.text.title, (w - 2 * m) * 0.55, BOLD, 7.5))
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(colour(MUTED))
        canv.drawRightString(
            w - m, top, _fit(self.section, (w - 2 * m) * 0.4, REGULAR, 7.5)
        )
        canv.setStrokeColor(colour(RULE))
        canv.setLineWidth(0.5)
        canv.line(m, top - 2.2 * mm, w - m, top - 2.2 * mm)
        bottom = HEADER_GAP - 3 * mm
        canv.line(m, bottom + 4 * mm, w - m, bottom + 4 * mm)
        canv.setFillColor(colour(MUTED))
        canv.drawString(
            m, bottom, _fit(self.text.footer, (w - 2 * m) * 0.6, REGULAR, 7.5)
        )
        # the page count is known once the last page is laid out (see _finish)
        canv.translate(w - m, bottom)
        canv.doForm(_footer_form(doc.page))
        self._footers.append(doc.page)
        canv.restoreState()


def _footer_form(page: int) -> str:
    return f"footer{page}"


def _fit(text: str, width: float, font: str, size: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    return fit_ellipsis(text[:300], width, lambda s: stringWidth(s, font, size))
