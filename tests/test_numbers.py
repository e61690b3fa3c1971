"""Number phrases: digits of every script, number words, duals, vague counts, modifiers, and the
numbers that count no one (dates, ages, years, air strikes)."""

import pytest

from agent.extract.counts import Count, find_counts
from agent.extract.numbers import number_at, starts_number, words
from agent.text.doc import Doc


def counts(sentence: str) -> list[Count]:
    found = find_counts(Doc.build(sentence), 0, len(sentence))
    assert all(sentence[c.start:c.end] == c.text for c in found)
    return found


def only(sentence: str) -> Count:
    found = counts(sentence)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(("sentence", "text", "low", "best", "high"), [
    # exact, Western and Eastern Arabic and Persian digits, thousands separators
    ("قتل 50 مدنيا في القصف", "50 مدنيا", 50, 50, 50),
    ("قُتِلَ ١٢ مدنياً في صعدة", "١٢ مدنياً", 12, 12, 12),
    ("نزح ۳۵ شخصا من القرية", "۳۵ شخصا", 35, 35, 35),
    ("ارتفعت الحصيلة إلى 1,200 شخص", "1,200 شخص", 1200, 1200, 1200),
    ("ارتفعت الحصيلة إلى ١٬٢٠٠ شخص", "١٬٢٠٠ شخص", 1200, 1200, 1200),
    # scale words after digits
    ("دفعت المعارك نحو 130 ألف مدني الى النزوح", "نحو 130 ألف مدني", None, 130000, None),
    ("لجأ 1.5 مليون سوداني إلى تشاد", "1.5 مليون سوداني", 1500000, 1500000, 1500000),
    ("نزح ٣ آلاف شخص من الفاشر", "٣ آلاف شخص", 3000, 3000, 3000),
    # modifiers: at least, more than, about, up to, ranges
    ("وقتل 50 مدنيا على الأقل بينهم أطفال", "50 مدنيا على الأقل", 50, 50, None),
    ("قتل على الأقل 7 أشخاص", "على الأقل 7 أشخاص", 7, 7, None),
    ("أصيب ما لا يقل عن 40 شخصا", "ما لا يقل عن 40 شخصا", 40, 40, None),
    ("قتل أكثر من 300 شخص", "أكثر من 300 شخص", 300, 300, None),
    ("نزح ما يزيد على 2000 شخص", "ما يزيد على 2000 شخص", 2000, 2000, None),
    ("تحدثت عن مقتل حوالي 80 شخصا", "حوالي 80 شخصا", None, 80, None),
    ("قتل حوالى 80 شخصا", "حوالى 80 شخصا", None, 80, None),
    ("قُتل قرابة 60 مسلحا", "قرابة 60 مسلحا", None, 60, None),
    ("قتل زهاء 200 مدني", "زهاء 200 مدني", None, 200, None),
    ("أصيب ما يقارب 90 شخصا", "ما يقارب 90 شخصا", None, 90, None),
    ("قتل 45 شخصا تقريبا", "45 شخصا تقريبا", None, 45, None),
    ("قد يصل عدد النازحين ما يصل إلى 80 ألف شخص", "ما يصل إلى 80 ألف شخص", None, 80000,
     80000),
    ("قتل ما بين 30 و35 شخصا", "ما بين 30 و35 شخصا", 30, 30, 35),
    ("قتل بين 30 و 35 شخصا", "بين 30 و 35 شخصا", 30, 30, 35),
    ("أصيب 20-25 شخصا", "20-25 شخصا", 20, 20, 25),
    ("قتل بين ثلاثين وأربعين مدنيا", "بين ثلاثين وأربعين مدنيا", 30, 30, 40),
    # quoted digits before their scale, a number word behind ب, "one" after the counted noun
    ('تحدث عن وفاة " 5 " آلاف شخص', '5 " آلاف شخص', 5000, 5000, 5000),
    ("قدرت عدد القتلى بثلاثين على الأقل", "ثلاثين على الأقل", 30, 30, None),
    ("سجلت في حمص (إصابة واحدة)", "إصابة واحدة", 1, 1, 1),
    ("إصابات في محافظة حلب ووفاة واحدة", "وفاة واحدة", 1, 1, 1),
    # a headline's lower bound
    ("حصيلة الزلزال تتخطى ألفي قتيل", "تتخطى ألفي قتيل", 2000, 2000, None),
])
def test_digits_scales_and_modifiers(sentence, text, low, best, high):
    c = only(sentence)
    assert (c.text, c.low, c.best, c.high) == (text, low, best, high)


