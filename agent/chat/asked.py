"""What a question names besides its words: the source it cites ('according to X', «بحسب X»)
and a nationality it counts ('how many British nationals'). Read by agent/chat/asks.py."""

from __future__ import annotations

import re

from agent.chat.facts import Facts
from agent.chat.question import GLOSSARY, Query
from agent.chat.question_names import DESIGNATORS
from agent.chat.words import Term
from agent.extract.places import PLURAL_DESIGNATORS
from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.lexicon import table, words

_EN_SOURCE = re.compile(r"\baccording to (?:the )?([^,?]+)|\b(?:did|does|do|had|has|have) (?:the )?"
                        r"((?:\S+ ){0,5}?\S+)(?: itself| themselves)? (?:say|report|record|count|"
                        r"counted|announce|put|give(?! way)|confirm|confirmed|register|"
                        r"registered)\b"
                        # 'the first toll given by the police spokesman in Beledweyne'
                        r"|\b(?:given|reported|announced|issued) by (?!(?:the )?(?:end|start|"
                        r"beginning|middle|time|close)\b)(?:the )?((?:(?! (?:in|on) )[^,?])+)"
                        # 'in Sunday's Minas Gerais Civil Defence bulletin': whose bulletin; not
                        # 'in police custody did X report' ('do' may be a name's: Rio Grande do Sul)
                        r"|\bin (?:the |its |their )?((?:(?!\b(?:in|on|at|according|after|before|"
                        r"during|since|latest|last|new|did|had|has|have)\b)[^,?\d])+?)"
                        r"(?:'s?)? "
                        r"(?:(?:latest|first|last|new|daily|weekly|final|preliminary|earlier|"
                        r"initial|official) )*(?:bulletin|report|update|statement|briefing|tally|"
                        r"count|sitrep)\b"
                        # 'the 16 people MSF says died', 'the toll the UN gives': a name before
                        # a present or past reporting verb, not the question's first word
                        r"|(?<=\S )(?<!had )(?<!has )(?<!did )(?<!have )"
                        r"((?-i:(?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,4})) (?:says|said|"
                        r"reports|reported|counts|counted|estimates|estimated|gives|gave)\b",
                        re.I)
# 'according to whom', 'بحسب أي جهة': the source is asked for, not set.
_ASKED_SOURCE = {"whom", "who", "which", "what", "اي", "من", "ماذا", "ما"}
_AR_SOURCE = ("بحسب", "حسب", "وفق", "وفقا", "نقلا")
_AR_ACCOUNT = ("روايه", "بروايه", "لروايه")
_AR_GIVING = words("past_reporting_verbs") | words("figure_verbs")  # «كم قتيلاً أعلنت X»
# Words that end the source's name: a preposition, a day or a time («محافظ هرمزغان مساء الأحد»).
_AR_AFTER_SOURCE = ({"في", "خلال", "منذ", "جراء", "بسبب", "اثر", "علي", "حتي", "بعد", "من"}
                    | words("time_asides") | words("times_of_day"))
_FIGURE_SOURCES = words("question_figure_sources")  # 'according to the latest toll'
# Words between "how many" and what it counts.
_COUNTED_WORDS = (r"(?:of (?:the |them )?)?((?:(?!(?:in|at|from|inside|across|aboard|near)\b)"
                  r"[a-z'-]+ ){0,3}?[a-z'-]+)")  # 'people in Herat'
_EN_COUNTED = re.compile(r"\bhow (?:many|much) " + _COUNTED_WORDS +
                         r"(?= (?:were|was|are|is|did|do|does|have|has|had|will|would|could|"
                         r"can|died|lost|live|remain|[a-z]{3,}ed)\b)")
# 'How many teachers fell ill': people, before an irregular past ('how much rain fell' is rain).
_EN_COUNTED_FELL = re.compile(r"\bhow many " + _COUNTED_WORDS +
                              r"(?= (?:fell|fled|went|got|took|left|came|ran|became|caught)\b)")
# 'how many households in the host community lost …', 'how many crew members of the train':
# one or two words before a preposition.
_EN_COUNTED_AT = re.compile(
    r"\bhow many (?!members? of)((?:[a-z'-]+ )?[a-z'-]+)"
    r"(?= (?:in|at|from|inside|across|among|aboard|of)\b)")  # 'members of X' counts X


def en_counted(low: str) -> re.Match[str] | None:
    """The words of a lowercased English question between 'how many' and what it counts
    (group 1), if it writes them."""
    return _EN_COUNTED.search(low) or _EN_COUNTED_FELL.search(low) or _EN_COUNTED_AT.search(low)
DEMONYMS = table("state_demonyms", str)  # 'صيني' -> الصين
_NATIONALS = {"nationals", "national", "citizens", "citizen", "people", "persons", "residents"}


