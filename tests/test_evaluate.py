"""The scorer: matching rules on small real-Arabic truth/prediction pairs, grounding, ANERcorp."""

import copy
import json
from pathlib import Path

import pytest

from agent.errors import InputError
from agent.eval import anercorp, evaluate, match, reports, scoring
from agent.text.doc import locate

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = "000_4c6aceeda1af29a0"
ARTICLE = (
    "وقتل 50 مدنيا على الأقل بينهم 11 طفلا، أمس، جراء غارات استهدفت بلدات عدة في محافظة حماة، "
    "وفق ما أعلن المرصد السوري لحقوق الإنسان، إلا أن مصادر أخرى تحدثت عن مقتل حوالي 80 شخصا.\n"
    "وقال منسق المعارضة السورية رياض حجاب إن الهزيمة في حلب لن تضعف عزم المعارضين للأسد.\n"
    "وقال حجاب إن المعارضة لن تقدم تنازلات."
)
TRUTH = {
    "seed": "test",
    "published": "2016-12-13",
    "events": [{"type": "air_drone_strike", "location": "محافظة حماة", "date": "2016-12-12",
                "modality": "asserted", "evidence": ["غارات استهدفت بلدات عدة في محافظة حماة"]}],
    "actors": [
        {"name": "رياض حجاب", "type": "person", "aliases": ["حجاب"]},
        {"name": "المرصد السوري لحقوق الإنسان", "type": "organization", "aliases": []},
    ],
    "statements": [
        {"speaker": "رياض حجاب", "kind": "reported_speech",
         "text": "الهزيمة في حلب لن تضعف عزم المعارضين للأسد",
         "evidence": ["وقال منسق المعارضة السورية رياض حجاب إن الهزيمة في حلب لن تضعف عزم "
                      "المعارضين للأسد"]},
        {"speaker": "رياض حجاب", "kind": "reported_speech", "text": "المعارضة لن تقدم تنازلات",
         "evidence": ["وقال حجاب إن المعارضة لن تقدم تنازلات"]},
    ],
    "casualties": [
        {"category": "killed", "count_low": 50, "count_best": 50, "count_high": None,
         "unit": "people", "victims": "civilians", "reported_by": "المرصد السوري لحقوق الإنسان",
         "location": "محافظة حماة", "date": "2016-12-12",
         "evidence": ["وقتل 50 مدنيا على الأقل"]},
        {"category": "killed", "count_low": None, "count_best": 80, "count_high": None,
         "unit": "people", "victims": "unknown", "reported_by": "مصادر أخرى",
         "location": None, "date": None, "evidence": ["مقتل حوالي 80 شخصا"]},
    ],
}


def _span(text: str) -> dict:
    found = locate(ARTICLE, text)
    assert found is not None, text
    return found.model_dump()


def _located_truth() -> dict:
    return scoring.truth_extraction(TRUTH, ARTICLE)


def _perfect_prediction() -> dict:
    """What a perfect extractor returns, as ArticleExtraction JSON (spans with offsets)."""
    pred = copy.deepcopy(_located_truth())
    for kind in match.KINDS:
        for fact in pred[kind]:
            if fact.get("location"):
                fact["location"]["evidence"] = [_span(fact["location"]["name"])]
    for actor in pred["actors"]:
        actor["evidence"] = [_span(actor["name"])]
    return pred


def _f1(score: scoring.Score, kind: str) -> float:
    return score.to_json()["kinds"][kind]["f1"]


def test_a_perfect_prediction_scores_one_everywhere():
    score = scoring.score_article(_perfect_prediction(), _located_truth(), ARTICLE).to_json()
    for kind in match.KINDS:
        assert score["kinds"][kind]["f1"] == 1.0, kind
    assert score["grounding"]["share"] == 1.0
    assert score["dates"] == {"right": 2, "total": 2, "share": 1.0}
    assert score["missed"] == [] and score["spurious"] == []


def test_a_missing_casualty_lowers_recall_not_precision():
    pred = _perfect_prediction()
    del pred["casualties"][1]
    k = scoring.score_article(pred, _located_truth(), ARTICLE).to_json()["kinds"]["casualties"]
    assert (k["p"], k["r"]) == (1.0, 0.5)
    assert any("80" in line for line in scoring.score_article(pred, _located_truth(),
                                                          ARTICLE).missed)


def test_a_wrong_count_is_not_a_match():
    pred = _perfect_prediction()
    pred["casualties"][0].update(count_low=55, count_best=55)
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["casualties"] == 1


