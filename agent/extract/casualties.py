"""Casualty reports: number phrases tied by rule to the word that says what happened to the
people counted (قتل، أصيب، نزح …), with their victims, cause and source copied as written.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from agent.extract.breakdowns import Details, breakdowns, elliptical, joined, revised
from agent.extract.counts import Count, find_counts
from agent.extract.governing import (
    Lexeme,
    among,
    governor,
    lexemes,
    negated,
    of_the_counted,
)
from agent.extract.numbers import Word, bare, words
from agent.extract.sickness import as_cases
from agent.extract.singular_victims import singulars
from agent.extract.sources import find_source, name_after
from agent.model.llm import LLM
from agent.text import lexicon
from agent.text.arabic import clitic_bases, norm
from agent.text.doc import Doc, Sentence, span
from schemas import CasualtyCategory, CasualtyReport, CountUnit, Victims

_OTHERS = lexicon.words("others_words")
_CONTRAST = [tuple(phrase.split()) for phrase in lexicon.ordered("contrast_words")]
_VICTIM_WORDS = lexicon.table("victim_words", Victims)
_VICTIMS = {kind: frozenset(w for w, k in _VICTIM_WORDS.items() if k is kind)
            for kind in dict.fromkeys(_VICTIM_WORDS.values())}  # in file order: the first kind wins
_CAUSES = lexicon.words("cause_words")
_DAMAGE = lexicon.words("damage_words")
_DESIGNATORS = lexicon.words("place_designators")  # "سبع منها في إقليم طاطا"
_PRISONERS = lexicon.words("prisoner_words")
_OF_THEM = {"منهم", "منها", "منهن"}
_COUNT_FIELDS = ("count_low", "count_best", "count_high", "count_text")
_ROUNDING = 0.1  # how far a headline's "more than N" may round its body figure down
_STATE_REACH = 1  # "بينهم 385 ألفاً سيحتاجون", "بينهم 213 ألف شخص معرضون"
_DAMAGE_REACH = 5  # "دُمّر خلال الأيام الماضية 120 منزلاً"
_PERPETRATOR_CUES = [tuple(phrase.split()) for phrase in lexicon.ordered("perpetrator_cues")]


def find_casualties(doc: Doc, llm: LLM | None = None) -> list[CasualtyReport]:
    """Every casualty figure in the article, one report per figure and source (ids "").

    Rules only: `llm` is accepted for the fact-module contract but not consulted. Asked what a
    number with no casualty word near it counts, the default model answered "injured" for
    protesters, hostages and jobs alike (seeds dev set: F1 0.943 by rule, 0.874 with it).
    """
    found = [(report, count) for sentence in doc.sentences
             for report, count in _sentence_reports(doc, sentence)]
    in_body = {r.category for r, _ in found if not _in_headline(doc, r)}
    reports: list[CasualtyReport] = []
    headlines: list[int] = []
    per_category = Counter(r.category for r, _ in found)
    for report, count in found:
        if count.vague and _in_headline(doc, report) and report.category in in_body:
            continue  # "عشرات القتلى في معارك الفاشر" sums up the body's own figures
        if of_the_counted(count) and per_category[report.category] > 1:
            continue  # "13 من المصابين في حالة حرجة": who some of a figure's victims are
        _add(doc, reports, report, headlines)
    return reports


def _add(doc: Doc, reports: list[CasualtyReport], new: CasualtyReport,
         headlines: list[int]) -> None:
    """A headline's figure told again or rounded in the body ("١٧ قتيلاً بغارات" … "قُتل ١٧
    شخصاً") is one report with both pieces of evidence, unless two named sources disagree on
    who said it. `headlines` holds the reports that are a headline's figure not yet told again
    (a few), so a long article is not compared with itself figure by figure."""
    for n, i in enumerate(headlines):
        old = reports[i]
        same = (old.category, old.unit) == (new.category, new.unit) and (
            old.count_best == new.count_best or _rounds(old, new))
        if same and _same_source(old.reported_by, new.reported_by):
            filled = {k: v for k, v in new.model_dump(exclude={"id", "evidence"}).items()
                      if getattr(old, k) in (None, Victims.unknown) and v is not None}
            if len(new.reported_by or "") > len(old.reported_by or ""):
                filled["reported_by"] = new.reported_by  # the body names its source in full
            if old.count_best != new.count_best:  # the body's figure, not its rounding
                filled.update({k: getattr(new, k) for k in _COUNT_FIELDS})
            reports[i] = old.model_copy(update={**filled, "evidence": old.evidence + new.evidence})
            del headlines[n]
            return
    reports.append(new)
    if len(new.evidence) == 1 and _in_headline(doc, new):
        headlines.append(len(reports) - 1)


def _same_source(a: str | None, b: str | None) -> bool:
    """Can two sources be one: either unnamed, or one a run of the other's words ("بحسب مدير
    المستشفى" in a headline, "قال مدير المستشفى الرئيسي في مدينة لاسعانود" in the body)?"""
    if a is None or b is None:
        return True
    short, long = sorted((norm(a).split(), norm(b).split()), key=len)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _rounds(headline: CasualtyReport, body: CasualtyReport) -> bool:
    """"حصيلة الزلزال تتخطى ألفي قتيل" over "2012 قتيلاً على الأقل": a lower bound that the
    body's figure passes by less than a tenth is that figure rounded down."""
    low, best = headline.count_low, body.count_best
    return headline.count_high is None and low is not None and best is not None \
        and low <= best < low * (1 + _ROUNDING)


