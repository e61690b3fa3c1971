"""Casualty reports by rule: the casualty word that governs each number decides the category;
sources, victims, breakdowns and causes are copied from the sentence; every span verifies."""

from datetime import date
from pathlib import Path

import pytest

from agent.extract import governing
from agent.extract.casualties import find_casualties
from agent.extract.casualty_context import place_and_date
from agent.extract.numbers import words
from agent.model.llm import FakeLLM
from agent.text.doc import Doc
from schemas import CasualtyCategory, CasualtyReport

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"


def reports(text: str, llm=None) -> list[CasualtyReport]:
    found = find_casualties(Doc.build(text), llm)
    for r in found:
        assert r.id == ""
        for s in r.evidence:
            assert text[s.start:s.end] == s.text
        assert r.count_text in text
    return found


def summary(r: CasualtyReport) -> tuple:
    return r.category.value, r.count_low, r.count_best, r.count_high


def test_founding_article():
    text = SEED.read_text(encoding="utf-8")
    found = reports(text)
    assert [(summary(r), r.reported_by) for r in found] == [
        (("displaced", None, 130000, None), "روسيا"),
        (("killed", 50, 50, None), "المرصد السوري لحقوق الإنسان"),
        (("killed", None, 80, None), "مصادر أخرى"),
        # suffocation cases are people hurt (tests/truth/GUIDE.md), not merely "affected";
        # "وأشار المرصد" names the observatory by the full name the article gave it before
        (("injured", 10, 10, None), "المرصد السوري لحقوق الإنسان"),
    ]
    displaced, killed_50, killed_80, suffocated = found
    assert displaced.count_text == "نحو 130 ألف مدني"
    assert displaced.victims.value == "civilians"
    assert killed_50.evidence[0].text == "وقتل 50 مدنيا على الأقل بينهم 11 طفلا"
    assert killed_50.count_text == "50 مدنيا على الأقل"
    assert killed_50.victim_detail == "بينهم 11 طفلا"
    assert killed_50.victims.value == "civilians"
    assert killed_50.cause == "غارات"
    assert killed_80.count_text == "حوالي 80 شخصا"
    assert killed_80.evidence[0].text == "مقتل حوالي 80 شخصا"
    assert suffocated.evidence[0].text == "عشرات حالات الاختناق"
    # "6 أحياء" and "أكثر من 100 غارة" are not casualties
    assert all(r.count_best not in (6, 100) for r in found)


@pytest.mark.parametrize(("sentence", "expected"), [
    # Yemen: Eastern digits, diacritics, killed and injured in one sentence
    ("قُتِلَ ١٢ مدنياً وأُصيب ٣٠ آخرون بجروح في غارة جوية استهدفت سوقاً شعبياً في محافظة صعدة، "
     "بحسب ما أفادت مصادر طبية.",
     [("killed", 12, 12, 12), ("injured", 30, 30, 30)]),
    # Iraq: the casualty word after the number, number words
    ("لقي سبعة أشخاص حتفهم وأصيب خمسة عشر آخرون في انفجار سيارة مفخخة ببغداد.",
     [("killed", 7, 7, 7), ("injured", 15, 15, 15)]),
    # Sudan: displacement with a scale word and "more than"
    ("نزح أكثر من 25 ألف شخص من مدينة الفاشر خلال الأسبوع الماضي.",
     [("displaced", 25000, 25000, None)]),
    ("وقالت الأمم المتحدة إن مئات الآلاف فروا من منازلهم في دارفور.",
     [("displaced", 100000, 100000, None)]),
    # duals
    ("قتل جنديان وأصيب ثلاثة آخرون برصاص قناص في محافظة الأنبار.",
     [("killed", 2, 2, 2), ("injured", 3, 3, 3)]),
    ("وأصيب طفلان بجروح خطيرة، فيما قتل 6 أشخاص في الحادث.",
     [("injured", 2, 2, 2), ("killed", 6, 6, 6)]),
    # the counted noun is itself the casualty word
    ("وارتفعت حصيلة ضحايا الزلزال إلى 2500 قتيل و٤ آلاف جريح.",
     [("killed", 2500, 2500, 2500), ("injured", 4000, 4000, 4000)]),
    # Gaza: range, vague counts, detention, families
    ("أسفر القصف عن مقتل ما بين 30 و35 شخصا، بينهم أطفال ونساء.", [("killed", 30, 30, 35)]),
    ("اعتقلت قوات الاحتلال العشرات من الفلسطينيين في الضفة الغربية.",
     [("detained", 10, 10, None)]),
    ("وتضررت 300 عائلة جراء السيول في مأرب.", [("affected", 300, 300, 300)]),
    ("وفقد 20 شخصا بعد غرق قارب قبالة سواحل ليبيا.", [("missing", 20, 20, 20)]),
    ("وفقد 3 أشخاص حياتهم في الحريق.", [("killed", 3, 3, 3)]),
    # one verb, two coordinated figures
    ("أفاد المرصد بمقتل 15 مقاتلا من الفصائل و10 من عناصر قوات النظام.",
     [("killed", 15, 15, 15), ("killed", 10, 10, 10)]),
    # a list of places, each with its figure, going on with و or with ف and a designator
    ("ثم مدينة سلقين بـ221 وفاة، فبلدة أرمناز بـ155، ومدينة الأتارب بـ150.",
     [("killed", 221, 221, 221), ("killed", 155, 155, 155), ("killed", 150, 150, 150)]),
    # the displaced named as victims: the verb says what happened to them
    ("وقُتل 60 نازحاً على الأقل في هجوم شنته ميليشيا على المخيم ليلاً.",
     [("killed", 60, 60, None)]),
    ("وأصيب 12 لاجئاً بحروق في الحريق الذي اندلع في المخيم.", [("injured", 12, 12, 12)]),
    ("ونزح 500 لاجئ إضافي إلى المخيم خلال الأسبوع.", [("displaced", 500, 500, 500)]),
    ("وتحدثت السلطات في البداية عن 14 مخطوفاً من عناصر الأمن.", [("detained", 14, 14, 14)]),
    # patients are injured, unless the verb after them says they died
    ("وقال وزير الصحة إن ثمانية مرضى قضوا في الحريق نفسه.", [("killed", 8, 8, 8)]),
    # rescuers counted are no one rescued; those they pull out are
    ("وشارك في البحث نحو 900 من عناصر الإنقاذ، وأنقذ رجال الإنقاذ 30 شخصاً من تحت الأنقاض.",
     [("rescued", 30, 30, 30)]),
    # lives lost are the dead, not the missing
    ("أعلن رئيس الأركان أن «أربعة أرواح بشرية فُقدت» في محاولة الانقلاب.",
     [("killed", 4, 4, 4)]),
    # people in a critical condition are hurt, not cases of a disease
    ("أُعلنت وفاة عشرة أشخاص، وسبعة آخرون في حالة حرجة.",
     [("killed", 10, 10, 10), ("injured", 7, 7, 7)]),
    # at least / about, and a date that is not a count
    ("وأدت الغارات إلى مقتل ١٥٠ شخصاً على الأقل وإصابة نحو ٤٠٠ آخرين في ١٣ كانون الأول.",
     [("killed", 150, 150, None), ("injured", None, 400, None)]),
])
def test_category_follows_the_governing_word(sentence, expected):
    assert [summary(r) for r in reports(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "لم يسفر الهجوم عن وقوع إصابات، بحسب الجيش.",
    "ونفى الجيش مقتل 20 مدنيا في القصف.",
    "لم يقتل أي من الركاب الـ40 في الحادث.",
    "شنت الطائرات أكثر من 100 غارة على 6 أحياء.",
    "وأمرت السلطات بإخلاء ست تجمعات سكنية قرب البركان.",  # communities, not people
    "وبلغ عمر الضحية 18 عاما.",
    "اجتمع 40 وزيرا في الرياض لبحث الأزمة.",
    "وصل 3 آلاف زائر إلى المدينة.",
])
def test_no_report(sentence):
    assert reports(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("وأكد أن 33 شخصاً على الأقل ما زالوا في عداد المفقودين.", [("missing", 33, 33, None)]),
    ("وقال إن خمسة أجانب ما زالوا في عداد المفقودين.", [("missing", 5, 5, 5)]),
    # a state after "still" is no count of cases
    ("وأضاف أن الجرحى، الذين تخطى عددهم خمسة آلاف، ما زالوا في حالة حرجة.", []),
])
def test_still_reaches_the_state_of_the_count_before(sentence, expected):
    assert [summary(r) for r in reports(sentence)] == expected


