"""Shared fixtures: a fake model for unit tests, the real default model for slow ones, and the
--update-golden flag (golden files change only when asked).
"""

from __future__ import annotations

import pytest

from agent.model.llama import LlamaLLM
from agent.model.llm import FakeLLM


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from this run; review the diff like code")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def fake_llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture(scope="session")
def default_llm() -> LlamaLLM:
    """The pinned default model, whatever NABA_MODEL says: golden files are made with it."""
    from agent.model.llama import ensure_model, get_llm

    return get_llm(ensure_model())
