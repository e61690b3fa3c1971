"""`make bench`: speed, memory, scaling and the naive one-call baseline for the default model on
this machine, scored with the same scorer as `naba eval`; regenerates BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import jiter
from pydantic import BaseModel, ConfigDict, ValidationError

from agent.errors import ModelError, NabaError
from agent.eval import evaluate
from agent.model.llm import LLM, Message, Schema
from agent.model.prompts import render
from agent.text.arabic import is_arabic
from schemas import Actor, CasualtyReport, Event, Statement

ROOT = evaluate.ROOT
FOUNDING = "000_4c6aceeda1af29a0"
FACTORS = (1, 2, 4)
# The baseline generates up to 2,048 tokens per article (minutes each on 2 shared cores), so it
# runs on three short conflict reports rather than the whole dev set.
BASELINE_SEEDS = (FOUNDING, "005_yemen_hodeidah_strikes", "008_iraq_baghdad_bombing")
NAIVE_MAX_TOKENS = 2048  # room for a full extraction; the 4096 context holds ~1,100 article tokens
SECONDS_TARGET, MULTIPLE_TARGET = 60.0, 3.0
RSS_TARGETS = {"extraction": 2.5e9, "chat": 3.0e9}


class NaiveFacts(BaseModel):
    """The ArticleExtraction schema without the bookkeeping the code fills (article info, model,
    warnings): given those, the 1.5B spent all its tokens repeating "-syria" inside article.id."""

    model_config = ConfigDict(extra="forbid")
    events: list[Event]
    actors: list[Actor]
    statements: list[Statement]
    casualties: list[CasualtyReport]


_FACT_MODELS: dict[str, type[BaseModel]] = {
    "events": Event, "actors": Actor, "statements": Statement, "casualties": CasualtyReport}

Counter = Callable[[str], int]
Fact = dict[str, Any]


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


# ---------------------------------------------------------------- the naive baseline


def naive_extract(llm: LLM, text: str, published: str | None) -> tuple[Fact, bool, str]:
    """One JSON-schema call over the whole article, as instructor + llama-cpp-python would
    make it (its first attempt; no re-ask).

    Returns (the facts that validate, whether the whole reply validated, the raw reply).
    """
    messages = render("naive_extract", article=text, published=published or "unknown")
    try:
        reply = llm.complete(messages, schema=NaiveFacts.model_json_schema(),
                             max_tokens=NAIVE_MAX_TOKENS)
    except ModelError as exc:  # e.g. the article does not fit the context: no facts at all
        return {}, False, f"error: {exc}"
    try:
        return NaiveFacts.model_validate_json(reply).model_dump(mode="json"), True, reply
    except ValidationError:
        return salvage(reply), False, reply


def salvage(reply: str) -> Fact:
    """The facts of an invalid reply that validate one by one.

    A reply cut off at max_tokens is read as far as it goes (jiter's partial mode, the parser
    instructor uses for partial streams), so the baseline keeps what it finished.
    """
    try:
        data = jiter.from_json(reply.encode("utf-8"), partial_mode="on")
    except ValueError:
        return {}
    out: Fact = {}
    for kind, model in _FACT_MODELS.items():
        items = data.get(kind) if isinstance(data, dict) else None
        out[kind] = []
        for item in items if isinstance(items, list) else []:
            try:
                out[kind].append(model.model_validate(item).model_dump(mode="json"))
            except ValidationError:
                continue
    return out


# ---------------------------------------------------------------- scaling


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


# ---------------------------------------------------------------- the run


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


def _timed(extractor: evaluate.Extractor, counter: CountingLLM | None,
           log: list[Fact]) -> evaluate.Extractor:
    """The extractor, logging seconds and model counts of each call."""
    def run(text: str, published: str | None) -> Fact:
        before = counter.totals() if counter else {}
        started = time.perf_counter()
        out = extractor(text, published)
        entry: Fact = {"chars": len(text), "seconds": time.perf_counter() - started}
        if counter:
            entry.update({k: v - before[k] for k, v in counter.totals().items()})
        log.append(entry)
        return out

    return run


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> Fact:
    from agent.model.llama import get_llm

    seeds = evaluate.load_seeds(Path(args.seeds), Path(args.truth), args.only)
    started = time.perf_counter()
    llm = get_llm(args.model)
    load_seconds = time.perf_counter() - started
    count = token_counter(llm)
    founding_path = Path(args.seeds) / f"{FOUNDING}.txt"
    founding = founding_path.read_text(encoding="utf-8")
    progress("reading the founding article once (the floor)")
    rate, tokens, seconds = measure_prompt_rate(llm, founding, count)
    result: Fact = {
        "date": date.today().isoformat(), "machine": machine(),
        "model": {"name": llm.name, "sha256": llm.sha256, "load_seconds": load_seconds,
                  "size": Path(llm.path).stat().st_size if hasattr(llm, "path") else None},
        "prompt_rate": rate, "floor_probe": {"tokens": tokens, "seconds": seconds},
    }
    counting = CountingLLM(llm, count)
    progress(f"Naba consulting the model on {len(seeds)} seed(s)")
    log: list[Fact] = []
    accuracy = {"model": evaluate.run_json(
        "model", counting, seeds, _timed(evaluate.naba_extractor(counting), counting, log))}
    result["articles"] = [{"stem": s.stem, "tokens": count(s.text),
                           "floor": floor_seconds(count(s.text), rate), **entry}
                          for s, entry in zip(seeds, log, strict=True)]
    result["rss"] = {"extraction": peak_rss()}
    accuracy["rules-only"] = evaluate.run_json("rules-only", None, seeds)
    result["accuracy"] = accuracy
    chosen = [s for s in seeds if s.stem in args.baseline]
    if chosen and "baseline" not in args.skip:
        naive, result["naive"] = baseline(counting, chosen)
        stems = [s.stem for s in chosen]
        result["baseline"] = {name: evaluate.subset(accuracy[name], stems)
                              for name in ("model", "rules-only")} | {"naive": naive}
    if "scaling" not in args.skip:
        progress("scaling: 1×, 2×, 4× the founding article")
        result["scaling"] = scaling(counting, founding, Path(args.seeds), count)
    result["rss"]["peak"] = peak_rss()
    if "chat" not in args.skip:
        from agent.chat import time_to_first_token
        from agent.extract import extract

        progress("chat: time to first token, then `naba chat` memory")
        published = next((s.published for s in seeds if s.stem == FOUNDING), None)
        result["chat"] = time_to_first_token(extract(founding, published, llm), founding, llm)
        result["rss"]["chat"] = chat_app_rss(founding_path, published, args.model)
    if "anercorp" not in args.skip:
        progress("ANERcorp, rules only")
        result["anercorp"] = {"run": "rules-only",
                              **evaluate.run_anercorp(evaluate.naba_extractor(None))}
    return result


def baseline(llm: CountingLLM, seeds: Sequence[evaluate.Seed]) -> tuple[Fact, list[Fact]]:
    """The naive baseline over the dev set: its scores, and per article time, tokens, reply."""
    log: list[Fact] = []
    replies: list[tuple[bool, str]] = []

    def naive(text: str, published: str | None) -> Fact:
        started = time.perf_counter()
        facts, ok, reply = naive_extract(llm, text, published)
        replies.append((ok, reply))
        progress(f"naive baseline {len(replies)}/{len(seeds)}: "
                 f"{time.perf_counter() - started:.0f} s, valid: {ok}")
        return facts

    scores = evaluate.run_json("naive", llm, seeds, _timed(naive, llm, log))
    return scores, [{"stem": s.stem, "valid": ok, "reply": reply, **entry}
                    for s, entry, (ok, reply) in zip(seeds, log, replies, strict=True)]


def scaling(llm: LLM, founding: str, seeds_dir: Path, count: Counter) -> list[Fact]:
    """Seconds to extract the founding article at 1×, 2× and 4× its length (other Arabic seeds
    appended), consulting the model, all in one stretch so the ratios share the machine's load."""
    extract = evaluate.naba_extractor(llm)
    others = [text for path in sorted(seeds_dir.glob("*.txt")) if path.stem != FOUNDING
              and is_arabic(text := path.read_text(encoding="utf-8"))]
    rows = []
    for factor in FACTORS:
        text = scaled_article(founding, others, factor) if factor > 1 else founding
        started = time.perf_counter()
        extract(text, None)
        rows.append({"factor": factor, "chars": len(text), "tokens": count(text),
                     "seconds": time.perf_counter() - started})
    return rows


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
        app.terminate()
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()