def test_still_missing_is_not_a_negation():
    found = reports("ولا يزال 5 صيادين مفقودين بعد العاصفة.")
    assert [summary(r) for r in found] == [("missing", 5, 5, 5)]


def test_breakdown_is_detail_not_its_own_report():
    found = reports("قتل 20 شخصا بينهم 5 جنود و7 مسلحين في اشتباكات بريف إدلب.")
    assert len(found) == 1
    r = found[0]
    assert summary(r) == ("killed", 20, 20, 20)
    assert r.victim_detail == "بينهم 5 جنود و7 مسلحين"
    assert r.victims.value == "mixed"
    assert r.cause == "اشتباكات"


def test_each_figure_keeps_its_own_breakdown() -> None:
    found = reports("أسفر القصف عن مقتل 19 مدنياً بينهم تسعة أطفال، وإصابة 74 آخرين بينهم 12 "
                    "طفلاً.")
    assert [(summary(r), r.victim_detail) for r in found] == [
        (("killed", 19, 19, 19), "بينهم تسعة أطفال"), (("injured", 74, 74, 74), "بينهم 12 طفلاً")]
    # "منهم" after a count is a part of the figure before: no report of its own
    assert [summary(r) for r in reports("أصيب 46 شخصا، نقل 19 منهم إلى المستشفيات.")] == [
        ("injured", 46, 46, 46)]


@pytest.mark.parametrize(("text", "expected", "detail"), [
    # a breakdown carried on past a comma by "إضافة إلى"
    ("وأفاد دبلوماسيون بأن 1081 حاجاً على الأقل لقوا حتفهم، بينهم أكثر من 650 مصرياً، إضافة "
     "إلى 98 هندياً و60 أردنياً.", [("killed", 1081, 1081, None)],
     "بينهم أكثر من 650 مصرياً، إضافة إلى 98 هندياً و60 أردنياً"),
    # "القتلى هم …", "قائمة القتلى والجرحى تضم …": who the people counted elsewhere were
    ("قُتل ثلاثة بحارة. وأوضحت الشركة أن القتلى هم اثنان من الفلبين وواحد من فيتنام.",
     [("killed", 3, 3, 3)], None),
    ("قتل 39 مهاجراً. وقالت النيابة إن قائمة القتلى والجرحى تضم 28 غواتيمالياً و13 "
     "هندوراسياً.", [("killed", 39, 39, 39)], None),
])
def test_who_the_victims_were_is_no_report(text, expected, detail):
    found = reports(text)
    assert [summary(r) for r in found] == expected
    assert found[0].victim_detail == detail


@pytest.mark.parametrize(("text", "expected"), [
    # a part in another category than its whole is a report of its own
    ("نزح 50 ألف شخص، بينهم 3 آلاف طفل معرضون لسوء التغذية.",
     [("displaced", 50000, 50000, 50000), ("affected", 3000, 3000, 3000)]),
    # in the whole's category, or in a condition, it says who the victims were
    ("أصيب 20 شخصاً، ثلاثة منهم في حالة حرجة.", [("injured", 20, 20, 20)]),
])
def test_a_part_in_a_state_of_its_own(text, expected):
    assert [summary(r) for r in reports(text)] == expected


