"""Slow work that a test only waits for (a command whose output it checks, a throwaway server
migrated for it) starts as the session starts, in the background, one piece after another; the
test then waits for its piece and checks what it checked before.

That work is spent in processes of their own (servers, migrations, load generators) while the
pytest process uses one core for the rest of the suite: on the 2 cores of CI they use the
other. Mark such a test with `@runs(work)` and call `work.result()` in it or its fixture.
"""

import os
import signal
import subprocess
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Work:
    """`make()` run once, in the background when the session starts it, else when asked."""

    def __init__(
        self,
        make: Callable[[], object],
        discard: Callable[[object], None] | None = None,
        when: Callable[[], bool] = lambda: True,
    ):
        self.make, self.discard, self.when = make, discard, when
        self.queued = self.taken = False
        self.done = threading.Event()
        self.outcome = None

    def result(self):
        """What `make()` returned (or raises what it raised); once only, when something made
        must be discarded: the test owns it then."""
        if self.taken and self.discard:
            raise RuntimeError("made for one test only")
        if not self.queued:
            self.run()
        self.done.wait()
        self.taken = True
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome

    def run(self) -> None:
        try:
            self.outcome = self.make()
        except BaseException as error:  # the test that waits for it raises it
            self.outcome = error
        finally:
            self.done.set()

    def stop(self) -> None:
        """At the end of the session: what no test took is discarded."""
        made = self.discard and self.done.wait(timeout=120) and not self.taken
        if made and not isinstance(self.outcome, BaseException):
            self.discard(self.outcome)


class Command(Work):
    """A command whose output a test checks: `result()` gives what `subprocess.run(argv,
    capture_output=True, text=True, timeout=timeout)` would have. `env` is read when it
    starts."""

    def __init__(self, argv: list[str], timeout: float, env: Callable[[], dict] | None = None):
        super().__init__(self.complete)
        self.argv, self.timeout = argv, timeout
        self.env = env or (lambda: dict(os.environ))
        self.process = None

    def complete(self) -> subprocess.CompletedProcess:
        self.process = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            stdout, stderr = self.process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.interrupt()
            self.process.communicate()
            raise
        return subprocess.CompletedProcess(self.argv, self.process.returncode, stdout, stderr)

    def interrupt(self) -> None:
        """Stop it as Ctrl-C would, so that it removes its servers; kill it if that does not
        end it in 30 s. (The thread that runs it reads its output meanwhile.)"""
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()

    def stop(self) -> None:
        self.interrupt()


def runs(work: Work):
    """Marks a test whose work the session starts in the background."""

    def mark(test):
        test.background_work = work
        return test

    return mark


_started: list[Work] = []
_stopping = threading.Event()


def start(works: Iterable[Work]) -> None:
    """Do these one after another in a background thread."""
    works = [work for work in dict.fromkeys(works) if not work.queued and work.when()]
    for work in works:
        work.queued = True
    _started.extend(works)

    def run_all() -> None:
        for work in works:
            if _stopping.is_set():
                work.outcome = RuntimeError("the session ended before this was done")
                work.done.set()
            else:
                work.run()

    threading.Thread(target=run_all, name="background work", daemon=True).start()


def stop() -> None:
    """At the end of the session (also an interrupted one): nothing left running or made."""
    _stopping.set()
    for work in _started:
        work.stop()
