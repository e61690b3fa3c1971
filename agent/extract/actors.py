"""Who acts and speaks in an article: people after titles, groups and forces by head noun, states
that act, and the names other modules found, merged into one actor with many aliases.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.doc import Doc, span
from schemas import Actor, ActorType, Span

# ---------------------------------------------------------------- lexicons (normalized forms)


def lexicon(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words, kept in normalized form."""
    return frozenset(norm(w) for w in text.split())


# Heads of a person's title. Forms that are also given names (امير، سيد، رائد، امين) are listed
# only with the article, so "أمير" alone stays a name and "الأمير" is a title.
TITLE_HEADS = lexicon("""
رئيس رئيسه وزير وزيره مدير مديره منسق منسقه متحدث متحدثه ناطق ناطقه قائد قائده مسؤول مسؤوله
سفير سفيره مبعوث مبعوثه لواء اللواء عميد العميد عقيد العقيد المقدم الرائد النقيب جنرال الجنرال
المشير الشيخ الدكتور الدكتوره زعيم زعيمه وكيل مستشار مستشاره نائب نائبه عضو محافظ الامير الملك
الملكه قيادي مراسل مندوب مندوبه ممثل ممثله مفوض مفوضه سيناتور السيد السيده حاكم القاضي مقرر
مساعد خبير باحث محلل ناشط ناشطه مسؤولو الامين مدعي المدعي قنصل احد زعماء قاده مسؤولي
اعضاء مسؤولين مسؤولون مصدر مصادر ضابط الفريق المشير
""")
# Words that go on a rank, never a name: "الفريق أول"، "اللواء الركن".
_RANK_WORDS = lexicon("أول الركن المتقاعد السابق")

# Words a personal name is built with besides its core words: عبد الرحمن، ابن خلدون، آل سعود.
NAME_PARTICLES = lexicon("عبد بن ابن ابو ابي بنت ال ولد")
_JOINS_DEFINITE = lexicon("عبد ابو ابي ال")  # "عبد الإله": a definite word after these

# Words and given names that begin with و, so a leading و is not read as "and".
_WAW_WORDS = lexicon("""وليد وائل وفاء وديع وجدي وسام وحيد وهيب وصفي وضاح ولاء وداد وزراء وزارات
    ولاية ولايات وحدة وحدات وفد وسائل وكالات""")

# Words that end a name: prepositions, time words, pronouns, adverbs, reporting particles.
STOP_WORDS = lexicon("""
في من على عن الى الي مع بعد قبل خلال امس اليوم غدا مساء صباح ليل ليله فجر ظهر عصر يوم الاحد
الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت ايضا كذلك مجددا بدوره بدورها لدى امام عقب
اثناء ردا عبر حول حين عنه عنها وفق بحسب حسب حسبما وفقا نقلا الذي التي الذين اللذين اللتين
اللواتي اللاتي ان انه انها انهم انهما اننا انني بان بانه بانها بانهم وان وانه لان لكن لكنه
حيث اذ اذا اما او ثم هو هي هم هذا هذه ذلك تلك هناك هنا كان كانت قد لقد لم لن لا ما كما منذ
حتى وهو وهي وهم بين تحت طلب رفض فضل فوق ضد نحو دون بشان قائلا مضيفا بينما فيما عندما اليه
اليها عليه عليها منه منها له لها لهم نقل نقلت لي لنا فيه فيها
""")
# Verbs of the events reported, never part of a speaker's name: "وأوضح | أصيب نحو 54 شخصا".
STOP_WORDS |= lexicon("أصيب أصيبت أصيبوا قتل قتلت قتلوا لقي لقيت سقط سقطت")

# Participles after a name describe how it spoke ("قالت منظمة أوكسفام محذرة إن"): not the name.
STOP_WORDS |= lexicon("""محذرا محذرة مؤكدا مؤكدة مضيفا مضيفة مشيرا مشيرة موضحا موضحة معتبرا
    معتبرة متهما متهمة مشددا مشددة لافتا لافتة آسفا آسفة قائلا قائلة نافيا نافية زاعما زاعمة
    داعيا داعية مطالبا مطالبة مرجحا مرجحة""")

# After a speaker, "ل" + these says whom the words were given to: "لوكالة فرانس برس".
_MEDIA_AFTER = lexicon("وكالة صحيفة قناة إذاعة موقع تلفزيون التلفزيون رويترز فرانس مراسل")

# Head nouns that start the name of a group, with the type it gives; قوات and جيش are decided
# by their complement (see _forces_type).
ORG_HEADS: dict[str, ActorType] = {
    **dict.fromkeys(lexicon("قوات قوى جيش شرطه حرس طيران درك تحالف جهاز قياده دفاعات"),
                    ActorType.state_forces),
    **dict.fromkeys(lexicon("""تنظيم حركه جماعه ميليشيا ميليشيات مليشيا مليشيات فصائل فصيل
        مقاتلو مقاتلي مقاتلين مقاتلون مسلحو مسلحي مسلحين مسلحون جهاديين جهاديون كتائب كتيبه
        جبهه متمردين متمردون متمردو متمردي ثوار"""), ActorType.armed_group),
    **dict.fromkeys(lexicon("""مرصد منظمه جمعيه هيئه مجلس لجنه حزب ائتلاف اتحاد نقابه شركه مؤسسه
        مركز مكتب مفوضيه صندوق برنامج بعثه دفاع معارضه تنسيقيه"""), ActorType.organization),
    **dict.fromkeys(lexicon("وزاره حكومه رئاسه برلمان كرملين خارجيه خليه سفاره سلطه"),
                    ActorType.state),
    **dict.fromkeys(lexicon("وكاله صحيفه قناه تلفزيون اذاعه"), ActorType.media),
}
# A group named by one of these alone is still a name ("الجيش"); the others need a complement.
_BARE_OK = lexicon("جيش شرطه فصائل مسلحين جهاديين متمردين ثوار معارضه كرملين")

# Proper names of groups that need no head noun.
NAMED_GROUPS: dict[str, ActorType] = {
    **dict.fromkeys(lexicon("داعش طالبان حماس الحوثيين الحوثيون حزب_الله بوكو_حرام "
                            "الشباب_المجاهدين النصره القاعده الدوله_الاسلاميه"),
                    ActorType.armed_group),
    **dict.fromkeys(lexicon("الامم_المتحده مجلس_الامن الصليب_الاحمر الهلال_الاحمر اليونيسف يونيسف "
                           "الناتو حلف_الناتو حلف_شمال_الاطلسي الاتحاد_الاوروبي الاتحاد_الافريقي "
                           "جامعه_الدول_العربيه هيومن_رايتس_ووتش اطباء_بلا_حدود"),
                    ActorType.international_organization),
    **dict.fromkeys(lexicon("رويترز فرانس_برس اسوشيتد_برس سانا بي_بي_سي سي_ان_ان"),
                    ActorType.media),
    **dict.fromkeys(lexicon("البيت_الابيض البنتاغون البنتاجون"), ActorType.state),
}
# Names of one group in one article: the first form is the key the others merge into.
EQUIVALENT = (
    ("داعش", "الدوله_الاسلاميه", "تنظيم_الدوله_الاسلاميه", "تنظيم_الدوله", "تنظيم_داعش"),
    ("الناتو", "حلف_الناتو", "حلف_شمال_الاطلسي"),
    ("الحوثيين", "الحوثيون", "جماعه_الحوثي", "جماعه_الحوثيين", "انصار_الله"),
)
_INTERNATIONAL = lexicon("الدولي الدوليه العالمي العالميه الاممي الاممیه الامم")
_CIVILIANS = lexicon("""مدنيين مدنيون مدني سكان اهالي نازحين لاجئين اطفال نساء محتجين محتجون
    متظاهرين متظاهرون""")
