"""Golden files pin each seed's extraction; a regression is a short diff in facts.

Replay tests (fast) feed the recorded model replies through the real pipeline. Live tests run
the default model. `make golden` (pytest --update-golden) rewrites the files; nothing else does.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from agent.eval import golden
from agent.eval.match import diff_facts
from agent.extract import to_json
from schemas import ArticleExtraction

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
FOUNDING = "000_4c6aceeda1af29a0"


def _published(seed: Path) -> str | None:
    sidecar = seed.with_suffix(".json")
    return json.loads(sidecar.read_text(encoding="utf-8")).get("published") if sidecar.exists() \
        else None


def _load(path: Path) -> dict:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make golden` and review it")
    return json.loads(path.read_text(encoding="utf-8"))


def _check(folder: Path, actual: str) -> None:
    lines = diff_facts(_load(folder / "extraction.json"), json.loads(actual))
    assert not lines, f"{folder.name} moved:\n  " + "\n  ".join(lines)
    assert actual == (folder / "extraction.json").read_text(encoding="utf-8"), \
        "same facts but different bytes: the article, model or warnings fields, or serialization"


def test_the_schema_is_pinned(update_golden):
    current = json.dumps(ArticleExtraction.model_json_schema(), ensure_ascii=False,
                         sort_keys=True, indent=2) + "\n"
    path = GOLDEN / "schema.json"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(current, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == current, (
        "the ArticleExtraction schema changed: review `git diff tests/golden/schema.json`, bump "
        "SCHEMA_VERSION if readers break, then run `make golden`"
    )


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_replay_reproduces_the_golden_extraction(seed):
    folder = GOLDEN / seed.stem
    text = seed.read_text(encoding="utf-8")
    result = golden.replay(text, _published(seed), _load(folder / "replies.json"))
    _check(folder, to_json(result))


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_the_live_model_reproduces_the_golden_extraction(seed, update_golden, default_llm):
    folder = GOLDEN / seed.stem
    recording = golden.record(seed.read_text(encoding="utf-8"), _published(seed), default_llm)
    if update_golden:
        golden.write(folder, recording)
    _check(folder, to_json(recording.extraction))


def test_a_changed_number_is_reported_as_a_readable_fact_diff():
    pinned = _load(GOLDEN / FOUNDING / "extraction.json")
    assert pinned["casualties"], "the founding article's golden file has no casualty report"
    changed = copy.deepcopy(pinned)
    report = changed["casualties"][0]
    old = report["count_best"]
    report["count_best"] = (old or 0) + 1
    changed["statements"] = changed["statements"][:-1]
    lines = diff_facts(pinned, changed)
    assert len(lines) == 2, lines
    assert f"casualties c1 count_best: {json.dumps(old)} → {(old or 0) + 1}" in lines
    removed = f"statements - {pinned['statements'][-1]['id']} "
    assert any(line.startswith(removed) for line in lines)
    assert diff_facts(pinned, copy.deepcopy(pinned)) == []
