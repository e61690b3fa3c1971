"""The app's pieces (highlighted article, tables, CSV, chat markdown) and the running app driven
by several gradio clients at once: answers stay right, bad uploads leave it running."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from test_chat import founding_article, founding_extraction

from agent.app import Library, article_html, build, chat_markdown, facts_csv, serve, table
from agent.chat import answer
from agent.errors import ModelError
from agent.extract import extract
from agent.text.doc import verify
from schemas import Span

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"


def _text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_article_html_keeps_the_text_and_marks_every_fact() -> None:
    ex = founding_extraction()
    markup = article_html(founding_article(), ex)
    assert _text_of(markup) == founding_article()
    assert 'dir="rtl"' in markup
    for fact in [*ex.casualties, *ex.statements, *ex.events, *ex.actors]:
        assert f"fact-{fact.id}" in markup, fact.id
    assert re.search(r'<mark data-kind="casualty" data-fact="c2[^"]*"[^>]*>وقتل 50', markup)


def test_article_html_escapes_and_splits_overlapping_spans() -> None:
    text = "قال <b>زيد</b> إن 5 قتلوا"
    ex = founding_extraction().model_copy(update={
        "actors": [], "events": [], "casualties": [],
        "statements": [founding_extraction().statements[0].model_copy(
            update={"evidence": [Span(text=text[0:13], start=0, end=13)]})],
    })
    cited = [Span(text=text[4:20], start=4, end=20)]
    markup = article_html(text, ex, cited)
    assert "<b>" not in markup and "&lt;b&gt;" in markup
    assert _text_of(markup) == text
    # 4..13 is both the statement and the cited words: one mark with both ids
    assert re.search(r'data-ids="fact-s1 cite-4-20" class="cited">&lt;b&gt;زيد', markup)
    assert re.search(r'data-kind="quote" data-fact="" data-ids="cite-4-20" class="cited">', markup)


def test_csv_has_one_row_per_evidence_span_that_verifies() -> None:
    ex = founding_extraction()
    rows = list(csv.DictReader(io.StringIO(facts_csv(ex))))
    spans = sum(len(f.evidence) for f in [*ex.casualties, *ex.statements, *ex.events,
                                             *ex.actors])
    assert len(rows) == spans
    for row in rows:
        span = Span(text=row["evidence"], start=int(row["start"]), end=int(row["end"]))
        assert verify(founding_article(), span), row
    c2 = next(r for r in rows if r["id"] == "c2")
    assert (c2["count_low"], c2["count_best"], c2["who"]) == ("50", "50",
                                                             "المرصد السوري لحقوق الإنسان")


def test_tables_show_each_fact() -> None:
    casualties = table(founding_extraction(), "casualties")
    assert casualties["headers"][:3] == ["id", "category", "count"]
    assert casualties["data"][1][:3] == ["c2", "killed", "at least 50"]
    assert len(table(founding_extraction(), "actors")["data"]) == 11


def test_chat_markdown_links_each_citation_to_its_words() -> None:
    ans = answer("Who is Zaid al-Saleh?", founding_extraction(), founding_article())
    md = chat_markdown(ans)
    quote = ans.citations[0].quote
    assert f"[\\[1\\]](#cite-{quote.start}-{quote.end})" in md
    assert f"- «{quote.text}»" in md


def test_library_extracts_the_same_article_once() -> None:
    calls = []

    def extractor(text: str, published: str | None):
        calls.append(published)
        return founding_extraction()

    library = Library(extractor)
    first = library.add(founding_article(), "2016-12-13")
    again = library.add(founding_article(), "2016-12-13")
    assert first is again and len(library.articles) == 1 and calls == ["2016-12-13"]
    assert Path(library.download(first.key, "json")).read_text("utf-8").startswith("{")
    assert "kind,id" in Path(library.download(first.key, "csv")).read_text("utf-8")


# ------------------------------------------------------------------ the running app


class SlowLLM:
    """Vets quoted answers slowly (a passage about the air strikes answers, no other does), and
    counts how many calls ever ran at once (the one model must never serve two questions)."""

    name, sha256 = "slow", None

    def __init__(self) -> None:
        self.active = self.most = 0
        self.lock = threading.Lock()

    def complete(self, messages, schema=None, max_tokens=256) -> str:
        with self.lock:
            self.active += 1
            self.most = max(self.most, self.active)
        time.sleep(0.4)
        prompt = "\n".join(m["content"] for m in messages)
        if "crash on purpose" in prompt:
            with self.lock:
                self.active -= 1
            raise ZeroDivisionError("a bug (on purpose)")
        if "fail on purpose" in prompt:
            with self.lock:
                self.active -= 1
            raise ModelError("slow: the model crashed (on purpose)")
        with self.lock:
            self.active -= 1
        return json.dumps({"answers": "100 غارة" in prompt})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def running() -> Iterator[tuple[str, SlowLLM]]:
    llm = SlowLLM()
    library = Library(lambda text, published: extract(text, published))
    library.add(SEED.read_text("utf-8"), "2016-12-13", SEED.name)
    port = _free_port()
    demo = serve(build(library, llm), "127.0.0.1", port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/", llm
    finally:
        demo.close()


def _client(url: str) -> Client:
    client = Client(url, verbose=False, analytics_enabled=False)
    client.predict(api_name="/start")
    return client


def _ask(client: Client, question: str) -> str:
    _, chat, *_ = client.predict(question, api_name="/ask")
    content = chat[-1]["content"]
    return content if isinstance(content, str) else " ".join(p.get("text", "") for p in content)


QUESTIONS = {
    "How many civilians were killed in Hama?": ["50", "80", "#cite-"],
    "كم عدد المدنيين الذين نزحوا من شرق حلب بحسب روسيا؟": ["130 ألف", "روسيا"],
    "Who is Zaid al-Saleh?": ["لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب"],
    "How many air strikes did Moscow launch on Palmyra?": ["أكثر من 100 غارة", "#cite-"],
    "ماذا قال بيسكوف عن الولايات المتحدة؟": ["نأسف لغياب التنسيق"],
    "How many tanks were destroyed?": ["The article does not say."],
}


def test_simultaneous_questions_from_separate_clients_all_get_their_answer(running) -> None:
    url, llm = running
    clients = [_client(url) for _ in QUESTIONS]
    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        replies = list(pool.map(_ask, clients, list(QUESTIONS) * 2))
    for (question, expected), reply in zip(QUESTIONS.items(), replies, strict=False):
        for words in expected:
            assert words in reply, (question, reply)
    assert llm.most == 1  # queued, never interleaved in the one model


def test_bad_uploads_get_a_message_and_the_app_keeps_running(running, tmp_path) -> None:
    url, _ = running
    client = _client(url)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    big = tmp_path / "big.txt"
    big.write_bytes("خبر ".encode() * 700_000)  # 2.8 MB, over the 2 MB limit
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>قتل 3 مدنيين</p></body></html>", "utf-8")
    for bad in (empty, binary, page):
        out = client.predict("", handle_file(str(bad)), "", api_name="/load")
        assert out[1]["choices"] == [[SEED.name, out[1]["value"]]]  # nothing added
    with pytest.raises(Exception):  # noqa: B017 (the upload itself is refused)
        client.predict("", handle_file(str(big)), "", api_name="/load")
    out = client.predict("", None, "", api_name="/load")  # nothing to load
    assert len(out[1]["choices"]) == 1
    out = client.predict("قتل 3 مدنيين في إدلب.", None, "13/12/2016", api_name="/load")
    assert len(out[1]["choices"]) == 1  # not a date: a message, nothing loaded
    assert "50" in _ask(client, "كم مدنيا قتل في حماة؟")


def test_a_failing_model_gets_a_message_and_the_app_keeps_answering(running) -> None:
    url, _ = running
    client = _client(url)
    _, chat, *_ = client.predict("How many air strikes did Moscow launch, fail on purpose?",
                                 api_name="/ask")
    assert chat == []  # nothing half-written stays in the chat
    assert "130" in _ask(client, "How many people fled eastern Aleppo according to Russia?")


def test_a_bug_while_answering_is_a_message_in_the_chat_and_the_app_keeps_answering(
        running, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NABA_HOME", str(tmp_path))
    url, _ = running
    client = _client(url)
    _, chat, *_ = client.predict("How many air strikes did Moscow launch, crash on purpose?",
                                 api_name="/ask")
    said = chat[-1]["content"]
    said = said if isinstance(said, str) else " ".join(p.get("text", "") for p in said)
    assert "internal error: ZeroDivisionError: a bug (on purpose)" in said
    report = Path(re.search(r"details in (\S+?\.log)", said.replace("\\", "")).group(1))
    assert report.parent == tmp_path / "logs" and "Traceback" in report.read_text("utf-8")
    assert "130" in _ask(client, "How many people fled eastern Aleppo according to Russia?")


def test_a_pasted_article_opens_next_to_the_first(running) -> None:
    url, _ = running
    client = _client(url)
    pasted = ("قتل 3 مدنيين وأصيب 7 آخرون في قصف على مدينة إدلب أمس، بحسب الدفاع المدني.\n"
              "وقال مسؤول محلي إن القصف استهدف سوقا شعبية.")
    out = client.predict(pasted, None, "2020-03-01", api_name="/load")
    names = [name for name, _ in out[1]["choices"]]
    assert len(names) == 2 and "إدلب" in out[0]
    assert "3" in _ask(client, "How many civilians were killed?")
    first = out[1]["choices"][0][1]
    back = client.predict(first, api_name="/switch")
    assert "بستان القصر" in _text_of(back[0])