_SOURCES = lexicon("""شهود مصادر مصدر ناشطون ناشطين مسعفون مراقبون سكان دبلوماسيون دبلوماسيين
    خبراء محللون مسؤولون مسؤولين وسائل""")
# Complements that make قوات / جيش a government's forces rather than a rebel group.
_STATE_COMPLEMENTS = lexicon("""نظام النظام حكومة الحكومة الحكومية النظامية الأمن الجيش الشرطة
    الاحتلال الحرس الدرك التحالف الأسد حفظ مكافحة المسلحة""")
_REBEL_ARMIES = lexicon("الحر الاسلام الفتح المهدي المجاهدين العزه")
_HOME_ARMY = lexicon("نظام النظام الحكومية الحكومة النظامية المسلحة")
# Generic words for the fighters on the other side of a war: they name one actor per article.
_GENERIC_REBELS = lexicon("""مقاتلو مقاتلي مقاتلين مقاتلون فصائل فصيل مقاتله مسلحه مسلحين
    مسلحون مسلحو مسلحي ثوار جهاديين جهاديون متمردين متمردون متمردو متمردي""")

# States: canonical name as usually written, other forms, capitals, and demonym stem.
COUNTRIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("سوريا", ("سوريا", "سوريه"), ("دمشق",), "سوري"),
    ("روسيا", ("روسيا",), ("موسكو",), "روسي"),
    ("الولايات المتحدة", ("الولايات_المتحده", "امريكا", "اميركا"), ("واشنطن",), "امريكي"),
    ("فرنسا", ("فرنسا",), ("باريس",), "فرنسي"),
    ("إيران", ("ايران",), ("طهران",), "ايراني"),
    ("تركيا", ("تركيا",), ("انقره",), "تركي"),
    ("العراق", ("العراق",), ("بغداد",), "عراقي"),
    ("اليمن", ("اليمن",), ("صنعاء",), "يمني"),
    ("السودان", ("السودان",), ("الخرطوم",), "سوداني"),
    ("جنوب السودان", ("جنوب_السودان",), ("جوبا",), "جنوب_سوداني"),
    ("إسرائيل", ("اسرائيل",), ("تل_ابيب",), "اسرائيلي"),
    ("مصر", ("مصر",), ("القاهره",), "مصري"),
    ("لبنان", ("لبنان",), ("بيروت",), "لبناني"),
    ("ليبيا", ("ليبيا",), ("طرابلس",), "ليبي"),
    ("الأردن", ("الاردن",), (), "اردني"),
    ("السعودية", ("السعوديه", "المملكه_العربيه_السعوديه"), ("الرياض",), "سعودي"),
    ("قطر", ("قطر",), ("الدوحه",), "قطري"),
    ("الإمارات", ("الامارات",), ("ابوظبي", "ابو_ظبي"), "اماراتي"),
    ("الكويت", ("الكويت",), (), "كويتي"),
    ("البحرين", ("البحرين",), ("المنامه",), "بحريني"),
    ("فلسطين", ("فلسطين",), (), "فلسطيني"),
    ("الصين", ("الصين",), ("بكين",), "صيني"),
    ("بريطانيا", ("بريطانيا", "المملكه_المتحده"), ("لندن",), "بريطاني"),
    ("ألمانيا", ("المانيا",), ("برلين",), "الماني"),
    ("أوكرانيا", ("اوكرانيا",), ("كييف",), "اوكراني"),
    ("أفغانستان", ("افغانستان",), ("كابول",), "افغاني"),
    ("باكستان", ("باكستان",), ("اسلام_اباد",), "باكستاني"),
    ("الصومال", ("الصومال",), ("مقديشو",), "صومالي"),
    ("إثيوبيا", ("اثيوبيا",), ("اديس_ابابا",), "اثيوبي"),
    ("الجزائر", ("الجزائر",), (), "جزائري"),
    ("تونس", ("تونس",), (), "تونسي"),
    ("المغرب", ("المغرب",), ("الرباط",), "مغربي"),
    ("الهند", ("الهند",), ("نيودلهي",), "هندي"),
    ("اليابان", ("اليابان",), ("طوكيو",), "ياباني"),
    ("بنغلاديش", ("بنغلاديش", "بنجلاديش"), ("دكا",), "بنغلاديشي"),
    ("نيجيريا", ("نيجيريا",), ("ابوجا",), "نيجيري"),
    ("النيجر", ("النيجر",), ("نيامي",), "نيجري"),
    ("تشاد", ("تشاد",), ("انجامينا",), "تشادي"),
    ("كينيا", ("كينيا",), ("نيروبي",), "كيني"),
    ("إريتريا", ("اريتريا",), ("اسمره",), "اريتري"),
    ("موريتانيا", ("موريتانيا",), ("نواكشوط",), "موريتاني"),
    ("إيطاليا", ("ايطاليا",), ("روما",), "ايطالي"),
    ("إسبانيا", ("اسبانيا",), ("مدريد",), "اسباني"),
    ("اليونان", ("اليونان",), ("اثينا",), "يوناني"),
    ("كندا", ("كندا",), ("اوتاوا",), "كندي"),
    ("البرازيل", ("البرازيل",), (), "برازيلي"),
    ("كوريا الشمالية", ("كوريا_الشماليه",), ("بيونغ_يانغ",), "كوري_شمالي"),
    ("كوريا الجنوبية", ("كوريا_الجنوبيه",), ("سيول",), "كوري_جنوبي"),
    ("إندونيسيا", ("اندونيسيا",), ("جاكرتا",), "اندونيسي"),
    ("ميانمار", ("ميانمار",), (), "ميانماري"),
    ("أرمينيا", ("ارمينيا",), ("يريفان",), "ارميني"),
    ("أذربيجان", ("اذربيجان",), ("باكو",), "اذربيجاني"),
    ("بيلاروسيا", ("بيلاروسيا",), ("مينسك",), "بيلاروسي"),
    ("سلطنة عمان", ("سلطنه_عمان",), ("مسقط",), "عماني"),
)
_COUNTRY_FORMS = {form: c[0] for c in COUNTRIES for form in c[1]}
_CAPITALS = {form: c[0] for c in COUNTRIES for form in c[2]}
_DEMONYMS = {
    pre + c[3] + suf: c[0] for c in COUNTRIES for pre in ("", "ال")
    for suf in ("", "ه", "ون", "ين", "يه")
}
# A country right after these is a place, not an actor.
_PLACE_WORDS = lexicon("""في الى من عبر داخل خارج نحو وسط شمال جنوب شرق غرب شمالي جنوبي شرقي
    غربي حدود انحاء قرب اراضي ارض مدن محافظات العاصمه اتجاه""")
