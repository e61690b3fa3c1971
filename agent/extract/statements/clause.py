"""Reading one statement from its verb to the end of its clause: the speaker named after the verb,
what introduces the words said (إن، ':'، «…»), the words said, and each وأن that goes on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.extract import actors
from agent.extract.statements.triggers import (
    LONG_QUOTE,
    PARTICIPLES,
    Trigger,
    describes,
    inside_quote,
    long_quote_at,
    verb_base,
)
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.doc import Doc, Sentence, span
from schemas import ActorType, Span, StatementKind


def _verbs_by_preposition() -> dict[str, tuple[str, ...]]:
    """verb_prepositions.txt as preposition -> the verbs that take it."""
    out: dict[str, list[str]] = {}
    for verb, preposition in lexicon.table("verb_prepositions", norm).items():
        out.setdefault(preposition, []).append(verb)
    return {p: tuple(verbs) for p, verbs in out.items()}


def _trailing() -> re.Pattern[str]:
    """A trailing attribution that is not part of the words said: after a comma ("، حسبما"،
    "، ولم يتسن") or after a space, ending a word ("في بيان")."""
    after = lexicon.grouped("trailing_attributions", "comma", "space")

    def alternatives(entries: frozenset[str]) -> str:
        return "|".join(re.escape(e) for e in sorted(entries, key=lambda e: (-len(e), e)))

    return re.compile(rf"[،,]\s*(?:{alternatives(after['comma'])})"
                      rf"|\s+(?:{alternatives(after['space'])})\b")


THAT = lexicon.words("that_particles")  # "قال إن …"
_PREPOSITIONS = _verbs_by_preposition()  # أشار إلى، شدد على، تحدث عن
_NEED_MARKER = lexicon.words("marker_verbs")
_TIME = lexicon.words("time_asides")  # "أعلنت أمس الاثنين تسجيل …"
_SUBORDINATORS = lexicon.words("subordinators")  # "من دون أن": not the words said
_AND_THAT = lexicon.words("and_that")
_SPOKESMEN = lexicon.words("spokesman_heads")
_TRAILING = _trailing()
_BY_QUOTES = (StatementKind.direct_quote, StatementKind.reported_speech)


@dataclass
class Found:
    """A statement before its speaker is settled."""

    speaker: str | None
    kind: StatementKind
    text: Span | None  # None: a speaker named without words said (keeps "he" resolvable)
    evidence: Span
    title: str | None = None  # the speaker's title as written ("المتحدث باسم الخارجية")
    title_only: bool = False  # the speaker is known by that title alone: maybe named before
    answered: Span | None = None  # the words an answer denies or confirms ("وهو ما نفاه")


# ---------------------------------------------------------------- one statement


def clause_end(doc: Doc, sentence: Sentence, toks: Sequence[Token], nxt: int | None) -> int:
    """Where a statement's clause ends: the next reporting verb or the end of its sentence,
    run on past a quotation still open there."""
    end = sentence.end
    if nxt is not None:
        # back to a comma just before the verb: "، وهو ما نفاه"، "، في حين نفت"
        k = next((k for k in range(nxt, max(nxt - 4, 0), -1)
                  if re.search("[،,]", doc.text[toks[k - 1].end : toks[k].start])), nxt)
        end = toks[k].start
        while end > sentence.start and doc.text[end - 1] in " ،,":
            end -= 1
    for a, b in actors.quotes(doc.text).opening_from(sentence.start):
        if a >= end:  # the quotations are in order, and end only moves on
            break
        if end <= b:
            end = doc.sentence_at(b).end if nxt is None else b + 1
    return end


def _takes(verb: str, preposition: str) -> bool:
    """The verb takes its words said after this preposition: 'أشار إلى'، 'شدد على'."""
    return actors.unjoined(verb).startswith(_PREPOSITIONS.get(preposition, ("-",)))


def _marker(doc: Doc, toks: Sequence[Token], trig: Trigger, j: int, end: int,
            speaker_end: int) -> tuple[int, int] | None:
    """What introduces the words said, from toks[j]: ':'، إن / أن، a preposition the verb
    takes, بـ after an accusation, or a quotation right after the speaker. Returns (index
    where the speaker part ends, raw start of the words said)."""
    verb = toks[trig.index].norm
    limit = j + 5 if trig.participle else len(toks)  # "، مؤكدة في بيان أنها …"
    for k in range(j, min(limit, len(toks))):
        t = toks[k]
        if t.start >= end:
            return None
        before = doc.text[toks[k - 1].end : t.start]
        if ":" in before:
            return k, toks[k - 1].end + before.index(":") + 1
        quote = long_quote_at(doc, toks[k - 1].end)
        if quote and quote[0] < t.start and (k <= speaker_end or "،" in before or "," in before) \
                and trig.kind is not StatementKind.accusation:  # "اتهمت X «جماعة …» بالوقوف"
            return k, quote[0]
        if t.norm in THAT and toks[k - 1].norm not in _SUBORDINATORS:
            return k, t.end
        aside = k - speaker_end <= 5 and speaker_end < k and toks[speaker_end].norm == "في" \
            and not re.search("[،,]", doc.text[toks[speaker_end].start : t.start])
        if _takes(verb, t.norm) and (k in (j, speaker_end) or aside):
            # "أكد على أن", not "عقوبات على"; "تحدثوا في الساعات الأولى للحادث عن فقدان"
            after = toks[k + 1] if k + 1 < len(toks) else None
            return k, after.end if after is not None and after.norm in THAT else t.end
        if trig.kind is StatementKind.accusation and k > j and \
                (t.norm == "ب" or t.norm.startswith("بال") or
                 (t.norm[:1] == "ب" and t.norm[1:] in actors.CHARGES)):
            return k, t.start  # "اتهم … بارتكاب"، "بـ«استهداف متعمد»"
    return None


def _words_said(doc: Doc, start: int, end: int, unwrap: bool = True
                ) -> tuple[Span, bool] | None:
    """The words said from raw start to end: a quotation's inner words when it opens there
    (unless `unwrap` is off: an accusation's «…» names the accused), otherwise the clause
    without its trailing attribution. Also: was it quoted?"""
    while start < end and doc.text[start] in " :":
        start += 1
    words = tokens(doc.text, start, end)
    if words and words[0].norm in THAT:  # "قال: إن …"
        start = words[0].end
    quote = long_quote_at(doc, start) if unwrap else None
    if quote and quote[0] < end:
        return span(doc.text, quote[0] + 1, quote[1]), True
    for _, raw_start, _ in doc.norm.finditer(_TRAILING, start, end):
        end = raw_start
        break
    while end > start and doc.text[end - 1] in " .،,":
        end -= 1
    found = span(doc.text, start, end)
    if unwrap and actors.quotes(doc.text).is_region(found.start, found.end - 1):
        return span(doc.text, found.start + 1, found.end - 1), True  # the whole of it: «…»
    return (found, False) if tokens(found.text) else None


def _skip_asides(doc: Doc, toks: Sequence[Token], k: int, end: int) -> int:
    """Step over what stands between a speaker and an object said: adverbs, a parenthesis,
    a title between commas, 'في بيان'."""
    while k < len(toks) and toks[k].start < end:
        w = toks[k].norm
        before = doc.text[toks[k - 1].end : toks[k].start]
        if w in actors.ADVERBS:
            k += 1
        elif "(" in before:
            k = next((n for n in range(k, len(toks)) if ")" in doc.text[toks[n].end : toks[n].end
                                                                          + 2]), k) + 1
        elif w == "في" and k + 1 < len(toks) and toks[k + 1].norm in actors.CHANNELS:
            k += 2
        elif ("،" in before or "," in before) and (actors.is_title_head(w) or
                                                   actors.definite(w) or w in actors.RELATIVE):
            k = next((n + 1 for n in range(k, len(toks)) if "،" in doc.text[
                toks[n].end : toks[n + 1].start if n + 1 < len(toks) else toks[n].end]), k + 1)
        else:
            break
    return k


def read_statement(doc: Doc, toks: Sequence[Token], trig: Trigger, end: int,
               continuing: bool = False) -> list[Found]:
    """Read the statements of one reporting verb, from the verb to the end of its clause.
    `continuing`: the sentence has a speaker already ("قالت الوزارة إن …، وأعلنت نشر …")."""
    verb = toks[trig.index]
    j = trig.index + 1
    pronominal = j < len(toks) and toks[j].norm in actors.SUBJECT_ADVERBS
    while j < len(toks) and (toks[j].norm in actors.ADVERBS or toks[j].norm in _TIME):
        j += 1
    if trig.speaker_only:
        return _speaker_only(doc, toks, trig, j)
    if trig.index and toks[trig.index - 1].norm == "كما":  # "«…» كما أنذرت X"
        after_quote = _speaker_after_quote(doc, toks, trig, end)
        if after_quote:
            return after_quote
    if trig.subject is not None and verb_base(verb.norm) in _NEED_MARKER and \
            toks[trig.index - 1].norm not in actors.RELATIVE and \
            _names_between(doc, toks, j):
        # "وفي تصريحات لبي بي سي قال المراقب العام إنه": the name after the verb speaks
        trig = Trigger(trig.index, trig.kind, trig.participle, trig.opens)
    implied = trig.participle or pronominal or trig.subject is not None
    names = [] if implied or describes(toks, trig, continuing) else _names_between(doc, toks, j)
    if len(names) == 2 and trig.kind is not StatementKind.accusation:
        names = _title_then_name(doc, toks, j, names)
    speaker_end = names[0].end if names else j
    while speaker_end < len(toks) and (toks[speaker_end].norm in PARTICIPLES or
                                       toks[speaker_end].norm in actors.ADVERBS or
                                       toks[speaker_end].norm in _TIME):
        speaker_end += 1  # "وقالت الأنصاري آسفة «…»": how it was said
    if speaker_end + 1 < len(toks) and toks[speaker_end].norm == "من" and \
            toks[speaker_end + 1].norm.startswith(("جانب", "جهت")):
        speaker_end += 2  # "وحذرت الأمم المتحدة من جانبها من أن …"
    marked = _marker(doc, toks, trig, j, end, speaker_end)
    if marked is None and verb_base(verb.norm) not in _NEED_MARKER:
        # "نفى X استهداف المدنيين"، "انتقد X، أمس، «…»"، "مؤكدة توقيف ثلاثة أشخاص": an object
        if continuing and names and _plain(doc, names[0]) and verb.norm[0] in "وف":
            names, speaker_end = [], j  # "، وأعلنت نشر وحدات": the speaker goes on, an object
        rest = _skip_asides(doc, toks, speaker_end, end)
        if rest < len(toks) and toks[rest].start < end:
            marked = (rest, toks[rest - 1].end if rest > j else toks[rest].start)
    if marked is None:
        return _speaker_after_quote(doc, toks, trig, end) or _speaker_only(doc, toks, trig, j)
    stop, content = marked
    if names and stop > names[0].end and trig.kind is not StatementKind.accusation:
        # "وقال مدير الدفاع المدني في نينوى العقيد حسام خليل إن": the title ends with a name
        names[0] = actors.holder_before(doc, toks, j, names[0], stop) or names[0]
    if stop < len(toks) and content == toks[stop].start and stop > speaker_end:
        # "اتهم X Y بارتكاب …": the words said begin with the one accused
        accused = _skip_asides(doc, toks, speaker_end, end)
        content = toks[accused].start
        if doc.text[content - 1 : content] in ("«", '"', "“"):
            content -= 1  # the accused with its quotation mark: "«جهاز دعم الاستقرار»"
    said = _words_said(doc, content, end, unwrap=trig.kind is not StatementKind.accusation)
    if said is None:
        return []
    text, quoted = said
    kind = trig.kind or (StatementKind.direct_quote if quoted else StatementKind.reported_speech)
    start = min(trig.subject.start, verb.start) if trig.subject else verb.start
    evidence = span(doc.text, start, max(end, text.end + quoted))
    found = Found(None, kind, text, evidence)
    if trig.subject is not None:
        found.speaker = trig.subject.text
    elif names:
        _name_speaker(doc, found, names[0])
    return _continued(doc, found, end)


def _title_then_name(doc: Doc, toks: Sequence[Token], j: int, names: list[actors.Named]
                     ) -> list[actors.Named]:
    """A title read alone and a personal name right after it are one person ('أعلن وزير الدولة
    للشؤون الداخلية في حكومة غوجارات | هارش سانغافي تشكيل لجنة'): the name holds the title."""
    title, name = names
    first = toks[j : j + 1]
    ranked = _ranked_name(doc, title, name) if first and actors.is_title_head(
        first[0].norm) else None
    if ranked is not None:
        return [ranked]
    words = tokens(doc.text, name.name.start, name.name.end)
    # The name ends before a word with the article of its own: 'أسامة عبد الرحمن | الوضع
    # الصحي' (the word عبد joins, 'الرحمن', is the name's).
    kept = actors.loose_definite(words)
    end = name.end - (len(words) - kept)
    # kept < 2: "ودعا المبعوث الأممي إلى اليمن | طرفي النزاع" names an object
    if kept < 2 or title.title is not None or title.words or not first or \
            not actors.is_title_head(first[0].norm) or name.title is not None or \
            not actors.passable(doc, toks[title.end - 1], toks[title.end]) or \
            actors.name_start(doc, toks[title.end - 1 : end]) != 1:
        return names
    held = span(doc.text, words[0].start, words[kept - 1].end)
    return [actors.Named(held, title.name, end, kept)]


def _ranked_name(doc: Doc, title: actors.Named, name: actors.Named) -> actors.Named | None:
    """A rank and a personal name right after a title read alone are the title's holder
    ('أعلن المتحدث العسكري باسم الحوثيين | العميد يحيى سريع مسؤولية الجماعة'), not the
    first words said."""
    words = tokens(doc.text, name.name.start, name.name.end)
    if title.title is not None or title.words or name.title is not None or len(words) < 3 \
            or not actors.is_title_head(words[0].norm) \
            or actors.loose_definite(words[1:]) < len(words) - 1:
        return None
    return actors.Named(span(doc.text, words[1].start, words[-1].end),
                        span(doc.text, title.name.start, words[0].end), name.end, len(words) - 1)


def _plain(doc: Doc, named: actors.Named) -> bool:
    """A phrase no lexicon knows as a name, title or group: maybe not a name at all."""
    first = tokens(doc.text, named.name.start, named.name.end)[:1]
    return named.title is None and bool(first) and \
        actors.classify(named.name.text) is ActorType.person and \
        not actors.is_title_head(first[0].norm)


def _name_speaker(doc: Doc, found: Found, named: actors.Named) -> None:
    """The speaker of a phrase: the personal name ('رياض حجاب'), the body an unnamed
    spokesman speaks for ('المتحدث باسم وزارة الدفاع' -> 'وزارة الدفاع'; 'المتحدث باسمها'
    -> the one just named), or the title itself ('مصدر طبي')."""
    found.title = named.title.text if named.title else None
    words = tokens(doc.text, named.name.start, named.name.end)
    if named.title is not None or not words or not actors.is_title_head(words[0].norm):
        found.speaker = named.name.text
        return
    if any(b in _SPOKESMEN for b in clitic_bases(words[0].norm)):
        for k, w in enumerate(words):
            if w.norm in actors.CLOSED_CONNECTORS:
                return  # speaks for the body named just before
            if w.norm == "باسم" and k + 1 < len(words):
                body = span(doc.text, words[k + 1].start, named.name.end)
                found.speaker = body.text.strip("«»\"“” ")
                return
    found.speaker, found.title, found.title_only = named.name.text, named.name.text, True


def _continued(doc: Doc, found: Found, end: int) -> list[Found]:
    """'… أن A «…» وأن B': each وأن before the clause ends opens another statement of the
    same speaker."""
    text = found.text
    if text is None:
        return [found]
    cuts = [t for t in tokens(doc.text, text.start, end)
            if t.norm in _AND_THAT and not inside_quote(doc, t.start)]
    out = [found]
    if cuts and cuts[0].start < text.end:  # the first words said stop at the first وأن
        said = _words_said(doc, text.start, cuts[0].start)
        if said is None:
            return []
        found.text = said[0]
    found.evidence = span(doc.text, found.evidence.start, cuts[0].start if cuts else
                          found.evidence.end)
    for n, cut in enumerate(cuts):
        stop = cuts[n + 1].start if n + 1 < len(cuts) else end
        said = _words_said(doc, cut.end, stop)
        if said is not None:
            kind = found.kind if found.kind not in _BY_QUOTES else \
                (StatementKind.direct_quote if said[1] else StatementKind.reported_speech)
            out.append(Found(found.speaker, kind, said[0], span(doc.text, cut.start, stop),
                              title=found.title, title_only=found.title_only))
    return out


def _speaker_after_quote(doc: Doc, toks: Sequence[Token], trig: Trigger, end: int
                         ) -> list[Found]:
    """'«…»، قال X.': the quotation closes right before the verb."""
    verb = toks[trig.index]
    # Only the last quotation closed before the verb can have nothing but commas up to it.
    quote = actors.quotes(doc.text).last_closed_before(verb.start)
    if quote is None:
        return []
    a, b = quote
    between = norm(doc.text[b + 1 : verb.start])
    if not re.fullmatch(r"[\s،,]*(?:كما\s*)?", between) or \
            len(tokens(doc.text, a, b)) < LONG_QUOTE:
        return []
    named = actors.named_phrase(doc, toks, trig.index + 1)
    if named is None or named.name.end > end:
        return []
    kind = trig.kind or StatementKind.direct_quote
    found = Found(None, kind, span(doc.text, a + 1, b), span(doc.text, a, named.name.end))
    _name_speaker(doc, found, named)
    return [found]


def _speaker_only(doc: Doc, toks: Sequence[Token], trig: Trigger, j: int) -> list[Found]:
    """A verb without words said ('ونفى المتحدث … الاتهامات'، 'ودانت البعثة الهجوم'): no
    statement, but its speaker is the one a following "مؤكدا أن …" continues. Only names the
    lexicons know are trusted here, so an object ('نشر وحدات') is never taken for one."""
    if trig.participle:
        return []
    verb = toks[trig.index]
    found = Found(None, trig.kind or StatementKind.reported_speech, None,
                   span(doc.text, verb.start, verb.end))
    if trig.subject:
        found.speaker = trig.subject.text
    else:
        names = _names_between(doc, toks, j)
        if names:
            _name_speaker(doc, found, names[0])
    first = tokens(found.speaker or "")
    if not first or (actors.classify(found.speaker or "") is ActorType.person
                     and not actors.is_title_head(first[0].norm) and not found.title):
        return []
    return [found]


def _names_between(doc: Doc, toks: Sequence[Token], j: int) -> list[actors.Named]:
    """Names at the head of the speaker part from toks[j]: the speaker, and for accusations
    the accused after it ('اتهمت روسيا الولايات المتحدة'، 'جماعة أنصار الله (الحوثيون)
    التحالف')."""
    names: list[actors.Named] = []
    k, stop = j, len(toks)
    if 0 < j < stop and ":" in actors.gap(doc, toks[j - 1], toks[j]):
        return names  # "وقال: «…»": the words said follow, the speaker is the one before
    while k < stop and len(names) < 2 and toks[k].norm not in actors.STOP_WORDS and not (
            toks[k].norm.startswith("لل") or actors.to_whom(doc, toks, k)):  # "قال لوكالة …"
        named = actors.named_phrase(doc, toks, k)
        if named is None:
            break
        names.append(named)
        k = named.end
        if k < stop and "(" in actors.gap(doc, toks[k - 1], toks[k]):
            k = _skip_asides(doc, toks, k, toks[stop - 1].end)
        elif k >= stop or not actors.passable(doc, toks[k - 1], toks[k]):
            break
    return names
