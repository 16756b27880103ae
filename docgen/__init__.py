"""docgen: turn an emulation cluster's year-end workbook into Decree 30 Word documents."""

import logging

__version__ = "0.1.0"

# A library's warnings (repairs made while reading a workbook) go to logging.getLogger("docgen")
# and are also returned to the caller; the program using docgen decides how they are shown.
# Without a handler, Python's last-resort handler would print each one to stderr as well.
logging.getLogger("docgen").addHandler(logging.NullHandler())