def test_others_take_the_victims_of_the_figure_before_and_the_displaced_are_civilians():
    found = reports("قتل 12 مدنيا وأصيب 30 آخرون في القصف.")
    assert [r.victims.value for r in found] == ["civilians", "civilians"]
    found = reports("نزح 300 شخص من القرية، وتضررت 50 عائلة.")
    assert [r.victims.value for r in found] == ["civilians", "civilians"]
    assert reports("قتل 4 جنود وأصيب 3 آخرون.")[1].victims.value == "security_forces"


@pytest.mark.parametrize(("sentence", "victims"), [
    ("قتل 12 مدنيا في القصف.", "civilians"),
    ("قتل 50 قتيلا من المدنيين في الهجوم.", "civilians"),
    ("قتل 5 أطفال في الغارة.", "civilians"),
    ("قتل 25 مسلحا في اشتباكات.", "combatants"),
    ("قتل 4 عناصر من قوات الأمن في هجوم.", "security_forces"),
    ("قتل 3 جنود في كمين.", "security_forces"),
    ("وأضاف الوزير أن 95 حاجاً ما زالوا يتلقون العلاج.", "civilians"),
    ("أصيب 10 أشخاص في الانفجار.", "unknown"),
])
def test_victims(sentence, victims):
    assert reports(sentence)[0].victims.value == victims


def test_conflicting_sources_stay_separate():
    found = reports("قتل 3500 شخص في المعارك وفق الحكومة، في حين قالت منظمات حقوقية إن مقتل "
                    "5 آلاف شخص موثق.")
    assert [(r.count_best, r.reported_by) for r in found] == [
        (3500, "الحكومة"), (5000, "منظمات حقوقية")]


def test_a_source_named_before_a_contrast_carries_over():
    found = reports("قتل 50 شخصا وفق المرصد، فيما أصيب 20 آخرون.")
    assert [r.reported_by for r in found] == ["المرصد", "المرصد"]


def test_perpetrator_and_cause_as_written():
    found = reports("استشهد 3 فلسطينيين برصاص قوات الاحتلال الإسرائيلي في جنين، وفق وزارة "
                    "الصحة الفلسطينية.")
    assert len(found) == 1
    r = found[0]
    assert (r.perpetrator, r.cause, r.reported_by) == (
        "قوات الاحتلال الإسرائيلي", "رصاص", "وزارة الصحة الفلسطينية")
    found = reports("قتل 4 عناصر من قوات الأمن في هجوم شنه مسلحون على حاجز في سيناء.")
    assert found[0].perpetrator == "مسلحون"


def test_the_model_is_not_consulted():
    # measured: the default model labels ungoverned numbers worse than leaving them out
    llm = FakeLLM()
    found = reports("قتل 5 أشخاص. وتجمع 300 شخص أمام المستشفى.", llm)
    assert llm.calls == []
    assert [summary(r) for r in found] == [("killed", 5, 5, 5)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("أدت قذيفة هاون إلى مقتل امرأة وإصابة طفلين لها.", [("killed", 1, 1, 1),
                                                          ("injured", 2, 2, 2)]),
    ("فيما أصيب ضابط ومجند بجروح طفيفة.", [("injured", 2, 2, 2)]),
    ("قُتل ثلاثة أشخاص وأصيب رابع في اشتباكات قبلية.", [("killed", 3, 3, 3),
                                                         ("injured", 1, 1, 1)]),
    ("وقتل أيضا شخصان وأصيب آخران برصاص مسلحين.", [("killed", 2, 2, 2), ("injured", 2, 2, 2)]),
    ("وقال المسؤول إن بين القتلى طفلا وامرأتين.", []),
    # one named person: a definite noun, its adjectives, then the name
    ("واعتُقل الصحافي خالد داود في القاهرة.", [("detained", 1, 1, 1)]),
    ("وقُتل الجندي محمد الأحمد برصاص قناص.", [("killed", 1, 1, 1)]),
    ("اندلعت الاحتجاجات بعد وفاة الشابة الكردية مهسا أميني.", [("killed", 1, 1, 1)]),
    # without a name the person may be one a figure counted; a body recovered is one of a toll
    ("وأصيب الشاب بجروح طفيفة.", []),
    ("وانتشلت فرق الإنقاذ جثة الطفل عبد الله محفوظ.", []),
])
def test_single_people_and_the_word_before_wins(sentence, expected):
    assert [summary(r) for r in reports(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the casualty word after the number, across a parenthesis
    ("وأرغمت الحرب نحو 15 مليون شخص (أكثر من 10 % من السكان) على ترك ديارهم.",
     [("displaced", None, 15000000, None)]),
    ("ما اضطر ما لا يقل عن 60 عائلة إلى مغادرة منازلها.", [("displaced", 60, 60, None)]),
    ("بات مخيم الأمم المتحدة يأوي 40 ألف شخص.", [("displaced", 40000, 40000, 40000)]),
    ("يعاني 2 مليون طفل من سوء التغذية في اليمن.", [("affected", 2000000, 2000000, 2000000)]),
    # at risk or in need of aid
    ("ويحتاج قرابة 42200 شخص إلى مساعدات إنسانية.", [("affected", None, 42200, None)]),
    ("وحذرت المنظمة من أن 700 ألف طفل في السودان مهددون بالموت.",
     [("affected", 700000, 700000, 700000)]),
    ("وحذر المكتب من أن نحو 800 ألف مدني محاصرون في الفاشر.",
     [("affected", None, 800000, None)]),
    # a quote opening at the number does not cut it from its verb
    ("زاعمة أن مقاتليها قتلوا «أكثر من ٣٠ من المرتدين».", [("killed", 30, 30, None)]),
    ("اغتال مسلحون مجهولون 3 ناشطين في كربلاء.", [("killed", 3, 3, 3)]),
    # a part of a figure already reported, and words too far to govern
    ("أصيب 46 شخصاً بجروح، نُقل 19 منهم إلى المستشفيات.", [("injured", 46, 46, 46)]),
    ("سيحضر وكلاء الدفاع عن ضحايا الأنفال من أصل أربعين محاميا.", []),
    ("فقد أوكلت الإدارة المؤقتة أمواله إلى شخصين.", []),
    ("وقال الشهود إن الاشتباكات «قتلت الكثيرين» في المدينة التي يسكنها 40 ألفا.", []),
])
def test_more_governing(sentence, expected):
    assert [summary(r) for r in reports(sentence)] == expected


