"""Event triggers: the words of a sentence that report a happening, looked up in the event
lexicons and checked against their context (the clause each one speaks in: event_clauses)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from agent.extract import dates, places
from agent.extract.event_clauses import Trigger, joined, object_place, quote_spans
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases, tokens
from agent.text.doc import Doc, Sentence
from schemas import EventSubtype, EventType, Modality


def _types(value: str) -> tuple[EventType, ...]:
    return tuple(EventType(name) for name in value.split())


WORDS = {**lexicon.table("event_nouns", EventType),
         **lexicon.table("event_context_nouns", EventType)}
VERB_FORMS = lexicon.table("event_verbs", EventType)
IMPERFECT = lexicon.table("event_imperfect_stems", EventType)
PHRASES = lexicon.table("event_phrases", EventType)
LONGEST_PHRASE = max(len(p.split()) for p in PHRASES)
AIRCRAFT = lexicon.words("aircraft")
STRIKE_VERBS = lexicon.words("strike_verbs")
OPEN = lexicon.table("open_triggers", _types)
OPEN_FORMS = {**OPEN, **lexicon.table("open_verb_forms", _types)}
CUES = lexicon.table("cue_words", EventType)
EARLIER = lexicon.words("earlier_words")
COMPOUND_HEADS = lexicon.words("compound_heads")
TALLY_HEADS = lexicon.words("tally_heads")
RISKS = lexicon.words("risk_words")
RISK_WORDS = 3  # "محذراً من فيضانات", "مع احتمال وقوع هجمات"
STANDING = lexicon.words("standing_words")
STANDING_WORDS = 3  # "المنهكة أصلاً بتفشي فيروس كورونا"
ORIGINS = lexicon.words("origin_words")
RELATIVES = lexicon.words("event_relative_pronouns")
BACKGROUND = lexicon.words("background_words")
ONGOING = lexicon.words("ongoing_words")
UNDERGO = lexicon.words("undergo_verbs")
PURPOSE = lexicon.words("purpose_prefixes")
DEMONSTRATIVES = lexicon.words("demonstratives")
MOODS = lexicon.table("mood_particles", Modality)
CONDITIONS = lexicon.table("trigger_conditions", str)
UNDER_CONTROL = lexicon.words("under_control_words")
SEIZED_WORDS = 8  # words from a verb of taking to its "على": "سيطرت 13 وحدة إطفاء على"
TOWARDS = lexicon.words("towards_words")
ESCAPE_VERBS = tuple(lexicon.ordered("escape_verbs"))
ESCAPE_MOMENTS = lexicon.words("escape_moments")
PRISONERS = lexicon.words("prisoner_words")
EVACUEES = lexicon.words("evacuees")
EVACUEE_WORDS = 5  # "أجلت السلطات نحو 800 من سكان"
PRISONER_WORDS = 3  # "فرّ آلاف السجناء", "إذا كان سجناء قد فرّوا منه"
NOT_PROTEST_AFTER = lexicon.words("not_protest_after")
SUBTYPES = lexicon.table("event_subtypes", EventSubtype)
HAZARD_OBJECTS = lexicon.table("hazard_objects", EventSubtype)
FLAMES = lexicon.words("flame_words")
MEASURE_OBJECTS = lexicon.words("measure_objects")
BANNED_WORDS = 3  # a measure and the gathering it bans: "حظراً شاملاً على التجمعات"
MOURNING_MARKS = lexicon.words("mourning_marks")
NOT_DETAINED = lexicon.words("not_detained") | MEASURE_OBJECTS
CAPITAL_WORDS = lexicon.words("capital_words")
TIME_ASIDES = lexicon.words("time_asides")
SEQUELS = lexicon.words("sequel_words")
LAUNCHERS = lexicon.words("launching_aircraft")
LAUNCHER_WORDS = 4  # "طائرة حربية أطلقت صاروخين", "صاروخ من طراز «خ-22» أطلقته طائرة"
SEQUEL_FROM = lexicon.words("sequel_from_words")


def _stems(*names: str) -> re.Pattern[str]:
    """Words that start with one of these lexicons' stems, after clitics and the article."""
    stems = [s for name in names for s in lexicon.ordered(name)]
    return re.compile(r"(?<!\w)[وفبل]{0,2}(?:ال)?(?:" + "|".join(stems) + ")")


