"""Words of a sentence and the numbers they spell: digits, number words, duals and vague
quantities (عشرات، آلاف), each as a value and the words it covers; and the casualty words."""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass

from agent.text import lexicon
from agent.text.arabic import clitic_bases
from agent.text.doc import Doc

# Words of the normalized text (digits with thousands separators and decimals, Arabic and Latin
# letters) and every other non-space character as a word of its own (punctuation marks).
_WORD = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[\u0621-\u064A\u0671-\u06D3a-z]+|\S")


@dataclass(frozen=True)
class Word:
    norm: str  # normalized form
    start: int  # raw offsets into the article
    end: int
    raw: str  # as written, diacritics included

    @property
    def is_letters(self) -> bool:
        return self.norm[0].isalpha()


def words(doc: Doc, start: int, end: int) -> list[Word]:
    """The words and punctuation marks of raw [start, end), normalized, with raw offsets."""
    return [Word(m.group(), s, e, doc.text[s:e])
            for m, s, e in doc.norm.finditer(_WORD, start, end)]


# --- number words (agent/lexicons/number_*.txt) ---------------------------------------------
UNITS = lexicon.table("number_units", int)
_TEEN_HEADS = lexicon.table("number_teen_heads", int)
_TEN = frozenset(w for w, value in UNITS.items() if value == 10)
_TENS = lexicon.table("number_tens", int)
_HUNDREDS = lexicon.table("number_hundreds", int)
_HUNDRED = frozenset(w for w, value in _HUNDREDS.items() if value == 100)
_SCALES = lexicon.table("number_scales", int)
_DUAL_SCALES = lexicon.table("number_dual_scales", int)
_VAGUE = lexicon.table("vague_quantities", int)
_THOUSANDS = frozenset(w for w, value in _VAGUE.items() if value == 1000)
_FEW = lexicon.words("vague_few")
_DUALS = lexicon.words("dual_nouns")
_QUOTES = {'"', "»", "”"}

# In vowelled text the dual shows: "إسرائيليَّين، مواطنَين" (fatha) vs the plural "مواطنِين".
_VOWELLED_DUAL = re.compile("(?:\u064e\u0651?|\u0651\u064e)\u064a\u0652?\u0646$")
_DEFINITE = re.compile(r"^[وفبلك]{0,2}ال")  # not the ال inside "حالتين"
# Any nisba stem (ending in ي) and the stems listed.
_DUAL_STEMS = re.compile(r"\w+ي|" + "|".join(lexicon.ordered("dual_stems")))

# --- what happened to the people counted ---------------------------------------------------
# They live here because they also end what a number or a name can be ("20 بجروح", "قال X قتل 12").
_CASUALTY_FORMS = lexicon.table("casualty_words", str)
CASUALTY_WORDS: dict[str, frozenset[str]] = {
    category: frozenset(w for w, c in _CASUALTY_FORMS.items() if c == category)
    for category in dict.fromkeys(_CASUALTY_FORMS.values())
}
_NOT_CASUALTY = lexicon.words("not_casualty_words")


def casualty_word(word: Word) -> str | None:
    """The casualty category a word names by itself ("وقتل" -> "killed"), or None."""
    if not word.is_letters:
        return None
    bases = clitic_bases(word.norm)
    if any(b in _NOT_CASUALTY for b in bases):
        return None  # "الأسر": the families (or captivity), not "captured"
    return next((category for category, forms in CASUALTY_WORDS.items()
                 if any(b in forms for b in bases)), None)


def _bases(word: Word) -> list[str]:
    if not word.is_letters:
        return [word.norm]
    bases = clitic_bases(word.norm)
    # clitic_bases keeps the article on short words ("الحي"); lexicons here hold bare forms.
    return bases + [b[2:] for b in bases if b.startswith("ال") and len(b) == 4]


def lookup(word: Word, lexicon: Collection[str]) -> str | None:
    """The clitic-stripped form of `word` found in `lexicon`, if any."""
    return next((b for b in _bases(word) if b in lexicon), None)


@dataclass(frozen=True)
class Core:
    """A number by itself, before its modifiers and counted noun: value and word range."""

    value: int
    vague: bool
    first: int  # index of its first word
    stop: int  # index after its last word
    noun: int | None = None  # a dual is its own noun
    skip: int = 0  # letters of a proclitic (و) to leave out of the span


def _digits(ws: list[Word], i: int) -> Core | None:
    text = ws[i].norm.replace(",", "")
    value = float(text)
    stop = i + 1
    if stop + 1 < len(ws) and ws[stop].norm in _QUOTES and ws[stop + 1].norm in _SCALES:
        stop += 1  # 'وفاة " 5 " آلاف شخص': the digits quoted, the scale outside
    if stop < len(ws) and (scale := _SCALES.get(ws[stop].norm)):
        value, stop = value * scale, stop + 1
        rest = _rest(ws, stop, scale)
        if rest is not None:  # "58 ألفاً و362 شخصاً", "مليون و200 ألف"
            value, stop = value + rest.value, rest.stop
    elif "." in text:
        return None  # 3.5 bare is a rate or a measure, not a head count
    if not math.isfinite(value):
        return None  # more digits than a float holds: no count of people
    return Core(round(value), False, i, stop)


def _rest(ws: list[Word], j: int, scale: float) -> Core | None:
    """The digits after a scale and و that a number adds below that scale ("58 ألفاً و362")."""
    if j + 1 < len(ws) and ws[j].norm == "و" and ws[j + 1].norm[0].isdecimal():
        rest = _digits(ws, j + 1)
        return rest if rest is not None and rest.value < scale else None
    return None


