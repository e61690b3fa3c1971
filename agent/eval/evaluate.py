"""`naba eval`: extraction scored against the hand-checked truth of every seed, and against
ANERcorp's names (text nobody here wrote). Precision, recall, F1, grounding and dates.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from agent.errors import InputError
from agent.eval import match
from agent.model.llm import LLM
from agent.text.doc import locate

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"casualties": 0.85, "statements": 0.70, "actors": 0.80, "events": 0.60}
# Attributes checked on matched pairs wherever the truth gives a value.
FIELDS = {
    "events": ("date", "location", "modality"),
    "actors": ("type",),
    "statements": ("kind",),
    "casualties": ("date", "location", "reported_by", "victims", "unit"),
}
RULES = match.__doc__.split("Rules (also printed with every evaluation):\n", 1)[1].strip()
ANERCORP_NOTE = (
    "ANERcorp, last ~25,000 tokens, sentences grouped 10 to a pseudo-article. Mention-level: a "
    "tagged name counts as found when a predicted span of the same type overlaps it (clitics "
    "stay attached to ANERcorp tokens, so any overlap counts), one-to-one. PERS = actors of type "
    "person; ORG = organization, armed_group, state_forces, international_organization, media; "
    "LOC = event and casualty locations plus actors of type state (ANERcorp tags countries as "
    "LOC); civilians/other are not names and are not scored. Naba extracts the actors and "
    "places of facts, not every name, so recall here is a floor. Reference: CAMeL Tools' BERT "
    "NER is reported at about 83 F1 on ANERcorp."
)

Fact = dict[str, Any]
Extractor = Callable[[str, str | None], Fact]


# ---------------------------------------------------------------- truth and grounding


def truth_extraction(truth: Fact, article: str, label: str = "truth") -> Fact:
    """A truth file in ArticleExtraction shape: evidence strings located in the article.

    Raises InputError listing every evidence string the article does not hold.
    """
    problems: list[str] = []

    def spans(texts: Iterable[str]) -> list[Fact]:
        out = []
        for text in texts:
            found = locate(article, text)
            if found is None:
                problems.append(f"«{text}»")
            else:
                out.append(found.model_dump())
        return out

    def place(name: str | None) -> Fact | None:
        return {"name": name, "evidence": []} if name else None

    out: Fact = {}
    for kind, prefix in (("events", "e"), ("actors", "a"), ("statements", "s"),
                         ("casualties", "c")):
        facts = []
        for i, fact in enumerate(truth.get(kind, []), 1):
            fact = {**fact, "id": f"{prefix}{i}", "evidence": spans(fact.get("evidence", []))}
            if "location" in fact:
                fact["location"] = place(fact["location"])
            facts.append(fact)
        out[kind] = facts
    if problems:
        raise InputError(f"{label}: evidence not found in the article: {', '.join(problems)}")
    return out


def all_spans(extraction: Fact) -> list[Fact]:
    """Every span of an extraction: each fact's evidence and its location's evidence."""
    out: list[Fact] = []
    for kind in match.KINDS:
        for fact in extraction.get(kind, []):
            out += fact.get("evidence") or []
            out += (fact.get("location") or {}).get("evidence") or []
    return out


def grounding(extraction: Fact, article: str) -> tuple[int, int]:
    """(spans with article[start:end] == text, all spans)."""
    spans = all_spans(extraction)
    good = sum(1 for s in spans if 0 <= s["start"] <= s["end"] <= len(article)
               and article[s["start"]:s["end"]] == s["text"])
    return good, len(spans)


# ---------------------------------------------------------------- scoring


def prf(tp: int, n_pred: int, n_truth: int) -> dict[str, float]:
    """Precision, recall, F1; an empty side scores 1.0 when the other is empty too."""
    p = tp / n_pred if n_pred else float(n_truth == 0)
    r = tp / n_truth if n_truth else float(n_pred == 0)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _field_agrees(name: str, pred: Any, truth: Any, sides: match.Sides) -> bool:
    if name == "location":
        p, t = match.words((pred or {}).get("name")), match.words(truth["name"])
        return match.contains(p, t) or match.contains(t, p)
    if name == "reported_by":
        return sides.names_agree(pred, truth)
    return bool(pred == truth)


@dataclass
class Score:
    """Counts for one article or summed over many; rates are computed from counts."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(match.KINDS, 0))
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(match.KINDS, 0))
    truth: dict[str, int] = field(default_factory=lambda: dict.fromkeys(match.KINDS, 0))
    fields: dict[str, list[int]] = field(default_factory=dict)  # "events.date": [right, total]
    spans: list[int] = field(default_factory=lambda: [0, 0])  # [valid, total]
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for kind in match.KINDS:
            self.tp[kind] += other.tp[kind]
            self.pred[kind] += other.pred[kind]
            self.truth[kind] += other.truth[kind]
        for key, (right, total) in other.fields.items():
            got = self.fields.setdefault(key, [0, 0])
            got[0] += right
            got[1] += total
        self.spans = [self.spans[0] + other.spans[0], self.spans[1] + other.spans[1]]
        self.seconds += other.seconds

    @classmethod
    def from_json(cls, data: Fact) -> Score:
        """Back from `to_json`, so per-article scores can be summed again."""
        kinds = data["kinds"]
        return cls(tp={k: v["tp"] for k, v in kinds.items()},
                   pred={k: v["pred"] for k, v in kinds.items()},
                   truth={k: v["truth"] for k, v in kinds.items()},
                   fields={k: [v["right"], v["total"]] for k, v in data["fields"].items()},
                   spans=[data["grounding"]["valid"], data["grounding"]["total"]],
                   missed=list(data["missed"]), spurious=list(data["spurious"]),
                   seconds=data["seconds"])

    def dates(self) -> list[int]:
        """[right, total] over the dates of matched events and casualties."""
        pairs = [self.fields.get(k, [0, 0]) for k in ("events.date", "casualties.date")]
        return [sum(p[0] for p in pairs), sum(p[1] for p in pairs)]

    def to_json(self) -> Fact:
        kinds = {k: {"tp": self.tp[k], "pred": self.pred[k], "truth": self.truth[k],
                     **prf(self.tp[k], self.pred[k], self.truth[k])} for k in match.KINDS}
        return {
            "kinds": kinds,
            "grounding": {"valid": self.spans[0], "total": self.spans[1],
                          "share": _share(self.spans)},
            "dates": {"right": self.dates()[0], "total": self.dates()[1],
                      "share": _share(self.dates())},
            "fields": {k: {"right": r, "total": t, "share": _share([r, t])}
                       for k, (r, t) in sorted(self.fields.items())},
            "missed": self.missed,
            "spurious": self.spurious,
            "seconds": round(self.seconds, 2),
        }