@pytest.mark.parametrize(("sentence", "value"), [
    ("قتل ثلاثة أشخاص", 3),
    ("قتلت ثلاث نساء", 3),
    ("أصيب عشرة جنود", 10),
    ("قتل خمسة عشر شخصا", 15),
    ("قتل أحد عشر مدنيا", 11),
    ("أصيب اثنا عشر طفلا", 12),
    ("قتل عشرون مسلحا", 20),
    ("أصيب عشرين شخصا", 20),
    ("قتل خمسة وعشرون مسلحا", 25),
    ("أصيب خمسة وعشرين شخصا", 25),
    ("قتل مئة شخص", 100),
    ("قتل مائة شخص", 100),
    ("قتل مئتا شخص", 200),
    ("أصيب مئتين وخمسين شخصا", 250),
    ("قتل ثلاثمئة شخص", 300),
    ("قتل ثلاث مئة شخص", 300),
    ("نزح ألف شخص", 1000),
    ("نزح ألفا شخص", 1000),
    ("نزح ألفين شخص", 2000),
    ("نزح ثلاثة آلاف وخمسمئة شخص", 3500),
    ("نزح خمسة وعشرون ألف شخص", 25000),
    ("نزح مليون شخص", 1000000),
    ("نزح مليون وثلاثمئة ألف شخص", 1300000),
    ("تضرر مليون ومئتا ألف شخص", 1200000),
    ("فر ألف وخمسمئة شخص", 1500),
    ("قتل واحد من المسلحين", 1),
])
def test_number_words(sentence, value):
    c = only(sentence)
    assert (c.low, c.best, c.high) == (value, value, value)


@pytest.mark.parametrize(("sentence", "noun"), [
    ("وقتل قتيلان في الهجوم", "قتيلان"),
    ("سقط قتيلين وثلاثة جرحى", "قتيلين"),
    ("وأصيب جريحان", "جريحان"),
    ("أصيب طفلان بجروح", "طفلان"),
    ("قتل طفلين في القصف", "طفلين"),
    ("قتل جنديان إسرائيليان", "جنديان"),
    ("قتل جنديين في الكمين", "جنديين"),
    ("أصيب مدنيان", "مدنيان"),
    ("قتل شخصان", "شخصان"),
    ("أصيب شخصين", "شخصين"),
    ("أصيب وطفلين", "طفلين"),
])
def test_duals_count_two(sentence, noun):
    found = counts(sentence)
    c = found[0]
    assert (c.best, c.noun, c.text) == (2, noun, noun)


def test_plural_in_ين_is_not_a_dual():
    assert counts("قتل مدنيين ومسلحين في الاشتباكات") == []


@pytest.mark.parametrize(("sentence", "value", "text"), [
    ("قتل عشرات المدنيين", 10, "عشرات المدنيين"),
    ("أصيب العشرات في الانفجار", 10, "العشرات"),
    ("اعتقلت الشرطة العشرات من المحتجين", 10, "العشرات من المحتجين"),
    ("نزح مئات الأشخاص", 100, "مئات الأشخاص"),
    ("فر آلاف المدنيين", 1000, "آلاف المدنيين"),
    ("نزح عشرات الآلاف من السكان", 10000, "عشرات الآلاف من السكان"),
    ("فر مئات الآلاف من دارفور", 100000, "مئات الآلاف"),
    ("نزح بضعة آلاف شخص", 1000, "بضعة آلاف شخص"),
    ("سجلت عشرات حالات الاختناق", 10, "عشرات حالات"),
])
def test_vague_quantities_are_coded_low(sentence, value, text):
    c = only(sentence)
    assert (c.low, c.best, c.high, c.text) == (value, value, None, text)