# Clashes of crowds are riots: "مواجهات بين المتظاهرين والشرطة".
CROWD = _stems("crowd_words")
PROTESTERS = _stems("crowd_words", "protest_signs")
DISEASES = lexicon.words("disease_words") | {w for w, t in WORDS.items()
                                             if t is EventType.disease_outbreak}
NOT_SEIZED = lexicon.words("not_seized") | FLAMES | DISEASES
WEAPON_WORDS = 3  # words of one weapon before the next: "بطائرة مسيرة وقذائف"
OBJECT_WINDOW = 4  # words between "تحطمت" and its "طائرة", either side
IMPERFECT_FORM = re.compile(
    r"^(?P<future>س)?[يتن](?P<stem>" + "|".join(sorted(IMPERFECT, key=len, reverse=True))
    + r")(?:ون|ان|وا|ن)?$")


def find_triggers(doc: Doc, sentence: Sentence) -> list[Trigger]:
    """The triggers of a sentence, in reading order, without those that speak of no
    happening (a name, a kind of event in quotes, background)."""
    toks = tokens(doc.text, sentence.start, sentence.end)
    quotes = quote_spans(sentence)
    found: list[Trigger] = []
    i = 0
    while i < len(toks):
        t = _trigger_at(doc, sentence, toks, i)
        if t is None:
            i += 1
            continue
        i = t.last + 1
        in_quote = any(s <= t.start < e for s, e in quotes)
        before = set(clitic_bases(toks[t.first - 1].norm)) if t.first else set()
        if (in_quote and _generic(doc.text, t)) or before & DEMONSTRATIVES:
            continue  # talk about fighting in general, or "هذا الانسحاب" told already
        if before & COMPOUND_HEADS or (t.definite and before & BACKGROUND):
            continue  # "مركز احتجاز", "ساحة التحرير"; "منذ بدء الاحتجاجات"
        if before & TALLY_HEADS and EventType.disease_outbreak not in t.options:
            continue  # "356 حالة توقيف": a tally; "حالات الكوليرا" are the outbreak's cases
        if any(set(forms(tok.norm)) & RISKS
               for tok in toks[max(0, t.first - RISK_WORDS) : t.first]):
            continue  # "محذراً من فيضانات إضافية": what may come
        if any(set(forms(tok.norm)) & STANDING
               for tok in toks[max(0, t.first - STANDING_WORDS) : t.first]):
            continue  # "تعاني أصلاً من جفاف حاد": a standing condition
        since = next((k for k in (t.first - 1, t.first - 2) if k >= 0
                      and toks[k].norm in ORIGINS), None)
        told = t.last + 1 < len(toks) and toks[t.last + 1].norm in RELATIVES
        if since is not None and not told and not dates.find_dates(doc, toks[since].end,
                                                                     t.start):
            continue  # "منذ جائحة كورونا": the past point a span starts from
        if found and _weapon(doc.text, found[-1], t):
            continue  # "هجوم بطائرة مسيرة وقذائف مدفعية": the weapons of one attack
        if found and _banned(found[-1], t):
            continue  # "حظر التظاهر", "إلغاء الاجتماع": what a measure bans did not happen
        found.append(t)
    return found


def _banned(measure: Trigger, t: Trigger) -> bool:
    """A gathering a measure right before it bans or calls off ("حظراً شاملاً على التجمعات")."""
    return (measure.options == (EventType.other,) and t.first <= measure.last + BANNED_WORDS
            and bool({EventType.protest, EventType.meeting_agreement} & set(t.options)))


def _weapon(raw: str, attack: Trigger, t: Trigger) -> bool:
    """t names a weapon of the open trigger before it: "هجوم بقذائف الهاون", or the next
    of its weapons ("هجوم بطائرة مسيرة وقذائف مدفعية")."""
    toks, after = t.toks, attack.last + 1
    if len(attack.options) < 2 or not toks[after].norm.startswith("ب"):
        return False
    return t.first == after or (  # a noun in the weapon's words: "بقذائف الهاون"
        (toks[t.first].norm.startswith("و") or not t.verb) and t.first - after <= WEAPON_WORDS
        and all(joined(raw, toks, k) for k in range(after, t.first)))


def _generic(raw: str, t: Trigger) -> bool:
    """A quoted noun that speaks of a kind of event, not one happening: definite or in
    construct ("«الهجمات»", "«معركة حلب»"); "«صدت هجوما واسعا»" reports one."""
    if t.verb:
        return False
    nxt = t.toks[t.last + 1].norm if joined(raw, t.toks, t.last) else ""
    return t.definite or nxt.startswith("ال") or places.is_place(nxt)


