"""answer(): structured questions answered by code from the facts, the article's own sentence
for the rest (a named model may only veto it), citations that verify, the question's language,
and 'the article does not say'."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from agent.chat import Answer, answer, render_terminal
from agent.chat.answers import UNANSWERABLE
from agent.chat.names import place_lists
from agent.chat.question import english_stems, parse
from agent.chat.words import ar_keys, en_keys
from agent.model.llm import FakeLLM
from agent.text.arabic import norm
from agent.text.doc import Span, locate, sentences, verify
from schemas import (
    Actor,
    ArticleExtraction,
    ArticleInfo,
    CasualtyReport,
    Event,
    EventActor,
    Location,
    ModelInfo,
    Statement,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"
NEIGHBOURHOODS = ["بستان القصر", "الكلاسة", "كرم الدعدع", "الفردوس", "الجلوم", "جسر الحج"]


@cache
def founding_article() -> str:
    return SEED.read_text(encoding="utf-8")


def _span(text: str, near: int = 0) -> Span:
    found = locate(founding_article(), text, near)
    assert found is not None, text
    return found


def _place(name: str, near: int = 0) -> Location:
    return Location(name=name, evidence=[_span(name, near)])


def _numbered(prefix: str, facts: list) -> list:
    ordered = sorted(facts, key=lambda f: f.evidence[0].start)
    return [f.model_copy(update={"id": f"{prefix}{i}"}) for i, f in enumerate(ordered, 1)]


@cache
def founding_extraction() -> ArticleExtraction:
    """By hand, what extract() should give for the founding article (published 2016-12-13)."""
    article = founding_article()
    hama = article.index("وقتل 50")
    actors = _numbered("a", [
        Actor(id="", name="المرصد السوري لحقوق الإنسان", type="organization", aliases=["المرصد"],
              evidence=[_span("المرصد السوري لحقوق الإنسان")]),
        Actor(id="", name="بشار الأسد", type="person", title="الرئيس", aliases=["الأسد"],
              evidence=[_span("بشار الأسد")]),
        Actor(id="", name="زيد الصالح", type="person",
              title="لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب", affiliation="جيش الأسد",
              evidence=[_span("زيد الصالح")]),
        Actor(id="", name="رامي عبدالرحمن", type="person", title="مدير المرصد",
              evidence=[_span("رامي عبدالرحمن")]),
        Actor(id="", name="روسيا", type="state", evidence=[_span("حسبما ذكرت روسيا")]),
        Actor(id="", name="رياض حجاب", type="person", title="منسق المعارضة السورية",
              aliases=["حجاب"], evidence=[_span("رياض حجاب")]),
        Actor(id="", name="فرانسوا هولاند", type="person", title="الرئيس الفرنسي",
              evidence=[_span("فرانسوا هولاند")]),
        Actor(id="", name="داعش", type="armed_group", aliases=["تنظيم الدولة الإسلامية"],
              evidence=[_span("داعش")]),
        Actor(id="", name="ديمتري بيسكوف", type="person", title="المتحدث باسم «الكرملين»",
              aliases=["بيسكوف"], evidence=[_span("ديمتري بيسكوف")]),
        Actor(id="", name="الولايات المتحدة", type="state",
              evidence=[_span("الولايات المتحدة")]),
        Actor(id="", name="جان-مارك إيرولت", type="person", title="وزير الخارجية الفرنسي",
              evidence=[_span("جان-مارك إيرولت")]),
    ])
    ids = {a.name: a.id for a in actors}
    said = [
        ("المرصد السوري لحقوق الإنسان", "claim", "معركة حلب وصلت إلى نهايتها"),
        ("زيد الصالح", "reported_speech", "إن عملية الجيش السوري لاستعادة شرق حلب الخاضع "
         "لسيطرة المعارضة في مراحلها الأخيرة"),
        ("رامي عبدالرحمن", "direct_quote", "انسحب مقاتلو الفصائل بعد ظهر أمس بشكل كامل من أحياء "
         "بستان القصر والكلاسة وكرم الدعدع والفردوس والجلوم وجسر الحج"),
        ("رياض حجاب", "reported_speech", "إن الهزيمة في حلب لن تضعف عزم المعارضين للأسد على "
         "الإطاحة به من السلطة"),
        ("ديمتري بيسكوف", "direct_quote", "نأسف لغياب التنسيق الفعلي حتى الآن مع البلدان الأخرى "
         "وفي طليعتها الولايات المتحدة التي لا تريد التعاون"),
        ("ديمتري بيسكوف", "direct_quote", "هذا التعاون كان سيتيح لنا منع الإرهابيين من شن هذا "
         "النوع من الهجمات"),
        ("ديمتري بيسكوف", "accusation", "في هرب مجموعات كبيرة الى حد ما من الإرهابيين من العراق"),
        ("جان-مارك إيرولت", "accusation", "شكلا من أشكال الكذب الدائم"),
    ]
    statements = _numbered("s", [
        Statement(id="", speaker=who, speaker_id=ids[who], kind=kind, text=words,
                  evidence=[_span(words)]) for who, kind, words in said
    ])
    casualties = _numbered("c", [
        CasualtyReport(id="", category="displaced", count_best=130000,
                       count_text="نحو 130 ألف مدني", victims="civilians",
                       location=_place("الأحياء الشرقية"), date="2016-12-12", date_text="أمس",
                       reported_by="روسيا",
                       evidence=[_span("ودفعت المعارك المستمرة نحو 130 ألف مدني الى النزوح")]),
        CasualtyReport(id="", category="killed", count_low=50, count_best=50,
                       count_text="50 مدنيا على الأقل", victims="civilians",
                       victim_detail="بينهم 11 طفلا", cause="غارات",
                       location=_place("محافظة حماة", hama), date="2016-12-12", date_text="أمس",
                       reported_by="المرصد السوري لحقوق الإنسان",
                       evidence=[_span("وقتل 50 مدنيا على الأقل بينهم 11 طفلا")]),
        CasualtyReport(id="", category="killed", count_best=80, count_text="حوالي 80 شخصا",
                       location=_place("محافظة حماة", hama), reported_by="مصادر أخرى",
                       evidence=[_span("مصادر أخرى تحدثت عن مقتل حوالي 80 شخصا")]),
        CasualtyReport(id="", category="affected", count_low=10, count_best=10,
                       count_text="عشرات حالات الاختناق", reported_by="المرصد",
                       evidence=[_span("تسجيل عشرات حالات الاختناق")]),
    ])
    events = _numbered("e", [
        Event(id="", type="territory_change", description="انسحب مقاتلو المعارضة السورية، أمس، "
              "من 6 أحياء", date="2016-12-12", date_text="أمس", date_precision="day",
              location=_place("جنوب شرق مدينة حلب"),
              actors=[EventActor(actor_id=None, name="مقاتلو المعارضة السورية",
                                 role="initiator")],
              evidence=[_span("انسحب مقاتلو المعارضة السورية، أمس، من 6 أحياء")]),
        Event(id="", type="territory_change", description="سيطرة قوات النظام على حيي الشيخ سعيد "
              "والصالحين", location=_place("حيي الشيخ سعيد والصالحين"),
              evidence=[_span("سيطرة قوات النظام على حيي الشيخ سعيد والصالحين")]),
        Event(id="", type="displacement", description="نزوح مدنيين من أحياء أخرى",
              location=_place("حي المشهد"), evidence=[_span("نزوح مدنيين من أحياء أخرى")]),
        Event(id="", type="air_drone_strike", description="غارات لم يعرف إذا كانت سورية ام روسية "
              "استهدفت بلدات عدة", date="2016-12-12", date_text="أمس", date_precision="day",
              location=_place("محافظة حماة", hama),
              evidence=[_span("غارات لم يعرف إذا كانت سورية ام روسية استهدفت بلدات عدة")]),
        Event(id="", type="meeting_agreement", description="الاجتماع مع الرئيس الفرنسي فرانسوا "
              "هولاند", location=_place("باريس"),
              evidence=[_span("الاجتماع مع الرئيس الفرنسي فرانسوا هولاند")]),
        Event(id="", type="air_drone_strike", description="شنت أكثر من 100 غارة على المنطقة",
              location=_place("تدمر"), evidence=[_span("شنت أكثر من 100 غارة على المنطقة")]),
    ])
    return ArticleExtraction(
        article=ArticleInfo(id="4c6aceeda1af29a0", published="2016-12-13",
                            char_count=len(article)),
        events=events, actors=actors, statements=statements, casualties=casualties,
        model=ModelInfo(name="none"),
    )


def ask(question: str, llm: FakeLLM | None = None) -> Answer:
    ans = answer(question, founding_extraction(), founding_article(), llm=llm)
    for c in ans.citations:
        assert verify(founding_article(), c.quote), c
    assert [c.n for c in ans.citations] == list(range(1, len(ans.citations) + 1))
    for n in map(int, re.findall(r"\[(\d+)\]", ans.text)):
        assert 1 <= n <= len(ans.citations)
    return ans


def test_fixture_spans_verify() -> None:
    ex = founding_extraction()
    for fact in [*ex.events, *ex.actors, *ex.statements, *ex.casualties]:
        assert all(verify(founding_article(), s) for s in fact.evidence), fact.id


# ------------------------------------------------------------------ answered by code


@pytest.mark.parametrize("question", ["How many civilians were killed in Hama?",
                                      "كم مدنيا قتل في حماة؟"])
def test_killed_in_hama_lists_each_report_with_its_source(question: str) -> None:
    ans = ask(question)
    assert ans.source == "facts"
    assert "50" in ans.text and "80" in ans.text
    assert [c.fact_id for c in ans.citations] == ["c2", "c3"]
    assert "130" not in ans.text  # the displaced figure is another question
    if ans.language == "en":
        assert "at least 50" in ans.text.lower() and "about 80" in ans.text.lower()
        assert "Syrian Observatory" in ans.text and "other sources" in ans.text
    else:
        assert "المرصد السوري لحقوق الإنسان" in ans.text and "مصادر أخرى" in ans.text
    assert "11 طفلا" in ans.text


@pytest.mark.parametrize("question", [
    "How many people fled eastern Aleppo according to Russia?",
    "كم عدد المدنيين الذين نزحوا من شرق حلب بحسب روسيا؟",
])
def test_displaced_according_to_russia(question: str) -> None:
    ans = ask(question)
    assert ans.source == "facts"
    assert "130,000" in ans.text or "130 ألف" in ans.text
    assert [c.fact_id for c in ans.citations] == ["c1"]
    assert "روسيا" in ans.text or "Russia" in ans.text


@pytest.mark.parametrize("question", ["Who is Zaid al-Saleh?", "من هو زيد الصالح؟"])
def test_who_is_zaid_al_saleh(question: str) -> None:
    ans = ask(question)
    assert ans.source == "facts"
    assert "لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب" in ans.text
    assert ans.citations[0].quote.text == "لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب"
    assert ans.citations[0].fact_id == "a3"


@pytest.mark.parametrize("question", ["What did Peskov say about the United States?",
                                      "ماذا قال بيسكوف عن الولايات المتحدة؟"])
def test_what_peskov_said_about_the_united_states(question: str) -> None:
    ans = ask(question)
    assert ans.source == "facts"
    assert "نأسف لغياب التنسيق الفعلي" in ans.text
    assert "في هرب مجموعات كبيرة" in ans.text
    assert "هذا التعاون كان سيتيح" not in ans.text  # not about the United States
    assert {c.kind for c in ans.citations} == {"statement"}


@pytest.mark.parametrize("question", ["Which neighbourhoods did the fighters leave?",
                                      "ما الأحياء التي انسحب منها المقاتلون؟"])
def test_neighbourhoods_the_fighters_left(question: str) -> None:
    ans = ask(question)
    assert ans.source == "facts"
    for name in NEIGHBOURHOODS:
        assert name in ans.text
    assert "الشيخ سعيد" not in ans.text
    assert ans.citations[0].fact_id == "s3"  # Rami Abdulrahman's words hold the list


def test_according_to_a_source_keeps_only_its_figure() -> None:
    ans = ask("How many were killed in Hama according to the Syrian Observatory?")
    assert "50" in ans.text and "80" not in ans.text
    assert [c.fact_id for c in ans.citations] == ["c2"]


def test_when_and_where_from_the_facts() -> None:
    when = ask("When were the civilians killed in Hama?")
    assert "2016-12-12" in when.text and "أمس" in when.text
    where = ask("أين قتل المدنيون؟")
    assert "محافظة حماة" in where.text and where.language == "ar"


def test_english_names_keep_the_arabic_and_the_users_spelling() -> None:
    ans = ask("what did hijab say?")
    assert "Hijab (رياض حجاب) said" in ans.text  # the user's spelling, capitalized
    assert "إن الهزيمة في حلب" in ans.text


# ------------------------------------------------------------------ the article does not say


@pytest.mark.parametrize("question, lang", [
    ("How many tanks were destroyed?", "en"),
    ("What is the weather in Paris?", "en"),
    ("كم دبابة دمرت؟", "ar"),
    ("How many people were killed in Aleppo?", "en"),  # figures exist, none for Aleppo
    ("ما حالة الطقس في باريس؟", "ar"),
])
def test_unanswerable_without_asking_the_model(question: str, lang: str) -> None:
    llm = FakeLLM()  # any call would fail: nothing queued
    ans = ask(question, llm)
    assert ans.text == UNANSWERABLE[lang] and ans.citations == [] and ans.language == lang
    assert llm.calls == []


# ------------------------------------------------------------------ a named model: the veto


@pytest.mark.parametrize("question", ["ما الذي حملت موسكو واشنطن مسؤوليته؟",
                                      "What did Moscow blame Washington for?"])
def test_a_question_beyond_the_structured_ones_gets_the_articles_own_words(question) -> None:
    # No model phrases an answer (measured worse than the quote); a named one checks the quote.
    llm = FakeLLM(['{"answers": true}'])
    ans = ask(question, llm)
    assert ans.text.endswith("«وحملت موسكو واشنطن مسؤولية فشلها في التصدي للتنظيم.» [1]")
    assert ans.citations[0].kind == "sentence" and len(llm.calls) == 1
    assert "Does the passage state the answer" in llm.calls[0][0][-1]["content"]


def test_arabic_question_beyond_the_structured_ones_gets_the_articles_own_words() -> None:
    llm = FakeLLM(['{"answers": true}'])
    ans = ask("ما الذي حملت موسكو واشنطن مسؤوليته؟", llm)
    assert ans.text == "يقول المقال: «وحملت موسكو واشنطن مسؤولية فشلها في التصدي للتنظيم.» [1]"
    assert ans.citations[0].kind == "sentence" and len(llm.calls) == 1
    assert "Does the passage state the answer" in llm.calls[0][0][-1]["content"]


@pytest.mark.parametrize(("reply", "stands"), [
    ('{"answers": true}', True), ('{"answers": false}', False), ("not json", True)])
def test_a_named_model_vetoes_a_quote_it_says_does_not_answer(reply: str, stands: bool) -> None:
    ans = ask("ما الذي حملت موسكو واشنطن مسؤوليته؟", FakeLLM([reply]))
    if stands:
        assert ans.text.startswith("يقول المقال: «وحملت موسكو"), ans.text
        return
    refusal, related = ans.text.split("\n")
    assert ans.source == "none" and refusal.startswith("لا يذكر المقال"), ans.text
    assert related.startswith("معلومة ذات صلة وليست الجواب: يقول المقال: «وحملت موسكو")


def test_a_refusal_and_a_figure_are_not_put_to_the_veto() -> None:
    llm = FakeLLM()  # any call would fail: nothing queued
    assert ask("How many civilians were killed in Hama?", llm).source == "facts"
    assert ask("كم عدد القتلى في مدينة لا يذكرها المقال مثل الرقة؟", llm).source == "none"
    assert llm.calls == []


def test_without_a_model_english_questions_get_the_articles_own_words_too() -> None:
    ans = ask("What did Moscow blame Washington for?")
    assert ans.text.startswith("The article says: «وحملت موسكو واشنطن مسؤولية")


def test_why_the_article_does_not_answer_is_refused_with_the_nearest_words_related() -> None:
    # The sentence says what Moscow blamed Washington for, not why: no cause word in it.
    ans = ask("Why did Moscow blame Washington?")
    assert ans.source == "none" and ans.text.startswith("The article does not give the reason")
    assert "Related, not the answer: The article says: «وحملت موسكو واشنطن" in ans.text


# ------------------------------------------------------------------ pieces


def test_language_follows_the_question_not_the_names_in_it() -> None:
    assert parse("Who is زيد الصالح?").lang == "en"
    assert parse("من هو Zaid al-Saleh؟").lang == "ar"


def test_transliterated_names_share_consonant_keys() -> None:
    for latin, arabic in [("Peskov", "بيسكوف"), ("Saleh", "الصالح"), ("Hama", "حماة"),
                          ("Hollande", "هولاند"), ("Ayrault", "إيرولت"), ("Kremlin", "الكرملين")]:
        assert en_keys(latin) & ar_keys(norm(arabic)), latin


def test_place_lists_split_the_enumeration() -> None:
    article = founding_article()
    sent = next(s for s in sentences(article) if "بستان القصر" in s.text)
    [(names, where)] = place_lists(article, Span(text=sent.text, start=sent.start, end=sent.end))
    assert names == NEIGHBOURHOODS
    assert verify(article, where) and where.text.startswith("بستان القصر")


def test_render_terminal_shows_each_citation_with_its_words() -> None:
    out = render_terminal(ask("Who is Zaid al-Saleh?"))
    assert "[1] a3 (actor)" in out and "«لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب»" in out


# ------------------------------------------------------------------ the real default model


@pytest.fixture(scope="module")
def real(default_llm):
    """The founding article as the default model extracts it (once for these tests)."""
    from agent.extract import extract

    return extract(founding_article(), "2016-12-13", default_llm), default_llm


FOUNDING_QUESTIONS = [
    ("How many civilians were killed in Hama?", ["50", "80", "Syrian Observatory"]),
    ("كم مدنيا قتل في حماة؟", ["50 مدنيا على الأقل", "حوالي 80", "مصادر أخرى"]),
    ("How many people fled eastern Aleppo according to Russia?", ["130,000", "Russia"]),
    ("كم عدد المدنيين الذين نزحوا من شرق حلب بحسب روسيا؟", ["130 ألف", "روسيا"]),
    ("Who is Zaid al-Saleh?", ["لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب"]),
    ("من هو زيد الصالح؟", ["لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب"]),
    ("What did Peskov say about the United States?", ["نأسف لغياب التنسيق", "الولايات المتحدة"]),
    ("ماذا قال بيسكوف عن الولايات المتحدة؟", ["نأسف لغياب التنسيق", "الولايات المتحدة"]),
    ("Which neighbourhoods did the fighters leave?", NEIGHBOURHOODS),
    ("ما الأحياء التي انسحب منها المقاتلون؟", NEIGHBOURHOODS),
    ("How many tanks were destroyed?", ["The article does not say."]),
    ("What is the weather in Paris?", ["The article does not say."]),
    ("ما حالة الطقس في باريس؟", ["لا يذكر المقال ذلك."]),
]


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", FOUNDING_QUESTIONS)
def test_founding_questions_with_the_real_model(real, question: str, expected: list[str]) -> None:
    extraction, llm = real
    ans = answer(question, extraction, founding_article(), llm=llm)
    for words in expected:
        assert words in ans.text, (question, ans.text)
    for c in ans.citations:
        assert verify(founding_article(), c.quote)
    assert ans.language == ("en" if question.isascii() else "ar")
    assert "130" not in ans.text or "130" in "".join(expected)  # no stray figures


@pytest.mark.slow
def test_the_real_model_keeps_a_quote_that_answers(real) -> None:
    extraction, llm = real
    kept = answer("What did the Islamic State broadcast from Palmyra?", extraction,
                  founding_article(), llm=llm)
    assert kept.text.startswith("The article says: «إلى ذلك، بث تنظيم «داعش»"), kept.text


@pytest.mark.parametrize(("word", "stem"), [("casualties", "casualty"), ("stabbed", "stab"),
                                            ("evacuated", "evacuate"), ("carried", "carry"),
                                            ("crossings", "crossing")])
def test_english_inflections_find_their_glossary_word(word: str, stem: str) -> None:
    assert stem in english_stems(word)
