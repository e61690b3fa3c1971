"""Load test of the chat server: many clients ask questions at once, and every answer must be the
one a single user gets.

`python -m agent.eval.load` starts `naba chat` on the founding article (127.0.0.1 only), drives it
with 20 clients for 2 minutes, samples the server's memory, stops it and prints the figures.
tests/test_load.py runs a short version against an in-process server. Every loop is bounded in
time and count; the only address ever asked is 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agent.eval import ROOT
from agent.eval.measure import stop

SEED = ROOT / "seeds" / "000_4c6aceeda1af29a0.txt"
# Questions about the founding article: figures, statements, a person, a quote and a refusal.
QUESTIONS = (
    "How many civilians were killed in Hama?",
    "كم عدد المدنيين الذين نزحوا من شرق حلب بحسب روسيا؟",
    "Who is Zaid al-Saleh?",
    "How many air strikes did Moscow launch on Palmyra?",
    "ماذا قال بيسكوف عن الولايات المتحدة؟",
    "How many tanks were destroyed?",
)
MAX_REQUESTS = 100_000  # a bound on the loop besides the clock


@dataclass
class LoadReport:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)  # questions whose answer moved
    rss_mb: list[float] = field(default_factory=list)  # the server's, sampled each second
    peak_rss_mb: float | None = None

    def lines(self) -> list[str]:
        lat = sorted(self.latencies)
        p = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]) if lat else (lambda q: 0.0)
        out = [f"clients       {self.clients}",
               f"duration      {self.seconds:.0f} s",
               f"requests      {len(self.latencies) + len(self.errors)} answered questions "
               f"({len(self.latencies) / max(self.seconds, 1e-9):.1f}/s)",
               f"errors        {len(self.errors)}" + (f" (first: {self.errors[0]})"
                                                      if self.errors else ""),
               f"identical     {len(self.latencies) - len(self.different)} of "
               f"{len(self.latencies)} answers equal the single-user answer",
               f"latency       p50 {p(0.5):.2f} s, p95 {p(0.95):.2f} s, max "
               f"{max(lat, default=0):.2f} s"]
        if self.rss_mb:
            third = max(1, len(self.rss_mb) // 3)
            out.append(f"server RSS    first third {statistics.mean(self.rss_mb[:third]):.0f} MB, "
                       f"last third {statistics.mean(self.rss_mb[-third:]):.0f} MB, "
                       f"peak {self.peak_rss_mb or max(self.rss_mb):.0f} MB")
        return out


def ask(url: str, question: str, client: object | None = None) -> str:
    """One question in a fresh session (so no earlier question is its context): the answer's
    Markdown as the chat shows it."""
    from gradio_client import Client

    c = client if isinstance(client, Client) else Client(url, verbose=False,
                                                          analytics_enabled=False)
    c.predict(api_name="/start")
    _, chat, *_ = c.predict(question, api_name="/ask")
    content = chat[-1]["content"] if chat else ""
    return content if isinstance(content, str) else " ".join(p.get("text", "")
                                                             for p in content)


def drive(url: str, clients: int, seconds: float, questions: Sequence[str] = QUESTIONS,
          server_pid: int | None = None) -> LoadReport:
    """Ask each question once alone, then have `clients` clients ask them in turn for
    `seconds`, comparing every answer with the single-user one."""
    from gradio_client import Client

    if not url.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError(f"load tests only target this machine, not {url}")
    alone = {q: ask(url, q) for q in questions}
    report = LoadReport(clients, seconds)
    lock = threading.Lock()
    stop = threading.Event()
    count = [0]

    def client(n: int) -> None:
        try:
            c = Client(url, verbose=False, analytics_enabled=False)
        except Exception as exc:  # the server refused a client: that is an error to report
            with lock:
                report.errors.append(f"connect: {type(exc).__name__}: {exc}")
            return
        k = n
        while not stop.is_set():
            with lock:
                if count[0] >= MAX_REQUESTS:
                    return
                count[0] += 1
            question = questions[k % len(questions)]
            k += 1
            started = time.monotonic()
            try:
                said = ask(url, question, c)
            except Exception as exc:
                with lock:
                    report.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            with lock:
                report.latencies.append(time.monotonic() - started)
                if said != alone[question]:
                    report.different.append(question)

    def sample() -> None:
        while server_pid and not stop.wait(1.0):
            rss = _status_mb(server_pid, "VmRSS")
            if rss is not None:
                report.rss_mb.append(rss)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    sampler = threading.Thread(target=sample, daemon=True)
    began = time.monotonic()
    for t in [*threads, sampler]:
        t.start()
    stop.wait(seconds)
    stop.set()
    for t in [*threads, sampler]:
        t.join(timeout=120)  # a question already asked finishes; none is asked after the bell
    report.seconds = time.monotonic() - began
    if server_pid:
        report.peak_rss_mb = _status_mb(server_pid, "VmHWM")
    return report


def _status_mb(pid: int, key: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(port: int, model: str | None) -> subprocess.Popen[bytes]:
    naba = Path(sys.executable).with_name("naba")
    args = [str(naba), "chat", str(SEED), "--published", "2016-12-13", "--host", "127.0.0.1",
            "--port", str(port)] + (["--model", model] if model else [])
    server = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 300  # extraction and loading the model come first
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"naba chat exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise RuntimeError("naba chat did not start serving within 5 minutes")


def serve_and_drive(clients: int, seconds: float, model: str | None = None) -> LoadReport:
    """Start `naba chat` on a free loopback port, drive it, stop it."""
    port = _free_port()
    print(f"starting naba chat on http://127.0.0.1:{port}/ …", file=sys.stderr, flush=True)
    server = _serve(port, model or os.environ.get("NABA_MODEL"))
    try:
        return drive(f"http://127.0.0.1:{port}/", clients, seconds, server_pid=server.pid)
    finally:
        stop(server)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m agent.eval.load", description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--model", help="a GGUF for naba chat (default: the default model)")
    args = parser.parse_args(argv)
    report = serve_and_drive(args.clients, args.seconds, args.model)
    print("\n".join(report.lines()))
    return 0 if not report.errors and not report.different else 1


if __name__ == "__main__":
    raise SystemExit(main())
