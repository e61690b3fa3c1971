"""Where a trip went or came from: the place after «إلى» or «من» in the sentence that says the
trip, copied as written and cited (agent/chat/routes.py). Articles written for these tests."""

from __future__ import annotations

from functools import cache

from agent.chat import Answer, answer
from agent.extract import extract
from schemas import ArticleExtraction

BUS = ("كانتشاري - قُتل تسعة ركاب وأصيب خمسة آخرون أمس عندما انفجر لغم بحافلة صغيرة في شرق "
       "بوركينا فاسو.\n\nوكانت الحافلة متجهة من مدينة فادا نغورما، كبرى مدن الشرق، إلى بلدة "
       "كانتشاري الحدودية، بحسب مصدر أمني.\n")
FERRY = ("الموصل - غرق 40 شخصاً على الأقل بانقلاب عبّارة في نهر دجلة.\n\nوكانت العبّارة تنقل "
         "عائلات من ضفة النهر إلى جزيرة أم الربيعين السياحية حين انقلبت.\n")


@cache
def _facts(text: str) -> ArticleExtraction:
    return extract(text, "2024-12-26")


def ask(question: str, text: str = BUS) -> Answer:
    return answer(question, _facts(text), text)


def test_where_a_trip_was_heading() -> None:
    ans = ask("Where was the minibus heading when it hit the mine?")
    assert "كانتشاري" in ans.text and "فادا" not in ans.text, ans.text
    assert ans.citations and "متجهة" in ans.citations[0].quote.text
    assert "أم الربيعين" in ask("إلى أين كانت العبّارة متجهة؟", FERRY).text


def test_where_a_trip_began() -> None:
    ans = ask("From which town had the bus set off?")
    assert "فادا نغورما" in ans.text and "كانتشاري" not in ans.text.split("[")[0], ans.text


def test_no_trip_in_the_article_is_no_route() -> None:
    ans = ask("From which port did the ferry set out?", FERRY)
    assert not ans.text.startswith("From"), ans.text


def test_a_name_beginning_with_a_preposition_letter_is_kept_after_a_designator() -> None:
    """«متجهة إلى مدينة بور جنتي»: the ب of بور begins the name, it is no preposition."""
    text = ("ليبرفيل - غرقت عبارة تقل 161 شخصاً قبالة ليبرفيل.\n\nوكانت العبارة قد أبحرت من ميناء "
            "مول متجهة إلى مدينة بور جنتي النفطية.\n")
    assert "بور جنتي" in ask("إلى أي مدينة كانت العبارة متجهة؟", text).text


def test_a_place_named_by_its_kind_keeps_where_it_stands() -> None:
    # «إلى نقطة المراقبة في ماكابا»: the post is only told apart by its place.
    text = ("جورجتاون - أُصيب ستة جنود بالرصاص حين تعرض قارب إمداد عسكري لكمين على نهر كويوني."
            "\n\nوكانت الدورية متجهة من القاعدة الرئيسية إلى نقطة المراقبة في ماكابا لنقل "
            "الإمدادات.\n")
    ans = ask("Where was the resupply boat bound when it came under fire?", text)
    assert "نقطة المراقبة في ماكابا" in ans.text, ans.text


CAMP = ("نيالا - قُتل ستة نازحين وأصيب 11 آخرون في قصف استهدف سوقاً داخل مخيم كلمة للنازحين "
        "أمس، بحسب منسقية النازحين.\n\nويقع مخيم كلمة على بعد نحو 17 كيلومتراً شرق مدينة نيالا، "
        "عاصمة ولاية جنوب دارفور، ويؤوي أكثر من 120 ألف نازح، وهو من أكبر مخيمات النزوح في "
        "الإقليم.\n\nونزح نحو 300 شخص من مخيم كلمة إلى مخيمات النزوح في منطقة بليل.\n")


def test_where_a_place_lies_is_the_sentence_that_says_so() -> None:
    for question in ("أين يقع مخيم كلمة؟", "Where is Kalma camp located?"):
        ans = ask(question, CAMP)
        assert ans.citations and ans.citations[0].quote.text.startswith("ويقع مخيم كلمة"), ans.text
    # Nyala is named in that sentence, but not as what lies there.
    ans = ask("أين تقع مدينة نيالا؟", CAMP)
    assert not any(c.quote.text.startswith("ويقع") for c in ans.citations), ans.text
