"""The app in a real browser (headless Debian Chromium through Playwright): the article is
highlighted right to left, a question gets a cited answer, and the citation finds its words.
Screenshots go to tests/artifacts/ (look at them: the Arabic must read right to left)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from agent.app import Library, build, serve
from agent.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4c6aceeda1af29a0.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _ask_in_page(browser, url: str, question: str, shot: str) -> tuple[str, list[str]]:
    """Open the app, ask, click the first citation; return the answer text and any request
    that tried to leave this machine."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(
        ("http://127.0.0.1", "data:", "blob:")) else outside.append(r.url))
    page.goto(url)
    page.wait_for_selector(".naba-article mark[data-kind=casualty]", timeout=120_000)
    assert page.locator(".naba-article").get_attribute("dir") == "rtl"
    page.get_by_label("Question (Arabic or English)").fill(question)
    page.get_by_role("button", name="Ask").click()
    page.wait_for_selector(".naba-chat a[href^='#cite-']", timeout=300_000)
    page.wait_for_selector(".naba-article mark.cited", timeout=30_000)
    page.locator(".naba-chat a[href^='#cite-']").first.click()
    page.wait_for_selector(".naba-article mark.focus", timeout=10_000)
    # The citation brought its words into view inside the article pane.
    expect(page.locator(".naba-article mark.focus").first).to_be_in_viewport(timeout=5_000)
    answer = page.locator(".naba-chat").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    page.close()
    return answer, outside


@pytest.fixture(scope="module")
def rules_app() -> Iterator[str]:
    """The app in this process: rules-only extraction and no model (answers by code)."""
    library = Library(lambda text, published: extract(text, published))
    library.add(SEED.read_text("utf-8"), "2016-12-13", SEED.name)
    port = _free_port()
    demo = serve(build(library, None), "127.0.0.1", port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def test_arabic_question_in_the_browser(browser, rules_app) -> None:
    answer, outside = _ask_in_page(browser, rules_app, "كم مدنيا قتل في حماة؟",
                                   "chat_rules_ar.png")
    assert "50 مدنيا على الأقل" in answer and "حوالي 80 شخصا" in answer
    assert outside == []  # no fonts, scripts or analytics from the network


def test_unanswerable_question_is_refused_in_the_browser(browser, rules_app) -> None:
    """The article counts civilians in Hama, not women: the answer says so first, then shows the
    figure it has as related, with its citation."""
    answer, outside = _ask_in_page(browser, rules_app, "How many women were killed in Hama?",
                                   "chat_refusal_en.png")
    assert "The article does not say how many women were killed in Hama." in answer
    assert "Related, not the answer:" in answer and "50" in answer
    assert outside == []


def test_picking_a_fact_shows_where_it_stands(browser, rules_app) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(rules_app)
    page.wait_for_selector(".naba-article mark", timeout=60_000)
    page.get_by_role("tab", name="Casualties").click()
    page.get_by_text("about 130,000", exact=True).filter(visible=True).click()  # the table cell
    page.wait_for_selector(".naba-article mark.focus", timeout=10_000)
    focused = " ".join(page.locator(".naba-article mark.focus").all_inner_texts())
    assert "130 ألف" in focused
    assert page.get_by_label("Show a fact in the text").input_value().startswith("c1 ·")
    page.close()


@pytest.mark.slow
def test_naba_chat_with_the_real_model(browser) -> None:
    """`naba chat` as a user starts it: the default model extracts, then answers."""
    port = _free_port()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "naba"), "chat", str(SEED), "--published",
         "2016-12-13", "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 900  # the model extracts the article before serving
        while True:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "naba chat did not start"
                time.sleep(2)
        answer, outside = _ask_in_page(browser, url, "How many people fled eastern Aleppo "
                                       "according to Russia?", "chat_model_en.png")
        assert "130,000" in answer and "Russia" in answer
        assert outside == []
        _questions_at_once(url)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _questions_at_once(url: str) -> None:
    """Four clients ask together: each gets its own right answer."""
    from gradio_client import Client

    asked = {"Who is Zaid al-Saleh?": "لواء في جيش الأسد",
             "كم مدنيا قتل في حماة؟": "50",
             "How many air strikes did Moscow launch on Palmyra?": "100",  # a quote
             "What is the weather in Paris?": "The article does not say."}

    def ask(question: str) -> str:
        client = Client(url, verbose=False, analytics_enabled=False)
        client.predict(api_name="/start")
        chat = client.predict(question, api_name="/ask")[1]
        content = chat[-1]["content"]
        return content if isinstance(content, str) else " ".join(
            p.get("text", "") for p in content)

    with ThreadPoolExecutor(len(asked)) as pool:
        replies = dict(zip(asked, pool.map(ask, asked), strict=True))
    for question, expected in asked.items():
        assert expected in replies[question], (question, replies[question])
