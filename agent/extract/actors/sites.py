"""Whether the words of a name name a place in this article ('بلدة أدري'، 'في كويتا'): a place
is no person, and its name does not run on into the name of the person after it.
"""

from __future__ import annotations

from functools import lru_cache

from agent.extract.actors.words import definite, in_lexicon
from agent.extract.places import DESIGNATORS, LOCATIVES, PLACES, PLURAL_DESIGNATORS, place_ranges
from agent.text.arabic import Token, tokens
from agent.text.doc import Doc
from agent.text.intervals import Ranges


@lru_cache(maxsize=4)  # asked for every name of an article: read its words once
def words_of(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))


def names_place(doc: Doc, words: tuple[str, ...], designated: bool = True) -> bool:
    """The words of a name are a known place ('أديس أبابا') or follow a place's designator
    somewhere in the article ('بلدة أدري'، 'بمقاطعة مالانغ'); an indefinite name also when it
    follows a locative ('في بوغوسو') or lies inside a place the article names: a place, not a
    person. (A definite one after 'في' is often a body: 'في المعهد الوطني لإدارة الكوارث'.)
    Not `designated`: a word after a designator is not enough, for a title's place may end
    there ('مفوض الإعلام في الولاية | غبينغا أوموتوشو'، 'قائد شرطة المدينة | محمد …')."""
    if not words or " ".join(words) in PLACES:
        return True
    toks = words_of(doc.text)
    indefinite = not definite(words[0])
    places = Ranges(place_ranges(doc) if indefinite else ())
    n = len(words)
    return any(tuple(t.norm for t in toks[k : k + n]) == words and k and (
        (designated and in_lexicon(toks[k - 1].norm, DESIGNATORS | PLURAL_DESIGNATORS))
        or (indefinite and toks[k - 1].norm in LOCATIVES)
        or places.covers(toks[k].start, toks[k + n - 1].end))
        for k in range(len(toks) - n + 1) if toks[k].norm.endswith(words[0]))
