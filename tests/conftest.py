"""Test set-up: Qt renders offscreen and nothing touches the user's own settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
