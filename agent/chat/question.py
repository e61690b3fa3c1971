"""A question, read: its language, what kind of answer it wants (a count, who said what, who
someone is, where, when) and its content terms, English words carried to Arabic by the glossary."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from agent.chat.words import Term, en_keys
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import entries, table, words
from schemas import CasualtyCategory

Lang = Literal["ar", "en"]


@dataclass(frozen=True)
class Gloss:
    """What an English word of the glossary stands for in an Arabic article."""

    forms: tuple[str, ...]  # normalized Arabic words or phrases
    display: str | None  # the English name, for a name ('the Kremlin')


def _glossary() -> dict[str, Gloss]:
    """English key -> its Arabic forms; a key on several lines gathers all their forms."""
    out: dict[str, Gloss] = {}
    for entry in entries("glossary_en_ar"):
        keys, _, display = (entry.value or "").partition("=")
        forms = tuple(norm(f.strip()) for f in entry.text.split("،"))
        for key in keys.split(","):
            known = out.get(key.strip())
            out[key.strip()] = Gloss(
                tuple(dict.fromkeys((*known.forms, *forms))) if known else forms,
                (known.display if known else None) or display.strip() or None)
    return out


GLOSSARY = _glossary()


def _by_value(lexicon: dict[str, CasualtyCategory]) -> dict[CasualtyCategory, tuple[str, ...]]:
    """Words per category, categories and words in file order."""
    out: dict[CasualtyCategory, tuple[str, ...]] = {}
    for word, category in lexicon.items():
        out[category] = (*out.get(category, ()), word)
    return out


_EN_STOP = words("question_stopwords_en")
_AR_STOP = words("question_stopwords_ar")
# Words that name the attribute asked (age, name, nationality, reason) are not topic terms: the
# article says "(24 عاماً)", not "عمر" (agent/chat/constraints.py checks the attribute).
_ATTRIBUTE_WORDS = frozenset(table("question_attributes", str))
_ARTICLE_FORMS = frozenset({"ad", "ed", "as", "es", "ash", "esh", "at", "et", "ath", "adh", "ar",
                            "er", "az", "ez", "an", "en", "ay", "ey"})
_CATEGORY_EN = table("question_casualty_words_en", CasualtyCategory)
CATEGORY_FORMS = _by_value(table("question_casualty_words_ar", CasualtyCategory))
_VICTIM_EN = words("question_victim_words_en")
_VICTIM_FORMS = words("question_victim_words_ar")
_COUNT_AR = words("question_count_words_ar")
_SAY_EN = words("question_say_words_en")
_SAY_AR = words("question_say_words_ar")

_COUNT_EN = re.compile(r"\bhow (?:many|much)\b|\bnumber of\b|\btoll\b|\bwhat figure\b")
_WHO_IS_EN = re.compile(r"\bwho(?:'s| is| was| are| were| chairs| heads| leads| runs)\b|"
                        r"\bwhat (?:is|was) (?:the )?(?:role|title|job|position) of\b|"
                        r"\b(?:role|title|job)\b")
_WHERE_EN = re.compile(r"\bwhere\b|\bwhich (?:places?|towns?|cities|city|neighbou?rhoods?|"
                       r"districts?|areas?|villages?|locations?|regions?|provinces?)\b")
_WHO_DID_EN = re.compile(r"\bwho(?:'s| is| was| are| were) (?:\w+ed\b|behind\b|responsible\b|"
                         r"to blame\b)")
_PLACE_CLASS_EN = re.compile(r"\b(?:places|towns|cities|neighbou?rhoods?|districts|areas|"
                             r"villages|locations)\b")
# 'When ...?', 'since when', 'on what day'; not 'how many were hurt when the bomb went off'.
_WHEN_EN = re.compile(r"^\W*(?:(?:since|until|till|and|but|so) )?when\b"
                      r"|\b(?:what|which) (?:(?:local|exact|precise) )?"
                      r"(?:date|day|time|year|month|hour)\b")

class _Cue(StrEnum):
    """What an Arabic question word asks for (agent/lexicons/question_cues_ar.txt)."""

    who = "who"
    who_is_opening = "who_is_opening"
    role = "role"
    where = "where"
    place_class = "place_class"
    when = "when"


_CUES = table("question_cues_ar", _Cue)


def _cue(cue: _Cue) -> str:
    """The phrases of one cue, as a regex alternation."""
    return "(?:" + "|".join(re.escape(p) for p, c in _CUES.items() if c == cue) + ")"


_WHO_AR = frozenset(p for p, c in _CUES.items() if c == _Cue.who)
_WHO_IS_AR = re.compile(rf"^{_cue(_Cue.who_is_opening)}\b|\b{_cue(_Cue.role)}\b")
_WHERE_AR = re.compile(rf"\b{_cue(_Cue.where)}\b")
_PLACE_CLASS_AR = re.compile(rf"\b{_cue(_Cue.place_class)}\b")
_WHEN_AR = re.compile(rf"\b{_cue(_Cue.when)}\b")


@dataclass
class Query:
    text: str
    lang: Lang
    terms: list[Term] = field(default_factory=list)  # content words: places, names, topics
    categories: set[CasualtyCategory] = field(default_factory=set)
    count: bool = False
    say: bool = False
    who: bool = False
    who_is: bool = False
    where: bool = False
    place_list: bool = False
    when: bool = False
    what: bool = False  # 'what charges', 'ما التهم': a thing asked, not a figure
    # The noun a 'which X' / 'أي X' question asks for ('which hospital', 'أي مستشفى'): what the
    # answer names, not a topic the article must otherwise mention.
    asked: list[Term] = field(default_factory=list)
    victims: list[Term] = field(default_factory=list)  # 'الطفل' of 'كم كان عمر الطفل': no term


def language(question: str) -> Lang:
    """The question's language: that of its first word (names inside do not count)."""
    for ch in question:
        if ch.isalpha():
            return "en" if ch.isascii() else "ar"
    return "ar"


