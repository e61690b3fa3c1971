"""The type and modality of each trigger: cue words settle open triggers ("قصف مدفعي"), the model
may choose where none does, and nearby words make a trigger negated, hypothetical or claimed."""

from __future__ import annotations

from agent.errors import ModelOutputError
from agent.extract.counts import find_counts
from agent.extract.event_clauses import (
    Trigger,
    boundary_after,
    clause_scope,
    clause_span,
    quote_spans,
)
from agent.extract.event_triggers import CROWD, CUES, find_triggers, forms, named
from agent.model.choose import choose
from agent.model.llm import LLM
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases
from agent.text.doc import Doc, Sentence
from schemas import EventSubtype, EventType, Modality

T = EventType
NONE = "none"
VIOLENT = {T.air_drone_strike, T.shelling_artillery, T.explosion_bombing}
HAZARDS = {T.natural_disaster, T.accident, T.disease_outbreak}  # crises that are not war
# The fire, collapse or blast a strike caused is part of the strike, and so are the fires it
# set ("اندلعت حرائق في المنطقة جراء القصف").
CAUSED_BY_STRIKES = {EventSubtype.fire, EventSubtype.collapse, EventSubtype.explosion,
                     EventSubtype.wildfire}
OPERATIONS = lexicon.words("operation_words")
OPERATION_WINDOW = 10
NEGATIONS = lexicon.words("event_negations")
ADJACENT_NEGATIONS = lexicon.words("event_negations_adjacent")
DENIALS = lexicon.words("denials")
CLAIMS = lexicon.words("claims")
PLANS = lexicon.words("plans")
TARGETS = lexicon.words("target_words")
CIVILIAN_TARGETS = lexicon.words("civilian_targets")
MILITARY = lexicon.words("military_marks")
PAUSES = "،,؛;."  # the end of a verb's clause, where its object would be
HAZARD_CAUSES = lexicon.words("hazard_cause_words")
CAUSE_WORDS = 3  # "عقب أسابيع من الأمطار": the cause word, then up to two more
MOVEMENT = lexicon.words("displacement_movement")
MOVEMENT_WORDS = 6  # words after the count of the displaced where a movement would be told
TARGET_REACH, TARGET_WORDS = 12, 4  # trigger to its "على", then the words of what it hit


def sentence_events(doc: Doc, sentence: Sentence, llm: LLM | None, budget: list[int],
                     told: list[EventType]) -> list[tuple[EventType, list[Trigger]]]:
    """Triggers of one sentence grouped by type and clause: one happening each. `told` are
    the types of the events told before, in order ("الهجوم" may point back to one)."""
    triggers = find_triggers(doc, sentence)
    decided = {t.options[0] for t in triggers if len(t.options) == 1}
    crowd = T.protest in decided or _crowd(doc, sentence)
    grouped: dict[tuple[EventType, int], list[Trigger]] = {}
    for t in triggers:
        if len(t.options) == 1:
            chosen: EventType | None = t.options[0]
        elif (t.definite and not decided & VIOLENT and not _cue(t) and not _on_civilians(t)
              and (back := _told_back(t, told)) is not None):
            chosen = back  # "ولم تتبن أي جهة الهجوم": the attack told last
        else:
            chosen = _settle(t, decided, llm, budget, told)
        if t.purpose:  # "لاستعادة …": an aim, unless an operation is under way for it
            if chosen is not T.territory_change or not _operation_before(t):
                continue
            chosen, t.purpose = T.armed_clash, False
        if chosen is T.attack_on_civilians and decided & VIOLENT:
            chosen = None  # "قتل 50 مدنيا جراء غارات": the strike is the event
        if chosen in HAZARDS and t.subtype in CAUSED_BY_STRIKES and decided & VIOLENT:
            chosen = None  # "اندلع حريق في المستودع إثر الغارة": the strike's fire
        if crowd and (chosen is T.armed_clash or (chosen is T.other and t.verb) or (
                chosen is T.attack_on_civilians and named(CROWD, doc, t.end,
                                                           clause_span(doc.text, t).end))):
            # "المحتجون أحرقوا إطارات وأغلقوا الطريق", "بإطلاق النار على المحتجين": the riot
            chosen = T.riot
        if chosen is not None:
            grouped.setdefault((chosen, clause_scope(doc.text, t)[0]), []).append(t)
    # A protest that clashed in the same clause is one riot (ACLED: a violent demonstration).
    for event_type, scope in list(grouped):
        if event_type is T.protest and (T.riot, scope) in grouped:
            grouped[(T.riot, scope)] = sorted(grouped.pop((event_type, scope)) + grouped[
                (T.riot, scope)], key=lambda t: t.start)
    return [(event_type, group) for (event_type, _), group in grouped.items()]


