"""The fast, pure parts of the benchmark: floor arithmetic, counting, baseline parsing, scaling
text, and BENCHMARKS.md rendering from a results dict."""

import json

import pytest

from agent.errors import ModelError
from agent.eval import bench, measure, naive, reports
from agent.model.llm import FakeLLM

ARTICLE = (
    "وقتل 50 مدنيا على الأقل، أمس، جراء غارات على محافظة حماة، وفق ما أعلن المرصد السوري.\n"
    "وقال حجاب إن المعارضة لن تقدم تنازلات."
)


def _words(text: str) -> int:
    return len(text.split())


def test_floor_is_tokens_over_rate_and_the_multiple_divides_by_it():
    floor = measure.floor_seconds(1_100, 90.0)
    assert floor == pytest.approx(12.22, abs=0.01)
    assert measure.floor_multiple(36.7, floor) == pytest.approx(3.0, abs=0.01)
    assert measure.floor_multiple(5.0, 0.0) == float("inf")


def test_prompt_rate_reads_the_article_once_behind_a_fresh_marker():
    llm = FakeLLM(["x", "x"])
    rate, tokens, seconds = measure.measure_prompt_rate(llm, ARTICLE, _words)
    assert tokens == _words(ARTICLE) + 1 and rate == pytest.approx(tokens / seconds)
    measure.measure_prompt_rate(llm, ARTICLE, _words)
    first, second = (calls[0][0]["content"] for calls in llm.calls)
    assert first.endswith(ARTICLE) and second.endswith(ARTICLE) and first != second


def test_counting_llm_counts_calls_and_tokens_both_ways():
    counting = measure.CountingLLM(FakeLLM(['{"answer": "killed"}']), _words)
    reply = counting.complete([{"role": "system", "content": "اختر فئة واحدة"},
                               {"role": "user", "content": "وقتل 50 مدنيا"}])
    assert reply == '{"answer": "killed"}'
    totals = counting.totals()
    assert (totals["calls"], totals["read"], totals["generated"]) == (1, 6, 2)


def _naive_reply() -> dict:
    return {
        "events": [],
        "actors": [],
        "casualties": [{"id": "c1", "category": "killed", "count_best": 50,
                        "count_text": "50 مدنيا", "evidence": [
                            {"text": "وقتل 50 مدنيا", "start": 0, "end": 13}]}],
        "statements": [{"id": "s1", "speaker": "حجاب", "kind": "said",  # not a StatementKind
                        "text": "المعارضة لن تقدم تنازلات", "evidence": []}],
    }


def test_naive_baseline_keeps_the_facts_that_validate():
    reply = _naive_reply()
    llm = FakeLLM([json.dumps(reply, ensure_ascii=False)])
    facts, valid, raw = naive.naive_extract(llm, ARTICLE, "2016-12-13")
    assert not valid and raw.startswith('{"events"')
    assert [c["count_best"] for c in facts["casualties"]] == [50]
    assert facts["statements"] == []
    messages, schema = llm.calls[0]
    assert ARTICLE in messages[-1]["content"] and "2016-12-13" in messages[-1]["content"]
    # the four fact lists of ArticleExtraction, not its bookkeeping (article info, model)
    assert schema is not None and set(schema["properties"]) == {
        "events", "actors", "statements", "casualties"}
    reply["statements"] = []
    facts, valid, _ = naive.naive_extract(FakeLLM([json.dumps(reply)]), ARTICLE, None)
    assert valid and facts["casualties"][0]["evidence"][0]["text"] == "وقتل 50 مدنيا"


def test_a_naive_reply_cut_off_at_max_tokens_keeps_the_facts_it_finished():
    text = json.dumps(_naive_reply(), ensure_ascii=False)
    cut = text[:text.index('"statements"') + 40]
    facts, valid, _ = naive.naive_extract(FakeLLM([cut]), ARTICLE, None)
    assert not valid and [c["count_best"] for c in facts["casualties"]] == [50]
    assert naive.naive_extract(FakeLLM(["not json"]), ARTICLE, None)[0] == {}