def parse(question: str) -> Query:
    q = Query(question, language(question))
    if q.lang == "en":
        _parse_en(q)
    else:
        _parse_ar(q)
    q.asked = _asked_nouns(q)
    q.who = q.who or (q.say and bool(q.asked))  # 'which official said ...'
    # «من الوزير الذي أعلن ارتفاع حصيلة الوفيات؟» asks who, «لماذا يخشى أوتشا أن تكون الحصيلة
    # أعلى؟» why: a toll they name is no figure asked.
    said = norm(q.text).split()
    q.count = q.count and not (q.lang == "ar" and "كم" not in said and (
        q.who or said[:1] in (["لماذا"], ["متي"], ["اين"])))
    q.where = q.where and not q.count  # «كم سيارة إسعاف دُفع بها إلى موقع الحريق» asks a figure
    return q


def _asked_nouns(q: Query) -> list[Term]:
    """The words right after 'which' / 'أي' (in English up to two: 'which TV channel')."""
    for i, t in enumerate(q.terms):
        if _WHICH.search(q.text[max(0, t.start - 12):t.start]):
            run = q.terms[i:i + 2]
            if len(run) == 2 and (q.lang == "ar" or q.text[run[0].end:run[1].start].strip()
                                  or _EN_VERB.match(run[1].word.split()[0])):
                run = run[:1]  # 'which militia pulled out', 'which group claimed responsibility'
            return run
    return []


# 'which (two) hospitals', 'what channel', 'أي مستشفى', 'بأي مدينة': the word right after it.
_WHICH = re.compile(r"(?:\b(?:[Ww]hich|[Ww]hat)(?: two| three)?"
                    r"|(?:^|\s)[\u0628\u0641\u0644]?(?:أي|اي|أية|اية))\s+$")


_EN_VERB = re.compile(r"\w+ed$|(?:drove|took|sent|led|made|gave|hit|began|fled|went|came|"
                      r"struck|broke|ran|set|put|told|said|held|left|kept|brought|fought)$", re.I)
_EN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)?|[\u0600-\u06FF]+")  # Nzérékoré


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _parse_en(q: Query) -> None:
    low = q.text.lower()
    # 'Which official announced the toll?' asks who, not how many.
    q.count = bool(_COUNT_EN.search(low)) and not (
        re.match(r"\W*(?:which|who)\b", low) and not re.search(r"\bhow (?:many|much)\b", low))
    q.who = bool(re.search(r"\bwho\b", low))
    # 'Who is suspected of / behind / to blame': someone who did it, not who someone is.
    q.who_is = bool(_WHO_IS_EN.search(low)) and not _WHO_DID_EN.search(low)
    q.what = bool(re.match(r"\W*what\b(?! (?:number|figure|toll|total))", low))
    q.where = bool(_WHERE_EN.search(low))
    q.place_list = bool(_PLACE_CLASS_EN.search(low))
    q.when = bool(_WHEN_EN.search(low))
    found = [(m.group(0), m.start(), m.end()) for m in _EN_WORD.finditer(q.text)]
    i, toll = 0, False
    while i < len(found):
        # Longest glossary phrase first: 'united states', 'syrian observatory'.
        for size in (4, 3, 2, 1):
            chunk = found[i:i + size]
            key = _gloss_key(chunk) if len(chunk) == size else None
            if key is not None:
                q.terms.append(Term(key, GLOSSARY[key].forms, frozenset(),
                                    chunk[0][1], chunk[-1][2]))
                if key in _CATEGORY_EN:  # 'bodies' is a term (جثث) and counts the dead
                    q.categories.add(_CATEGORY_EN[key])
                i += size
                break
        else:
            word, start, end = found[i]
            if word.lower() in ("toll", "tolls"):
                toll = True
            else:
                _classify_en(q, word, start, end)
            i += 1
    if toll and not q.categories:  # 'the latest toll … how many were wounded' asks the wounded
        q.categories.add(CasualtyCategory.killed)
    # 'Who put the toll at 2,445?': the figure is a word the article writes (as an Arabic
    # question's digits are), without its group commas. Not in 'how many', whose figure is
    # asked: 'the toll before it climbed to 134' is not the 134.
    if not q.count:
        q.terms += [Term(n, (n,), frozenset(), m.start(), m.end())
                    for m in _EN_NUMBER.finditer(q.text) if (n := m.group().replace(",", ""))]
        q.terms.sort(key=lambda t: t.start)


