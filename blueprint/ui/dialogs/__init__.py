"""Dialogs of the editor: prompts, preferences, about, recovery, new diagram."""
