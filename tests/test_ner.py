"""agent.ner: the ANERcorp CRF labeller shipped in the package."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent import ner
from agent.ner import features, train

# News style, written for this test: a person, a place, an organization, a city.
SENTENCE = (
    "قال الرئيس الفلسطيني محمود عباس في رام الله أمس إن منظمة التحرير الفلسطينية "
    "سترسل وفدا إلى القاهرة ."
)
EXPECTED = [
    ("محمود عباس", "PERS"),
    ("رام الله", "LOC"),
    ("منظمة التحرير الفلسطينية", "ORG"),
    ("القاهرة", "LOC"),
]
DIACRITIZED = (
    "قالَ الرَّئيسُ الفلسطينيُّ مَحمود عبّاس في رام الله أمسِ إنّ مُنظمةَ التحريرِ "
    "الفلسطينية سترسل وفدا إلى القاهرة ."
)
SECOND = (
    "وأعلن الأمين العام كوفي عنان في نيويورك أن مجلس الأمن سيجتمع غدا لبحث الوضع في العراق ."
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], t) for a, b, t in ner.entities(text)]


def test_model_ships_and_loads() -> None:
    from importlib import resources

    pkg = resources.files("agent.ner")
    model = pkg / ner.MODEL_FILE
    assert model.is_file()
    assert 100_000 < len(model.read_bytes()) < 5_000_000  # a few MB at most
    tagger, lex = ner._load()
    assert set(tagger.labels()) >= {"O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC"}
    assert len(lex.freq) > 10_000


def test_entities_spans_and_offsets() -> None:
    ents = ner.entities(SENTENCE)
    assert [(SENTENCE[a:b], t) for a, b, t in ents] == EXPECTED
    for a, b, _ in ents:
        assert SENTENCE[a] != " " and SENTENCE[b - 1] != " "
    assert _found(SENTENCE[:0]) == []


def test_offsets_survive_extra_whitespace_and_punctuation() -> None:
    text = "\n  (" + SENTENCE.replace(" ", "  ").replace("أمس", "أمس،") + ")\n"
    assert _found(text) == [(name.replace(" ", "  "), t) for name, t in EXPECTED]


def test_diacritized_input_gives_the_same_entities() -> None:
    plain = [t for _, _, t in ner.entities(SENTENCE)]
    ents = ner.entities(DIACRITIZED)
    assert [t for _, _, t in ents] == plain
    got = [features.strip_marks(DIACRITIZED[a:b]) for a, b, _ in ents]
    assert got == [features.strip_marks(n) for n, _ in EXPECTED]
    assert DIACRITIZED[ents[0][0]:ents[0][1]] == "مَحمود عبّاس"  # offsets into the raw text


def test_tatweel_and_eastern_digits_are_features_only() -> None:
    text = "قال الرئيس الفلسطيني محمـــود عباس في رام الله يوم ١٢ أيار ٢٠٠٦ ."
    ents = ner.entities(text)
    assert (text[ents[0][0]:ents[0][1]], ents[0][2]) == ("محمـــود عباس", "PERS")
    assert ("رام الله", "LOC") in [(text[a:b], t) for a, b, t in ents]
    assert features.strip_marks("٢٠٠٦") == "2006"
    at = text.index("٢٠٠٦")
    assert ("٢٠٠٦", at, at + 4) in ner.tokenize(text)
    assert ("١٢", text.index("١٢"), text.index("١٢") + 2) in ner.tokenize(text)


def test_clitic_stays_attached() -> None:
    text = "وأكد الوزير أن الزيارة لإسرائيل ستتم الأسبوع المقبل ."
    assert ("لإسرائيل", "LOC") in _found(text)


def test_tag_and_types_filter() -> None:
    toks = [t for t, _, _ in ner.tokenize(SENTENCE)]
    labels = ner.tag(toks)
    assert len(labels) == len(toks)
    assert labels[toks.index("محمود")] == "B-PERS"
    assert labels[toks.index("عباس")] == "I-PERS"
    assert ner.tag([]) == []
    only = ner.entities(SECOND, types=("PERS",))
    assert [(SECOND[a:b], t) for a, b, t in only] == [("كوفي عنان", "PERS")]


def test_propagation_labels_a_repeated_name() -> None:
    toks = ["قال", "محمود", "عباس", "إن", ".", "وأضاف", "محمود", "عباس", "."]
    labels = ["O", "B-PERS", "I-PERS", "O", "O", "O", "O", "O", "O"]
    out = ner.propagate(toks, labels)
    assert out[6:8] == ["B-PERS", "I-PERS"]
    assert out[:6] == labels[:6]


def test_deterministic_and_fast() -> None:
    text = ((SENTENCE + " " + SECOND + " ") * 20)[:3000]
    first = ner.entities(text)
    t0 = time.perf_counter()
    for _ in range(5):
        assert ner.entities(text) == first
    per_call = (time.perf_counter() - t0) / 5
    assert per_call < 0.1, per_call


def test_conlleval_chunks() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC", "I-LOC"]
    assert train.chunks(tags) == {(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "LOC")}
    res = train.score([tags], [["B-PERS", "O", "O", "B-LOC", "B-ORG", "O", "O"]])
    assert res["LOC"]["tp"] == 1 and res["PERS"]["tp"] == 0 and res["ORG"]["f1"] == 1.0


def test_read_corpus_repairs_faults(tmp_path: Path) -> None:
    f = tmp_path / "c"
    f.write_text("فرانكفورت B-LOC\n O\n. Oالإصابة O\nالصالحية ونايفة O\n", encoding="utf-8")
    assert train.read_corpus(f) == [
        ("فرانكفورت", "B-LOC"), (".", "O"), ("الإصابة", "O"), ("الصالحية ونايفة", "O"),
    ]


def _corpus() -> Path | None:
    path = train.default_corpus()
    return path if path.is_file() else None


@pytest.mark.slow
def test_training_runs_on_a_small_slice(tmp_path: Path) -> None:
    corpus = _corpus()
    if corpus is None:
        pytest.skip("ANERcorp not available (set NABA_ANERCORP)")
    out = tmp_path / "small.crfsuite"
    repo = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-m", "agent.ner.train", "--corpus", str(corpus), "--out", str(out),
         "--train-tokens", "8000", "--test-tokens", "3000", "--iterations", "30"],
        cwd=repo, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(repo)},
    )
    assert run.returncode == 0, run.stderr
    assert "PERS" in run.stdout and "LOC" in run.stdout
    assert out.stat().st_size > 10_000
    assert train.lexicon_path(out).is_file()
    loc = next(line for line in run.stdout.splitlines() if line.startswith("LOC"))
    assert float(loc.split()[3]) > 0.3  # even 8,000 tokens learn some places
