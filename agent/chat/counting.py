"""Whether a figure counts what a question counts: a number next to the counted group or noun
('53 قتيلاً', 'بينهم ستة أطفال', 'التاجرين'), or followed closely by the asked status
('21 وفاة محتملة')."""

from __future__ import annotations

import re
from typing import Any

from agent.chat.asks import Constraints
from agent.chat.attributes import Evidence
from agent.chat.counted import CONDITION, starts
from agent.chat.facts import Facts
from agent.chat.question import CATEGORY_FORMS, PRESENCE, ar_category, names_body
from agent.extract.counts import find_counts
from agent.extract.numbers import starts_number
from agent.extract.numbers import words as number_words
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table, words
from schemas import CasualtyCategory, CountUnit, Victims


def has_number(fx: Facts, text: str) -> bool:
    start = fx.article.find(text)
    if start < 0:
        return bool(re.search(r"\d", norm(text)))
    ws = number_words(fx.doc, start, start + len(text))
    return any(starts_number(ws, j) for j in range(len(ws)))


def counts_people(fx: Facts, text: str) -> bool:
    """The text has a number that may count people or families, as the casualty reader reads
    numbers (agent/extract/counts.py): «أربعة آلاف شخص», not «1.4 مليون جرعة» or «300 منزل»."""
    start = fx.article.find(text)
    return start < 0 or any(c.unit != CountUnit.homes
                            for c in find_counts(fx.doc, start, start + len(text)))


def counts(fx: Facts, ev: Evidence, forms: tuple[str, ...], category: bool = False) -> bool:
    """A number stands next to a word of the counted group or noun (or, with `category`, of
    the asked casualty category, and is not another category's number)."""
    if ev.fact is not None and ev.fact.kind == "casualty":
        victims = ev.fact.obj.victims
        if victims == Victims.civilians and any(f.startswith("مدني") for f in forms):
            return True
        if victims == Victims.security_forces and any(
                f.startswith(("شرط", "جند", "جنود", "عسكر", "عنصر", "عناصر")) for f in forms):
            return True
        # «عدد الجثث التي عُثر عليها داخل متنزه داديا الوطني ارتفع إلى 26»: the word the
        # extraction read the figure by opens its evidence, however far before the number.
        opening = tokens(ev.fact.obj.evidence[0].text)[:1]
        if opening and matches(opening[0].norm, forms) and not category:
            return True
    # The figure's words, each part where the article has it ('53 قتيلاً', 'بينهم ستة أطفال').
    parts = [ev.figure]
    if ev.fact is not None and ev.fact.kind == "casualty":
        parts = [p for p in (ev.fact.obj.count_text, ev.fact.obj.victim_detail) if p]
        parts += [e.text for e in ev.fact.obj.evidence]  # '274 عاملاً' where the lead says it
    for part in parts:
        start = fx.article.find(part)
        if start < 0:
            if _counts_text(part, forms):
                return True
            continue
        ws = number_words(fx.doc, start, start + len(part))
        norms = [w.norm for w in ws]  # «المنظمة الدولية للهجرة» counts no one displaced
        for i, w in enumerate(ws):
            if not matches(w.norm, forms) or (category and names_body(norms, i)) or any(
                    b in _NAMED_GROUPS or b in _THE_PRISON for b in clitic_bases(w.norm)):
                continue  # «طالبان» is the Taliban, not two students; «السجن» holds no one
            # A category's verb may stand before its subject and the number: «وأجلت السلطات
            # نحو 800», «ونزحت أكثر من 300 أسرة».
            # «بلغ عدد المخالطين الخاضعين للمتابعة 1146 شخصاً»: 'the number of X' is given
            # after X's qualifiers.
            after = _AFTER_NUMBER_OF if i and "عدد" in clitic_bases(ws[i - 1].norm) else 3
            # «إن 22 طفلاً على الأقل بين القتلى»: a category word may close the group's phrase,
            # and so may a condition («ستة من المصابين في حالة حرجة»).
            closing = category or w.norm in CONDITION
            # «عشرة من عناصر فوج إطفاء بيروت»: the group named after a partitive's head.
            member = any(clitic_bases(x.norm)[-1] in _PARTITIVE_HEADS for x in ws[max(0, i - 3):i])
            before = _CATEGORY_BEFORE if closing or member else 3
            # A number another category's verb governs is that category's: «فارق ثلاثة من
            # المصابين بجروح خطيرة الحياة» counts three dead; «أصيب 27 بجروح خطيرة» keeps its 27.
            own = forms if category else (*forms, *CATEGORY_FORMS[CasualtyCategory.injured])
            # «عدد القتلى المُبلّغ عنهم يتراوح بين 35 و45»: after «عدد», a category's too;
            # a category's verb reaches over a time and a modifier («انتشلوا أمس أكثر من 40»).
            reach = max(after, 5) if category else after
            window = range(max(0, i - before), min(len(ws), i + reach))
            # «ثمانية قتلى، بينهم نساء وأطفال»: a group a breakdown names with no number of its
            # own is not counted by the whole's figure.
            # («30 منهم في حالة حرجة» gives its own number before the marker.)
            opened = [k for k in range(max(0, i - 3), i) if ws[k].norm in _BREAKDOWN
                      and not (k and starts_number(ws, k - 1))]
            if opened and not category:
                window = range(opened[-1] + 1, window.stop)
            if _dual(w.norm, forms, group=not category, counted=_clause_counts(ws, i)) or any(
                    j != i and starts_number(ws, j) and not _percent(ws, j)
                    and not (closing and j < i and _governed(ws, j, own)) for j in window):
                return True
    return False