def test_a_headline_figure_told_again_is_one_report():
    text = ("اليمن: ١٧ قتيلاً بغارات على سوق شعبية\n\n"
            "قُتل ١٧ شخصاً بينهم ستة أطفال، بحسب ما أعلنت وزارة الصحة.")
    found = reports(text)
    assert len(found) == 1
    r = found[0]
    assert [s.text for s in r.evidence] == ["١٧ قتيلاً", "قُتل ١٧ شخصاً بينهم ستة أطفال"]
    assert (r.reported_by, r.victim_detail) == ("وزارة الصحة", "بينهم ستة أطفال")


def test_a_headline_source_shortened_from_the_body_is_the_same_source():
    text = ("الصومال: 96 قتيلاً بحسب مدير المستشفى\n\n"
            "وقال مدير المستشفى الرئيسي في المدينة إن المعارك أسفرت عن 96 قتيلاً.")
    found = reports(text)
    assert [(summary(r), r.reported_by) for r in found] == [
        (("killed", 96, 96, 96), "مدير المستشفى الرئيسي")]
    assert len(found[0].evidence) == 2
    text = "الصومال: 96 قتيلاً بحسب مدير المستشفى\n\nوقال شهود إن المعارك أسفرت عن 96 قتيلاً."
    assert len(reports(text)) == 2


def test_the_same_figure_in_two_body_sentences_stays_two_reports():
    text = "قتل 3 أشخاص في حلب. وفي إدلب قتل 3 أشخاص آخرين."
    assert len(reports(text)) == 2


def test_a_vague_headline_that_sums_up_the_body_is_dropped():
    text = ("السودان: عشرات القتلى في معارك الفاشر\n\n"
            "قُتل ما بين 30 و35 مدنياً في قصف مدفعي. وأسفرت الاشتباكات عن مقتل ١١ شخصاً.")
    assert [summary(r) for r in reports(text)] == [("killed", 30, 30, 35),
                                                   ("killed", 11, 11, 11)]
    assert [summary(r) for r in reports("عشرات القتلى في معارك الفاشر\n\nوتستمر المعارك.")] \
        == [("killed", 10, 10, None)]


def test_a_relayed_source_and_an_appositive_speaker():
    found = reports("أسفرت عن مقتل ١١ شخصاً على الأقل، بحسب ما نقلته وكالة رويترز عن شهود.")
    assert found[0].reported_by == "شهود"
    found = reports("وقال المتحدث باسم الوزارة، مدحت الأسطل، إن شابين استشهدا في غارة.")
    assert found[0].reported_by == "المتحدث باسم الوزارة، مدحت الأسطل"


@pytest.mark.parametrize(("sentence", "word", "category"), [
    ("وقتل 5 أشخاص", "وقتل", CasualtyCategory.killed),
    ("عاد النازحين إلى القرية", "النازحين", CasualtyCategory.displaced),
    ("فقد 3 أشخاص حياتهم", "فقد", CasualtyCategory.killed),      # lost their lives: killed
    ("فقد 3 أشخاص في البحر", "فقد", CasualtyCategory.missing),
    ("أجبرت العائلات على مغادرة منازلها", "مغادرة", CasualtyCategory.displaced),
    ("عادت الأسر إلى منازلها", "الأسر", None),                     # families, not captives
])
def test_category_of_a_word_in_its_context(sentence, word, category):
    """governing.category_of: what a word says happened, read with the words after it."""
    ws = words(Doc.build(sentence), 0, len(sentence))
    i = next(k for k, w in enumerate(ws) if w.raw == word)
    assert governing.category_of(ws, i) == category


@pytest.mark.parametrize(("sentence", "governs"), [
    ("قتل 12 مدنيا وأصيب 30", ["قتل", "وأصيب"]),         # each verb its own figure
    ("ارتفع عدد القتلى إلى 50", ["القتلى"]),             # a noun across one word
    ("أكد الناطق أن القتلى بلغوا في المدينة حتى الآن 40", [None]),  # too far, across أن
])
def test_governor_is_the_nearest_casualty_word(sentence, governs):
    doc = Doc.build(sentence)
    ws = words(doc, 0, len(sentence))
    spans = [(i, i) for i, w in enumerate(ws) if w.norm.isdigit()]
    taken = {i for i, _ in spans}
    found = governing.lexemes(ws, taken)
    got = [governing.governor(ws, spans, found, k) for k in range(len(spans))]
    assert [ws[g[1].index].raw if g and g[1] else None for g in got] == governs


