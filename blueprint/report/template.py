"""The page design: cover, portrait and landscape pages, running header and footer,
contents entries, PDF outline and "page N of M"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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


def layout_only(canv: Canvas) -> bool:
    """Whether this layout pass is sure not to be the one saved (the first pass
    never is: its page count is not known yet), so drawing can be skipped."""
    return getattr(canv, "layout_only", False)


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


class PageCount(Flowable):
    """Knows the page count of the previous pass; asks for another pass until
    the count it showed in "page N of M" is the count the document has."""

    def __init__(self) -> None:
        super().__init__()
        self.total = 0
        self._shown = -1
        self.doc: ReportTemplate | None = None

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        self._shown = self.total

    def afterBuild(self) -> None:
        if self.doc is not None:
            self.total = self.doc.page

    def isSatisfied(self) -> bool:
        return self._shown == self.total

    def notify(self, kind: str, stuff: object) -> None:
        pass  # every indexing flowable hears every notice; counting needs none

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


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
        count: PageCount,
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
        self.count = count
        count.doc = self
        self._progress = progress
        self.section = ""
        self._keys = 0
        self._passes = 0
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

    def beforeDocument(self) -> None:
        self._keys = 0
        self.section = ""
        self._passes += 1
        # the first pass only measures: "page N of M" is unknown until it ends,
        # so PageCount always asks for a second pass, which is drawn in full
        self.canv.layout_only = self._passes == 1

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._progress is not None:
            self._progress()
        if not isinstance(flowable, Heading):
            return
        if flowable.section is not None:
            self.section = flowable.section
        key = f"h{self._keys}"
        self._keys += 1
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(
            flowable.title, key, level=flowable.level, closed=flowable.level > 0
        )
        if flowable.contents:
            entry = (flowable.level, flowable.toc_markup, self.page, key)
            self.notify("TOCEntry", entry)

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
        total = self.count.total
        label = f"Page {doc.page} of {total}" if total else f"Page {doc.page}"
        canv.setFillColor(colour(INK))
        canv.drawRightString(w - m, bottom, label)
        canv.restoreState()


def _fit(text: str, width: float, font: str, size: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    return fit_ellipsis(text[:300], width, lambda s: stringWidth(s, font, size))
