"""The caption bar under a presented diagram: section, title, text and source in
type large enough to read from the back of a classroom."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from blueprint import theme

from .steps import Step

BAR = "#161b22"
ACCENT = "#f2a900"
INK = "#f6f8fa"
SOFT_INK = "#d0d7de"
MUTED_INK = "#8b949e"
TEXT_LINES = 3  # lines of a step's text shown; the rest is elided
BAR_HEIGHT = 0.30  # of the screen: the diagram keeps the same area on every step

# type sizes as fractions of the screen's height (1080 px: 22, 48, 32, 19 px)
SIZES = {"section": 0.020, "title": 0.044, "text": 0.030, "source": 0.0175}


def _fitted(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """The text, cut at a word and elided, so it wraps into `lines` lines."""

    def height(candidate: str) -> int:
        box = QRect(0, 0, max(1, width), 100_000)
        flags = Qt.TextFlag.TextWordWrap
        return metrics.boundingRect(box, flags, candidate).height()

    limit = height("X") * lines  # wrapped lines are a pixel taller than lineSpacing

    def fits(candidate: str) -> bool:
        return height(candidate) <= limit

    if width <= 0 or fits(text):
        return text
    words = text.split(" ")
    low, high = 0, len(words)  # the most words that fit, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]).rstrip(" ,;:.") + "…"):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]).rstrip(" ,;:.") + "…"


class _FittedLabel(QLabel):
    """A wrapping label that elides its text to a number of lines at any width."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines
        self.full_text = ""
        self.setWordWrap(True)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._fit()

    def _fit(self) -> None:
        fitted = _fitted(self.full_text, self.fontMetrics(), self.width(), self.lines)
        if fitted != self.text():
            self.setText(fitted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class _Progress(QWidget):
    """A thin line across the top of the bar: how far through the steps."""

    def __init__(self) -> None:
        super().__init__()
        self.fraction = 0.0
        self.setFixedHeight(5)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.transparent)
        painter.fillRect(0, 0, round(self.width() * self.fraction), 5, ACCENT)
        painter.end()


class CaptionBar(QFrame):
    """Shows a step's caption; `set_scale` sizes the type for the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentation_caption")
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"QFrame#presentation_caption {{ background: {BAR}; }}")
        self.progress = _Progress()
        self.section = self._label("section", ACCENT)
        self.title = _FittedLabel(2)
        self.text = _FittedLabel(TEXT_LINES)
        self.source = _FittedLabel(2)
        self._label("title", INK, self.title)
        self._label("text", SOFT_INK, self.text)
        self._label("source", MUTED_INK, self.source)
        self.counter = self._label("counter", MUTED_INK)
        self.hint = self._label("hint", MUTED_INK)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)

        side = QVBoxLayout()
        side.addWidget(self.counter)
        side.addStretch(1)
        side.addWidget(self.hint)
        words = QVBoxLayout()
        words.setSpacing(4)
        for label in (self.section, self.title, self.text, self.source):
            words.addWidget(label)
        words.addStretch(1)  # a short caption sits at the top, not spread out
        self._body = QHBoxLayout()
        self._body.addLayout(words, 1)
        self._body.addLayout(side)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.progress)
        outer.addLayout(self._body)
        self.set_scale(1080)

    def _label(self, name: str, colour: str, label: QLabel | None = None) -> QLabel:
        label = label or QLabel()
        label.setObjectName(f"caption_{name}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"color: {colour}; background: transparent;")
        return label

    def set_scale(self, screen_height: int) -> None:
        """Type and margins in proportion to the screen the class looks at."""
        h = max(480, screen_height)

        def font(size: float, weight: QFont.Weight, spacing: float = 0) -> QFont:
            f = QFont(theme.FONT_FAMILY)
            f.setPixelSize(max(11, round(h * size)))
            f.setWeight(weight)
            if spacing:
                f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
            return f

        self.section.setFont(font(SIZES["section"], QFont.Weight.Bold, 1.5))
        self.title.setFont(font(SIZES["title"], QFont.Weight.Bold))
        self.text.setFont(font(SIZES["text"], QFont.Weight.Normal))
        self.source.setFont(font(SIZES["source"], QFont.Weight.Normal))
        self.counter.setFont(font(SIZES["text"], QFont.Weight.DemiBold))
        self.hint.setFont(font(SIZES["source"], QFont.Weight.Normal))
        pad = round(h * 0.028)
        self._body.setContentsMargins(pad * 2, pad, pad * 2, pad)
        self._body.setSpacing(pad)
        self.setFixedHeight(round(h * BAR_HEIGHT))
        for label in (self.title, self.text, self.source):
            label.set_full_text(label.full_text)  # refit in the new type size

    def set_step(self, step: Step, index: int, count: int) -> None:
        self.section.setText(step.section.upper())
        self.title.set_full_text(step.title)
        self.text.set_full_text(step.text)
        self.text.setVisible(bool(step.text))
        self.source.set_full_text(f"Source: {step.source}" if step.source else "")
        self.source.setVisible(bool(step.source))
        self.counter.setText(f"{index + 1} / {count}")
        self.hint.setText(
            "Space or → next  ·  ← back  ·  Esc leaves" if index == 0 else ""
        )
        self.progress.fraction = (index + 1) / count if count else 0.0
        self.progress.update()

    def caption(self) -> tuple[str, str]:
        """(title, full text) of the step shown."""
        return self.title.full_text, self.text.full_text
