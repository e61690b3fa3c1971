"""Date words resolved against the publication date, with the precision the words allow."""

from __future__ import annotations

from datetime import date

import pytest

from agent.errors import InputError
from agent.extract.dates import fields, find_dates, nearest, parse_published
from agent.text.doc import Doc
from schemas import DatePrecision

TUESDAY = date(2016, 12, 13)  # the founding article's publication day


def resolve(text: str, published: date | None = TUESDAY) -> tuple[str | None, str | None, str]:
    doc = Doc.build(text, published)
    iso, words, precision = fields(nearest(find_dates(doc, 0, len(text))))
    return iso, words, precision.value


@pytest.mark.parametrize(("text", "iso", "words"), [
    ("انسحب مقاتلو المعارضة، أمس، من ستة أحياء", "2016-12-12", "أمس"),
    ("وقال المرصد أول أمس إن الغارات توقفت", "2016-12-11", "أول أمس"),
    ("وصل الوفد أول من أمس إلى جنيف", "2016-12-11", "أول من أمس"),
    ("قصفت الطائرات البلدة الليلة الماضية", "2016-12-12", "الليلة الماضية"),
    ("اندلعت الاشتباكات فجر اليوم في حي الشجاعية", "2016-12-13", "فجر اليوم"),
    ("سقطت قذائف على المدينة مساء أمس الاثنين", "2016-12-12", "مساء أمس الاثنين"),
    ("وفي صنعاء أُعلن اتفاق أول أمس الأحد", "2016-12-11", "أول أمس الأحد"),
    ("تظاهر الآلاف في الخرطوم بعد ظهر أمس", "2016-12-12", "بعد ظهر أمس"),
    ("اعتقلت الشرطة ناشطين السبت الماضي", "2016-12-10", "السبت الماضي"),
    ("عقد الاجتماع الثلاثاء الماضي في جنيف", "2016-12-06", "الثلاثاء الماضي"),
    ("أعلن الجيش الأحد أنه استعاد القرية", "2016-12-11", "الأحد"),
    ("سيعقد الطرفان اجتماعا الخميس المقبل", "2016-12-15", "الخميس المقبل"),
    # what lasts until a weekday lasts until the next one
    ("مددت السلطات الإنذار الأحمر حتى الأحد", "2016-12-18", "الأحد"),
])
def test_relative_days_count_back_from_publication(text: str, iso: str, words: str) -> None:
    assert resolve(text) == (iso, words, "day")


@pytest.mark.parametrize(("text", "iso", "words", "precision"), [
    ("وقعت المجزرة في 12 ديسمبر 2016 في حلب", "2016-12-12", "12 ديسمبر 2016", "day"),
    ("منذ 12 كانون الأول/ديسمبر", "2016-12-12", "12 كانون الأول/ديسمبر", "day"),
    ("في ١٥ كانون الثاني/يناير ٢٠١٥ سيطر التنظيم على الرمادي", "2015-01-15",
     "١٥ كانون الثاني/يناير ٢٠١٥", "day"),
    ("انطلقت الاحتجاجات في 5 جوان 2019 في الجزائر", "2019-06-05", "5 جوان 2019", "day"),
    ("اندلع النزاع في الخامس عشر من ديسمبر 2013", "2013-12-15", "الخامس عشر من ديسمبر 2013",
     "day"),
    ("قُتل في 15 رمضان 1437 هـ", "2016-06-20", "15 رمضان 1437 هـ", "day"),
    ("اتفاق ستوكهولم الموقع في ديسمبر (كانون الأول) الماضي", "2015-12-01",
     "في ديسمبر (كانون الأول) الماضي", "month"),
    ("وصل المبعوث في شهر آب", "2016-08-01", "في شهر آب", "month"),
    ("نزح الآلاف الشهر الماضي", "2016-11-01", "الشهر الماضي", "month"),
    ("دمرت الحرب المدينة خلال عام 2014", "2014-01-01", "خلال عام 2014", "year"),
    ("تراجعت الهجمات العام الماضي", "2015-01-01", "العام الماضي", "year"),
    ("نزحت 350 أسرة خلال الأسبوع الماضي", "2016-12-06", "الأسبوع الماضي", "week"),
    ("في 12/10/2016 فُرض حظر التجول", "2016-10-12", "12/10/2016", "day"),
    # A number the next word counts is no year: 1855 cases by 17 April.
    ("بلغ عدد الحالات حتى 17 نيسان/أبريل 1855 حالة", "2016-04-17", "17 نيسان/أبريل", "day"),
])
def test_written_dates_keep_their_precision(text: str, iso: str, words: str,
                                            precision: str) -> None:
    assert resolve(text) == (iso, words, precision)