def number_words(ws: list[Word], i: int) -> Core | None:
    """خمسة وعشرين، ثلاثة آلاف، مئة وخمسين، أحد عشر: summed and multiplied in reading order."""
    total = current = last = 0
    j = i
    while j < len(ws) and ws[j].is_letters:
        w = ws[j].norm
        joined = w.startswith("و") and len(w) > 3 and w not in UNITS
        base = w[1:] if joined or (j == i and _with_bi(w)) else w
        nxt = ws[j + 1].norm if j + 1 < len(ws) else ""
        teen = nxt in _TEN and (base in _TEEN_HEADS or UNITS.get(base, 10) < 10)
        value = (_TEEN_HEADS.get(base) or UNITS[base]) + 10 if teen else _part(base)
        if value is None or (j > i and not _follows(last, value, joined, base)):
            break
        if base in _HUNDRED and 0 < current < 10 and not joined:
            current *= 100  # ثلاث مئة
        elif base in _SCALES and j > i and not joined:
            total += (current or 1) * value
            current = 0
        elif base in _SCALES:
            total += value  # "مليون وسبعمئة ألف": the next scale multiplies only the 700
        else:
            current += value
        last = value
        j += 2 if teen else 1
    if j == i:
        return None
    first = ws[i].norm
    skip = 1 if (first.startswith("و") and len(first) > 3 and first not in UNITS) \
        or _with_bi(first) else 0
    return Core(total + current, False, i, j, skip=skip)


def _with_bi(w: str) -> bool:
    """"عدد القتلى بثلاثين": a number word behind the preposition ب."""
    return w.startswith("ب") and w not in UNITS and _part(w[1:]) is not None


def _part(base: str) -> int | None:
    if base in UNITS:
        return UNITS[base]
    if base in _TENS:
        return _TENS[base]
    if base in _HUNDREDS:
        return _HUNDREDS[base]
    return _DUAL_SCALES.get(base) or _SCALES.get(base)


def _follows(last: int, value: int, joined: bool, base: str) -> bool:
    """Can `value` continue a number whose previous part was `last`?

    Arabic says the unit before the tens (خمسة وعشرين) and the big parts first (مئة وخمسة,
    ألف ومئتين); a scale or مئة follows without و (ثلاثة آلاف، ثلاث مئة).
    """
    if not joined:
        return base in _SCALES or (base in _HUNDRED and 0 < last < 10)
    if last < 10:
        return 20 <= value < 100
    return last >= 100 and value < last


def _vague(ws: list[Word], i: int) -> Core | None:
    """عشرات، مئات الآلاف، بضعة آلاف: coded low."""
    j = i + 1 if lookup(ws[i], _FEW) and i + 1 < len(ws) else i
    base = lookup(ws[j], _VAGUE)
    if base is None:
        return None
    value, stop = _VAGUE[base], j + 1
    if stop < len(ws) and lookup(ws[stop], _THOUSANDS) and value < 1000:
        value, stop = value * 1000, stop + 1
    return Core(value, True, i, stop, skip=_proclitic(ws[i], base) if j == i else 0)


def _dual(ws: list[Word], i: int) -> Core | None:
    if _DEFINITE.match(ws[i].norm):
        return None  # "المصابَين", "والطفلين": the two already counted, named again
    for base in reversed(_bases(ws[i])):  # the shortest form, so the span leaves و/ل out
        bare_base = base.removeprefix("ال")
        if bare_base in _DUALS or (
                _VOWELLED_DUAL.search(ws[i].raw) and _DUAL_STEMS.fullmatch(bare_base[:-2])):
            return Core(2, False, i, i + 1, noun=i, skip=_proclitic(ws[i], base))
    return None


def bare(doc: Doc, word: Word, base: str) -> tuple[int, int]:
    """Raw [start, end) of `word` without the و ف ب ل glued before `base` ("بغارة" -> "غارة");
    the article stays, it is part of the word as written ("الغارات")."""
    return doc.norm.offsets[doc.norm.from_raw(word.start) + _proclitic(word, base)], word.end


def _proclitic(word: Word, base: str) -> int:
    """Letters of و ف ب ل glued before `base` (the article stays: it is part of the word)."""
    if not word.norm.endswith(base):
        return 0
    prefix = word.norm[: len(word.norm) - len(base)]
    return len(prefix.removesuffix("ال")) if prefix.endswith("ال") else len(prefix)


def number_at(ws: list[Word], i: int) -> Core | None:
    """The number that starts at word i (digits, number words, vague, dual), if one does."""
    w = ws[i]
    if w.norm[0].isdecimal():  # not "¹" or "①": digits, but no number float() reads
        return _digits(ws, i)
    if not w.is_letters:
        return None
    return _vague(ws, i) or number_words(ws, i) or _dual(ws, i) or _after_noun(ws, i)


def _after_noun(ws: list[Word], i: int) -> Core | None:
    """"المهاجمين الخمسة", "الأطفال الثلاثة", "الضحايا الثلاثة عشر": a definite number after a
    definite noun."""
    word = ws[i].norm
    value = UNITS.get(word[2:]) or _TENS.get(word[2:]) if word.startswith("ال") else None
    if not value or value < 3 or i == 0 or not ws[i - 1].norm.startswith("ال"):
        return None  # الاثنين is Monday, الواحد "the one"
    if value < 10 and i + 1 < len(ws) and ws[i + 1].norm in ("عشر", "عشره"):
        return Core(value + 10, False, i - 1, i + 2, noun=i - 1)  # "الضحايا الثلاثة عشر"
    return Core(value, False, i - 1, i + 1, noun=i - 1)


def starts_number(ws: list[Word], i: int) -> bool:
    """Does a number (digits, number word, vague quantity, dual) start at word i?"""
    return number_at(ws, i) is not None