# ... unless they are followed by these ("من جانب روسيا").
_ACTING_AFTER = lexicon("جانب قبل طرف")
# Verbs after which a country is the one acting or acted on ("حملت موسكو واشنطن").
ACTOR_VERBS = lexicon("""قال قالت اعلن اعلنت اكد اكدت ذكر ذكرت افاد افادت اتهم اتهمت حمل حملت
    طالب طالبت دعا دعت ادان ادانت هاجم هاجمت قصف قصفت شن شنت ارسل ارسلت رفض رفضت وافق وافقت
    هدد هددت حذر حذرت انتقد انتقدت نفى نفت نفي زعم زعمت ادعت اعتبر اعتبرت دعم دعمت ساند ساندت
    ايد ايدت فرض فرضت استهدف استهدفت متهما محملا مطالبا داعيا واتهم وحملت دان دانت
    توعد توعدت تبنى تبنت رحب رحبت وقع وقعت""")
_RELATIVE = lexicon("التي الذي الذين")
# Adverbs that may stand between a verb and its subject: "واتهم أيضا الولايات المتحدة".
ADVERBS = lexicon("أيضا كذلك أمس اليوم مجددا بدوره بدورها")
# A state right after these is the subject or partner of an action.
_SUBJECT_AFTER = lexicon("أن إن بأن مع ضد")
_FIGHTERS = (ActorType.state_forces, ActorType.armed_group)

# The article with the proclitics before it; at least two letters must follow ("وكالة" is
# not و+ك+ال+ة).
_DEFINITE = re.compile(r"^[وف]?(?:[بك]?ال|لل)(?=..)")
_BEFORE_ARTICLE = re.compile(r"^([وف]?[بك]?)ال(?=..)")
_PREPOSED = re.compile(r"^[وف]?[بك]ال(?=..)")
_POSSESSIVE = re.compile(r"(?<=...)(?:هما|هم|ها|ه)$")
_HARAKAT = re.compile(r"[\u064B-\u065F\u0670\u0640]")
_MAKSURA = lexicon("على إلى لدى حتى")  # stop words spelled with ى, which names never end in
# Words that tie a title or group to what it belongs to: "المتحدث باسم الجيش", "بقيادة السعودية".
CONNECTORS = lexicon("""باسم باسمه باسمها باسمهم بقيادة بزعامة التابع التابعة المرتبطة
    الموالية المدعومة المقربة""")
_DANGLING = lexicon("باسم بقيادة بزعامة التابع التابعة المرتبطة الموالية المدعومة المقربة")
# Institutions whose name goes on with the place or body they serve ("… في ليبيا").
_INSTITUTIONS = lexicon("""بعثة مكتب قيادة وزارة هيئة لجنة تنسيقية مجلس مديرية سفارة مفوضية خلية
    مركز سلطة جمعية حكومة""")
_TIES = lexicon("في إلى لدى من")
_NOT_PLACES = lexicon("وقت ساعة ساعات يوم أيام إطار ظل ضوء أعقاب أثناء خطوة")
# "في بيان"، "في تصريحات": where something was said, never part of a name.
CHANNELS = lexicon("بيان تصريح تصريحات مؤتمر حديث مقابلة تغريدة تسجيل إفادة كلمة رسالة منشور")


# ---------------------------------------------------------------- words


def _in(word: str, lexicon: Iterable[str]) -> bool:
    return any(b in lexicon for b in clitic_bases(word))


def definite(word: str) -> bool:
    """Carries the article, possibly behind a proclitic: الصالح، والجيش، للأسد."""
    return bool(_DEFINITE.match(word))


def _bare(word: str) -> str:
    """The word without و/ف/ب/ك/ل in front of its article: 'وللاسد' -> 'الاسد'."""
    m = _DEFINITE.match(word)
    return "ال" + word[m.end():] if m else word


def unjoined(word: str) -> str:
    """The word without a leading و/ف ('and', 'so'), but never without its article
    (clitic_bases strips that too, so 'الكشف' would pass for the verb 'كشف')."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 2 else word


def is_title_head(word: str) -> bool:
    """A title's head word, also with a possessive ('قائدها'، 'باسمه' is a connector)."""
    return _in(word, TITLE_HEADS) or _in(_POSSESSIVE.sub("", word), TITLE_HEADS)


def _lexicon_word(w: str) -> bool:
    return w in TITLE_HEADS or w in ORG_HEADS or w in _CAPITALS or w in _COUNTRY_FORMS or \
        w in NAMED_GROUPS


def _is_conjoined(word: str) -> bool:
    """A leading و that means 'and': not part of a title, group, place or و-name."""
    return word.startswith("و") and len(word) > 3 and word not in _WAW_WORDS and \
        not _lexicon_word(word)


def stop_word(t: Token) -> bool:
    """A word that ends a name. 'علي' written with ي is the name, not the preposition على
    (normalization writes both alike; the article does not)."""
    if t.norm not in STOP_WORDS:
        return False
    return t.norm not in _MAKSURA or not _HARAKAT.sub("", t.text).endswith("ي")


def _lexical(word: str) -> bool:
    """Words that belong to titles and group names, never to a personal name."""
    return (is_title_head(word) or _in(word, ORG_HEADS) or _in(word, _COUNTRY_FORMS)
            or _in(word, _CAPITALS) or _bare(word) in _DEMONYMS or word in STOP_WORDS
            or word in _RANK_WORDS
            or word in CONNECTORS or any(ch.isdigit() for ch in word))


def _verbish(word: str) -> bool:
    """Shaped like a verb, so it ends a group's name: 'فتحوا'، 'يستقلون'، 'تعارضان'. (Not
    used on personal names: 'فرانسوا' has the same ending.)"""
    return (len(word) > 3 and word.endswith("وا")) or \
        (len(word) > 4 and word[0] in "يت" and word.endswith(("ون", "ان")))


def _nisba(word: str) -> bool:
    return word.endswith(("ي", "يه")) and len(word) > 3


# ---------------------------------------------------------------- quotes and gaps