def test_an_article_too_long_for_the_context_is_a_failed_baseline_not_a_failed_bench():
    class TooLong(FakeLLM):
        def complete(self, messages, schema=None, max_tokens=256):
            raise ModelError("Requested tokens (5000) exceed context window of 4096")

    facts, valid, reply = naive.naive_extract(TooLong(), ARTICLE, None)
    assert (facts, valid) == ({}, False) and "context window" in reply


def test_scaled_article_starts_with_the_founding_article_and_reaches_the_length():
    other = "قال الناطق باسم الجيش إن القوات تقدمت.\nوأصيب 3 جنود."
    for factor in (2, 4):
        text = measure.scaled_article(ARTICLE, [other], factor)
        assert text.startswith(ARTICLE)
        assert factor * len(ARTICLE) <= len(text) < factor * len(ARTICLE) + len(ARTICLE)
    assert "وأصيب 3 جنود." in measure.scaled_article(ARTICLE, [other], 2)


def _run(name: str, casualties_f1: float) -> dict:
    kinds = {k: {"tp": 1, "pred": 1, "truth": 1, "p": 1.0, "r": 1.0, "f1": 1.0}
             for k in ("events", "actors", "statements")}
    kinds["casualties"] = {"tp": 1, "pred": 2, "truth": 2, "p": casualties_f1,
                           "r": casualties_f1, "f1": casualties_f1}
    overall = {"kinds": kinds, "grounding": {"valid": 8, "total": 8, "share": 1.0},
               "dates": {"right": 1, "total": 2, "share": 0.5}, "fields": {}, "missed": [],
               "spurious": [], "seconds": 0.05}
    article = {**overall, "missed": ["casualties killed 80 (مصادر أخرى) «مقتل حوالي 80 شخصا»"]}
    return {"model": name, "sha256": None, "overall": overall,
            "articles": {measure.FOUNDING: article}}


RESULT = {
    "date": "2025-01-02",
    "machine": {"cores": 2, "cpu": "AMD EPYC", "flags": ["avx512f", "avx512_vnni"], "load": 4.5,
                "python": "3.11.7", "llama_cpp": "0.3.36", "build": "-DGGML_NATIVE=OFF"},
    "model": {"name": "qwen.gguf", "sha256": "cc32", "size": 1_117_320_768, "load_seconds": 2.5},
    "prompt_rate": 90.0,
    "floor_probe": {"tokens": 1_100, "seconds": 12.2},
    "articles": [{"stem": measure.FOUNDING, "chars": 5_606, "tokens": 1_100, "floor": 12.2,
                  "seconds": 48.8, "calls": 30, "read": 9_000, "generated": 300,
                  "model_seconds": 45.0}],
    "rss": {"extraction": 1_900_000_000, "peak": 2_100_000_000, "chat": 3_200_000_000},
    "accuracy": {"model": _run("qwen.gguf", 0.5), "rules-only": _run("none", 0.5)},
    "baseline": {"model": _run("qwen.gguf", 0.5), "rules-only": _run("none", 0.5),
                 "naive": _run("qwen.gguf", 0.0)},
    "naive": [{"stem": measure.FOUNDING, "valid": False, "chars": 5_606, "seconds": 150.0,
               "calls": 1, "read": 1_200, "generated": 2_048, "reply": "{"}],
    "scaling": [{"factor": 1, "chars": 5_606, "tokens": 1_100, "seconds": 48.8},
                {"factor": 2, "chars": 11_300, "tokens": 2_200, "seconds": 99.0},
                {"factor": 4, "chars": 22_500, "tokens": 4_400, "seconds": 201.0}],
    "chat": {"seconds": 6.0, "source": "none", "facts_seconds": 0.02,
             "question": "How many air strikes did Moscow launch on Palmyra?",
             "answer": "More than 100 [1]."},
}


