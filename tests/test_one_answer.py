"""One answer everywhere: `naba ask`, answer() and the app give the same answer, word for word
and citation for citation, to the same question about the same article: by code when no model
is named (the default), and with the model's veto on quoted answers when one is."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent import cli
from agent.app import Library, build, serve
from agent.chat import answer, render_terminal
from agent.chat.answers import Answer
from agent.extract import extract
from agent.model import llama
from agent.model.llm import FakeLLM

ARTICLE = "\n\n".join([
    "صنعاء - قُتل 78 شخصاً على الأقل في تدافع داخل مدرسة في منطقة باب اليمن بصنعاء القديمة، "
    "وفق مدير مكتب الصحة في صنعاء.",
    "وقال المتحدث باسم وزارة الداخلية إن تاجرين مسؤولين عن التوزيع أوقفا، وإن تحقيقاً فُتح.",
]) + "\n"
PUBLISHED = "2023-04-20"
QUESTIONS = [
    "How many people were killed in the stampede?",  # a figure, by code
    "كم طفلا قتل في التدافع؟",  # a group the article does not count: refused
    "How many people were killed in Aden?",  # a place the article never names: refused
    "What did the interior ministry spokesman say?",  # a statement, by code
    "What happened to the two traders?",  # a quote, which a named model may veto
]
MODEL_REPLY = '{"answers": false}'  # the fake model vetoes every quote put to it


def _fake() -> FakeLLM:
    return FakeLLM([MODEL_REPLY] * 8)


def _by_answer(question: str, llm: FakeLLM | None = None) -> Answer:
    return answer(question, extract(ARTICLE, PUBLISHED), ARTICLE, llm=llm)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    library = Library(lambda text, published: extract(text, published))
    library.add(ARTICLE, PUBLISHED, "stampede.txt")
    port = _free_port()
    demo = serve(build(library, None), "127.0.0.1", port, block=False)  # as `naba chat` builds it
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.mark.parametrize("question", QUESTIONS)
def test_naba_ask_prints_what_answer_returns(question: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.delenv("NABA_MODEL", raising=False)
    monkeypatch.setattr(llama, "get_llm", lambda model=None: pytest.fail("no model was named"))
    assert cli.main(["ask", str(path), question, "--published", PUBLISHED]) == 0
    assert capsys.readouterr().out.strip() == render_terminal(_by_answer(question)).strip()


def test_a_named_model_answers_in_naba_ask_as_in_answer(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(llama, "get_llm", lambda model=None: _fake())
    question = QUESTIONS[-1]
    assert cli.main(["ask", str(path), question, "--model", "other.gguf"]) == 0
    assert _by_answer(question).source != "none"  # without the model the quote stands
    assert capsys.readouterr().out.strip() == render_terminal(
        answer(question, extract(ARTICLE, None), ARTICLE, llm=_fake())).strip()


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_app_shows_what_answer_returns(question: str, app_url: str) -> None:
    from gradio_client import Client

    from agent.app.page import chat_markdown

    client = Client(app_url, verbose=False, analytics_enabled=False)
    client.predict(api_name="/start")
    _, chat, *_ = client.predict(question, api_name="/ask")
    content = chat[-1]["content"]
    shown = content if isinstance(content, str) else " ".join(p.get("text", "") for p in content)
    assert shown.strip() == chat_markdown(_by_answer(question)).strip()


def test_the_questions_cover_an_answer_and_refusals() -> None:
    answers = [_by_answer(q) for q in QUESTIONS]
    assert "78" in answers[0].text and answers[0].source == "facts"
    assert all(a.source == "none" for a in answers[1:3])