@cache
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Raw offsets (opening mark, closing mark) of the quotations of a text: «…» and “…” by
    nesting, straight "…" paired in order within a line."""
    out: list[tuple[int, int]] = []
    for opening, closing in (("«", "»"), ("“", "”")):
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch == opening:
                stack.append(i)
            elif ch == closing and stack:
                out.append((stack.pop(), i))
    for line in re.finditer(r"[^\n]+", text):
        marks = [line.start() + m.start() for m in re.finditer('"', line.group())]
        out += list(zip(marks[::2], marks[1::2], strict=False))
    return tuple(sorted(out))


@cache
def _short_quote_marks(text: str) -> frozenset[int]:
    """Positions of the marks around short quoted names («داعش»، " حفظة الإسلام ")."""
    marks: set[int] = set()
    for a, b in quote_regions(text):
        if 0 < len(tokens(text, a + 1, b)) <= 3:
            marks |= {a, b}
    return frozenset(marks)


def gap(doc: Doc, a: Token, b: Token) -> str:
    """The characters between two neighbouring words."""
    return doc.text[a.end : b.start]


def passable(doc: Doc, a: Token, b: Token) -> bool:
    """Nothing but spaces and the marks of short quoted names between two words."""
    marks = _short_quote_marks(doc.text)
    return all(ch.isspace() or a.end + k in marks for k, ch in enumerate(gap(doc, a, b)))


def _is_quoted(doc: Doc, t: Token) -> bool:
    return any(a < t.start and t.end <= b for a, b in quote_regions(doc.text))


# ---------------------------------------------------------------- names and titles


def run_end(doc: Doc, toks: Sequence[Token], i: int, most: int = 12) -> int:
    """End (exclusive) of the name-like run of words starting at toks[i]: it stops at
    punctuation, stop words and a conjoined و, and carries short quoted names inside."""
    j = i + 1
    while j < len(toks) and j - i < most:
        w = toks[j].norm
        if not passable(doc, toks[j - 1], toks[j]) or stop_word(toks[j]) or _is_conjoined(w) or \
                (w[:1] == "ل" and w[1:] in _MEDIA_AFTER):
            break  # "قال شهود عيان لوكالة فرانس برس": to whom, not who
        j += 1
    return j


def _name_start(doc: Doc, toks: Sequence[Token], floor: int = 1) -> int | None:
    """Index where a personal name begins after the title toks[0], or None.

    The name is read backwards from the end: core words (at most three), particles such as
    بن / عبد, and a definite word only as the surname or after عبد / أبو ("عبد الإله").
    """
    start, core = len(toks), 0
    for k in range(len(toks) - 1, floor - 1, -1):
        w = toks[k].norm
        name_like = w in STOP_WORDS and not stop_word(toks[k])  # "علي", not "على"
        if (_lexical(w) and not name_like) or _is_quoted(doc, toks[k]) or _is_conjoined(w):
            break
        if w in NAME_PARTICLES:
            start = k
            continue
        if definite(w) and k != len(toks) - 1 and toks[k - 1].norm not in _JOINS_DEFINITE \
                and w != "الله":  # "ذبيح الله مجاهد"، "عبد الله"
            break
        if core == 3:
            break
        core, start = core + 1, k
    if core == 0:
        return None
    first = toks[start].norm
    if core == 1 and (definite(first) or _nisba(first)):
        return None  # "وزير الخارجية"، "مسؤول أمريكي": a title, not a name
    while toks[start].norm in NAME_PARTICLES - _JOINS_DEFINITE:
        start += 1
    return start


@dataclass(frozen=True)
class Named:
    """A name as written, with the title before it when the article gives one."""

    name: Span
    title: Span | None
    end: int  # index of the first word after the phrase
    words: int  # how many words the personal name has (0 when the title is the name)


def named_phrase(doc: Doc, toks: Sequence[Token], i: int, most: int = 12) -> Named | None:
    """Read a speaker- or actor-like phrase at toks[i]: 'منسق المعارضة السورية رياض حجاب' ->
    name 'رياض حجاب', title 'منسق المعارضة السورية'; with no personal name after the title,
    the title is the name ('المتحدث باسم الجيش')."""
    if i >= len(toks):
        return None
    end = run_end(doc, toks, i, most)
    if _in(toks[i].norm, ORG_HEADS) and not is_title_head(toks[i].norm):
        end = _name_end(doc, toks, i)  # "وزارة الداخلية العراقية | اعتقال …"
    if not is_title_head(toks[i].norm):
        end = _second_name(toks, i, end)
        for p in range(i + 1, end):  # "يوتشي ماسوزوي وزير الصحة الياباني": title after name
            if is_title_head(toks[p].norm):
                if any(_lexical(t.norm) for t in toks[i:p]):
                    break
                name, title = _clean(doc, toks[i], toks[p - 1]), _clean(doc, toks[p], toks[end - 1])
                return Named(name, title, end, p - i)
        return Named(_clean(doc, toks[i], toks[end - 1]), None, end, 0)
    # a source's words are adjectives, never a name: "مصدر مقرب"، "مصادر طبية"
    start = None if _in(toks[i].norm, _SOURCES) else _name_start(doc, toks[i:end])
    if start is None and not _in(toks[i].norm, _SOURCES):
        cut = _second_name(toks, i, end)  # "… دميتري بيسكوف | كييف بمحاولة": an object
        start = _name_start(doc, toks[i:cut]) if cut < end else None
        end = cut if start is not None else end
    if start is not None and any(t.norm in CONNECTORS for t in toks[i : i + start]) and any(
            is_title_head(t.norm) for t in toks[i + 1 : i + start]):
        start = None  # "المتحدث باسم الجيش بقيادة المشير خليفة حفتر": the leader's name
    if start is None and end + 1 < len(toks) and toks[end].norm in ("في", "لدي") and \
            (definite(toks[end + 1].norm) or _lexical(toks[end + 1].norm)
             or _joined([t.norm for t in toks[end + 1 : end + 3]], _COUNTRY_FORMS)):
        # "رئيس قسم الهواتف في الشركة شين جي كاي": the name may follow the workplace
        more = run_end(doc, toks, end + 1, most)
        start = _name_start(doc, toks[i:more], floor=end - i + 2)
        end = more if start is not None else end
    if start is not None:
        name = _clean(doc, toks[i + start], toks[end - 1])
        core = sum(t.norm not in NAME_PARTICLES for t in toks[i + start : end])
        return Named(name, _clean(doc, toks[i], toks[i + start - 1]), end, core)
    # The title alone names the speaker ("المتحدث باسم القوات المسلحة المصرية"، "المبعوث
    # الأممي إلى اليمن"), unless a name follows between commas ("، مدحت الأسطل،").
    end = max(_name_end(doc, toks, i), i + 1)
    title = _clean(doc, toks[i], toks[end - 1])
    if end < len(toks) and re.fullmatch(r"\s*[،,]\s*", gap(doc, toks[end - 1], toks[end])):
        after = named_phrase(doc, toks, end, most)
        if after and (after.words or not _lexical(toks[end].norm)) and after.end < len(toks) \
                and not passable(doc, toks[after.end - 1], toks[after.end]):
            return Named(after.name, title, after.end, after.words or 1)
    return Named(title, None, end, 0)


def _second_name(toks: Sequence[Token], i: int, end: int) -> int:
    """Where a second name starts inside a run ('روسيا الولايات المتحدة'، 'الجيش السوداني
    قوات الدعم السريع'): a state, or a group head after a definite word."""
    first = _joined([t.norm for t in toks[i:end]], _COUNTRY_FORMS)
    for p in range(i + 1, end):
        w = toks[p].norm
        if first and p - i < len(first.split("_")):
            continue  # inside "الولايات المتحدة"
        prev = toks[p - 1].norm
        if prev in CONNECTORS or prev in _TIES or (_in(prev, ORG_HEADS) and not definite(prev)) \
                or (w in _DEMONYMS and not definite(prev)):
            continue  # "بقيادة السعودية"، "قوات سوريا الديمقراطية"، "إعلام رسمية سورية"
        if _in(w, _COUNTRY_FORMS) or _in(w, _CAPITALS) or \
                _joined([w] + [t.norm for t in toks[p + 1 : p + 3]], _COUNTRY_FORMS):
            return p
        named = _joined([_bare(w)] + [t.norm for t in toks[p + 1 : p + 3]], NAMED_GROUPS)
        head = [b for b in (_bare(w)[2:] if definite(w) else w, *unjoined(w)[1:])
                if ORG_HEADS.get(b) in _FIGHTERS and w not in CONNECTORS]
        if (head or named) and definite(prev):
            return p
    return end


def _clean(doc: Doc, first: Token, last: Token) -> Span:
    """Span from first to last word, without the proclitic glued to the first one ('والجيش'،
    'لموسكو'), and with both marks of a quoted name it holds ('باسم «الكرملين»')."""
    start = first.start + _proclitic_length(doc, first)
    end = last.end
    inside = doc.text[start:end]
    for opening, closing in (("«", "»"), ("“", "”"), ('"', '"')):
        if opening == closing:
            unbalanced = inside.count(opening) % 2 == 1
        else:
            unbalanced = inside.count(opening) > inside.count(closing)
        after = doc.text[end:].lstrip()
        if unbalanced and after.startswith(closing):
            end = len(doc.text) - len(after) + 1
    return span(doc.text, start, end)


def _proclitic_length(doc: Doc, t: Token) -> int:
    """Raw characters of و/ف/ب/ك/ل in front of the name proper of a word (0 when none)."""
    w = t.norm
    m = _BEFORE_ARTICLE.match(w)
    if m:
        n = len(m.group(1))
    elif not _lexicon_word(w) and len(w) > 3 and w[0] in "وفبكل" and _lexicon_word(w[1:]):
        n = 1
    else:
        n = 0
    if not n:
        return 0
    return doc.norm.offsets[doc.norm.from_raw(t.start) + n] - t.start


def key(text: str) -> tuple[str, ...]:
    """Comparable form of a name: normalized words, the first without its proclitics."""
    words = [t.norm for t in tokens(text)]
    if not words:
        return ()
    first = words[0]
    lexical = [b for b in clitic_bases(first) if _lexicon_word(b)]
    words[0] = _bare(first) if definite(first) else (lexical[0] if lexical else first)
    return tuple(words)


def _joined(words: Sequence[str], lexicon: Iterable[str]) -> str | None:
    """The longest lexicon entry ('الولايات_المتحده') that the words start with."""
    for n in range(min(4, len(words)), 0, -1):
        if "_".join(words[:n]) in lexicon:
            return "_".join(words[:n])
    return None


# ---------------------------------------------------------------- typing


def _forces_type(words: Sequence[str]) -> ActorType:
    """قوات / قوى + an adjective or a government word are a state's forces ('قوات الأمن'،
    'القوات الصومالية'); + a proper name they are a group ('قوات الدعم السريع'، 'قوات سوريا
    الديمقراطية'). Armies are the state's unless named as rebels ('الجيش السوري الحر')."""
    head, rest = _bare(words[0]), [_bare(w) for w in words[1:]]
    if head.endswith("جيش"):
        return ActorType.armed_group if set(rest) & _REBEL_ARMIES else ActorType.state_forces
    if not head.endswith(("قوات", "قوي")) or not rest:
        return ActorType.state_forces
    first = rest[0]
    if first in _STATE_COMPLEMENTS or first in _DEMONYMS or (definite(first) and _nisba(first)):
        return ActorType.state_forces
    return ActorType.armed_group


def classify(text: str) -> ActorType:
    """The type of a name as written."""
    words = list(key(text))
    if not words:
        return ActorType.other
    named = _joined(words, NAMED_GROUPS)
    if named and len(named.split("_")) == len(words):
        return NAMED_GROUPS[named]
    bases = clitic_bases(words[0])
    if any(b in _CIVILIANS for b in bases):
        return ActorType.civilians
    if any(b in _SOURCES for b in bases):
        return ActorType.other
    if is_title_head(words[0]):
        return ActorType.person
    if _joined(words, _COUNTRY_FORMS) or _joined(words, _CAPITALS):
        return ActorType.state
    head = next((b for b in bases if b in ORG_HEADS), None)
    if head is None:
        return NAMED_GROUPS[named] if named else ActorType.person
    kind = ORG_HEADS[head]
    inner = _joined(words[1:], NAMED_GROUPS)
    if inner and kind is not ActorType.state_forces:  # "منظمة أطباء بلا حدود"، "حركة حماس"
        return NAMED_GROUPS[inner]
    if kind in (ActorType.organization, ActorType.state) and set(words[1:]) & _INTERNATIONAL:
        return ActorType.international_organization
    if kind is ActorType.state_forces:
        return _forces_type(words)
    return kind


def _country_of(text: str) -> str | None:
    """The state a name stands for or belongs to: 'موسكو' -> روسيا, 'الجيش السوري' -> سوريا."""
    words = list(key(text))
    for i in range(len(words)):
        form = _joined(words[i:], _COUNTRY_FORMS) or _joined(words[i:], _CAPITALS)
        if form:
            return _COUNTRY_FORMS.get(form) or _CAPITALS[form]
        if _bare(words[i]) in _DEMONYMS:
            return _DEMONYMS[_bare(words[i])]
    return None


# ---------------------------------------------------------------- finding mentions


@dataclass
class Mention:
    span: Span
    type: ActorType
    title: Span | None = None
    weak: bool = False  # a bare head or a name inside a title: evidence only, never an actor
    country: str | None = None  # the state a state, capital or national force stands for
    same_as: tuple[str, ...] | None = None  # an acronym merges with the name it shortens

    @property
    def key(self) -> tuple[str, ...]:
        return key(self.span.text)


def mention(doc: Doc, s: Span, kind: ActorType | None = None, title: Span | None = None
            ) -> Mention:
    kind = kind or classify(s.text)
    national = kind in (ActorType.state, ActorType.state_forces)
    return Mention(s, kind, title, country=_country_of(s.text) if national else None)


def _group_end(doc: Doc, toks: Sequence[Token], i: int, named: int = 0) -> int:
    """End of a name that starts with a head noun: 'المرصد السوري لحقوق الإنسان', 'قوات
    نظام الرئيس بشار الأسد', 'تنظيم «داعش»', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية',
    'مصادر عسكرية وطبية متطابقة'. Words join while they are definite, in construct before a
    definite word, a genitive with ل, a short quoted name, a personal name after a title, or
    an adjective agreeing with an indefinite head; once the name is definite, or a proper
    name closes it ('تنظيم داعش | التفجير'), a new indefinite noun ends it."""
    j, definite_seen, closed, person = i + max(named, 1), definite(toks[i].norm), named > 0, 0
    institution = _in(toks[i].norm, _INSTITUTIONS)
    inside = _is_quoted(doc, toks[i])
    while j < len(toks) and j - i < 10 and passable(doc, toks[j - 1], toks[j]):
        w, prev = toks[j].norm, toks[j - 1].norm
        nxt = toks[j + 1].norm if j + 1 < len(toks) and passable(doc, toks[j], toks[j + 1]) \
            else ""
        if inside and not _is_quoted(doc, toks[j]):
            break  # "«قوات حفتر» | المسؤولية": a quoted name ends with its quotation
        verb = not definite(w) and not definite(nxt) and (w in ACTOR_VERBS or _verbish(w))
        if w in STOP_WORDS or verb or (_PREPOSED.match(w) and prev not in CONNECTORS):
            break  # "الشرطة | بالعصي": a preposition starts what was done, not the name
        proper = _joined([_bare(w), *(t.norm for t in toks[j + 1 : j + 3])], NAMED_GROUPS)
        if proper and not closed and (not definite(prev) or prev in CONNECTORS or
                                      w.startswith("لل")):  # not "التحالف | الحوثيين"
            j, definite_seen, closed = j + len(proper.split("_")), True, True
            continue
        if proper:
            break
        tied = prev in CONNECTORS and w[:1] in ("ب", "ل", "م")  # "المرتبطة بتنظيم القاعدة"
        genitive = (w[:1] == "ل" or tied) and (w.startswith("لل") or (bool(nxt) and (
            definite(nxt) or _in(w[1:], _MEDIA_AFTER))))  # "لحقوق الإنسان"، "للدعم"
        if closed and not (genitive or w in CONNECTORS or (definite(w) and _nisba(w))):
            break  # "تنظيم داعش | التفجير", but "الاتحاد الأفريقي الانتقالية"
        closed = closed and not genitive
        adjective = not definite(prev) and (_nisba(w) or _nisba(prev) or j == i + 1) and \
            (not _lexical(w) or _bare(w) in _DEMONYMS)  # "مسؤول أمريكي"، "مصدر مقرب"
        if _is_conjoined(w) and not ((adjective and _nisba(w[1:])) or  # "عسكرية وطبية"
                                     (institution and definite(w))):  # "الطاقة والثروة"
            break
        construct = not definite_seen and (definite(nxt) or (nxt and _is_quoted(
            doc, toks[j + 1]))) and nxt not in STOP_WORDS
        if definite(w) and is_title_head(w) and _nisba(prev):
            break  # "مجلس السيادة السوداني | الفريق أول عبد الفتاح البرهان"
        person = person + 1 if (is_title_head(prev) and definite(prev)) or \
            (0 < person < 3 and not _lexical(w)) else 0  # "الرئيس بشار الأسد"
        quoted = _is_quoted(doc, toks[j]) and not definite(prev)  # not "الروسية «قطعياً»"
        if w in CONNECTORS:
            definite_seen, person = False, 0  # "باسم | قيادة العمليات"، "بقيادة | المشير"
        elif not (definite(w) or construct or genitive or adjective or person or quoted):
            break
        else:
            definite_seen = definite_seen or definite(w)
        j += 1
    while j - 1 > i and toks[j - 1].norm in _DANGLING:
        j -= 1  # "وكالة «أعماق» التابعة | له"
    return j


def _name_end(doc: Doc, toks: Sequence[Token], i: int) -> int:
    """_group_end, then the place or body an institution belongs to when the article ties
    it with في / إلى / لدى / من: 'القيادة الأمريكية في أفريقيا'، 'المبعوث الأممي إلى اليمن'،
    'وزارة الداخلية في حكومة الوحدة الوطنية'، 'مصدر مقرب من رئاسة الجمهورية'."""
    end = _group_end(doc, toks, i)
    if end + 1 >= len(toks) or toks[end].norm not in _TIES or not (
            is_title_head(toks[i].norm) or _in(toks[i].norm, _INSTITUTIONS)):
        return end
    place = toks[end + 1].norm
    country = _joined([t.norm for t in toks[end + 1 : end + 4]], _COUNTRY_FORMS)
    if country:
        return end + 1 + len(country.split("_"))
    if place in CHANNELS or place in _NOT_PLACES or place in STOP_WORDS:
        return end  # "في بيان"، "في وقت سابق": where or when it was said, not who
    if definite(place) or _in(place, ORG_HEADS):
        return _group_end(doc, toks, end + 1)
    # "القيادة الأمريكية في أفريقيا"، "وزارة الصحة في غزة": one proper name of a place
    return end + 2 if _in(toks[i].norm, _INSTITUTIONS) and not _lexical(place) else end


def _groups(doc: Doc, toks: Sequence[Token]) -> list[Mention]:
    out = []
    i = 0
    while i < len(toks):
        w = toks[i].norm
        named = None
        for first in dict.fromkeys([_bare(w), *clitic_bases(w)]):
            named = named or _joined([first] + [x.norm for x in toks[i + 1 : i + 4]],
                                     NAMED_GROUPS)
        if named:  # "الأمم المتحدة"، "مجلس الأمن الدولي"، "الصليب الأحمر اللبناني"
            end = _group_end(doc, toks, i, named=len(named.split("_")))
        elif _in(w, ORG_HEADS) and not is_title_head(w):
            end = _name_end(doc, toks, i)
        else:
            i += 1
            continue
        found = mention(doc, _clean(doc, toks[i], toks[end - 1]))
        bare = end == i + 1 and not named
        if not named and not _proper(doc, toks[i:end]):
            i += 1
            continue  # "قوات إضافية"، "مسلحون مجهولون"، "مركز احتجاز": not a name
        if found.type is not ActorType.person:
            # a bare "المرصد" names the observatory only when its full name is also given;
            # "التابعة لقيادة العمليات المشتركة" is an affiliation, not an actor
            found.weak = (bare and not any(b in _BARE_OK for b in clitic_bases(w))) or \
                (i > 0 and toks[i - 1].norm in CONNECTORS)
            out.append(found)
            out += _acronym(doc, toks, end, found)
        i = end
    return out


def _acronym(doc: Doc, toks: Sequence[Token], j: int, of: Mention) -> list[Mention]:
    """'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا)': the short name in brackets."""
    if j >= len(toks) or not gap(doc, toks[j - 1], toks[j]).strip().endswith("("):
        return []
    k = j
    while k < len(toks) and k - j < 2 and ")" not in gap(doc, toks[k], toks[k + 1]
                                                         if k + 1 < len(toks) else toks[k]):
        k += 1
    if k - j >= 2 or k >= len(toks) or toks[j].norm in STOP_WORDS:
        return []
    return [Mention(_clean(doc, toks[j], toks[k]), of.type, same_as=of.key, country=of.country)]


def _proper(doc: Doc, toks: Sequence[Token]) -> bool:
    """A group phrase names someone when a word is definite, quoted or a known name; 'قوات
    إضافية'، 'مسلحون مجهولون'، 'مركز احتجاز' name no one."""
    head = next((k for k, t in enumerate(toks) if k and (t.norm in _TIES or t.norm[:1] == "ل")),
                len(toks))  # "قوات إضافية | للفصل"، "مركز احتجاز | في المدينة"
    return any(definite(t.norm) or _is_quoted(doc, t) or
               _joined([_bare(x.norm) for x in toks[k : k + 3]], NAMED_GROUPS)
               for k, t in enumerate(toks[:head]))


def _country_acts(doc: Doc, toks: Sequence[Token], i: int, n: int) -> bool:
    """A country or capital at toks[i:i+n] that acts, speaks or is acted on, not a place:
    'حسبما ذكرت روسيا'، 'حملت موسكو واشنطن'، 'إن روسيا والصين تعارضان'، 'من جانب روسيا'."""
    w = toks[i].norm
    if w[:1] == "ب" and (w[1:] in _COUNTRY_FORMS or w[1:] in _CAPITALS):
        return False  # بسورية
    k = i - 1
    while k >= 0 and toks[k].norm in ADVERBS:
        k -= 1
    prev = toks[k].norm if k >= 0 else ""
    prev = prev if prev in ACTOR_VERBS else unjoined(prev)  # "وقّع الأردن"، "وحملت موسكو"
    after = toks[i + n] if i + n < len(toks) else None
    nxt = after.norm if after and passable(doc, toks[i + n - 1], after) else ""
    if prev in _PLACE_WORDS or _bare(prev) in _PLACE_WORDS:
        return nxt in _ACTING_AFTER
    if prev in _ACTING_AFTER or prev in _SUBJECT_AFTER or prev in ACTOR_VERBS:
        return True
    if nxt in _RELATIVE or _in(nxt, ACTOR_VERBS):
        return True
    # "حملت موسكو واشنطن"، "روسيا والصين": next to a state that acts
    return k >= 0 and (prev in _COUNTRY_FORMS or prev in _CAPITALS) and \
        passable(doc, toks[k], toks[i]) and _country_acts(doc, toks, k, 1)


def _states(doc: Doc, toks: Sequence[Token]) -> list[Mention]:
    out = []
    for i, t in enumerate(toks):
        for base in clitic_bases(t.norm):
            words = [base] + [x.norm for x in toks[i + 1 : i + 4]]
            form = _joined(words, _COUNTRY_FORMS) or _joined(words, _CAPITALS)
            if form is None:
                continue
            n = len(form.split("_"))
            if _country_acts(doc, toks, i, n):
                out.append(mention(doc, _clean(doc, t, toks[i + n - 1]), ActorType.state))
            break
    return out


def _persons(doc: Doc, toks: Sequence[Token]) -> list[Mention]:
    """People named in full after a title ('منسق المعارضة السورية رياض حجاب')."""
    out = []
    for i, t in enumerate(toks):
        if not is_title_head(t.norm) or (i and is_title_head(toks[i - 1].norm)):
            continue
        found = named_phrase(doc, toks, i)
        if found is None:
            continue
        if found.title is None:  # "وزير الدفاع الباكستاني": the words of a title, no one named
            out.append(Mention(found.name, ActorType.person, title=found.name, weak=True))
        elif found.words >= 2 and not _in(t.norm, _SOURCES):
            # one word after a title is too often a place ("حي الشيخ سعيد") to trust alone
            title = _appositive(doc, toks, found.end) or found.title
            out.append(Mention(found.name, ActorType.person, title=title))
    return out


def _appositive(doc: Doc, toks: Sequence[Token], j: int) -> Span | None:
    """The title after a name: '، وهو لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب،'."""
    if j >= len(toks) or not re.fullmatch(r"\s*[،,\-–]\s*", gap(doc, toks[j - 1], toks[j])):
        return None
    k = j + 1 if toks[j].norm in ("وهو", "وهي") else j
    if k >= len(toks) or not is_title_head(toks[k].norm):
        return None
    end = k + 1
    while end < len(toks) and end - k < 15 and passable(doc, toks[end - 1], toks[end]):
        end += 1
    return _clean(doc, toks[k], toks[end - 1])


def _affiliation(doc: Doc, title: Span | None) -> str | None:
    """The group a title names: 'المتحدث باسم «الكرملين»' -> 'الكرملين', 'لواء في جيش الأسد'
    -> 'جيش الأسد', 'منسق المعارضة السورية' -> 'المعارضة السورية'."""
    if title is None:
        return None
    toks = tokens(doc.text, title.start, title.end)
    for i, t in enumerate(toks[:-1]):
        if t.norm in ("باسم", "في"):
            return _clean(doc, toks[i + 1], toks[_group_end(doc, toks, i + 1) - 1]).text
    groups = [g for g in _groups(doc, toks) if g.type is not ActorType.state]
    return groups[0].span.text if groups else None


def mentions_in(doc: Doc, start: int, end: int) -> list[Mention]:
    """Every actor-like name the code finds in the raw range."""
    toks = tokens(doc.text, start, end)
    return _mark_titles(_persons(doc, toks) + _groups(doc, toks) + _states(doc, toks))


def _mark_titles(found: list[Mention], more: Sequence[Mention] = ()) -> list[Mention]:
    """A name inside someone's title ('مدير المرصد') is evidence of it, not an actor alone."""
    titles = [m.title for m in [*found, *more] if m.title]
    for m in found:
        m.weak = m.weak or (m.type is not ActorType.person and any(
            t.start <= m.span.start and m.span.end <= t.end for t in titles))
    return sorted(found, key=lambda m: (m.span.start, -m.span.end))


def names_in(doc: Doc, start: int, end: int) -> list[str]:
    """Candidate names in a range, as written, in order, once each (options for the model)."""
    seen: dict[str, None] = {}
    for m in mentions_in(doc, start, end):
        if not m.weak:
            seen.setdefault(m.span.text, None)
    return list(seen)


# ---------------------------------------------------------------- merging


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return 0 < n <= len(outer) and any(outer[i : i + n] == inner
                                       for i in range(len(outer) - n + 1))


_REBELS = ("rebels:",)  # one actor for the generic fighters of an article


def _canonical(m: Mention) -> tuple[str, ...]:
    """Mentions with the same canonical key are one actor from the start."""
    k = m.same_as or m.key
    form = _joined(list(k), _COUNTRY_FORMS) or _joined(list(k), _CAPITALS)
    if m.type is ActorType.state and m.country and form and len(form.split("_")) == len(k):
        return ("state:" + m.country,)  # "روسيا"، "موسكو" — not "وزارة الدفاع الروسية"
    for group in EQUIVALENT:
        forms = [tuple(g.split("_")) for g in group]
        if k in forms or (len(k) > 1 and any(_contains(k, f) for f in forms)
                          and _in(k[0], ORG_HEADS)):
            return forms[0]
    if m.type is ActorType.armed_group and _in(k[0], _GENERIC_REBELS) and all(
            _in(w, _GENERIC_REBELS) or _bare(w) in _DEMONYMS or _bare(w) == "المعارضه"
            for w in k):
        return _REBELS  # "مقاتلو المعارضة السورية"، "الفصائل المقاتلة"، "المسلحين"
    return k


@dataclass
class _Cluster:
    mentions: list[Mention]
    key: tuple[str, ...]

    @property
    def type(self) -> ActorType:
        strong = [m.type for m in self.mentions if not m.weak] or [self.mentions[0].type]
        return Counter(strong).most_common(1)[0][0]

    def first(self) -> int:
        return min(m.span.start for m in self.mentions)


def _merge(found: list[Mention]) -> list[_Cluster]:
    by_key: dict[tuple[str, ...], _Cluster] = {}
    for m in found:
        k = _canonical(m)
        by_key.setdefault(k, _Cluster([], k)).mentions.append(m)
    clusters = list(by_key.values())
    persons = [c for c in clusters if c.type is ActorType.person]
    groups = [c for c in clusters if c.type is not ActorType.person]
    return _absorb(persons, _person_part) + _absorb(_national_forces(groups), _contains_key)


def _person_part(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """'حجاب' is part of 'رياض حجاب' (surname or given name); 'بشار الأسد' of a longer form."""
    if len(short) == 1:
        return short[0] in (long[0], long[-1], _bare(long[-1]))
    return _contains(long, short)


def _contains_key(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """'المرصد' is the short form of 'المرصد السوري لحقوق الإنسان'; 'الأمم المتحدة' is not one
    of 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية': the short form starts the long one."""
    return not short[0].endswith(":") and long[: len(short)] == short


def _absorb(clusters: list[_Cluster], part: Callable[[tuple[str, ...], tuple[str, ...]], bool]
            ) -> list[_Cluster]:
    """Fold each shorter form into the longer form it is part of, preferring the nearest
    one mentioned before it: 'المرصد' -> 'المرصد السوري لحقوق الإنسان'."""
    kept: list[_Cluster] = []
    for c in sorted(clusters, key=lambda c: -len(c.key)):
        homes = [h for h in kept if len(h.key) > len(c.key) and part(h.key, c.key)
                 and (h.type is c.type or c.type is ActorType.person)]
        if not homes:
            kept.append(c)
            continue
        for m in c.mentions:
            before = [h for h in homes if h.first() <= m.span.start]
            home = max(before, key=lambda h: h.first()) if before else homes[0]
            home.mentions.append(m)
    return kept


def _national_forces(groups: list[_Cluster]) -> list[_Cluster]:
    """A government's army goes by many names ('قوات النظام'، 'الجيش السوري'، 'جيش الأسد'،
    'القوات الصومالية'): armies of one nation are one actor, and armies with no nation join
    the one nation the article names, if only one. Police and security forces stay apart."""
    armies = [c for c in groups if c.type is ActorType.state_forces and _army(c.key)]
    nations = {m.country for c in armies for m in c.mentions if m.country}
    merged: dict[str | None, _Cluster] = {}
    for n, c in enumerate(armies):
        nation = next((m.country for m in c.mentions if m.country), None)
        if nation is None and len(nations) == 1:
            nation = next(iter(nations))
        elif nation is None and nations:  # several nations: "الجيش" may be any of them
            nation = f"unknown:{n}"
        if nation in merged:
            merged[nation].mentions += c.mentions
        else:
            merged[nation] = c
    keep = {id(c) for c in merged.values()}  # the first cluster of each nation holds the rest
    return [c for c in groups if c not in armies or id(c) in keep]


def _army(words: tuple[str, ...]) -> bool:
    """'الجيش …'، 'قوات النظام'، 'القوات الحكومية'، 'القوات الصومالية' — not 'قوات الأمن'."""
    head, rest = _bare(words[0]), [_bare(w) for w in words[1:]]
    if head.endswith("جيش"):
        return True
    return head.endswith(("قوات", "قوي")) and bool(rest) and (
        rest[0] in _HOME_ARMY or rest[0] in _DEMONYMS)


def _best_name(c: _Cluster) -> Mention:
    """The fullest form: the longest for people, the country for states, otherwise the form
    that covers most mentions ('المرصد السوري لحقوق الإنسان' covers 'المرصد')."""
    strong = c.mentions  # a full name written inside a title still names the actor
    if c.type is ActorType.person:
        return max(strong, key=lambda m: (len(m.key), -m.span.start))
    if c.type is ActorType.state:
        countries = [m for m in strong if _joined(list(m.key), _COUNTRY_FORMS)]
        return min(countries or strong, key=lambda m: m.span.start)

    def covered(m: Mention) -> int:
        return sum(_contains(m.key, o.key) for o in c.mentions)

    return max(strong, key=lambda m: (_written_clean(m.span.text), covered(m), len(m.key),
                                      -m.span.start))


def _written_clean(text: str) -> bool:
    """The form carries no proclitic of the sentence ('لموسكو'، 'للأسد' are not aliases)."""
    first = norm(text.split()[0]) if text.split() else ""
    return bool(first) and key(text)[0] == first


def _to_actor(doc: Doc, c: _Cluster) -> Actor:
    best = _best_name(c)
    aliases: dict[str, None] = {}
    for m in sorted(c.mentions, key=lambda m: m.span.start):
        if m.key != best.key and _written_clean(m.span.text):
            aliases.setdefault(m.span.text, None)
    title = next((m.title for m in c.mentions if m.title), None)
    evidence = {(m.span.start, m.span.end): m.span for m in c.mentions}
    return Actor(id="", name=best.span.text, type=c.type,
                 title=title.text if title else None, affiliation=_affiliation(doc, title),
                 aliases=list(aliases), evidence=[evidence[k] for k in sorted(evidence)])


def _surnames(doc: Doc, clusters: list[_Cluster], toks: Sequence[Token]) -> None:
    """A person named in full is later named by surname alone ('بيسكوف'): find those words."""
    taken = [(m.span.start, m.span.end) for c in clusters for m in c.mentions]
    for c in clusters:
        if c.type is not ActorType.person:
            continue
        full = _best_name(c).key
        if len(full) < 2 or _lexical(full[-1]):
            continue
        for t in toks:
            if full[-1] in (t.norm, _bare(t.norm), unjoined(t.norm)) and \
                    not any(s <= t.start < e for s, e in taken):
                c.mentions.append(Mention(_clean(doc, t, t), ActorType.person))


def _names_someone(name: str) -> bool:
    """Unnamed sources and people known only by a title are not actors: 'شهود عيان'،
    'مصدر طبي'، 'وزير الدفاع الباكستاني'."""
    words = key(name)
    if not words or _in(words[0], _SOURCES) or is_title_head(words[0]):
        return False
    kind = classify(name)
    if kind is ActorType.civilians:
        return False
    if kind is ActorType.person and len(words) == 1 and (
            definite(words[0]) or len(words[0]) < 3 or words[0] in STOP_WORDS):
        return False  # "قال التقرير"، "قال لي": not a person's name
    if any(definite(w) for w in words) or _joined(list(words), NAMED_GROUPS):
        return True
    # indefinite and generic: "مسلحين مجهولين"، "طائرات حربية إسرائيلية"، "قوة"
    if kind in _FIGHTERS:
        return False
    return kind is not ActorType.person or (not any(w.endswith("يه") for w in words) and
                                            not (len(words) == 1 and words[0].endswith("ه")))


def _titled(doc: Doc, m: Mention) -> Mention:
    """A person another module named: pick up the title written around the name."""
    if m.type is not ActorType.person or m.title:
        return m
    toks = tokens(doc.text, m.span.start, min(len(doc.text), m.span.end + 400))
    names = len(tokens(m.span.text))
    m.title = _appositive(doc, toks, names) if len(toks) > names else None
    return m


# ---------------------------------------------------------------- public


def find_actors(doc: Doc, mentions: list[tuple[str, Span]]) -> list[Actor]:
    """The article's actors: the names other modules found plus those the code finds, merged
    within the article. Ids are left empty; extract.py numbers them."""
    named = [_titled(doc, mention(doc, where)) for _, where in mentions
             if _names_someone(where.text)]
    # names others found act or speak: never only inside someone's title
    found = _mark_titles(mentions_in(doc, 0, len(doc.text)), named) + named
    found = [m for m in found if not (m.weak and m.type is ActorType.person)]
    clusters = [c for c in _merge(found) if not all(m.weak for m in c.mentions)
                and not (c.key == _REBELS and all(len(m.key) < 2 for m in c.mentions))]
    _surnames(doc, clusters, tokens(doc.text))
    actors = [_to_actor(doc, c) for c in clusters]
    return sorted(actors, key=lambda a: (a.evidence[0].start, a.name))


def link(actors: Sequence[Actor], name: str | None) -> str | None:
    """The id of the actor that `name` names (as its name, an alias, a surname, a capital)."""
    if not name:
        return None
    k = key(name)
    for a in actors:
        if k in (key(a.name), *map(key, a.aliases)):
            return a.id
    country = _country_of(name) if classify(name) is ActorType.state else None
    for a in actors:
        if country and a.type is ActorType.state and _country_of(a.name) == country:
            return a.id
        if a.type is ActorType.person and k and _person_part(key(a.name), k):
            return a.id
    return None
