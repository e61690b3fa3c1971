"""Places copied as written, with the wider area and the country when the article gives them."""

from __future__ import annotations

import pytest

from agent.extract.places import find_location, is_place, main_place
from agent.text.doc import Doc, verify


def locate(text: str, anchor_word: str | None = None) -> tuple[str, str | None, str | None] | None:
    doc = Doc.build(text)
    anchor = text.index(anchor_word) if anchor_word else None
    loc = find_location(doc, 0, len(text), anchor=anchor)
    if loc is None:
        return None
    assert all(verify(text, s) for s in loc.evidence)
    assert loc.evidence[0].text == loc.name
    return loc.name, loc.area, loc.country


@pytest.mark.parametrize(("text", "expected"), [
    ("قُتل 50 مدنيا في غارات على بلدات في محافظة حماة بوسط سورية",
     ("محافظة حماة", "وسط سورية", "سورية")),
    ("انسحب المقاتلون من ستة أحياء في جنوب شرق مدينة حلب",
     ("جنوب شرق مدينة حلب", None, None)),
    ("قُتل خمسة أشخاص في غارة على بلدة كفر نبل بريف إدلب الجنوبي",
     ("بلدة كفر نبل", "ريف إدلب الجنوبي", None)),
    ("شنت طائرات التحالف غارات على مدينة الحديدة غربي اليمن",
     ("مدينة الحديدة", "غربي اليمن", "اليمن")),
    ("اندلعت اشتباكات في مدينة الفاشر، السودان", ("مدينة الفاشر", None, "السودان")),
    ("سقطت قذائف على حي الشجاعية شرق مدينة غزة", ("حي الشجاعية", "شرق مدينة غزة", None)),
    ("سيطرت قوات النظام على حيي الشيخ سعيد والصالحين", ("حيي الشيخ سعيد والصالحين", None, None)),
    ("انفجرت سيارة مفخخة وسط بغداد", ("وسط بغداد", None, None)),
    ("وقتل جندي بالموصل", ("الموصل", None, None)),
    ("اشتباكات عنيفة في العاصمة الليبية طرابلس", ("العاصمة الليبية طرابلس", None, None)),
    ("اعتُقل ناشطون فِي مَدِينَةِ بَنْغَازِي", ("مَدِينَةِ بَنْغَازِي", None, None)),
    ("نزحت أسر من مديرية مقبنة", ("مديرية مقبنة", None, None)),
    ("انفجرت عبوة قرب قاعدة عين الأسد", ("قاعدة عين الأسد", None, None)),
    ("وفي باريس، قال منسق المعارضة", ("باريس", None, None)),
    ("تدور معارك في شمال سوريا", ("شمال سوريا", None, "سوريا")),
    # After a feminine designator an adjective ends in ة: a word in ي is the name.
    ("دمّر الانفجار بلدة أبياتي القريبة من المنجم", ("بلدة أبياتي", None, None)),
    ("نزح السكان من منطقة أبيي المتنازع عليها", ("منطقة أبيي", None, None)),
    ("غرق مركب في محافظة ذي قار جنوبي العراق", ("محافظة ذي قار", "جنوبي العراق", "العراق")),
    ("غرقت عبّارة في نهر سوغاندا جنوبي البلاد", ("نهر سوغاندا", None, None)),
    ("استهدفت الغارة مركزاً للمهاجرين في ضاحية تاجوراء", ("ضاحية تاجوراء", None, None)),
    ("انقلب قارب قبالة جزيرة لامبيدوزا الإيطالية", ("جزيرة لامبيدوزا", None, None)),
    ("فرّ عشرات السجناء من سجن بادوش غربي الموصل", ("سجن بادوش", "غربي الموصل", None)),
    ("وقع انفجار قرب شارع حمادة في الإسكندرية", ("شارع حمادة", "الإسكندرية", None)),
    # A designator after a designator begins a place of its own: the stadium is not named.
    ("قُتل 56 شخصاً في تدافع داخل ملعب بمدينة نزيريكوري", ("مدينة نزيريكوري", None, None)),
    # The seat of a wider place is written before it: the city, then its province.
    ("قُتل 84 شخصاً بمدينة كرمان، مركز محافظة كرمان جنوب شرقي البلاد",
     ("مدينة كرمان", "محافظة كرمان", None)),
    # A direction after a designator opens the name: the state is West Darfur.
    ("قُتل مدنيون في الجنينة عاصمة ولاية غرب دارفور", ("الجنينة", "ولاية غرب دارفور", None)),
    # A foreign name of two words after its head: Saint-Marc, Ciudad Juárez.
    ("نزح آلاف السكان إلى مدينة سان مارك شمالي العاصمة", ("مدينة سان مارك", None, None)),
    ("اندلع حريق في مركز للمهاجرين بمدينة سيوداد خواريز", ("مدينة سيوداد خواريز", None, None)),
    # A bare foreign name of two words that end the phrase; not a direction or a time after it.
    ("قُتل 1023 شخصاً في مديرية زنده جان في ولاية هرات", ("مديرية زنده جان", "ولاية هرات", None)),
    ("انهار جسر في مقاطعة فو تو شمالي البلاد", ("مقاطعة فو تو", None, None)),
    ("غرقت عبّارة في نهر دجلة عصر أمس", ("نهر دجلة", None, None)),
    ("توفي تسعة في ولاية أوديشا شرقاً", ("ولاية أوديشا", None, None)),
    # a second word too short for a clitic, before a number: Nkhata Bay, Yen Bai
    ("وسجلت منطقة نخاتا باي 1128 إصابة و31 وفاة", ("منطقة نخاتا باي", None, None)),
    ("قُتل 53 شخصاً في مقاطعة ين باي شمالي البلاد", ("مقاطعة ين باي", None, None)),
    ("وقالت النيابة العامة في ولاية إيدالغو بأن 54 جثة انتُشلت", ("ولاية إيدالغو", None, None)),
    ("وكان سد قد انهار قرب مدينة ماريانا عام 2015", ("مدينة ماريانا", None, None)),
    # 'alone' after a name ends it: Balish Khel
    ("قُتل ثمانية أشخاص في اشتباكات ليل الأحد في بلدة بالش خيل وحدها",
     ("بلدة بالش خيل", None, None)),
    # a sea's or a river's colour is its name's
    ("انهار سد أربعات في ولاية البحر الأحمر أمس", ("ولاية البحر الأحمر", None, None)),
])
def test_places_as_written(text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert locate(text) == expected


@pytest.mark.parametrize("text", [
    "وحملت موسكو واشنطن مسؤولية فشلها",        # capitals as actors, no locative
    "سقطت قذيفة على منطقة سكنية",              # a nisba adjective, not a name
    "سقطت قذيفة على حي سكني",                  # the same after a masculine designator
    "وأفادت مصادر محلية بأن القصف تواصل",      # محلية is 'local' as often as a district
    "وسقطت قذائف على أحياء شرق المدينة",        # a direction before a common noun
    "سقط الصاروخ في منطقة مفتوحة",             # a participle, not a name
    "انسحبوا من 6 أحياء كانت تحت سيطرتهم",     # a counted noun and a verb
    "نفذتها قوة من مديرية الاستخبارات",        # a directorate, not a district
    "ودفعت المعارك السكان إلى مغادرة المدينة",  # a common noun
    "قال مقاتلو المعارضة السورية",              # an adjective, not the country
])
def test_words_that_are_not_places(text: str) -> None:
    assert locate(text) is None


def test_the_place_nearest_the_fact_wins_and_a_fronted_place_counts_less() -> None:
    text = "وفي محافظة ديالى، أدى انفجار عبوة ناسفة في قضاء المقدادية إلى مقتل جنديين"
    assert locate(text, "انفجار") == ("قضاء المقدادية", None, None)
    text = "قال مسؤول في بغداد إن مسلحين هاجموا نقطة تفتيش في مدينة سامراء"
    assert locate(text, "هاجموا")[0] == "مدينة سامراء"


def test_a_place_a_distance_is_measured_from_is_not_where_it_happened() -> None:
    text = "ففي بلدة كفرصير، على بعد نحو 9 كيلومترات شمال النبطية، دمّرت غارة منزلاً فقتلت رجلاً"
    assert locate(text, "فقتلت")[0] == "بلدة كفرصير"


def test_known_places_with_clitics() -> None:
    assert is_place("بحلب") and is_place("والموصل") and is_place("للموصل")
    assert is_place("صنعاء") and is_place("جنوب السودان")
    assert not is_place("السوريه") and not is_place("الجيش")


def test_a_place_that_starts_like_a_clitic_is_read_whole() -> None:
    # Oujda (وجدة) is not و + جدة (Jeddah); «بجدة» is still ب + جدة.
    text = "ورشق مئات الشبان قوات الأمن بالحجارة في وجدة شرقي البلاد"
    assert locate(text, "ورشق")[0] == "وجدة"
    assert locate("وحطت الطائرة بجدة مساء أمس", "وحطت")[0] == "جدة"


def test_main_place_is_the_city_named_most() -> None:
    text = ("بورتسودان - قُتل مدنيون في قصف على الفاشر. وقالت منظمة إن مستشفى الفاشر استقبل "
            "جرحى. ونزحت أسر من الفاشر إلى مخيم زمزم.")
    loc = main_place(Doc.build(text))
    assert loc is not None and loc.name == "الفاشر"
    assert text[loc.evidence[0].start : loc.evidence[0].end] == "الفاشر"
    assert main_place(Doc.build("قُتل جندي في حلب.")) is None  # named once: not the main place
