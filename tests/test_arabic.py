"""Normalization keeps a map back to the raw article: every match lands on the raw words."""

import re

from agent.text.arabic import clitic_bases, is_arabic, norm, normalize, tokens

# Fully diacritized, as in QCRI WikiNews, with tatweel and Eastern digits.
DIACRITIZED = "قُتِلَ ثَلَاثَةُ أَشْخَاصٍ وَأُصِيبَ ١٢ آخَرُونَ فِي انْفِجَـارٍ بِمَدِينَةِ المُوصِلِ"


def test_normalize_drops_marks_and_unifies_letters():
    assert norm("أُصِيبَ") == "اصيب"
    assert norm("إِسْرَائِيل") == "اسرائيل"  # hamza seats are kept: spelled consistently
    assert norm("مُسْتَشْفَى") == "مستشفي"
    assert norm("مدينة") == "مدينه"
    assert norm("انفجـــار") == "انفجار"
    assert norm("٣٥ قتيلا و۱۲ جريحا") == "35 قتيلا و12 جريحا"


def test_offsets_map_back_to_raw_text_on_diacritized_text():
    n = normalize(DIACRITIZED)
    assert len(n.offsets) == len(n.text) + 1
    for pattern, raw_expected in [
        ("انفجار", "انْفِجَـارٍ"),
        ("12", "١٢"),
        ("بمدينه الموصل", "بِمَدِينَةِ المُوصِلِ"),
        ("قتل", "قُتِلَ"),
    ]:
        m = re.search(pattern, n.text)
        assert m, pattern
        start, end = n.to_raw(m.start(), m.end())
        assert DIACRITIZED[start:end] == raw_expected


def test_finditer_yields_raw_offsets_within_a_range():
    n = normalize(DIACRITIZED)
    hits = [(m.group(0), DIACRITIZED[s:e]) for m, s, e in n.finditer(r"\d+", 10, len(DIACRITIZED))]
    assert hits == [("12", "١٢")]
    assert list(n.finditer("قتل", 10)) == []  # the match before the range start is skipped


def test_from_raw_is_the_inverse_of_the_offset_map():
    n = normalize(DIACRITIZED)
    for i, raw_pos in enumerate(n.offsets[:-1]):
        assert n.from_raw(raw_pos) == i


def test_clitic_bases_strip_conjunctions_prepositions_and_article():
    assert clitic_bases("والجيش")[:3] == ["والجيش", "الجيش", "جيش"]
    assert "الارهابيين" in clitic_bases(norm("للإرهابيين"))
    assert "اسرائيل" in clitic_bases(norm("لإسرائيل"))
    assert clitic_bases("ولد") == ["ولد"]  # too short to strip safely


def test_tokens_keep_raw_offsets_and_hyphenated_names():
    text = "وانتقد وزير الخارجية جان-مارك إيرولت، أمس"
    toks = tokens(text)
    assert [t.text for t in toks] == ["وانتقد", "وزير", "الخارجية", "جان-مارك", "إيرولت", "أمس"]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert toks[4].norm == "ايرولت"


def test_is_arabic():
    assert is_arabic(DIACRITIZED)
    assert not is_arabic("Three people were killed in Mosul on Monday, police said.")
    assert not is_arabic("2016 - 12 - 13")