def _trigger_at(doc: Doc, sentence: Sentence, toks: list[Token], i: int) -> Trigger | None:
    """The trigger starting at token i, if its words and their context make one."""
    for n in range(LONGEST_PHRASE, 1, -1):
        if i + n <= len(toks) and all(joined(doc.text, toks, k) for k in range(i, i + n - 1)):
            key = _phrase(toks[i : i + n])
            if key is None:
                continue
            near = {b for tok in toks[max(0, i - 2) : i + n + 2] for b in forms(tok.norm)}
            if key in AIRCRAFT and not near & STRIKE_VERBS:
                return None
            if CONDITIONS.get(key) == "emergency" and toks[i].norm != key.split()[0]:
                return None  # "تخضع المنطقة لحالة الطوارئ": a state, not a declaration
            if CONDITIONS.get(key) == "unrest" and not named(PROTESTERS, doc, 0, len(doc.text)):
                return None  # "شابت أعمال عنف الانتخابات": violence of no crowd
            return Trigger(sentence, toks, i, i + n - 1, (PHRASES[key],), verb=False,
                           definite=toks[i].norm.startswith(("ال", "وال", "بال")),
                           subtype=SUBTYPES.get(key))
    for base in forms(toks[i].norm):
        if base in WORDS or base in VERB_FORMS or base in OPEN_FORMS:
            options = OPEN_FORMS.get(base) or (WORDS.get(base) or VERB_FORMS[base],)
            verb = base in VERB_FORMS or (base in OPEN_FORMS and base not in OPEN)
            prefix = toks[i].norm[: len(toks[i].norm) - len(base)]
            undergone = any(set(clitic_bases(tok.norm)) & UNDERGO  # "تعرضت البلدة لقصف"
                            for tok in toks[max(0, i - 4) : i])
            t = Trigger(sentence, toks, i, i, options, verb=verb,
                        purpose=not verb and prefix in PURPOSE and not undergone,
                        definite=not verb and "ال" in prefix + base[:2],
                        subtype=SUBTYPES.get(base))
            return t if _fits(doc, t, base, prefix) else None
    m = IMPERFECT_FORM.match(toks[i].norm)
    if m is None:
        return None
    before = toks[i - 1].norm if i else ""
    mood = Modality.hypothetical if m["future"] else MOODS.get(before)
    if mood is None:
        return None  # "تسيطر الفصائل على حيين": a state, not an event
    if (i > 1 and before == "ان" and toks[i - 2].norm in SEQUELS
            and not (joined(doc.text, toks, i) and toks[i + 1].norm in SEQUEL_FROM)):
        return None  # "قبل أن ينسحبوا": how the raid ended; "ينسحبوا منها" gives a place up
    t = Trigger(sentence, toks, i, i, (IMPERFECT[m["stem"]],), verb=True, mood=mood)
    return t if _fits(doc, t, m["stem"], "") else None


def _phrase(toks: list[Token]) -> str | None:
    """The PHRASES key these words spell; every word may carry clitics or tanween."""
    keys = [""]
    for tok in toks:
        keys = [f"{k} {f}".strip() for k in keys for f in forms(tok.norm)]
    return next((k for k in keys if k in PHRASES), None)


