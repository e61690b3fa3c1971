"""Sentences and spans: the offsets every fact's evidence depends on."""

from agent.text.doc import MAX_SENTENCE, Doc, locate, sentences, span, verify
from schemas import Span

ARTICLE = (
    "صنعاء - قُتل ٣ مدنيين في غارة على الحديدة، أمس.\n\n"
    "وقال المتحدث باسم الصليب الأحمر: «الوضع كارثي. المستشفيات ممتلئة». "
    "وأضاف أن نسبة الإشغال بلغت 3.5 أضعاف... في بعض المرافق؟ نعم"
)


def test_sentences_cover_the_article_without_cutting_quotes_or_numbers():
    found = sentences(ARTICLE)
    assert all(ARTICLE[s.start : s.end] == s.text for s in found)
    texts = [s.text for s in found]
    assert texts[0] == "صنعاء - قُتل ٣ مدنيين في غارة على الحديدة، أمس."
    assert texts[1] == "وقال المتحدث باسم الصليب الأحمر: «الوضع كارثي. المستشفيات ممتلئة»."
    assert texts[2].startswith("وأضاف أن نسبة الإشغال بلغت 3.5 أضعاف... في بعض")
    assert texts[2].endswith("؟")
    assert texts[3] == "نعم"


def test_a_full_stop_after_a_number_ends_the_sentence_unless_it_numbers_a_line():
    text = ("قدّر رئيس مجموعة إنسانية محلية عدد القتلى بـ63. وأفاد مرصد كيفو الأمني بمقتل 40 "
            "مدنياً منذ عام 2022.\n1. إجلاء الجرحى\n12. توزيع المساعدات")
    texts = [s.text for s in sentences(text)]
    assert texts == ["قدّر رئيس مجموعة إنسانية محلية عدد القتلى بـ63.",
                     "وأفاد مرصد كيفو الأمني بمقتل 40 مدنياً منذ عام 2022.",
                     "1. إجلاء الجرحى", "12. توزيع المساعدات"]


def test_the_points_of_an_acronym_and_of_an_initial_end_no_sentence():
    text = ("وكان التلفزيون الرسمي (أو.آر.تي.إم) قد بث حصيلة أولية. وقالت وزيرة الصحة ك. ك. "
            "شايلاجا إن 12 عينة جاءت إيجابية. وَوَقَعَ الْهُجُومُ فِي نَيْرُوبِي. وأُعلن ذلك عام "
            "2013 م. وقدر عدد القتلى ب63. وانتهى التحقيق.")
    assert [s.text for s in sentences(text)] == [
        "وكان التلفزيون الرسمي (أو.آر.تي.إم) قد بث حصيلة أولية.",
        "وقالت وزيرة الصحة ك. ك. شايلاجا إن 12 عينة جاءت إيجابية.",
        "وَوَقَعَ الْهُجُومُ فِي نَيْرُوبِي.", "وأُعلن ذلك عام 2013 م.", "وقدر عدد القتلى ب63.",
        "وانتهى التحقيق."]


def test_run_on_text_is_cut_into_pieces_a_prompt_can_hold():
    run_on = "، ".join(["استمرت الاشتباكات في أحياء المدينة الشرقية طوال الليل"] * 40)
    found = sentences(run_on)
    assert len(found) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in found)
    assert "".join(run_on[s.start : s.end] for s in found).replace(" ", "") == run_on.replace(
        " ", ""
    )


def test_span_trims_and_verifies():
    s = span(ARTICLE, 6, 48)
    assert s.text == ARTICLE[s.start : s.end]
    assert not s.text.startswith(" ")
    assert verify(ARTICLE, s)
    assert not verify(ARTICLE, Span(text="قتل ثلاثة", start=8, end=17))
    assert not verify(ARTICLE, Span(text="x", start=len(ARTICLE), end=len(ARTICLE) + 1))


def test_locate_exact_then_modulo_diacritics():
    exact = locate(ARTICLE, "الصليب الأحمر")
    assert exact is not None and verify(ARTICLE, exact)
    fuzzy = locate(ARTICLE, "قتل 3 مدنيين")  # typed without the damma, Western digit
    assert fuzzy is not None
    assert fuzzy.text == "قُتل ٣ مدنيين"
    assert verify(ARTICLE, fuzzy)
    assert locate(ARTICLE, "دمشق") is None


def test_doc_finds_the_sentence_of_an_offset():
    doc = Doc.build(ARTICLE)
    pos = ARTICLE.index("الصليب")
    assert doc.sentence_at(pos).text.startswith("وقال المتحدث")
    assert doc.sentence_at(0).index == 0
