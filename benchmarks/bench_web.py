"""Measure how long a clerk waits on docgen's web page (`docgen serve`).

Run: python benchmarks/bench_web.py [N]. Starts the page in a fresh process (as `docgen
serve` would, with an empty archive), then over real HTTP on 127.0.0.1:
- the time to the server's first answer after the process starts;
- the median load of the home page, of the check page and of the build page (N times);
- checking the sample workbook through the page (upload to results): the first time, then
  N more (the server keeps a checked workbook by the hash of its bytes);
- building the sample through the page, from the upload to the finished job: the first
  build ever (an empty cache of prepared templates: a new installation), then N more of
  the same workbook (the server keeps the prepared templates between requests);
- after the rest, the first build of a second server process, which loads the templates
  the first one saved (docgen.render.cache);
- the home page again, now with the set to list and verify.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"
SERVER = """
import sys, threading
from pathlib import Path
from docgen.web import started
with started(Path(sys.argv[1])) as running:
    print(running.url, flush=True)
    running.serve_forever()
"""


class Client:
    """A browser-like client: keeps the session cookie, sends the page's form code."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path) as answer:
            return str(answer.read().decode("utf-8"))

    def form_code(self, path: str) -> str:
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', self.get(path))
        assert found is not None
        return found.group(1)

    def post(self, path: str, fields: dict[str, str], files: dict[str, Path]) -> tuple[str, str]:
        """POST a multipart form; return the final address and the page."""
        boundary = uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                         f"\r\n\r\n{value}\r\n".encode())
        for name, path_ in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                         f'filename="{path_.name}"\r\nContent-Type: application/octet-stream'
                         "\r\n\r\n".encode() + path_.read_bytes() + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(
            self.base + path, data=body, method="POST",
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                     "Origin": self.base.rstrip("/")})
        with self.opener.open(request) as answer:
            return str(answer.url), str(answer.read().decode("utf-8"))


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def build_once(client: Client) -> float:
    """Upload the sample on the build page and wait for the job to finish; milliseconds."""
    code = client.form_code("/lap-van-ban")
    start = time.perf_counter()
    url, _ = client.post("/lap-van-ban", {"csrf": code}, {"so_tinh": SAMPLE})
    job = url.rsplit("/", 1)[-1]
    while not json.loads(client.get(f"/viec/{job}/trang-thai"))["xong"]:
        time.sleep(0.02)
    elapsed = _ms(start)
    page = client.get(f"/viec/{job}")
    assert "Đã lập 14 văn bản" in page, page[:2000]
    return elapsed


def _server(root: str, cache: str) -> subprocess.Popen[str]:
    """A fresh `docgen serve` process on the archive `root`, saving prepared templates in
    `cache` (docgen.render.cache)."""
    return subprocess.Popen([sys.executable, "-c", SERVER, root], stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "DOCGEN_CACHE": cache})


def second_process(root: str, cache: str) -> float:
    """The first build of a new server process when an earlier one saved the prepared
    templates (what a clerk sees on every later start); milliseconds."""
    server = _server(root, cache)
    try:
        assert server.stdout is not None
        client = Client(server.stdout.readline().strip())
        client.get("/")
        return build_once(client)
    finally:
        server.terminate()
        server.wait()
        if server.stdout is not None:
            server.stdout.close()


def main(runs: int = 5) -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as root, tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        server = _server(root, cache)
        try:
            assert server.stdout is not None
            base = server.stdout.readline().strip()
            client = Client(base)
            client.get("/")
            print(f"server start to first page:  {_ms(start):8.0f} ms")
            for path, name in (("/", "home (archive)"), ("/kiem-tra", "check page"),
                               ("/lap-van-ban", "build page")):
                times = []
                for _ in range(runs):
                    t = time.perf_counter()
                    client.get(path)
                    times.append(_ms(t))
                print(f"load {name + ':':<24}{statistics.median(times):8.1f} ms")
            checks = []
            for _ in range(runs):
                code = client.form_code("/kiem-tra")
                t = time.perf_counter()
                _, page = client.post("/kiem-tra", {"csrf": code}, {"so_tinh": SAMPLE})
                checks.append(_ms(t))
                assert "Sổ tính hợp lệ" in page
            print(f"first check of the sample:  {checks[0]:8.0f} ms")
            print(f"later checks (kept by hash): {statistics.median(checks[1:]):7.0f} ms")
            first = build_once(client)
            later = [build_once(client) for _ in range(runs)]
            print(f"first build ever (nothing prepared): {first:5.0f} ms")
            print(f"later builds (median of {runs}): {statistics.median(later):6.0f} ms "
                  f"({first / statistics.median(later):.2f}x faster)")
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                home = client.get("/")
                times.append(_ms(t))
            assert "cum-ix" in home
            print(f"load home with the set:     {statistics.median(times):8.1f} ms "
                  "(each set verified)")
        finally:
            server.terminate()
            server.wait()
            if server.stdout is not None:
                server.stdout.close()
        restarted = second_process(root, cache)
        print(f"first build of a new process (templates saved earlier): {restarted:5.0f} ms "
              f"({restarted / statistics.median(later):.2f}x the later builds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
