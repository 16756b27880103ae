"""Turn failures of every stage into one family of exceptions with Vietnamese messages.

The CLI maps any `DocgenError` to exit status 1 and prints its message; nothing else
should reach the user as a traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


class DocgenError(Exception):
    """Root of every error docgen reports to a user (message in Vietnamese)."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a workbook, with its place.

    `cell` is an A1 reference, or None when the problem concerns a whole sheet or column.
    `field` is the Vietnamese header of the column or form row, or None.
    """

    sheet: str
    cell: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"Trang '{self.sheet}'"
        if self.cell:
            where += f", ô {self.cell}"
        if self.field:
            where += f" ({self.field})"
        return f"{where}: {self.message}"


class IntakeError(DocgenError):
    """The workbook cannot be opened or read at all (not an .xlsx, missing file ...)."""


class ValidationFailed(DocgenError):
    """The workbook was read but holds problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        lines = [f"Sổ tính có {count} lỗi cần sửa:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class RenderError(DocgenError):
    """A template could not be rendered (names the template and the tag)."""


class FormatCheckFailed(DocgenError):
    """A built document breaks a Decree 30 layout rule."""


class ArchiveError(DocgenError):
    """Documents could not be written to the archive folder."""


# Vietnamese for the operating-system errors a clerk can meet on a PC or a shared drive.
_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp trên ổ đĩa",
    errno.EACCES: "không có quyền ghi hoặc tệp đang được mở ở chương trình khác",
    errno.EPERM: "không có quyền thực hiện",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EIO: "lỗi đọc/ghi ổ đĩa",
    errno.ENOENT: "không tìm thấy thư mục hoặc tệp",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EISDIR: "đường dẫn là một thư mục",
    errno.EEXIST: "đã có tệp hoặc thư mục cùng tên",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
}


def os_reason(exc: OSError) -> str:
    """A short Vietnamese reason for an OS error, with its number for the IT person."""
    if getattr(exc, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION
        return "tệp đang được mở ở chương trình khác (ví dụ Word); hãy đóng tệp rồi chạy lại"
    reason = _OS_REASONS.get(exc.errno or 0, "lỗi hệ thống")
    return f"{reason} (mã lỗi {exc.errno})" if exc.errno else reason
