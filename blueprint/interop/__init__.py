"""Interoperability with other tools' file formats: draw.io import and export."""