_PARTITIVE_HEADS = words("partitive_heads")
_BREAKDOWN = words("breakdown_markers")
_NAMED_GROUPS = set(table("named_groups", str))
# «الغارة على السجن الاحتياطي … 77 قتيلاً»: the prison, a place (or «بالسجن», a sentence), is
# no detention; «سُجن خمسة» is.
_THE_PRISON = {"السجن", "الحبس"}
_AFTER_NUMBER_OF = 6  # words from the noun counted after «عدد» to the figure
_CATEGORY_BEFORE = 5  # words from a figure to the category word that closes its phrase

_OTHER_CATEGORIES = tuple(f for fs in CATEGORY_FORMS.values() for f in fs)


def _governed(ws: list[Any], j: int, forms: tuple[str, ...]) -> bool:
    """The number before the word is another category's: the verb or noun right before it is
    of that category («فقتلوا سبعة منهم وأصابوا عدداً آخر»: seven were killed, not wounded)."""
    return j > 0 and matches(ws[j - 1].norm, _OTHER_CATEGORIES) and not matches(
        ws[j - 1].norm, forms)


STATUS_BEFORE = 3
STATUS_REACH = 8  # '1227 حالة إسهال مائي حاد يُشتبه بأنها كوليرا': the status closes the phrase


def qualified(fx: Facts, ev: Evidence, forms: tuple[str, ...]) -> bool:
    """A word of the asked status (suspected, probable) closely follows a number of the figure
    (of the quoted sentence when no figure is cited), in the same sentence: in any of the
    places the article gives the figure («نحو 520 طفلاً» in the headline, «نحو 520 طفلاً
    يُشتبه في أنهم توفوا» in the lead)."""
    if ev.fact is None or ev.fact.kind != "casualty":
        return _qualified_at(fx, fx.article.find(ev.sentence), forms, whole=ev.fact is None)
    figure = ev.fact.obj.count_text
    starts = [fx.article.find(figure), *(e.start for e in ev.fact.obj.evidence
                                         if figure in e.text)]
    return any(_qualified_at(fx, fx.article.find(figure, at), forms) for at in starts if at >= 0)


def _qualified_at(fx: Facts, start: int, forms: tuple[str, ...], whole: bool = False) -> bool:
    k = fx.sentence_at(start) if start >= 0 else None
    if k is None:
        return False
    ws = number_words(fx.doc, start, fx.sentences[k][0].end)
    # After the number ('انتُشل 170 شخصاً أحياء'), up to the next one («نحو 150، لا يزال 33
    # منهم في المستشفيات» puts 33 in hospital, not 150), or just before it ('بين الناجين
    # ثلاثة أطفال').
    def after(j: int) -> list[Any]:
        reach = ws[j + 1 : j + 1 + STATUS_REACH]
        return reach[: next((k for k in range(1, len(reach)) if starts_number(ws, j + 1 + k)),
                            len(reach))]
    return any(starts_number(ws, j) and not _percent(ws, j) and any(
        matches(w.norm, forms) for w in (*ws[max(0, j - STATUS_BEFORE):j], *after(j)))
               for j in range(len(ws) if whole else min(3, len(ws))))


def _percent(ws: list[Any], j: int) -> bool:
    """'80 % من الأنفاق' is a share of the tunnels, not a count of them."""
    share = ("%", "بالمئه", "بالمائه", "المئه", "المائه")
    return j + 1 < len(ws) and (ws[j + 1].norm in share or (  # «73 في المئة من الحالات»
        ws[j + 1].norm == "في" and j + 2 < len(ws) and ws[j + 2].norm in share))


def _dual(word: str, forms: tuple[str, ...], group: bool, counted: bool) -> bool:
    """'التاجرين': the counted noun in the dual is a number (two). A group named by a
    participle or a nisba takes -ين in its plural too («من قبل مسلحين», «مدنيين»): only its
    -ان is a dual. So does a category («لأن هناك مفقودين»), whose plural may close the phrase
    of a number `counted` earlier in its clause («70 سائقاً … ما زالوا مفقودين»)."""
    return any(b.endswith(("ين", "ان")) and b[:-2] in forms and (
        (not group and counted) or b.endswith("ان")
        or not (b.startswith("م") or b[:-2].endswith("ي")))
        for b in clitic_bases(word))


