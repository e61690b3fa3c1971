"""A progress bar on stderr: done/total, articles per second, time left.

On a terminal the line redraws in place (at most ten times a second); in a log file a plain line
is written every ten seconds instead, so logs stay readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, total: int | None, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = self.stream.isatty()
        self.done = 0
        self.start = time.monotonic()
        self._drawn = 0.0

    def rate(self) -> float:
        elapsed = time.monotonic() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        if self.total:
            filled = WIDTH * min(self.done, self.total) // self.total
            bar = "#" * filled + "." * (WIDTH - filled)
            left = (self.total - self.done) / rate if rate > 0 else 0.0
            return (f"[{bar}] {self.done}/{self.total} articles  {rate:.1f}/s  "
                    f"ETA {clock(left)}")
        return f"{self.done} articles  {rate:.1f}/s  {clock(time.monotonic() - self.start)}"

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn < (0.1 if self.tty else 10.0) and self.done != self.total:
            return
        self._drawn = now
        self.stream.write(f"\r{self.line()}\x1b[K" if self.tty else f"{self.line()}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()
