"""Which casualty word governs which number: the category a word names in its context, and the
nearest such word a count hangs on ("قتل 50 مدنيا", "عدد القتلى 18", not across a quote)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.extract.counts import Count
from agent.extract.numbers import Word, casualty_word
from agent.text import lexicon
from agent.text.arabic import clitic_bases, norm
from schemas import CasualtyCategory

_LIFE = lexicon.words("lost_life")
_LIVES = {"ارواح", "روح", "روحا"}  # lives lost before the verb: "أربعة أرواح فُقدت"
_RESCUERS = {"عناصر", "فرق", "فريق", "فرقه", "رجال", "عمال", "طواقم", "فرقا"}
_PATIENTS = {"مريض", "مريضا", "مرضي", "مريضان", "مريضين"}  # injured, unless a verb says more
_LEAVING = lexicon.words("leaving_words")
_HOMES = lexicon.words("home_words")
_FAMILIES = lexicon.words("family_nouns")
_NEGATORS = lexicon.words("casualty_negators")
_STILL = lexicon.words("still_words")
_ALIVE = lexicon.words("alive_words")
_ONE_OF_THEM = {"احدهم", "احداهم", "احدهن", "احداهن"}
_PERSON_NOUN = re.compile("|".join(
    rf"{re.escape(entry)}\w*" if kind == "stem" else re.escape(entry)
    for entry, kind in lexicon.table("person_nouns", str).items()))
_CLAUSE_BREAKS = lexicon.words("clause_breaks")
_OPENING = {"«", '"', "“"}
_GUILLEMETS = {"«", "»"}
_REACHING = lexicon.words("reaching_verbs")
# "عدد الوفيات …"، "حصيلة قتلى الانفجار …": the noun after these is what the figure counts
_COUNTING = {w for w, role in lexicon.table("toll_words", str).items() if role == "noun"}
_COMMAS = {"،", ","}
_OBJECT_PREPOSITIONS = {"في", "علي", "الي"}  # "أثّرت في 317 ألفاً", "أثر على نحو 500 شخص"
_BREAKDOWNS = lexicon.words("breakdown_markers")
_COPULAS = lexicon.words("breakdown_copulas")
_WEAK = lexicon.words("weak_casualty_words")
_CASES = lexicon.words("case_words")
_MOVING = lexicon.words("moving_words")
_SHELTERS = lexicon.words("shelter_words")
_PHRASES = lexicon.table("casualty_phrases", CasualtyCategory)
_PHRASE_REACH = 3  # "ويتلقى سبعة العلاج": the phrase's second word after the count
_TOLL_REACH = 16  # "عدد الوفيات الناجمة عن الكوليرا في سوريا إلى 14 حالة"
_GOVERN_BEFORE = 5  # words allowed between a casualty word and the number it governs
_GOVERN_AFTER = 2  # "130 ألف مدني الى النزوح", "7 أشخاص حتفهم"
_AGREEING_AFTER = 6  # "سبعة جنود من الكتيبة الرابعة للمشاة توفوا": a verb agreeing with its subject
_STILL_REACH = 3  # "ما زالوا في عداد المفقودين"
_AFTER_PENALTY = 2  # "وقتل أيضا شخصان وأصيب آخران": قتل governs شخصان, not أصيب
_NOUN_GOVERNS = 2  # "ارتفع عدد القتلى إلى 50": a noun reaches a number only across a word


@dataclass(frozen=True)
class Lexeme:
    """A casualty word of a sentence."""

    category: CasualtyCategory
    index: int  # position in the sentence's word list
    start: int
    end: int


def category_of(ws: list[Word], i: int) -> CasualtyCategory | None:
    """The casualty category word i names in its context ("وقتل" -> killed, "النازحين" ->
    displaced, "فقد 3 أشخاص حياتهم" -> killed, "مغادرة منازلها" -> displaced)."""
    if not ws[i].is_letters:
        return None
    bases = clitic_bases(ws[i].norm)
    word = casualty_word(ws[i])
    category = CasualtyCategory(word) if word else None
    if category == CasualtyCategory.rescued and i and _RESCUERS & set(clitic_bases(ws[i - 1].norm)):
        return None  # "نحو 900 من عناصر الإنقاذ": those who rescue, not those rescued
    lost = category == CasualtyCategory.missing
    if lost and (any(w.norm in _LIFE for w in ws[i + 1:i + 5])
                 or any(w.norm in _LIVES for w in ws[max(0, i - 3):i])):
        return CasualtyCategory.killed  # "فقد 3 أشخاص حياتهم", "أربعة أرواح بشرية فُقدت"
    if category in (None, CasualtyCategory.missing) and any(b in _LEAVING for b in bases) \
            and i + 1 < len(ws) and ws[i + 1].norm in _HOMES:
        return CasualtyCategory.displaced  # "مغادرة منازلها", "من فقدوا منازلهم"
    if category is None and any(b in _MOVING for b in bases) and any(
            set(clitic_bases(w.norm)) & _SHELTERS for w in ws[i + 1:i + 5]):
        return CasualtyCategory.evacuated  # "نُقلوا إلى مراكز إيواء"
    if category is None:
        category = _phrase(ws, i)
    if category is None and any(b in _CASES for b in bases) and not (
            i + 1 < len(ws) and casualty_word(ws[i + 1])):
        return CasualtyCategory.sick  # "1227 حالة"; in "حالة وفاة" the next word says it
    return category


def _phrase(ws: list[Word], i: int) -> CasualtyCategory | None:
    """The category of a two-word phrase that word i opens ("يتلقون العلاج", "بلا مأوى")."""
    after = [b for w in ws[i + 1:i + 1 + _PHRASE_REACH] if w.is_letters
             for b in clitic_bases(w.norm)]
    return next((_PHRASES[key] for b in clitic_bases(ws[i].norm) for a in after
                 if (key := f"{b} {a}") in _PHRASES), None)


def lexemes(ws: list[Word], taken: set[int]) -> list[Lexeme]:
    """The casualty words of a sentence, leaving out the words of its counts (`taken`)."""
    return [Lexeme(cat, i, w.start, w.end) for i, w in enumerate(ws)
            if i not in taken and (cat := category_of(ws, i))]


def _noun_category(ws: list[Word], span_words: tuple[int, int]) -> CasualtyCategory | None:
    """"50 قتيلا", "قتيلان", "عشرات الجرحى": the counted noun says what happened."""
    for i in range(span_words[0], span_words[1] + 1):
        if any(b in _FAMILIES for b in clitic_bases(ws[i].norm)):
            continue  # "أسر" after a number are families, not captives
        if (cat := category_of(ws, i)) is not None:
            return cat
    return None


def governor(ws: list[Word], spans: list[tuple[int, int]], words: list[Lexeme], k: int
             ) -> tuple[CasualtyCategory, Lexeme | None] | None:
    """The category of count k and the word that governs it: the nearest casualty word in the
    sentence, before it (up to _GOVERN_BEFORE words) or after it (up to _GOVERN_AFTER), that
    no other number stands between and that does not govern a number of its own right after."""
    first = spans[k][0]
    toll = _toll(ws, first)
    if toll is not None:
        return toll.category, toll
    own = _noun_category(ws, spans[k])
    if own is None and spans[k][1] + 1 < len(ws) and ws[spans[k][1] + 1].norm in _ALIVE:
        # "جثث أخرى، بعدما انتُشل نحو 170 شخصاً أحياء"; but "دُفن 20 شخصاً أحياء"
        near = _nearest(ws, spans, words, k)
        if near is None or near[0] != CasualtyCategory.killed \
                or near[1].index != spans[k][0] - 1:
            return CasualtyCategory.rescued, None
    if own is CasualtyCategory.sick:
        # "بقي عدد الوفيات عند تسع حالات": the cases are of what the toll counts before them
        told = _counted_before(ws, spans, words, k)
        if told is not None:
            return told
    if own is not None:
        # "قُتل 60 نازحاً", "أصيب 12 لاجئاً": the verb says what happened to the displaced,
        # and to patients when it says they died ("ثمانية مرضى قضوا في الحريق").
        patients = any(b in _PATIENTS for w in ws[spans[k][0]:spans[k][1] + 1]
                       for b in clitic_bases(w.norm))
        verb = _nearest(ws, spans, words, k) if own == CasualtyCategory.displaced or patients \
            else None
        if verb is not None and verb[0] != own and not is_person_noun(ws[verb[1].index]) and (
                not patients or verb[0] == CasualtyCategory.killed):  # not "مريضاً يعانون"
            return verb
        return own, None
    return _nearest(ws, spans, words, k)


def _nearest(ws: list[Word], spans: list[tuple[int, int]], words: list[Lexeme], k: int
             ) -> tuple[CasualtyCategory, Lexeme] | None:
    """The nearest casualty word that governs count k (see governor)."""
    first, last = spans[k]
    starts = {a for a, _ in spans}
    asides = _parenthesized(ws)
    best: tuple[int, Lexeme] | None = None
    for lex in words:
        if lex.index < first and _after_a_count(ws, spans[:k], lex.index):
            continue  # "عشرين شخصاً قُتلوا ونحو ستين أصيبوا": the verb of the count before
        if lex.index < first:
            span_between = range(lex.index + 1, first)
            limit = 0 if ws[lex.index].norm in _WEAK else _GOVERN_BEFORE
            if is_person_noun(ws[lex.index]):
                limit = _NOUN_GOVERNS  # "عدد القتلى 18", not "ضحايا الأنفال من أصل 40"
        elif ws[lex.index].norm in _WEAK or (
                lex.index + 1 < len(ws) and ws[lex.index + 1].norm in _ONE_OF_THEM):
            continue  # "وعلى متنه 25 شخصاً، توفي أحدهم": one died, not the 25
        else:
            span_between = range(last + 1, lex.index)
            limit = _AGREEING_AFTER if _agrees(ws, lex.index) else _GOVERN_AFTER
            if (lex.index + 1 in starts and ws[lex.index + 1].norm[0] != "و") or (
                    lex.index + 2 in starts and ws[lex.index + 1].norm in _OBJECT_PREPOSITIONS):
                # "هاجم 20 مسلحا قرية وقتلوا 5", "وأثّرت في 317 ألفاً": not this one; but
                # "عشرين شخصاً قُتلوا ونحو ستين": the next figure is a count of its own
                continue
        between = [i for i in span_between if i not in asides]
        if lex.index > last and ws[lex.index].norm[0] in "وف" and any(
                ws[i].norm in _COMMAS for i in between):
            continue  # "منها 24 بشكل كلي، وتضرر 93 مقطعاً": a clause of its own after a comma
        gap = sum(1 for i in between if ws[i].is_letters or ws[i].norm[0].isdigit())
        # "قتلوا «أكثر من 30 …»": a quote that opens right at the number does not block.
        blocked = any(i in starts or (ws[i].norm in _CLAUSE_BREAKS
                                      and not (i == first - 1 and ws[i].norm in _OPENING))
                      for i in between)
        if gap > limit or blocked:
            continue
        # Arabic puts the verb first: a word before the number wins a tie with one after it.
        rank = gap if lex.index < first else gap + _AFTER_PENALTY
        if best is None or rank < best[0]:
            best = rank, lex
    return (best[1].category, best[1]) if best else None


def _after_a_count(ws: list[Word], before: list[tuple[int, int]], index: int) -> bool:
    """A plural verb right after an earlier count's noun («عشرين شخصاً قُتلوا») agrees with
    that count; a verb that opens its own clause with و («وأصابوا») does not."""
    return ws[index].norm[0] not in "وف" and _agrees(ws, index) and any(
        0 < index - b <= 2 for _, b in before)


def _counted_before(ws: list[Word], spans: list[tuple[int, int]], words: list[Lexeme], k: int
                    ) -> tuple[CasualtyCategory, Lexeme] | None:
    """"عدد الوفيات المسجلة خلال موسم الحج بلغ 1301 حالة": a count of bare cases takes the
    category of the nearest casualty word of its clause before it, however far its qualifiers
    take it; none when a comma, a clause break or another number comes first."""
    first = spans[k][0]
    ends = {b for _, b in spans}
    for i in range(first - 1, max(first - 1 - _TOLL_REACH, -1), -1):
        if i in ends or ws[i].norm in _CLAUSE_BREAKS or ws[i].norm in _COMMAS:
            return None
        lex = next((w for w in words if w.index == i), None)
        if lex is not None and lex.category is not CasualtyCategory.sick:
            return lex.category, lex
    return None


def _agrees(ws: list[Word], index: int) -> bool:
    """Is the casualty word at `index` a plural or dual verb ("قُتلوا", "أُصيبا"), or does one
    lead it ("لقوا حتفهم", "فقدوا حياتهم")? Then it agrees with a subject told before it, however
    long its noun phrase: "عشرة من عناصر فوج الإطفاء قُتلوا". So does a state after "still":
    "33 شخصاً ما زالوا في عداد المفقودين"."""
    if casualty_word(ws[index]) is not None \
            and any(w.norm in _STILL for w in ws[max(0, index - _STILL_REACH):index]):
        return True  # but not "ما زالوا في حالة حرجة": a state, not a case
    word = ws[index].norm
    if is_person_noun(ws[index]):
        return False
    dual = word.endswith("ا") and casualty_word(Word(word[:-1], 0, 0, "")) is not None
    return word.endswith("وا") or dual or (index > 0 and ws[index - 1].norm.endswith("وا"))


def _toll(ws: list[Word], first: int) -> Lexeme | None:
    """"ارتفع عدد الوفيات الناجمة عن الكوليرا في سوريا إلى 14 حالة": the noun counted by
    "عدد" says what the figure after "إلى" counts, however far the qualifiers take it."""
    if first == 0 or ws[first - 1].norm != "الي":
        return None
    # "حالات الإنفلونزا في المملكة المتحدة قد وصلت إلى 1004": the subject of the verb counts
    reached = first > 1 and any(b in _REACHING for b in clitic_bases(ws[first - 2].norm))
    for i in range(first - 2, max(first - 2 - _TOLL_REACH, 0), -1):
        if ws[i].norm in _GUILLEMETS:
            continue  # "عدد ضحايا الإعصار المداري «شاهين» في سلطنة عمان إلى 11 شخصاً"
        if not ws[i].is_letters or ws[i].norm in _CLAUSE_BREAKS:
            return None
        counted = reached or any(b in _COUNTING for b in clitic_bases(ws[i - 1].norm))
        if counted and (category := category_of(ws, i)):
            return Lexeme(category, i, ws[i].start, ws[i].end)
    return None


def is_person_noun(w: Word) -> bool:
    """A casualty word that names the people (القتلى، الجرحى), not what happened to them."""
    return any(_PERSON_NOUN.fullmatch(b) for b in clitic_bases(w.norm))


def _parenthesized(ws: list[Word]) -> set[int]:
    """Words inside ( … ), brackets included: "نحو 15 مليون شخص (أكثر من 10%) على ترك ديارهم",
    and a breakdown set off by commas: "134 مدنياً، بينهم نساء وأطفال، قُتلوا"."""
    inside: set[int] = set()
    opened: int | None = None
    for i, w in enumerate(ws):
        if w.norm == "(" or (w.norm in _COMMAS and i + 1 < len(ws)
                             and ws[i + 1].norm in _BREAKDOWNS):
            opened = i
        elif opened is not None and (w.norm == ")" if ws[opened].norm == "(" else
                                     w.norm in _COMMAS):
            inside.update(range(opened, i + 1))
            opened = None
    return inside


def among(ws: list[Word], lexeme: Lexeme, span_words: tuple[int, int]) -> bool:
    """"بين القتلى طفل وامرأتان", "القتلى هم اثنان من الفلبين", "أن الضحايا 14 رجلاً وست
    نساء": who the people a figure given elsewhere were, not a figure."""
    i = lexeme.index
    return is_person_noun(ws[i]) and (
        (i > 0 and "بين" in clitic_bases(ws[i - 1].norm))  # "وبين الضحايا 31 امرأة"
        or (i + 1 < len(ws) and ws[i + 1].norm in _COPULAS)
        or (i + 1 == span_words[0] and _listed(ws, i, span_words[1])))