# 'the man killed', 'the victim': who a question asks of, by a word the article need not use.
PERSON_NOUNS_EN = {"man", "woman", "person", "victim", "boy", "girl", "youth", "teenager"}
_EN_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def _gloss_key(chunk: list[tuple[str, int, int]]) -> str | None:
    """The glossary key a run of English words stands for: the words, or one word without its
    inflection ('crossings', 'stabbed'); a key that is also a plain word ('who', 'us') only when
    typed in capitals (WHO, US)."""
    key = " ".join(w.lower() for w, _, _ in chunk)
    if key in _EN_STOP and not all(w.isupper() for w, _, _ in chunk):
        return None
    if key in GLOSSARY:
        return key
    owner = key.removesuffix("'s")  # "the Secretary-General's statement" ("Who's" is no WHO)
    if owner in GLOSSARY and owner not in _EN_STOP:
        return owner
    if len(chunk) > 1 or key in _CATEGORY_EN or key in _SAY_EN:
        return None
    for stem in english_stems(key):
        if stem in GLOSSARY and stem not in _EN_STOP:  # "Who's" is not the WHO
            return stem
    return None


def gloss_of(word: str) -> Gloss | None:
    """The glossary entry of one English word, or of its stem ('cases' -> 'case')."""
    return next((GLOSSARY[k] for k in (word, *english_stems(word)) if k in GLOSSARY), None)


def english_stems(word: str) -> list[str]:
    """The word without its inflection: 'crossings', 'stabbed' -> 'stab', 'casualties' ->
    'casualty', 'carried' -> 'carry', 'evacuating' -> 'evacuate'."""
    out = []
    for suffix, repl in (("'s", ""), ("ies", "y"), ("ied", "y"), ("s", ""), ("es", ""),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) > 2:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if suffix in ("ed", "ing") and not repl and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # 'stabbed' -> 'stab'
    return out


def _classify_en(q: Query, word: str, start: int, end: int) -> None:
    if word.endswith(("'s", "’s")) and len(word) > 3:  # "the DSWD's count" is the DSWD's
        word, end = word[:-2], end - 2
    low = word.lower()
    forms = (low, *english_stems(low))
    category = next((_CATEGORY_EN[w] for w in forms if w in _CATEGORY_EN), None)
    if category is not None:
        q.categories.add(category)
        return
    if any(w in _SAY_EN for w in forms):
        q.say = True
        return
    if _ARABIC.match(word):  # an Arabic name inside an English question
        q.terms.append(Term(word, tuple(clitic_bases(norm(word))), frozenset(), start, end))
        return
    # The Arabic article as Latin spellings write it, assimilated or not ('al-', 'ez-Zor').
    article = low in {"al", "el"} or (q.text[end:end + 1] == "-" and low in _ARTICLE_FORMS)
    if (low in _EN_STOP or article or low in _VICTIM_EN or low in _ATTRIBUTE_WORDS
            or len(low) < 2):
        return
    # A name is looked up by its consonants; a lower-case word the glossary does not know is
    # less likely a name ('hijab' may be), and two consonants ('take': t-k) match at random.
    keys = en_keys(low) if word[:1].isupper() else frozenset(k for k in en_keys(low) if len(k) > 2)
    q.terms.append(Term(word, (), keys, start, end))