# A clause ends where the extraction's casualty words stop reaching a number, and at a comma.
_CLAUSE_BREAKS = words("clause_breaks") | {"،", ",", "."}


def _clause_counts(ws: list[Any], i: int) -> bool:
    """A number stands before ws[i] in its clause (from the last comma, quote, colon, «أن» …)."""
    start = next((k + 1 for k in range(i - 1, -1, -1) if ws[k].norm in _CLAUSE_BREAKS), 0)
    return any(starts_number(ws, j) for j in range(start, i))


def _counts_text(text: str, forms: tuple[str, ...]) -> bool:
    toks = [t.norm for t in tokens(text)]
    return any(matches(w, forms) and any(re.search(r"\d", x) for x in toks[max(0, i - 3):i + 3])
               for i, w in enumerate(toks))


def matches(word: str, forms: tuple[str, ...]) -> bool:
    """The word is one of the forms, grown by a suffix (ساعة/ساعات), or a broken plural of one:
    the same consonants and first letter (صندوق/صناديق; المساكن is not السكان), or the plural
    أفعال of a three-letter noun (عون/أعوان، طفل/أطفال)."""
    bases = clitic_bases(word)
    if any(len(b) == 5 and b[0] == b[3] == "ا" and b[1] + b[2] + b[4] in forms for b in bases):
        return True
    forms = (*forms, *(f[:-1] for f in forms if f.endswith("ه") and len(f) > 3))
    if any(starts(b, f) for b in bases for f in forms):
        return True
    # «خطفوا» (they abducted) has the letters of خاطف: a verb's plural is no noun's.
    return any(len(k := _skeleton(f)) >= 3 and _skeleton(b) == k and b[:1] == f[:1]
               and len(b) >= len(f) and not b.endswith("وا") for b in bases for f in forms)


def _skeleton(word: str) -> str:
    """The word's letters without its long vowels: صناديق and صندوق are both صندق (and مصليا is
    not مسلح, as their consonant keys for Latin names had it). A plural is no shorter than its
    singular: مقتل (a killing) is not a plural of مقاتل (a fighter)."""
    return "".join(ch for ch in word if ch not in "اويى")


def rescued_counted(text: str, counted: tuple[str, ...]) -> bool:
    """A rescue word stands right before the counted group's figure («من إنقاذ 13 راكباً») or
    right after it («أربعة بحارة أُنقذوا»), not only somewhere in the sentence («فرق الإنقاذ …
    13 راكباً»)."""
    toks = [t.norm for t in tokens(text)]
    return any(matches(w, counted) and any(
        ar_category(clitic_bases(near)) == CasualtyCategory.rescued
        for near in (*toks[max(0, i - 3):i], *toks[i + 1:i + 2])) for i, w in enumerate(toks))


def category_before(text: str, c: Constraints) -> bool:
    """The casualty word nearest the counted group is of the asked category: «قُتل 57 شخصاً،
    بينهم 17 طفلاً، وأصيب 21» counts children killed, not wounded."""
    toks = [t.norm for t in tokens(text)]
    for i, w in enumerate(toks):
        if not matches(w, c.counted):
            continue
        # The nearest before it; else, the nearest just after ('التاجرين ... أوقفا'). A group
        # joined by «و» to the figure before takes its own category when one follows closely
        # («16 وفاة وطفلتان في عداد المفقودين»: two girls missing, not dead).
        after = toks[i + 1:i + 4] if w.startswith("و") else []
        own = [x for x in after if ar_category(clitic_bases(x)) is not None][:1]
        for near in (*own, *reversed(toks[max(0, i - 12):i]), *toks[i + 1:i + 7]):
            if ar_category(clitic_bases(near)) is not None:
                return not c.category or matches(near, c.category)
    return not c.category


PRESENCE_REACH = 6  # words between a presence word and the figure it gives


def present(fx: Facts, ev: Evidence) -> bool:
    """A figure of those present: a number near a word that says people were there («وكان على
    متنها 149 راكباً», «كانت الحافلة تقلّ 47 راكباً»), in the cited sentence."""
    start = fx.article.find(ev.sentence)
    if start < 0:
        return False
    ws = number_words(fx.doc, start, start + len(ev.sentence))
    at = [i for i, w in enumerate(ws) if says_presence(w.norm)]
    return any(starts_number(ws, j) and any(abs(i - j) <= PRESENCE_REACH for i in at)
               for j in range(len(ws)))


def says_presence(word: str) -> bool:
    """The word is a presence word, a pronoun or an accusative alif on it («على متنها», «ركاباً»)."""
    return any(b.startswith(p) and len(b) - len(p) <= 2 for b in clitic_bases(word)
               for p in PRESENCE)
