"""Attributions: who reported a fact, the name copied as written, the nearest one to the fact."""

import pytest

from agent.extract.sources import find_source, name_after, sources_in
from agent.text.doc import Doc

FOUNDING = (
    "وقتل 50 مدنيا على الأقل بينهم 11 طفلا، أمس، جراء غارات لم يعرف إذا كانت سورية ام روسية "
    "استهدفت بلدات عدة تحت سيطرة الجهاديين في محافظة حماة بوسط سورية، وفق ما أعلن المرصد السوري "
    "لحقوق الإنسان، إلا أن مصادر أخرى تحدثت عن مقتل حوالي 80 شخصا."
)


def source(sentence: str) -> str | None:
    found = find_source(Doc.build(sentence), 0, len(sentence))
    if found is None:
        return None
    name, where = found
    assert sentence[where.start:where.end] == where.text
    return name


@pytest.mark.parametrize(("sentence", "name"), [
    ("قتل 12 مدنيا في صعدة، بحسب ما أفادت مصادر طبية.", "مصادر طبية"),
    ("وبحسب وزارة الصحة في غزة، ارتفع عدد القتلى إلى 200.", "وزارة الصحة في غزة"),
    ("وأفادت مصادر طبية بأن 12 شخصا قتلوا.", "مصادر طبية"),
    ("قتل 3 جنود، وفقاً لوزارة الدفاع التركية.", "وزارة الدفاع التركية"),
    ("قتل 3 جنود، وفقا للجيش الإسرائيلي.", "الجيش الإسرائيلي"),
    ("نقلا عن شهود عيان، قتل 5 أشخاص في الرمادي.", "شهود عيان"),
    ("وقالت، أمس، منظمة أطباء بلا حدود إن المستشفى تعرض للقصف.", "منظمة أطباء بلا حدود"),
    ("أعلن الجيش العراقي مقتل 20 مسلحا في الأنبار.", "الجيش العراقي"),
    ("وذكرت وكالة الأنباء السعودية (واس) أن الحوثيين أطلقوا صاروخا.",
     "وكالة الأنباء السعودية"),
    ("حسبما أفادت الأمم المتحدة في بيان، نزح 500 ألف شخص.", "الأمم المتحدة"),
    ("وقال مسؤول محلي لوكالة فرانس برس إن الغارات استهدفت سوقا.", "مسؤول محلي"),
    ("قتل 4 أشخاص بحسب ما ذكر التلفزيون الرسمي.", "التلفزيون الرسمي"),
    ("نزح 130 ألف مدني، حسبما ذكرت روسيا أمس.", "روسيا"),
    ("قال المرصد في بيان إن خمسة قتلوا.", "المرصد"),
    ("وَقَالَتْ وِزَارَةُ الصِّحَّةِ إِنَّ 30 شخصا قُتلوا.", "وِزَارَةُ الصِّحَّةِ"),
])
def test_attribution_forms(sentence, name):
    assert source(sentence) == name


@pytest.mark.parametrize("sentence", [
    "وقال إن الوضع خطير.",
    "قتل 5 أشخاص وأصيب 10 آخرون في انفجار.",
    "وأعلن مقتل 3 جنود.",
])
def test_no_named_source(sentence):
    assert source(sentence) is None


def test_a_figure_verb_with_no_figure_in_its_clause_names_no_source():
    """«رفعت فرقها الأنقاض» lifted the rubble (round 36, the Sidoarjo collapse, made «فرقها
    الأنقاض بالكامل ولم تعثر تحتها» the source of every toll); «أحصت» with a long name before
    its figure, and «رفعت … عدد القتلى», still give one."""
    lifted = ("وأعلنت الوكالة ختام البحث بعد أن رفعت فرقها الأنقاض بالكامل ولم تعثر تحتها على "
              "ضحايا آخرين. واستقرت الحصيلة عند 67 قتيلاً.")
    assert not any("فرقها" in name for name, _ in sources_in(Doc.build(lifted), 0, len(lifted)))
    assert source("وأحصت المديرية العامة للحماية المدنية والمساعدات الإنسانية التابعة للمفوضية "
                  "الأوروبية 549 حالة مشتبهاً بها.") == (
        "المديرية العامة للحماية المدنية والمساعدات الإنسانية التابعة للمفوضية الأوروبية")
    assert source("ورفعت وسائل إعلام محلية عدد القتلى إلى 21.") == "وسائل إعلام محلية"


