"""The verbs that open a statement or name a speaker in a sentence: reporting verbs and
participles, "بحسب X", and the subject named before a verb ("المرصد … الذي اعتبر").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agent import ner
from agent.extract import actors
from agent.text import lexicon
from agent.text.arabic import ARABIC_LETTER, Token, clitic_bases, tokens
from agent.text.doc import Doc
from schemas import Span, StatementKind


def _kind(value: str) -> StatementKind | None:
    """The kind a reporting verb forces; `quotes`: the kind follows the quotation marks."""
    return None if value == "quotes" else StatementKind(value)


VERBS = lexicon.table("reporting_verbs", _kind)
PARTICIPLES = lexicon.table("reporting_participles", _kind)  # "، مضيفا أن …"
_ATTRIBUTION = lexicon.words("attribution_particles")  # "وفق ما أفاد": not a statement
_ACCORDING = lexicon.words("according_to_name")
_CLAUSE_OPENERS = lexicon.words("clause_openers")
_WAS = lexicon.words("was_verbs")  # "وكانت القيادة الأمريكية قد أعلنت"
PREPOSITIONS = lexicon.words("prepositions_before_subject")
_ISSUING = lexicon.words("issuing_verbs")  # "أصدر X بياناً قال فيه": X speaks
_IN_IT = {"فيه", "فيها", "فيهما"}
LONG_QUOTE = 4  # words: a shorter quotation is a name («داعش»), not words said


@dataclass(frozen=True)
class Trigger:
    index: int  # token index of the verb
    kind: StatementKind | None
    participle: bool
    opens: bool  # starts a clause of its own, so it ends the words said before it
    subject: Span | None = None  # named before the verb (الذي اعتبر، مصادر أخرى تحدثت)
    speaker_only: bool = False  # names who acts, says nothing ("وفق ما أفاد X"، "ودانت X")


def verb_base(word: str) -> str | None:
    """The reporting verb or participle a word is, without its و/ف."""
    return next((b for b in (word, actors.unjoined(word)) if b in VERBS or b in PARTICIPLES),
                None)


def describes(toks: Sequence[Token], trig: Trigger, continuing: bool) -> bool:
    """'، ووصفت الاختطافات بأنها «…»': after a joined «وصف» the word before «بأن» is what is
    described, and so is a noun in construct, in a sentence of its own too ('ووصف رواية المفتش
    العام بأنها'); the speaker goes on from the words before."""
    verb, i = toks[trig.index].norm, trig.index
    if not (verb[:1] in "وف" and verb_base(verb) in ("وصف", "وصفت", "وصفوا")):
        return False
    k = next((k for k in range(i + 2, min(i + 5, len(toks))) if toks[k].norm.startswith("بان")),
             None)
    head = toks[i + 1]  # a common noun of the labeller's Arabic: not 'نغونغو' of 'نغونغو الهجوم'
    return k is not None and ((continuing and k == i + 2) or (k > i + 2 and not (
        actors.definite(head.norm) or actors.is_title_head(head.norm)) and ner.seen(head.text) > 0
        and "PERS" not in ner.labels(head.text)))


def inside_quote(doc: Doc, pos: int) -> bool:
    return actors.quotes(doc.text).covers(pos, pos + 1)


def long_quote_at(doc: Doc, pos: int) -> tuple[int, int] | None:
    """The quotation (of several words) whose opening mark comes first from raw pos."""
    while pos < len(doc.text) and doc.text[pos] in " \t:،,":
        pos += 1
    for a, b in actors.quotes(doc.text).opening_at(pos):
        if len(tokens(doc.text, a, b)) >= LONG_QUOTE:
            return a, b
    return None


# ---------------------------------------------------------------- reporting verbs


def sentence_triggers(doc: Doc, toks: Sequence[Token], first: int, stop: int) -> list[Trigger]:
    """Verbs of one sentence (toks[first:stop]) that open a statement or name a speaker."""
    out = []
    for i in range(first, stop):
        t = toks[i]
        if t.norm in _ACCORDING and i + 1 < stop and toks[i + 1].norm not in _ATTRIBUTION:
            # "بحسب مصادر عسكرية": names the source "المصادر" may refer back to
            out.append(Trigger(i, None, False, False, speaker_only=True))
            continue
        base = verb_base(t.norm)
        acts = base is None and actors.unjoined(t.norm) in actors.ACTOR_VERBS
        if (base is None and not acts) or inside_quote(doc, t.start) or _passive(doc, t):
            continue
        participle = base is not None and base in PARTICIPLES
        kind = PARTICIPLES.get(base or "") if participle else VERBS.get(base or "")
        prev = toks[i - 1].norm if i > first else ""
        after_comma = i > first and not actors.passable(doc, toks[i - 1], t)
        if participle and not after_comma:
            continue  # "قيودا مشددة": an adjective; "، مشددا على" continues a speaker
        joined = i == first or t.norm[0] in "وف" or prev in _CLAUSE_OPENERS or participle
        only = acts or prev in _ATTRIBUTION  # "وفق ما أفاد المرصد": who reported, not words
        if acts and not (joined or after_comma):
            continue  # "إن الطائرات استهدفت مواقع": an action inside the words said
        subject = _was_subject(doc, toks, i, first) if prev in ("قد",) else None
        if subject is None and not only and (prev in actors.RELATIVE or not joined):
            subject = _subject_before(doc, toks, i, first)
            if subject is None and (prev in actors.RELATIVE or not after_comma):
                continue
        opens = subject is None and prev not in _ATTRIBUTION
        out.append(Trigger(i, kind, participle, opens, subject, only))
    return out


def _passive(doc: Doc, t: Token) -> bool:
    """'وُصفت'، 'ذُكر': a damma on the verb's first letter makes it passive (when voweled)."""
    lead = 1 if t.norm[0] in "وف" and t.norm[1:] in VERBS else 0
    letters = [k for k, ch in enumerate(t.text) if ARABIC_LETTER.match(ch)]
    if len(letters) <= lead:
        return False
    k = letters[lead] + 1
    return k < len(t.text) and t.text[k] == "\u064f"


def _subject_before(doc: Doc, toks: Sequence[Token], i: int, first: int) -> Span | None:
    """The name right before the verb toks[i] (toks[first] opens the sentence): before الذي
    ('المرصد … الذي اعتبر'), a name running up to the verb ('مصادر أخرى تحدثت'), a name
    before a title between commas ('مايا كوسيانيتش، المتحدثة باسم أشتون، نفت'), or before
    'نقلت عنه …' ('مصدراً أمنياً نقلت عنه القناة ١٣ اتهم')."""
    if i + 1 < len(toks) and toks[i + 1].norm in _IN_IT:
        return _issuer(doc, toks, i, first)
    relative = toks[i - 1].norm in actors.RELATIVE
    end = i - 1 if relative else i
    if end > first and not actors.passable(doc, toks[end - 1], toks[end]) and not relative:
        k = end - 1
        while k > first and actors.passable(doc, toks[k - 1], toks[k]):
            k -= 1
        if k == first or not (actors.is_title_head(toks[k].norm) or toks[k].norm in
                              actors.CONNECTORS):  # "خلية الإعلام الأمني، التابعة لـ…، قالت"
            return None
        end = k
    quoted_by = next((k for k in range(max(first, end - 6), end - 1)
                      if actors.unjoined(toks[k].norm).startswith("نقل")
                      and toks[k + 1].norm in ("عنه", "عنها", "عنهم")), None)
    end = quoted_by if quoted_by is not None else end
    start = end
    while start > first and end - start < 7:
        prev = toks[start - 1]
        if (start < end or relative) and not actors.passable(doc, prev, toks[start]) and \
                not (start == end and relative):
            break
        if prev.norm in actors.STOP_WORDS or actors.unjoined(prev.norm) in actors.STOP_WORDS \
                or verb_base(prev.norm) or actors.unjoined(prev.norm) in actors.ACTOR_VERBS:
            break
        start -= 1
    if start >= end or (start > first and toks[start - 1].norm in PREPOSITIONS):
        return None  # "في شوارع العاصمة تقول": after a preposition it is not the subject
    # A phrase is read forward from its first word: the words before it need no copying.
    found = actors.named_phrase(doc, toks[start:end], 0)
    return found.name if found and found.end == end - start else None


def _issuer(doc: Doc, toks: Sequence[Token], i: int, first: int) -> Span | None:
    """Who issued the document the words at toks[i] are said in: 'أصدر مكتب المفتش العام
    للشرطة بياناً قال فيه' -> the office; 'بعث الرئيس تبون برسالة تعزية قال فيها' -> تبون."""
    k = next((k for k in range(i - 1, max(first, i - 4) - 1, -1)
              if {b.removesuffix("ا") for b in clitic_bases(toks[k].norm)} & actors.CHANNELS),
             None)
    verb = next((v for v in range(k - 1, first - 1, -1)
                 if actors.unjoined(toks[v].norm) in _ISSUING), None) if k else None
    if verb is None or k is None or verb + 1 >= k:
        return None
    words = toks[verb + 1 : k]
    found = actors.named_phrase(doc, words, 0)
    if found is None:
        return None  # "أصدر المدير التنفيذي لوزارة الصحة بن نانغومبي بياناً": the person
    return (actors.holder_before(doc, words, 0, found, len(words)) or found).name


def _was_subject(doc: Doc, toks: Sequence[Token], i: int, first: int) -> Span | None:
    """'وكانت القيادة الأمريكية في أفريقيا قد أعلنت': the name after كان before قد."""
    was = next((k for k in range(i - 2, max(first, i - 10) - 1, -1) if toks[k].norm in _WAS),
               None)
    if was is None or was + 1 >= i - 1:
        return None
    words = toks[was + 1 : i - 1]
    found = actors.named_phrase(doc, words, 0)
    if found is None:
        return None  # "وكان رئيس إدارة الإطفاء في يونغسان تشوي سونغ بوم قد أفاد": the person
    return (actors.holder_before(doc, words, 0, found, len(words)) or found).name
