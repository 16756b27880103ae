"""Turn "how much is too much" for a workbook into constants, checked before openpyxl loads it.

A real cluster workbook is well under 1 MB, 20 000 cells and a few hundred styles; each
limit leaves a wide margin above that and keeps a hostile file's reading under about five
seconds and 500 MB (see tests/test_hostile.py). The guard (docgen.intake.guard, with the
file and zip checks of docgen.zipguard) and the cell reader (docgen.intake.source) enforce
them.
"""

from __future__ import annotations

from docgen.zipguard import Rules

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file on disk
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024  # all entries of the zip, as declared
MAX_XML_BYTES = 20 * 1024 * 1024  # the XML parts openpyxl parses (all but media)
MAX_ENTRIES = 5_000  # files inside the zip
MAX_RATIO = 500  # uncompressed/compressed size of one entry larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_CELLS = 200_000  # cells of the workbook (merged and linked ranges counted cell by cell),
#                      and rows x columns of any one sheet
MAX_SHARED_STRINGS = 200_000  # distinct texts in xl/sharedStrings.xml
MAX_STYLES = 20_000  # cell formats (<xf>) in xl/styles.xml; Excel itself stops at 64 000
MAX_COMMENTS = 20_000  # cell comments (notes)
MAX_TEXT_CHARS = 10_000  # characters in one cell

# The file and zip limits above, with the wording of a workbook's refusals.
XLSX = Rules(
    suffix=".xlsx", noun="sổ tính", main_part="xl/workbook.xml",
    size_advice="hãy xóa các trang, hình ảnh không cần rồi lưu lại",
    xml_advice="hãy xóa các trang, dòng, cột thừa rồi lưu lại",
    max_file_bytes=MAX_FILE_BYTES, max_entries=MAX_ENTRIES,
    max_uncompressed_bytes=MAX_UNCOMPRESSED_BYTES, max_xml_bytes=MAX_XML_BYTES,
    max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR, max_xml_depth=100,
)
