"""When are two facts the same fact? One set of matching rules for scoring and golden diffs.

Facts are compared as ArticleExtraction-shaped dicts (`model_dump(mode="json")`), so a truth
file (after its evidence is located) and a model's output go through the same code.

Rules (also printed with every evaluation):
- Words are compared normalized (agent.text.arabic.norm: no diacritics or tatweel, one alef, ي for
  ى, ه for ة, Western digits) and clitic-tolerant: two words are equal when their
  proclitic-stripped forms (agent.text.arabic.clitic_bases: و ف ب ل ك ال) share one.
- Names: a name stands for itself plus, when it is the name or an alias of an actor on its own
  side, all of that actor's names. Two names agree when a predicted form contains a true form
  as a run of words ('الرئيس بشار الأسد' contains 'بشار الأسد').
- actors: by name, alias-tolerant as above.
- casualties: same category, and count_best equal or one side's best inside the other's
  low–high range, and, when both name one, the same reporter.
- statements: speakers agree, and the texts share words: overlap F1 (Dice) >= 0.5.
- events: same type, and some evidence span of one overlaps some evidence span of the other.
- One-to-one: candidate pairs are taken greedily, best score first.
- Attributes of matched facts (dates, places, types...) are scored where the truth gives one:
  places agree when one name contains the other, reporters as names above, the rest exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from agent.text.arabic import clitic_bases, tokens

KINDS = ("events", "actors", "statements", "casualties")
STATEMENT_OVERLAP = 0.5

Fact = dict[str, Any]
T = TypeVar("T")
Word = frozenset[str]
Name = tuple[Word, ...]


def words(text: str | None) -> Name:
    """The words of `text`, each as the set of its clitic-stripped normalized forms."""
    return tuple(frozenset(clitic_bases(t.norm)) for t in tokens(text or ""))


def same_word(a: Word, b: Word) -> bool:
    return not a.isdisjoint(b)


def contains(outer: Name, inner: Name) -> bool:
    """`inner` occurs in `outer` as a run of words."""
    n = len(inner)
    return n > 0 and any(
        all(same_word(outer[i + k], inner[k]) for k in range(n))
        for i in range(len(outer) - n + 1)
    )


def overlap_f1(pred: str, truth: str) -> float:
    """Word-overlap F1 (Dice) of two texts, clitic-tolerant."""
    p, t = words(pred), words(truth)
    if not p or not t:
        return 0.0
    p_hit = sum(any(same_word(w, x) for x in t) for w in p) / len(p)
    t_hit = sum(any(same_word(w, x) for x in p) for w in t) / len(t)
    return 0.0 if p_hit + t_hit == 0 else 2 * p_hit * t_hit / (p_hit + t_hit)


def actor_names(actor: Fact) -> list[Name]:
    return [w for w in (words(actor["name"]), *map(words, actor.get("aliases") or [])) if w]


def name_forms(name: str, actors: Sequence[Fact]) -> list[Name]:
    """`name` plus every name of an actor it is the name or an alias of."""
    own = words(name)
    forms = [own]
    for actor in actors:
        names = actor_names(actor)
        if any(len(n) == len(own) and contains(n, own) for n in names):
            forms += names
    return forms


def names_agree(pred: list[Name], truth: list[Name]) -> bool:
    return any(contains(p, t) for p in pred for t in truth)


def span_overlap(a: Iterable[Fact], b: Iterable[Fact]) -> int:
    """Characters shared by the best-overlapping pair of spans (0 when none overlap)."""
    b = list(b)
    return max((min(x["end"], y["end"]) - max(x["start"], y["start"])
                for x in a for y in b), default=0)


def _in_range(value: int | None, fact: Fact) -> bool:
    low, high = fact.get("count_low"), fact.get("count_high")
    return value is not None and low is not None and high is not None and low <= value <= high


def counts_agree(p: Fact, t: Fact) -> bool:
    pb, tb = p.get("count_best"), t.get("count_best")
    if pb is None and tb is None:
        return (p.get("count_low"), p.get("count_high")) == (t.get("count_low"),
                                                             t.get("count_high"))
    return pb == tb or _in_range(pb, t) or _in_range(tb, p)


@dataclass(frozen=True)
class Sides:
    """The actor lists of both sides, for resolving names through aliases."""

    pred_actors: Sequence[Fact]
    truth_actors: Sequence[Fact]

    def names_agree(self, pred: str | None, truth: str | None) -> bool:
        return names_agree(name_forms(pred or "", self.pred_actors),
                           name_forms(truth or "", self.truth_actors))


Scorer = Callable[[Fact, Fact, Sides], float | None]


def _actor_score(p: Fact, t: Fact, sides: Sides) -> float | None:
    pn, tn = words(p["name"]), words(t["name"])
    if len(pn) == len(tn) and contains(pn, tn):
        return 3.0
    if contains(pn, tn):
        return 2.0
    return 1.0 if names_agree(actor_names(p), actor_names(t)) else None


def _casualty_score(p: Fact, t: Fact, sides: Sides) -> float | None:
    if p["category"] != t["category"] or not counts_agree(p, t):
        return None
    if p.get("reported_by") and t.get("reported_by") and not sides.names_agree(
            p["reported_by"], t["reported_by"]):
        return None
    return 1.0 + span_overlap(p["evidence"], t["evidence"])


def _statement_score(p: Fact, t: Fact, sides: Sides) -> float | None:
    if not sides.names_agree(p["speaker"], t["speaker"]):
        return None
    score = overlap_f1(p["text"], t["text"])
    return score if score >= STATEMENT_OVERLAP else None


def _event_score(p: Fact, t: Fact, sides: Sides) -> float | None:
    if p["type"] != t["type"]:
        return None
    shared = span_overlap(p["evidence"], t["evidence"])
    return float(shared) if shared > 0 else None


SCORERS: dict[str, Scorer] = {
    "events": _event_score,
    "actors": _actor_score,
    "statements": _statement_score,
    "casualties": _casualty_score,
}


def greedy_pairs(preds: Sequence[T], truths: Sequence[T],
                 score: Callable[[T, T], float | None]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, truth index), best score first; ties in reading order."""
    candidates = []
    for i, p in enumerate(preds):
        for j, t in enumerate(truths):
            s = score(p, t)
            if s is not None:
                candidates.append((-s, j, i))
    used_p: set[int] = set()
    used_t: set[int] = set()
    pairs = []
    for _, j, i in sorted(candidates):
        if i not in used_p and j not in used_t:
            used_p.add(i)
            used_t.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def match_kind(kind: str, pred: Fact, truth: Fact) -> list[tuple[int, int]]:
    """Matched (pred index, truth index) pairs of one kind between two extractions."""
    sides = Sides(pred.get("actors", []), truth.get("actors", []))
    scorer = SCORERS[kind]
    return greedy_pairs(pred.get(kind, []), truth.get(kind, []),
                        lambda p, t: scorer(p, t, sides))