def test_two_sources_in_one_sentence_each_near_its_figure():
    doc = Doc.build(FOUNDING)
    names = [name for name, _ in sources_in(doc, 0, len(FOUNDING))]
    assert names == ["المرصد السوري لحقوق الإنسان", "مصادر أخرى"]
    near_80 = FOUNDING.index("80")
    assert find_source(doc, 0, len(FOUNDING), near=near_80)[0] == "مصادر أخرى"
    assert find_source(doc, 0, len(FOUNDING), near=FOUNDING.index("50"))[0] == \
        "المرصد السوري لحقوق الإنسان"


def test_name_after_a_cue():
    text = "استشهد شاب برصاص قوات الاحتلال الإسرائيلي في جنين"
    at = text.index("قوات")
    name, where = name_after(Doc.build(text), at, len(text))
    assert name == "قوات الاحتلال الإسرائيلي" == where.text


@pytest.mark.parametrize(("sentence", "name"), [
    # relayed reports: the original source after عن
    ("أسفرت عن مقتل ١١ شخصاً، بحسب ما نقلته وكالة رويترز عن شهود.", "شهود"),
    ("قتل جنديان، بحسب ما نقلته وكالة الأنباء الصومالية الرسمية (صونا) عن قائد عسكري محلي.",
     "قائد عسكري محلي"),
    # the person named beside a post
    ("وقال المتحدث باسم الوزارة، مدحت الأسطل، إن طفلاً استشهد.",
     "المتحدث باسم الوزارة، مدحت الأسطل"),
    # figures belong to who compiled them
    ("قتل 23 مدنياً، وفق حصيلة للمرصد السوري لحقوق الإنسان.", "المرصد السوري لحقوق الإنسان"),
    ("أسفرت عن مقتل عشرات الآلاف، وفق أرقام الأمم المتحدة.", "الأمم المتحدة"),
    ("بحسب حصيلة غير نهائية أعلنها مركز طب الطوارئ والدعم.", "مركز طب الطوارئ والدعم"),
    # a figure's qualifiers are not its source
    ("غرق 12 مهاجراً، بحسب أحدث حصيلة لخفر السواحل التونسي.", "خفر السواحل التونسي"),
    ("قتل 9 أشخاص، بحسب آخر حصيلة أعلنتها هيئة الإسعاف.", "هيئة الإسعاف"),
    ("أصيب 40 شخصاً، وفق الأرقام الرسمية الصادرة عن وزارة الصحة.", "وزارة الصحة"),
    ("نزح ألف شخص، حسب تقديرات أولية للمنظمة الدولية للهجرة.", "المنظمة الدولية للهجرة"),
    # a place or a body after في
    ("بحسب ما أفاد مصدر في الشرطة العراقية.", "مصدر في الشرطة العراقية"),
    ("بحسب ما أفادت تنسيقية لجان المقاومة في الفاشر، التي اتهمت قوات الدعم السريع.",
     "تنسيقية لجان المقاومة في الفاشر"),
    ("وقال الجيش في المنطقة إن الهجوم صُد.", "الجيش"),
    # the name ends at a verb, a casualty word or a number
    ("وقال المتحدث زماراي بشاري قتل اثنا عشر شخصا.", "المتحدث زماراي بشاري"),
    ("وفق ما أفاد مصدر عسكري اتهم الحوثيين بزرع الألغام.", "مصدر عسكري"),
    ("أعلنت المنظمة الدولية للهجرة انتشال جثث خمسة مهاجرين.", "المنظمة الدولية للهجرة"),
    # a report that came from a body ("صادر عن"), and what a body had broadcast ("قد بث")
    ("فبحسب تقرير صادر عن الاتحاد الدولي لجمعيات الصليب الأحمر، أودى التفشي بحياة 67 شخصاً.",
     "الاتحاد الدولي لجمعيات الصليب الأحمر"),
    ("وكان التلفزيون الرسمي (أو.آر.تي.إم) قد بث أمس حصيلة أولية بلغت 136 قتيلاً.",
     "التلفزيون الرسمي"),
    # a time word after the verb, no comma: who announced is named before it
    ("وأعلن آنذاك حصيلة أولية بلغت 162 قتيلاً.", None),
    ("وأعلنت أمس وزارة الصحة ارتفاع الحصيلة إلى 40 قتيلاً.", "وزارة الصحة"),
])
def test_harder_attributions(sentence, name):
    assert source(sentence) == name