def toll(doc: Doc, t: Trigger) -> bool:
    """A count of the displaced right after the word, with neither where they went or fled
    from nor where they shelter ("نزح أكثر من 40 ألف شخص في شمال شرق البلاد"): the toll of
    what displaced them, a casualty report, not a movement of its own ("نزح 500 شخص إلى
    المدينة", "نزح نحو 1200 شخص يحتمون في مدارس")."""
    toks, nxt = t.toks, t.last + 1
    if nxt >= len(toks) or boundary_after(doc.text, toks, t.last):
        return False
    count = next(iter(find_counts(doc, toks[nxt].start, t.sentence.end)), None)
    if count is None or count.start > toks[nxt].start + 1:  # "ونزوح" + "و" of "وأكثر"
        return False
    last = max(k for k in range(nxt, len(toks)) if toks[k].start < count.end)
    for k in range(last + 1, min(len(toks), last + 1 + MOVEMENT_WORDS)):
        if any(c in PAUSES for c in doc.text[toks[k - 1].end : toks[k].start]):
            break  # a closing quote is no pause: "«فرار 15 ألف شخص» من قرى غرب المدينة"
        if set(clitic_bases(toks[k].norm)) & MOVEMENT:
            return False
    return True


def a_cause(t: Trigger) -> bool:
    """A hazard told as the cause or the setting of something: "عقب أسابيع من الأمطار
    الغزيرة", "خلال عاصفة رعدية"."""
    return any(set(clitic_bases(tok.norm)) & HAZARD_CAUSES
               for tok in t.toks[max(0, t.first - CAUSE_WORDS) : t.first])


def unsettled(t: Trigger) -> tuple[EventType, ...]:
    """The types an open trigger leaves open when no word near it settles one ("هجوم حوثي
    دامٍ على سفينة" in a headline); empty when it has one type or a cue chose."""
    if len(t.options) < 2 or _cue(t) is not None or (
            T.attack_on_civilians in t.options and _on_civilians(t)):
        return ()
    return t.options


def _told_back(t: Trigger, told: list[EventType]) -> EventType | None:
    """The latest told event a definite open trigger may name: one of its types, or a
    cyberattack ("تبنت الهجوم على المواقع" after "هجوم إلكتروني")."""
    return next((e for e in reversed(told) if e in t.options or e is T.other), None)


def _operation_before(t: Trigger) -> bool:
    return any(set(clitic_bases(tok.norm)) & OPERATIONS
               for tok in t.toks[max(0, t.first - OPERATION_WINDOW) : t.first])


def _crowd(doc: Doc, sentence: Sentence) -> bool:
    """Protesters are named in this paragraph, up to the end of this sentence."""
    start = doc.text.rfind("\n", 0, sentence.start) + 1
    return named(CROWD, doc, start, sentence.end)


def _settle(t: Trigger, decided: set[EventType], llm: LLM | None, budget: list[int],
            told: list[EventType]) -> EventType | None:
    """The type of an open trigger: a cue word near it ("هجمات بطائرات مسيرة"), a violent
    type decided in the same sentence (the same happening), an accident the article told
    before and no attack, the model while the budget lasts, else the first option."""
    cue = _cue(t)
    if (cue in (None, T.armed_clash) and T.attack_on_civilians in t.options
            and _on_civilians(t)):
        return T.attack_on_civilians  # "هجوم مسلحين على كنيسة": one-sided, not a clash
    if cue is not None:
        return cue
    hazard = [o for o in t.options if o in decided & HAZARDS]
    if hazard:  # "تسبب في انفجار … دفعت الناس إلى التدافع": part of the accident
        return hazard[0]
    hazard = [o for o in t.options if o in HAZARDS and o in told]
    if hazard and not (decided | set(told)) & VIOLENT:
        return hazard[0]  # "سقط الصهريج فارتطم بالرصيف وانفجر" after the gas leak
    if decided & VIOLENT:
        same = [o for o in t.options if o in decided]
        return same[0] if same else None  # "هجوم" beside "غارات": already typed
    if llm is None or budget[0] <= 0:
        return t.options[0]
    budget[0] -= 1
    try:
        answer = choose(llm, "event_type", [o.value for o in t.options] + [NONE],
                        sentence=t.sentence.text, trigger=t.text)
    except ModelOutputError:
        return t.options[0]
    return None if answer == NONE else EventType(answer)