@pytest.mark.parametrize(("text", "expected"), [
    # an epidemic: «إصابة» and «حالة» are cases, deaths stay killed
    ("أعلنت وزارة الصحة تسجيل 40 إصابة جديدة بالحصبة و3 وفيات في المحافظة.",
     [("sick", 40, 40, 40), ("killed", 3, 3, 3)]),
    ("رصدت السلطات 250 حالة يشتبه بإصابتها بحمى الضنك.", [("sick", 250, 250, 250)]),
    ("وسجلت الوزارة حالتي وفاة بالكوليرا.", [("killed", 2, 2, 2)]),
    # the disease named in the lead makes a later bare figure a count of cases
    ("تفشي الكوليرا في الإقليم\nوارتفع العدد بعد أن سجلت المستشفيات 120 إصابة.",
     [("sick", 120, 120, 120)]),
    # a wound is a wound, even in a country with an outbreak
    ("تفشي الكوليرا في الإقليم\nوأصيب 12 عنصراً بجروح في الاشتباكات.",
     [("injured", 12, 12, 12)]),
    ("أصيب 30 شخصاً في انفجار سيارة مفخخة.", [("injured", 30, 30, 30)]),
    # patients: hurt in a hospital's count, cases in an epidemic
    ("واستقبلت المستشفيات ما بين 130 و140 مريضاً يعانون من البرد.", [("injured", 130, 130, 140)]),
    ("تفشي الحصبة في البلاد\nوعالجت فرق المنظمة 14785 مريضاً منذ يناير.",
     [("sick", 14785, 14785, 14785)]),
    # dengue is a disease; a fire in a ward for a disease is a fire
    ("بنغلاديش: 9 وفيات جديدة بحمى الضنك\nوكانت نشرة أمس قد أحصت 176 وفاة و32977 إصابة.",
     [("killed", 9, 9, 9), ("killed", 176, 176, 176), ("sick", 32977, 32977, 32977)]),
    ("حريق مركز عزل مرضى كورونا في الناصرية\nوقال مصدر إن الضحايا بلغوا 63 قتيلاً و100 مصاب.",
     [("killed", 63, 63, 63), ("injured", 100, 100, 100)]),
    # the toll noun after "عدد" reaches the figure after "إلى"
    ("ارتفع عدد الوفيات الناجمة عن الفيضانات في شمال البلاد إلى 40 حالة.",
     [("killed", 40, 40, 40)]),
    # so does the noun after "حصيلة", across a long noun phrase, whatever noun the figure has
    ("ارتفعت حصيلة قتلى انهيار النفق الذي وقع في منجم للذهب بمنطقة كايس غربي البلاد "
     "إلى 48 منقباً.", [("killed", 48, 48, 48)]),
    # bare cases counted by a toll before them, whatever verb or word carries it there
    ("وأعلنت الوزارة أن عدد الوفيات المسجلة خلال موسم الحج هذا العام بلغ 1301 حالة.",
     [("killed", 1301, 1301, 1301)]),
    ("فيما بقي عدد الوفيات عند تسع حالات دون تسجيل وفيات جديدة.", [("killed", 9, 9, 9)]),
    ("وأصيب 5 أشخاص، وسجلت المستشفيات 40 حالة.", [("injured", 5, 5, 5), ("sick", 40, 40, 40)]),
    ("وتمكنت فرق الدفاع المدني من إنقاذ 35 شخصاً.", [("rescued", 35, 35, 35)]),
    ("وانتشل الغواصون 19 جثة من النهر، فيما نجا 42 راكباً.",
     [("killed", 19, 19, 19), ("rescued", 42, 42, 42)]),
    ("وجرى إجلاء 1200 شخص من القرى الساحلية.", [("evacuated", 1200, 1200, 1200)]),
    ("وقالت اللجنة إن 800 شخص نقلوا إلى مراكز إيواء.", [("evacuated", 800, 800, 800)]),
    ("أوقفت الشرطة 9 أشخاص.", [("detained", 9, 9, 9)]),
])
def test_categories_outside_war(text, expected):
    assert [summary(r) for r in reports(text)] == expected


def test_homes_destroyed_are_counted_as_homes_not_people():
    found = reports("وقالت السلطات إن السيول دمرت 120 منزلاً وقتلت 4 أشخاص.")
    assert [(summary(r), r.unit.value) for r in found] == [
        (("affected", 120, 120, 120), "homes"), (("killed", 4, 4, 4), "people")]
    assert reports("وتقع 20 منزلاً على ضفة النهر.") == []


def test_a_name_with_cases_in_it_still_reports_its_figure():
    found = reports("ارتفع عدد الضحايا إلى 11 شخصاً، بحسب اللجنة الوطنية لإدارة الحالات "
                    "الطارئة.")
    assert [(summary(r), r.reported_by) for r in found] == [
        (("killed", 11, 11, 11), "اللجنة الوطنية لإدارة الحالات الطارئة")]


def test_a_list_of_places_carries_its_figures_on():
    text = ("وأوضحت الوزارة أن 11 من الوفيات سُجلت في محافظة حلب، واثنتين في دير الزور، "
            "وواحدة في الحسكة، فيما توزعت الإصابات بين حلب (153 إصابة) والحسكة (21) "
            "ودمشق (2) وحمص (إصابة واحدة).")
    found = reports(text)
    assert [(r.category.value, r.count_best) for r in found] == [
        ("killed", 11), ("killed", 2), ("killed", 1),
        ("injured", 153), ("injured", 21), ("injured", 2), ("injured", 1)]
    assert {r.reported_by for r in found} == {"الوزارة"}


def test_part_of_the_counted_is_a_breakdown():
    text = ("قُتل 78 شخصاً على الأقل وأصيب العشرات في تدافع. "
            "وأوضح المروني أن 13 من المصابين في حالة حرجة.")
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("killed", 78), ("injured", 10)]


def test_a_breakdown_between_commas_does_not_cut_the_verb_off():
    text = "وقال غوتيريش إن ما لا يقل عن 134 مدنياً، بينهم نساء وأطفال، قُتلوا."
    (r,) = reports(text)
    assert (summary(r), r.reported_by) == (("killed", 134, 134, None), "غوتيريش")


