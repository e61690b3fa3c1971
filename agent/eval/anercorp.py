"""ANERcorp, text nobody here wrote: its tagged names grouped into pseudo-articles, and the
names an extraction finds scored against them."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from agent.errors import InputError
from agent.eval import ROOT, match
from agent.eval.match import Fact
from agent.eval.scoring import Extractor, prf

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
