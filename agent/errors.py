"""One error hierarchy: the CLI and the UI turn any NabaError into one clear line. Anything else
is a bug: its traceback goes to a report file, and the user gets one line naming that file."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


class NabaError(Exception):
    """Base of every error Naba raises on purpose; `__cause__` keeps the original."""


class ModelError(NabaError):
    """The model file is missing, corrupt, or cannot be loaded."""


class InputError(NabaError):
    """The article or an argument cannot be used (empty, binary, undecodable, a directory)."""


class ModelOutputError(NabaError):
    """The model's reply did not validate after the allowed re-asks.

    Keeps the evidence: the last raw completion and how many attempts were made.
    """

    def __init__(self, message: str, last_completion: str, attempts: int) -> None:
        super().__init__(message)
        self.last_completion = last_completion
        self.attempts = attempts


class LexiconError(NabaError):
    """A lexicon file is malformed; the message names the file and the line."""


def report_internal_error(exc: BaseException, folder: Path) -> Path | None:
    """Write the full traceback of an unexpected error to a new file in `folder` (the temp
    folder when that cannot be written) and return its path; None when nothing could be."""
    text = (f"naba internal error at {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
            f"command: {' '.join(sys.argv)}\npython: {sys.version.split()[0]}\n\n"
            + "".join(traceback.format_exception(exc)))
    for where in (folder, Path(tempfile.gettempdir())):
        try:
            where.mkdir(parents=True, exist_ok=True)
            fd, path = tempfile.mkstemp(prefix=f"naba-{time.strftime('%Y%m%d-%H%M%S')}-",
                                        suffix=".log", dir=where)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            return Path(path)
        except OSError:
            continue
    return None


def internal_error_line(exc: BaseException, report: Path | None) -> str:
    """One line for the user: what broke, and where the details are."""
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    what = what if len(what) <= 200 else what[:199] + "…"
    return f"{what}; details in {report}" if report else f"{what} (no report could be written)"
