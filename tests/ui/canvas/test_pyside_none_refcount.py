"""PySide6 6.12.0 drops a reference to None on QGraphicsItem.setPos/setFlags from
Python subclasses (the interpreter aborts after a few thousand calls); this guards
the pinned version against that regression."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


class _Item(QGraphicsItem):
    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 10, 10)

    def paint(self, painter, option, widget=None) -> None:
        pass


# From Python 3.12 None is immortal and its count never changes: nothing to see.
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+"
)


def _none_refs_after(call) -> int:
    before = sys.getrefcount(None)
    for i in range(1000):
        call(i)
    return sys.getrefcount(None) - before


def test_set_pos_keeps_none_alive(qapp):
    scene = QGraphicsScene()
    item = _Item()
    scene.addItem(item)
    assert _none_refs_after(lambda i: item.setPos(i, i)) >= -5


def test_set_flags_keeps_none_alive(qapp):
    item = _Item()
    flags = (
        QGraphicsItem.GraphicsItemFlag.ItemIsSelectable,
        QGraphicsItem.GraphicsItemFlag.ItemIsMovable,
    )
    assert _none_refs_after(lambda i: item.setFlags(flags[i % 2])) >= -5
    assert _none_refs_after(lambda i: item.setFlag(flags[i % 2], bool(i % 3))) >= -5