def test_a_verbal_noun_is_not_a_relaying_verb():
    assert source("استقبل المستشفى جثث ١٢ شخصاً، مرجحاً نقل مصابين آخرين.") is None


def test_a_body_named_again_by_its_head_gets_its_earlier_full_name():
    text = ("وأفادت المنظمة الدولية للهجرة بأن 7500 أسرة فرت. "
            "ولفتت المنظمة إلى أن فرقها رصدت فرار 15 ألف شخص.")
    doc = Doc.build(text)
    second = text.index("ولفتت")
    name, where = find_source(doc, second, len(text))
    assert name == "المنظمة الدولية للهجرة"
    assert where.text == "المنظمة" and where.start > second
    assert source("ولفتت المنظمة إلى أن فرقها رصدت فرار 15 ألف شخص.") == "المنظمة"


@pytest.mark.parametrize(("text", "later", "name"), [
    ("وبحسب منظمة الصحة العالمية، بلغت الحصيلة 6056 إصابة. وسجلت منطقة نخوتاكوتا 811 إصابة بحسب "
     "المنظمة الأممية.", "وسجلت", "منظمة الصحة العالمية"),
    ("قُتل ستة من العاملين لدى اللجنة الدولية للصليب الأحمر، في هجوم على قافلة للجنة في ولاية "
     "جوزجان. وأكدت اللجنة الدولية مقتل ستة من موظفيها.", "وأكدت", "اللجنة الدولية للصليب الأحمر"),
])
def test_a_body_named_again_as_of_the_un_gets_the_full_name_that_says_so(
        text: str, later: str, name: str) -> None:
    doc = Doc.build(text)
    assert find_source(doc, text.index(later), len(text))[0] == name


@pytest.mark.parametrize(("sentence", "name"), [
    ("غير أن خلية الإعلام الأمني، التابعة لقيادة العمليات المشتركة، قالت في بيان إن عبوة انفجرت.",
     "خلية الإعلام الأمني"),
    ("وهو ما نفته قوات حكومة الوفاق، التي أكدت في بيان أنها صدت الهجوم.", "قوات حكومة الوفاق"),
    ("وكانت القيادة الأمريكية في أفريقيا (أفريكوم) قد أعلنت أنها نفذت غارة.",
     "القيادة الأمريكية في أفريقيا"),
])
def test_a_subject_named_before_its_verb(sentence, name):
    assert source(sentence) == name


def test_a_verb_with_its_own_و_starts_a_new_clause():
    assert source("قتل 5 أشخاص في حلب، وقالت إن الوضع خطير.") is None


