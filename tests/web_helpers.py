"""Helpers of the browser tests (tests/test_web_browser.py): docgen's page served in a
thread, Chromium's launch options, a page's tables as text, full-page screenshots, and a
second local site that posts forms to docgen."""

from __future__ import annotations

import contextlib
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.web import started

CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, never a downloaded one; quiet (no update, sync or first-run traffic).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS_ENV = "DOCGEN_SCREENSHOTS"


@dataclass(frozen=True)
class Server:
    """A running docgen page: its address (no trailing slash) and its archive folder."""

    base: str
    root: Path
    thread: threading.Thread


@contextlib.contextmanager
def docgen_server(root: Path) -> Iterator[Server]:
    """`docgen serve` over the archive `root` on a free port of 127.0.0.1, in a thread;
    stopped (and its port closed) afterwards."""
    with started(root) as running:
        thread = threading.Thread(target=running.serve_forever, daemon=True,
                                  name="docgen-serve-test")
        thread.start()
        try:
            yield Server(running.url.rstrip("/"), root, thread)
        finally:
            running.stop()
            thread.join(timeout=10)


def table_rows(page: Any, table: str) -> list[list[str]]:
    """The text of each body row's cells of the table `table` (a CSS selector), as shown."""
    rows: list[list[str]] = page.eval_on_selector_all(
        f"{table} tbody tr",
        "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))")
    return rows


def table_headers(page: Any, table: str) -> list[str]:
    """The header cells' text of the table `table`."""
    headers: list[str] = page.eval_on_selector_all(
        f"{table} thead th", "cells => cells.map(c => c.innerText.trim())")
    return headers


# Images are loaded lazily: load them all before a full-page picture, so that none is blank.
_LOAD_IMAGES = """async () => {
  for (const img of document.images) { img.loading = "eager"; }
  await Promise.all(Array.from(document.images, img => img.complete ? null :
      new Promise(done => { img.addEventListener("load", done);
                            img.addEventListener("error", done); })));
}"""


def load_images(page: Any) -> None:
    """Load every image of the page, lazy ones too, and wait until each has come. (Closing
    a tab while the server still sends a picture drops the connection, and Werkzeug's
    server then leaves the picture's file to the garbage collector: a ResourceWarning.)"""
    page.evaluate(_LOAD_IMAGES)


class Screens:
    """Full-page pictures of the pages visited, into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.taken: list[Path] = []

    def shoot(self, page: Any, name: str) -> Path:
        """Save the whole page as `<name>.png`."""
        load_images(page)
        path = self.folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


def screens_folder(fallback: Path) -> Path:
    """The folder named by DOCGEN_SCREENSHOTS (made if needed), else `fallback`."""
    named = os.environ.get(SCREENSHOTS_ENV)
    if not named:
        return fallback
    folder = Path(named)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def forged_form(action: str) -> str:
    """A page of another site with a form that posts to `action` by itself (no docgen form
    code: the other site cannot read it)."""
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Trang khác</title>"
            "</head><body><h1>Trúng thưởng!</h1>"
            f"<form id='bay' method='post' action='{action}'>"
            "<input type='hidden' name='nam' value='2030'>"
            "<button type='submit'>Nhận quà</button></form></body></html>")


@contextlib.contextmanager
def other_site(html: str) -> Iterator[str]:
    """Another local web server (a free port of 127.0.0.1) answering `html` to every GET;
    its address, closed afterwards."""
    body = html.encode("utf-8")

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # no request log in the test output

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="other-site")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
