"""Statements of the whole article, sentence by sentence, each given its speaker: the one named,
or the last one named a few sentences back ("وأضاف أن …"), or the one a title stood for.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.extract import actors
from agent.extract.statements.clause import Found, clause_end, read_statement
from agent.extract.statements.triggers import PREPOSITIONS, Trigger, sentence_triggers, verb_base
from agent.model.choose import choose
from agent.model.llm import LLM
from agent.text.arabic import Token, clitic_bases, tokens
from agent.text.doc import Doc, span
from schemas import ActorType, Statement

_RECENT = 3  # sentences back in which "he" can still find the last named speaker


def _resolve(doc: Doc, found: list[tuple[Found, int]]) -> list[Statement]:
    """Give every statement its speaker: the named one, else the last named speaker a few
    sentences back ("وأضاف أن …"); with neither, the statement is dropped with a warning.
    A speaker known by title only is the one named earlier with that title ("المتحدث باسم
    الخارجية الصينية" -> "ليو وي مين"; "المصدر" -> "مصدر في الشرطة العراقية")."""
    out: list[Statement] = []
    seen: list[Found] = []
    last: tuple[str, int] | None = None  # (speaker, sentence index)
    since = 0  # where the last statement's words end
    for f, sentence in found:
        recent = last[0] if last and sentence - last[1] <= _RECENT else None
        subject = None if f.speaker else _subject_since(doc, since, f.evidence.start)
        speaker = _named_before(doc, f, seen) or f.speaker or subject or recent
        since = max(since, f.evidence.end)
        if speaker and f.speaker:
            seen.append(f)
        if f.text is None:
            last = (speaker, sentence) if speaker else last
            continue
        if not speaker:
            doc.warnings.append(f"statement without a speaker dropped: {f.text.text[:60]}")
            continue
        last = (speaker, sentence)
        evidence = [f.evidence, f.answered] if f.answered else [f.evidence]
        out.append(Statement(id="", speaker=speaker, kind=f.kind, text=f.text.text,
                             evidence=evidence))
    return out


def _subject_since(doc: Doc, since: int, verb: int) -> str | None:
    """Who an unnamed speaker ("وقالت للصحفيين") is when someone else was named since the
    last words said: the subject of the nearest sentence back that names one (its first name
    that no preposition governs) when it agrees with the verb in gender ("وأصيبت الطبيبة أوكولي
    نكيم …، وقالت")."""
    said = tokens(doc.text, verb, verb + 40)[:1]
    base = verb_base(said[0].norm) if said else None
    feminine = bool(base) and (base or "").endswith(("ت", "ه"))
    sentence = doc.sentence_at(verb)
    for _ in range(_RECENT):
        words = tokens(doc.text, sentence.start, verb)
        names = actors.named_in(doc, max(sentence.start, since), min(sentence.end, verb))
        subject = next((m for m in names if not _governed(words, m)), None)
        if subject is not None:  # the sentence's subject; of the other gender, not "she"
            return subject.span.text.strip("«»\"“” ") if _agrees(subject, feminine) else None
        if sentence.index == 0 or sentence.start <= since:
            return None
        sentence = doc.sentences[sentence.index - 1]
    return None


def _governed(words: Sequence[Token], m: actors.Mention) -> bool:
    """A preposition governs the name ("على يد بلطجية"، "في مركز الاقتراع"), or it is no
    one who speaks."""
    before = [t.norm for t in words if t.end <= m.span.start][-1:]
    return m.type in (ActorType.civilians, ActorType.other) or \
        bool(before and before[0] in PREPOSITIONS)


def _agrees(m: actors.Mention, feminine: bool) -> bool:
    """The name can be the subject of a verb of that gender: not a person whose title is of
    the other gender, not a body with a feminine head ("الشرطة") before a masculine verb."""
    if m.type is not ActorType.person:  # "وقالت الوزارة"، "وأضاف المرصد"; broken plurals
        return feminine or not tokens(m.span.text)[0].norm.endswith("ه")  # take "قالت" too
    title = tokens(m.title.text)[:1] if m.title else []
    return not title or title[0].norm.endswith("ه") == feminine


def _named_before(doc: Doc, f: Found, seen: list[Found]) -> str | None:
    """The earlier speaker a title-only speaker stands for, if the article named one."""
    words = actors.key(f.speaker or "")
    for h in reversed(seen if f.title_only else []):
        # "الرئيس" is "الرئيس التشيلي غابرييل بوريك": the title's first words will do
        if h.title and not h.title_only and words and actors.key(h.title)[:len(words)] == words:
            return h.speaker
    if len(words) == 1 and words[0][2:] in actors.CHANNELS:
        return _issuer(f, seen, words[0][2:])
    if len(words) == 1 and words[0].startswith("ال"):  # "المصدر" after "مصدر في الشرطة"،
        # "المنظمة" after "المنظمة الدولية للهجرة"، "الحركة" after "حركة الشباب"
        heads = ((words[0],), (words[0][2:],))
        for h in reversed(seen):
            if actors.key(h.speaker or "")[:1] in heads and h.speaker != f.speaker:
                return h.speaker
        for m in reversed(actors.mentions_in(doc, 0, f.evidence.start)):
            if m.key[:1] in heads and len(m.key) > 1:  # "متهماً «جهاز دعم الاستقرار»"
                return m.span.text.strip("«»\"“” ")
    return None


def _issuer(f: Found, seen: list[Found], channel: str) -> str | None:
    """Who issued the statement or report a speaker "البيان" / "التقرير" stands for: the last
    speaker who spoke in one ("قالت المفوضية، في بيان …" then "وأضاف البيان: «…»")."""
    for h in reversed(seen):
        bases = (b for t in tokens(h.evidence.text) for b in clitic_bases(t.norm))
        if h.speaker != f.speaker and any(b.startswith(channel) for b in bases):
            return h.speaker
    return None


def ask_speaker(llm: LLM, sentence: str, words: str, options: list[str]) -> str | None:
    """The model's pick of who said `words` among `options` (names the code found in the
    sentence), or None. Not used by extraction (see the module docstring): it measures."""
    options = list(dict.fromkeys(o for o in options if o))
    if not options:
        return None
    answer = choose(llm, "speaker", [*options, "none"], sentence=sentence, quote=words)
    return None if answer == "none" else answer


def _answering(toks: Sequence[Token], trig: Trigger) -> bool:
    """'، وهو ما نفاه الجهاز': a party answers the words just reported."""
    return trig.speaker_only and trig.index >= 2 and toks[trig.index - 1].norm == "ما" and \
        toks[trig.index - 2].norm in ("وهو", "وهي")


def _answer(doc: Doc, f: Found, said: Found, start: int, end: int) -> Found:
    """The answer takes as its words the words it answers ('وهو ما نفاه' denies them)."""
    clause = span(doc.text, start, end)
    return Found(f.speaker, f.kind, said.text, clause, title=f.title, title_only=f.title_only,
                  answered=said.text)


def find_statements(doc: Doc, llm: LLM | None = None) -> list[Statement]:
    """Statements of the article in reading order; ids and speaker ids are left for extract.
    `llm` is part of the fact-module contract; the rules beat it here, so it is not asked."""
    toks = tokens(doc.text)
    found: list[tuple[Found, int]] = []
    said_until = -1
    first = 0
    for sentence in doc.sentences:
        while first < len(toks) and toks[first].start < sentence.start:
            first += 1
        stop = first
        while stop < len(toks) and toks[stop].start < sentence.end:
            stop += 1
        triggers = sentence_triggers(doc, toks, first, stop)
        spoken = len(found)
        for n, trig in enumerate(triggers):
            answer = _answering(toks, trig)
            if toks[trig.index].start < said_until and not answer:
                continue  # a verb inside words already said
            nxt = next((t.index for t in triggers[n + 1 :] if t.opens), None)
            end = clause_end(doc, sentence, toks, nxt)
            for f in read_statement(doc, toks, trig, end, continuing=len(found) > spoken):
                if answer and f.speaker and len(found) > spoken and found[-1][0].text:
                    f = _answer(doc, f, found[-1][0], toks[trig.index - 2].start, end)
                found.append((f, sentence.index))
                said_until = max(said_until, f.evidence.end if f.text else -1)
    return _resolve(doc, found)
