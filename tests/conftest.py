"""Shared fixtures: a fake model for unit tests, the real default model for slow ones, and the
--update-golden flag (golden files change only when asked).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

from agent.extract import extract, to_json
from agent.model.llama import LlamaLLM
from agent.model.llm import FakeLLM
from schemas import ArticleExtraction

# tests/test_properties.py: CI runs a few dozen examples per property, the same ones every run;
# `make fuzz` (--hypothesis-profile=fuzz) runs thousands of new ones.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from this run; review the diff like code")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _sound(text: str, published: str | None = None) -> ArticleExtraction:
    """What extraction promises for any text: it returns, every span verifies, the JSON
    validates against the schema, and the same input gives the same bytes."""
    result = extract(text, published)
    spans = [s for kind in (result.events, result.actors, result.statements, result.casualties)
             for fact in kind for s in fact.evidence]
    spans += [f.location.evidence[0] for kind in (result.events, result.casualties)
              for f in kind if f.location]
    bad = [s for s in spans if text[s.start : s.end] != s.text]
    assert not bad, f"spans that do not verify: {bad[:3]}"
    serialized = to_json(result)
    assert ArticleExtraction.model_validate_json(serialized) == result
    assert to_json(extract(text, published)) == serialized, "same input, different bytes"
    return result


@pytest.fixture(scope="session")
def sound() -> Callable[..., ArticleExtraction]:
    return _sound


@pytest.fixture
def fake_llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture(scope="session")
def default_llm() -> LlamaLLM:
    """The pinned default model, whatever NABA_MODEL says: golden files are made with it."""
    from agent.model.llama import ensure_model, get_llm

    return get_llm(ensure_model())
