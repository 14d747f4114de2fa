"""write_report: a project to a PDF file, atomically, with options and progress."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A2, A3, A4, LETTER, TABLOID
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from blueprint.model import Diagram, Document

from .contents import Contents
from .context import Context
from .diagram_page import diagram_pages, no_diagrams
from .diagram_tables import annotations_section, steps_section
from .fonts import FontError, register_fonts
from .front import contents, cover, summary
from .registers import findings_section, gap_register, quality_section, servqual_section
from .styles import Palette
from .template import PageText, ReportTemplate, number_headings

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A3": A3, "letter": LETTER}
LARGER = {"A4": A3, "A3": A2, "letter": TABLOID}
LARGE_DIAGRAMS = ("tile", "larger")
SECTIONS = (
    "cover",
    "contents",
    "summary",
    "diagrams",
    "gaps",
    "quality",
    "servqual",
    "findings",
)
# what a dialog calls each section
SECTION_TITLES = {
    "cover": "Cover",
    "contents": "Table of contents",
    "summary": "Executive summary",
    "diagrams": "Diagrams, their steps and annotations",
    "gaps": "Gap register",
    "quality": "Quality scorecard",
    "servqual": "SERVQUAL",
    "findings": "Analysis findings",
}
Progress = Callable[[int, int, str], None]


class ReportError(Exception):
    """A report that cannot be written; the message is one line for the user."""


@dataclass(frozen=True)
class ReportOptions:
    page_size: str = "A4"  # A4, A3 or letter
    diagrams: list[str] | None = None  # names or ids; None: every diagram
    sections: set[str] | None = None  # of SECTIONS; None: all of them
    progress: Progress | None = None  # (done, total, what) as the report is made
    date: dt.date | None = None  # the date on the cover; None: today
    # a diagram too large for one page at a legible size: "tile" it across pages
    # of the report's size (prints on any printer) or put it on a "larger" page
    # (A4 -> A3, letter -> tabloid, A3 -> A2; easier on screen)
    large_diagrams: str = "tile"


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    diagrams: int
    seconds: float
    tiled: dict[str, int] = field(default_factory=dict)  # diagram name -> pages
    warnings: tuple[str, ...] = ()


def _page_size(name: str) -> tuple[float, float]:
    for key, size in PAGE_SIZES.items():
        if key.lower() == str(name).lower():
            return size
    raise ReportError(f"report: unknown page size {name!r} (use A4, A3 or letter)")


def _chosen(doc: Document, wanted: list[str] | None) -> list[Diagram]:
    diagrams = doc.diagrams()
    if wanted is None:
        return diagrams
    chosen: list[Diagram] = []
    for key in wanted:
        match = next((d for d in diagrams if d.id == key), None) or doc.diagram_named(
            key
        )
        if match is None:
            raise ReportError(f"report: the project has no diagram named {key!r}")
        if match not in chosen:
            chosen.append(match)
    return sorted(chosen, key=diagrams.index)


def _sections(wanted: set[str] | None) -> set[str]:
    if wanted is None:
        return set(SECTIONS)
    unknown = sorted(set(wanted) - set(SECTIONS))
    if unknown:
        raise ReportError(
            f"report: unknown section {unknown[0]!r} (choose from "
            f"{', '.join(SECTIONS)})"
        )
    return set(wanted)


def _target(path: str | os.PathLike[str]) -> Path:
    out = Path(path)
    if out.is_dir():
        raise ReportError(f"{out}: is a folder, not a file name for the report")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(
            f"{out}: cannot write the report: folder {folder} does not exist"
        )
    if not os.access(folder, os.W_OK):
        raise ReportError(
            f"{out}: cannot write the report: no permission to write in {folder}"
        )
    if out.exists() and not os.access(out, os.W_OK):
        raise ReportError(f"{out}: cannot write the report: the file is read-only")
    return out


def write_report(
    doc: Document, path: str | os.PathLike[str], options: ReportOptions | None = None
) -> ReportResult:
    """Write the project's report as a PDF at path (replacing it only once the
    new file is complete). Raises ReportError with a one-line message.

    The document is read throughout; to report from a worker thread while the
    editor stays usable, pass a copy: Document(doc.project) with every other
    entity of doc.state() applied in one Change (entities are frozen, so the
    copy is cheap)."""
    options = options or ReportOptions()
    started = time.perf_counter()
    size = _page_size(options.page_size)
    if options.large_diagrams not in LARGE_DIAGRAMS:
        raise ReportError(
            f"report: large_diagrams must be 'tile' or 'larger', not "
            f"{options.large_diagrams!r}"
        )
    larger = next(LARGER[k] for k, v in PAGE_SIZES.items() if v == size)
    diagrams = _chosen(doc, options.diagrams)
    sections = _sections(options.sections)
    out = _target(path)
    try:
        register_fonts()
    except FontError as exc:
        raise ReportError(f"report: {exc}") from exc
    palette = Palette.from_accent(doc.project.accent_colour)
    progress = _Progress(options.progress)
    progress.say("Analysing the project")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        project = doc.project
        footer = " · ".join(
            x for x in (project.client.strip(), project.author.strip()) if x
        )
        template = ReportTemplate(
            tmp,
            size,
            palette,
            PageText(project.title, footer or "Service design report"),
            larger_size=larger,
            progress=progress.tick,
            title=project.title,
            author=project.author,
            subject="Service design report",
        )
        ctx = Context.create(
            doc,
            diagrams,
            palette,
            template.body_frame,
            template.wide_frame,
            template.larger_frame,
        )
        warnings: list[str] = []
        story, tiled = _story(ctx, sections, options, warnings, progress)
        warnings += ctx.warnings
        template.first_page(_first_page(story, "cover" in sections))
        headings = number_headings(story)
        for toc in (f for f in story if isinstance(f, Contents)):
            toc.set_entries(headings)
            template.late.append(toc.define_forms)
        progress.layout(len(story))
        template.build_once(story)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
        _sync_folder(out.parent)
    except ReportError:
        _discard(tmp)
        raise
    except OSError as exc:
        _discard(tmp)
        reason = exc.strerror or str(exc)
        raise ReportError(f"{out}: cannot write the report: {reason}") from exc
    except BaseException:
        _discard(tmp)
        raise
    progress.done()
    return ReportResult(
        out,
        template.pages,
        len(diagrams),
        time.perf_counter() - started,
        tiled,
        tuple(warnings),
    )


def _story(
    ctx: Context,
    sections: set[str],
    options: ReportOptions,
    warnings: list[str],
    progress: _Progress,
):
    story: list[Flowable] = []
    tiled: dict[str, int] = {}
    if "cover" in sections:
        story += cover(ctx, options.date or dt.date.today(), warnings)
    if "contents" in sections:
        story += contents(ctx)
    if "summary" in sections:
        story += summary(ctx)
    if "diagrams" in sections:
        if not ctx.diagrams:
            story += no_diagrams(ctx)
        for d in ctx.diagrams:
            progress.say(f"Drawing {d.name}")
            pages, plan = diagram_pages(ctx, d.id, options.large_diagrams == "larger")
            if plan.tiled:
                tiled[d.name] = len(plan.viewports)
            story += pages + steps_section(ctx, d.id) + annotations_section(ctx, d.id)
    for name, make in (
        ("gaps", gap_register),
        ("quality", quality_section),
        ("servqual", servqual_section),
        ("findings", findings_section),
    ):
        if name in sections:
            story += make(ctx)
    if not story:
        raise ReportError("report: no sections chosen, nothing to write")
    return story, tiled


def _first_page(story: list[Flowable], has_cover: bool) -> str:
    """The template of the first page. Without a cover, drop the leading page
    break that would leave the first page empty."""
    if has_cover:
        return "cover"
    template = "body"
    while story and isinstance(story[0], NextPageTemplate | PageBreak):
        if isinstance(story[0], NextPageTemplate):
            template = story[0].action[1]
        story.pop(0)
    return template


class _Progress:
    """Reports (done, total, what): preparation steps, then laid-out flowables;
    never goes backwards, ends at total."""

    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.done_steps, self.total, self.what = 0, 100, "Preparing"

    def say(self, what: str) -> None:
        self.what = what
        self._emit()

    def layout(self, flowables: int) -> None:
        self.done_steps, self.total = 0, max(flowables, 1) + 1
        self.what = "Laying out pages"
        self._emit()

    def tick(self) -> None:
        if self.callback is not None and self.done_steps < self.total - 1:
            self.done_steps += 1
            if self.done_steps % 10 == 0:
                self._emit()

    def done(self) -> None:
        self.done_steps, self.what = self.total, "Done"
        self._emit()

    def _emit(self) -> None:
        if self.callback is not None:
            self.callback(self.done_steps, self.total, self.what)


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
