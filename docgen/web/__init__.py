"""Turn docgen into a page in the clerk's browser: `docgen serve`, or the docgen-trang icon.

The server is Werkzeug's threaded WSGI server (the one Flask is built on), bound to the
machine's own address (127.0.0.1) on a free port unless `--host` says otherwise; it serves
the Flask application of `docgen.web.app`. Flask and Werkzeug are small, pure Python, kept
by the Pallets project and run the same on Windows; a clerk's page has one user at a time,
so no production server is needed in front of it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import socket
import sys
import tempfile
import threading
import webbrowser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import DocgenError

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Running:
    """A started server: its address (with the access code when one is needed) and how to
    stop it."""

    url: str
    port: int
    stop: Callable[[], None]
    serve_forever: Callable[[], None]


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine's own address (no one else can reach it)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextlib.contextmanager
def started(root: Path, host: str = LOOPBACK, port: int = 0,
            code: str | None = None) -> Iterator[Running]:
    """Start the server (not yet serving) and remove its private folder when done.

    On another address than the machine's own, an access code is required: `code`, or one
    made now (it is in `Running.url`)."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    from docgen.web import guard
    from docgen.web.app import create_app
    from docgen.web.state import Config

    if not code:  # none on this machine's own address; made now for any other
        code = None if is_loopback(host) else guard.new_secret()
    workdir = Path(tempfile.mkdtemp(prefix="docgen-trang-"))

    class Quiet(WSGIRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass  # a clerk's console is not a request log

    try:
        config = Config(root=root, hosts=set(), code=code, workdir=workdir)
        app = create_app(config)
        try:
            server = make_server(host, port, app, threaded=True, request_handler=Quiet)
        except OSError as exc:
            raise DocgenError(f"Không mở được trang ở địa chỉ {host}:{port} "
                              f"({exc.strerror or exc}); hãy chọn cổng khác bằng --port.") \
                from exc
        real_port = server.server_port
        names = {f"{host}:{real_port}", f"127.0.0.1:{real_port}", f"localhost:{real_port}"}
        if not is_loopback(host):
            names |= {f"{name}:{real_port}" for name in _own_names()}
        config.hosts.update(name.lower() for name in names)
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        url = f"http://{shown}:{real_port}/" + (f"?ma={code}" if code else "")
        config.stop = lambda: threading.Thread(target=server.shutdown, daemon=True).start()
        threading.Thread(target=_get_ready, name="docgen-chuan-bi", daemon=True).start()
        try:
            yield Running(url, real_port, config.stop, server.serve_forever)
        finally:
            server.server_close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _get_ready() -> None:
    """Load what a build needs while the clerk reads the first page: the build's modules
    and every shipped template, prepared (or loaded from docgen.render.cache), so the
    first build does not wait for them. Anything that fails here is left to the build,
    which reports it as usual."""
    with contextlib.suppress(Exception):
        from docgen import build, check, templates  # noqa: F401 - imported to be ready
        from docgen.documents import KINDS

        for kind in KINDS.values():
            with contextlib.suppress(Exception):
                templates.load(kind, None, None).prepare()


def _own_names() -> set[str]:
    """The names and addresses of this machine, as a colleague's browser may use them."""
    names = {socket.gethostname(), socket.getfqdn()}
    with contextlib.suppress(OSError):
        names |= {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None)}
    return {n for n in names if n}


def serve(root: Path, host: str = LOOPBACK, port: int = 0, code: str | None = None,
          browser: bool = True, say: Callable[[str], None] = print) -> None:
    """Serve the page until stopped (Ctrl+C, or the page's "Tắt docgen" button)."""
    with started(root, host, port, code) as running:
        say(f"Trang docgen đang chạy tại: {running.url}")
        if not is_loopback(host):
            say("Trang mở cho máy khác: chỉ người có địa chỉ kèm mã truy cập trên mới vào "
                "được.")
        say(f"Thư mục lưu trữ: {root.resolve()}")
        say("Đóng cửa sổ này hoặc bấm Ctrl+C (hay nút “Tắt docgen” trên trang) để dừng.")
        if browser:
            threading.Timer(0.5, webbrowser.open, args=(running.url,)).start()
        with contextlib.suppress(KeyboardInterrupt):
            running.serve_forever()
        say("Đã dừng trang docgen.")


def default_root() -> Path:
    """The archive of the double-clicked launcher: 'docgen' in the user's Documents folder
    (their home folder when there is none), or the folder named by DOCGEN_KHO."""
    import os

    named = os.environ.get("DOCGEN_KHO")
    if named:
        return Path(named)
    documents = Path.home() / "Documents"
    return (documents if documents.is_dir() else Path.home()) / "docgen" / "reports"


def launch() -> None:
    """The `docgen-trang` launcher (a GUI script: no console window on Windows): serve the
    default archive and open the browser."""
    root = default_root()
    root.mkdir(parents=True, exist_ok=True)
    quiet = sys.stdout is None  # pythonw: nowhere to print
    serve(root, say=(lambda line: None) if quiet else print)