def sources(q: Query) -> list[Term]:
    """The terms that name the source a question cites ('according to X', 'did X say',
    «بحسب X»), none when it asks for the source ('according to whom')."""
    if q.lang == "en":
        m = _EN_SOURCE.search(q.text)
        if not m:
            return []
        start, end = m.span(next(k for k in (1, 2, 3, 4, 5) if m.group(k)))
    else:
        toks = tokens(q.text)
        # «في رواية الجيش»، «برواية الشرطة»: whose account the figure is.
        found = [t for t in toks if t.norm in _AR_SOURCE or t.norm in _AR_ACCOUNT]
        giving = _giving_after_how_many(toks)
        if found:
            start, end = found[0].end, len(q.text)
        elif giving is not None:  # «كم قتيلاً أعلنت هيئة الطوارئ في ضربة …»: who announced
            start = toks[giving].end
            end = next((t.start for t in toks[giving + 1:] if t.norm in _AR_AFTER_SOURCE),
                       len(q.text))
        else:
            return []
    first = q.text[start:end].split()[:1]
    if first and not first[0].isupper() and norm(first[0].lower()) in _ASKED_SOURCE:
        return []
    # 'according to the latest toll' names no one; 'HRANA's latest report' names HRANA.
    return [t for t in q.terms if start <= t.start and t.end <= end
            and norm(t.word.lower()) not in _FIGURE_SOURCES]


def _giving_after_how_many(toks: list[Token]) -> int | None:
    """The index of a verb giving a figure within three words after «كم» («كم قتيلاً أعلنت»)."""
    at = next((i for i, t in enumerate(toks) if t.norm == "كم"), None)
    if at is None:
        return None
    return next((i for i in range(at + 1, min(len(toks), at + 4))
                 if any(b in _AR_GIVING for b in clitic_bases(toks[i].norm))), None)


def demonyms_of(words: list[str]) -> tuple[str, ...]:
    """The Arabic demonyms of the countries English words name ('British', 'Americans')."""
    forms = {norm(f).removeprefix("ال") for w in words if w in GLOSSARY
             for f in GLOSSARY[w].forms}
    states = forms | {norm(DEMONYMS[f]).removeprefix("ال") for f in forms if f in DEMONYMS}
    return tuple(d for d, state in DEMONYMS.items() if norm(state).removeprefix("ال") in states)


def nationality(q: Query) -> tuple[str, ...]:
    """The Arabic forms of a nationality the counted noun carries: 'British' (بريطاني،
    البريطانيين …) in 'how many British nationals', 'فلبينياً' in «كم رهينة فلبينياً»."""
    if q.lang == "en":  # a nationality on a noun of people in general, not 'Algerian soldiers'
        m = en_counted(q.text.lower())
        counted = m.group(1).split() if m else []
        if not counted or counted[-1] not in _NATIONALS:
            return ()
        return demonyms_of(counted)
    toks = tokens(q.text)
    at = next((i for i, t in enumerate(toks) if t.norm == "كم"), None)
    for t in toks[at + 1:at + 4] if at is not None else []:
        state = next((DEMONYMS[b] for b in clitic_bases(t.norm.removesuffix("ا"))
                      if b in DEMONYMS), None)
        if state is not None:
            return tuple(d for d, st in DEMONYMS.items() if st == state)
    return ()


def in_article_places(q: Query, fx: Facts) -> list[Term]:
    """«كم شخصاً لقوا حتفهم في بوغور»: a word after «في» in an Arabic count question that the
    article writes as a place, after a designator («بمدينة بوغور»)."""
    if q.lang != "ar" or not q.count:
        return []
    # «في بلدية كونيتس»: the name after a designator after «في» too.
    after_in = [t for t in q.terms if q.text[:t.start].split()[-1:] == ["في"] or (
        q.text[:t.start].split()[-2:-1] == ["في"]
        and any(b in DESIGNATORS for b in clitic_bases(norm(q.text[:t.start].split()[-1]))))]
    if not after_in:
        return []
    toks = tokens(fx.article)
    designated: set[str] = set()
    for i, prev in enumerate(toks):
        if not any(x in DESIGNATORS or x in PLURAL_DESIGNATORS for x in clitic_bases(prev.norm)):
            continue
        # «إجلاء سكان قرى الرمادية وبئر القصب وزنزف»: each name of the list is one.
        for k, t in enumerate(toks[i + 1:i + 1 + _LISTED]):
            if not t.text.isalpha():
                break
            if k == 0 or t.norm.startswith("و"):
                designated.update(clitic_bases(t.norm))
    return [t for t in after_in if set(t.forms) & designated]


_LISTED = 8  # words after a designator that a list of its places may run to