def test_a_count_inside_the_stated_range_matches():
    truth = {"casualties": [{"category": "injured", "count_low": 30, "count_best": 30,
                             "count_high": 35, "evidence": []}]}
    pred = {"casualties": [{"category": "injured", "count_best": 33, "evidence": []}]}
    assert match.match_kind("casualties", pred, truth) == [(0, 0)]
    pred["casualties"][0]["count_best"] = 36
    assert match.match_kind("casualties", pred, truth) == []


def test_a_different_reporter_is_not_a_match_but_a_missing_one_is():
    pred = _perfect_prediction()
    pred["casualties"][0]["reported_by"] = "مصادر أخرى"
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["casualties"] == 1
    pred["casualties"][0]["reported_by"] = None
    score = scoring.score_article(pred, _located_truth(), ARTICLE)
    assert score.tp["casualties"] == 2
    assert score.fields["casualties.reported_by"] == [1, 2]


def test_actors_match_through_aliases_titles_and_clitics():
    pred = _perfect_prediction()
    pred["actors"] = [
        {**pred["actors"][0], "name": "حجاب", "aliases": []},  # the truth's alias
        {**pred["actors"][1], "name": "والمرصد السوري لحقوق الانسان"},  # clitic, no hamza
    ]
    assert _f1(scoring.score_article(pred, _located_truth(), ARTICLE), "actors") == 1.0
    pred["actors"][0]["name"] = "منسق المعارضة السورية رياض حجاب"  # a title before the name
    assert _f1(scoring.score_article(pred, _located_truth(), ARTICLE), "actors") == 1.0
    pred["actors"][0]["name"] = "رياض"  # part of a name is not the actor
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["actors"] == 1


def test_one_prediction_matches_one_truth_only():
    pred = _perfect_prediction()
    pred["actors"] = [pred["actors"][0]]
    truth = _located_truth()
    truth["actors"].append({"id": "a3", "name": "حجاب", "type": "person", "aliases": []})
    assert scoring.score_article(pred, truth, ARTICLE).tp["actors"] == 1


def test_statement_needs_the_speaker_and_half_the_words():
    pred = _perfect_prediction()
    pred["statements"][1]["speaker"] = "حجاب"  # alias of the truth speaker
    pred["statements"][0]["text"] = "إن الهزيمة في حلب لن تضعف عزم المعارضين للأسد من السلطة"
    assert _f1(scoring.score_article(pred, _located_truth(), ARTICLE), "statements") == 1.0
    pred["statements"][0]["text"] = "الهزيمة في حلب"  # 3 of 8 words: F1 0.55, still one
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["statements"] == 2
    pred["statements"][0]["text"] = "الهزيمة"  # 1 of 8 words
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["statements"] == 1
    pred = _perfect_prediction()
    pred["statements"][0]["speaker"] = "المرصد السوري لحقوق الإنسان"
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["statements"] == 1


def test_event_needs_its_type_and_overlapping_evidence():
    pred = _perfect_prediction()
    pred["events"][0]["evidence"] = [_span("جراء غارات")]
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["events"] == 1
    pred["events"][0]["type"] = "shelling_artillery"
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["events"] == 0
    pred = _perfect_prediction()
    pred["events"][0]["evidence"] = [_span("وقال حجاب")]
    assert scoring.score_article(pred, _located_truth(), ARTICLE).tp["events"] == 0


def test_dates_and_places_are_scored_on_matched_facts():
    pred = _perfect_prediction()
    pred["events"][0]["date"] = "2016-12-13"
    pred["casualties"][0]["location"] = {"name": "حماة", "evidence": [_span("حماة")]}
    score = scoring.score_article(pred, _located_truth(), ARTICLE)
    assert score.dates() == [1, 2]
    assert score.fields["casualties.location"] == [1, 1]  # 'حماة' is inside 'محافظة حماة'


def test_grounding_catches_a_span_that_is_not_in_the_article():
    pred = _perfect_prediction()
    pred["casualties"][0]["evidence"][0]["start"] += 1
    pred["events"][0]["location"]["evidence"][0]["text"] = "محافظة حمص"
    good, total = scoring.grounding(pred, ARTICLE)
    assert total == len(scoring.all_spans(pred)) > 2
    assert good == total - 2


def test_truth_evidence_must_be_in_the_article():
    truth = copy.deepcopy(TRUTH)
    truth["casualties"][0]["evidence"] = ["وقتل 60 مدنيا"]
    with pytest.raises(InputError, match="وقتل 60 مدنيا"):
        scoring.truth_extraction(truth, ARTICLE)