def _listed(ws: list[Word], i: int, last: int) -> bool:
    """"القتلى أربعة يمنيين ومواطن هندي", "الجرحى ثمانية متعاقدين مدنيين وعسكري": the people
    named by the noun, then the count, then و and another kind of them that is no casualty
    word ("القتلى 32 شخصاً والجرحى 50" is two figures)."""
    if not ws[i].norm.startswith("ال"):
        return False
    for j in (last + 1, last + 2):  # an adjective may come first: "متعاقدين مدنيين وعسكري"
        if j >= len(ws) or not ws[j].is_letters:
            return False  # "نحو 260 شخصاً، وفق ما أعلنه"
        if ws[j].norm.startswith("و") and len(ws[j].norm) > 2:
            return casualty_word(ws[j]) is None
    return False


def negated(ws: list[Word], index: int, spans: list[tuple[int, int]]) -> bool:
    """"لم يسفر عن مقتل", "نفى الجيش مقتل": a negator among the three words before."""
    ends = {b for _, b in spans}
    for i in range(index - 1, max(index - 4, -1), -1):
        if i in ends:
            return False
        if ws[i].norm in _NEGATORS or any(b in _NEGATORS for b in clitic_bases(ws[i].norm)):
            return not (ws[i].norm == "لا" and i + 1 < len(ws) and ws[i + 1].norm in _STILL)
    return False


def of_the_counted(count: Count) -> bool:
    """"13 من المصابين", "«نحو عشرة» من القتلى": part of the people a figure counted."""
    said = norm(count.text).split()
    if count.vague or count.noun is None or len(said) < 2 or said[-2] != "من":
        return False  # "عشرات الآلاف من النازحين" counts people of its own
    return is_person_noun(Word(said[-1], count.start, count.end, count.noun))
