"""The actor lexicons (agent/lexicons/*.txt), loaded once, and the tests on single words built on
them: is a word a title, a group head, a stop word, definite, joined by "and"?
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

from agent import ner
from agent.extract.places import DESIGNATORS
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases, norm, tokens
from schemas import ActorType

V = TypeVar("V")


def phrase(text: str) -> str:
    """A lexicon entry of several words as the code matches it: 'حزب الله' -> 'حزب_الله'."""
    return norm(text).replace(" ", "_")


def phrases(name: str, convert: Callable[[str], V]) -> dict[str, V]:
    """A table whose entries may be phrases, keyed the way joined() matches them."""
    return {phrase(k): v for k, v in lexicon.table(name, convert).items()}


def _aliases() -> tuple[tuple[str, ...], ...]:
    """group_aliases.txt as groups of forms, the key of each group first."""
    groups: dict[str, list[str]] = {}
    for form, key_form in phrases("group_aliases", phrase).items():
        forms = groups.setdefault(key_form, [key_form])
        if form != key_form:
            forms.append(form)
    return tuple(tuple(forms) for forms in groups.values())


TITLE_HEADS = lexicon.words("title_heads")
RANK_WORDS = lexicon.words("rank_words")
HONORIFICS = lexicon.words("honorifics")  # "الدكتور | وسيم بيغ": a name follows
_PARTICLES = lexicon.grouped("name_particles", "definite", "plain")
NAME_PARTICLES = _PARTICLES["definite"] | _PARTICLES["plain"]
JOINS_DEFINITE = _PARTICLES["definite"]  # "عبد الإله": a definite word after these
COMPOUND_ENDS = lexicon.words("compound_name_ends")  # "كمال الدين بهويان"
WAW_WORDS = lexicon.words("waw_words")
STOP_WORDS = lexicon.words("name_stop_words")
MAKSURA = lexicon.words("maksura_stop_words")
MEDIA_AFTER = lexicon.words("media_after_speaker")
ORG_HEADS = lexicon.table("group_heads", ActorType)
BARE_OK = lexicon.words("group_heads_alone")
NAMED_GROUPS = phrases("named_groups", ActorType)
EQUIVALENT = _aliases()
INTERNATIONAL = lexicon.words("international_words")
CIVILIANS = lexicon.words("civilian_nouns")
UNNAMED_SOURCES = lexicon.words("unnamed_sources")
REPORTED_NOUNS = lexicon.words("reported_nouns")  # "أعلن الوزير فلان | انتهاء البحث"
CHARGES = lexicon.words("charges")  # "نفى ناظر المحطة | ارتكاب أي خطأ"
CAUSES = lexicon.words("cause_words")  # "وصف الرئيس فلان | الهجوم بأنه"
STATE_COMPLEMENTS = lexicon.words("state_force_complements")
REBEL_ARMIES = lexicon.words("rebel_army_names")
HOME_ARMY = lexicon.words("national_army_complements")
GENERIC_REBELS = lexicon.words("generic_fighters")
COUNTRY_FORMS = phrases("state_names", str)
CAPITALS = phrases("state_capitals", str)
DEMONYMS = phrases("state_demonyms", str)
PLACE_WORDS = lexicon.words("place_markers")
ACTING_AFTER = lexicon.words("party_nouns")
ACTOR_VERBS = lexicon.words("actor_verbs")
RELATIVE = lexicon.words("relative_pronouns")
_ADVERBS = lexicon.grouped("adverbs", "subject", "plain")
ADVERBS = _ADVERBS["subject"] | _ADVERBS["plain"]
SUBJECT_ADVERBS = _ADVERBS["subject"]  # after a verb: the speaker is the one already known
SUBJECT_AFTER = lexicon.words("subject_markers")
_CONNECTORS = lexicon.grouped("connectors", "open", "closed")
CONNECTORS = _CONNECTORS["open"] | _CONNECTORS["closed"]
DANGLING = _CONNECTORS["open"]  # a name never ends with these
CLOSED_CONNECTORS = _CONNECTORS["closed"]  # "باسمه": speaks for the body named before
GOVERNING = lexicon.words("prepositions_before_subject")  # "لحماس": about, not who acts
INSTITUTIONS = lexicon.words("institutions")
TIES = lexicon.words("ties")
FRAME_NOUNS = lexicon.words("frame_nouns")
FIGURE_NOUNS = lexicon.words("figure_nouns")  # "أعلنت الوزارة في حصيلة محدثة"
CHANNELS = lexicon.words("channels")
FORCE_HEADS = lexicon.grouped("force_heads", "army", "forces")
THING_HEADS = lexicon.words("thing_heads")  # "مستشفى ماري مرقص"، "مبنى سكنياً": no person
FIGHTERS = (ActorType.state_forces, ActorType.armed_group)

# The article with the proclitics before it; at least two letters must follow, three after
# ك ("وكالة"، "وكالات" are not و+ك+ال+…).
_DEFINITE = re.compile(r"^[وف]?(?:(?:ب|ك(?=ال...))?ال|لل)(?=..)")
_POSSESSIVE = re.compile(r"(?<=...)(?:هما|هم|ها|ه)$")
_TANWIN_ALIF = re.compile(r"(?:\u064b\u0627|\u0627\u064b)\W*$")
_HARAKAT = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def in_lexicon(word: str, entries: Iterable[str]) -> bool:
    """The word, or the word without its proclitics, is one of the entries."""
    return any(b in entries for b in clitic_bases(word))


def definite(word: str) -> bool:
    """Carries the article, possibly behind a proclitic: الصالح، والجيش، للأسد."""
    return bool(_DEFINITE.match(word))


def hamzated(tok: Token) -> bool:
    """Written with a hamza on its first alif («ألبين», «ألفريدو»): a name, for the article's
    alif never carries one (normalization writes both alike)."""
    return tok.text.startswith("أل")


def loose_definite(words: Sequence[Token]) -> int:
    """Index of the first word of the run that carries the article on its own, not joined to
    the name before it by a particle ('الرحمن' of 'عبد الرحمن'); len(words) when none does."""
    return next((k for k, w in enumerate(words) if definite(w.norm)
                 and not (k and words[k - 1].norm in JOINS_DEFINITE)), len(words))


def bare(word: str) -> str:
    """The word without و/ف/ب/ك/ل in front of its article: 'وللاسد' -> 'الاسد'."""
    m = _DEFINITE.match(word)
    return "ال" + word[m.end():] if m else word


def unjoined(word: str) -> str:
    """The word without a leading و/ف ('and', 'so'), but never without its article
    (clitic_bases strips that too, so 'الكشف' would pass for the verb 'كشف')."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 2 else word