def _in_headline(doc: Doc, report: CasualtyReport) -> bool:
    """Does the report come from a line of its own without a closing full stop: the title or a
    section head?"""
    sentence = doc.sentence_at(report.evidence[0].start)
    return _alone_on_line(doc.text, sentence.start, sentence.end) \
        and not sentence.text.endswith((".", "!", "?", "؟"))


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Only spaces between raw [start, end) and the line breaks around it (read outward, so a
    long article written on one line is not copied for every sentence)."""
    while start > 0 and text[start - 1] != "\n" and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end] != "\n" and text[end].isspace():
        end += 1
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _sentence_reports(doc: Doc, sentence: Sentence) -> list[tuple[CasualtyReport, Count]]:
    ws = words(doc, sentence.start, sentence.end)
    counts = find_counts(doc, sentence.start, sentence.end)
    counts = sorted(counts + singulars(doc, ws, _word_spans(ws, counts)), key=lambda c: c.start)
    if not counts:
        return []
    spans = _word_spans(ws, counts)
    in_count = {i for a, b in spans for i in range(a, b + 1)}
    found = lexemes(ws, in_count)
    details = breakdowns(ws, counts, spans)
    reports: list[tuple[CasualtyReport, Count]] = []
    previous: tuple[CasualtyCategory, Lexeme | None] | None = None
    told: dict[int, CasualtyCategory] = {}  # count index -> the category it was read as
    for k, count in enumerate(counts):
        placed = _placed_part(ws, count, spans[k])
        if k in details.members and not placed and not _own_state(
                ws, spans, found, k, told.get(details.members[k])):
            continue
        governed = _damaged(ws, spans[k]) if count.unit == "homes" else governor(
            ws, spans, found, k)
        if governed is None and previous is not None and (
                (previous[1] is not None and joined(ws, counts, spans, k))
                or elliptical(ws, counts, spans, k) or revised(ws, spans, k) or placed):
            governed = previous  # "بمقتل 15 مقاتلا و10 من عناصر النظام": one verb, two figures
        previous = governed
        if governed is None:
            continue
        if placed and governed[1] is not None and governed[1].index < spans[k][0] - 1:
            governed = governed[0], None  # the whole's word is not the part's evidence
        category, lexeme = governed
        told[k] = category
        if category == CasualtyCategory.displaced and any(
                set(clitic_bases(w.norm)) & _PRISONERS for w in ws[spans[k][0]:spans[k][1] + 1]):
            continue  # "31 سجيناً فرّوا": a jailbreak, not a displacement
        if lexeme is not None and (negated(ws, lexeme.index, spans)
                                   or among(ws, lexeme, spans[k])):
            continue
        report = _report(doc, sentence, ws, count, category, lexeme, details.text.get(k), spans[k])
        group = _their_group(ws, counts, spans, details, k)
        if group is not None:
            report.evidence.append(span(doc.text, *group))
        if report.victims == Victims.unknown and reports and _inherits(count):
            # "قتل 12 مدنيا وأصيب 30 آخرون": the others are of the same kind
            report = report.model_copy(update={"victims": reports[-1][0].victims})
        reports.append((report, count))
    cases = as_cases(doc, sentence, [r for r, _ in reports])
    return [(case, count) for case, (_, count) in zip(cases, reports, strict=True)]


def _own_state(ws: list[Word], spans: list[tuple[int, int]], found: list[Lexeme], k: int,
               whole: CasualtyCategory | None) -> bool:
    """Is the part of a figure (count k) told in a category of its own, by a casualty word
    right after it: "7.8 مليون شخص، بينهم 213 ألف شخص معرضون لخطر المجاعة", or right before
    it: "أصيب 30 شخصاً بالمرض، توفي 13 منهم"? Then it is its own report; in the whole's
    category it says who the victims were. A graver need told after it makes a report even
    when the whole is affected too: "يطال الجفاف 7.8 مليون شخص، بينهم 213 ألف شخص معرضون
    لخطر المجاعة"; "بلغ عدد القتلى 32، بينهم 13 لقوا حتفهم خلال الإخلاء" tells how some died."""
    governed = governor(ws, spans, found, k)
    if governed is None or governed[1] is None or governed[0] is CasualtyCategory.sick:
        return False  # "ثلاثة منهم في حالة حرجة": a condition, not cases
    if governed[1].index == spans[k][0] - 1:
        return governed[0] is not whole
    after = ws[spans[k][1] + 1:governed[1].index]
    return governed[1].index > spans[k][1] and len(after) <= _STATE_REACH \
        and all(w.is_letters for w in after) \
        and (governed[0] is not whole or governed[0] is CasualtyCategory.affected)


