"""Docked panels of the main window: palette, outline, inspector, undo history."""
