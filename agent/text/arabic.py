"""Arabic normalization that never loses its way back to the raw article.

Rules and lexicons match on the normalized text; every match is mapped back through the
offset map, so offsets in the output always index the article exactly as the user gave it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, and tatweel: dropped.
_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE))
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه",
    "\u00a0": " ", "\u200f": " ", "\u200e": " ", "\u200b": " ", "\u200c": " ", "\u200d": " ",
    "٫": ".", "٬": ",",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, for each of its characters, the raw offset it came from."""

    raw: str
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(raw)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) to the raw [start, end) that covers the same letters."""
        if start >= end:
            pos = self.offsets[start]
            return pos, pos
        # Diacritics after the last letter belong to it: the raw end runs up to the next letter.
        return self.offsets[start], self.offsets[end]

    def finditer(self, pattern: re.Pattern[str] | str, start: int = 0, end: int | None = None
                 ) -> Iterator[tuple[re.Match[str], int, int]]:
        """Search the normalized text; yield each match with its raw [start, end)."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        n_start = self.from_raw(start)
        n_end = len(self.text) if end is None else self.from_raw(end)
        for m in regex.finditer(self.text, n_start, n_end):
            raw_start, raw_end = self.to_raw(m.start(), m.end())
            yield m, raw_start, raw_end

    def from_raw(self, raw_pos: int) -> int:
        """The first normalized index whose raw offset is at or after raw_pos."""
        lo, hi = 0, len(self.offsets) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.offsets[mid] < raw_pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def normalize_char(ch: str) -> str:
    """One character's normalized form ('' when it is dropped)."""
    if ord(ch) in _DROP:
        return ""
    return _MAP.get(ch, ch).lower()


def normalize(raw: str) -> Normalized:
    """Drop diacritics and tatweel, unify alef / yeh / teh marbuta, Western digits."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        out = normalize_char(ch)
        if out:
            chars.append(out)
            offsets.append(i)
    offsets.append(len(raw))
    return Normalized(raw, "".join(chars), tuple(offsets))


_TABLE = {**{cp: None for cp in _DROP}, **{ord(k): v for k, v in _MAP.items()}}


def norm(text: str) -> str:
    """Normalized text alone, for comparing and lexicon keys."""
    if "\u03a3" in text:  # str.lower() writes a word-final Greek sigma as ς; char by char, σ
        return "".join(normalize_char(ch) for ch in text)
    return text.translate(_TABLE).lower()  # the same, in one pass: it runs on every word


def is_arabic(text: str, threshold: float = 0.5) -> bool:
    """True when at least `threshold` of the letters are Arabic."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for ch in letters if ARABIC_LETTER.match(ch))
    return arabic / len(letters) >= threshold


def clitic_bases(word: str) -> list[str]:
    """Candidate forms of a normalized word with its proclitics removed, longest first.

    'والجيش' -> ['والجيش', 'الجيش', 'جيش']; 'للارهابيين' -> [..., 'ارهابيين'].
    Callers check candidates against a lexicon, so over-stripping does no harm.
    """
    return list(_clitic_bases(word))  # a fresh list: callers may extend it


@lru_cache(maxsize=1 << 16)  # every rule asks it of the same words again and again
def _clitic_bases(word: str) -> tuple[str, ...]:
    out = [word]
    for prefix in ("و", "ف"):
        if word.startswith(prefix) and len(word) > 3:
            out.append(word[1:])
    for w in list(out):
        for prefix in ("ب", "ل", "ك"):
            if w.startswith(prefix) and len(w) > 3:
                out.append(w[1:])
        if w.startswith("لل") and len(w) > 4:  # ل + ال with the alef elided
            out.append("ال" + w[2:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.append(w[2:])
    seen: dict[str, None] = {}
    for w in out:
        seen.setdefault(w, None)
    return tuple(seen)


# Letters, digits and the marks that sit on them; Arabic punctuation (، ؛ ؟) is not a word.
_W = r"[\w\u064B-\u065F\u0670\u06D6-\u06ED]"
WORD = re.compile(rf"{_W}+(?:[-']{_W}+)*")


@dataclass(frozen=True)
class Token:
    text: str  # raw, as in the article
    norm: str  # normalized
    start: int  # raw offsets
    end: int


def tokens(raw: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of raw[start:end] with their raw offsets and normalized forms. A lone tatweel used
    as a dash («وقال الوزير ـ في تصريحاته ـ إن») is no word: it normalizes to nothing."""
    stop = len(raw) if end is None else end
    found = ((m, norm(m.group(0))) for m in WORD.finditer(raw, start, stop))
    return [Token(m.group(0), key, m.start(), m.end()) for m, key in found if key]