def _fits(doc: Doc, t: Trigger, base: str, prefix: str) -> bool:
    """Context that some words need before they report a happening (trigger_conditions.txt)."""
    toks, i = t.toks, t.first
    after = [tok.norm for tok in toks[i + 1 : i + 4]]
    before = toks[i - 1].norm if i else ""
    if t.definite and after and after[0] in ONGOING:
        return False  # "المعارك المستمرة": the war as a cause
    rule = CONDITIONS.get(base)
    if rule == "takeover":  # "سيطرة X على Y", not "تحت سيطرة", "الخاضع لسيطرة"
        return "علي" in after and before not in UNDER_CONTROL and _territory(toks, i)
    if rule == "seized":  # "سيطرت القوات على البلدة", not "سيطرت فرق الإطفاء على النيران"
        return _territory(toks, i)
    if rule == "advance":  # a verb that advanced towards: not "تقدم تنازلات", "التقدم"
        return prefix in ("", "و", "ف") and bool(set(after[:2]) & TOWARDS)
    if rule == "into_place":
        return object_place(doc, t) is not None
    if rule == "fall":  # "سقوط سيارة ميكروباص في ترعة" an accident, "سقوط تدمر" a capture
        return ((_vehicle(t) and t.options == (EventType.accident,))
                or object_place(doc, t) is not None)
    if rule == "sentence":  # "يعاقب بالإعدام", "حكم بالإعدام": a sentence, not a killing
        return "ب" not in prefix
    if rule == "escape" and any(set(forms(tok.norm)) & PRISONERS for tok in toks[
            max(0, i - PRISONER_WORDS) : i + PRISONER_WORDS + 1]):
        t.options = (EventType.other,)  # "فرّ آلاف السجناء من السجن": a jailbreak
        return True
    if rule == "escape":  # "لاذوا بالفرار", "تمكنوا من الفرار": got away from the scene
        return not (any(tok.norm.startswith(ESCAPE_VERBS) for tok in toks[i - 2 : i])
                    or (t.definite and bool(set(clitic_bases(before)) & ESCAPE_MOMENTS)))
    if after and after[0] in EARLIER:
        return False  # "تفجيرات سابقة", "هجمات مماثلة": told as background
    if rule == "march":  # marches, not the drones of "طائرة مسيرة"
        return not set(forms(before)) & set(CUES) and not t.definite
    if rule == "objection":  # a demonstration, not "احتجاج رسمي" nor a referee's call
        return not after or after[0] not in NOT_PROTEST_AFTER
    if rule == "vehicle":
        return _vehicle(t)
    if rule == "structure":  # "انهيار العقار", not "انهيار الهدنة"
        return any(HAZARD_OBJECTS.get(b) is EventSubtype.collapse
                   for tok in toks for b in clitic_bases(tok.norm))
    if rule == "fires" and not any(  # "حرائق تيزي وزو", not "الحرائق في المباني"
            HAZARD_OBJECTS.get(b) is EventSubtype.collapse or CUES.get(b) is EventType.accident
            for tok in toks[max(0, i - 4) : i + 5] for b in forms(tok.norm)):
        t.options, t.subtype = (EventType.natural_disaster,), EventSubtype.wildfire
    if rule == "missile" and any(set(forms(tok.norm)) & LAUNCHERS for tok in toks[
            max(0, i - LAUNCHER_WORDS) : i + LAUNCHER_WORDS + 1]):
        t.options = (EventType.air_drone_strike,)  # fired by an aircraft: an air strike
    if rule == "flames":  # "اشتعلت النيران", not "اشتعلت المعارك"
        return bool(after) and bool(set(clitic_bases(after[0])) & FLAMES)
    if rule == "named":  # "عاصفة الحزم" names an operation
        return t.definite or not after or not after[0].startswith("ال")
    if rule == "disease":  # "تفشي الكوليرا", not "تفشي الفساد"; "ظهور المرض … من تفشيه"
        named_before = not toks[i].norm.endswith(base) and any(
            set(forms(tok.norm)) & DISEASES for tok in toks[:i])
        return named_before or any(set(forms(a)) & DISEASES for a in after)
    if rule == "measure":  # "ألغت الرحلات", "إغلاق مصر الأنفاق", not "إلغاء القرار"
        return any(set(forms(tok.norm)) & MEASURE_OBJECTS for tok in toks[i + 1 : i + 5])
    if rule == "evacuated":  # "أجلت السلطات نحو 800 من سكان الحي", not "إجلاء الجرحى"
        return any(tok.norm[:1].isdigit() or set(forms(tok.norm)) & EVACUEES
                   for tok in toks[i + 1 : i + 1 + EVACUEE_WORDS])
    if rule == "mourning":  # "أعلن الحداد الوطني ثلاثة أيام", not the surname حداد
        return any(set(forms(tok.norm)) & MOURNING_MARKS for tok in toks[i + 1 : i + 5])
    if rule == "shooting":  # "أطلق مستوطنون النار على سيارة", not "أطلق سراح"
        shot = [set(forms(a)) for a in after + [tok.norm for tok in toks[i + 4 : i + 5]]]
        fire = next((k for k, a in enumerate(shot) if "النار" in a), None)
        return fire is not None and any("علي" in a for a in shot[fire + 1 :])
    if rule == "crowd":  # "تجمع مئات … مطالبين"، "أحرق محتجون غاضبون مركزاً للشرطة"
        return named(PROTESTERS, doc, t.sentence.start, t.sentence.end)
    if rule == "torrent":  # floods, unless the article names Seoul ("سيول - أعلنت")
        return t.definite or re.search(
            r"(?:" + "|".join(CAPITAL_WORDS) + r")\s+" + base + r"|(?<!\w)" + base
            + r"\s*[-–:]", doc.norm.text) is None
    if rule == "laden":  # "طائرتين مسيرتين مفخختين": the drones' load
        return not any(CUES.get(b) is EventType.air_drone_strike
                       for tok in toks[max(0, i - 2) : i] for b in forms(tok.norm))
    if rule == "detained":  # "أوقفت الشرطة ناظر المحطة", not "أوقفت القتال"
        # «أوقفت فرق الإنقاذ الصربية اليوم السبت البحث»: past a time, and a subject of three
        # words, the activity stopped
        stopped = [tok.norm for tok in toks[i + 1 : i + 9] if tok.norm not in TIME_ASIDES][:4]
        return not any(set(forms(a)) & NOT_DETAINED or is_trigger(forms(a)) for a in after) \
            and not any(set(forms(a)) & NOT_DETAINED for a in stopped)
    if rule == "drought":  # not the dehydration of "إسهال مائي حاد وجفاف"
        return not any(set(forms(tok.norm)) & DISEASES for tok in toks)
    return True