def _share(pair: Sequence[int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


def score_article(pred: Fact, truth: Fact, article: str) -> Score:
    """Score one extraction (ArticleExtraction dict) against located truth."""
    score = Score()
    score.spans = list(grounding(pred, article))
    sides = match.Sides(pred.get("actors", []), truth.get("actors", []))
    for kind in match.KINDS:
        preds, truths = pred.get(kind, []), truth.get(kind, [])
        pairs = match.match_kind(kind, pred, truth)
        score.tp[kind], score.pred[kind], score.truth[kind] = len(pairs), len(preds), len(truths)
        for i, j in pairs:
            for name in FIELDS[kind]:
                if truths[j].get(name) is None:
                    continue
                got = score.fields.setdefault(f"{kind}.{name}", [0, 0])
                got[0] += _field_agrees(name, preds[i].get(name), truths[j][name], sides)
                got[1] += 1
        matched_p, matched_t = {i for i, _ in pairs}, {j for _, j in pairs}
        score.missed += [f"{kind} {match.summary(kind, f)}"
                         for j, f in enumerate(truths) if j not in matched_t]
        score.spurious += [f"{kind} {f.get('id', '')} {match.summary(kind, f)}"
                           for i, f in enumerate(preds) if i not in matched_p]
    return score


# ---------------------------------------------------------------- the dev set


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


# ---------------------------------------------------------------- ANERcorp

ANER_TYPES = ("PERS", "ORG", "LOC")
_ACTOR_TYPE = {
    "person": "PERS", "organization": "ORG", "armed_group": "ORG", "state_forces": "ORG",
    "international_organization": "ORG", "media": "ORG", "state": "LOC",
}
_NO_SPACE_BEFORE = {".", "،", ",", ":", "؛", "؟", "?", "!", ")", "»"}


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PseudoArticle:
    text: str
    entities: tuple[Entity, ...]
    tokens: int


def anercorp_path() -> Path:
    """ANERcorp next to the repo (../shared/data), or under $NABA_SHARED/data."""
    shared = os.environ.get("NABA_SHARED")
    base = Path(shared) if shared else ROOT.parent / "shared"
    return base / "data" / "anercorp" / "ANERCorp"


def read_conll(lines: Iterable[str]) -> list[tuple[str, str]]:
    """(token, tag) pairs; lines without a token are skipped, unknown tags read as O."""
    out = []
    for line in lines:
        parts = line.strip().rsplit(None, 1)
        if len(parts) != 2:
            continue
        token, tag = parts
        if tag[:2] not in ("B-", "I-") or tag[2:] not in ("PERS", "ORG", "LOC", "MISC"):
            tag = "O"
        out.append((token, tag))
    return out


def pseudo_articles(pairs: Sequence[tuple[str, str]], last_tokens: int = 25_000,
                    per_article: int = 10) -> list[PseudoArticle]:
    """The last `last_tokens` tokens (from a sentence start), in articles of N sentences."""
    start = max(0, len(pairs) - last_tokens)
    if start:  # begin after the sentence the cut falls in
        while start < len(pairs) and pairs[start - 1][0] != ".":
            start += 1
    sentences: list[list[tuple[str, str]]] = [[]]
    for pair in pairs[start:]:
        sentences[-1].append(pair)
        if pair[0] == ".":
            sentences.append([])
    sentences = [s for s in sentences if s]
    return [_build(list(chain.from_iterable(sentences[i:i + per_article])))
            for i in range(0, len(sentences), per_article)]


def _build(pairs: Sequence[tuple[str, str]]) -> PseudoArticle:
    text = ""
    entities: list[Entity] = []
    open_: tuple[str, int, int] | None = None  # type, start, end of the entity being read

    def close() -> None:
        if open_:
            entities.append(Entity(open_[0], open_[1], open_[2], text[open_[1]:open_[2]]))

    for token, tag in pairs:
        if text and token not in _NO_SPACE_BEFORE:
            text += " "
        start = len(text)
        text += token
        kind = tag[2:]
        if tag.startswith("I-") and open_ and open_[0] == kind:
            open_ = (kind, open_[1], len(text))
            continue
        close()
        open_ = (kind, start, len(text)) if kind in ANER_TYPES else None
    close()
    return PseudoArticle(text, tuple(entities), len(pairs))


def predicted_names(extraction: Fact) -> list[Entity]:
    """Named spans of an extraction, typed like ANERcorp (see ANERCORP_NOTE)."""
    out: dict[tuple[str, int, int], Entity] = {}

    def add(kind: str, spans: Iterable[Fact]) -> None:
        for s in spans:
            out.setdefault((kind, s["start"], s["end"]), Entity(kind, s["start"], s["end"],
                                                                s["text"]))

    for actor in extraction.get("actors", []):
        kind = _ACTOR_TYPE.get(actor["type"])
        if kind:
            add(kind, actor["evidence"])
    for fact in extraction.get("events", []) + extraction.get("casualties", []):
        add("LOC", (fact.get("location") or {}).get("evidence") or [])
    return list(out.values())


def score_names(pred: Sequence[Entity], truth: Sequence[Entity]) -> dict[str, list[int]]:
    """Per type (and 'all', untyped): [tp, n_pred, n_truth], overlapping spans one-to-one."""
    def overlap(a: Entity, b: Entity) -> float | None:
        shared = min(a.end, b.end) - max(a.start, b.start)
        return float(shared) if shared > 0 else None

    out = {}
    for kind in (*ANER_TYPES, "all"):
        p = [e for e in pred if kind in ("all", e.type)]
        t = [e for e in truth if kind in ("all", e.type)]
        out[kind] = [len(match.greedy_pairs(p, t, overlap)), len(p), len(t)]
    return out


def run_anercorp(extractor: Extractor, path: Path | None = None) -> Fact:
    """Extract every pseudo-article and score its names; counts, rates, seconds."""
    path = path or anercorp_path()
    if not path.is_file():
        raise InputError(f"ANERcorp not found at {path} (set NABA_SHARED to the shared folder)")
    articles = pseudo_articles(read_conll(path.read_text(encoding="utf-8").splitlines()))
    totals = {kind: [0, 0, 0] for kind in (*ANER_TYPES, "all")}
    started = time.perf_counter()
    for article in articles:
        found = score_names(predicted_names(extractor(article.text, None)), article.entities)
        for kind, counts in found.items():
            totals[kind] = [a + b for a, b in zip(totals[kind], counts, strict=True)]
    return {
        "articles": len(articles),
        "tokens": sum(a.tokens for a in articles),
        "seconds": round(time.perf_counter() - started, 2),
        "types": {k: {"tp": c[0], "pred": c[1], "truth": c[2], **prf(*c)}
                  for k, c in totals.items()},
    }


# ---------------------------------------------------------------- report


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _ratio(pair: Sequence[int]) -> str:
    return f"{_pct(_share(pair))} ({pair[0]}/{pair[1]})" if pair[1] else "–"


def accuracy_table(runs: dict[str, Fact]) -> list[str]:
    """Per kind P/R/F1 for each run side by side, then grounding and dates."""
    names = list(runs)
    head = "| kind | target F1 | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |"
    lines = [head, "|" + " --- |" * (2 + 3 * len(names))]
    for kind in match.KINDS:
        cells = []
        for n in names:
            k = runs[n]["overall"]["kinds"][kind]
            mark = "" if k["f1"] >= TARGETS[kind] else " ✗"
            cells += [f"{k['p']:.2f}", f"{k['r']:.2f}", f"**{k['f1']:.2f}**{mark}"]
        lines.append(f"| {kind} | {TARGETS[kind]:.2f} | " + " | ".join(cells) + " |")
    for label, key, target in (("grounding", "grounding", "100%"), ("dates", "dates", "")):
        cells = []
        for n in names:
            got = runs[n]["overall"][key]
            cells += ["", "", _ratio([got.get("valid", got.get("right", 0)), got["total"]])]
        lines.append(f"| {label} | {target} | " + " | ".join(cells) + " |")
    return lines


def shortfalls(name: str, run: Fact, details: bool = True) -> list[str]:
    """The targets a run missed and by how much, then (with `details`) every missed and extra
    fact: the why."""
    out = [f"## Where the {name} run falls short", ""]
    for kind in match.KINDS:
        k = run["overall"]["kinds"][kind]
        if k["f1"] < TARGETS[kind]:
            out.append(f"- {kind}: F1 {k['f1']:.2f}, {TARGETS[kind] - k['f1']:.2f} below the "
                       f"target {TARGETS[kind]:.2f}: {k['truth'] - k['tp']} of {k['truth']} true "
                       f"{kind} missed, {k['pred'] - k['tp']} of {k['pred']} found are extra.")
    spans = run["overall"]["grounding"]
    if spans["valid"] < spans["total"]:
        out.append(f"- grounding: {spans['total'] - spans['valid']} span(s) do not match the "
                   "article.")
    if len(out) == 2:
        out.append("Every accuracy target is met.")
    facts = [f"- {stem} {label}: {line}" for stem, a in run["articles"].items()
             for label, key in (("missed", "missed"), ("extra", "spurious")) for line in a[key]]
    if facts and details:
        out += ["", "<details><summary>Every missed and extra fact</summary>", "", *facts, "",
                "</details>"]
    return out


def report(result: Fact) -> str:
    """The Markdown report of an evaluation result (as written to eval.json)."""
    out = ["# Naba evaluation", ""]
    runs = result.get("runs", {})
    if runs:
        first = next(iter(runs.values()))
        out += [f"Dev set: {len(first['articles'])} article(s) with hand-checked truth. Runs: "
                + "; ".join(f"{n} ({r['model']})" for n, r in runs.items()) + ".", ""]
        out += accuracy_table(runs)
        out += ["", "## Per article", ""]
        out += ["| article | run | events | actors | statements | casualties | grounding | "
                "dates | seconds |", "|" + " --- |" * 9]
        for stem in first["articles"]:
            for n, run in runs.items():
                a = run["articles"][stem]
                f1s = " | ".join(f"{a['kinds'][k]['f1']:.2f}" for k in match.KINDS)
                out.append(f"| {stem} | {n} | {f1s} | {_pct(a['grounding']['share'])} | "
                           f"{_pct(a['dates']['share'])} | {a['seconds']:.1f} |")
        out += ["", "## Attributes of matched facts", "",
                "| field | " + " | ".join(runs) + " |", "|" + " --- |" * (1 + len(runs))]
        keys = sorted({k for r in runs.values() for k in r["overall"]["fields"]})
        for key in keys:
            cells = [_ratio([r["overall"]["fields"].get(key, {}).get("right", 0),
                             r["overall"]["fields"].get(key, {}).get("total", 0)])
                     for r in runs.values()]
            out.append(f"| {key} | " + " | ".join(cells) + " |")
        out += ["", *shortfalls(*next(iter(runs.items())))]
    if "anercorp" in result:
        out += ["", *anercorp_table(result["anercorp"])]
    out += ["", "## Matching rules", "", RULES, ""]
    return "\n".join(out)


def anercorp_table(aner: Fact) -> list[str]:
    lines = [f"## ANERcorp names ({aner['run']}: {aner['articles']} pseudo-articles, "
             f"{aner['tokens']:,} tokens, {aner['seconds']:.0f} s)", "",
             "| type | P | R | F1 | found / tagged |", "| --- | --- | --- | --- | --- |"]
    for kind, t in aner["types"].items():
        lines.append(f"| {kind} | {t['p']:.2f} | {t['r']:.2f} | **{t['f1']:.2f}** | "
                     f"{t['tp']} / {t['truth']} |")
    return [*lines, "", ANERCORP_NOTE]


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
        prog="naba eval", description="Score extraction against tests/truth (the dev set).",
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
                        help="score only this seed (repeatable)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the evaluation; exit 1 when any span fails grounding (it must be 100%)."""
    args = _arguments(argv)
    rules_only = args.rules_only or (args.anercorp and not args.model)
    seeds = load_seeds(Path(args.seeds), Path(args.truth), args.only)
    llm = None
    if not rules_only:
        from agent.model.llama import get_llm

        llm = get_llm(args.model)
    runs = {}
    if llm is not None:
        runs["model"] = run_json("model", llm, seeds)
    runs["rules-only"] = run_json("rules-only", None, seeds)
    result: Fact = {"rules": RULES, "runs": runs}
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
                   for r in runs.values())
    return 0 if grounded else 1
