"""Measurements for `make bench`: tokens and calls through the model, the reading floor, the
prompt rate, peak memory, the machine, and the founding article stretched for scaling."""

from __future__ import annotations

import os
import platform
import resource
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from agent.eval.match import Fact
from agent.model.llm import LLM, Message, Schema

FOUNDING = "000_4c6aceeda1af29a0"  # the floor, scaling and the chat are measured on it

Counter = Callable[[str], int]


class CountingLLM:
    """Wraps an LLM and counts calls, tokens sent, tokens generated and seconds in the model.

    Tokens sent are the messages' text before llama.cpp reuses a cached prompt prefix, so they
    overstate what the model actually re-reads; the chat template's few tokens are not counted.
    """

    def __init__(self, inner: LLM, count: Counter) -> None:
        self.inner, self.count = inner, count
        self.name, self.sha256 = inner.name, inner.sha256
        self.calls = self.read = self.generated = 0
        self.seconds = 0.0

    def complete(self, messages: list[Message], schema: Schema | None = None,
                 max_tokens: int = 256) -> str:
        started = time.perf_counter()
        reply = self.inner.complete(messages, schema, max_tokens)
        self.seconds += time.perf_counter() - started
        self.calls += 1
        self.read += sum(self.count(m["content"]) for m in messages)
        self.generated += self.count(reply)
        return reply

    def totals(self) -> dict[str, float]:
        return {"calls": self.calls, "read": self.read, "generated": self.generated,
                "model_seconds": self.seconds}


def token_counter(llm: Any) -> Counter:
    """Token counts from the model's own tokenizer (agent.model.LlamaLLM.tokenize)."""
    return lambda text: len(llm.tokenize(text))


def floor_seconds(tokens: int, prompt_rate: float) -> float:
    """Time for the model just to read `tokens` once at `prompt_rate` tokens/s."""
    return tokens / prompt_rate


def floor_multiple(seconds: float, floor: float) -> float:
    return seconds / floor if floor > 0 else float("inf")


def measure_prompt_rate(llm: LLM, article: str, count: Counter) -> tuple[float, int, float]:
    """(tokens/s, tokens, seconds) for reading the article once and writing one token.

    A fresh marker starts the message so no cached prefix of an earlier call is reused.
    """
    content = f"[{uuid.uuid4().hex[:8]}]\n{article}"
    started = time.perf_counter()
    llm.complete([{"role": "user", "content": content}], max_tokens=1)
    seconds = time.perf_counter() - started
    tokens = count(content)
    return tokens / seconds, tokens, seconds


def peak_rss() -> int:
    """Peak resident memory of this process so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def scaled_article(founding: str, others: Sequence[str], factor: int) -> str:
    """The founding article followed by paragraphs of other seeds (then of itself, when they
    run out) until the text is `factor` times as long."""
    target = factor * len(founding)
    pool = [p for text in (*others, founding) for p in text.split("\n") if p.strip()]
    parts, length, i = [founding], len(founding), 0
    while length < target:
        paragraph = pool[i % len(pool)]
        parts.append(paragraph)
        length += len(paragraph) + 2
        i += 1
    return "\n\n".join(parts)


def machine() -> Fact:
    """Cores, CPU model and SIMD flags that matter to llama.cpp, and how llama.cpp was built."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    first: dict[str, str] = {}
    for row in cpuinfo.splitlines():
        key, _, value = row.partition(":")
        first.setdefault(key.strip(), value.strip())
    flags = sorted(f for f in first.get("flags", "").split() if f.startswith(("avx512", "amx")))
    try:
        import llama_cpp

        llama_version = llama_cpp.__version__
    except ImportError:
        llama_version = None
    return {"cores": len(os.sched_getaffinity(0)), "cpu": first.get("model name", ""),
            "load": os.getloadavg()[0],
            "flags": flags, "python": platform.python_version(),
            "llama_cpp": llama_version, "build": build_flags()}


def build_flags() -> str | None:
    """CMAKE_ARGS of the installed llama-cpp-python, from scripts/install-llama.sh's marker."""
    marker = Path(sys.prefix) / ".naba-llama-wheel"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "naba" / "wheels"
    try:
        return (cache / marker.read_text().strip() / "CMAKE_ARGS").read_text().strip()
    except OSError:
        return None


def chat_app_rss(article: Path, published: str | None, model: str | None,
                 timeout: float = 1800) -> int | None:
    """Peak RSS in bytes of `naba chat` serving one article (extracted at start), or None when
    it did not come up within `timeout` seconds. The app runs in its own process and is
    stopped here."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).parent / "naba"), "chat", str(article), "--port",
               str(port)]
    command += ["--published", published] if published else []
    command += ["--model", model] if model else []
    app = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + timeout
        assert app.stdout is not None
        for line in app.stdout:  # the app prints 'serving on' once the article is extracted
            if "serving on" in line:
                return peak_rss_of(app.pid)
            if time.monotonic() > deadline:
                break
        return None
    finally:
        stop(app)


def stop(process: subprocess.Popen[Any]) -> None:
    """Ask a server to stop, and kill it if it has not within 30 s."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def peak_rss_of(pid: int) -> int | None:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return None

