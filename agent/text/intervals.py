"""Does any of many ranges cover or overlap a given one? Answered in log time, so that checking
every word of a long article against every quotation or title stays linear in its length."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Ranges:
    """A fixed set of (start, end) ranges, indexed by start with the furthest end so far."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        """Some range (s, e) has s <= start and end <= e."""
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some range (s, e) shares a character with [start, end): s < end and start < e."""
        return self.covers(end - 1, start + 1)
