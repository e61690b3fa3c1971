"""Who said what: statements found by reporting verbs and quotation marks, the words said copied
from the article, the speaker named as written without the title.

The rules decide. The model was measured choosing the speaker where the rules rely on context
("وأضاف أن …", a name found earlier): on the 44 such statements of the seeds it was right 17
times, the rules 42 (the rules never found zero or two candidates there), so extraction does not
consult it; ask_speaker keeps the measurement repeatable for a stronger model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.extract import actors
from agent.model.choose import choose
from agent.model.llm import LLM
from agent.text.arabic import ARABIC_LETTER, Token, clitic_bases, norm, tokens
from agent.text.doc import Doc, Sentence, span
from schemas import ActorType, Span, Statement, StatementKind


def lexicon(text: str) -> frozenset[str]:
    return frozenset(norm(w) for w in text.split())


def _forms(words: str, kind: StatementKind | None) -> dict[str, StatementKind | None]:
    return dict.fromkeys(lexicon(words), kind)


# Reporting verbs (past, feminine, plural, present) and the kind they force; None: the kind
# follows the quotation marks (direct quote or reported speech).
VERBS: dict[str, StatementKind | None] = {
    **_forms("""قال قالت قالوا يقول تقول أضاف أضافت أضافوا تابع تابعت أكد أكدت أكدوا أعلن أعلنت
        أوضح أوضحت أشار أشارت اعتبر اعتبرت رأى رأت حذر حذرت حذروا شدد شددت صرح صرحت ذكر ذكرت
        أفاد أفادت كشف كشفت لفت لفتت أردف أردفت أعرب أعربت تحدث تحدثت انتقد انتقدت دعا دعت
        طالب طالبت طالبوا وصف وصفت توعد توعدت دان دانت أدان أدانت أنذر أنذرت""", None),
    **_forms("نفى نفت نفوا نفاه نفته", StatementKind.denial),
    **_forms("اتهم اتهمت اتهموا حمل حملت حملوا", StatementKind.accusation),
    **_forms("زعم زعمت ادعى ادعت تبنى تبنت", StatementKind.claim),
}
# Participles that continue the current speaker's words: "، مضيفا أن …".
PARTICIPLES: dict[str, StatementKind | None] = {
    **_forms("""مضيفا مضيفة مشددا مشددة مؤكدا مؤكدة موضحا موضحة مشيرا مشيرة معتبرا معتبرة
        محذرا محذرة قائلا قائلة لافتا لافتة منوها منوهة مرجحا مرجحة داعيا داعية مطالبا
        مطالبة آسفا آسفة""", None),
    **_forms("متهما متهمة", StatementKind.accusation),
    **_forms("نافيا نافية", StatementKind.denial),
    **_forms("زاعما زاعمة", StatementKind.claim),
}
# Words that introduce the words said.
THAT = lexicon("أن إن بأن أنه إنه أنها إنها أنهم إنهم أنهما أننا إننا أنني بأنه بأنها بأنهم بأنهما "
               "بأننا")
# Prepositions that introduce the words said after some verbs: أشار إلى، شدد على، تحدث عن.
_PREPOSITIONS = {norm(p): tuple(lexicon(verbs)) for p, verbs in (
    ("إلى", "أشار لفت مشير لافت"), ("على", "أكد شدد مشدد مؤكد"), ("عن", "تحدث أعلن كشف أعرب"),
    ("من", "حذر محذر"))}
# What one is accused of, after بـ: "اتهمه بارتكاب …".
_CHARGES = lexicon("""ارتكاب شن قتل قصف دعم تنفيذ استهداف استخدام تمويل خرق انتهاك عرقلة تورط
    محاولة مهاجمة إطلاق زرع""")
# Verbs whose words said always follow إن / أن / ':'; the others may take them as an object:
# "نفى X استهداف المدنيين"، "أعلنت الوزارة اعتقال …"، "انتقد X «…»".
_NEED_MARKER = lexicon("قال قالت قالوا يقول تقول أضاف أضافت أضافوا تابع تابعت أردف أردفت صرح صرحت")
# "وأن" inside words said opens another statement of the same speaker.
_AND_THAT = lexicon("وأن وإن وبأن وأنه وأنها وأنهم")
_BY_QUOTES = (StatementKind.direct_quote, StatementKind.reported_speech)
# Before a verb, these make it an attribution of a fact, not a statement ("وفق ما أفاد").
_ATTRIBUTION = lexicon("ما حسبما بحسبما مثلما وفقما")
_ACCORDING = lexicon("بحسب حسب وفق")
# Before a verb, these start a new clause, so the verb starts a statement.
_CLAUSE_OPENERS = lexicon("قد فقد وقد لقد كما ثم إذ حيث بينما فيما حين")
_WAS = lexicon("كان كانت وكان وكانت")  # "وكانت القيادة الأمريكية قد أعلنت"
_RELATIVE = lexicon("الذي التي الذين")
_PREPOSITION = lexicon("في من على إلى عن مع ب ل")
# Right after the verb these mean the subject is the speaker already known ("واتهم أيضا
# الولايات المتحدة"): the name that follows is not the speaker.
_PRONOMINAL = lexicon("أيضا كذلك بدوره بدورها")
# A trailing attribution that is not part of the words said.
_TRAILING = re.compile(r"[،,]\s*(?:حسبما|وفق ما|وفقا ل|بحسب|نقلا عن|علي حد|كما (?:قال|اضاف)"
                       r"|وهو ما|وهي ما)"
                       r"|[،,]\s*(?:فيما |و)?لم يتسن"  # the reporter's "could not be verified"
                       r"|\s+في (?:بيان|تصريح|تصريحات|مؤتمر صحافي|مؤتمر صحفي)\b")
_LONG_QUOTE = 4  # words: a shorter quotation is a name («داعش»), not words said
_RECENT = 3  # sentences back in which "he" can still find the last named speaker


@dataclass(frozen=True)
class _Trigger:
    index: int  # token index of the verb
    kind: StatementKind | None
    participle: bool
    opens: bool  # starts a clause of its own, so it ends the words said before it
    subject: Span | None = None  # named before the verb (الذي اعتبر، مصادر أخرى تحدثت)
    speaker_only: bool = False  # names who acts, says nothing ("وفق ما أفاد X"، "ودانت X")


@dataclass
class _Found:
    """A statement before its speaker is settled."""

    speaker: str | None
    kind: StatementKind
    text: Span | None  # None: a speaker named without words said (keeps "he" resolvable)
    evidence: Span
    title: str | None = None  # the speaker's title as written ("المتحدث باسم الخارجية")
    title_only: bool = False  # the speaker is known by that title alone: maybe named before
    answered: Span | None = None  # the words an answer denies or confirms ("وهو ما نفاه")


def _verb_base(word: str) -> str | None:
    """The reporting verb or participle a word is, without its و/ف."""
    return next((b for b in (word, actors.unjoined(word)) if b in VERBS or b in PARTICIPLES),
                None)


def _inside_quote(doc: Doc, pos: int) -> bool:
    return any(a < pos < b for a, b in actors.quote_regions(doc.text))


def _long_quote_at(doc: Doc, pos: int) -> tuple[int, int] | None:
    """The quotation (of several words) whose opening mark comes first from raw pos."""
    while pos < len(doc.text) and doc.text[pos] in " \t:،,":
        pos += 1
    for a, b in actors.quote_regions(doc.text):
        if a == pos and len(tokens(doc.text, a, b)) >= _LONG_QUOTE:
            return a, b
    return None


# ---------------------------------------------------------------- reporting verbs


def _triggers(doc: Doc, toks: Sequence[Token], first: int, stop: int) -> list[_Trigger]:
    """Verbs of one sentence (toks[first:stop]) that open a statement or name a speaker."""
    out = []
    for i in range(first, stop):
        t = toks[i]
        if t.norm in _ACCORDING and i + 1 < stop and toks[i + 1].norm not in _ATTRIBUTION:
            # "بحسب مصادر عسكرية": names the source "المصادر" may refer back to
            out.append(_Trigger(i, None, False, False, speaker_only=True))
            continue
        base = _verb_base(t.norm)
        acts = base is None and actors.unjoined(t.norm) in actors.ACTOR_VERBS
        if (base is None and not acts) or _inside_quote(doc, t.start) or _passive(doc, t):
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
        if subject is None and not only and (prev in _RELATIVE or not joined):
            subject = _subject_before(doc, toks, i, first)
            if subject is None and (prev in _RELATIVE or not after_comma):
                continue
        opens = subject is None and prev not in _ATTRIBUTION
        out.append(_Trigger(i, kind, participle, opens, subject, only))
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
    relative = toks[i - 1].norm in _RELATIVE
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
                or _verb_base(prev.norm) or actors.unjoined(prev.norm) in actors.ACTOR_VERBS:
            break
        start -= 1
    if start >= end or (start > first and toks[start - 1].norm in _PREPOSITION):
        return None  # "في شوارع العاصمة تقول": after a preposition it is not the subject
    found = actors.named_phrase(doc, toks[:end], start)
    return found.name if found and found.end == end else None


def _was_subject(doc: Doc, toks: Sequence[Token], i: int, first: int) -> Span | None:
    """'وكانت القيادة الأمريكية في أفريقيا قد أعلنت': the name after كان before قد."""
    was = next((k for k in range(i - 2, max(first, i - 10) - 1, -1) if toks[k].norm in _WAS),
               None)
    if was is None or was + 1 >= i - 1:
        return None
    found = actors.named_phrase(doc, toks[: i - 1], was + 1)
    return found.name if found else None


# ---------------------------------------------------------------- one statement


def _clause_end(doc: Doc, sentence: Sentence, toks: Sequence[Token], nxt: int | None) -> int:
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
    for a, b in actors.quote_regions(doc.text):
        if sentence.start <= a < end <= b:
            end = doc.sentence_at(b).end if nxt is None else b + 1
    return end


def _takes(verb: str, preposition: str) -> bool:
    """The verb takes its words said after this preposition: 'أشار إلى'، 'شدد على'."""
    return actors.unjoined(verb).startswith(_PREPOSITIONS.get(preposition, ("-",)))


def _marker(doc: Doc, toks: Sequence[Token], trig: _Trigger, j: int, end: int,
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
        quote = _long_quote_at(doc, toks[k - 1].end)
        if quote and quote[0] < t.start and (k <= speaker_end or "،" in before or "," in before) \
                and trig.kind is not StatementKind.accusation:  # "اتهمت X «جماعة …» بالوقوف"
            return k, quote[0]
        if t.norm in THAT:
            return k, t.end
        if _takes(verb, t.norm) and k in (j, speaker_end):  # "أكد على أن", not "عقوبات على"
            after = toks[k + 1] if k + 1 < len(toks) else None
            return k, after.end if after is not None and after.norm in THAT else t.end
        if trig.kind is StatementKind.accusation and k > j and \
                (t.norm == "ب" or t.norm.startswith("بال") or
                 (t.norm[:1] == "ب" and t.norm[1:] in _CHARGES)):
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
    quote = _long_quote_at(doc, start) if unwrap else None
    if quote and quote[0] < end:
        return span(doc.text, quote[0] + 1, quote[1]), True
    for _, raw_start, _ in doc.norm.finditer(_TRAILING, start, end):
        end = raw_start
        break
    while end > start and doc.text[end - 1] in " .،,":
        end -= 1
    found = span(doc.text, start, end)
    if unwrap and (found.start, found.end - 1) in actors.quote_regions(doc.text):
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
                                                   actors.definite(w) or w in _RELATIVE):
            k = next((n + 1 for n in range(k, len(toks)) if "،" in doc.text[
                toks[n].end : toks[n + 1].start if n + 1 < len(toks) else toks[n].end]), k + 1)
        else:
            break
    return k


def _statement(doc: Doc, toks: Sequence[Token], trig: _Trigger, end: int,
               continuing: bool = False) -> list[_Found]:
    """Read the statements of one reporting verb, from the verb to the end of its clause.
    `continuing`: the sentence has a speaker already ("قالت الوزارة إن …، وأعلنت نشر …")."""
    verb = toks[trig.index]
    j = trig.index + 1
    pronominal = j < len(toks) and toks[j].norm in _PRONOMINAL
    while j < len(toks) and toks[j].norm in actors.ADVERBS:
        j += 1
    if trig.speaker_only:
        return _speaker_only(doc, toks, trig, j)
    if trig.index and toks[trig.index - 1].norm == "كما":  # "«…» كما أنذرت X"
        after_quote = _speaker_after_quote(doc, toks, trig, end)
        if after_quote:
            return after_quote
    if trig.subject is not None and _verb_base(verb.norm) in _NEED_MARKER and \
            toks[trig.index - 1].norm not in _RELATIVE and _names_between(doc, toks, j, len(toks)):
        # "وفي تصريحات لبي بي سي قال المراقب العام إنه": the name after the verb speaks
        trig = _Trigger(trig.index, trig.kind, trig.participle, trig.opens)
    implied = trig.participle or pronominal or trig.subject is not None
    names = [] if implied else _names_between(doc, toks, j, len(toks))
    speaker_end = names[0].end if names else j
    while speaker_end < len(toks) and (toks[speaker_end].norm in PARTICIPLES or
                                       toks[speaker_end].norm in actors.ADVERBS):
        speaker_end += 1  # "وقالت الأنصاري آسفة «…»": how it was said
    if speaker_end + 1 < len(toks) and toks[speaker_end].norm == "من" and \
            toks[speaker_end + 1].norm.startswith(("جانب", "جهت")):
        speaker_end += 2  # "وحذرت الأمم المتحدة من جانبها من أن …"
    marked = _marker(doc, toks, trig, j, end, speaker_end)
    if marked is None and _verb_base(verb.norm) not in _NEED_MARKER:
        # "نفى X استهداف المدنيين"، "انتقد X، أمس، «…»"، "مؤكدة توقيف ثلاثة أشخاص": an object
        if continuing and names and _plain(doc, names[0]) and verb.norm[0] in "وف":
            names, speaker_end = [], j  # "، وأعلنت نشر وحدات": the speaker goes on, an object
        rest = _skip_asides(doc, toks, speaker_end, end)
        if rest < len(toks) and toks[rest].start < end:
            marked = (speaker_end, toks[rest - 1].end if rest > j else toks[rest].start)
    if marked is None:
        return _speaker_after_quote(doc, toks, trig, end) or _speaker_only(doc, toks, trig, j)
    stop, content = marked
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
    found = _Found(None, kind, text, evidence)
    if trig.subject is not None:
        found.speaker = trig.subject.text
    elif names:
        _name_speaker(doc, found, names[0])
    return _continued(doc, found, end)


_SPOKESMEN = lexicon("متحدث متحدثة ناطق ناطقة")


def _plain(doc: Doc, named: actors.Named) -> bool:
    """A phrase no lexicon knows as a name, title or group: maybe not a name at all."""
    first = tokens(doc.text, named.name.start, named.name.end)[:1]
    return named.title is None and bool(first) and \
        actors.classify(named.name.text) is ActorType.person and \
        not actors.is_title_head(first[0].norm)


def _name_speaker(doc: Doc, found: _Found, named: actors.Named) -> None:
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
            if w.norm in ("باسمه", "باسمها", "باسمهم"):
                return  # speaks for the body named just before
            if w.norm == "باسم" and k + 1 < len(words):
                body = span(doc.text, words[k + 1].start, named.name.end)
                found.speaker = body.text.strip("«»\"“” ")
                return
    found.speaker, found.title, found.title_only = named.name.text, named.name.text, True


def _continued(doc: Doc, found: _Found, end: int) -> list[_Found]:
    """'… أن A «…» وأن B': each وأن before the clause ends opens another statement of the
    same speaker."""
    text = found.text
    if text is None:
        return [found]
    cuts = [t for t in tokens(doc.text, text.start, end)
            if t.norm in _AND_THAT and not _inside_quote(doc, t.start)]
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
            out.append(_Found(found.speaker, kind, said[0], span(doc.text, cut.start, stop),
                              title=found.title, title_only=found.title_only))
    return out


def _speaker_after_quote(doc: Doc, toks: Sequence[Token], trig: _Trigger, end: int
                         ) -> list[_Found]:
    """'«…»، قال X.': the quotation closes right before the verb."""
    verb = toks[trig.index]
    for a, b in actors.quote_regions(doc.text):
        between = norm(doc.text[b + 1 : verb.start])
        if b < verb.start and re.fullmatch(r"[\s،,]*(?:كما\s*)?", between) and \
                len(tokens(doc.text, a, b)) >= _LONG_QUOTE:
            named = actors.named_phrase(doc, toks, trig.index + 1)
            if named is None or named.name.end > end:
                return []
            kind = trig.kind or StatementKind.direct_quote
            found = _Found(None, kind, span(doc.text, a + 1, b), span(doc.text, a, named.name.end))
            _name_speaker(doc, found, named)
            return [found]
    return []


def _speaker_only(doc: Doc, toks: Sequence[Token], trig: _Trigger, j: int) -> list[_Found]:
    """A verb without words said ('ونفى المتحدث … الاتهامات'، 'ودانت البعثة الهجوم'): no
    statement, but its speaker is the one a following "مؤكدا أن …" continues. Only names the
    lexicons know are trusted here, so an object ('نشر وحدات') is never taken for one."""
    if trig.participle:
        return []
    verb = toks[trig.index]
    found = _Found(None, trig.kind or StatementKind.reported_speech, None,
                   span(doc.text, verb.start, verb.end))
    if trig.subject:
        found.speaker = trig.subject.text
    else:
        names = _names_between(doc, toks, j, len(toks))
        if names:
            _name_speaker(doc, found, names[0])
    first = tokens(found.speaker or "")
    if not first or (actors.classify(found.speaker or "") is ActorType.person
                     and not actors.is_title_head(first[0].norm) and not found.title):
        return []
    return [found]


def _names_between(doc: Doc, toks: Sequence[Token], j: int, stop: int) -> list[actors.Named]:
    """Names at the head of the speaker part toks[j:stop]: the speaker, and for accusations
    the accused after it ('اتهمت روسيا الولايات المتحدة'، 'جماعة أنصار الله (الحوثيون)
    التحالف')."""
    names: list[actors.Named] = []
    k = j
    while k < stop and len(names) < 2 and toks[k].norm not in actors.STOP_WORDS:
        named = actors.named_phrase(doc, toks[:stop], k)
        if named is None:
            break
        names.append(named)
        k = named.end
        if k < stop and "(" in actors.gap(doc, toks[k - 1], toks[k]):
            k = _skip_asides(doc, toks, k, toks[stop - 1].end)
        elif k >= stop or not actors.passable(doc, toks[k - 1], toks[k]):
            break
    return names


# ---------------------------------------------------------------- speakers


def _resolve(doc: Doc, found: list[tuple[_Found, int]]) -> list[Statement]:
    """Give every statement its speaker: the named one, else the last named speaker a few
    sentences back ("وأضاف أن …"); with neither, the statement is dropped with a warning.
    A speaker known by title only is the one named earlier with that title ("المتحدث باسم
    الخارجية الصينية" -> "ليو وي مين"; "المصدر" -> "مصدر في الشرطة العراقية")."""
    out: list[Statement] = []
    seen: list[_Found] = []
    last: tuple[str, int] | None = None  # (speaker, sentence index)
    for f, sentence in found:
        recent = last[0] if last and sentence - last[1] <= _RECENT else None
        speaker = _named_before(doc, f, seen) or f.speaker or recent
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


def _named_before(doc: Doc, f: _Found, seen: list[_Found]) -> str | None:
    """The earlier speaker a title-only speaker stands for, if the article named one."""
    words = actors.key(f.speaker or "")
    for h in reversed(seen if f.title_only else []):
        if h.title and not h.title_only and actors.key(h.title) == words:
            return h.speaker
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


def ask_speaker(llm: LLM, sentence: str, words: str, options: list[str]) -> str | None:
    """The model's pick of who said `words` among `options` (names the code found in the
    sentence), or None. Not used by extraction (see the module docstring): it measures."""
    options = list(dict.fromkeys(o for o in options if o))
    if not options:
        return None
    answer = choose(llm, "speaker", [*options, "none"], sentence=sentence, quote=words)
    return None if answer == "none" else answer


def _answering(toks: Sequence[Token], trig: _Trigger) -> bool:
    """'، وهو ما نفاه الجهاز': a party answers the words just reported."""
    return trig.speaker_only and trig.index >= 2 and toks[trig.index - 1].norm == "ما" and \
        toks[trig.index - 2].norm in ("وهو", "وهي")


def _answer(doc: Doc, f: _Found, said: _Found, start: int, end: int) -> _Found:
    """The answer takes as its words the words it answers ('وهو ما نفاه' denies them)."""
    clause = span(doc.text, start, end)
    return _Found(f.speaker, f.kind, said.text, clause, title=f.title, title_only=f.title_only,
                  answered=said.text)


def find_statements(doc: Doc, llm: LLM | None = None) -> list[Statement]:
    """Statements of the article in reading order; ids and speaker ids are left for extract.
    `llm` is part of the fact-module contract; the rules beat it here, so it is not asked."""
    toks = tokens(doc.text)
    found: list[tuple[_Found, int]] = []
    said_until = -1
    first = 0
    for sentence in doc.sentences:
        while first < len(toks) and toks[first].start < sentence.start:
            first += 1
        stop = first
        while stop < len(toks) and toks[stop].start < sentence.end:
            stop += 1
        triggers = _triggers(doc, toks, first, stop)
        spoken = len(found)
        for n, trig in enumerate(triggers):
            answer = _answering(toks, trig)
            if toks[trig.index].start < said_until and not answer:
                continue  # a verb inside words already said
            nxt = next((t.index for t in triggers[n + 1 :] if t.opens), None)
            end = _clause_end(doc, sentence, toks, nxt)
            for f in _statement(doc, toks, trig, end, continuing=len(found) > spoken):
                if answer and f.speaker and len(found) > spoken and found[-1][0].text:
                    f = _answer(doc, f, found[-1][0], toks[trig.index - 2].start, end)
                found.append((f, sentence.index))
                said_until = max(said_until, f.evidence.end if f.text else -1)
    return _resolve(doc, found)