def test_benchmarks_markdown_shows_machine_speed_accuracy_scaling_and_memory():
    text = reports.render_benchmarks(RESULT)
    assert "2 cores, AMD EPYC; flags: avx512f avx512_vnni; load average at start 4.5" in text
    assert "CMAKE_ARGS=`-DGGML_NATIVE=OFF`" in text and "sha256 cc32" in text
    row = f"| {measure.FOUNDING} | 5,606 | 1,100 | 48.8 | 12.2 | 4.00 | 30 | 9,000 | 300 | 0.05 |"
    assert row in text
    assert "48.8 s (target ≤ 60 s ✓), 4.00× the floor (target ≤ 3× ✗)" in text
    assert "| casualties | 0.90 | 0.50 | 0.50 | **0.50** ✗ |" in text
    assert "| naive | 150.00 | 1 | 2,048 | 0/1 |" in text
    assert "| model | 48.80 | 30 | 300 | – |" in text
    assert ("| casualties | 0.90 | 0.50 | 0.50 | **0.50** ✗ | 0.50 | 0.50 | **0.50** ✗ | 0.00 |"
            in text)
    assert "| 4× | 22,500 | 4,400 | 201.00 | 4.12 | 4.01 | 4.00 |" in text
    assert text.count("<details>") == 1  # the facts behind the model run only
    assert "| peak RSS after extracting the dev set | 1.90 GB | ≤ 2.50 GB ✓ |" in text
    assert "serving the founding article | 3.20 GB | ≤ 3.00 GB ✗ |" in text
    assert "| chat, model named: a quoted answer the model vets" in text
    assert "| 6.0 s | first token ≤ 1.5 s |" in text and "| 0.02 s | ≤ 0.3 s |" in text
    assert "«مقتل حوالي 80 شخصا»" in text  # what was missed is listed, not only counted
    assert "- casualties: F1 0.50, 0.40 below the target 0.90" in text
    assert "anercorp" not in text.lower()


def test_render_rewrites_the_markdown_from_an_earlier_bench_json(tmp_path, capsys):
    (tmp_path / "bench.json").write_text(json.dumps(RESULT, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "BENCHMARKS.md"
    assert bench.main(["--render", str(tmp_path / "bench.json"), "--write", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == reports.render_benchmarks(RESULT)


def test_benchmarks_markdown_without_the_optional_parts():
    partial = {k: v for k, v in RESULT.items()
               if k not in ("naive", "baseline", "scaling", "chat")}
    partial["rss"] = {"extraction": 2_600_000_000}
    text = reports.render_benchmarks(partial)
    assert "## Scaling" not in text and "| naive |" not in text
    assert "time to first token" not in text
    assert "| 2.60 GB | ≤ 2.50 GB ✗ |" in text


def testpeak_rss_of_a_running_process_is_read_from_proc():
    import os

    peak = measure.peak_rss_of(os.getpid())
    assert peak is not None and peak >= 10_000_000  # a Python process with pydantic loaded
    assert measure.peak_rss() >= peak // 2


def test_benchmarks_markdown_shows_the_corpus_splits_beside_the_seeds():
    run = RESULT["accuracy"]["rules-only"]
    splits = {"seeds": run, "dev": run, "test": run}
    text = reports.render_benchmarks({**RESULT, "splits": splits})
    assert "## Accuracy on text the rules were not written on (rules only)" in text
    assert ("| kind | target F1 | seeds P | seeds R | seeds F1 | dev P | dev R | dev F1 | test P"
            in text)
    assert "never read while changing rules" in text
    assert "Seconds per article, rules only: seeds" in text


def test_benchmarks_markdown_shows_scaling_chat_load_and_corpus_sections():
    repeated = [{"factor": 1, "chars": 3104, "bytes": 5606, "seconds": 0.1},
                {"factor": 64, "chars": 198_719, "bytes": 358_848, "seconds": 5.0}]
    text = reports.render_benchmarks({
        **RESULT, "repeated": repeated,
        "qa": {"dev": "| dev | ar | 37/42 |", "test": "| test | ar | 27/39 |"},
        "load": ["clients       20", "errors        0"],
        "corpus": "| naba batch --workers 1 | 208 | 17.3 | 12.05 |\n"})
    assert "| 64× | 198,719 | 358,848 | 5.00 | 50.0 |" in text
    assert "| dev | ar | 37/42 |" in text and "| test | ar | 27/39 |" in text
    assert "20 clients asking" in text and "errors        0" in text
    assert "| naba batch --workers 1 | 208 | 17.3 | 12.05 |" in text
