"""Turn a build's steps into progress reports that the CLI and the web page show alike.

A build calls its `Progress` callback with a `Step` before each document is rendered,
checked and converted; the CLI draws a progress bar on a terminal (nothing when its output
is redirected) and the web page's build job keeps the last step for the page to poll.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Stage = Literal["read", "render", "lint", "archive", "pdf", "preview", "done"]

# What each stage is called on screen: "Lập văn bản 3/14: 2021_cum-ix_bao-cao.docx".
STAGE_WORDS: dict[str, str] = {
    "read": "Đọc và kiểm tra sổ tính",
    "render": "Lập văn bản",
    "lint": "Kiểm tra thể thức",
    "archive": "Lưu vào kho",
    "pdf": "Xuất PDF",
    "preview": "Tạo ảnh xem trước",
    "done": "Xong",
}


@dataclass(frozen=True)
class Step:
    """One step of a build: its stage, how many of the stage's items are done before this
    one (`done`) out of `total`, and the item's name (a file name, or '')."""

    stage: Stage
    done: int = 0
    total: int = 0
    name: str = ""

    def words(self) -> str:
        """The step as one Vietnamese line."""
        line = STAGE_WORDS[self.stage]
        if self.total:
            line += f" {min(self.done + 1, self.total)}/{self.total}"
        return f"{line}: {self.name}" if self.name else line


Progress = Callable[[Step], None]


def ignore(step: Step) -> None:
    """A Progress that reports nothing."""