def test_a_headline_rounding_the_body_figure_is_the_same_report():
    text = ("المغرب: حصيلة الزلزال تتخطى ألفي قتيل\n\n"
            "ارتفعت حصيلة الزلزال إلى 2012 قتيلاً على الأقل، وفق وزارة الداخلية.")
    (r,) = reports(text)
    assert summary(r) == ("killed", 2012, 2012, None)
    assert [e.text for e in r.evidence] == ["تتخطى ألفي قتيل", "2012 قتيلاً على الأقل"]


def test_a_figure_takes_the_day_and_place_of_its_incident():
    text = ("قُتل سبعة أشخاص صباح أمس الاثنين بانفجار سيارة مفخخة في مديرية حمروين.\n\n"
            "وكان التلفزيون الرسمي قد بث اليوم الثلاثاء حصيلة بلغت 9 قتلى.\n\n"
            "وسجلت 11 من الوفيات في محافظة حلب، واثنتين في دير الزور.")
    doc = Doc.build(text, published=date(2019, 2, 5))
    found = place_and_date(doc, find_casualties(doc))
    assert [(r.count_best, r.date) for r in found] == [
        (7, "2019-02-04"), (9, "2019-02-04"), (11, "2019-02-04"), (2, "2019-02-04")]
    assert [r.location.name if r.location else None for r in found] == [
        "مديرية حمروين", None, "محافظة حلب", "دير الزور"]


def located(text: str) -> list[tuple[int | None, str | None]]:
    doc = Doc.build(text)
    return [(r.count_best, r.location.name if r.location else None)
            for r in place_and_date(doc, find_casualties(doc))]


def test_a_toll_is_placed_where_the_toll_names_its_place():
    # The figure completes the toll; the state written last is not where the street is.
    text = ("ارتفع عدد ضحايا انهيار مبنى في شارع النصر بحي الزهور الراقي في ولاية الخرطوم "
            "إلى 15 قتيلاً.")
    assert located(text) == [(15, "شارع النصر")]


def test_a_headline_figure_told_again_is_placed_by_the_body_words():
    text = ("سوريا: 515 جثة تحت الأنقاض\n\n"
            "بعد الزلزال الذي ضرب ريف حلب الشمالي، انتشلت فرق الإنقاذ 515 جثة من تحت الأنقاض "
            "في مدينة جنديرس.")
    assert located(text) == [(515, "مدينة جنديرس")]


def test_a_place_in_the_source_s_name_is_where_the_source_sits():
    text = "قالت وزارة الصحة في رام الله إن ثمانية فلسطينيين قُتلوا خلال اقتحام مدينة جنين."
    assert located(text) == [(8, "مدينة جنين")]
    # ... and the figure's place only when the sentence names no other.
    text = "وأفادت وزارة الداخلية في مدينة سبتة بأن 49 من عناصر الحرس المدني أصيبوا."
    assert located(text) == [(49, "مدينة سبتة")]
    # What an official governs is the source's too.
    text = "وقال حاكم إقليم جنوب كيفو إن 78 شخصاً قُتلوا في غرق قارب في بحيرة كيفو."
    assert located(text) == [(78, "بحيرة كيفو")]


def test_a_source_on_the_spot_is_where_the_figure_was_counted():
    text = ("وأفاد مصدر طبي في مستشفى الثورة بمدينة الحديدة بأن المستشفى استقبل جثث 12 شخصاً، "
            "مرجحاً نقل مصابين آخرين إلى مستشفى ميداني في مدينة زبيد.")
    assert located(text) == [(12, "مدينة الحديدة")]


def test_two_figures_of_one_sentence_take_the_date_nearest_each():
    text = ("أوقفت المحامية الحقوقية ماهينور المصري الأحد أمام مقر نيابة أمن الدولة العليا في "
            "القاهرة حيث كانت تتولى الدفاع عن محتجين، كما اعتُقل الصحافي خالد داود، الرئيس "
            "السابق لحزب الدستور، مساء الثلاثاء.")
    doc = Doc.build(text, published=date(2019, 9, 27))
    found = place_and_date(doc, find_casualties(doc))
    assert [(r.count_best, r.date) for r in found] == [(1, "2019-09-22"), (1, "2019-09-24")]


def test_a_verb_after_an_earlier_count_is_that_counts_own():
    found = reports("وقالت مصادر طبية إن قرابة عشرين شخصاً قُتلوا ونحو ستين أصيبوا.")
    assert [(r.category.value, r.count_best) for r in found] == [("killed", 20), ("injured", 60)]


