"""Events found by trigger words, typed, dated, placed, merged per happening, spans verified."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agent.extract.event_clauses import Trigger, clause_scope
from agent.extract.event_triggers import find_triggers
from agent.extract.event_typing import modality
from agent.extract.events import MAX_MODEL_CALLS, find_events
from agent.model.llm import FakeLLM
from agent.text.doc import Doc, verify
from schemas import ActorRole, Event, EventSubtype, EventType, Modality

T = EventType
S = EventSubtype
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"
PUBLISHED = date(2016, 12, 13)


def events(text: str, published: date | None = PUBLISHED) -> list[Event]:
    found = find_events(Doc.build(text, published))
    for event in found:
        assert event.id == ""
        assert event.evidence and all(verify(text, s) for s in event.evidence)
        assert event.description in text
        if event.location is not None:
            assert all(verify(text, s) for s in event.location.evidence)
    return found


def only(text: str, published: date | None = PUBLISHED) -> Event:
    found = events(text, published)
    assert len(found) == 1, [(e.type, e.description) for e in found]
    return found[0]


def with_words(found: list[Event], words: str) -> Event:
    return next(e for e in found if any(words in s.text for s in e.evidence))


@pytest.fixture(scope="module")
def founding() -> list[Event]:
    return events(SEED.read_text(encoding="utf-8"))


def test_founding_withdrawal_told_twice_is_one_event(founding: list[Event]) -> None:
    e = with_words(founding, "انسحب مقاتلو المعارضة السورية")
    assert e.type is T.territory_change and e.date == "2016-12-12" and e.date_text == "أمس"
    assert e.location is not None and "مدينة حلب" in e.location.name
    assert any("انسحب مقاتلو الفصائل" in s.text for s in e.evidence)  # the observatory's quote
    assert [(a.name, a.role) for a in e.actors] == [("مقاتلو المعارضة السورية",
                                                     ActorRole.initiator)]


def test_founding_takeover_displacement_and_meeting(founding: list[Event]) -> None:
    takeover = with_words(founding, "سيطرة قوات النظام على حيي")
    assert takeover.type is T.territory_change
    assert takeover.location is not None and "الشيخ سعيد" in takeover.location.name
    assert ("قوات النظام", ActorRole.initiator) in [(a.name, a.role) for a in takeover.actors]

    fled = with_words(founding, "130 ألف مدني")
    # "حسبما ذكرت روسيا أمس": the day Russia said it, not the day of the flight (GUIDE.md)
    assert fled.type is T.displacement and fled.date is None

    meeting = with_words(founding, "الاجتماع مع الرئيس الفرنسي")
    assert meeting.type is T.meeting_agreement and meeting.modality is Modality.asserted
    assert meeting.location is not None and meeting.location.name == "باريس"
    assert {a.name for a in meeting.actors} == {"حجاب", "الرئيس الفرنسي فرانسوا هولاند"}


def test_founding_palmyra_and_the_air_strikes(founding: list[Event]) -> None:
    palmyra = with_words(founding, "مدينة تدمر التي سيطر عليها")
    assert palmyra.type is T.territory_change
    assert palmyra.date is None  # a relative clause does not take the broadcast's "أمس"
    assert any(s.text == "استعادة تدمر" for s in palmyra.evidence)  # Ayrault tells it again

    moscow = with_words(founding, "100 غارة")
    assert moscow.type is T.air_drone_strike and moscow.date is None
    assert [(a.name, a.role) for a in moscow.actors] == [("موسكو", ActorRole.initiator)]

    hama = with_words(founding, "غارات لم يعرف")
    assert hama.type is T.air_drone_strike and hama.date == "2016-12-12"
    assert hama.location is not None
    assert (hama.location.name, hama.location.area) == ("محافظة حماة", "وسط سورية")
    # "قتل 50 مدنيا" and "هذه الغارات" are the same strikes, not events of their own
    assert not any(e.type is T.attack_on_civilians for e in founding)
    assert sum(e.type is T.air_drone_strike for e in founding) == 2


def test_founding_talk_is_not_an_event(founding: list[Event]) -> None:
    spans = " ".join(s.text for e in founding for s in e.evidence)
    assert "تنازلات" not in spans  # "ستقدم تنازلات": hypothetical talk, not an advance
    assert "الهجمات" not in spans and "مكافحة الإرهاب" not in spans
    assert sorted(e.type.value for e in founding) == sorted([
        "territory_change", "territory_change", "territory_change", "armed_clash",
        "shelling_artillery", "displacement", "displacement", "meeting_agreement",
        "air_drone_strike", "air_drone_strike"])


@pytest.mark.parametrize(("text", "kind"), [
    ("شنت طائرات التحالف غارات على مدينة صعدة فجر اليوم", T.air_drone_strike),
    ("استهدفت طائرة مسيرة سيارة قرب مدينة مأرب", T.air_drone_strike),
    ("وقصفت مقاتلات التحالف مواقع للحوثيين في صعدة", T.air_drone_strike),
    ("أطلقت الفصائل صواريخ باتجاه مدينة عسقلان", T.shelling_artillery),
    ("سقطت قذائف هاون على حي في دمشق", T.shelling_artillery),
    ("انفجرت سيارة مفخخة في سوق شعبي وسط بغداد مساء أمس", T.explosion_bombing),
    ("قُتل جنديان بانفجار لغم أرضي في مديرية حيس", T.explosion_bombing),
    ("اندلعت اشتباكات بين الجيش وقوات الدعم السريع في مدينة الأبيض", T.armed_clash),
    ("سيطرت حركة الشباب على بلدة جناله بعد انسحاب الجيش", T.territory_change),
    ("دخلت القوات العراقية مدينة الموصل", T.territory_change),
    ("نزح أكثر من ألفي شخص من قرى غرب مدينة الجنينة", T.displacement),
    ("أُرغم آلاف الأسر على ترك ديارهم في ولاية النيل الأزرق", T.displacement),
    ("اعتقلت قوات الأمن خمسة ناشطين في مدينة تعز", T.arrest),
    ("تظاهر آلاف الطلاب في الخرطوم اليوم الخميس", T.protest),
    ("اندلعت مواجهات بين متظاهرين وقوات الأمن في مدينة الزاوية", T.riot),
    ("أعدم تنظيم داعش عشرين مدنيا في قرية قرب الموصل", T.attack_on_civilians),
    ("اغتال مسلحون مجهولون ناشطا في مدينة كربلاء", T.attack_on_civilians),
    ("توصل الطرفان إلى اتفاق لوقف إطلاق النار في طرابلس", T.meeting_agreement),
    ("التقى المبعوث الأممي وفد الحوثيين في مسقط", T.meeting_agreement),
    ("دفن انزلاق أرضي عشرات المنازل في منتجع شوفي أمس", T.natural_disaster),
    ("غمرت المياه ست قرى بعد انهيار سد قيد الإنشاء في أتابو", T.natural_disaster),
    ("أودت موجة الهواء القطبي بحياة سبعة أشخاص بلا مأوى في الأوروغواي", T.natural_disaster),
])
def test_each_kind_from_its_words(text: str, kind: EventType) -> None:
    assert only(text).type is kind


def test_an_attack_told_with_its_place_or_day_is_one() -> None:
    assert only("وشن مسلحون هجوماً على قرية في منطقة أبيي.").type is T.attack_on_civilians
    assert only("وشن مسلحون هجوماً أمس الأحد.").type is T.armed_clash


def test_a_killing_in_a_strike_is_the_strike() -> None:
    e = only("قُتل 12 مدنيا بينهم أطفال في قصف مدفعي على بلدة التمانعة أمس")
    assert e.type is T.shelling_artillery and e.date == "2016-12-12"
    assert e.location is not None and e.location.name == "بلدة التمانعة"


def test_cues_type_an_open_trigger() -> None:
    assert only("تعرضت مدينة درعا لقصف بالبراميل المتفجرة").type is T.air_drone_strike
    assert only("قصفت المدفعية قرى في ريف حلب الشمالي").type is T.shelling_artillery
    assert only("نفذ انتحاري هجوما بحزام ناسف على حاجز").type is T.explosion_bombing


@pytest.mark.parametrize(("text", "kind"), [
    ("وقالت الوكالة إن طائرة حربية أطلقت صاروخين على المدرسة فجر اليوم.", T.air_drone_strike),
    ("وأصيب المبنى بصاروخ أطلقته طائرة مسيرة أمس.", T.air_drone_strike),
    ("اعترضت الدفاعات الجوية صاروخين أطلقا من جنوب لبنان أمس.", T.shelling_artillery),
])
def test_a_missile_an_aircraft_fires_is_an_air_strike(text: str, kind: EventType) -> None:
    assert only(text).type is kind


def test_an_attack_with_mortars_and_machine_guns_is_a_clash() -> None:
    e = only("قتل خمسة جنود في هجوم بقذائف الهاون والأسلحة الرشاشة شنه مسلحون على قاعدة "
             "عسكرية فجر اليوم.")
    assert e.type is T.armed_clash


@pytest.mark.parametrize(("text", "modality"), [
    ("ستنسحب القوات من مدينة سرت الأسبوع المقبل", Modality.hypothetical),
    ("دعا المبعوث الأممي الطرفين إلى وقف إطلاق النار في الحديدة", Modality.hypothetical),
    ("زعمت الجماعة أنها سيطرت على معسكر اليرموك", Modality.claimed),
    ("اتهم الجيش الحوثيين بإطلاق صواريخ على مدينة جيزان", Modality.claimed),
    ("انسحب المقاتلون من بلدة خان شيخون", Modality.asserted),
    ("قتل شخصان قرب البلدة، ما أشعل اشتباكات بين القبيلتين", Modality.asserted),
])
def test_modality(text: str, modality: Modality) -> None:
    assert only(text).modality is modality


@pytest.mark.parametrize("text", [
    "لم تنسحب القوات من المدينة",                      # negated: the statement says it
    "ما انسحبت القوات من البلدة",                       # negated, "ما" right before
    "نفت الوزارة شن أي غارات على مناطق سكنية",          # a denial
    "وتسيطر الفصائل على حيين رئيسيين",                  # a state, not a takeover
    "ما زالت البلدة تحت سيطرة المعارضة",                # a state
    "ثم لاذ المسلحون بالفرار",                          # an idiom: they got away
    "وصل الوفد إلى ساحة التحرير",                       # a square's name, not a liberation
    "وأكد أن الحكومة ماضية في مكافحة الإرهاب",          # no happening
    "وقال إن «الهجمات الإرهابية» تهدد المنطقة",          # attacks in general, quoted
    "اعتقل شخصان متورطان في تفجيرات سابقة",             # past bombings, as background
    "ينص القانون على المعاقبة بالإعدام",                 # a sentence, not an execution
    "ستقدم المعارضة تنازلات",                            # "تقدم" is not an advance here
    # attacks in general: no place, day or toll of their own
    "وأعلن العراق هزيمة التنظيم، غير أن خلاياه لا تزال تشن هجمات في مناطق مختلفة.",
    "ولم يُعلن عن أي اعتقال حتى الآن.",                 # «أي» under a negation: none at all
    # a search stopped, past a subject of three words and a day
    "أوقفت فرق الإنقاذ الصربية اليوم السبت البحث عن ناجين.",
])
def test_words_that_report_no_event(text: str) -> None:
    found = events(text)
    assert all(e.type is T.arrest for e in found) if "اعتقل" in text else not found, found


def test_headline_joins_the_report_it_heads() -> None:
    text = ("اليمن: قتلى بغارات على صعدة\n\n"
            "صعدة - قُتل ستة مدنيين في غارات شنتها طائرات التحالف على سوق في مدينة صعدة أمس.")
    e = only(text)
    assert e.type is T.air_drone_strike and len(e.evidence) == 2
    assert e.evidence[0].text.startswith("قتلى بغارات")
    assert ("طائرات التحالف", ActorRole.initiator) in [(a.name, a.role) for a in e.actors]


def test_a_definite_mention_points_back() -> None:
    text = ("انفجرت عبوة ناسفة قرب دورية للجيش في قضاء المقدادية صباح اليوم. "
            "ولم تتبن أي جهة التفجير حتى الآن.")
    e = only(text)
    assert e.type is T.explosion_bombing and len(e.evidence) == 2
    assert e.date == "2016-12-13" and e.location is not None
    assert e.location.name == "قضاء المقدادية"


def test_diacritized_text_and_eastern_digits() -> None:
    text = "اِنْسَحَبَتْ الْقُوَّاتُ مِنْ مَدِينَةِ سِرْتَ أَمْسِ"
    e = only(text)
    assert e.type is T.territory_change and e.date == "2016-12-12"
    assert e.location is not None and e.location.name == "مَدِينَةِ سِرْتَ"
    e = only("سيطر الجيش على بلدة الحمرا في ١٢ كانون الأول/ديسمبر ٢٠١٦", None)
    assert (e.date, e.date_precision.value) == ("2016-12-12", "day")


def test_without_publication_relative_dates_stay_words() -> None:
    e = only("شنت طائرات التحالف غارات على مدينة صعدة فجر اليوم", None)
    assert (e.date, e.date_text, e.date_precision.value) == (None, "فجر اليوم", "unknown")


OPEN = "وتعرضت بلدة كفرنبل لقصف عنيف صباح اليوم"


def test_the_model_is_not_asked_unless_consulted() -> None:
    llm = FakeLLM()
    found = find_events(Doc.build(OPEN, PUBLISHED), llm)
    assert [e.type for e in found] == [T.shelling_artillery] and llm.calls == []


def test_consulted_model_chooses_among_the_open_types() -> None:
    llm = FakeLLM(['{"answer": "air_drone_strike"}'])
    found = find_events(Doc.build(OPEN, PUBLISHED), llm, consult=True)
    assert [e.type for e in found] == [T.air_drone_strike]
    messages, schema = llm.calls[0]
    assert "لقصف" in messages[-1]["content"] and schema is not None
    assert "none" in str(schema)

    llm = FakeLLM(['{"answer": "none"}'])
    assert find_events(Doc.build(OPEN, PUBLISHED), llm, consult=True) == []


def test_model_calls_are_budgeted_per_article() -> None:
    text = " ".join(f"وتعرضت بلدة {name} لقصف عنيف." for name in
                    ("كفرنبل", "سراقب", "تلمنس", "جرجناز", "معرشورين", "التمانعة"))
    llm = FakeLLM(['{"answer": "shelling_artillery"}'] * 10)
    find_events(Doc.build(text, PUBLISHED), llm, consult=True)
    assert len(llm.calls) == MAX_MODEL_CALLS


def test_an_aim_is_no_event_unless_an_operation_pursues_it() -> None:
    assert events("تسعى القوات الحكومية لاستعادة مدينة سرت") == []
    e = only("شن الجيش هجوما واسعا لاستعادة مدينة سرت من قبضة التنظيم")
    assert e.type is T.armed_clash and e.modality is Modality.asserted


@pytest.mark.parametrize(("text", "riot"), [
    ("وشابت أعمال عنف الانتخابات التي جرت أمس في البلاد.", False),
    ("وقالت الوزارة إن أعمال عنف رافقت تجمعات احتجاجية شهدتها عدة مدن أمس.", True),
    ("وقالت الشرطة إن احتجاجات العمال تحولت أمس إلى أعمال نهب وتخريب في المدينة.", True),
    ("ونهب مسلحون القرية، في أعمال نهب وتخريب طالت المنازل أمس.", False),
    ("وأدت الأزمة إلى احتجاجات عنيفة في المحافظة أمس.", True),
])
def test_violence_is_a_riot_only_in_an_article_about_protesters(text: str, riot: bool) -> None:
    assert any(e.type is T.riot for e in events(text)) is riot


def test_a_protest_that_clashes_is_one_riot() -> None:
    e = only("تظاهر آلاف في مدينة البصرة وتصادموا مع قوات الأمن")
    assert e.type is T.riot and len(e.evidence) == 1


def triggers_of(text: str) -> list[Trigger]:
    doc = Doc.build(text, PUBLISHED)
    return [t for sentence in doc.sentences for t in find_triggers(doc, sentence)]


@pytest.mark.parametrize(("text", "found"), [
    ("شنت طائرات حربية غارات جوية على المدينة", [("غارات جوية", (T.air_drone_strike,))]),
    ("انسحب مقاتلو المعارضة من الحي", [("انسحب", (T.territory_change,))]),
    ("قصف الجيش البلدة", [("قصف", (T.shelling_artillery, T.air_drone_strike))]),  # open
    ("تسيطر الفصائل على حيين", []),                  # an imperfect: a state, not an event
    ("نقل المعتقلون إلى مركز احتجاز", []),           # part of a name
    ("لاذ المسلحون بالفرار", []),                    # the attackers got away
])
def test_find_triggers_looks_words_up_in_context(text, found):
    """event_triggers.find_triggers: the lexicons and the context rules, before any typing."""
    assert [(t.text, t.options) for t in triggers_of(text)] == found


@pytest.mark.parametrize(("text", "mood"), [
    ("انسحب المقاتلون من الحي", Modality.asserted),
    ("لم ينسحب المقاتلون من الحي", Modality.negated),
    ("ستنسحب القوات من المدينة", Modality.hypothetical),
    ("دعا الوزير إلى وقف إطلاق النار", Modality.hypothetical),
    ("زعمت الوكالة أن الطائرات قصفت المستشفى", Modality.claimed),
])
def test_modality_of_a_trigger(text, mood):
    (t,) = triggers_of(text)
    assert modality(text, t) is mood


def test_clause_scope_stops_at_a_new_clause():
    text = "قصفت الطائرات المدينة، فيما اتهم التحالف الجيش"
    (t,) = triggers_of(text)
    start, end = clause_scope(text, t)
    assert text[start:end] == "قصفت الطائرات المدينة"


@pytest.mark.parametrize(("text", "kind", "subtype"), [
    ("ضرب زلزال بقوة 6 درجات جنوب البلاد فجر اليوم.", T.natural_disaster, "earthquake"),
    ("اجتاحت السيول قرى المحافظة أمس.", T.natural_disaster, "flood"),
    ("وقع انهيار أرضي في قرية جبلية أمس.", T.natural_disaster, "landslide"),
    ("انقلبت حافلة تقل عمالاً على الطريق الصحراوي.", T.accident, "road"),
    ("تحطمت طائرة شحن قرب المطار.", T.accident, "air"),
    ("غرق قارب يقل مهاجرين قبالة السواحل.", T.accident, "water"),
    ("شب حريق في سوق شعبي وسط المدينة.", T.accident, "fire"),
    ("اندلعت حرائق في ولايتين جبليتين أمس وأتت على مساحات واسعة.", T.natural_disaster,
     "wildfire"),
    ("اندلعت حرائق في مبنى تجاري وسط العاصمة أمس.", T.accident, "fire"),
    ("انفجرت أسطوانة غاز في مطعم وسط المدينة.", T.accident, "explosion"),
    ("انهار مبنى سكني من خمسة طوابق في الحي.", T.accident, "collapse"),
    ("قتل 12 شخصاً في تدافع عند بوابة الملعب.", T.accident, "stampede"),
    ("أعلنت الوزارة تفشي الكوليرا في ثلاث محافظات.", T.disease_outbreak, "epidemic"),
])
def test_crises_that_are_not_war_are_events_with_their_subtype(text, kind, subtype):
    event = only(text)
    assert (event.type, event.subtype) == (kind, subtype)


@pytest.mark.parametrize("text", [
    "انفجرت سيارة مفخخة قرب حاجز للجيش.",
    "قتل 5 أشخاص في غارة جوية أشعلت حريقاً في السوق.",
    "اندلعت حرائق في الأحياء الشرقية جراء القصف المدفعي أمس.",
    "شنت الطائرات غارات على البلدة أمس. واندلعت حرائق في محيطها.",
])
def test_war_keeps_its_types(text):
    found = events(text)
    assert found and all(e.type not in (T.accident, T.natural_disaster) for e in found)
    assert all(e.subtype is None for e in found)


@pytest.mark.parametrize(("text", "kind"), [
    ("أكد الوزير أن انهيار الهدنة سيعيد الحرب.", T.accident),  # not a building
    ("حذر التقرير من تفشي الفساد في المؤسسات.", T.disease_outbreak),  # not a disease
    ("أعلن التحالف انتهاء عملية عاصفة الحزم.", T.natural_disaster),  # an operation's name
    ("ونقل إلى المستشفى مصاباً بإسهال مائي حاد وجفاف.", T.natural_disaster),  # dehydration
])
def test_words_that_only_sound_like_a_crisis(text, kind):
    assert all(e.type is not kind for e in events(text))


def test_one_accident_told_three_ways_is_one_event_and_a_storm_holds_its_floods():
    crash = events("اصطدمت حافلة بحاجز على الطريق قبل أن تنقلب، واشتعلت النيران فيها.")
    assert [(e.type, e.subtype) for e in crash] == [(T.accident, "road")]
    storm = events("ضرب الإعصار الساحل مساء الأحد.\nوجرفت السيول عشرات السيارات في الساحل.")
    assert [(e.type, e.subtype) for e in storm] == [(T.natural_disaster, "storm")]


@pytest.mark.parametrize(("text", "kind"), [
    ("وقع انهيار أرضي في قرية جبلية أمس. وانفصل جزء من سفح الجبل عقب أسابيع من الأمطار "
     "الغزيرة.", T.natural_disaster),
    ("اندلع حريق ضخم في مستودع للوقود أمس. وقالت الوزارة إن صاعقة أصابت أحد الخزانات "
     "خلال عاصفة رعدية.", T.accident),
])
def test_the_weather_that_caused_a_disaster_is_part_of_it(text, kind):
    e = only(text)
    assert e.type is kind and len(e.evidence) == 2


def test_a_storm_of_its_own_is_another_event():
    found = events("اندلع حريق في مستودع للوقود أمس. وضربت عاصفة رعدية المدينة مساء اليوم.")
    assert [e.type for e in found] == [T.accident, T.natural_disaster]


def test_the_houses_an_earthquake_brought_down_are_the_earthquake():
    found = events("ضرب زلزال عنيف إقليم الحوز ليل الجمعة.\nوانهارت منازل كثيرة في القرى.")
    assert [e.type for e in found] == [T.natural_disaster]


def test_the_vehicle_of_a_crash_is_not_its_actor():
    assert only("تحطمت طائرة ركاب قرب المطار اليوم.").actors == []


@pytest.mark.parametrize(("text", "kind"), [
    ("وألغت شركة الطيران كل رحلاتها إلى المدينة.", T.other),
    ("وفرضت السلطات حظر التجول في المدينة مساء أمس.", T.other),
    ("وتعرضت المواقع الحكومية لهجوم إلكتروني واسع أمس.", T.other),
    ("وأعلن الرئيس حالة الطوارئ في نظام السجون لمدة 60 يوماً.", T.other),
    ("وأعلنت المنظمة اليوم تعليق أنشطتها في مناطق الإقليم.", T.other),
    ("وفرضت سلطات الولاية قيوداً على التنقل.", T.other),
    ("وفرض الرئيس إغلاقاً لمدة 21 يوماً على منطقتين.", T.other),
    ("وعلّقت جامعة طرابلس أمس الدراسة والامتحانات حتى إشعار آخر.", T.other),
    ("فيما أُقفلت معظم المدارس أمس.", T.other),
    ("وفرضت السلطات حجراً صحياً على القرية حتى نهاية الشهر.", T.other),
    ("وأعلنت الحكومة أمس إقالة وزير الأمن.", T.other),
    ("ومدّد والي أنقرة اليوم حظر التظاهر في المدينة.", T.other),
    ("وأجلت السلطات نحو 800 من سكان الحي أمس.", T.displacement),
    ("وبدأت السلطات إجلاء السكان ظهر اليوم.", T.displacement),
    ("وأعلنت الحكومة اليوم عطلة رسمية حداداً على أرواح الضحايا.", T.other),
    ("وجرت الانتخابات الرئاسية في البلاد أمس السبت.", T.meeting_agreement),
    ("واختطف مسلحون ثلاثة صحفيين في المدينة أمس.", T.attack_on_civilians),
    ("وأطلق مستوطنون النار على سيارة فلسطينية قرب نابلس أمس.", T.attack_on_civilians),
])
def test_crisis_measures_votes_and_one_sided_violence(text: str, kind: EventType) -> None:
    assert only(text).type is kind


def test_each_measure_is_its_own_event_and_what_it_shuts_is_no_actor() -> None:
    found = events("وأعلن الرئيس حداداً وطنياً لمدة يومين. وأعلن الرئيس مساء الجمعة حالة الطوارئ"
                   " في المنطقة. وقال الرئيس إن الحداد يبدأ غداً.")
    assert [e.type for e in found] == [T.other, T.other]
    closed = only("وأُغلقت المكاتب الحكومية في المدينة أمس.")
    assert closed.type is T.other and closed.actors == []


@pytest.mark.parametrize("text", [
    "وقررت الحكومة إلغاء القرار السابق.",  # politics, not a closure
    "وهاجم المسلحون القرية قرابة الساعة الخامسة فجراً.",  # "فجراً" is dawn, not a bombing
    "وتخضع المنطقة لحالة الطوارئ.",  # a state, not a declaration
    "ولم يصدر أي تعليق فوري عن الجيش.",  # a comment, not a suspension
    "وأكد الوزير حداد على أهمية التحقيق.",  # the minister Haddad, not a mourning
    "وجرى إجلاء الجرحى إلى المستشفى.",  # the wounded taken to hospital, not displaced
])
def test_no_measure_nor_bombing_in_politics_or_dawn(text: str) -> None:
    assert all(e.type not in (T.other, T.explosion_bombing, T.displacement)
               for e in events(text))


@pytest.mark.parametrize(("text", "kind"), [
    ("قتل عشرون شخصاً في هجوم مسلح على كنيسة في المدينة أمس.", T.attack_on_civilians),
    ("وقال إن الهجوم الذي شنه مسلحون ليل أمس على القرية خلف قتلى.", T.attack_on_civilians),
    ("قتل تسعة من سكان القرية في هجوم شنه مسلحون أمس.", T.attack_on_civilians),
    ("هاجم مسلحون قاعدة للجيش في المنطقة أمس.", T.armed_clash),
    ("واقتحم مسلحون كنيسة القديس فرنسيس في المدينة أمس.", T.attack_on_civilians),
    ("إذ هاجم بلطجية مراكز اقتراع في عدة أحياء من المدينة.", T.attack_on_civilians),
    ("وشنت القوات اقتحاماً واسعاً لمدينة جنين أمس.", T.armed_clash),
    ("قتل جنديان ومدني في هجوم على قاعدة عسكرية أمس.", T.armed_clash),
    ("وأفادت المفوضية بإطلاق النار على فارين أثناء محاولتهم مغادرة المدينة.",
     T.attack_on_civilians),
    ("قتل ستة موظفين في هجوم استهدف قافلة للجنة الدولية أمس.", T.attack_on_civilians),
    ("قتل ستة في هجوم استهدف قافلة عسكرية أمس.", T.armed_clash),
])
def test_an_attack_on_civilians_is_one_sided(text: str, kind: EventType) -> None:
    assert only(text).type is kind


@pytest.mark.parametrize(("text", "kind"), [
    ("وتجمع مئات من ذوي النزلاء أمام السجن مطالبين بنشر أسماء الضحايا.", T.protest),
    ("وأحرق محتجون غاضبون مركزاً للشرطة في المدينة أمس.", T.riot),
    ("حيث احتشد مئات الفقراء للحصول على مساعدات نقدية.", None),
    ("وأضرم المسلحون النار في المساكن.", None),
])
def test_people_who_gather_or_burn_protest_only_as_a_crowd(text: str, kind: EventType | None
                                                            ) -> None:
    assert [e.type for e in events(text)] == ([kind] if kind else [])


def test_seoul_is_no_flood_and_a_tunnel_collapses() -> None:
    text = ("سيول - قتل 153 شخصاً في تدافع وسط العاصمة سيول أمس. "
            "وأكدت سفارة روسيا في سيول مقتل ثلاثة مواطنين.")
    assert [e.type for e in events(text)] == [T.accident]
    assert only("جرفت سيول الأمطار عشرات المنازل أمس.").type is T.natural_disaster
    e = only("قتل 48 شخصاً في انهيار نفق في موقع للتنقيب عن الذهب أمس.")
    assert e.type is T.accident and e.subtype is S.collapse


@pytest.mark.parametrize(("text", "kind"), [
    ("وعقد مركز عمليات الطوارئ اجتماعه الدوري اليوم.", T.meeting_agreement),
    ("وأكد شهود احتجازه لدى قوات الدعم السريع أمس.", T.arrest),
])
def test_a_noun_with_a_possessive_is_its_trigger(text: str, kind: EventType) -> None:
    assert only(text).type is kind


def test_a_dual_noun_is_its_singular_trigger() -> None:
    e = only("قتل 95 شخصاً في التفجيرين الإرهابيين اللذين استهدفا أمس المشاركين في المراسم.")
    assert e.type is T.explosion_bombing
    assert all(e.type is not T.explosion_bombing for e in events(
        "واعترضت الدفاعات الجوية طائرتين مسيرتين مفخختين."))


@pytest.mark.parametrize("text", [
    "محذراً من فيضانات إضافية في المناطق المنخفضة.",
    "ما يرفع خطر تفشي الكوليرا في المخيمات.",
    "مع احتمال وقوع هجمات انتقامية في أي وقت.",
    "ارتفع منسوب النهر ما يهدد بفيضانه خلال الأيام المقبلة.",
])
def test_a_warning_or_a_risk_is_no_event(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "وقال الطبيب إن الأطفال معرضون للوفاة بأمراض مثل الكوليرا والملاريا.",
    "ونُقل الجرحى إلى مستشفيات المدينة المنهكة أصلاً بتفشي فيروس كورونا.",
    "وتقع البلدة في منطقة تعاني أصلاً من جفاف حاد.",
    "وطالبت المنظمة بإطلاق سراح المعتقلين فوراً.",
    "وسمع السكان إطلاق النار في الهواء طوال الليل.",
])
def test_a_standing_condition_or_a_kind_is_no_event(text: str) -> None:
    assert events(text) == []


def test_the_happening_a_span_starts_from_is_no_news() -> None:
    assert events("وشارك أكثر من خمسة آلاف شخص في الزيارة، في أكبر إقبال منذ جائحة كورونا.") == []


@pytest.mark.parametrize(("text", "kind"), [
    ("وتتواصل عمليات البحث لليوم السادس منذ الزلزال الذي ضرب المدينة فجر الاثنين.",
     T.natural_disaster),
    ("وتتواصل منذ أمس اشتباكات عنيفة في المدينة.", T.armed_clash),
])
def test_since_a_told_happening_or_a_day_is_still_news(text: str, kind: EventType) -> None:
    assert only(text).type is kind


def test_a_happening_before_a_list_of_examples_is_still_one() -> None:
    assert only("اجتاحت السيول مدناً مثل كسلا وسنار أمس.").type is T.natural_disaster


def test_a_tally_of_arrests_is_no_event_but_cases_are_an_outbreak() -> None:
    assert events("ووثق المركز ما لا يقل عن 356 حالة توقيف في 12 موقعاً.") == []
    assert only("وبلغت حالات الكوليرا في البلاد 1004 حالات.").type is T.disease_outbreak


def test_weapons_of_one_attack_make_one_event() -> None:
    e = only("قتل عشرة أشخاص في هجوم بطائرة مسيرة وقذائف مدفعية على مخيم للنازحين أمس.")
    assert e.type is T.air_drone_strike


def test_outbreak_is_one_event_per_announcing_country() -> None:
    found = events("توفي مريض بفيروس كورونا في السعودية أمس. وأعلنت قطر عن حالة وفاة بالفيروس، "
                   "كما أعلنت الكويت عن رصد حالتي إصابة بالفيروس.")
    assert [e.type for e in found] == [T.disease_outbreak] * 3
    assert [e.location.name if e.location else None for e in found] == [
        "السعودية", "قطر", "الكويت"]


def test_definite_attack_points_back_to_the_told_massacre() -> None:
    found = events("ارتكب مسلحون مجزرة في قرية أوغوساغو أمس. ودعت الحكومة إلى التحقيق في الهجوم.")
    assert [e.type for e in found] == [T.attack_on_civilians]


@pytest.mark.parametrize("text", [
    "غرق قارب صيد قبالة السواحل أمس. وتعيد الحادثة إلى الأذهان فيضانات ضربت المدينة في مارس 2015.",
    "غرق قارب صيد قبالة السواحل أمس. وكانت اشتباكات قد اندلعت في المدينة في أكتوبر الماضي.",
    # The same date words close the sentence before: the mention next to the trigger dates it.
    "غرق قارب صيد قبالة السواحل أمس، وكان القارب قد صنع عام 2012. وكان ربانه قد اعتقل عام "
    "2012 بتهمة التهريب.",
    # A quoted name between the happening and its date does not part them.
    "غرق قارب صيد قبالة السواحل أمس. ويذكّر الحادث بخطف «بوكو حرام» 276 تلميذة عام 2014.",
])
def test_happening_dated_before_the_news_is_background(text: str) -> None:
    e = only(text, date(2016, 12, 13))
    assert e.type is T.accident and "قارب" in e.evidence[0].text


@pytest.mark.parametrize(("text", "kind", "day"), [
    ("ارتفعت حصيلة الهجوم الذي استهدف فجر السبت قرية في وسط البلاد إلى 160 قتيلاً.",
     T.attack_on_civilians, "2019-03-23"),
    ("وارتفعت حصيلة ضحايا الفيضانات التي ضربت الإقليم أمس إلى 40 قتيلاً.",
     T.natural_disaster, "2019-03-24"),
])
def test_the_toll_of_a_happening_tells_the_happening(text: str, kind: EventType, day: str
                                                     ) -> None:
    e = only(text, date(2019, 3, 25))
    assert e.type is kind and e.date == day


def test_date_across_a_comma_may_be_another_happenings() -> None:
    e = only("ضرب الإعصار المداري الإقليم وقتل 50 شخصاً، بينهم عشرة قتلوا خلال مروره الأول "
             "الشهر الماضي.", date(2016, 12, 13))
    assert e.type is T.natural_disaster


@pytest.mark.parametrize("text", [
    "وسيطرت فرق الإطفاء على النيران بعد ثلاث ساعات.",
    "وقال الضابط إن السائق فقد السيطرة على المقود.",
    "وقتل المسلح حارساً واستولى على سلاحه.",
    "وأكد الوزير أن الشرطة سيطرت على الوضع في السجن.",
    "وهاجم مسلحون القرية فجراً واستولوا على ثلاثة جمال وعدد من الأبقار.",
    "وأوضحت أن المهاجمين استولوا على خمس سيارات رباعية الدفع.",
])
def test_control_of_a_fire_or_a_weapon_takes_no_territory(text: str) -> None:
    assert all(e.type is not T.territory_change for e in events(text))


def test_raiders_who_withdraw_after_the_raid_take_no_territory() -> None:
    e = only("هاجم مسلحون قرية في المنطقة أمس وقتلوا ثلاثة من سكانها قبل أن ينسحبوا.")
    assert e.type is not T.territory_change
    held = only("سيطر المسلحون على القاعدة لساعات قبل أن ينسحبوا منها مع وصول تعزيزات.")
    assert held.type is T.territory_change and "ينسحبوا منها" in held.evidence[-1].text


def test_control_of_a_town_is_still_a_territory_change() -> None:
    e = only("وسيطرت قوات الجيش على بلدة الحمرا صباح أمس.")
    assert e.type is T.territory_change


@pytest.mark.parametrize(("text", "subtype"), [
    ("لقي 12 شخصاً حتفهم إثر سقوط سيارة ميكروباص في ترعة بمحافظة الشرقية أمس.", "road"),
    ("قتل خمسة أشخاص في تصادم قطارين قرب مدينة الأقصر أمس.", "rail"),
    ("غرق 20 مهاجراً إثر انقلاب قاربين قبالة سواحل صفاقس أمس.", "water"),
])
def test_a_vehicle_that_falls_collides_or_overturns_is_an_accident(text: str, subtype: str
                                                                   ) -> None:
    e = only(text)
    assert e.type is T.accident and e.subtype == subtype


def test_a_town_that_falls_is_still_taken() -> None:
    e = only("وأعلن التنظيم سقوط مدينة تدمر في أيدي مقاتليه أمس.")
    assert e.type is T.territory_change


@pytest.mark.parametrize("text", [
    "وأعلن رئيس الوزراء الحداد الوطني ثلاثة أيام على أرواح الضحايا.",
    "وبدأت البلاد أمس حداداً رسمياً لمدة أسبوع.",
])
def test_a_declared_mourning_is_an_event(text: str) -> None:
    assert only(text).type is T.other


def test_a_measure_is_dated_by_the_day_it_was_declared() -> None:
    e = only("وأعلنت الحكومة حالة الطوارئ في الإقليم يوم الجمعة.")
    assert (e.type, e.date) == (T.other, "2016-12-09")


def test_the_surname_haddad_is_no_mourning() -> None:
    found = events("وقال الناطق باسم الوزارة سمير حداد إن الطقس سيتحسن في الأيام المقبلة.")
    assert all(e.type is not T.other for e in found)


@pytest.mark.parametrize("text", [
    "خطف مسلحون عشرات التلاميذ من مدرستهم أمس، فيما تمكن آخرون من الفرار.",
    "أغلق المسلحون أبواب الكنيسة لمنع المصلين من الفرار.",
])
def test_getting_away_from_the_scene_is_no_displacement(text: str) -> None:
    assert all(e.type is not T.displacement for e in events(text))


def test_fleeing_a_war_is_still_displacement() -> None:
    e = only("اضطر آلاف السكان إلى الفرار من البلدة أمس.")
    assert e.type is T.displacement


@pytest.mark.parametrize("text", [
    "قتل 30 شخصاً في الفيضانات ونزح أكثر من 40 ألف شخص في شمال البلاد.",
    "أسفرت المعارك عن مقتل 20 شخصاً وإصابة 50 آخرين ونزوح نحو 6000 شخص.",
    "ضربت الفيضانات الإقليم أمس، ونزحت أكثر من 300 أسرة، وأقامت السلطات مخيمات مؤقتة.",
])
def test_a_count_of_the_displaced_is_a_toll_not_a_happening(text: str) -> None:
    assert all(e.type is not T.displacement for e in events(text))


@pytest.mark.parametrize("text", [
    "نزح أكثر من ألفي شخص إلى مدينة كسلا.",
    "نزح نحو 1200 شخص يحتمون حالياً في مدارس البلدة.",
    "ونزح نحو أربعة ملايين طفل عن ديارهم.",
    "وقالت المنظمة إن فرقها رصدت «فرار ما يصل إلى 15 ألف شخص» من قرى غرب المدينة.",
])
def test_displaced_who_went_somewhere_are_a_displacement(text: str) -> None:
    assert only(text).type is T.displacement


def test_a_headline_tells_the_displacement_with_its_count() -> None:
    e = only("تصعيد في إدلب ونزوح عشرات الآلاف\nاضطر 60 ألف شخص إلى النزوح من ريف إدلب "
             "الجنوبي.\n")
    assert e.type is T.displacement and e.evidence[0].text.startswith("تصعيد")


def test_guards_who_shoot_at_fleeing_migrants_attack_civilians_and_displace_nobody() -> None:
    e = only("وأطلق الحراس النار على المهاجرين أثناء محاولتهم الفرار.")
    assert e.type is T.attack_on_civilians


def test_shooting_at_protesters_is_their_riot() -> None:
    e = only("اندلعت مواجهات بين محتجين وقوات الأمن في المدينة أمس.\nواتهم المتحدث مندسين "
             "بإطلاق النار على المحتجين.")
    assert e.type is T.riot and "بإطلاق النار على المحتجين" in e.evidence[-1].text


def test_an_explosion_after_a_told_accident_is_that_accident() -> None:
    e = only("قتل عشرة عمال في تسرب غاز الكلور بالمصنع أمس. وقال شهود إن الصهريج سقط "
             "فارتطم بالأرض وانفجر.")
    assert e.type is T.accident


def test_a_headline_attack_that_no_word_types_is_the_body_s_happening() -> None:
    e = only("هجوم حوثي دامٍ على سفينة تجارية\nأصيبت السفينة بصاروخ باليستي أطلقه الحوثيون "
             "أمس في خليج عدن.\n")
    assert e.type is T.shelling_artillery and e.evidence[0].text.startswith("هجوم حوثي")


def test_a_port_blast_is_an_accident_named_by_its_headline() -> None:
    e = only("انفجار ميناء الشهيد رجائي\nاندلع حريق ضخم في الميناء أمس وامتد إلى الحاويات.\n")
    assert e.type is T.accident and e.subtype == "explosion"


def test_forest_fires_are_a_wildfire_that_their_headline_heads() -> None:
    e = only("حرائق ريف اللاذقية\nاندلعت الحرائق الحراجية في ريف اللاذقية الشمالي أمس.\n")
    assert e.type is T.natural_disaster and e.subtype == "wildfire"
    assert len(e.evidence) == 2


def test_a_head_on_collision_between_trains_is_a_rail_accident() -> None:
    e = only("قتل 40 شخصاً في تصادم وجهاً لوجه بين قطار ركاب وقطار شحن قرب المدينة أمس.")
    assert e.type is T.accident and e.subtype == "rail"


def test_clashes_with_stones_are_a_riot() -> None:
    e = only("شهد الحي أمس مواجهات تبادل فيها السكان والمهاجرون الرشق بالحجارة.")
    assert e.type is T.riot


def test_a_passive_arrest_is_an_arrest() -> None:
    e = only("وأُلقي القبض على ثلاثة من المسلحين أحياء في المجمع أمس.")
    assert e.type is T.arrest


@pytest.mark.parametrize("text", [
    "توفي ثلاثة أطفال في تفشٍّ يُشتبه بأنه للحصبة داخل مخيم للنازحين.",
    "سجلت السلطات 40 إصابة مؤكدة جديدة بحمى لاسا خلال الأسبوع الماضي.",
    "توفي عشرة أشخاص في قرية نائية جراء تفشي «التهاب تنفسي حاد».",
])
def test_outbreaks_of_named_diseases_and_indefinite_outbreaks(text: str) -> None:
    assert only(text).type is T.disease_outbreak


def test_a_food_poisoning_is_an_accident() -> None:
    assert only("أصيب 569 تلميذاً بأعراض التسمم الغذائي بعد تناول وجبات مدرسية.").type is T.accident


def test_an_outbreak_s_spread_with_a_pronoun_is_its_own_when_abroad() -> None:
    found = events("سجّل لبنان أول إصابة بالكوليرا أمس. ويأتي ظهور المرض بعد نحو شهر من "
                   "تفشيه في سوريا المجاورة.")
    assert [e.location.name if e.location else None for e in found] == ["لبنان", "سوريا"]


def test_an_outbreak_told_first_without_its_country_is_one_with_its_report() -> None:
    found = events("توفي أول مريض بالكوليرا في مدينة طرابلس أمس. وكانت وزارة الصحة قد سجلت أول "
                   "إصابة بالكوليرا في لبنان الأسبوع الماضي.")
    assert len(found) == 1 and found[0].location and found[0].location.name == "لبنان"


def test_outbreaks_of_two_diseases_are_two_events() -> None:
    found = events("سجلت الوزارة 183 إصابة جديدة بالكوليرا في السودان. وأفادت الوزارة بأن "
                   "الإصابات بحمى الضنك في السودان بلغت 440 حالة.")
    assert [e.type for e in found] == [T.disease_outbreak] * 2


@pytest.mark.parametrize(("text", "kind"), [
    ("قُتل 11 عسكرياً في هجوم شنّه مسلحون على قافلة لقوات الأمن في المنطقة أمس.", T.armed_clash),
    ("قُتل ثلاثة في هجوم شنّه مسلحون على دورية للشرطة قرب الحدود أمس.", T.armed_clash),
    ("لقي سبعة أشخاص حتفهم في كمين استهدف قافلة غادرت فندقاً في البلدة.",
     T.attack_on_civilians),
    ("قُتل جنديان في كمين استهدف دورية للجيش قرب الحدود.", T.armed_clash),
])
def test_an_attack_or_ambush_is_a_clash_on_forces_and_one_sided_on_civilians(
        text: str, kind: EventType) -> None:
    assert only(text).type is kind


def test_a_headline_attack_on_a_convoy_heads_the_clash_with_its_soldiers() -> None:
    e = only("مقتل 11 عسكرياً في هجوم على قافلة قرب الحدود\n\nقُتل 11 عسكرياً في هجوم شنّه "
             "مسلحون على قافلة لقوات الأمن في منطقة أوركزاي ليل الثلاثاء.")
    assert e.type is T.armed_clash and len(e.evidence) == 2


def test_prisoners_who_flee_break_out_and_are_displaced_nowhere() -> None:
    e = only("فرّ آلاف السجناء من السجن الوطني في العاصمة ليل أمس السبت.")
    assert e.type is T.other
    assert only("فرّ آلاف السكان من البلدة إلى الغابات المحيطة بها أمس.").type is T.displacement
