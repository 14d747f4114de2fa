"""Tests of the main window, its docks, files and recovery."""
