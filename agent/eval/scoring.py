"""Scoring one extraction against its truth: truth files located in the article, grounding
of every span, and per-kind counts with precision, recall and F1."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from agent.errors import InputError
from agent.eval import match
from agent.eval.match import Fact
from agent.text.doc import locate

Extractor = Callable[[str, str | None], Fact]  # (article, published) -> ArticleExtraction dict
# Attributes checked on matched pairs wherever the truth gives a value.
FIELDS = {
    "events": ("date", "location", "modality", "subtype"),
    "actors": ("type",),
    "statements": ("kind",),
    "casualties": ("date", "location", "reported_by", "victims", "unit"),
}


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
                          "share": share(self.spans)},
            "dates": {"right": self.dates()[0], "total": self.dates()[1],
                      "share": share(self.dates())},
            "fields": {k: {"right": r, "total": t, "share": share([r, t])}
                       for k, (r, t) in sorted(self.fields.items())},
            "missed": self.missed,
            "spurious": self.spurious,
            "seconds": round(self.seconds, 2),
        }


def share(pair: Sequence[int]) -> float | None:
    """right / total, None when there is nothing to count."""
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
