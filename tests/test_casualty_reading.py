"""Casualty figures in crisis reports that are easy to misread: money and places counted
after a number, a figure whose modifier follows a date, and how such reports are read."""

import pytest

from agent.extract.casualties import find_casualties
from agent.text.doc import Doc


def summary(text: str) -> list[tuple]:
    return [(r.category.value, r.count_low, r.count_best, r.count_high)
            for r in find_casualties(Doc.build(text))]


@pytest.mark.parametrize("sentence", [
    "وأعلنت الحكومة صرف 50 ألف روبية لأسرة كل قتيل.",
    "وتعهد الوزير بتعويض قدره 100 ألف شلن لكل أسرة فقدت أحد أفرادها.",
    "وأصابت الفيضانات 40 مقاطعة من أصل 70.",
    "ونزح السكان إلى 25 موقعاً للإيواء.",
])
def test_money_and_places_are_no_figure(sentence):
    assert summary(sentence) == []


def test_a_modified_figure_after_a_date_is_a_count():
    sentence = "وسُجّل حتى 3 آذار/مارس أكثر من 12 ألف شخص فروا من منازلهم."
    assert summary(sentence) == [("displaced", 12000, 12000, None)]


def test_those_who_lost_their_homes_are_displaced_and_rescuers_are_a_source():
    found = find_casualties(Doc.build(
        "وقدّرت هيئة الإنقاذ الوطنية عدد من فقدوا منازلهم بنحو خمسة آلاف شخص."))
    assert [(r.category.value, r.count_best, r.reported_by) for r in found] == [
        ("displaced", 5000, "هيئة الإنقاذ الوطنية")]


def test_a_relaying_source_ends_before_naqlan():
    found = find_casualties(Doc.build(
        "وأسفر الحريق عن 12 حالة وفاة، بحسب ما أعلنته النقابة الطبية نقلاً عن مصادر في المستشفى."))
    assert [(r.category.value, r.count_best, r.reported_by) for r in found] == [
        ("killed", 12, "النقابة الطبية")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("وعثرت فرق البحث على جثث جديدة، فيما أُخرج 9 أشخاص أحياء من تحت الأنقاض.",
     ("rescued", 9)),
    ("وانتشل الغواصون أربعة صيادين أحياء بعد انقلاب القارب.", ("rescued", 4)),
    ("وقالت الشرطة إن المسلحين دفنوا ثم قتلوا 6 رهائن أحياء.", ("killed", 6)),
])
def test_people_brought_out_alive_are_rescued(sentence, expected):
    found = find_casualties(Doc.build(sentence))
    assert [(r.category.value, r.count_best) for r in found][-1:] == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("وأعلنت السلطات أن عدد المفقودين تراجع من 130 إلى 118 شخصاً بعد تحديث القوائم.",
     [("missing", 130), ("missing", 118)]),
    ("وارتفع عدد القتلى من 40 إلى 55 شخصاً، بحسب الدفاع المدني.",
     [("killed", 40), ("killed", 55)]),
])
def test_a_toll_changed_from_one_figure_to_another_keeps_the_new_one(sentence, expected):
    assert [(r.category.value, r.count_best) for r in find_casualties(Doc.build(sentence))] \
        == expected
