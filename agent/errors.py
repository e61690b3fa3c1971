"""One error hierarchy: the CLI and the UI turn any NabaError into one clear line."""

from __future__ import annotations


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