def _their_group(ws: list[Word], counts: list[Count], spans: list[tuple[int, int]],
                 details: Details, k: int) -> tuple[int, int] | None:
    """Who "of them" are: "18 من العاملين الصحيين أصيبوا بالمرض، توفي سبعة منهم" counts
    seven of the health workers, so the whole's figure is evidence of the seven too."""
    owner = details.members.get(k)
    after = spans[k][1] + 1
    if owner is None or after >= len(ws) or ws[after].norm not in _OF_THEM:
        return None
    return counts[owner].start, counts[owner].end


def _placed_part(ws: list[Word], count: Count, span_words: tuple[int, int]) -> bool:
    """A bare part of the figure before it, told by place or day: "توفي 12 شخصاً، ثمانية منهم
    يوم الاثنين واثنان يوم الثلاثاء", "11 وفاة، سبع منها في إقليم طاطا". Each is a report of
    the whole's kind; a part told by who ("بينهم 11 طفلا") or by ward ("سبعة منهم في مستشفى
    إمبابة") is not."""
    i = span_words[1] + 1
    if count.noun is not None and norm(count.noun) not in _OF_THEM:
        return False
    if i < len(ws) and ws[i].norm in _OF_THEM:
        i += 1
    if i + 1 >= len(ws):
        return False
    return ws[i].norm == "يوم" or (ws[i].norm == "في" and any(
        b in _DESIGNATORS for b in clitic_bases(ws[i + 1].norm)))


def _damaged(ws: list[Word], span_words: tuple[int, int]
             ) -> tuple[CasualtyCategory, Lexeme | None] | None:
    """Homes counted as destroyed or damaged ("دُمّر 120 منزلاً", "120 منزلاً تضررت"): a
    word of damage near the count makes them affected."""
    first, last = span_words
    near = ws[max(0, first - _DAMAGE_REACH):first] + ws[last + 1:last + 3]
    if any(w.is_letters and set(clitic_bases(w.norm)) & _DAMAGE for w in near):
        return CasualtyCategory.affected, None
    return None


def _inherits(count: Count) -> bool:
    """A bare count or "آخرون" takes its victims from the figure before it."""
    return count.noun is None or norm(count.noun) in _OTHERS


def _word_spans(ws: list[Word], counts: list[Count]) -> list[tuple[int, int]]:
    """Each count's first and last word index."""
    index = {w.start: i for i, w in enumerate(ws)}
    return [(index[_first_word(ws, c.start)], index[_last_word(ws, c.end)]) for c in counts]


def _first_word(ws: list[Word], start: int) -> int:
    return next(w.start for w in ws if w.end > start)


def _last_word(ws: list[Word], end: int) -> int:
    return [w.start for w in ws if w.start < end][-1]