def test_a_figure_told_in_a_headline_takes_the_date_nearest_its_words_below():
    text = ("غضب في البلدة بعد مقتل شابين برصاص الشرطة\n\n"
            "فارابا بانتا - خيّم الحزن اليوم الثلاثاء على البلدة، الواقعة جنوب العاصمة بانجول، "
            "غداة مواجهات بين السكان وعناصر من الشرطة أسفرت عن مقتل شابين.")
    doc = Doc.build(text, published=date(2018, 6, 19))
    found = place_and_date(doc, find_casualties(doc))
    assert [(r.count_best, r.date, r.date_text) for r in found] == [(2, "2018-06-18", "غداة")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a toll that reaches its figure: the subject of وصل/ارتفع counts
    ("أكدت الوكالة أن حالات الإنفلونزا في المملكة المتحدة قد وصلت إلى 1004، ومؤخرا أعلنت "
     "المنظمة أن المرض تفشى.", [("sick", 1004, "الوكالة")]),
    # أودى's complement far from its verb; people trapped are affected
    ("وأودت الحرب، المستمرة منذ أكثر من سبع سنوات، بحياة 377 ألف شخص.", [("killed", 377000, None)]),
    ("ولا يزال نحو 260 ألف شخص عالقين داخل المدينة المحاصرة.", [("affected", 260000, None)]),
])
def test_tolls_and_their_sources(sentence, expected):
    assert [(r.category.value, r.count_best, r.reported_by) for r in reports(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a plural or dual verb agrees with a subject told before it, across its noun phrase
    ("وقال المتحدث إن ثمانية من عناصر الدفاع المدني في المحافظة قُتلوا أثناء عملية الإخلاء.",
     [("killed", 8)]),
    ("وأوضح البيان أن خمسة جنود من اللواء الثالث مشاة لقوا حتفهم في الانفجار.", [("killed", 5)]),
    ("وكان اثنان من موظفي البلدية المحلية أُصيبا بجروح طفيفة.", [("injured", 2)]),
    # a clause opened by وأن ends the reach of the verb before it
    ("وذكرت الشرطة أن سبعة صيادين قضوا غرقاً قبالة الساحل، وأن 12 آخرين أُنقذوا.",
     [("killed", 7), ("rescued", 12)]),
    ("وأكد المسؤول أن 20 شخصاً قُتلوا في الهجوم، وأن ثلاثة من الحراس أصيبوا.",
     [("killed", 20), ("injured", 3)]),
])
def test_a_verb_after_its_subject(sentence, expected):
    assert [(r.category.value, r.count_best) for r in reports(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # two words that together say what happened
    ("وقال المسؤول إن 40 مصاباً ما زالوا يتلقون العلاج في مستشفى المدينة.", [("injured", 40)]),
    ("وتوفي ثلاثة أشخاص ويتلقى خمسة العلاج في المستشفى.", [("killed", 3), ("injured", 5)]),
    ("وأشار إلى أن 600 أسرة باتت بلا مأوى بعد انهيار منازلها.", [("displaced", 600)]),
])
def test_phrases_that_name_the_harm(sentence, expected):
    assert [(r.category.value, r.count_best) for r in reports(sentence)] == expected


def test_a_statement_speaks_for_the_body_that_issued_it():
    text = ("أعلنت وزارة الداخلية في بيان مقتل ثلاثة من رجال الشرطة في الهجوم. "
            "وأضاف البيان أن خمسة عناصر من دورية الحراسة أُصيبوا بجروح. "
            "وكانت المنظمة الدولية للهجرة قد أفادت الشهر الماضي بأن 900 شخص نزحوا "
            "حتى الأحد.")
    assert [(r.category.value, r.count_best, r.reported_by) for r in reports(text)] == [
        ("killed", 3, "وزارة الداخلية"), ("injured", 5, "وزارة الداخلية"),
        ("displaced", 900, "المنظمة الدولية للهجرة")]


def test_a_verb_before_of_them_makes_a_figure_of_its_own():
    text = "وقال المحافظ إن 240 عاملاً كانوا داخل المصنع عند اندلاع الحريق، أُجلي منهم 180."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("evacuated", 180)]
    text = "قُتل 125 شخصاً بينهم 17 طفلاً في التدافع."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("killed", 125)]


def test_a_verb_right_before_a_part_of_a_figure_makes_it_a_figure_of_its_own():
    text = "وأصيب 30 شخصاً بالحمى النزفية في القرية، توفي 13 منهم في المستشفى."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("sick", 30), ("killed", 13)]
    text = "وقُتل 14 شخصاً بينهم طفلان، وإصابة 45 آخرين بجروح."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("killed", 14), ("injured", 45)]
    text = "وأصيب 40 شخصاً في الهجوم، نُقل 19 منهم إلى المستشفى."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("injured", 40)]


def test_a_figure_of_them_keeps_the_whole_s_figure_as_evidence_of_who_they_were():
    text = "وقالت المنظمة إن 18 من العاملين الصحيين أصيبوا بالمرض، توفي سبعة منهم."
    assert [(r.category.value, r.count_best, [e.text for e in r.evidence])
            for r in reports(text)] == [
        ("sick", 18, ["18 من العاملين الصحيين أصيبوا"]),
        ("killed", 7, ["توفي سبعة", "18 من العاملين"])]


def test_a_part_told_by_place_or_day_is_a_figure_of_the_whole_s_kind():
    text = ("وقالت الوزارة إن السيول خلّفت 11 وفاة، سبع منها في إقليم طاطا. وسجلت المؤسسة وفاة 10 "
            "أشخاص خلال يومين، ثمانية منهم يوم الاثنين.")
    assert [(r.category.value, r.count_best, r.evidence[0].text) for r in reports(text)] == [
        ("killed", 11, "11 وفاة"), ("killed", 7, "سبع منها"), ("killed", 10, "وفاة 10 أشخاص"),
        ("killed", 8, "ثمانية")]
    text = "وأصيب 25 شخصاً، سبعة منهم في مستشفى إمبابة."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("injured", 25)]


def test_what_reached_the_people_counted_affected_them():
    text = ("وقالت المنظمة إن الفيضانات طالت 562 ألف شخص في اليمن. ويطال الجفاف 7.8 مليون شخص، "
            "بينهم 213 ألف شخص معرضون لخطر المجاعة. وطالت السيول 13 بلدية.")
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("affected", 562000), ("affected", 7800000), ("affected", 213000)]


def test_a_verb_with_its_preposition_governs_the_figure_after_it():
    text = "وشرّدت السيول منذ تموز ما لا يقل عن 118 ألف شخص، وأثّرت في 317 ألفاً في 16 محلية."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("displaced", 118000), ("affected", 317000)]


def test_how_some_of_a_toll_died_is_no_figure_of_its_own():
    text = "وبلغ عدد القتلى 32 شخصاً، بينهم 13 لقوا حتفهم خلال إخلاء المدينة."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("killed", 32)]


