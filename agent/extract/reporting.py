"""Reporting verbs ("قال", "أعلنت", "أحصت") and where the words of another source begin."""

from __future__ import annotations

from agent.extract.numbers import Word, starts_number, words
from agent.text import lexicon
from agent.text.arabic import clitic_bases
from agent.text.doc import Doc

REPORTING_VERBS = lexicon.words("past_reporting_verbs")
OBJECT_SUFFIXES = lexicon.ordered("object_suffixes")  # "أعلنها"، "نقلته"
# Counting is no statement, but its subject reports the figure: "قدّرت منظمة عدد القتلى بـ30".
GIVING_VERBS = REPORTING_VERBS | lexicon.words("figure_verbs")
COMMAS = {"،", ","}
_EARLIER = [tuple(p.split()) for p in lexicon.ordered("earlier_clause_openers")]  # "بعدما"


def is_reporting_verb(w: Word, verbs: frozenset[str] = REPORTING_VERBS) -> bool:
    """قال، أعلنت، وأفاد، أعلنها: a past reporting verb, with its clitics."""
    return w.is_letters and any(
        b in verbs or any(b.endswith(x) and b[: -len(x)] in verbs for x in OBJECT_SUFFIXES)
        for b in clitic_bases(w.norm))


_TOLLS = lexicon.words("figure_nouns") | {"عدد", "العدد"}  # "رفعت وسائل إعلام عدد القتلى"
_FIGURE_REACH = 18  # words from a figure verb to its figure, over as long a name as any
_CLAUSE_ENDS = COMMAS | {".", "؛", ":", "؟", "!"}


def figure_follows(ws: list[Word], k: int) -> bool:
    """A number or a toll follows the verb ws[k] in its clause: "أحصت المديرية العامة … 549
    حالة"; not "رفعت فرقها الأنقاض بالكامل …، لتستقر الحصيلة" (lifted the rubble)."""
    end = next((j for j in range(k + 1, len(ws)) if ws[j].norm in _CLAUSE_ENDS), len(ws))
    return any(starts_number(ws, j) or ws[j].norm in _TOLLS
               for j in range(k + 1, min(end, k + _FIGURE_REACH)))


def new_clause(doc: Doc, start: int, end: int) -> bool:
    """Do the words from a fact at raw `start` to a source named at `end` open another source's
    words? "أكدت X أن حالات الإنفلونزا وصلت إلى 1004، ومؤخرا أعلنت Y أن …": after a comma, و
    and a reporting verb do; so does "بعدما" or "قبل أن" with a reporting verb in its clause,
    even one after the name ("إلى 19، بعدما كانت وزارتها قد أعلنت مقتل 32")."""
    ws = words(doc, start, end)
    if any(w.norm in COMMAS and i + 1 < len(ws) and ws[i + 1].norm[0] in "وف"
           and any(is_reporting_verb(v) for v in ws[i + 1:i + 4]) for i, w in enumerate(ws)):
        return True
    ws += words(doc, end, doc.sentence_at(end).end)
    return any(_opens_earlier(ws, i) and any(is_reporting_verb(v) for v in _till_comma(ws, i))
               for i in range(len(ws)) if ws[i].start < end)


def _opens_earlier(ws: list[Word], i: int) -> bool:
    return any(all(i + n < len(ws) and ws[i + n].norm == s for n, s in enumerate(seq))
               for seq in _EARLIER)


def _till_comma(ws: list[Word], i: int) -> list[Word]:
    stop = next((j for j in range(i, len(ws)) if ws[j].norm in COMMAS), len(ws))
    return ws[i:stop]
