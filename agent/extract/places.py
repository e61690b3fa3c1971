"""Where a fact happened, copied as written: "محافظة حماة" with its wider area "وسط سورية",
found by place designators (مدينة، حي، بلدة …), direction words, and a small gazetteer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases, norm, normalize_char, tokens
from agent.text.doc import Doc, span
from schemas import Location, Span

COUNTRIES = lexicon.words("countries")
WORLD_CAPITALS = lexicon.words("world_capitals")
PLACES = COUNTRIES | WORLD_CAPITALS | lexicon.words("cities")
_LONGEST_PLACE = max(len(p.split()) for p in PLACES)
DESIGNATORS = lexicon.words("place_designators")
PLURAL_DESIGNATORS = lexicon.words("plural_designators")
NAME_HEADS = lexicon.words("place_name_heads")
DIRECTIONS = lexicon.words("directions")
NAME_ADJECTIVES = lexicon.words("place_name_adjectives")
LOCATIVES = lexicon.words("locatives")
CAPITAL_WORDS = lexicon.words("capital_words")
STOP = lexicon.words("place_stop_words")
# «نهر دجلة عصر أمس»، «مدينة ماريانا عام 2015»
_TIME_WORDS = lexicon.words("times_of_day") | lexicon.words("time_words") | {"عام", "سنه"}
_PARTICLES = {"ان", "ها", "هم", "ما", "من"}  # «بأن»، «لها»: a clitic on a particle
APPOSITIONS = lexicon.words("place_appositions")  # "مدينة كرمان، مركز محافظة كرمان"
# Feminine participles (مفتوحه، محاصره، مجاوره), not names such as مقبنه.
_PARTICIPLE = re.compile(r"^م\w{1,2}[وا]\w{1,2}ه$")
_CLAUSE_BREAK = 100
_MEASURE_REACH = 6  # «على بعد نحو 12 كيلومتراً شرق النبطية»: words from «على» to the place
# Words a mention may start with once a glued preposition is cut off.
_HEADS = DIRECTIONS | DESIGNATORS | PLURAL_DESIGNATORS | PLACES | CAPITAL_WORDS
_DESIGNATING = DESIGNATORS | PLURAL_DESIGNATORS


@dataclass(frozen=True)
class Mention:
    """A place named in the text as a token range; `country` is the token where a country
    name ending the mention starts ("سورية" in "بوسط سورية"), None for other places."""

    first: int
    last: int  # inclusive
    country: int | None = None


def is_place(word: str) -> bool:
    """True when a normalized word (clitics allowed: "بحلب", "والموصل") is a known place;
    "السورية" is an adjective, not "سورية"."""
    return any(base in PLACES for base in _unglued(word))


def find_location(doc: Doc, start: int, end: int, anchor: int | tuple[int, int] | None = None,
                  bare: bool = False, seats: Sequence[Span] = ()) -> Location | None:
    """The place named inside raw [start, end): the one nearest `anchor` (a raw offset, or the
    raw span of the fact's words) when given, else the first that is more than a country; with
    its wider area and country when written.

    A known name counts only after a locative ("في حلب", "بحلب") unless `bare` (the caller
    knows the range is a place: the object of "استعادة تدمر"). A place inside one of the
    `seats` (a source's name: "وزارة الصحة الفلسطينية في رام الله") is where the source sits,
    taken only when the range names no other place."""
    toks = tokens(doc.text, start, end)
    chains = _chains(doc.text, toks, _mentions(doc.text, toks, bare))
    chains = [c for c in chains if not any(
        s.start <= toks[c[0].first].start < s.end for s in seats)] or chains
    chains = [c for c in chains if not _measured_from(toks, c[0].first)] or chains
    if not chains:
        return None
    if anchor is not None:
        lo, hi = anchor if isinstance(anchor, tuple) else (anchor, anchor)
        pick = min(chains, key=lambda c: (_distance(doc.text, toks, c[0], lo, hi), c[0].first))
    else:
        pick = ([c for c in chains if c[0].country is None] or chains)[0]
    return _location(doc.text, toks, pick)


def place_ranges(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Raw (start, end) of every place the article names after a designator or locative."""
    return _place_ranges(doc.text)


@lru_cache(maxsize=4)  # asked once per name the labeller proposes: read the article once
def _place_ranges(text: str) -> tuple[tuple[int, int], ...]:
    toks = tokens(text)
    return tuple((toks[m.first].start, toks[m.last].end) for m in _mentions(text, toks))


def main_place(doc: Doc) -> Location | None:
    """The city or region the article names most often (twice at least), as first written:
    where its events happen when their sentences name no place."""
    toks = tokens(doc.text)
    seen: dict[str, list[Span]] = {}
    i = 0
    while i < len(toks):
        known = _known(doc.text, toks, i, with_clitics=True)
        if known is None:
            i += 1
            continue
        if not known[1]:
            where = _words(doc.text, toks, i, known[0])
            seen.setdefault(norm(where.text), []).append(where)
        i = known[0] + 1
    spans = max(seen.values(), key=lambda found: (len(found), -found[0].start), default=[])
    if len(spans) < 2:
        return None
    return Location(name=spans[0].text, evidence=[spans[0]])


def _mentions(raw: str, toks: Sequence[Token], bare: bool = False) -> list[Mention]:
    """Every place named in the tokens, leftmost-longest, without overlaps."""
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        # Right after a place, a bare name widens it: "مدينة الفاشر، السودان".
        found = _place_at(raw, toks, i, bare=bare or (bool(out) and out[-1].last == i - 1))
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last + 1
    return out


def _chains(raw: str, toks: Sequence[Token], mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped into chains of a place and the wider places written right after it:
    "بلدة كفر نبل بريف إدلب الجنوبي", "محافظة حماة بوسط سورية", "مدينة الفاشر، السودان",
    "بمدينة كرمان، مركز محافظة كرمان"."""
    chains: list[list[Mention]] = []
    for m in mentions:
        if chains:
            prev = chains[-1][-1]
            gap = raw[toks[prev.last].end : toks[m.first].start].strip()
            if prev.country is None and m.first > prev.last and (
                    gap in ("", "،", ",", "في") or norm(gap.lstrip("،, ")) in APPOSITIONS):
                chains[-1].append(m)
                continue
        chains.append([m])
    return chains


def _place_at(raw: str, toks: Sequence[Token], i: int, bare: bool = False) -> Mention | None:
    """The place mention that starts at token i, if one does. A known name needs a locative
    before it ("في حلب", "بحلب") unless `bare` (after a direction word: "وسط بغداد")."""
    if i >= len(toks):
        return None
    bases = clitic_bases(toks[i].norm)
    joined = _joined(raw, toks, i)
    if any(b in DIRECTIONS for b in bases):  # "جنوب شرق مدينة حلب", "بوسط سورية"
        target = _place_at(raw, toks, i + 1, bare=True) if joined else None
        return Mention(i, target.last, target.country) if target else None
    designator = next((b for b in bases if b in _DESIGNATING), None)
    if designator and "ال" + designator not in bases:  # "المدينة" is a common noun
        if i > 0 and _joined(raw, toks, i - 1) and toks[i - 1].norm.lstrip("وف").isdigit():
            return None  # "ودمّر 20 قرية وتجمعاً سكنياً": villages counted, none named
        last = _name_after(raw, toks, i, plural=designator in PLURAL_DESIGNATORS,
                           feminine=designator.endswith("ه"))
        return Mention(i, last) if last is not None else None
    if any(b in CAPITAL_WORDS for b in bases):  # "العاصمة صنعاء", "العاصمة الليبية طرابلس"
        after = i + 2 if joined and toks[i + 1].norm.endswith("يه") else i + 1
        known = _known(raw, toks, after) if _joined(raw, toks, after - 1) else None
        return Mention(i, known[0]) if known else None
    known = _known(raw, toks, i, with_clitics=True)
    if known is None:
        return None
    if not (bare or _glued_locative(toks[i].norm) or _after_locative(raw, toks, i)):
        return None  # a bare name is more often an actor ("حملت موسكو واشنطن مسؤولية")
    return Mention(i, known[0], i if known[1] else None)


def _glued_locative(word: str) -> bool:
    """'بحلب', 'وبالموصل': the preposition ب is glued to a known place."""
    for base in _unglued(word)[1:]:
        if base in PLACES and word.endswith(base) and "ب" in word[: -len(base)]:
            return True
    return False


def _after_locative(raw: str, toks: Sequence[Token], i: int) -> bool:
    if i == 0 or not _joined(raw, toks, i - 1):
        return False
    word = toks[i - 1].norm
    return word in LOCATIVES or (word[:1] in "وف" and word[1:] in LOCATIVES)


def _name_after(raw: str, toks: Sequence[Token], i: int, plural: bool,
                feminine: bool = False) -> int | None:
    """Last token index of the name(s) after a designator at i; None when no name follows.

    Plural and dual designators take coordinated names: "أحياء بستان القصر والكلاسة".
    """
    last = _one_name(raw, toks, i + 1, plural, feminine=feminine) if _joined(raw, toks, i) \
        else None
    if last is None or not plural:
        return last
    while _joined(raw, toks, last) and toks[last + 1].norm.startswith("و"):
        nxt = _one_name(raw, toks, last + 1, plural, conjoined=True)
        if nxt is None:
            break
        last = nxt
    return last


def _one_name(raw: str, toks: Sequence[Token], i: int, plural: bool,
              conjoined: bool = False, feminine: bool = False) -> int | None:
    """Last token index of one place name starting at token i. After a feminine designator
    an adjective ends in ة ("منطقة سكنية"), so a word ending in ي is a name ("بلدة أبياتي")."""
    if i >= len(toks):
        return None
    word = toks[i].norm[1:] if conjoined else toks[i].norm
    if not word.isalpha() or word in STOP or set(_unglued(word)) & _DESIGNATING:
        return None  # "ملعب بمدينة نزيريكوري": a place of its own begins
    known = _known(raw, toks, i, with_clitics=conjoined)
    if known is not None:
        last = known[0]
    elif word in NAME_HEADS and _joined(raw, toks, i) and toks[i + 1].norm not in STOP:
        last = i + 1
    elif word in DIRECTIONS and (after := _direction_name(raw, toks, i)) is not None:
        last = after
    elif plural and not word.startswith("ال"):
        return None  # "6 أحياء كانت", "حيين رئيسيين": a verb or an adjective, not a name
    elif not word.startswith("ال") and (word.endswith("يه") or _PARTICIPLE.match(word)
                                        or (word.endswith("ي") and not feminine)):
        return None  # "منطقة سكنية", "حي سكني", "منطقة مفتوحة": an adjective
    else:
        last = i + _second_word(raw, toks, i)
    if _joined(raw, toks, last) and toks[last + 1].norm in NAME_ADJECTIVES:
        last += 1
    return last


def _second_word(raw: str, toks: Sequence[Token], i: int) -> int:
    """1 when a bare foreign name goes on for a second word that ends the phrase («مديرية زنده
    جان في», «بلدة بون سوندي،»), 0 otherwise: the second word is no article-, clitic- or
    nisba-marked word, direction or designator, and what follows it cannot go on a name."""
    if not _joined(raw, toks, i) or toks[i].norm.startswith("ال"):
        return 0
    word = toks[i + 1].norm
    # A clitic opens a longer word («بمحافظة»); «باي» (Bay) is too short to hold one.
    if (not word.isalpha() or word in STOP or word.startswith(("ال", "و", "ف"))
            or (word.startswith(("ب", "ل")) and (len(word) > 3 or word[1:] in _PARTICLES))
            or word.endswith(("يه", "ه")) or word.removesuffix("ا") in DIRECTIONS
            or word.removesuffix("ي") in DIRECTIONS
            or word in _HEADS or word in NAME_ADJECTIVES or word in _TIME_WORDS or len(word) < 2):
        return 0
    after = i + 2
    ends = (after >= len(toks) or not _joined(raw, toks, i + 1) or toks[after].norm in STOP
            or toks[after].norm in DIRECTIONS or toks[after].norm[:1].isdigit())
    return 1 if ends else 0


def _direction_name(raw: str, toks: Sequence[Token], i: int) -> int | None:
    """Last token of a name that a direction at i opens: "ولاية شمال دارفور", "إقليم جنوب
    كيفو"; not "أحياء شرق المدينة" (a common noun after the direction)."""
    if not _joined(raw, toks, i):
        return None
    known = _known(raw, toks, i + 1)
    if known is not None:
        return known[0]
    word = toks[i + 1].norm
    if word in DIRECTIONS:  # "جنوب شرقي غينيا"
        return _direction_name(raw, toks, i + 1)
    return i + 1 if word.isalpha() and not word.startswith("ال") and word not in STOP else None


def _known(raw: str, toks: Sequence[Token], i: int, with_clitics: bool = False
           ) -> tuple[int, bool] | None:
    """(last token index, is a country) of the longest gazetteer name starting at token i."""
    if i >= len(toks):
        return None
    firsts = _unglued(toks[i].norm) if with_clitics else [toks[i].norm]
    for length in range(min(_LONGEST_PLACE, len(toks) - i), 0, -1):
        if not all(_joined(raw, toks, k) for k in range(i, i + length - 1)):
            continue
        rest = [t.norm for t in toks[i + 1 : i + length]]
        for first in firsts:
            name = " ".join([first, *rest])
            if name in PLACES:
                return i + length - 1, name in COUNTRIES
    return None


def _unglued(word: str) -> list[str]:
    """A word without its proclitics, keeping the article: "وبالموصل" -> "الموصل", but
    "السورية" is never "سورية" (an adjective, not the country)."""
    bases = clitic_bases(word)
    return [b for b in bases if "ال" + b not in bases]


def unglued_start(tok: Token) -> int:
    """Raw start of a token without a preposition or conjunction glued to a known place
    ("لموسكو" → "موسكو", "بوسط" → "وسط"); the token's own start otherwise, and for a place
    that starts with a letter of a clitic ("وجدة" is Oujda, not و + جدة)."""
    if tok.norm in PLACES:
        return tok.start
    for base in _unglued(tok.norm)[1:]:
        if tok.norm.endswith(base) and base in _HEADS:
            return tok.end - _raw_suffix_len(tok.text, len(base))
    return tok.start


def _joined(raw: str, toks: Sequence[Token], i: int) -> bool:
    """Token i and the next one are in the same phrase: nothing but spaces between them."""
    return i + 1 < len(toks) and not raw[toks[i].end : toks[i + 1].start].strip()


def _measured_from(toks: Sequence[Token], i: int) -> bool:
    """Is the place at token i only where a distance is measured from ("بلدة الصوانة، على بعد
    نحو 12 كيلومتراً شرق النبطية"): «على بعد» a few words before it?"""
    before = [t.norm for t in toks[max(0, i - _MEASURE_REACH):i]]
    return any(a == "علي" and b == "بعد" for a, b in pairwise(before))


def _distance(raw: str, toks: Sequence[Token], m: Mention, lo: int, hi: int) -> int:
    """How far a mention is from the fact's words at raw [lo, hi] (0 when it is among them):
    characters between them, doubled for a place before the fact's words (Arabic names the
    place after the event), and farther still across a clause break ("وفي محافظة ديالى، أدى
    انفجار …")."""
    s, e = toks[m.first].start, toks[m.last].end
    if s <= hi and lo < e:
        return 0
    between = raw[e:lo] if e <= lo else raw[hi:s]
    far = _CLAUSE_BREAK * any(ch in "،,؛;:«»" for ch in between)
    return far + (s - hi if s > hi else 2 * (lo - e + 1))


def _location(raw: str, toks: Sequence[Token], chain: list[Mention]) -> Location:
    """The Location of a chain: its first place, the next one as the wider area, and the
    country when one is written at the end of the chain."""
    first = chain[0]
    name = _words(raw, toks, first.first, first.last)
    evidence = [name]
    area = country = None
    if len(chain) > 1:
        wide = _words(raw, toks, chain[1].first, chain[1].last)
        evidence.append(wide)
        area = wide.text
    for k, m in enumerate(chain):
        if m.country is not None:
            country = _words(raw, toks, m.country, m.last).text
            if k > 1:  # "بلدة كفر نبل بريف إدلب شمال غرب سوريا": the country is cited too
                evidence.append(_words(raw, toks, m.first, m.last))
            break
    if area == country:
        area = None
    return Location(name=name.text, area=area, country=country, evidence=evidence)


def _words(raw: str, toks: Sequence[Token], first: int, last: int) -> Span:
    """Tokens first..last without a glued preposition or conjunction ("بوسط" → "وسط")."""
    return span(raw, unglued_start(toks[first]), toks[last].end)


def _raw_suffix_len(text: str, letters: int) -> int:
    """Raw length of the last `letters` normalized characters of a word (diacritics kept)."""
    count, pos = 0, len(text)
    while pos > 0 and count < letters:
        pos -= 1
        if normalize_char(text[pos]):
            count += 1
    return len(text) - pos
