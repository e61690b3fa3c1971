"""`naba eval`: extraction scored against the hand-checked truth of every seed, of both splits
of the evaluation corpus (tests/corpus/dev and test), and against ANERcorp's names (text nobody
here wrote). Precision, recall, F1, grounding and dates.
This module runs the dev set and the command; scoring.py scores, reports.py writes eval.md.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agent.errors import InputError
from agent.eval import ROOT
from agent.eval.anercorp import run_anercorp
from agent.eval.match import Fact
from agent.eval.reports import RULES, report
from agent.eval.scoring import Extractor, Score, score_article, truth_extraction
from agent.model.llm import LLM


@dataclass(frozen=True)
class Seed:
    stem: str
    text: str
    published: str | None
    truth: Fact  # located, ArticleExtraction-shaped


def load_seeds(seeds_dir: Path, truth_dir: Path, only: Sequence[str] = ()) -> list[Seed]:
    """Every seed that has a truth file (optionally only the given stems), in name order."""
    out = []
    for path in sorted(truth_dir.glob("*.json")):
        stem = path.stem
        if only and stem not in only:
            continue
        article_path = seeds_dir / f"{stem}.txt"
        if not article_path.is_file():
            raise InputError(f"{path}: no article {article_path}")
        text = article_path.read_text(encoding="utf-8")
        truth = json.loads(path.read_text(encoding="utf-8"))
        sidecar = seeds_dir / f"{stem}.json"
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
        published = meta.get("published") or truth.get("published")
        out.append(Seed(stem, text, published, truth_extraction(truth, text, str(path))))
    missing = sorted(set(only) - {s.stem for s in out})
    if missing:
        raise InputError(f"no truth file for {', '.join(missing)} in {truth_dir}")
    if not out:
        raise InputError(f"no truth files in {truth_dir}")
    return out


CORPUS = ROOT / "tests" / "corpus"
SPLITS = ("seeds", "dev", "test")


def load_corpus(folder: Path) -> list[Seed]:
    """The articles of one corpus split (<id>.txt, <id>.meta.json with `published`,
    <id>.truth.json), in name order."""
    out = []
    for path in sorted(folder.glob("*.truth.json")):
        stem = path.name.removesuffix(".truth.json")
        article_path, meta_path = folder / f"{stem}.txt", folder / f"{stem}.meta.json"
        for needed in (article_path, meta_path):
            if not needed.is_file():
                raise InputError(f"{path}: no {needed}")
        text = article_path.read_text(encoding="utf-8")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        truth = json.loads(path.read_text(encoding="utf-8"))
        out.append(Seed(stem, text, meta.get("published"),
                        truth_extraction(truth, text, str(path))))
    if not out:
        raise InputError(f"no truth files in {folder}")
    return out


def run_dev_set(seeds: Sequence[Seed], extractor: Extractor) -> tuple[Score, dict[str, Score]]:
    """Extract and score every seed; (overall, per article), each with its seconds."""
    overall, per_article = Score(), {}
    for seed in seeds:
        started = time.perf_counter()
        pred = extractor(seed.text, seed.published)
        seconds = time.perf_counter() - started
        score = score_article(pred, seed.truth, seed.text)
        score.seconds = seconds
        per_article[seed.stem] = score
        overall.add(score)
    return overall, per_article


def naba_extractor(llm: LLM | None) -> Extractor:
    """Naba's own pipeline consulting this model, or rules only (the default) when llm is None."""
    from agent.extract import extract

    def run(text: str, published: str | None) -> Fact:
        return extract(text, published, llm, consult=llm is not None).model_dump(mode="json")

    return run


def run_json(name: str, llm: LLM | None, seeds: Sequence[Seed],
             extractor: Extractor | None = None) -> Fact:
    """One run over the dev set as JSON: model, overall and per-article scores."""
    overall, per_article = run_dev_set(seeds, extractor or naba_extractor(llm))
    return {"model": llm.name if llm else "none", "sha256": llm.sha256 if llm else None,
            "overall": overall.to_json(),
            "articles": {stem: s.to_json() for stem, s in per_article.items()}}


def subset(run: Fact, stems: Sequence[str]) -> Fact:
    """A run's JSON restricted to some articles, its totals summed again."""
    overall = Score()
    for stem in stems:
        overall.add(Score.from_json(run["articles"][stem]))
    return {**run, "overall": overall.to_json(),
            "articles": {stem: run["articles"][stem] for stem in stems}}


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="naba eval", description="Score extraction against tests/truth (the seeds) and "
        "the corpus's dev and test splits (tests/corpus/).",
        epilog="Matching rules:\n" + RULES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", metavar="PATH", help="a GGUF instead of the default model")
    parser.add_argument("--out", default="out/eval", metavar="DIR",
                        help="where eval.md and eval.json go (%(default)s)")
    parser.add_argument("--rules-only", action="store_true",
                        help="only the rules, as `naba extract` runs by default (default: rules "
                             "and the model-consulted pipeline side by side)")
    parser.add_argument("--anercorp", action="store_true",
                        help="also score names on ANERcorp; implies --rules-only unless --model "
                             "is given (~100 pseudo-articles through the 1.5B model on 2 cores "
                             "would take hours)")
    parser.add_argument("--seeds", default=str(ROOT / "seeds"), metavar="DIR")
    parser.add_argument("--truth", default=str(ROOT / "tests" / "truth"), metavar="DIR")
    parser.add_argument("--only", action="append", default=[], metavar="STEM",
                        help="score only this seed (repeatable; implies --split seeds)")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default=None,
                        help="the seeds (tests/truth), the corpus's dev or test split "
                             "(tests/corpus/), or all three (default: all; seeds with --only)")
    parser.add_argument("--corpus", default=str(CORPUS), metavar="DIR")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the evaluation; exit 1 when any span fails grounding (it must be 100%)."""
    args = _arguments(argv)
    rules_only = args.rules_only or (args.anercorp and not args.model)
    split = args.split or ("seeds" if args.only else "all")
    sets = {name: (load_seeds(Path(args.seeds), Path(args.truth), args.only) if name == "seeds"
                   else load_corpus(Path(args.corpus) / name))
            for name in (SPLITS if split == "all" else (split,))}
    llm = None
    if not rules_only:
        from agent.model.llama import get_llm

        llm = get_llm(args.model)
    scored: dict[str, dict[str, Fact]] = {}
    for name, articles in sets.items():
        runs = {}
        if llm is not None:
            runs["model"] = run_json("model", llm, articles)
        runs["rules-only"] = run_json("rules-only", None, articles)
        scored[name] = runs
    result: Fact = {"rules": RULES, "splits": scored}
    if "seeds" in scored:
        result["runs"] = scored["seeds"]
    if args.anercorp:
        result["anercorp"] = {"run": "model" if llm else "rules-only",
                              **run_anercorp(naba_extractor(llm))}
    text = report(result)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "eval.md").write_text(text, encoding="utf-8")
    (out / "eval.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
    print(text)
    print(f"\nwrote {out / 'eval.md'} and {out / 'eval.json'}")
    grounded = all(r["overall"]["grounding"]["valid"] == r["overall"]["grounding"]["total"]
                   for runs in scored.values() for r in runs.values())
    return 0 if grounded else 1