def named(pattern: re.Pattern[str], doc: Doc, start: int, end: int) -> bool:
    """The pattern matches the normalized text between these raw offsets."""
    found = pattern.search(doc.norm.text, doc.norm.from_raw(start), doc.norm.from_raw(end))
    return found is not None


def _territory(toks: list[Token], i: int) -> bool:
    """What is taken after the "على" that follows a verb or noun of taking is no fire,
    situation, weapon, disease or loot (not_seized.txt), counted or not ("استولوا على ثلاثة
    جمال"); true when no "على" follows."""
    on = next((k for k in range(i + 1, min(len(toks), i + 1 + SEIZED_WORDS))
               if toks[k].norm == "علي"), None)
    if on is None or on + 1 >= len(toks):
        return True
    bases = {b for tok in toks[on + 1 : on + 3] for b in forms(tok.norm)}
    stems = {b[: -len(p)] for b in bases for p in ("ه", "ها", "هم") if b.endswith(p)}
    bases |= stems | {s[:-1] + "ه" for s in stems if s.endswith("ت")}  # "ذخيرته": ذخيره
    return not bases & NOT_SEIZED


def _vehicle(t: Trigger) -> bool:
    """A vehicle near an accident word ("تحطم طائرة ركاب", "الحافلة انقلبت") makes it a
    transport accident of that vehicle's kind; "تصادم" without one stays a clash of people."""
    kinds = [(t.first - k if k < t.first else k - t.last, HAZARD_OBJECTS[b])
             for k in range(max(0, t.first - OBJECT_WINDOW),
                            min(len(t.toks), t.last + 1 + OBJECT_WINDOW))
             for b in forms(t.toks[k].norm)
             if HAZARD_OBJECTS.get(b) not in (None, EventSubtype.collapse)]
    if kinds:
        t.options, t.subtype = (EventType.accident,), min(kinds, key=lambda k: k[0])[1]
        return True
    return EventType.accident not in t.options


def is_trigger(bases: Iterable[str]) -> bool:
    """Is any of these word forms a trigger?"""
    return any(b in WORDS or b in VERB_FORMS or b in OPEN_FORMS for b in bases)


def forms(word: str) -> list[str]:
    """Lexicon keys a word may stand for: clitics stripped, tanween alef dropped ("قصفا"),
    a possessive dropped from a noun ("غاراتها"، "اجتماعه الدوري"، "احتجازه"), a dual noun's
    singular ("التفجيرين"، "انفجاران")."""
    bases = clitic_bases(word)
    return (bases + [b[:-1] for b in bases if b.endswith("ا") and len(b) > 3]
            + [b[: -len(p)] for b in bases for p in ("ه", "ها", "هم", "هما")
               if b.endswith(p) and b[: -len(p)] in WORDS]
            + [one for b in bases if b.endswith(("ين", "ان")) and len(b) > 4
               for one in _singular(b[:-2])])


def _singular(stem: str) -> list[str]:
    """The singular a dual's stem may be: "تفجير", "طائرت" (طائره)."""
    return [stem, stem[:-1] + "ه"] if stem.endswith("ت") else [stem]