def test_teams_flats_camps_warrants_and_reports_are_no_people():
    text = ("وقال المتحدث إن 50 فريقاً للإنقاذ يعملون في الموقع. وأصاب الصاروخ مدخلاً يضم 72 شقة. "
            "وأصدرت النيابة أربع مذكرات قبض. وتلقت الشرطة 47 بلاغاً عن مفقودين. "
            "وتضرر 93 مقطعاً طرقياً.")
    assert reports(text) == []


def test_a_verb_opening_its_own_clause_after_a_comma_governs_no_figure_before_it():
    text = "وأفاد الخلفي بانهيار 40 مسكناً، منها 24 بشكل كلي، وتضرر 93 مقطعاً طرقياً."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("affected", 40)]
    text = "ودُفنت في المقبرة جثث 30 شخصاً بينهم سبعة أطفال، وتوفي آخرون في المستشفى."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("killed", 30)]


def test_who_the_victims_or_survivors_were_is_no_figure():
    text = ("غرق قارب يقل 260 مهاجراً، وأنقذ 71 شخصاً. وبين الضحايا 31 امرأة وستة أطفال. وأوضحت "
            "السلطات أن بين الناجين 15 أذربيجانياً وتسعة روس. وأوضحت المصادر أن القتلى أربعة "
            "يمنيين ومواطن هندي، وأن الجرحى ثمانية متعاقدين مدنيين وعسكري أمريكي واحد.")
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("rescued", 71)]
    text = "وأوضح المتحدث أن القتلى 32 شخصاً والجرحى 50، وفق ما أعلنته الوزارة."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("killed", 32), ("injured", 50)]


def test_cases_of_a_disease_are_civilians_unless_the_words_say_who():
    text = ("وأعلنت وزارة الصحة تسجيل 26 إصابة مؤكدة بالكوليرا، وارتفاع الحالات المشتبه بها إلى "
            "1227 حالة.")
    assert [(r.category.value, r.count_best, r.victims.value) for r in reports(text)] == [
        ("sick", 26, "civilians"), ("sick", 1227, "civilians")]
    text = "وسجلت الوزارة إصابة 12 جندياً بالكوليرا."
    assert [(r.category.value, r.victims.value) for r in reports(text)] == [
        ("sick", "security_forces")]


def test_hostages_travellers_and_contractors_are_civilians():
    text = ("وأعلن رئيس الوزراء مقتل 23 رهينة في الهجوم على المجمع. وقُتل 12 سائحاً وأصيب 30 راكباً "
            "في حادث الحافلة. وأصيب خمسة متعاقدين في القصف.")
    assert [(r.count_best, r.victims.value) for r in reports(text)] == [
        (23, "civilians"), (12, "civilians"), (30, "civilians"), (5, "civilians")]


def test_a_source_named_again_by_its_head_or_as_the_same():
    text = ("وقال وزير الداخلية خالد المنصوري إن 12 شخصاً قُتلوا في الاشتباكات. "
            "وأضاف الوزير أن 30 آخرين أصيبوا بجروح. "
            "وأفاد مصدر طبي بمقتل أربعة مسعفين. وذكر المصدر ذاته أن سبعة أشخاص فُقدوا.")
    assert [(r.count_best, r.reported_by) for r in reports(text)] == [
        (12, "وزير الداخلية خالد المنصوري"), (30, "وزير الداخلية خالد المنصوري"),
        (4, "مصدر طبي"), (7, "مصدر طبي")]


@pytest.mark.parametrize(("sentence", "source"), [
    # the subject before "قد أعلن", not the verb's object after it
    ("وكان مجلس المحافظة قد أعلن البلدة منطقة منكوبة، ودعا إلى إغاثة 900 عائلة باتت بلا مأوى.",
     "مجلس المحافظة"),
    # the name Ali is written with ي, the preposition على with ى
    ("وقال المتحدث باسم الشرطة محمد علي إن 14 شخصاً قُتلوا.", "المتحدث باسم الشرطة محمد علي"),
    # "منها" inside a body's name is no stop
    ("وقالت مديرة المركز الوطني لمكافحة الأمراض والوقاية منها سعاد حداد إن 40 شخصاً توفوا.",
     "مديرة المركز الوطني لمكافحة الأمراض والوقاية منها سعاد حداد"),
])
def test_source_names(sentence, source):
    assert [r.reported_by for r in reports(sentence)] == [source]


def test_to_death_says_they_were_killed_and_acres_count_no_one():
    text = "وطعن السجناء ثلاثة من الحراس حتى الموت، ثم قتلوا خمسة من النزلاء."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [
        ("killed", 3), ("killed", 5)]
    text = "دفع القس أتباعه إلى الصيام حتى الموت على أرض تبلغ مساحتها 800 فدان."
    assert reports(text) == []


def test_one_of_them_died_is_no_toll_of_all_of_them():
    text = "وصل مركب إلى الميناء وعلى متنه 25 شخصاً، توفي أحدهم لاحقاً بالكوليرا."
    assert [(r.category.value, r.count_best) for r in reports(text)] == []
    text = "وأفادت الوزارة بأن 25 شخصاً توفوا في الحادث."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("killed", 25)]


def test_police_custody_as_the_maghreb_writes_it_is_detention():
    text = "وأعلنت وزارة الداخلية وضع 409 أشخاص تحت تدابير الحراسة النظرية بعد أعمال العنف."
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("detained", 409)]


def test_prisoners_who_flee_broke_out_and_were_not_displaced():
    text = ("ولا تزال الأجهزة الأمنية تلاحق 31 سجيناً فرّوا صباح السبت من نظارة المخفر، "
            "فيما فرّ 200 شخص من القرية هرباً من الاشتباكات.")
    assert [(r.category.value, r.count_best) for r in reports(text)] == [("displaced", 200)]
