"""`python -m blueprint` runs the command-line interface."""

import sys

from blueprint.cli import main

sys.exit(main())