def _report(doc: Doc, sentence: Sentence, ws: list[Word], count: Count,
            category: CasualtyCategory, lexeme: Lexeme | None,
            detail: tuple[int, int] | None, span_words: tuple[int, int]) -> CasualtyReport:
    start = min(count.start, lexeme.start) if lexeme else count.start
    end = max(count.end, lexeme.end if lexeme else 0, detail[1] if detail else 0)
    segment = _segment(doc, ws, sentence, count.start)
    # A source named before a contrast ("…، فيما أصيب 20") carries over; one named after it
    # ("إلا أن مصادر أخرى تحدثت عن …") speaks for its own clause only.
    source = find_source(doc, *segment, near=count.start) \
        or find_source(doc, sentence.start, segment[0], near=count.start)
    return CasualtyReport(
        id="",
        category=category,
        count_low=count.low,
        count_best=count.best,
        count_high=count.high,
        count_text=count.text,
        unit=CountUnit(count.unit),
        victims=_victims(ws, span_words, detail, count.unit == "families" or category in (
            CasualtyCategory.displaced, CasualtyCategory.affected, CasualtyCategory.evacuated,
            CasualtyCategory.sick)),
        victim_detail=doc.text[detail[0]:detail[1]] if detail else None,
        cause=_cause(doc, ws, count.start, segment),
        perpetrator=_perpetrator(doc, ws, segment, sentence),
        reported_by=source[0] if source else None,
        evidence=[span(doc.text, start, end)],
    )


def _segment(doc: Doc, ws: list[Word], sentence: Sentence, pos: int) -> tuple[int, int]:
    """The part of the sentence between contrast words ("إلا أن", "فيما") that holds `pos`."""
    cuts = [sentence.start]
    for i, w in enumerate(ws):
        for seq in _CONTRAST:
            if all(i + n < len(ws) and ws[i + n].norm == s for n, s in enumerate(seq)):
                cuts.append(w.start)
                break
    cuts.append(sentence.end)
    return next((a, b) for a, b in pairwise(cuts) if a <= pos < b)


def _victims(ws: list[Word], span_words: tuple[int, int], detail: tuple[int, int] | None,
             civilian_by_default: bool) -> Victims:
    """Who was counted: the noun and what qualifies it ("50 قتيلا من المدنيين", "عنصر أمن");
    a generic noun whose breakdown names two kinds ("بينهم جنود ومدنيون") is mixed."""
    first, last = span_words
    stop = last + 1
    if stop < len(ws) and ws[stop].norm == "من":
        stop += 2  # "من المدنيين", "من قوات الأمن"
    elif stop < len(ws) and ws[stop].is_letters:
        stop += 1  # an adjective: "5 قتلى مدنيين"
    found = _kinds(ws[first:stop])
    if Victims.security_forces in found:
        found.discard(Victims.combatants)  # "عنصر أمن" is one security-force member
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        return Victims.mixed
    in_detail = _kinds([w for w in ws if detail and detail[0] <= w.start < detail[1]])
    if len(in_detail) > 1:
        return Victims.mixed
    # Those displaced, besieged, counted as families or as cases of a disease are civilians
    # unless the words say else.
    return Victims.civilians if civilian_by_default else Victims.unknown


def _kinds(some: list[Word]) -> set[Victims]:
    found: set[Victims] = set()
    for w in some:
        bases = clitic_bases(w.norm) if w.is_letters else []
        kind = next((kind for kind, forms in _VICTIMS.items()
                     if any(b in forms for b in bases)), None)
        if kind is not None:
            found.add(kind)
    return found


def _cause(doc: Doc, ws: list[Word], pos: int, segment: tuple[int, int]) -> str | None:
    """The nearest cause word ("غارات", "القصف"), in the count's clause first, as written."""
    found = []
    for w in ws:
        base = next((b for b in clitic_bases(w.norm) if b in _CAUSES), None) \
            if w.is_letters else None
        if base is not None:
            outside = not (segment[0] <= w.start < segment[1])
            found.append((outside, abs(w.start - pos), bare(doc, w, base)))
    if not found:
        return None
    start, end = min(found)[2]
    return doc.text[start:end]


def _perpetrator(doc: Doc, ws: list[Word], segment: tuple[int, int],
                 sentence: Sentence) -> str | None:
    for i, w in enumerate(ws):
        if not segment[0] <= w.start < segment[1]:
            continue
        for cue in _PERPETRATOR_CUES:
            n = len(cue)
            if i + n < len(ws) and all(ws[i + m].norm == s for m, s in enumerate(cue)):
                named = name_after(doc, ws[i + n].start, sentence.end)
                if named is not None:
                    return named[0]
    return None