def is_title_head(word: str) -> bool:
    """A title's head word, also with a possessive ('قائدها'، 'باسمه' is a connector), but
    not a place's designator that reads like one ('محافظة' is written as 'محافظه')."""
    return in_lexicon(word, TITLE_HEADS) or (
        in_lexicon(_POSSESSIVE.sub("", word), TITLE_HEADS) and not in_lexicon(word, DESIGNATORS))


def force_head(word: str) -> str | None:
    """'army' for a جيش, 'forces' for قوات / قوى ('والقوات'), None for any other word."""
    w = bare(word)
    return next((kind for kind, heads in FORCE_HEADS.items() if w.endswith(tuple(heads))), None)


def waw_name(word: str) -> bool:
    """A word opening with و whose rest is no word of the labeller's Arabic training text,
    nor a noun with a possessive: a foreign name's ('واتربو'، 'وليام'), not 'and' a word
    ('وأربعة'، 'وامرأة'، 'وحراسها'، 'واعتقاله')."""
    return word.startswith("و") and not ner.seen(word[1:]) and not _POSSESSIVE.search(word)


def lexicon_word(w: str) -> bool:
    return w in TITLE_HEADS or w in ORG_HEADS or w in CAPITALS or w in COUNTRY_FORMS or \
        w in NAMED_GROUPS


def conjoined(word: str) -> bool:
    """A leading و that means 'and': not part of a title, group, place or و-name."""
    return word.startswith("و") and len(word) > 3 and word not in WAW_WORDS and \
        not lexicon_word(word)


def stop_word(t: Token) -> bool:
    """A word that ends a name. 'علي' written with ي is the name, not the preposition على
    (normalization writes both alike; the article does not)."""
    if t.norm not in STOP_WORDS:
        return False
    return t.norm not in MAKSURA or not _HARAKAT.sub("", t.text).endswith("ي")


def accusative(t: Token) -> bool:
    """Written with tanwin on its alif ('سلكاً'، 'محمّلاً'، 'تعليقاً'): a noun or an adverb,
    never a name."""
    return bool(_TANWIN_ALIF.search(t.text))


def lexical(word: str) -> bool:
    """Words that belong to titles and group names, never to a personal name."""
    return (is_title_head(word) or in_lexicon(word, ORG_HEADS) or in_lexicon(word, COUNTRY_FORMS)
            or in_lexicon(word, CAPITALS) or bare(word) in DEMONYMS or word in STOP_WORDS
            or word in RANK_WORDS or in_lexicon(word, DESIGNATORS)
            or word in CONNECTORS or any(ch.isdigit() for ch in word))


def channel(word: str) -> bool:
    """A word for how or when something was said, also definite or with a possessive:
    'بيانها'، 'النشرة'، 'تقريره'."""
    w = bare(word)
    w = w[2:] if w.startswith("ال") else w
    return any(f in CHANNELS or f in FRAME_NOUNS or f in FIGURE_NOUNS
               for f in (w, _POSSESSIVE.sub("", w)))


def verbish(word: str) -> bool:
    """Shaped like a verb, so it ends a group's name: 'فتحوا'، 'يستقلون'، 'تعارضان'. (Not
    used on personal names: 'فرانسوا' has the same ending.)"""
    return (len(word) > 3 and word.endswith("وا")) or \
        (len(word) > 4 and word[0] in "يت" and word.endswith(("ون", "ان")))


def nisba(word: str) -> bool:
    return word.endswith(("ي", "يه")) and len(word) > 3


@lru_cache(maxsize=8192)  # asked again and again of the same names
def key(text: str) -> tuple[str, ...]:
    """Comparable form of a name: normalized words, the first without its proclitics."""
    words = [t.norm for t in tokens(text)]
    if not words:
        return ()
    first = words[0]
    known = [b for b in clitic_bases(first) if lexicon_word(b)]
    words[0] = bare(first) if definite(first) else (known[0] if known else first)
    return tuple(words)


def joined(words: Sequence[str], entries: Iterable[str]) -> str | None:
    """The longest lexicon entry ('الولايات_المتحده') that the words start with."""
    for n in range(min(4, len(words)), 0, -1):
        if "_".join(words[:n]) in entries:
            return "_".join(words[:n])
    return None
