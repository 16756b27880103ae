"""docgen: turn an emulation cluster's year-end workbook into Decree 30 Word documents."""

__version__ = "0.1.0"
