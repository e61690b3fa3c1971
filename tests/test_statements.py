"""Statements: reporting verbs and quotes in real Arabic news, speakers without titles, the
words said copied from the article, and the model asked only when the rules find no speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.extract.actors import names_in
from agent.extract.statements import PARTICIPLES, THAT, VERBS, ask_speaker, find_statements
from agent.model.llm import LLM, FakeLLM
from agent.text.arabic import norm
from agent.text.doc import Doc, verify
from schemas import Statement, StatementKind

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"


def found(text: str, llm: FakeLLM | None = None) -> list[Statement]:
    doc = Doc.build(text)
    out = find_statements(doc, llm)
    for s in out:  # every statement is grounded in the article
        assert s.id == "" and s.speaker_id is None
        assert all(verify(text, e) for e in s.evidence)
        assert any(s.text in e.text for e in s.evidence)
    return out


def said(statements: list[Statement]) -> list[tuple[str, StatementKind, str]]:
    return [(s.speaker, s.kind, s.text) for s in statements]


@pytest.fixture(scope="module")
def founding() -> list[Statement]:
    return found(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("speaker", "kind", "words"), [
    ("المرصد السوري لحقوق الإنسان", StatementKind.direct_quote, "معركة حلب وصلت إلى نهايتها"),
    ("زيد الصالح", StatementKind.reported_speech, "عملية الجيش السوري لاستعادة شرق حلب"),
    ("زيد الصالح", StatementKind.reported_speech, "أمام المسلحين إما الاستسلام أو الموت"),
    ("رامي عبدالرحمن", StatementKind.direct_quote, "انسحب مقاتلو الفصائل بعد ظهر أمس"),
    ("المرصد السوري لحقوق الإنسان", StatementKind.direct_quote, "وجود جثث في الشوارع"),
    ("شهود عيان", StatementKind.reported_speech, "الحي يشهد اكتظاظا كبيرا"),
    ("رياض حجاب", StatementKind.reported_speech, "الهزيمة في حلب لن تضعف عزم المعارضين"),
    ("حجاب", StatementKind.reported_speech, "إذا كان الأسد وحلفاؤه يعتقدون"),
    ("حجاب", StatementKind.reported_speech, "المعارضة لن تقدم تنازلات"),
    ("ديمتري بيسكوف", StatementKind.direct_quote, "نأسف لغياب التنسيق الفعلي"),
    ("ديمتري بيسكوف", StatementKind.direct_quote, "هذا التعاون كان سيتيح لنا"),
    ("بيسكوف", StatementKind.direct_quote, "خسارة تدمر تسيء إلى صورة الإنسانية"),
    ("بيسكوف", StatementKind.accusation, "تسببت «في هرب مجموعات كبيرة"),
    ("جان-مارك إيرولت", StatementKind.direct_quote, "شكلا من أشكال الكذب الدائم"),
    ("جان-مارك إيرولت", StatementKind.accusation, "«تدعي» مكافحة الإرهاب"),
    ("موسكو", StatementKind.accusation, "واشنطن مسؤولية فشلها في التصدي للتنظيم"),
    ("مصادر أخرى", StatementKind.reported_speech, "مقتل حوالي 80 شخصا"),
])
def test_founding_article_statements(founding: list[Statement], speaker: str,
                                     kind: StatementKind, words: str) -> None:
    assert any(s.speaker == speaker and s.kind is kind and s.text.startswith(words)
               for s in founding), said(founding)


def test_founding_article_has_no_attribution_statements(founding: list[Statement]) -> None:
    # "حسبما ذكرت روسيا" and "وفق ما أعلن المرصد" source a fact; they say nothing themselves
    assert not any(s.speaker == "روسيا" for s in founding)
    assert len(founding) == 18


def test_direct_quote_is_the_inner_words_of_the_quotation() -> None:
    text = "وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش: «يجب أن تتوقف هذه الحرب فورا»."
    assert said(found(text)) == [
        ("أنطونيو غوتيريش", StatementKind.direct_quote, "يجب أن تتوقف هذه الحرب فورا")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("وقال المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي إن الطائرات استهدفت مواقع لحركة حماس.",
     "أفيخاي أدرعي"),
    ("وقال يوتشي ماسوزوي وزير الصحة الياباني في مؤتمر صحفي: إن المصابين عادوا إلى اليابان.",
     "يوتشي ماسوزوي"),
    ("وقال رئيس قسم الهواتف النقالة في الشركة شين جي كاي أن الجهاز الجديد أصغر حجما.",
     "شين جي كاي"),
    ("وقال المتحدث باسم الوزارة، مدحت الأسطل، إن طفلا استشهد متأثرا بجروحه في خان يونس.",
     "مدحت الأسطل"),
    ("وقال رئيس الوزراء المغربي عبد الإله بن كيران إن الحكومة لن تتراجع عن الإصلاحات.",
     "عبد الإله بن كيران"),
    ("وأكدت رئيسة وزراء بنغلاديش شيخة حسينة أن القوانين الموجودة كافية.", "شيخة حسينة"),
    ("قال النائب عن حزب التيار الديمقراطي محمد عمار إنه اتصل برئيس الحكومة للاحتجاج.",
     "محمد عمار"),
    ("وأعلن المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن هانس غروندبرغ، أمس الجمعة، أن "
     "أطراف النزاع استجابت لمقترح الهدنة.", "هانس غروندبرغ"),
    ("وقالت الأمينة العامة للاتحاد العام لطلبة تونس وردة عتيق إن 50 طالباً اعتقلوا.",
     "وردة عتيق"),
    # a rank and a name after the title, and what is announced with no «أن»
    ("وأعلن المتحدث العسكري باسم الحوثيين العميد يحيى سريع مسؤولية الجماعة عن استهداف "
     "السفينة.", "يحيى سريع"),
    ("ونفى المتحدث باسم وزارة الداخلية اللواء سعد معن وقوع إصابات بين المدنيين.", "سعد معن"),
    # a name with «عبد» before the object described: the name ends at the object's article
    ("ووصف محافظ ولاية النيل الأزرق أحمد عبد الرحيم الأوضاع الإنسانية بأنها «مأساوية».",
     "أحمد عبد الرحيم"),
    # a first name written with a hamza on its alif is no word with the article
    ("وقال رئيس الوزراء ألبين كورتي إن المهاجمين محترفون من ذوي الخبرة العسكرية.",
     "ألبين كورتي"),
])
def test_speaker_is_the_name_without_the_title(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # a title's body joined by و to another: the name follows the last of them
    ("وقال المدير العام لإدارة الإطفاء والدفاع المدني العميد محمد مين الدين إن أسطوانات غاز "
     "الطهي كانت موجودة في كل طابق.", "محمد مين الدين"),
    ("وقال وزير الخارجية والمغتربين فيصل المقداد إن بلاده لن تقبل بأي تدخل في شؤونها.",
     "فيصل المقداد"),
    ("وأكد وزير الداخلية والبلديات بسام مولوي أن الانتخابات النيابية ستجري في موعدها.",
     "بسام مولوي"),
    ("وقال رئيس هيئة الهلال الأحمر والإغاثة الإنسانية الدكتور أحمد سالم إن فرق الإسعاف وصلت "
     "إلى موقع الانفجار.", "أحمد سالم"),
    # two people, each with a title: the first named keeps the statement
    ("وأكد الرئيس المصري عبد الفتاح السيسي والعاهل الأردني الملك عبد الله الثاني أن حل "
     "الدولتين هو السبيل الوحيد.", "عبد الفتاح السيسي"),
])
def test_a_title_may_join_two_bodies_before_the_name(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize(("text", "speakers"), [
    # "باسمه" speaks for the body named before; the rank and name after it are the spokesman's
    ("وقال الجيش الإسرائيلي في بيان إنه نفّذ ضربة. وقال المتحدث باسمه المقدم بيتر ليرنر "
     "للصحافيين إنه لا علم له بسقوط ضحايا مدنيين.", ["الجيش الإسرائيلي", "بيتر ليرنر"]),
    ("وأعلنت الشرطة توقيف ثلاثة أشخاص. وقال الناطق باسمها العقيد عبدالقادر فارح لوكالة فرانس "
     "برس إن التحقيق مستمر.", ["الشرطة", "عبدالقادر فارح"]),
    # after the body's full name, a rank or honorific opens the spokesman's own name
    ("وقال المتحدث باسم الجيش الإسرائيلي المقدم بيتر ليرنر إن الضربة أرجئت مرتين.",
     ["بيتر ليرنر"]),
    ("وقال المتحدث باسم وزارة الصحة الدكتور أشرف القدرة إن حصيلة الشهداء ارتفعت إلى 40.",
     ["أشرف القدرة"]),
    ("وقال المتحدث باسم قوات الدفاع الكينية العقيد بول نجوغونا في بيان إن الهجوم صُدّ بنجاح.",
     ["بول نجوغونا"]),
])
def test_a_named_spokesman_speaks_himself(text: str, speakers: list[str]) -> None:
    assert [s.speaker for s in found(text)] == speakers


@pytest.mark.parametrize("addressee", [
    "للصحافيين", "للصحفيين", "لوكالة فرانس برس", "لقناة الجزيرة", "لرويترز", "لوسائل إعلام محلية",
])
def test_whom_the_words_were_given_to_is_not_part_of_the_name(addressee: str) -> None:
    text = f"وقال المتحدث باسم الحكومة خالد العمر {addressee} إن الحكومة ستعوض المتضررين."
    assert [s.speaker for s in found(text)] == ["خالد العمر"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("وقال الوزير للصحفيين إن 12 مصاباً لا يزالون يتلقون العلاج.", "الوزير"),
    ("وقالت وزارة الصحة لوكالة فرانس برس إن الحصيلة ارتفعت إلى 30 قتيلاً.", "وزارة الصحة"),
    ("وقال مصدر أمني لقناة السومرية المحلية إن الانفجار نجم عن عبوة ناسفة.", "مصدر أمني"),
    ("وقالت الشرطة للصحفيين أمس إن التحقيق مستمر.", "الشرطة"),
    # the press after لل with a name going on is a body's genitive, not an addressee
    ("وقالت النقابة الوطنية للصحفيين التونسيين إن ثلاثة صحفيين أوقفوا.",
     "النقابة الوطنية للصحفيين التونسيين"),
    ("وقال الأمين العام للاتحاد الدولي للصحفيين أنتوني بيلانجي إن الصحفيين مستهدفون.",
     "أنتوني بيلانجي"),
])
def test_an_addressee_after_a_body_or_a_title_is_not_part_of_it(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize("day", ["14 كانون الثاني/يناير", "14 يناير"])
def test_a_date_after_a_title_is_no_name(day: str) -> None:
    """«متحدث باسم اللجنة الدولية للصليب الأحمر في 14 كانون الثاني/يناير»: the month is no
    holder of the title (round 36, the Madaya siege, had «كانون الثاني» speak)."""
    text = (f"وقال متحدث باسم اللجنة الدولية للصليب الأحمر في {day} إن 44 شاحنة مساعدات كانت "
            "في طريقها إلى مضايا.")
    assert [s.speaker for s in found(text)] == ["اللجنة الدولية للصليب الأحمر"]


def test_an_addressee_right_after_the_verb_is_not_its_speaker() -> None:
    """The speaker named before the verb and a title between commas speaks, not the agency
    the words were given to (dev: r_cameroon_far_north_nguetchewe_idp_site_attack_unhcr)."""
    text = ("وتعددت الروايات حول الجهة المنفذة. غير أن ماهامات شيتيما أبا، رئيس بلدية موزوغو، قال "
            "لوكالة الصحافة الفرنسية إنه «من الواضح أن بوكو حرام هي المسؤولة».")
    assert [s.speaker for s in found(text)] == ["ماهامات شيتيما أبا"]


@pytest.mark.parametrize(("text", "speaker"), [
    # the title runs on over a place, a second title, a rank, an acronym or an aside: the
    # person it ends with, right before the words said, is the speaker
    ("وقال مدير الهلال الأحمر في كسلا الدكتور يوسف آدم بابكر إن المخيمات امتلأت.",
     "يوسف آدم بابكر"),
    ("وقال نائب رئيس البعثة الأممية منسق الشؤون الإنسانية في حالات النزاع بيتر هولم، في "
     "إحاطة صحفية عقدها أمس، إن «الممرات الآمنة لم تفتح بعد».", "بيتر هولم"),
    ("وقالت ممثلة برنامج الأغذية العالمي (WFP) في تشاد ليلى حداد اليوم الأحد إن المخزون نفد.",
     "ليلى حداد"),
    ("وقال المدير الإقليمي للمنظمة في الساحل والصحراء كريستوف مارتان: «نحتاج إلى تمويل عاجل».",
     "كريستوف مارتان"),
    ("وقال الوزير المكلف بالشؤون الاجتماعية والتضامن والأسرة كمال سعدي إن الأسر ستعوض.",
     "كمال سعدي"),
    # a rank and a name between commas, then asides before the object said
    ("وأكد مدير مركز عمليات الطوارئ، الجنرال خوان مانويل منديز، مساء أمس في مؤتمر صحفي، مقتل "
     "11 شخصاً.", "خوان مانويل منديز"),
    # a country after «في», then a two-word name
    ("وأعلن وزير الداخلية والأمن العام في بنين ألاسان سيدو في كلمة بثها التلفزيون أن حريقاً "
     "اندلع.", "ألاسان سيدو"),
    # a rank and a name between commas after the title
    ("وقال مدير الاتصال بمركز الإعلام والتنسيق المروري التابع للدرك الوطني، الرائد سمير "
     "بوشحيط، إن المركبة كانت تنقل البنزين.", "سمير بوشحيط"),
    # no name before the words said: the title stays the speaker
    ("وقال مدير المستشفى الميداني في منطقة الحدود للصحفيين إن الجرحى نقلوا.",
     "مدير المستشفى الميداني في منطقة الحدود"),
    ("وقال مراسل لإذاعة محلية في تل الزعتر إن القصف توقف.", "مراسل لإذاعة محلية"),
])
def test_a_long_title_ends_with_the_speakers_name(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("وأصدر مكتب المفتش العام للشرطة بياناً قال فيه إن الضباط لم يؤذن لهم بإطلاق النار.",
     "مكتب المفتش العام"),
    ("وبعث الرئيس عبد المجيد تبون برسالة تعزية قال فيها إنه تلقى النبأ ببالغ الحزن.",
     "عبد المجيد تبون"),
    ("وأصدرت الحكومة في 15 كانون الثاني تعميماً أعلنت فيه أن حمى الضنك باتت مصدر قلق.",
     "الحكومة"),
])
def test_words_said_in_a_document_are_its_issuers(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # what the speaker announced or described is no part of his name
    ("وأعلن محافظ الإقليم سامي برهان انتهاء عمليات الإنقاذ في القرية.", "سامي برهان"),
    ("ووصف وزير الإعلام الصومالي فرحان عيسى الحادث بأنه «جريمة بشعة بحق المدنيين».",
     "فرحان عيسى"),
    # an adverb in the accusative, and a body's plural head, are read as words, not names
    ("وقال المتحدث باسم الشرطة تعقيباً على الحادث إن الموقوفين سيحالون إلى القضاء.", "الشرطة"),
    ("وحذرت وكالات الإغاثة الدولية من أن الأمطار ستزيد معاناة النازحين.",
     "وكالات الإغاثة الدولية"),
    # "في حصيلة" says where the words were given, not where the body is
    ("وأعلنت وزارة الصحة الكينية في حصيلة جديدة أن عدد الوفيات بلغ 40.", "وزارة الصحة الكينية"),
])
def test_the_speakers_name_stops_where_his_words_begin(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("ونفى المتحدث باسم قيادة العمليات المشتركة أن تكون قوات الأمن قد استخدمت الرصاص الحي.",
     "قيادة العمليات المشتركة"),
    ("وقال مسؤول أمريكي طلب عدم الكشف عن هويته إن الضربات ستستمر.", "مسؤول أمريكي"),
    ("وقالت مصادر طبية إن 12 شخصا قتلوا في القصف، حسبما ذكرت وكالة الأنباء الرسمية.",
     "مصادر طبية"),
    ("وقال شهود عيان لوكالة فرانس برس إن الاشتباكات استمرت حتى فجر اليوم.", "شهود عيان"),
    ("ودعا المبعوث الأممي إلى اليمن طرفي النزاع إلى «ضبط النفس» في الحديدة.",
     "المبعوث الأممي إلى اليمن"),
    ("وأفاد مراسل لوكالة فرانس برس في معرة النعمان بأن الشوارع بدت خالية.",
     "مراسل لوكالة فرانس برس"),
])
def test_unnamed_speakers_are_written_as_given(text: str, speaker: str) -> None:
    assert [s.speaker for s in found(text)] == [speaker]


@pytest.mark.parametrize(("text", "expected"), [
    ("من جهته، اتهم المتحدث باسم الكرملين دميتري بيسكوف كييف بمحاولة «تخريب» المفاوضات.",
     ("دميتري بيسكوف", StatementKind.accusation, "كييف بمحاولة «تخريب» المفاوضات")),
    ("واتهمت الحكومة الانتقالية في باماكو «جماعة نصرة الإسلام والمسلمين» بالوقوف وراء الهجوم.",
     ("الحكومة الانتقالية في باماكو", StatementKind.accusation,
      "«جماعة نصرة الإسلام والمسلمين» بالوقوف وراء الهجوم")),
    ("من جانبه، أكد رئيس مجلس السيادة السوداني الفريق أول عبد الفتاح البرهان أن الجيش «سيحسم "
     "المعركة».", ("عبد الفتاح البرهان", StatementKind.reported_speech, "الجيش «سيحسم المعركة»")),
    ("وأعلن المتحدث باسم حركة طالبان ذبيح الله مجاهد أن الحركة «لن تسمح» باستخدام أراضي البلاد.",
     ("ذبيح الله مجاهد", StatementKind.reported_speech,
      "الحركة «لن تسمح» باستخدام أراضي البلاد")),
])
def test_unseen_conflicts(text: str, expected: tuple[str, StatementKind, str]) -> None:
    assert said(found(text)) == [expected]


@pytest.mark.parametrize(("text", "speaker"), [
    ("وفي تصريحات لبي بي سي قال المراقب العام إنه لن يتنازل عن مطالبه.", "المراقب العام"),
    ("قال لي إن هذا الاقتراح مختلف عما سبقه.", None),  # "told me": no one named
])
def test_the_name_after_the_verb_speaks(text: str, speaker: str | None) -> None:
    assert [s.speaker for s in found(text)] == ([speaker] if speaker else [])


def test_a_warning_takes_its_words_after_min() -> None:
    text = ("وقالت الأونروا في بيان إن «الوضع الإنساني كارثي»، محذرة من انتشار الأمراض في مراكز "
            "الإيواء.")
    assert [s.text for s in found(text)] == ["الوضع الإنساني كارثي",
                                             "انتشار الأمراض في مراكز الإيواء"]


def test_trailing_attribution_is_not_part_of_the_words_said() -> None:
    text = "وقالت مصادر طبية إن 12 شخصا قتلوا في القصف، حسبما ذكرت وكالة الأنباء الرسمية."
    assert found(text)[0].text == "12 شخصا قتلوا في القصف"


def test_participle_and_next_sentence_continue_the_same_speaker() -> None:
    text = ("وقال المتحدث باسم الوزارة عبدالحكيم المتوكل لوكالة «سبأ» إن «طيران العدوان استهدف "
            "السوق في ساعة الذروة»، محذراً من أن الحصيلة «مرشحة للارتفاع».\n"
            "وأضاف أن المستشفيات تعاني نقصا حادا في الأدوية.")
    assert said(found(text)) == [
        ("عبدالحكيم المتوكل", StatementKind.direct_quote, "طيران العدوان استهدف السوق في ساعة "
                                                          "الذروة"),
        ("عبدالحكيم المتوكل", StatementKind.reported_speech, "الحصيلة «مرشحة للارتفاع»"),
        ("عبدالحكيم المتوكل", StatementKind.reported_speech,
         "المستشفيات تعاني نقصا حادا في الأدوية"),
    ]


def test_each_wa_anna_clause_is_its_own_statement() -> None:
    text = ("وأعلنت قوى الأمن الداخلي توقيف تسعة أشخاص، مؤكدة في بيان أن عناصرها «تعرضوا للرشق "
            "بالحجارة والمفرقعات» وأن 12 عنصراً أصيبوا بجروح.")
    assert [s.text for s in found(text)] == [
        "توقيف تسعة أشخاص", "عناصرها «تعرضوا للرشق بالحجارة والمفرقعات»",
        "12 عنصراً أصيبوا بجروح"]


def test_an_answer_denies_the_words_it_answers() -> None:
    text = ("وقال الناطق باسم «اللواء 444 قتال» إن «الاتفاق يصمد حتى الآن»، متهماً «جهاز دعم "
            "الاستقرار» بمهاجمة أحد مقرات اللواء، وهو ما نفاه الجهاز في بيان، مؤكداً أن عناصره "
            "«كانت في موقع الدفاع عن النفس».")
    accused = "«جهاز دعم الاستقرار» بمهاجمة أحد مقرات اللواء"
    assert said(found(text)) == [
        ("اللواء 444 قتال", StatementKind.direct_quote, "الاتفاق يصمد حتى الآن"),
        ("اللواء 444 قتال", StatementKind.accusation, accused),
        ("جهاز دعم الاستقرار", StatementKind.denial, accused),
        ("جهاز دعم الاستقرار", StatementKind.reported_speech,
         "عناصره «كانت في موقع الدفاع عن النفس»"),
    ]


def test_speaker_after_the_quotation() -> None:
    text = "«لن نسمح بتكرار ما حدث في الموصل»، قال رئيس الوزراء العراقي حيدر العبادي."
    assert said(found(text)) == [
        ("حيدر العبادي", StatementKind.direct_quote, "لن نسمح بتكرار ما حدث في الموصل")]


@pytest.mark.parametrize(("text", "expected"), [
    ("في المقابل، نفى التحالف العسكري بقيادة السعودية استهداف أي تجمعات للمدنيين.",
     ("التحالف العسكري بقيادة السعودية", StatementKind.denial, "استهداف أي تجمعات للمدنيين")),
    ("واتهم الجيش السوداني قوات الدعم السريع بارتكاب مجازر بحق المدنيين في ولاية الجزيرة.",
     ("الجيش السوداني", StatementKind.accusation,
      "قوات الدعم السريع بارتكاب مجازر بحق المدنيين في ولاية الجزيرة")),
    ("وزعم الحوثيون أنهم أسقطوا طائرة مسيرة أمريكية فوق محافظة مأرب.",
     ("الحوثيون", StatementKind.claim, "أسقطوا طائرة مسيرة أمريكية فوق محافظة مأرب")),
    ("إلا أن مايا كوسيانيتش، المتحدثة باسم أشتون، نفت أن يكون للخطة أي جدول زمني.",
     ("مايا كوسيانيتش", StatementKind.denial, "يكون للخطة أي جدول زمني")),
    ("وحذرت منظمة الصحة العالمية من أن النظام الصحي في غزة على وشك الانهيار.",
     ("منظمة الصحة العالمية", StatementKind.reported_speech,
      "النظام الصحي في غزة على وشك الانهيار")),
])
def test_kinds_follow_the_reporting_verb(text: str, expected: tuple[str, StatementKind, str]
                                         ) -> None:
    assert said(found(text)) == [expected]


def test_an_attribution_of_a_fact_is_not_a_statement_but_a_relative_clause_is() -> None:
    fact = "وقتل 12 مدنيا في القصف، وفق ما أفاد المرصد السوري لحقوق الإنسان."
    assert found(fact) == []
    claim = ("وفق ما أفاد المرصد السوري لحقوق الإنسان الذي اعتبر أن «معركة حلب وصلت إلى "
             "نهايتها».")
    assert said(found(claim)) == [("المرصد السوري لحقوق الإنسان", StatementKind.direct_quote,
                                   "معركة حلب وصلت إلى نهايتها")]


def test_the_source_is_found_again_by_its_head_noun() -> None:
    text = ("قتل ثمانية أشخاص بانفجار سيارة مفخخة، بحسب ما أفاد مصدر في الشرطة العراقية.\n"
            "وأضاف المصدر أن حصيلة الضحايا «مرشحة للارتفاع».")
    assert [s.speaker for s in found(text)] == ["مصدر في الشرطة العراقية"]


def test_passive_and_adjective_forms_are_not_reporting() -> None:
    voweled = "وَفِي خُطْوَةٍ وُصِفَتْ بِأَنَّهَا بَادِرَةٌ لِبِنَاءِ الثِّقَةِ، أُفْرِجَ عَنْ الْأَسْرَى."
    adjective = "إذ تفرض السلطات قيودا مشددة على دخول الصحفيين إلى شمال سيناء."
    assert found(voweled) == [] and found(adjective) == []


def test_diacritized_text_keeps_raw_offsets() -> None:
    text = ("وَقَالَتْ مَارْجَرِيتْ تْشَانْ، مُدِيرُ عَامِّ مُنَظَّمَةِ الصِّحَّةِ الْعَالَمِيَّةِ: إِنَّ "
            "إِنْفْلُونْزَا الْخَنَازِيرِ قَدْ تَتَحَوَّلُ إِلَى وَبَاءٍ.")
    (s,) = found(text)
    assert s.speaker == "مَارْجَرِيتْ تْشَانْ"
    assert s.text == "إِنْفْلُونْزَا الْخَنَازِيرِ قَدْ تَتَحَوَّلُ إِلَى وَبَاءٍ"


def test_without_a_speaker_the_statement_is_dropped_with_a_warning() -> None:
    text = "وأضاف أن الجيش أحبط هجوما على مدينة العريش، حسبما ذكرت وكالة الأنباء الرسمية."
    doc = Doc.build(text)
    llm = FakeLLM()  # the model is not asked: it lost to the rules on the seeds
    assert find_statements(doc, llm) == [] and llm.calls == []
    assert any("without a speaker" in w for w in doc.warnings)


def test_the_model_is_not_asked_when_extracting(founding: list[Statement]) -> None:
    llm = FakeLLM()  # no reply queued: any call would fail the test
    assert found(SEED.read_text(encoding="utf-8"), llm) == founding
    assert llm.calls == []


def test_ask_speaker_offers_the_names_and_none() -> None:
    llm = FakeLLM([json.dumps({"answer": "رياض حجاب"}, ensure_ascii=False),
                   json.dumps({"answer": "none"})])
    sentence = "وقال حجاب بعد الاجتماع مع الرئيس الفرنسي فرانسوا هولاند إنه لن يتنازل."
    options = ["رياض حجاب", "فرانسوا هولاند"]
    assert ask_speaker(llm, sentence, "لن يتنازل", options) == "رياض حجاب"
    assert ask_speaker(llm, sentence, "لن يتنازل", options) is None
    messages, schema = llm.calls[0]
    assert "لن يتنازل" in messages[-1]["content"] and sentence in messages[-1]["content"]
    assert schema is not None
    assert set(schema["properties"]["answer"]["enum"]) == {*options, "none"}
    assert ask_speaker(FakeLLM(), sentence, "لن يتنازل", []) is None


# Speakers the rules find only from context: the previous speaker, a title named before.
CONTEXT = [
    ("وقال المتحدث باسم «الكرملين» ديمتري بيسكوف: «نأسف لغياب التنسيق».\nوأضاف أن «هذا التعاون "
     "كان سيتيح لنا منع الإرهابيين من شن هذا النوع من الهجمات».", "ديمتري بيسكوف"),
    ("وقال زيد الصالح إن عملية الجيش السوري في مراحلها الأخيرة، مضيفا أن أمام المسلحين إما "
     "الاستسلام أو الموت.", "زيد الصالح"),
    ("قتل ثمانية أشخاص بانفجار، بحسب ما أفاد مصدر في الشرطة العراقية.\nوأضاف المصدر أن حصيلة "
     "الضحايا «مرشحة للارتفاع» لوجود حالات حرجة بين المصابين.", "مصدر في الشرطة العراقية"),
    ("وانتقد وزير الخارجية الفرنسي جان-مارك إيرولت، أمس، «شكلا من أشكال الكذب الدائم» من جانب "
     "روسيا، متهما موسكو بأنها «تدعي» مكافحة الإرهاب.", "جان-مارك إيرولت"),
]


@pytest.mark.slow
def test_rules_beat_the_model_on_speakers_from_context(default_llm: LLM) -> None:
    """Why extraction does not ask the model; fails when a model good enough to ask is in use."""
    rules = model = 0
    for text, speaker in CONTEXT:
        doc = Doc.build(text)
        last = find_statements(doc)[-1]
        rules += last.speaker == speaker
        sentence = doc.sentence_at(last.evidence[0].start)
        options = [*names_in(doc, sentence.start, sentence.end), speaker]
        model += ask_speaker(default_llm, sentence.text, last.text, options) == speaker
    assert rules == len(CONTEXT) and rules >= model


def test_lexicons_are_in_normalized_form() -> None:
    for word in (*VERBS, *PARTICIPLES, *THAT):
        assert norm(word) == word


def test_an_addressee_or_the_quotation_is_never_the_speaker() -> None:
    text = ("وقال رئيس اللجنة محمود يعقوب إن الاقتراع توقف. وقالت للصحفيين إن المهاجمين «نجحوا "
            "في تعطيل التصويت». وقال: «لسنا ضد إغلاق المراكز لكن مع توفير البدائل».")
    assert {s.speaker for s in found(text)} == {"محمود يعقوب"}


@pytest.mark.parametrize(("text", "speaker"), [
    # someone else became the subject after the last words said: "she" is her
    ("قال المتحدث باسم الشرطة أحمد سالم إن الهدوء عاد. وأصيبت الطبيبة ليلى خالد بجروح طفيفة، "
     "وقالت: «كانت الحجارة تتطاير في كل مكان حولنا».", "ليلى خالد"),
    ("قال المتحدث باسم الشرطة أحمد سالم إن الهدوء عاد. وتعرضت الناخبة ليلى خالد للطعن "
     "على يد مسلحين. وقالت للصحفيين إن المهاجمين عطلوا التصويت.", "ليلى خالد"),
    # nobody new as subject: "he" goes on with the last speaker
    ("قال المتحدث باسم الشرطة أحمد سالم إن الهدوء عاد إلى المدينة. وأضاف أن التحقيق مستمر.",
     "أحمد سالم"),
    # a name after a preposition is not the subject
    ("قال المتحدث باسم الشرطة أحمد سالم إن الهدوء عاد. واعتقلت الشرطة شابا قرب منزل "
     "الناخبة ليلى خالد. وأضاف أن التحقيق مستمر.", "أحمد سالم"),
])
def test_an_unnamed_speaker_is_the_last_subject_named(text: str, speaker: str) -> None:
    assert found(text)[-1].speaker == speaker


@pytest.mark.parametrize(("text", "words"), [
    # a time phrase between the verb and its object or preposition
    ("وبحسب اللجنة الوطنية للطوارئ، التي أعلنت أمس الاثنين تسجيل سبع وفيات جديدة، من دون أن "
     "تكشف ملابساتها.", "تسجيل سبع وفيات جديدة"),
    ("وكان أهالي المنطقة قد تحدثوا في الساعات الأولى للحادث عن فقدان 15 شخصاً تحت الأنقاض، "
     "فيما بلغت الحصيلة الرسمية أربع وفيات.", "فقدان 15 شخصاً تحت الأنقاض"),
])
def test_time_phrases_and_the_reporters_own_clause_are_not_words_said(text: str, words: str
                                                                      ) -> None:
    assert [s.text for s in found(text)] == [words]


@pytest.mark.parametrize("when", ["أواخر كانون الثاني/يناير", "مطلع شباط/فبراير",
                                  "منتصف الشهر الماضي", "أوائل آذار/مارس", "غداة الكارثة",
                                  "عشية الانتخابات"])
def test_a_time_phrase_after_the_verb_is_not_the_speaker(when: str) -> None:
    # Written for this test in the style of a ministry bulletin (Angola's cholera, 2025).
    text = (f"وكانت وزيرة الصحة سيلفيا لوتوكوتا قد قالت {when}: «نبذل كل ما في وسعنا لمكافحة "
            "المرض، والهدف هو السيطرة عليه سريعاً».")
    assert [s.speaker for s in found(text)] == ["سيلفيا لوتوكوتا"]


def test_a_bare_title_is_the_person_named_with_a_longer_form_of_it() -> None:
    # Written for this test: «الرئيس» again after «الرئيس التشيلي غابرييل بوريك».
    text = ("وقال الرئيس التشيلي غابرييل بوريك إن «الحصيلة ستواصل الارتفاع». "
            "وأضاف الرئيس، الذي رافقه حاكم المنطقة، أن أكثر من ثلاثة آلاف منزل دُمّرت.")
    assert [s.speaker for s in found(text)] == ["غابرييل بوريك", "غابرييل بوريك"]


def test_putting_something_down_to_a_cause_is_a_statement() -> None:
    # Written for this test in the style of a provincial police statement (Herat, 2023).
    text = "وعزت شرطة هرات الحادث إلى «السرعة الزائدة والإهمال» من جانب سائق الحافلة."
    assert [(s.speaker, s.kind) for s in found(text)] == [
        ("شرطة هرات", StatementKind.reported_speech)]


def test_what_a_joined_describing_verb_describes_is_not_its_speaker() -> None:
    # Written for this test in the style of an NGO statement (Sanaa, 2024).
    text = ("وقالت منظمة ميون لحقوق الإنسان إن «الحوثيين داهموا المنازل»، ووصفت الاختطافات بأنها "
            "«ممارسات ابتزاز للحصول على مكاسب سياسية».")
    assert [s.speaker for s in found(text)] == ["منظمة ميون لحقوق الإنسان"] * 2


def test_a_noun_in_construct_a_describing_verb_opens_with_is_what_it_describes() -> None:
    # Written for this test in the style of a local paper (Nairobi, 2025): «رواية المفتش العام»
    # is described; the speaker is the chairman of the sentence before. A name is no such noun:
    # «ووصف نغونغو الهجوم بأنه» is Ngongo's.
    text = ("وقال رئيس الهيئة المستقلة للرقابة أحمد عيسى حسن إن 20 شخصاً لقوا حتفهم في الحجز. "
            "ووصف رواية المفتش العام بأنها «محاولة تستر رديئة».\n\nووصف نغونغو الهجوم بأنه «جريمة "
            "ضد الإنسانية».")
    speakers = [s.speaker for s in found(text)]
    assert speakers[:2] == ["أحمد عيسى حسن"] * 2 and speakers[2].startswith("نغونغو"), speakers
