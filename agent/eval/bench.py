"""`make bench`: speed, memory, scaling and the naive one-call baseline for the default model on
this machine, scored with the same scorer as `naba eval`; regenerates BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from agent.errors import NabaError
from agent.eval import ROOT, evaluate
from agent.eval.anercorp import run_anercorp
from agent.eval.match import Fact
from agent.eval.measure import (
    FOUNDING,
    Counter,
    CountingLLM,
    chat_app_rss,
    floor_seconds,
    machine,
    measure_prompt_rate,
    peak_rss,
    scaled_article,
    token_counter,
)
from agent.eval.naive import naive_extract
from agent.eval.reports import render_benchmarks
from agent.eval.scoring import Extractor
from agent.model.llm import LLM
from agent.text.arabic import is_arabic

FACTORS = (1, 2, 4)
REPEATS = (1, 4, 16, 64)  # issue #11: 64× the founding article within 80× its time
MEGABYTE = 1_000_000  # and a 1 MB article within 15 s
LOAD_CLIENTS, LOAD_SECONDS = 20, 120.0
# The baseline generates up to 2,048 tokens per article (minutes each on 2 shared cores), so it
# runs on three short conflict reports rather than the whole dev set.
BASELINE_SEEDS = (FOUNDING, "005_yemen_hodeidah_strikes", "008_iraq_baghdad_bombing")


def _timed(extractor: Extractor, counter: CountingLLM | None,
           log: list[Fact]) -> Extractor:
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
    if "splits" not in args.skip:
        progress("the corpus's dev and test splits, rules only")
        corpus = {split: evaluate.load_corpus(evaluate.CORPUS / split) for split in ("dev", "test")}
        result["splits"] = {"seeds": accuracy["rules-only"]} | {
            split: evaluate.run_json("rules-only", None, seeds) for split, seeds in corpus.items()}
    chosen = [s for s in seeds if s.stem in args.baseline]
    if chosen and "baseline" not in args.skip:
        naive, result["naive"] = baseline(counting, chosen)
        stems = [s.stem for s in chosen]
        result["baseline"] = {name: evaluate.subset(accuracy[name], stems)
                              for name in ("model", "rules-only")} | {"naive": naive}
    if "scaling" not in args.skip:
        progress("scaling: 1×, 2×, 4× the founding article")
        result["scaling"] = scaling(counting, founding, Path(args.seeds), count)
        progress("scaling, rules only: the founding article repeated up to 64× and to 1 MB")
        result["repeated"] = repeated(founding)
    result["rss"]["peak"] = peak_rss()
    if "chat" not in args.skip:
        from agent.chat import answer_seconds
        from agent.extract import extract

        progress("chat: a quoted answer the model vets, then `naba chat` memory")
        published = next((s.published for s in seeds if s.stem == FOUNDING), None)
        result["chat"] = answer_seconds(extract(founding, published, llm), founding, llm)
        result["rss"]["chat"] = chat_app_rss(founding_path, published, args.model)
    if "qa" not in args.skip:
        from agent.chat import answer
        from agent.eval import qa

        progress("chat: the corpus's questions, answered by code")
        result["qa"] = {split: qa.table(qa.run(split, answer), split)
                        for split in ("dev", "test")}
    if "load" not in args.skip:
        from agent.eval.load import serve_and_drive

        progress(f"load: {LOAD_CLIENTS} clients for {LOAD_SECONDS:.0f} s against `naba chat`")
        result["load"] = serve_and_drive(LOAD_CLIENTS, LOAD_SECONDS, args.model).lines()
    if "corpus" not in args.skip:
        progress("corpus mode: the per-article loop, batch, Ray and the store, side by side")
        result["corpus"] = subprocess.run(
            [sys.executable, "-m", "agent.corpus.bench"], capture_output=True, text=True,
            check=True).stdout
    if "anercorp" not in args.skip:
        progress("ANERcorp, rules only")
        result["anercorp"] = {"run": "rules-only",
                              **run_anercorp(evaluate.naba_extractor(None))}
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


def repeated(founding: str) -> list[Fact]:
    """Rules-only seconds for the founding article repeated 1×…64× and up to 1 MB (UTF-8)."""
    from agent.extract import extract

    times = [*REPEATS, -(-MEGABYTE // len(founding.encode()))]
    rows = []
    for factor in times:
        text = "\n".join([founding] * factor)
        started = time.perf_counter()
        extract(text, "2016-12-13")
        rows.append({"factor": factor, "chars": len(text), "bytes": len(text.encode()),
                     "seconds": time.perf_counter() - started})
    return rows


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
                        choices=["baseline", "scaling", "chat", "splits", "qa", "load", "corpus",
                                 "anercorp"],
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
