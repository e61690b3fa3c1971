"""Number phrases in Arabic news, parsed by code: digits, number words, duals, vague quantities
and their modifiers ("على الأقل", "نحو", "بين … و …"), each with the raw words it came from.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from agent.text.arabic import clitic_bases
from agent.text.doc import Doc

# Words of the normalized text (digits with thousands separators and decimals, Arabic and Latin
# letters) and every other non-space character as a word of its own (punctuation marks).
_WORD = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[\u0621-\u064A\u0671-\u06D3a-z]+|\S")


@dataclass(frozen=True)
class Word:
    norm: str  # normalized form
    start: int  # raw offsets into the article
    end: int
    raw: str  # as written, diacritics included

    @property
    def is_letters(self) -> bool:
        return self.norm[0].isalpha()


def words(doc: Doc, start: int, end: int) -> list[Word]:
    """The words and punctuation marks of raw [start, end), normalized, with raw offsets."""
    return [Word(m.group(), s, e, doc.text[s:e])
            for m, s, e in doc.norm.finditer(_WORD, start, end)]


def wordset(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated normalized words."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Count:
    """One number phrase: low/best/high per the count conventions, and the words as written."""

    low: int | None
    best: int | None
    high: int | None
    unit: str  # "people" or "families"
    start: int  # raw span of the whole phrase, modifiers and counted noun included
    end: int
    text: str
    noun: str | None  # the counted noun as written ("مدنيا", "طفلين"), if any
    vague: bool  # عشرات، آلاف: coded low, not stated


# --- number words (normalized) -------------------------------------------------------------

_UNITS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
# Forms that only occur before عشر/عشرة in the teens (أحد عشر، اثنا عشر).
_TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TEN = {"عشر", "عشره"}
_TENS = {
    stem + ending: value
    for stem, value in [("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60),
                        ("سبع", 70), ("ثمان", 80), ("تسع", 90)]
    for ending in ("ون", "ين")
}
_HUNDRED = {"مئه", "مائه", "ميه"}
_HUNDREDS = {
    **{form: 200 for form in ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا",
                              "مائتي")},
    **{unit + h: value * 100
       for unit, value in [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                           ("ثمان", 8), ("ثماني", 8), ("تسع", 9)]
       for h in ("مئه", "مائه")},
}
# Scale words multiply what comes before them; alone they are a number ("ألف شخص").
_SCALES = {"الف": 1000, "الفا": 1000, "الاف": 1000, "مليون": 10**6, "مليونا": 10**6,
           "ملايين": 10**6}
_DUAL_SCALES = {"الفان": 2000, "الفين": 2000, "الفي": 2000, "مليونان": 2 * 10**6,
                "مليونين": 2 * 10**6}
# Vague quantities, coded low as ACLED does; "عشرات الآلاف" multiplies.
_VAGUE = {"عشرات": 10, "مئات": 100, "الاف": 1000, "ملايين": 10**6}
_FEW = {"بضعه", "بضع"}

# Duals of nouns that count people: قتيلان/قتيلين … Broken-plural nouns take both endings; nouns
# whose plural ends in ين as well (مدنيين، مسلحين) are duals only with ان.
_DUAL = re.compile(
    r"(?:قتيل|جريح|طفل|طفلت|جندي|شخص|رجل|امرات|فتات|شاب|شقيق|عنصر|ضابط|شهيد|اسير|ولد)(?:ان|ين)"
    r"|اخران"
    r"|(?:مدني|مقاتل|مسلح|شرطي|صحفي|مواطن|عسكري|مسعف|مصاب|معتقل|نازح|مفقود|فلسطيني"
    r"|اسرائيلي|متظاهر|محتج|مهاجر|ناشط|موظف)ان"
)

# In vowelled text the dual shows: "إسرائيليَّين، مواطنَين" (fatha) vs the plural "مواطنِين".
_VOWELLED_DUAL = re.compile("(?:\u064e\u0651?|\u0651\u064e)\u064a\u0652?\u0646$")
_DUAL_STEMS = re.compile(
    r"\w+ي|مواطن|متظاهر|محتج|مسلح|مقاتل|مصاب|معتقل|نازح|مفقود|موظف|ناشط|مهاجر|متورط|مسعف")

# --- modifiers: normalized word sequences before or after the number ---------------------
_AT_LEAST, _ABOUT, _UP_TO, _BELOW, _BETWEEN = "at_least", "about", "up_to", "below", "between"
_PRE = sorted(
    [
        (("علي", "الاقل"), _AT_LEAST), (("ما", "لا", "يقل", "عن"), _AT_LEAST),
        (("لا", "يقل", "عن"), _AT_LEAST), (("لا", "تقل", "عن"), _AT_LEAST),
        (("اكثر", "من"), _AT_LEAST), (("ما", "يزيد", "علي"), _AT_LEAST),
        (("ما", "يزيد", "عن"), _AT_LEAST), (("يزيد", "علي"), _AT_LEAST),
        (("يزيد", "عن"), _AT_LEAST), (("ما", "يربو", "علي"), _AT_LEAST),
        (("يربو", "علي"), _AT_LEAST), (("ما", "يفوق"), _AT_LEAST), (("يفوق",), _AT_LEAST),
        (("ما", "يتجاوز"), _AT_LEAST), (("يتجاوز",), _AT_LEAST),
        (("نحو",), _ABOUT), (("حوالي",), _ABOUT), (("قرابه",), _ABOUT), (("زهاء",), _ABOUT),
        (("ما", "يقارب"), _ABOUT), (("يقارب",), _ABOUT), (("ما", "يناهز"), _ABOUT),
        (("يناهز",), _ABOUT), (("تقريبا",), _ABOUT),
        (("ما", "يصل", "الي"), _UP_TO), (("يصل", "الي"), _UP_TO), (("حتي",), _UP_TO),
        (("اقل", "من"), _BELOW),
        (("ما", "بين"), _BETWEEN), (("بين",), _BETWEEN),
    ],
    key=lambda item: -len(item[0]),
)
_PRE_HEADS = {seq[0] for seq, _ in _PRE}
_POST = [
    (("علي", "الاقل"), _AT_LEAST), (("علي", "اقل", "تقدير"), _AT_LEAST),
    (("او", "اكثر"), _AT_LEAST), (("تقريبا",), _ABOUT),
]

# --- what happened to the people counted ---------------------------------------------------
# Normalized, proclitic-free forms of the casualty words, by CasualtyCategory value. They live
# here because they also end what a number or a name can be ("20 بجروح", "قال X قتل 12").
CASUALTY_WORDS: dict[str, re.Pattern[str]] = {
    category: re.compile(pattern) for category, pattern in [
        ("killed",
         r"(?:ي|ت)?قتل(?:وا|ت|ن|ا|ه|هم|هما)?|مقتل(?:ه|هم|هما|ها)?|قتيل(?:ا|ان|ين|ه)?|قتلي"
         r"|(?:ا|ي)?ستشهد(?:وا|ت|ا)?|استشهاد|شهيد(?:ا|ان|ين|ه)?|شهداء|مصرع(?:ه|هم|هما|ها)?"
         r"|حتف(?:ه|هم|هما|ها)?|ضحايا|ضحيه|اودي|اودت|يودي|وفاه|وفيات|توفي|توفوا|جثه|جثث|جثامين"
         r"|(?:ا|ي|ت)?غتال(?:وا|ت)?|اغتيل|اغتيال"),
        ("injured",
         r"(?:ا|ي|ت)صيب(?:وا|ت|ا)?|اصاب(?:ه|ات|تهم|ته|ها|ت|وا)?|مصاب(?:ا|ين|ون|ان)?"
         r"|جريح(?:ا|ان|ين)?|جرحي|(?:ي|ت)?جرح(?:وا|ت)?|جروح"
         r"|اختناق|تسمم"),  # "حالات الاختناق" are people hurt (tests/truth/GUIDE.md)
        ("displaced",
         r"(?:ي|ت)?نزح(?:وا|ت|ون)?|نزوح|نازح(?:ا|ين|ون|ان)?|(?:ي|ت)?فر(?:وا|ت|ون)?|فرار|تهجير"
         r"|هجر(?:وا|ت)?|مهجر(?:ين|ون|ا)?|لاجئ(?:ا|ين|ون|ان)?|لجوء|(?:ت)?شرد(?:وا|ت)?|تشريد"
         r"|مشرد(?:ين|ون|ا)?|اجلاء|اجلي|لجا|لجات|لجاوا|لجؤوا|يلجا(?:ون)?"
         r"|(?:ي|ت)(?:ا|ؤ)وي(?:ان)?"),  # a camp "يأوي 40 ألف شخص" shelters the displaced
        ("missing",
         r"مفقود(?:ا|ين|ون|ان)?|فقدان|(?:ي|ت)?فقد(?:وا|ت|ون)?"),
        ("detained",
         r"(?:ا|ي|ت)?عتقل(?:وا|ت)?|اعتقال(?:ات)?|معتقل(?:ا|ين|ون|ان)?|(?:ا|ي|ت)?حتجز(?:وا|ت)?"
         r"|احتجاز|محتجز(?:ا|ين|ون)?|توقيف|اوقف(?:ت|وا)?|موقوف(?:ا|ين)?|اسر(?:ت|وا)?"
         r"|(?:ا|ي)?ختطف(?:وا|ت)?|اختطاف|مختطف(?:ا|ين|ون)?|خطف(?:وا|ت)?|قبض"),
        ("affected",
         r"متضرر(?:ا|ين|ون)?|تضرر(?:وا|ت)?|متاثر(?:ين|ون)?|هلع"
         r"|عانوا|(?:ي|ت)عان(?:ي|ون)|محاصر(?:ين|ون)"),
    ]
}


def casualty_word(word: Word) -> str | None:
    """The casualty category a word names by itself ("وقتل" -> "killed"), or None."""
    if not word.is_letters:
        return None
    bases = clitic_bases(word.norm)
    if "اسر" in bases and "الاسر" in bases:
        return None  # "الأسر": the families (or captivity), not "captured"
    return next((category for category, pattern in CASUALTY_WORDS.items()
                 if any(pattern.fullmatch(b) for b in bases)), None)


# --- what a number is not counting ---------------------------------------------------------
_NOT_PEOPLE = wordset("""
عام عاما اعوام سنه سنوات سنين سنتين شهر شهرا اشهر شهور يوم يوما ايام اسبوع اسبوعا اسابيع ساعه
ساعات دقيقه دقائق ثانيه ثوان ليله ليال عقد عقود قرن
دولار دولارا دولارات يورو ليره ليرات ريال ريالا دينار دينارا جنيه جنيها درهم درهما شيكل روبل
بالمئه بالمائه المئه المائه بالميه كيلومتر كيلومترا كيلومترات كلم كم متر مترا امتار ميل طن اطنان
لتر كيلوغرام كغ هكتار دونم درجه
غاره غارات صاروخ صاروخا صواريخ قذيفه قذائف دبابه دبابات طائره طائرات مسيره مسيرات مروحيه مدرعه
مدرعات اليه اليات عربه عربات سياره سيارات حافله شاحنه شاحنات سفينه زورق قارب منزل منزلا منازل
بيت بيوت مبني مباني بنايه عماره مسجد مساجد كنيسه مدرسه مدارس مستشفي مستشفيات مركز مراكز حي
احياء بلده بلدات قريه قري مدينه مدن محافظه محافظات منطقه مناطق موقع مواقع نقطه نقاط حاجز حواجز
برميل براميل هجوم هجوما هجمات عمليه عمليات مره مرات ضربه ضربات انفجار انفجارات قنبله قنابل
عبوه عبوات لغم الغام طلقه رصاصه قطعه خيمه خيام سله سلال جسر معبر معابر دوله دول بلد بلدان
فصيل فصائل جماعه جماعات كتيبه لواء الويه فرقه جبهه محور بند بنود ماده صفحه قرار اتفاق جوله
اجتماع جلسه مقعد مقاعد صوت اصوات تاريخ ملف ملفات قضيه قضايا تهمه تهم مليار مليارات مليارا
""")
_MONTHS = wordset("""
يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط اذار
نيسان ايار حزيران تموز اب ايلول تشرين محرم صفر ربيع جمادي رجب شعبان رمضان شوال ذو
""")
# A digit right after these is a year, an hour, an article or resolution number.
_NUMBERED = wordset("""
عام العام عامي سنه السنه رقم الرقم القرار قرار الماده ماده الساعه الساعات البند الفقره الفصل
الطريق الدقيقه لكل كل نسبه بنسبه معدل بمعدل ص صفحه
""")
# "في الثانية عشرة من عمره": an ordinal before عشر, an age after.
_ORDINALS = wordset("""
الحادي الحاديه الثاني الثانيه الثالث الثالثه الرابع الرابعه الخامس الخامسه السادس السادسه
السابع السابعه الثامن الثامنه التاسع التاسعه
""")
_AGE = wordset("عمره عمرها عمرهم العمر")
# A number from 1900 to 2100 right after these is a year: "منذ 2011", "مطلع 2016".
_YEAR_BEFORE = wordset("منذ حتي مطلع اواخر اوائل منتصف نهايه بدايه في خلال قبل بعد")
_FAMILIES = wordset("عائله عائلات عوائل اسره اسر")
# Counted nouns whose first letter و is not the conjunction.
_WAW_NOUNS = wordset("وزير وزيرا وزراء وافدا وافدين وجهاء ولدا")
# Heads of an indefinite partitive: "10 من عناصر الأمن".
_GROUP_HEADS = wordset("عناصر افراد ابناء سكان اهالي مقاتلي جنود عمال موظفي طلاب اعضاء منتسبي")
# Words that follow a number without being what it counts.
_NOT_NOUN = wordset("""
في علي الي عن من منذ مع امس اليوم غدا خلال بعد قبل جراء اثر بسبب نتيجه و او ثم حتي حين حيث
بينهم منهم بينهن الذين اللذين التي الذي فقط ان انه اي كل ما لا لم لن قد بينما فيما عندما كما
لكن
""")


def _bases(word: Word) -> list[str]:
    if not word.is_letters:
        return [word.norm]
    bases = clitic_bases(word.norm)
    # clitic_bases keeps the article on short words ("الحي"); lexicons here hold bare forms.
    return bases + [b[2:] for b in bases if b.startswith("ال") and len(b) == 4]


def _in(word: Word, lexicon: Collection[str]) -> str | None:
    """The clitic-stripped form of `word` found in `lexicon`, if any."""
    return next((b for b in _bases(word) if b in lexicon), None)


@dataclass(frozen=True)
class _Core:
    value: int
    vague: bool
    first: int  # index of its first word
    stop: int  # index after its last word
    noun: int | None = None  # a dual is its own noun
    skip: int = 0  # letters of a proclitic (و) to leave out of the span


def _digits(ws: list[Word], i: int) -> _Core | None:
    text = ws[i].norm.replace(",", "")
    value = float(text)
    stop = i + 1
    if stop < len(ws) and (scale := _SCALES.get(ws[stop].norm)):
        value, stop = value * scale, stop + 1
    elif "." in text:
        return None  # 3.5 bare is a rate or a measure, not a head count
    return _Core(round(value), False, i, stop)


def _number_words(ws: list[Word], i: int) -> _Core | None:
    """خمسة وعشرين، ثلاثة آلاف، مئة وخمسين، أحد عشر: summed and multiplied in reading order."""
    total = current = last = 0
    j = i
    while j < len(ws) and ws[j].is_letters:
        w = ws[j].norm
        joined = w.startswith("و") and len(w) > 3 and w not in _UNITS
        base = w[1:] if joined else w
        nxt = ws[j + 1].norm if j + 1 < len(ws) else ""
        teen = nxt in _TEN and (base in _TEEN_HEADS or _UNITS.get(base, 10) < 10)
        value = (_TEEN_HEADS.get(base) or _UNITS[base]) + 10 if teen else _part(base)
        if value is None or (j > i and not _follows(last, value, joined, base)):
            break
        if base in _HUNDRED and 0 < current < 10 and not joined:
            current *= 100  # ثلاث مئة
        elif base in _SCALES and j > i and not joined:
            total += (current or 1) * value
            current = 0
        else:
            current += value
        last = value
        j += 2 if teen else 1
    if j == i:
        return None
    first = ws[i].norm
    skip = 1 if first.startswith("و") and len(first) > 3 and first not in _UNITS else 0
    return _Core(total + current, False, i, j, skip=skip)


def _part(base: str) -> int | None:
    if base in _UNITS:
        return _UNITS[base]
    if base in _TENS:
        return _TENS[base]
    if base in _HUNDREDS:
        return _HUNDREDS[base]
    if base in _HUNDRED:
        return 100
    return _DUAL_SCALES.get(base) or _SCALES.get(base)


def _follows(last: int, value: int, joined: bool, base: str) -> bool:
    """Can `value` continue a number whose previous part was `last`?

    Arabic says the unit before the tens (خمسة وعشرين) and the big parts first (مئة وخمسة,
    ألف ومئتين); a scale or مئة follows without و (ثلاثة آلاف، ثلاث مئة).
    """
    if not joined:
        return base in _SCALES or (base in _HUNDRED and 0 < last < 10)
    if last < 10:
        return 20 <= value < 100
    return last >= 100 and value < last


def _vague(ws: list[Word], i: int) -> _Core | None:
    """عشرات، مئات الآلاف، بضعة آلاف: coded low."""
    j = i + 1 if _in(ws[i], _FEW) and i + 1 < len(ws) else i
    base = _in(ws[j], _VAGUE)
    if base is None:
        return None
    value, stop = _VAGUE[base], j + 1
    if stop < len(ws) and _in(ws[stop], {"الاف"}) and value < 1000:
        value, stop = value * 1000, stop + 1
    return _Core(value, True, i, stop, skip=_proclitic(ws[i], base) if j == i else 0)


def _dual(ws: list[Word], i: int) -> _Core | None:
    if "ال" in ws[i].norm[:4]:
        return None  # "المصابَين", "الطفلين": the two already counted, named again
    for base in reversed(_bases(ws[i])):  # the shortest form, so the span leaves و/ل out
        bare_base = base.removeprefix("ال")
        if _DUAL.fullmatch(bare_base) or (
                _VOWELLED_DUAL.search(ws[i].raw) and _DUAL_STEMS.fullmatch(bare_base[:-2])):
            return _Core(2, False, i, i + 1, noun=i, skip=_proclitic(ws[i], base))
    return None


def bare(doc: Doc, word: Word, base: str) -> tuple[int, int]:
    """Raw [start, end) of `word` without the و ف ب ل glued before `base` ("بغارة" -> "غارة");
    the article stays, it is part of the word as written ("الغارات")."""
    return doc.norm.offsets[doc.norm.from_raw(word.start) + _proclitic(word, base)], word.end


def _proclitic(word: Word, base: str) -> int:
    """Letters of و ف ب ل glued before `base` (the article stays: it is part of the word)."""
    if not word.norm.endswith(base):
        return 0
    prefix = word.norm[: len(word.norm) - len(base)]
    return len(prefix.removesuffix("ال")) if prefix.endswith("ال") else len(prefix)


def _core(ws: list[Word], i: int) -> _Core | None:
    w = ws[i]
    if w.norm[0].isdigit():
        return _digits(ws, i)
    if not w.is_letters:
        return None
    return _vague(ws, i) or _number_words(ws, i) or _dual(ws, i) or _after_noun(ws, i)


def _after_noun(ws: list[Word], i: int) -> _Core | None:
    """"المهاجمين الخمسة", "الأطفال الثلاثة": a definite number after a definite noun."""
    word = ws[i].norm
    value = _UNITS.get(word[2:]) or _TENS.get(word[2:]) if word.startswith("ال") else None
    if not value or value < 3 or i == 0 or not ws[i - 1].norm.startswith("ال"):
        return None  # الاثنين is Monday, الواحد "the one"
    return _Core(value, False, i - 1, i + 1, noun=i - 1)


def _matches(ws: list[Word], at: int, seq: tuple[str, ...]) -> bool:
    """The words at `at` are `seq`; the first may carry و or ب ("وأكثر من", "بأكثر من")."""
    if at < 0 or at + len(seq) > len(ws):
        return False
    first = ws[at].norm
    return (first == seq[0] or (first[:1] in "وب" and first[1:] == seq[0])) and all(
        ws[at + k].norm == s for k, s in enumerate(seq[1:], 1))


def _pre(ws: list[Word], i: int) -> tuple[str, int] | None:
    """The modifier that ends right before word i, with the index it starts at."""
    for seq, kind in _PRE:
        if _matches(ws, i - len(seq), seq):
            return kind, i - len(seq)
    return None


def _post(ws: list[Word], j: int) -> tuple[str, int] | None:
    for seq, kind in _POST:
        if _matches(ws, j, seq):
            return kind, j + len(seq)
    return None


_SEPARATORS = {"/", ":", "-", "."}


def _not_a_count(ws: list[Word], first: int, stop: int) -> bool:
    """Dates (13/12/2016, 13 ديسمبر), times (10:30), ordinals (الـ13), years, percentages."""
    prev = ws[first - 1] if first > 0 else None
    nxt = ws[stop] if stop < len(ws) else None
    if prev is not None and prev.norm == ")":  # "أبريل (نيسان) 2023"
        opening = next((i for i in range(first - 2, -1, -1) if ws[i].norm == "("), None)
        prev = ws[opening - 1] if opening else prev
    before_prev = ws[first - 2] if first > 1 else None
    if prev is not None and (prev.norm in _NUMBERED or _in(prev, _MONTHS) or prev.norm == "ال"
                             or (prev.norm == "/" and before_prev and _in(before_prev, _MONTHS))
                             or (prev.norm in _SEPARATORS and first > 1
                                 and ws[first - 2].norm[0].isdigit())):
        return True
    if nxt is not None and (nxt.norm in {"%", "٪"} or _in(nxt, _MONTHS)):
        return True
    if prev is not None and prev.norm in _ORDINALS:
        return True
    after = ws[stop + 1].norm if nxt is not None and stop + 1 < len(ws) else ""
    if nxt is not None and ((nxt.norm == "من" and (after in _AGE | {"الشهر"}
                                                   or after in _MONTHS))
                            or (nxt.norm == "في" and after in {"المئه", "المائه"})
                            or (nxt.norm in {"م", "ه"} and ws[stop - 1].norm.isdigit())):
        return True  # "من عمره", "25 من الشهر", "30 في المئة", "1940 م", "1441 هـ"
    return (nxt is not None and nxt.norm in _SEPARATORS and stop + 1 < len(ws)
            and ws[stop + 1].norm[0].isdigit())


def _adjectival_one(ws: list[Word], core: _Core) -> bool:
    """"شعب واحد", "عائلة واحدة": واحد after a noun describes it; "واحد من" still counts."""
    if core.value != 1 or core.stop != core.first + 1 or core.first == 0:
        return False
    nxt = ws[core.stop].norm if core.stop < len(ws) else ""
    return ws[core.first - 1].is_letters and nxt != "من"


def _bounds(ws: list[Word], core: _Core) -> tuple[int | None, int | None, int | None, int, int]:
    """low, best, high from the modifier before the number or a range; and the words covered."""
    low: int | None = core.value
    best: int | None = core.value
    high: int | None = None if core.vague else core.value
    pre = _pre(ws, core.first)
    kind = pre[0] if pre else None
    stop = core.stop
    joiner = ws[stop].norm if stop < len(ws) else ""
    second = None
    if (kind == _BETWEEN and joiner == "و") or joiner == "-":
        second = _core(ws, stop + 1) if stop + 1 < len(ws) else None
    elif kind == _BETWEEN and joiner.startswith("و"):
        second = _number_words(ws, stop)  # بين ثلاثين وأربعين
    if second is not None and second.value > core.value:
        return low, best, second.value, pre[1] if pre else core.first, second.stop
    if kind is None or kind == _BETWEEN:
        return low, best, high, core.first, stop
    if kind in (_ABOUT, _UP_TO, _BELOW):
        low = None
    if kind == _BELOW:
        best = None
    if kind in (_AT_LEAST, _ABOUT):
        high = None
    return low, best, high, pre[1] if pre else core.first, stop


def _noun(ws: list[Word], core: _Core, j: int) -> tuple[int | None, int]:
    """The counted noun after word j ("50 مدنيا", "50 من المدنيين", but not a definite word:
    "قناة 13 العبرية"), and the index after the phrase."""
    if core.noun is not None:
        if j < len(ws) and ws[j].norm in {"اثنان", "اثنين", "اثنتان", "اثنتين"}:
            j += 1  # "متظاهران اثنان"
        return core.noun, j
    if _partitive(ws, j):
        # "نزح 500 من الحي": after من a place is where they came from, not what is counted.
        if _in(ws[j + 1], _NOT_PEOPLE) is not None:
            return None, j
        noun, j = j + 1, j + 2
    elif j < len(ws) and _can_be_noun(ws[j]) and (core.vague or not ws[j].norm.startswith("ال")):
        # After a figure the noun is indefinite ("2012 الصادر" is a year); after عشرات، آلاف
        # it is a definite genitive ("عشرات المدنيين").
        noun, j = j, j + 1
    else:
        return None, j
    return noun, j


def _can_be_noun(w: Word) -> bool:
    """Not what a number counts: "مئات الآلاف فروا" (a verb), "185 بالمقارنة", "20 بجروح"
    (a preposition), "عشرات الآلاف وتشريد" (the next item after و)."""
    n = w.norm
    with_bi = n.startswith("ب") and casualty_word(Word(n[1:], w.start, w.end, w.raw)) is not None
    return w.is_letters and n not in _NOT_NOUN and not n.endswith("وا") and not with_bi \
        and not n.startswith(("بال", "لل", "كال")) \
        and (not n.startswith("و") or n in _WAW_NOUNS)


def _partitive(ws: list[Word], j: int) -> bool:
    """"50 من المدنيين", "10 من عناصر الأمن" (but not "من دارفور": a name is where from)."""
    if j + 1 >= len(ws) or ws[j].norm != "من" or not ws[j + 1].is_letters:
        return False
    nxt = ws[j + 1].norm
    bare_head = re.sub(r"(?:ها|هم|ه)$", "", nxt)  # "من عناصرها"
    return nxt not in _NOT_NOUN and (nxt.startswith("ال") or bare_head in _GROUP_HEADS)


def starts_number(ws: list[Word], i: int) -> bool:
    """Does a number (digits, number word, vague quantity, dual) start at word i?"""
    return _core(ws, i) is not None


def find_counts(doc: Doc, start: int, end: int) -> list[Count]:
    """Every number phrase in raw [start, end) that can count people or families."""
    ws = words(doc, start, end)
    out: list[Count] = []
    i = 0
    while i < len(ws):
        core = _core(ws, i)
        if core is None:
            i += 1
            continue
        count, i = _phrase(doc, ws, core)
        if count is not None:
            out.append(count)
    return out


def _phrase(doc: Doc, ws: list[Word], core: _Core) -> tuple[Count | None, int]:
    """Grow a number into its phrase (modifiers, range, noun); None when it counts no people."""
    if _adjectival_one(ws, core):
        return None, core.stop
    low, best, high, first, stop = _bounds(ws, core)
    if _not_a_count(ws, first, stop):
        return None, stop
    noun, after = _noun(ws, core, stop)
    if noun is not None and _in(ws[noun], _NOT_PEOPLE) is not None:
        return None, after
    if 1900 <= core.value <= 2100 and first == core.first and (
            noun is None or (core.first > 0 and ws[core.first - 1].norm in _YEAR_BEFORE)):
        return None, after  # a year: "في 2016", "منذ 2011 حتى اليوم"
    post = _post(ws, after)
    if post is not None:
        low, best, high = (core.value if post[0] == _AT_LEAST else None), core.value, None
        after = post[1]
    first = min(first, noun) if noun is not None else first
    raw_start = ws[first].start
    lead = ws[first].norm
    skip = core.skip if first == core.first else int(lead[:1] in "وب" and lead[1:] in _PRE_HEADS)
    if skip:  # "وأكثر من 30 جريحا", "بأكثر من": the proclitic is not part of the count
        raw_start = doc.norm.offsets[doc.norm.from_raw(raw_start) + skip]
    noun_text = None
    if noun is not None:
        noun_text = doc.text[max(ws[noun].start, raw_start):ws[noun].end]
    unit = "families" if noun is not None and _in(ws[noun], _FAMILIES) else "people"
    raw_end = ws[after - 1].end
    return Count(low, best, high, unit, raw_start, raw_end, doc.text[raw_start:raw_end],
                 noun_text, core.vague), after
