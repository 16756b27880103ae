"""`python -m docgen`: the same as the `docgen` command (for a PC where Scripts is not on PATH)."""

import sys

from docgen.cli import main

sys.exit(main())
