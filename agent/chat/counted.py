"""What a how-many question counts: the group or noun ('how many children', «كم طفلاً»), an
amount of money ('how much was paid'), nationals ('how many Filipino nationals'), and the
condition or status its figure must carry ('still in hospital', 'suspected cases').
agent/chat/asks.py reads the rest of a question's constraints."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.chat.asked import demonyms_of, en_counted, nationality
from agent.chat.question import Query, ar_category, gloss_of
from agent.chat.question_names import PLACE_CUES
from agent.chat.words import Term
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table, words

if TYPE_CHECKING:
    from agent.chat.asks import Constraints

_ATTRIBUTES = table("question_attributes", str)  # 'age', 'name': asked of, not counted
_MONEY = table("money_words", str)
_CURRENCIES = tuple(w for w, kind in _MONEY.items() if kind == "currency")
_PAID = re.compile(r"\bhow much\b.*\b(?:paid|pay|receive|get|cost|costs|spend|spent|pledged?"
                   r"|donated?|allocated?|demand(?:ed)?|worth)\b", re.I)
_GROUPS = table("question_groups", str)
_GENERIC = words("question_generic_counted")
CONDITION = words("question_condition_words")  # 'in critical condition', 'حالة حرجة'
_EN_STOP = words("question_stopwords_en")  # 'how many of the injured are still in …'
_STILL = words("still_words") | {"still", "remain", "remained", "remaining"}
_STATUS = table("question_status_words", str)  # 'suspected cases', 'وفاة محتملة'
# 'how many of the injured are still …', 'how many of the dead were Vale employees'
_EN_OF_THE = re.compile(r"\bhow many of (?:the|them|those|these)\b.*?\b(?:were|was|are)"
                        r"\s+(?:still\s+)?([a-z'-]+)(?: ([a-z'-]+)\W*$)?")
_AR_COUNT_SKIP = words("question_count_skip_ar")
_EN_MEMBERS = re.compile(r"\bhow many (?:members|personnel|staff|employees) of ")
_TOLL_NOUNS = words("question_toll_nouns_ar")  # «قتلى»، «جرحى»: nouns a group may follow
_BOTH_SIDES = {"الطرفين", "الجانبين", "طرفين", "جانبين"}
# 'how many of the 570', «من أصل 18»: the total the question gives, within which it asks.
_OF_TOTAL = re.compile(r"\b(?:of|out of|among) (?:the |those |these )?(\d[\d,]*)\b"
                       r"|(?:من اصل|من بين|بين ال|من ال)\s*(\d+)", re.I)
_PLURAL_MIN = 5  # letters of the shortest plural whose stem is a noun (منظمات، not بات)
_SPEAKER = r"(?:spokes\w+|sources?|statements?|chief|commissioner)\b"  # 'police spokesman'
_EN_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|did|died|lost)\b")


def read_counted(q: Query, c: Constraints) -> None:
    """What a how-many question counts, read into `c`: the group or noun, an amount of money,
    nationals, a condition, and the status its figure must carry."""
    _read_counted_noun(q, c)
    c.totals = frozenset(int((m.group(1) or m.group(2)).replace(",", ""))
                         for m in _OF_TOTAL.finditer(norm(q.text)))
    # 'How much will each family be paid': a payment's verb asks an amount of money, and so
    # does a noun of money ('how much compensation', «كم تبلغ الأموال»).
    nouns = [*c.counted, *c.counted_words.split()] + (
        [b for t in q.terms for f in t.forms for b in clitic_bases(f)] if q.lang == "ar" else [])
    if ((c.unchecked or not c.counted_words) and _PAID.search(q.text)) or any(
            _MONEY.get(w) == "noun" for w in nouns):
        c.counted, c.unchecked = (*c.counted, *_CURRENCIES), False  # an amount of money
    nationals = nationality(q)  # 'how many Filipino nationals', «كم رهينة فلبينياً»
    of_the = _EN_OF_THE.search(q.text.lower()) if q.lang == "en" else None
    if of_the and not nationals:  # 'how many of the injured contractors were Americans'
        nationals = demonyms_of([of_the.group(1)])
    if nationals:
        c.counted, c.counted_words, c.unchecked = nationals, "nationals", False
    asked = {t.text.lower() for t in tokens(q.text)} | {  # «بالخطيرة» is خطيرة
        b for t in tokens(q.text) for b in clitic_bases(t.norm)}
    condition = tuple(w for w in CONDITION if not w.isascii()) if asked & CONDITION else ()
    if condition and not c.counted:
        c.counted, c.counted_words, c.unchecked = condition, "critical condition", False
    status = next((_STATUS[w] for t in tokens(q.text) for w in (t.norm, t.text.lower())
                   if w in _STATUS), None)
    if status == "hospital" and not asked & _STILL:
        status = None  # 'according to Lady Reading Hospital': a source, not who is still there
    if status == "confirmed":  # 'laboratory-confirmed': any figure not told as suspected
        c.unconfirmed = tuple(w for w, s in _STATUS.items() if s in ("suspected", "probable")
                              and not w.isascii())
    elif status:
        c.status = tuple(w for w, s in _STATUS.items() if s == status and not w.isascii())
        c.alive = status == "alive"
    elif condition and c.counted != condition:
        # 'How many of the injured pupils are in critical condition': the pupils counted must
        # be said to be in it.
        c.status = condition


def _read_counted_noun(q: Query, c: Constraints) -> None:
    if q.lang == "en":
        low = q.text.lower()
        # 'how many members of the National Guard': the body's members are counted, by the
        # body's name («18 عنصراً من الحرس الوطني»).
        body = _members_body(q, low)
        if body is not None:
            c.counted, c.counted_words = tuple(f.split()[0] for f in body.forms), body.word
            return
        m = en_counted(low)
        # "how many 'terrorists'": a word in scare quotes is still the noun counted.
        counted = [w.strip("'\"‘’“”") for w in m.group(1).split()] if m else []
        of_the = _EN_OF_THE.search(low)
        # 'how many of those killed were women': the group after 'were' is counted.
        if of_the and not (of_the.group(1).endswith("ing") or of_the.group(1) in _EN_STOP) and (
                all(w in _GENERIC for w in counted) or of_the.group(1) in _GROUPS):
            counted = [of_the.group(1)]
        elif of_the and of_the.group(2) and gloss_of(of_the.group(2)) is not None and \
                q.text[of_the.start(1)].isupper():
            counted = [of_the.group(2)]  # 'how many of the dead were Vale employees'
        # 'Were any adults hurt? How many?': the group may come before 'how many'.
        for w in counted or re.findall(r"[a-z]+", low[:m.start()] if m else low):
            # 'the latest police death toll', 'the toll given by the police spokesman': the toll
            # the police gave, not police killed.
            if w in _GROUPS and not re.search(
                    rf"\b{w}(?:'s)? (?:death )?toll|\b{w} {_SPEAKER}", low):
                c.counted, c.counted_words = _group_forms(_GROUPS[w]), w
                return
        # 'cases' counts any case, and a sentence may say حالات rather than a category word.
        c.category = tuple(f for w in counted if w in _GENERIC
                           for f in getattr(gloss_of(w), "forms", ()))
        # 'confirmed cholera cases' counts cases: words before a generic noun only qualify it.
        # "how many of Burundi's confirmed cases": an owner is not what is counted.
        specific = [] if counted and counted[-1] in _GENERIC else [
            w for w in counted if w not in _GENERIC and w not in _ATTRIBUTES
            and not w.endswith("'s")]
        noun = gloss_of(specific[-1]) if specific else None
        if noun is not None:
            c.counted, c.counted_words = noun.forms, " ".join(specific)
        elif specific:  # 'how many tents': no Arabic form to check a figure against
            c.unchecked, c.counted_words = True, " ".join(specific)
        return
    toks = tokens(q.text)
    at = next((i for i, t in enumerate(toks) if t.norm == "كم"), None)
    if at is None:
        return
    rest = [t for t in toks[at + 1:] if t.norm not in _AR_COUNT_SKIP]  # «كم عدد الذين فرّوا»
    for k, t in enumerate(rest[:3]):  # «طفلاً» is طفل; «فرّوا» keeps its alif, a verb's
        bases = clitic_bases(t.norm if t.norm.endswith("وا") else t.norm.removesuffix("ا"))
        group = next((_GROUPS[g] for b in bases for g in _GROUPS if starts(b, g)), None)
        if group:
            c.counted, c.counted_words = _group_forms(group), t.text
            return
        category = ar_category(bases)  # «كم لاجئاً أصيب»: the refugees are counted
        own = category is None or bool(q.categories and category not in q.categories)
        if k == 0 and not any(b in _GENERIC for b in bases) and own:
            # «المنظمات» counts «116 منظمة»: the sound feminine plural's stem. (Measured: the
            # masculine's too lets «19 مسلحاً قُتلوا» answer how many militants took part.)
            stems = [b[:-2] for b in bases if len(b) >= _PLURAL_MIN and b.endswith("ات")]
            c.counted, c.counted_words = (*bases, *stems), t.text
            return
        after = rest[k + 1:k + 2]
        if category is not None and t.norm in _TOLL_NOUNS and after:
            # «كم عدد قتلى المسلحين»: the toll of the group in its genitive.
            bases = clitic_bases(after[0].norm)
            group = next((_GROUPS[g] for b in bases for g in _GROUPS if starts(b, g)), None)
            if group:
                c.counted, c.counted_words = _group_forms(group), after[0].text
                return
            if after[0].norm.startswith("ال") and after[0].norm.endswith("ين") and not any(
                    b in _BOTH_SIDES for b in bases):  # «قتلى المسلحين», not «قتلى الطرفين»
                c.counted, c.counted_words = tuple(bases), after[0].text
                return
        if category is not None and after and after[0].norm != "من":
            break  # «كم شخصاً أوقفت الشرطة»: after the verb comes who did it, not who counts
    # «كم فرداً من طاقم السفينة»: of people counted in general, the group after «من» is counted.
    after = toks[at + 1:at + 4]
    if (len(after) == 3 and after[1].norm == "من" and after[2].norm not in PLACE_CUES
            and any(b in _GENERIC for b in clitic_bases(after[0].norm.removesuffix("ا")))):
        c.counted, c.counted_words = tuple(clitic_bases(after[2].norm)), after[2].text




def starts(base: str, form: str) -> bool:
    return base == form or (len(form) >= 3 and base.startswith(form) and len(base) - len(form) <= 3)


def _group_forms(group: str) -> tuple[str, ...]:
    return tuple(w for w, g in _GROUPS.items() if g == group and not w.isascii())


def _members_body(q: Query, low: str) -> Term | None:
    """The body whose members an English question counts, by its last word with an Arabic
    form ('how many members of the Bolivarian National Guard were …'); None when the phrase
    names a group of its own ('members of the Moroccan security forces')."""
    members = _EN_MEMBERS.search(low)
    verb = members and _EN_VERB.search(low, members.end())
    if not members or not verb:
        return None
    phrase = [t for t in q.terms if members.end() <= t.start < verb.start()]
    if any(w in _GROUPS for t in phrase for w in (t.word.lower(), *t.word.lower().split())):
        return None
    return next((t for t in reversed(phrase) if t.forms), None)
