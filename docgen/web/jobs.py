"""Turn a long task of the web page (a build, with PDF and previews) into a background job
that the page follows: its last step, then its result or its error.

Builds of one server run one at a time (they share the prepared templates and the machine's
processor); a build of another program on the same archive waits on the archive's own lock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docgen.errors import DocgenError, Problem, ValidationFailed
from docgen.progress import Step

KEEP = 50  # finished jobs remembered (their pages stay reachable)


@dataclass
class Job:
    """One task: its last step, and when finished its result or its error (the message,
    and for a workbook the problems with their places)."""

    id: str
    title: str
    step: Step = field(default_factory=lambda: Step("read"))
    result: Any = None
    error: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    finished: bool = False
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    def report(self, step: Step) -> None:
        self.step = step

    def state(self) -> dict[str, Any]:
        """What the page polls: the step in words, how far, and whether done."""
        return {"xong": self.finished, "loi": self.error is not None,
                "buoc": self.step.words(), "da_xong": self.step.done,
                "tong": self.step.total}


class Jobs:
    """The server's jobs by id; runs each in a thread, one build at a time."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self.one_at_a_time = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(self, job: Job, work: Callable[[Job], Any],
              cleanup: Callable[[], None] | None = None) -> Job:
        """Run `work(job)` in the background; its value is the result, a DocgenError the
        error; `cleanup` runs afterwards in every case."""
        with self._lock:
            finished = [j for j in self._jobs.values() if j.finished]
            for old in finished[:max(0, len(finished) - KEEP + 1)]:
                del self._jobs[old.id]
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, work, cleanup), daemon=True,
                         name=f"docgen-job-{job.id}").start()
        return job

    def _run(self, job: Job, work: Callable[[Job], Any],
             cleanup: Callable[[], None] | None) -> None:
        try:
            with self.one_at_a_time:
                job.result = work(job)
        except ValidationFailed as exc:
            job.problems = exc.problems
            job.error = str(exc).splitlines()[0]
        except DocgenError as exc:
            job.error = f"Lỗi: {exc}"
        except Exception as exc:  # a page must never hang on a bug
            job.error = (f"Lỗi không lường trước ({type(exc).__name__}: {exc}). Hãy báo cho "
                         "người quản trị docgen kèm sổ tính đã dùng.")
        finally:
            if cleanup is not None:
                cleanup()
            job.ended = time.monotonic()
            job.step = Step("done")
            job.finished = True