def test_diacritized_weekday_with_its_synonym_for_past() -> None:
    text = "اخْتُتِمَتْ فِي مَسَاءِ يَوْمِ الْأَحَدِ الْفَائِتِ فَعَالِيَّاتُ الْمُؤْتَمَرِ"
    assert resolve(text) == ("2016-12-11", "مَسَاءِ يَوْمِ الْأَحَدِ الْفَائِتِ", "day")


@pytest.mark.parametrize("text", [
    "مارس الجيش ضغوطا على الفصائل",       # مارس: a verb here, not March
    "وصلت التعزيزات في اليوم التالي",        # the next day: not today
    "توصل الطرفان إلى اتفاق بوساطة أعيان منطقة سوق الجمعة",  # a market, not Friday
    "قُتل أب لثلاثة أطفال في القصف",          # أب: a father, not August
    "قُتل خمسة أشخاص في الانفجار",            # خامس / خمسة: no أمس inside
])
def test_words_that_only_look_like_dates(text: str) -> None:
    assert resolve(text) == (None, None, "unknown")


def test_without_publication_relative_words_keep_their_text_only() -> None:
    assert resolve("قُتل ثلاثة مدنيين أمس في غارة", None) == (None, "أمس", "unknown")
    assert resolve("في 12 ديسمبر 2016 انسحب المقاتلون", None) == (
        "2016-12-12", "12 ديسمبر 2016", "day")


def test_anchor_picks_the_date_of_the_fact_not_of_the_saying() -> None:
    text = "قال المرصد اليوم إن قوات النظام سيطرت أمس على بلدة خان شيخون"
    doc = Doc.build(text, TUESDAY)
    mentions = find_dates(doc, 0, len(text))
    assert fields(nearest(mentions, anchor=text.index("سيطرت")))[:2] == ("2016-12-12", "أمس")
    assert fields(nearest(mentions))[0] == "2016-12-13"  # the first, equally precise


def test_the_next_day_and_the_morrow_count_from_the_day_told() -> None:
    text = "دفنت 37 جثة يوم 20 يونيو/حزيران، ثم دفنت خمسون جثة أخرى في اليوم التالي."
    doc = Doc.build(text, date(2023, 7, 13))
    assert [(m.text, m.date) for m in find_dates(doc)][1] == ("في اليوم التالي", date(2023, 6, 21))
    text = "خيّم الحزن اليوم الثلاثاء على البلدة، غداة مواجهات أسفرت عن مقتل شابين."
    doc = Doc.build(text, TUESDAY)
    at = text.index("مقتل")
    assert fields(nearest(find_dates(doc), anchor=at))[:2] == ("2016-12-12", "غداة")
    # With no day told before it, the next day is no date; the morrow is publication's eve.
    assert [m.text for m in find_dates(Doc.build("ووصلوا في اليوم التالي.", TUESDAY))] == []
    assert resolve("وعاد الهدوء غداة الاشتباكات.") == ("2016-12-12", "غداة", "day")


def test_mentions_are_spans_of_the_raw_article() -> None:
    text = "سقط صاروخ مساء أمس الأربعاء، ثم أُعلنت هدنة في ٢٠ تشرين الثاني/نوفمبر ٢٠١٩"
    doc = Doc.build(text, date(2019, 11, 21))
    mentions = find_dates(doc)
    assert [m.text for m in mentions] == ["مساء أمس الأربعاء", "٢٠ تشرين الثاني/نوفمبر ٢٠١٩"]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.date for m in mentions] == [date(2019, 11, 20), date(2019, 11, 20)]
    assert mentions[0].precision is DatePrecision.day


def test_published_is_parsed_or_refused_with_a_clear_message() -> None:
    assert parse_published("2016-12-13") == TUESDAY
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published("13/12/2016")
    with pytest.raises(InputError, match="2016-02-30"):
        parse_published("2016-02-30")
