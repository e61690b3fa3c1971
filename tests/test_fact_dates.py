"""Which date words date a fact: the report's day never, the fact's own clause first, a span's
edge never (agent/extract/fact_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from agent.extract.casualties import find_casualties
from agent.extract.casualty_context import place_and_date
from agent.extract.dates import find_dates
from agent.extract.events import find_events
from agent.extract.fact_dates import of_the_report
from agent.text.doc import Doc
from schemas import EventType

T = EventType
THURSDAY = date(2016, 12, 15)  # publication day of these made-up reports


def event_dates(text: str, published: date = THURSDAY) -> list[tuple[EventType, str | None]]:
    return [(e.type, e.date) for e in find_events(Doc.build(text, published))]


@pytest.mark.parametrize(("text", "expected"), [
    # the ministry spoke on Thursday; the blast was on Tuesday evening
    ("أعلنت وزارة الداخلية اليوم الخميس أن الانفجار الذي وقع مساء الثلاثاء في سوق المدينة "
     "أودى بحياة ستة أشخاص.", [(T.explosion_bombing, "2016-12-13")]),
    # a speaker with a long name, the day between commas: the day he spoke, not of the strike
    ("قال وزير الصحة أحمد سالم الكبيسي، اليوم الخميس، إن 12 شخصاً أصيبوا في الغارة.",
     [(T.air_drone_strike, None)]),
    # the day a group claimed an attack is not the day of the attack
    ("تبنى تنظيم «داعش» اليوم الخميس الهجوم على نقطة تفتيش في ضواحي كركوك.",
     [(T.armed_clash, None)]),
    # the dateline dates the dispatch
    ("الموصل 15-12-2016 (أ ف ب) - اعتقلت قوات الأمن عشرة أشخاص في حي الزهور.",
     [(T.arrest, None)]),
    # "that day" is a day told before, not the day of publication
    ("واندلعت اشتباكات مسلحة في ذلك اليوم قرب مبنى المحافظة.", [(T.armed_clash, None)]),
    # an ongoing fight since Wednesday fixes no single day
    ("تتواصل الاشتباكات العنيفة في ضواحي المدينة منذ أمس الأربعاء.", [(T.armed_clash, None)]),
    # a curfew or a truce declared on Wednesday starts that day
    ("أعلنت الحكومة الأربعاء حظر التجول في المدينة.", [(T.other, "2016-12-14")]),
    ("أعلنت الحكومة الأربعاء هدنة لمدة ثلاثة أيام.", [(T.meeting_agreement, "2016-12-14")]),
])
def test_an_event_takes_the_day_it_happened(text: str, expected: list) -> None:
    assert event_dates(text) == expected


def test_an_event_told_undated_takes_the_day_it_is_told_again_with() -> None:
    text = ("ارتفع عدد قتلى انهيار المبنى السكني في حي الشهداء إلى تسعة. "
            "وكان المبنى قد انهار فجر أمس الأربعاء بعد أيام من أعمال حفر بجواره.")
    assert event_dates(text) == [(T.accident, "2016-12-14")]


def test_a_day_of_background_is_not_taken_from_a_later_mention() -> None:
    text = ("ارتفع عدد قتلى انهيار المبنى السكني في حي الشهداء إلى تسعة. "
            "وكان مبنى مجاور قد انهار في مارس 2009.")
    assert event_dates(text) == [(T.accident, None)]


def test_a_casualty_figure_takes_the_incident_day_not_the_announcement_day() -> None:
    text = ("أعلن الدفاع المدني السوري اليوم الخميس مقتل خمسة أشخاص في القصف الذي استهدف "
            "مساء الثلاثاء حي الفردوس.")
    doc = Doc.build(text, THURSDAY)
    (report,) = place_and_date(doc, find_casualties(doc))
    assert (report.date, report.date_text) == ("2016-12-13", "مساء الثلاثاء")


@pytest.mark.parametrize(("text", "words", "reported"), [
    ("قالت الشرطة أمس إن مسلحين أحرقوا السوق", "أمس", True),
    ("قالت الشرطة إن مسلحين أحرقوا أمس السوق", "أمس", False),  # inside what was said
    ("وفي مؤتمر صحفي مساء اليوم، تحدث المحافظ عن الأضرار", "مساء اليوم", True),
    ("وصلت التعزيزات إلى المدينة أمس", "أمس", False),
])
def test_a_date_of_the_report(text: str, words: str, reported: bool) -> None:
    doc = Doc.build(text, THURSDAY)
    (mention,) = [m for m in find_dates(doc) if m.text == words]
    assert of_the_report(doc, mention) is reported
