"""The clause a trigger speaks in: a trigger's words, the clause around them (between commas,
quotes and words that open a clause of their own) and the quoted passages of its sentence."""

from __future__ import annotations

from dataclasses import dataclass

from agent.extract import places
from agent.text import lexicon
from agent.text.arabic import Token
from agent.text.doc import Doc, Sentence, Span, span
from schemas import EventSubtype, EventType, Location, Modality

CLAUSE_WORDS = lexicon.words("event_clause_openers")
DELIMITERS = "،,؛;:«»\"“”()."
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
CLAUSE_BEFORE, CLAUSE_AFTER = 4, 10  # evidence: words around the trigger inside its clause


@dataclass
class Trigger:
    """Trigger words found in a sentence (token indices into `toks`)."""

    sentence: Sentence
    toks: list[Token]
    first: int
    last: int
    options: tuple[EventType, ...]  # one when the rules decided, more when open
    verb: bool
    mood: Modality | None = None  # set by the verb's own form: "ستنسحب", "لم ينسحب"
    purpose: bool = False  # a glued ل of purpose: "لاستعادة شرق حلب"
    definite: bool = False  # "الانسحاب", "الصاروخين": may point back to a told happening
    subtype: EventSubtype | None = None  # "زلزال" earthquake, "تحطم طائرة" air

    @property
    def start(self) -> int:
        return self.toks[self.first].start

    @property
    def end(self) -> int:
        return self.toks[self.last].end

    @property
    def text(self) -> str:
        """The trigger's words as written."""
        return self.sentence.text[self.start - self.sentence.start : self.end - self.sentence.start]


def clause_span(raw: str, t: Trigger) -> Span:
    """The trigger's words and a few around it, inside its clause (between commas, quotes)."""
    toks = t.toks
    lo = t.first
    while lo > 0 and t.first - lo < CLAUSE_BEFORE and not boundary_after(raw, toks, lo - 1):
        lo -= 1
    hi = t.last
    while hi + 1 < len(toks) and hi - t.last < CLAUSE_AFTER and not boundary_after(raw, toks, hi):
        hi += 1
    return span(raw, toks[lo].start, toks[hi].end)


def boundary_after(raw: str, toks: list[Token], i: int) -> bool:
    """A clause boundary lies between token i and the next."""
    return any(ch in DELIMITERS for ch in raw[toks[i].end : toks[i + 1].start])


def clause_scope(raw: str, t: Trigger) -> tuple[int, int]:
    """Raw bounds of the part of the sentence that speaks of this trigger: clauses opened by
    "فيما", "بينما", "إلا أن" … have their own time and place."""
    toks = t.toks
    lo = next((k for k in range(t.first, -1, -1) if _opens_clause(toks, k)), 0)
    hi = next((k for k in range(t.last + 1, len(toks)) if _opens_clause(toks, k)), len(toks))
    return toks[lo].start, toks[hi - 1].end


def _opens_clause(toks: list[Token], k: int) -> bool:
    word = toks[k].norm
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    if word == "وان":  # "أفاد شهود بأن الاشتباكات امتدت … وأن قذائف سقطت …"
        return True
    word = word.removeprefix("و")
    return word in CLAUSE_WORDS and (word not in {"غير", "الا"} or nxt == "ان")


def object_place(doc: Doc, t: Trigger) -> Location | None:
    """A place right after the trigger: "دخلت القوات مدينة حلب", "استعادة تدمر"."""
    toks = t.toks
    if t.last + 1 >= len(toks):
        return None
    end = toks[min(t.last + 4, len(toks) - 1)].end
    return places.find_location(doc, toks[t.last + 1].start, end, anchor=t.end, bare=True)


def joined(raw: str, toks: list[Token], i: int) -> bool:
    """Token i and the next one stand together: only spaces between them."""
    return i + 1 < len(toks) and not raw[toks[i].end : toks[i + 1].start].strip()


def quote_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Raw [start, end) of the quoted passages of a sentence («…», “…”, "…")."""
    out: list[tuple[int, int]] = []
    text = sentence.text
    for open_, close in QUOTE_PAIRS:
        pos = 0
        while (s := text.find(open_, pos)) >= 0:
            e = text.find(close, s + 1)
            e = len(text) if e < 0 else e
            out.append((sentence.start + s, sentence.start + e + 1))
            pos = e + 1
    return out
