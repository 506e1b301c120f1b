"""A command driven through a pseudo-terminal, as a person at a keyboard would (stdlib only)."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

CTRL_C, CTRL_D = "\x03", "\x04"


class Terminal:
    """``escp`` in a child process whose standard input and output are a terminal."""

    def __init__(self, *args: str, cwd: Path, timeout: float = 60) -> None:
        self.timeout = timeout
        self.output = ""
        self._seen = 0
        env = {**os.environ, "TERM": "dumb", "COLUMNS": "120"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: a new session whose controlling terminal is the pty
            # as at a keyboard: Ctrl-C interrupts, even when the tests run where SIGINT is ignored
            # (a job started with & by a non-interactive shell), which exec would pass on
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.chdir(cwd)
            os.execvpe(sys.executable, [sys.executable, "-m", "generator.cli", *args], env)

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the child closed the terminal
            return False
        if not chunk:
            return False
        self.output += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return True

    def expect(self, text: str) -> str:
        """Everything printed since the last expectation, up to and including ``text``."""
        deadline = time.monotonic() + self.timeout
        while text not in self.output[self._seen :]:
            if time.monotonic() > deadline or not self._read(0.2):
                raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.output[self._seen :]}")
        end = self.output.index(text, self._seen) + len(text)
        shown, self._seen = self.output[self._seen : end], end
        return shown

    def send(self, line: str) -> None:
        os.write(self.fd, f"{line}\n".encode())

    def press(self, key: str) -> None:
        """``key`` once the command waits for it, as a person would: a Ctrl-C that lands between the
        prompt and the read is a race of CPython's (the read then blocks before the signal is seen)."""
        deadline = time.monotonic() + self.timeout
        while not self._reading() and time.monotonic() < deadline:
            time.sleep(0.01)
        os.write(self.fd, key.encode())

    def _reading(self) -> bool:
        """Whether the child is blocked in read(2) of its standard input (Linux /proc; x86-64 or arm64)."""
        try:
            call = Path(f"/proc/{self.pid}/syscall").read_text().split()
        except OSError:
            return True  # no /proc: do not wait
        return call[:2] in (["0", "0x0"], ["63", "0x0"])

    def wait(self) -> int:
        """The exit status (128 + the signal's number when a signal ended it), after reading all output."""
        deadline = time.monotonic() + self.timeout
        while self._read(0.2):  # until the child closes the terminal
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                raise AssertionError(f"the command did not end; the terminal shows:\n{self.output}")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
