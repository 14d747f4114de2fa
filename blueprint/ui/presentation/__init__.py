"""Presentation mode: stepping through a diagram in front of a class.

`steps` and `sequence` are plain Python (no Qt), so the order of a presentation can
be computed and tested headless; the other modules are the Qt side.
"""
