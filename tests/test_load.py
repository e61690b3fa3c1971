"""The chat server under load, briefly: 20 clients ask at once for 15 s (the 2-minute run against
the real model is `python -m agent.eval.load`)."""

from __future__ import annotations

import socket

from test_app import SlowLLM

from agent.app import Library, build, serve
from agent.eval import load
from agent.extract import extract


def test_twenty_clients_for_fifteen_seconds_get_the_single_user_answers() -> None:
    library = Library(lambda text, published: extract(text, published))
    library.add(load.SEED.read_text("utf-8"), "2016-12-13", load.SEED.name)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    llm = SlowLLM()
    demo = serve(build(library, llm), "127.0.0.1", port, block=False)
    try:
        report = load.drive(f"http://127.0.0.1:{port}/", clients=20, seconds=15)
    finally:
        demo.close()
    assert report.errors == []
    assert report.different == []
    assert len(report.latencies) >= 20  # every client got answers, not just one
    assert llm.most == 1  # the one model was never shared by two questions
    assert any("p50" in line for line in report.lines())
