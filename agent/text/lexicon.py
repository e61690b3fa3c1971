"""Lexicons are data: agent/lexicons/<name>.txt, one entry per line, loaded and normalized once.

A line is an entry (a word or a phrase), optionally followed by `|` and a value the code needs
(a type, a number, a replacement). `#` starts a comment; blank lines are skipped. Entries are
normalized with agent.text.arabic.norm unless the caller asks for them raw, so a linguist can
write them as they appear in the news, with hamza and teh marbuta.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from agent.errors import LexiconError
from agent.text.arabic import norm

LEXICONS_DIR = Path(__file__).resolve().parents[1] / "lexicons"
V = TypeVar("V")


@dataclass(frozen=True)
class Entry:
    text: str
    value: str | None
    line: int


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """The entries of one lexicon file, in file order; a malformed line is a LexiconError."""
    path = LEXICONS_DIR / f"{name}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lexicon {path}: cannot be read ({exc})") from exc
    out: list[Entry] = []
    for number, line in enumerate(lines, 1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        fields = [f.strip() for f in body.split("|")]
        if len(fields) > 2 or not fields[0] or (len(fields) == 2 and not fields[1]):
            raise LexiconError(f"lexicon {path}, line {number}: expected 'entry' or "
                               f"'entry | value', got {line.strip()!r}")
        out.append(Entry(fields[0], fields[1] if len(fields) == 2 else None, number))
    return tuple(out)


def _key(entry: Entry, normalize: bool) -> str:
    return norm(entry.text) if normalize else entry.text


@cache
def words(name: str, normalize: bool = True) -> frozenset[str]:
    """A lexicon of entries alone (a value on any line is an error)."""
    for entry in entries(name):
        if entry.value is not None:
            raise LexiconError(f"lexicon {LEXICONS_DIR / name}.txt, line {entry.line}: "
                               f"this lexicon takes no '| value'")
    return frozenset(_key(e, normalize) for e in entries(name))


@cache
def ordered(name: str, normalize: bool = True) -> tuple[str, ...]:
    """The entries in file order, for lexicons whose order matters (longest match first)."""
    return tuple(_key(e, normalize) for e in entries(name))


@cache
def table(name: str, convert: Callable[[str], V], normalize: bool = True) -> dict[str, V]:
    """A lexicon whose every line is 'entry | value', the value passed through `convert`
    (an enum, int); a missing or invalid value is a LexiconError naming the line."""
    out: dict[str, V] = {}
    for entry in entries(name):
        if entry.value is None:
            raise LexiconError(f"lexicon {LEXICONS_DIR / name}.txt, line {entry.line}: "
                               f"expected 'entry | value'")
        try:
            out[_key(entry, normalize)] = convert(entry.value)
        except (ValueError, KeyError) as exc:
            raise LexiconError(f"lexicon {LEXICONS_DIR / name}.txt, line {entry.line}: "
                               f"{entry.value!r} is not a valid value ({exc})") from exc
    return out


def grouped(name: str, *values: str) -> dict[str, frozenset[str]]:
    """A lexicon whose value column is one of `values` (a word's role): its entries by value."""
    def check(value: str) -> str:
        if value not in values:
            raise ValueError(f"expected one of {', '.join(values)}")
        return value

    found = table(name, check)
    return {v: frozenset(k for k, x in found.items() if x == v) for v in values}