def peak_rss_of(pid: int) -> int | None:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return None


# ---------------------------------------------------------------- BENCHMARKS.md


def _gb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1e9:.2f} GB"


def _ok(good: bool) -> str:
    return "✓" if good else "✗"


def _target(rss: int | None, what: str) -> str:
    limit = RSS_TARGETS[what]
    return f"≤ {_gb(limit)} {_ok(rss is not None and rss <= limit)}"


def render_benchmarks(r: Fact) -> str:
    """BENCHMARKS.md from a bench result dict."""
    m, model = r["machine"], r["model"]
    out = [
        "# Naba benchmarks", "",
        f"Generated by `make bench` (`python -m agent.eval.bench`) on {r['date']}. "
        "Do not edit by hand.",
        "",
        f"- Machine: {m['cores']} cores, {m['cpu'] or 'unknown CPU'}; "
        f"flags: {' '.join(m['flags']) or 'no avx512/amx'}; load average at start "
        f"{m['load']:.1f} (the cores are shared: a load above {m['cores']} slows every timing)",
        f"- llama-cpp-python {m['llama_cpp']}, built with CMAKE_ARGS=`{m['build'] or 'unknown'}`; "
        f"Python {m['python']}",
        f"- Model: {model['name']} (sha256 {model['sha256']}"
        + (f", {model['size']:,} bytes" if model.get("size") else "")
        + f"), loaded in {model['load_seconds']:.1f} s",
        f"- Prompt reading rate: {r['prompt_rate']:.0f} tokens/s, measured by reading the founding "
        f"article once ({r['floor_probe']['tokens']} tokens, {r['floor_probe']['seconds']:.1f} s, "
        "max_tokens=1). The floor of an article = its tokens / this rate.",
        "", "Runs: **model** is Naba consulting the model where its rules are unsure "
        "(`naba extract --consult`, the pipeline the golden files pin); **rules-only** is "
        "Naba's default (`naba extract`), which never loads the model.",
        "", "## Speed per article", "",
        "| article | chars | tokens | seconds | floor s | × floor | model calls | tokens sent "
        "| tokens generated | rules-only s |", "|" + " --- |" * 10,
    ]
    rules = r["accuracy"]["rules-only"]["articles"]
    for a in r["articles"]:
        out.append(f"| {a['stem']} | {a['chars']:,} | {a['tokens']:,} | {a['seconds']:.1f} | "
                   f"{a['floor']:.1f} | {floor_multiple(a['seconds'], a['floor']):.2f} | "
                   f"{a['calls']} | {a['read']:,} | {a['generated']:,} | "
                   f"{rules[a['stem']]['seconds']:.2f} |")
    total_s = sum(a["seconds"] for a in r["articles"])
    total_floor = sum(a["floor"] for a in r["articles"])
    out.append(f"| **all** | | | **{total_s:.1f}** | {total_floor:.1f} | "
               f"**{floor_multiple(total_s, total_floor):.2f}** | "
               f"{sum(a['calls'] for a in r['articles'])} | | | "
               f"{r['accuracy']['rules-only']['overall']['seconds']:.2f} |")
    founding = next((a for a in r["articles"] if a["stem"] == FOUNDING), None)
    if founding:
        multiple = floor_multiple(founding["seconds"], founding["floor"])
        out += ["", f"Founding article: {founding['seconds']:.1f} s (target ≤ {SECONDS_TARGET:.0f} "
                f"s {_ok(founding['seconds'] <= SECONDS_TARGET)}), {multiple:.2f}× the floor "
                f"(target ≤ {MULTIPLE_TARGET:.0f}× {_ok(multiple <= MULTIPLE_TARGET)})."]
    out += ["", "Tokens sent count the messages before llama.cpp reuses a cached prompt prefix, "
            "so they overstate what the model re-reads."]
    out += ["", f"## Accuracy on the dev set ({len(r['articles'])} articles)",
            "", *evaluate.accuracy_table(r["accuracy"])]
    for name, run in r["accuracy"].items():
        out += ["", *evaluate.shortfalls(name, run, details=name == "model")]
    if "baseline" in r:
        out += ["", *_baseline_section(r)]
    if "scaling" in r:
        base = r["scaling"][0]
        out += ["", "## Scaling", "",
                "The founding article alone, then followed by paragraphs of the other Arabic "
                "seeds up to 2× and 4× its length in characters, extracted consulting the model. "
                "The diacritized Wikinews seeds cost more tokens per character.", "",
                "| length | chars | tokens | seconds | time ratio | chars ratio | tokens ratio |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        for row in r["scaling"]:
            out.append(f"| {row['factor']}× | {row['chars']:,} | {row['tokens']:,} | "
                       f"{row['seconds']:.2f} | {row['seconds'] / base['seconds']:.2f} | "
                       f"{row['chars'] / base['chars']:.2f} | "
                       f"{row['tokens'] / base['tokens']:.2f} |")
    out += ["", "## Memory and chat", "", "| measure | value | target |", "| --- | --- | --- |",
            f"| peak RSS after extracting the dev set | {_gb(r['rss']['extraction'])} | "
            f"{_target(r['rss']['extraction'], 'extraction')} |",
            f"| peak RSS of the bench after baseline and scaling | {_gb(r['rss'].get('peak'))} "
            "| |"]
    if "chat" in r:
        chat = r["chat"]
        out += [f"| peak RSS of `naba chat` serving the founding article | "
                f"{_gb(r['rss'].get('chat'))} | {_target(r['rss'].get('chat'), 'chat')} |",
                f"| chat: time to first token (model-phrased answer) | {chat['ttft']:.1f} s | |",
                f"| chat: whole checked answer | {chat['seconds']:.1f} s | |",
                f"| chat: answer from the facts by code | {chat['facts_seconds']:.2f} s | |",
                "", f"Chat question: “{chat['question']}” → {chat['source']} answer: "
                f"{chat['answer']}"]
    if "anercorp" in r:
        out += ["", *evaluate.anercorp_table(r["anercorp"])]
    out += ["", "## Matching rules", "", evaluate.RULES, ""]
    return "\n".join(out)


def _baseline_section(r: Fact) -> list[str]:
    naive = r["naive"]
    stems = [a["stem"] for a in naive]
    model = [a for a in r["articles"] if a["stem"] in stems]
    rules_s = r["baseline"]["rules-only"]["overall"]["seconds"]

    def row(name: str, rows: list[Fact], valid: str) -> str:
        return (f"| {name} | {sum(a['seconds'] for a in rows) / len(rows):.2f} | "
                f"{sum(a['calls'] for a in rows)} | {sum(a['generated'] for a in rows):,} | "
                f"{valid} |")

    return [
        f"## Against the naive one-call baseline ({len(stems)} articles: {', '.join(stems)})", "",
        *evaluate.accuracy_table(r["baseline"]), "",
        "| run | seconds per article | model calls | tokens generated | valid replies |",
        "| --- | --- | --- | --- | --- |",
        row("model", model, "–"),
        f"| rules-only | {rules_s / len(stems):.2f} | 0 | 0 | – |",
        row("naive", naive, f"{sum(a['valid'] for a in naive)}/{len(naive)}"),
        "", "The naive baseline is one call over the whole article with the JSON schema of "
        "ArticleExtraction's four fact lists as grammar (prompts/naive_extract.j2, max_tokens "
        f"{NAIVE_MAX_TOKENS}), as instructor + llama-cpp-python would send it on its first "
        "attempt; a reply cut off at max_tokens keeps the facts it finished that validate. The "
        "bookkeeping fields (article, model, warnings) are left out: given them, the model "
        "spent all its tokens repeating '-syria' in article.id. It runs on a few short articles "
        "because each call generates up to "
        f"{NAIVE_MAX_TOKENS:,} tokens (minutes on 2 shared cores); the raw replies are in "
        "bench.json.",
    ]


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m agent.eval.bench", description=__doc__)
    parser.add_argument("--model", metavar="PATH", help="a GGUF instead of the default model")
    parser.add_argument("--seeds", default=str(ROOT / "seeds"), metavar="DIR")
    parser.add_argument("--truth", default=str(ROOT / "tests" / "truth"), metavar="DIR")
    parser.add_argument("--only", action="append", default=[], metavar="STEM",
                        help="bench only this seed (repeatable)")
    parser.add_argument("--baseline", action="append", metavar="STEM",
                        help="run the naive baseline on this seed (repeatable; default: "
                             f"{', '.join(BASELINE_SEEDS)})")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["baseline", "scaling", "chat", "anercorp"],
                        help="leave out a part (repeatable)")
    parser.add_argument("--out", default="out/bench", metavar="DIR",
                        help="where bench.json goes (%(default)s)")
    parser.add_argument("--write", default=str(ROOT / "BENCHMARKS.md"), metavar="FILE",
                        help="the Markdown to regenerate (%(default)s)")
    parser.add_argument("--render", metavar="BENCH_JSON",
                        help="only rewrite the Markdown from an earlier run's bench.json")
    args = parser.parse_args(argv)
    args.baseline = args.baseline or list(BASELINE_SEEDS)
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    if args.render:
        result = json.loads(Path(args.render).read_text(encoding="utf-8"))
    else:
        try:
            result = run(args)
        except NabaError as exc:
            print(f"bench: error: {exc}", file=sys.stderr)
            return 1
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "bench.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
    text = render_benchmarks(result)
    Path(args.write).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