def _parse_ar(q: Query) -> None:
    normalized = norm(q.text)
    q.who_is = bool(_WHO_IS_AR.search(normalized))
    q.what = bool(re.match(r"\W*(?:ما|ماذا|ما هي|ما هو)\s", normalized)) and not re.match(
        r"\W*ما (?:عدد|حصيله|اجمالي)\b", normalized)
    q.where = bool(_WHERE_AR.search(normalized))
    q.place_list = bool(_PLACE_CLASS_AR.search(normalized))
    q.when = bool(_WHEN_AR.search(normalized))
    toks = tokens(q.text)
    norms = [t.norm for t in toks]
    # «من أي بلدة انطلقت العبارة»: from which town, not who.
    q.who = bool(toks) and toks[0].norm in _WHO_AR and norms[1:2] != ["اي"]
    counted: tuple[CasualtyCategory, Term] | None = None  # «كم لاجئاً أصيب»: لاجئ is counted
    after_count = False
    for i, tok in enumerate(toks):
        bases = clitic_bases(tok.norm)
        if tok.norm in _COUNT_AR or bases[-1] in _COUNT_AR:
            q.count = after_count = True
            continue
        category = None if names_body(norms, i) else ar_category(bases)
        if category is not None:
            if after_count and counted is None:
                counted = category, Term(tok.text, tuple(bases), frozenset(), tok.start, tok.end)
            else:
                q.categories.add(category)
            after_count = False
            continue
        after_count = False
        if any(b in _SAY_AR for b in bases):
            q.say = True
            continue
        if tok.norm in _AR_STOP or (len(bases) > 1 and bases[1] in _AR_STOP) or any(
                b in _ATTRIBUTE_WORDS or b in _CUES for b in bases):
            continue  # 'منصب' asks for a role: not a word the article must hold
        if any(_ar_match(b, _VICTIM_FORMS) for b in bases):
            q.victims.append(Term(tok.text, tuple(bases), frozenset(), tok.start, tok.end))
            continue
        q.terms.append(Term(tok.text, tuple(bases), frozenset(), tok.start, tok.end))
    if counted is not None:
        category, noun = counted
        # 'كم لاجئاً أصيب': a refugee, a detainee or a patient («كم مريضاً أُجلي») is who is
        # counted when another category is asked; 'كم جريحاً سقط' still counts the wounded.
        if category in _POPULATIONS and q.categories - {category}:
            q.terms.insert(0, noun)
        else:
            q.categories.add(category)


_POPULATIONS = {CasualtyCategory.displaced, CasualtyCategory.detained, CasualtyCategory.sick}
BODY_NOUNS = words("question_body_nouns_ar")  # «سلطة الهجرة»، «بعثة الأمم المتحدة»


def names_body(words: list[str], i: int) -> bool:
    """The normalized word i is part of a body's name, after its noun or the noun's adjective:
    «سلطة الهجرة»، «المنظمة الدولية للهجرة»، «لشؤون اللاجئين»."""
    before = [clitic_bases(w)[-1] for w in words[max(0, i - 2):i]]
    return bool(before) and (before[-1] in BODY_NOUNS or (
        len(before) == 2 and before[0] in BODY_NOUNS and before[1].endswith(("ي", "يه"))))


def _ar_match(base: str, forms: Iterable[str]) -> bool:
    return any(base == f or (len(f) >= 3 and base.startswith(f) and len(base) - len(f) <= 3)
               for f in forms)


def ar_category(bases: list[str]) -> CasualtyCategory | None:
    for category, forms in CATEGORY_FORMS.items():
        if any(_ar_match(b, forms) for b in bases):
            return category
    return None


def category_terms(q: Query) -> list[Term]:
    """The casualty categories the question asks about, as terms to look for in the article."""
    return [Term(str(c), CATEGORY_FORMS.get(c, ()), frozenset(), 0, 0) for c in q.categories]


EVENT_NOUNS = table("event_nouns", str)  # event noun -> its event type


def is_event(t: Term) -> bool:
    """The term names a kind of event ('floods', 'تفجير', 'stampede')."""
    return any(b in EVENT_NOUNS for f in t.forms for b in clitic_bases(f))


PRESENCE = words("presence_words_ar")
_PRESENT_EN = re.compile(r"\b(?:on board|aboard|inside|living in|lived in|live in|"
                         r"travell?ing (?:on|in)|were (?:on|in|at) the \w+(?: \w+)? when)\b", re.I)
# «كم مريضاً كان في ردهة العزل لحظة اندلاع النيران»: who were there, though «مريض» is a category.
_PRESENT_AR = re.compile(r"(?:^|\s)كم \S+ (?:كان|كانوا|كانت) (?:في|داخل|بداخل|علي متن|هناك)\s")


def asks_presence(q: Query) -> bool:
    """How many were there (on board, inside, living in): only a figure of those present
    answers, not a toll."""
    return bool(_PRESENT_AR.search(norm(q.text))) or (not q.categories and (
        bool(_PRESENT_EN.search(q.text)) or any(
            b in PRESENCE for t in tokens(q.text) for b in clitic_bases(t.norm))))


_ALONE = re.compile(r"\b(?:alone|specifically)\b|وحد(?:ه|ها|هم|هن)\b|تحديدا")


def asks_alone(text: str) -> bool:
    """'in Namibe province alone', «في ناغاهامولا وحدها»: a figure of that place by itself."""
    return bool(_ALONE.search(norm(text).lower()))