@pytest.mark.parametrize("sentence", [
    "انسحب المقاتلون من 6 أحياء في حلب",
    "شنت موسكو أكثر من 100 غارة على المنطقة",
    "أطلق الحوثيون 12 صاروخا باليستيا",
    "دمرت 5 دبابات",
    "قتل طفل يبلغ من العمر 12 عاما",
    "استمر الحصار 18 شهرا",
    "وقع الهجوم في 13 ديسمبر",
    "وقع الهجوم في ١٣ كانون الأول",
    "وقع الهجوم يوم 13/12/2016 عند الساعة 10:30",
    "في عام 2016 تغير الوضع",
    "حدث ذلك في 2016",
    "ارتفعت الأسعار 30% خلال شهر",
    "بلغت نسبة الإصابة 3.5 بالمئة",
    "تبلغ الكلفة 20 مليون دولار",
    "وفق القرار 2254 الصادر عن مجلس الأمن",
    "وصل الجولة الـ13 من المفاوضات",
    "يبعد المخيم 40 كيلومترا عن الحدود",
])
def test_numbers_that_count_no_one(sentence):
    assert counts(sentence) == []


def test_families_are_their_own_unit():
    c = only("نزحت 300 عائلة من مأرب")
    assert (c.best, c.unit, c.noun) == (300, "families", "عائلة")
    assert only("نزحت خمس أسر").unit == "families"
    assert only("قتل 5 أشخاص").unit == "people"


def test_partitive_noun_and_a_place_after_من():
    assert only("قتل 50 من المدنيين").noun == "المدنيين"
    c = only("نزح 500 من الحي الشرقي")
    assert (c.best, c.noun, c.text) == (500, None, "500")


def test_spans_map_back_through_diacritics_and_tatweel():
    sentence = "وَقُتِلَ نَحْوَ خَمْسَةَ عَشَرَ مَدَنِيًّا"
    c = only(sentence)
    assert c.best == 15
    assert c.text == "نَحْوَ خَمْسَةَ عَشَرَ مَدَنِيًّا"


def test_every_count_in_a_sentence_in_reading_order():
    found = counts("قتل 50 مدنيا على الأقل بينهم 11 طفلا، إلا أن مصادر تحدثت عن مقتل حوالي "
                   "80 شخصا وإصابة العشرات")
    assert [(c.text, c.best) for c in found] == [
        ("50 مدنيا على الأقل", 50), ("11 طفلا", 11), ("حوالي 80 شخصا", 80), ("العشرات", 10)]


def test_range_limits_search_to_the_given_span():
    text = "قتل 5 أشخاص. وأصيب 7 آخرون."
    doc = Doc.build(text)
    found = find_counts(doc, text.index("وأصيب"), len(text))
    assert [c.best for c in found] == [7]


@pytest.mark.parametrize(("sentence", "text"), [
    ("قدمت العلاج لإسرائيليَّين أصيبا بجروح", "إسرائيليَّين"),
    ("أسفر الانفجار عن استشهاد مواطنَين", "مواطنَين"),
    ("قُتِلَ جُنْدِيَّيْنِ فِي الكَمِين", "جُنْدِيَّيْنِ"),
])
def test_vowelled_text_shows_the_dual(sentence, text):
    c = only(sentence)
    assert (c.best, c.text) == (2, text)


@pytest.mark.parametrize("sentence", [
    "قُتِلَ مُوَاطِنِينَ كَثِيرُونَ",  # kasra: a plural
    "نقلت الطواقم المصابَين إلى المستشفى",  # definite: the two already counted
    "شيع المئات جثماني المتظاهرَين",
])
def test_no_dual(sentence):
    assert all(c.best != 2 for c in counts(sentence))


