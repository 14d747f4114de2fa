"""Entry point of the frozen application: the same `blueprint` command line."""

import sys

from blueprint.cli import main

if __name__ == "__main__":
    sys.exit(main())
