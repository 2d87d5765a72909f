"""Tests that run one long command and check its output (the benchmark and load-test smoke
tests) have the command started as the session starts, in the background, one command after
another; the test then waits for its command and checks the output as before.

Those commands spend a minute or more in processes of their own (servers, load generators)
while the pytest process uses one core for the rest of the suite: on the 2 cores of CI they
use the other. Mark such a test with `@runs(command)` and call `command.result()` in it.
"""

import dataclasses
import os
import signal
import subprocess
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclasses.dataclass(eq=False)
class Command:
    argv: list[str]
    timeout: float
    env: Callable[[], dict] = lambda: dict(os.environ)  # read when the command starts
    queued: bool = False
    done: threading.Event = dataclasses.field(default_factory=threading.Event)
    outcome: subprocess.CompletedProcess | BaseException | None = None
    process: subprocess.Popen | None = None

    def result(self) -> subprocess.CompletedProcess:
        """The finished command, as `subprocess.run(argv, capture_output=True, text=True,
        timeout=timeout)` gives it; runs it now when no session started it."""
        if not self.queued:
            self.run()
        self.done.wait()
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome

    def run(self) -> None:
        try:
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
            self.outcome = subprocess.CompletedProcess(
                self.argv, self.process.returncode, stdout, stderr
            )
        except BaseException as error:  # the test that waits for it raises it
            self.outcome = error
        finally:
            self.done.set()

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


def runs(command: Command):
    """Marks a test whose command the session starts in the background."""

    def mark(test):
        test.background_command = command
        return test

    return mark


_started: list[Command] = []
_stopping = threading.Event()


def start(commands: Iterable[Command]) -> None:
    """Run these commands one after another in a background thread."""
    commands = [command for command in dict.fromkeys(commands) if not command.queued]
    for command in commands:
        command.queued = True
    _started.extend(commands)

    def run_all() -> None:
        for command in commands:
            if _stopping.is_set():
                command.outcome = RuntimeError("the session ended before this command ran")
                command.done.set()
            else:
                command.run()

    threading.Thread(target=run_all, name="background commands", daemon=True).start()


def stop() -> None:
    """At the end of the session (also an interrupted one): no command left running."""
    _stopping.set()
    for command in _started:
        command.interrupt()