def test_definite_number_after_a_definite_noun():
    c = only("وقتلت قوات الأمن المهاجمين الخمسة")
    assert (c.best, c.text, c.noun) == (5, "المهاجمين الخمسة", "المهاجمين")
    assert counts("وقع الهجوم يوم الاثنين") == []
    c = only("وقال إن الضحايا الثلاثة عشر قضوا في حقولهم")
    assert (c.best, c.text) == (13, "الضحايا الثلاثة عشر")


def test_one_as_an_adjective_is_not_a_count():
    assert counts("إن جنوب السودان لم يعد شعبا واحدا") == []
    assert only("قتل واحد من المسلحين").best == 1


@pytest.mark.parametrize("sentence", [
    "ظل هناك حتى توفي 1940 م عن عمر يناهز الثمانين",
    "يشهد السودان منذ منتصف أبريل (نيسان) 2023 حربا مدمرة",
    "قتل الإمام علي في 21 من رمضان",
    "الجندي الذي أسر في الـ 25 من الشهر ذاته",
    "تراجعت قيمة الليرة بأكثر من 30 في المئة",
    "معجم الأسر الدمشقية صـ 32",
    "بكلفة تقدر بنحو خمسة مليارات دولار",
    "قانون 2012 الصادر عن البرلمان",
])
def test_more_numbers_that_count_no_one(sentence):
    assert counts(sentence) == []


@pytest.mark.parametrize(("sentence", "text", "best"), [
    ("نقلت الطواقم جثث 19 شخصاً وأكثر من 30 جريحاً", "أكثر من 30 جريحاً", 30),
    ("قدرت عدد العائلات بأكثر من 12 ألف عائلة", "أكثر من 12 ألف عائلة", 12000),
    ("قُتل متظاهران اثنان في الناصرية", "متظاهران اثنان", 2),
    ("أودى الانفجار بحياة ثمانية أشخاص وإصابة 20 بجروح", "20", 20),
    ("نقلت القناة 13 العبرية الخبر", "13", 13),
])
def test_phrase_edges(sentence, text, best):
    c = counts(sentence)[-1]
    assert (c.text, c.best) == (text, best)


@pytest.mark.parametrize(("text", "value", "vague", "covered"), [
    ("خمسة وعشرين", 25, False, 2),
    ("ثلاثة آلاف", 3000, False, 2),
    ("أحد عشر", 11, False, 2),
    ("ثلاث مئة", 300, False, 2),
    ("عشرات الآلاف", 10000, True, 2),
    ("قتيلان", 2, False, 1),
    ("1,200", 1200, False, 1),
])
def test_number_at_reads_the_number_alone(text, value, vague, covered):
    """numbers.number_at: the number by itself, before counts.py grows it into a phrase."""
    ws = words(Doc.build(text), 0, len(text))
    core = number_at(ws, 0)
    assert core is not None
    assert (core.value, core.vague, core.stop - core.first) == (value, vague, covered)
    assert starts_number(ws, 0)


def test_number_at_refuses_plain_words():
    ws = words(Doc.build("قال المتحدث"), 0, len("قال المتحدث"))
    assert number_at(ws, 0) is None and not starts_number(ws, 1)


def test_digits_after_a_scale_and_و_add_below_that_scale():
    found = only("وأضاف أن 58 ألفاً و362 شخصاً نزحوا عن منازلهم")
    assert (found.text, found.best) == ("58 ألفاً و362 شخصاً", 58362)
    assert only("نزح 1 مليون و200 ألف شخص").best == 1200000
    # a figure that has its noun before و is whole; a second scale is a figure of its own
    assert [c.best for c in counts("قتل 5 آلاف شخص و300 آخرون")] == [5000, 300]
    assert [c.best for c in counts("نزح 40 ألفاً و30 ألفاً في درنة")] == [40000, 30000]


def test_a_count_after_a_date_is_a_count_when_its_noun_says_so():
    found = counts("بلغ عدد الحالات حتى 17 نيسان/أبريل 1855 حالة، وفي 12 ديسمبر 2016 قُتل 20.")
    assert [(c.text, c.best) for c in found] == [("1855 حالة", 1855), ("20", 20)]