def _on_civilians(t: Trigger) -> bool:
    """What the attack fell on are civilians or their places ("هجوم على ثلاث قرى", "الهجوم
    الذي شنه مسلحون … على موقع سهل سافو للنازحين", "هجوم استهدف ورشة"); without a target,
    the victims named before "في هجوم" ("مقتل تسعة من سكان ثلاث قرى …، في هجوم")."""
    toks = t.toks
    for k in range(t.last + 1, min(len(toks), t.last + 1 + TARGET_REACH)):
        if toks[k].norm == "علي" or set(clitic_bases(toks[k].norm)) & TARGETS:
            return _civilian(toks[k + 1 : k + 1 + TARGET_WORDS])
    if t.verb:  # "اقتحم مسلحون كنيسة", "هاجم بلطجية مراكز اقتراع": its object
        end = next((k for k in range(t.last, len(toks) - 1)
                    if any(c in PAUSES for c in t.sentence.text[
                        toks[k].end - t.sentence.start : toks[k + 1].start - t.sentence.start])),
                   len(toks) - 1)
        return _civilian(toks[t.last + 1 : min(end + 1, t.last + 1 + TARGET_REACH)])
    killed_in = t.first > 0 and (toks[t.first - 1].norm == "في"
                                 or toks[t.first].norm.startswith("ب"))
    return killed_in and _civilian(toks[max(0, t.first - TARGET_REACH) : t.first])


def _civilian(words: list[Token]) -> bool:
    """Civilians or their places, and nothing military ("قافلة للجنة", not "قافلة عسكرية")."""
    found = [set(forms(tok.norm)) for tok in words]
    return any(f & CIVILIAN_TARGETS for f in found) and not any(f & MILITARY for f in found)


def _cue(t: Trigger) -> EventType | None:
    """The type the nearest cue word gives an open trigger ("قصف مدفعي وهجمات بطائرات
    مسيرة": the shells type the first, the drones the second); after it wins a tie."""
    cues = [(k - t.last if k > t.last else 2 * (t.first - k), CUES[b])
            for k in range(max(0, t.first - 3), min(len(t.toks), t.last + 6))
            for b in forms(t.toks[k].norm) if CUES.get(b) in t.options]
    if {T.armed_clash, T.shelling_artillery} <= {c[1] for c in cues}:
        return T.armed_clash  # "هجوم بقذائف الهاون والأسلحة الرشاشة": a ground assault
    return min(cues, key=lambda c: c[0])[1] if cues else None


def modality(raw: str, t: Trigger) -> Modality:
    """Negated ("لم تنسحب"), hypothetical ("ستنسحب", "إذا", "لاستعادة"), claimed ("زعم")."""
    if t.mood is not None:
        return t.mood
    quotes = quote_spans(t.sentence)
    inside = next(((s, e) for s, e in quotes if s <= t.start < e), None)
    scope_start = clause_scope(raw, t)[0]
    # Only words of the trigger's clause, in its own quote or outside every quote, bear on it.
    near = [set(clitic_bases(tok.norm)) for tok in t.toks[max(0, t.first - 15) : t.first]
            if tok.start >= scope_start
            and next(((s, e) for s, e in quotes if s <= tok.start < e), None) == inside]
    if any(w & NEGATIONS for w in near[-2:]) or (near and near[-1] & ADJACENT_NEGATIONS):
        return Modality.negated
    if near and "اي" in near[-1] and any(x.removeprefix("و") in NEGATIONS
                                         for w in near[-5:-1] for x in w):
        return Modality.negated  # "ولم يُعلن عن أي اعتقال": no arrest at all
    if t.purpose or any(w & PLANS for w in near):  # "دعا إلى … وقف إطلاق النار"
        return Modality.hypothetical
    near = near[-8:]
    if any(w & DENIALS for w in near):
        return Modality.negated
    if any(w & CLAIMS for w in near):
        return Modality.claimed
    return Modality.asserted