@pytest.mark.parametrize(("sentence", "name"), [
    # counting verbs: not statements, but their subject gives the figure
    ("وقدّرت منظمة حقوقية محلية عدد القتلى بثلاثين على الأقل.", "منظمة حقوقية محلية"),
    ("ورفعت وسائل إعلام أخرى عدد القتلى إلى 21.", "وسائل إعلام أخرى"),
    # only a relaying verb hands the figure on to the one after عن
    ("وأعلنت الكويت عن رصد حالتي إصابة بالفيروس.", "الكويت"),
    ("أفادت منظمة الصحة العالمية في أحدث تقرير لها عن الوضع بأن 1227 حالة سجلت.",
     "منظمة الصحة العالمية"),
    # a name in guillemets after its head, and the topic of أما … فـ
    ("ونقلت منصة «دارفور24» عن شهود أن نحو مئة شخص أصيبوا.", "شهود"),
    ("وقالت منصة «دارفور24» إن نحو مئة شخص أصيبوا.", "منصة «دارفور24»"),
    ("أما جمعية «تابيتال بولاكو» المدافعة عن الفولاني فتحدثت عن أكثر من 170 قتيلاً.",
     "جمعية «تابيتال بولاكو» المدافعة"),
    # a noun of saying owned by the source
    ("وأضاف أن حديث أوكامبو عن وفاة 5 آلاف شخص غير صحيح.", "أوكامبو"),
    # a document put out by the source: its figures and the verb that put it out are skipped
    ("لقي 20 شخصاً مصرعهم، وفق تحديث للحصيلة نشرته محافظة الدقهلية على صفحتها الرسمية.",
     "محافظة الدقهلية"),
    ("وبحسب إحصائية نشرها الدفاع المدني أمس، سجلت جنديرس 513 وفاة.", "الدفاع المدني"),
    ("وبحسب تقرير لمنظمة العفو الدولية، قُتل 30 شخصاً.", "منظمة العفو الدولية"),
    # a document with nothing after it that puts it out is the source as written
    ("وأشار تقرير أمني داخلي إلى إصابة خمسة جنود.", "تقرير أمني داخلي"),
    # a named spokesman after a long title is the source, his name included
    ("وقال المتحدث باسم وزارة إدارة الكوارث في سلطات الأمر الواقع ملا جانان صائق إن 2053 "
     "شخصاً قُتلوا.", "المتحدث باسم وزارة إدارة الكوارث في سلطات الأمر الواقع ملا جانان صائق"),
])
def test_sources_of_figures(sentence, name):
    assert source(sentence) == name


@pytest.mark.parametrize(("sentence", "name"), [
    # a time adverb ends the name; a count's own modifier is no name
    ("وأعلنت شرطة المحافظة آنذاك مقتل 12 شخصاً.", "شرطة المحافظة"),
    ("وقال إن أحد الشهود أحصى أكثر من 30 جثة.", None),
    # the pronoun a verb takes with its preposition is not the start of the name
    ("قُتل 70 شخصاً على الأقل، وفق ما أفاد به مسؤول محلي.", "مسؤول محلي"),
    # 'survived' ends the name as the other casualty verbs do: a teacher who survived
    ("خطف مسلحون 287 تلميذاً، وفق حصيلة عرضها معلم نجا من الهجوم.", "معلم"),
    # a body's name goes on over على after a noun that takes it, and stops before «أمام»
    ("وقال رئيس الهيئة المستقلة للرقابة على أداء الشرطة أحمد عيسى حسن أمام البرلمان إن 20 "
     "شخصاً لقوا حتفهم في الحجز.", "رئيس الهيئة المستقلة للرقابة على أداء الشرطة أحمد عيسى حسن"),
])
def test_words_that_are_no_name(sentence, name):
    assert source(sentence) == name


def test_a_verbal_noun_after_a_preposition_gives_no_figure():
    sentence = ("وأعلن قائد الجيش الجنرال دودونغ عبد الرحمن، الذي يشرف على مشاركة الجنود في رفع "
                "الأنقاض، انتشال 14 جثة.")
    doc = Doc.build(sentence)
    near = find_source(doc, 0, len(sentence), near=sentence.index("14"))
    assert near is not None and near[0] == "قائد الجيش الجنرال دودونغ عبد الرحمن"


def test_a_source_in_a_clause_of_what_came_before_gives_that_clause_figure():
    text = ("أعلنت وزيرة الصحة هالة زايد أن التصادم أسفر عن وفاة 19 شخصاً، بعدما كانت وزارتها قد "
            "أعلنت أمس مقتل 32 مواطناً، بحسب بيان.")
    doc = Doc.build(text)
    assert find_source(doc, 0, len(text), near=text.index("19"))[0] == "وزيرة الصحة هالة زايد"
    # without a reporting verb of its own, the clause leaves a closing "بحسب" to every figure
    text = ("لقي خمسة أشخاص حتفهم بعدما ضرب الإعصار الجزيرة ليل الأربعاء، قبل أن يواصل طريقه، "
            "بحسب ما أفاد سكان ومصادر طبية.")
    doc = Doc.build(text)
    assert find_source(doc, 0, len(text), near=text.index("خمسة"))[0] == "سكان ومصادر طبية"
