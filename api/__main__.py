"""`python -m api`: the gazette command line (api/cli/main.py)."""

import sys

from api.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