# Golden diffs pair facts loosely (same words of the article, or the same actor name), so a
# changed count reads as a change of that fact rather than one fact removed and one added.
def _loose_score(kind: str) -> Callable[[Fact, Fact], float | None]:
    def score(a: Fact, b: Fact) -> float | None:
        if kind == "actors":
            return _actor_score(a, b, Sides((), ()))
        shared = span_overlap(a.get("evidence", []), b.get("evidence", []))
        return float(shared) if shared > 0 else None

    return score


def _show(value: Any) -> str:
    if isinstance(value, list) and all(isinstance(v, dict) and "text" in v for v in value):
        return " | ".join(f"«{v['text']}»@{v['start']}" for v in value) or "[]"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _flat(fact: Fact, prefix: str = "") -> dict[str, Any]:
    """Field path -> value, nested dicts (location) flattened; ids left out."""
    out: dict[str, Any] = {}
    for key, value in fact.items():
        if key == "id" and not prefix:
            continue
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def summary(kind: str, fact: Fact) -> str:
    """One line that says which fact this is."""
    head = {
        "events": lambda f: f["type"],
        "actors": lambda f: f"{f['name']} ({f['type']})",
        "statements": lambda f: f"{f['speaker']}: {f['text'][:60]}",
        "casualties": lambda f: f"{f['category']} {f.get('count_best')}"
                                f" ({f.get('reported_by') or 'no source'})",
    }[kind](fact)
    ev = fact.get("evidence") or []
    return f"{head} «{ev[0]['text'][:80]}»" if ev else head


def diff_facts(old: Fact, new: Fact) -> list[str]:
    """Readable differences between two ArticleExtraction dicts, one line each.

    'casualties c2 count_best: 80 → 85', 'events e3→e4 date: null → 2016-12-12',
    'statements + s5 ...' (added), 'actors - a7 ...' (removed), 'warnings + ...'.
    """
    lines: list[str] = []
    for kind in KINDS:
        olds, news = old.get(kind, []), new.get(kind, [])
        pairs = greedy_pairs(olds, news, _loose_score(kind))
        for i, j in pairs:
            a, b = olds[i], news[j]
            label = a["id"] if a["id"] == b["id"] else f"{a['id']}→{b['id']}"
            fa, fb = _flat(a), _flat(b)
            for key in sorted(fa.keys() | fb.keys()):
                if fa.get(key) != fb.get(key):
                    lines.append(f"{kind} {label} {key}: {_show(fa.get(key))} → "
                                 f"{_show(fb.get(key))}")
        paired_old = {i for i, _ in pairs}
        paired_new = {j for _, j in pairs}
        lines += [f"{kind} - {f['id']} {summary(kind, f)}"
                  for i, f in enumerate(olds) if i not in paired_old]
        lines += [f"{kind} + {f['id']} {summary(kind, f)}"
                  for j, f in enumerate(news) if j not in paired_new]
    old_w, new_w = old.get("warnings", []), new.get("warnings", [])
    lines += [f"warnings - {w}" for w in old_w if w not in new_w]
    lines += [f"warnings + {w}" for w in new_w if w not in old_w]
    return lines