def test_micro_totals_add_up_over_articles():
    one = scoring.score_article(_perfect_prediction(), _located_truth(), ARTICLE)
    pred = _perfect_prediction()
    pred["casualties"] = []
    two = scoring.score_article(pred, _located_truth(), ARTICLE)
    total = scoring.Score()
    total.add(one)
    total.add(two)
    k = total.to_json()["kinds"]["casualties"]
    assert (k["tp"], k["pred"], k["truth"], k["r"]) == (2, 2, 4, 0.5)


def test_subset_sums_per_article_scores_again():
    one = scoring.score_article(_perfect_prediction(), _located_truth(), ARTICLE).to_json()
    pred = _perfect_prediction()
    pred["casualties"] = []
    two = scoring.score_article(pred, _located_truth(), ARTICLE).to_json()
    run = {"model": "m", "overall": {}, "articles": {"a": one, "b": two}}
    assert evaluate.subset(run, ["a"])["overall"]["kinds"] == one["kinds"]
    both = evaluate.subset(run, ["a", "b"])["overall"]
    assert both["kinds"]["casualties"]["r"] == 0.5
    assert both["dates"] == {"right": 3, "total": 3, "share": 1.0}  # b keeps its event date


def test_diff_facts_pairs_a_changed_fact_instead_of_removing_it():
    old = _perfect_prediction()
    new = copy.deepcopy(old)
    new["casualties"][1]["count_best"] = 85
    new["statements"].pop()
    assert match.diff_facts(old, old) == []
    lines = match.diff_facts(old, new)
    assert "casualties c2 count_best: 80 → 85" in lines
    assert any(line.startswith("statements - s2 رياض حجاب") for line in lines)
    assert len(lines) == 2


ANER_SAMPLE = """\
وقال O
الرئيس O
بشار B-PERS
الأسد I-PERS
إن O
الجيش B-ORG
السوري I-ORG
دخل O
حلب B-LOC
. O
 O
وأعلن O
المرصد B-ORG
. O
ونقلت O
رويترز B-ORG
عن O
الأمم B-ORG
المتحدة I-ORG
. O
"""


def test_anercorp_reader_builds_sentences_and_entities():
    pairs = anercorp.read_conll(ANER_SAMPLE.splitlines())
    assert len(pairs) == 19  # the line without a token is skipped
    one, two = anercorp.pseudo_articles(pairs, per_article=2)
    assert (one.tokens, two.tokens) == (13, 6)
    assert one.text == "وقال الرئيس بشار الأسد إن الجيش السوري دخل حلب. وأعلن المرصد."
    assert [(e.type, e.text) for e in one.entities] == [
        ("PERS", "بشار الأسد"), ("ORG", "الجيش السوري"), ("LOC", "حلب"), ("ORG", "المرصد")]
    for e in one.entities:
        assert one.text[e.start:e.end] == e.text
    assert [e.text for e in two.entities] == ["رويترز", "الأمم المتحدة"]
    # The test split starts at a sentence boundary: the last 6 tokens cut into sentence 3.
    (tail,) = anercorp.pseudo_articles(pairs, last_tokens=6)
    assert tail.text.startswith("ونقلت")


def test_anercorp_names_are_scored_by_overlapping_typed_spans():
    article = anercorp.pseudo_articles(anercorp.read_conll(ANER_SAMPLE.splitlines()))[0]
    text = article.text

    def span(words: str) -> dict:
        start = text.index(words)
        return {"text": words, "start": start, "end": start + len(words)}

    extraction = {
        "actors": [{"name": "الرئيس بشار الأسد", "type": "person",
                    "evidence": [span("الرئيس بشار الأسد")]},
                   {"name": "الجيش السوري", "type": "person", "evidence": [span("الجيش السوري")]},
                   {"name": "مدنيون", "type": "civilians", "evidence": [span("دخل")]}],
        "events": [{"location": {"name": "حلب", "evidence": [span("حلب")]}}],
        "casualties": [{"location": {"name": "حلب", "evidence": [span("حلب")]}}],
    }
    scores = anercorp.score_names(anercorp.predicted_names(extraction), article.entities)
    assert scores["PERS"] == [1, 2, 1]  # the army typed as a person is a miss for PERS
    assert scores["ORG"] == [0, 0, 4]
    assert scores["LOC"] == [1, 1, 1]  # one place named twice counts once
    assert scores["all"] == [3, 3, 6]


