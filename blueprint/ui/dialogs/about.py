"""The About dialog: version, licences of what Blueprint bundles, and its privacy."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from blueprint import __version__
from blueprint.resources import resource
from blueprint.ui.icons import app_icon

NO_NETWORK = (
    "Blueprint makes no network connections: your projects stay on your computer, "
    "and nothing is sent anywhere, ever."
)

# distribution name -> (shown name, licence, use)
LIBRARIES = (
    (
        "PySide6-Essentials",
        "Qt for Python (PySide6) and Qt",
        "LGPL-3.0",
        "user interface",
    ),
    ("SQLAlchemy", "SQLAlchemy", "MIT", "project files"),
    ("networkx", "NetworkX", "BSD-3-Clause", "analysis"),
    ("reportlab", "ReportLab", "BSD", "PDF reports"),
    ("defusedxml", "defusedxml", "PSF-2.0", "safe XML import"),
    # bundled because the libraries above need them
    ("shiboken6", "Shiboken6", "LGPL-3.0", "Qt for Python bindings"),
    ("pillow", "Pillow", "MIT-CMU", "images in PDF reports (ReportLab)"),
    ("charset-normalizer", "charset-normalizer", "MIT", "text encodings (ReportLab)"),
    ("typing-extensions", "typing_extensions", "PSF-2.0", "SQLAlchemy"),
)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def library_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for dist, name, licence, use in LIBRARIES:
        version = pyside_version if dist.startswith("PySide6") else _version(dist)
        rows.append((name, version, licence, use))
    rows.append(("SQLite", "bundled with Python", "public domain", "project files"))
    return rows


def font_licence() -> str:
    try:
        return resource("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    except OSError:
        return "The DejaVu fonts' licence file is missing from this installation."


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Blueprint")
        self.setAccessibleName("About Blueprint")

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(
            f"<h2 style='margin:0'>Blueprint {html.escape(__version__)}</h2>"
            "<p style='margin:4px 0'>An editor for service blueprints, Grönroos' "
            "service production system, service delivery systems and the Gaps "
            "model.</p>"
            f"<p style='margin:4px 0'><b>{html.escape(NO_NETWORK)}</b></p>"
            f"<p style='margin:4px 0;color:#57606a'>Qt {html.escape(qVersion())}"
            "</p>"
        )
        title.setWordWrap(True)
        self.summary = title
        header = QHBoxLayout()
        header.addWidget(logo, 0)
        header.addWidget(title, 1)

        rows = "".join(
            f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td>"
            f"<td>{html.escape(lic)}</td><td>{html.escape(use)}</td></tr>"
            for n, v, lic, use in library_rows()
        )
        libraries = QLabel(
            "<table cellspacing='0' cellpadding='4'>"
            "<tr><th align='left'>Library</th><th align='left'>Version</th>"
            "<th align='left'>Licence</th><th align='left'>Used for</th></tr>"
            f"{rows}</table>"
            "<p>The interface and reports use the DejaVu Sans fonts (Bitstream Vera "
            "licence, see the Fonts tab).</p>"
        )
        libraries.setWordWrap(True)
        libraries.setAccessibleName("Libraries and licences")
        fonts = QPlainTextEdit(font_licence())
        fonts.setReadOnly(True)
        fonts.setAccessibleName("Font licence")
        tabs = QTabWidget()
        tabs.addTab(libraries, "&Libraries")
        tabs.addTab(fonts, "&Fonts")
        self.tabs = tabs

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