def test_the_real_anercorp_test_split_reads_into_about_a_hundred_articles():
    path = anercorp.anercorp_path()
    if not path.is_file():
        pytest.skip(f"ANERcorp not at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    articles = anercorp.pseudo_articles(anercorp.read_conll(lines))
    assert 60 <= len(articles) <= 200
    entities = [e for a in articles for e in a.entities]
    assert {e.type for e in entities} == {"PERS", "ORG", "LOC"}
    assert all(a.text[e.start:e.end] == e.text for a in articles for e in a.entities)


def test_shortfalls_say_by_how_much_and_list_the_facts_behind_it(tmp_path):
    pred = _perfect_prediction()
    del pred["casualties"][1]
    pred["actors"].append({"id": "a3", "name": "مدنيا", "type": "civilians", "aliases": [],
                           "evidence": [_span("مدنيا")]})
    score = scoring.score_article(pred, _located_truth(), ARTICLE)
    run = {"overall": score.to_json(), "articles": {"x": score.to_json()}}
    lines = reports.shortfalls("model", run)
    assert ("- casualties: F1 0.67, 0.23 below the target 0.90: 1 of 2 true casualties missed, "
            "0 of 1 found are extra.") in lines
    assert any(line.startswith("- actors: F1 0.80, 0.08 below the target 0.88") for line in lines)
    assert not any(line.startswith("- statements:") for line in lines)  # F1 1.00 meets 0.90
    assert any(line.startswith("- x missed: casualties killed 80") for line in lines)
    assert any(line.startswith("- x extra: actors a3 مدنيا") for line in lines)


def test_report_renders_runs_side_by_side(tmp_path):
    seed_dir, truth_dir = tmp_path / "seeds", tmp_path / "truth"
    seed_dir.mkdir()
    truth_dir.mkdir()
    (seed_dir / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (truth_dir / "x.json").write_text(json.dumps(TRUTH, ensure_ascii=False), encoding="utf-8")
    seeds = evaluate.load_seeds(seed_dir, truth_dir)
    perfect = _perfect_prediction()
    runs = {"model": evaluate.run_json("model", None, seeds, lambda text, published: perfect),
            "rules-only": evaluate.run_json("rules-only", None, seeds, lambda text, published: {})}
    text = reports.report({"runs": runs})
    assert "| casualties | 0.90 | 1.00 | 1.00 | **1.00** | 0.00 | 0.00 | **0.00** ✗ |" in text
    assert "| grounding | 100% |  |  | 100% (9/9) |  |  | – |" in text
    assert "Every accuracy target is met." in text
    assert "- x missed:" not in text  # the first run (model) missed nothing
    assert "Matching rules" in text and "Dice" in text


@pytest.mark.slow
def test_naba_eval_on_the_founding_article(tmp_path, capsys):
    if not (ROOT / "tests" / "truth" / f"{FOUNDING}.json").is_file():
        pytest.fail("tests/truth has no truth file for the founding article")
    code = evaluate.main(["--only", FOUNDING, "--out", str(tmp_path)])
    result = json.loads((tmp_path / "eval.json").read_text(encoding="utf-8"))
    assert code == 0
    model = result["runs"]["model"]["overall"]
    assert model["grounding"]["share"] == 1.0
    assert model["kinds"]["casualties"]["tp"] >= 1
    assert (tmp_path / "eval.md").read_text(encoding="utf-8") in capsys.readouterr().out


def _corpus(tmp_path, truth=TRUTH):
    folder = tmp_path / "corpus" / "dev"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "x.meta.json").write_text(json.dumps({"published": "2016-12-13"}), encoding="utf-8")
    (folder / "x.truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "corpus"


def test_a_corpus_split_is_loaded_and_scored_next_to_the_seeds(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    [article] = evaluate.load_corpus(corpus / "dev")
    assert (article.stem, article.published) == ("x", "2016-12-13")
    code = evaluate.main(["--split", "dev", "--rules-only", "--corpus", str(corpus),
                          "--out", str(tmp_path / "out")])
    result = json.loads((tmp_path / "out" / "eval.json").read_text(encoding="utf-8"))
    assert code == 0 and set(result["splits"]) == {"dev"} and "runs" not in result
    dev = result["splits"]["dev"]["rules-only"]["overall"]
    assert dev["kinds"]["casualties"]["truth"] == len(TRUTH["casualties"])
    assert "## Corpus dev split" in capsys.readouterr().out


def test_a_corpus_article_without_its_meta_file_is_an_input_error(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "dev" / "x.meta.json").unlink()
    with pytest.raises(InputError, match=r"x\.meta\.json"):
        evaluate.load_corpus(corpus / "dev")
