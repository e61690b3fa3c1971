"""The dev set itself: every seed has a sidecar and a truth file, and every truth string, enum,
date and count is one the scorer can trust. The checks of one truth file are shared with
tests/test_corpus.py, which runs them over the evaluation corpus."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest

from agent.text.arabic import is_arabic, norm
from schemas import (
    ActorType,
    CasualtyCategory,
    CountUnit,
    EventSubtype,
    EventType,
    Modality,
    StatementKind,
    Victims,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TRUTH = ROOT / "tests" / "truth"
STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))
FOUNDING = "000_4c6aceeda1af29a0"
FOUNDING_SHA256 = "81f1f1bfd333dcaec1ca9cc12864f86560c863c3f7e07688a37c07358930c787"

SIDECAR_KEYS = {"title": str, "published": str, "origin": str, "licence": str, "synthetic": bool,
                "notes": str}
KEYS = {
    "events": {"type", "location", "date", "modality", "evidence"},
    "actors": {"name", "type", "aliases"},
    "statements": {"speaker", "kind", "text", "evidence"},
    "casualties": {"category", "count_low", "count_best", "count_high", "unit", "victims",
                   "reported_by", "location", "date", "evidence"},
}
ENUMS = {
    ("events", "type"): EventType, ("events", "modality"): Modality,
    ("actors", "type"): ActorType, ("statements", "kind"): StatementKind,
    ("casualties", "category"): CasualtyCategory, ("casualties", "unit"): CountUnit,
    ("casualties", "victims"): Victims, ("events", "subtype"): EventSubtype,
}
OPTIONAL = {"events": {"subtype"}}  # given where the truth names a sub-type
DIACRITIC = re.compile(r"[\u064B-\u0652]")


def article(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


def sidecar(stem: str) -> dict:
    return json.loads((SEEDS / f"{stem}.json").read_text(encoding="utf-8"))


def truth(stem: str) -> dict:
    return json.loads((TRUTH / f"{stem}.json").read_text(encoding="utf-8"))


def iso_day(value: str) -> date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return date.fromisoformat(value)


def test_every_seed_has_a_sidecar_and_a_truth_file_and_nothing_else():
    assert len(STEMS) >= 11
    assert {p.stem for p in SEEDS.glob("*.json")} == set(STEMS)
    assert {p.stem for p in TRUTH.glob("*.json")} == set(STEMS)
    assert all(re.fullmatch(r"\d{3}_[a-z0-9_]+", s) for s in STEMS), STEMS


def test_founding_article_is_the_one_given_to_the_project():
    text = article(FOUNDING)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == FOUNDING_SHA256
    assert sidecar(FOUNDING)["published"] == "2016-12-13"


@pytest.mark.parametrize("stem", STEMS)
def test_sidecar_has_the_required_keys_and_a_real_date(stem):
    meta = sidecar(stem)
    assert set(meta) == set(SIDECAR_KEYS)
    for key, kind in SIDECAR_KEYS.items():
        assert isinstance(meta[key], kind), key
        assert kind is bool or meta[key].strip(), key
    assert date(1990, 1, 1) <= iso_day(meta["published"]) <= date.today()
    assert article(stem).strip(), "empty article"


def check_shape(t: dict, published: str) -> None:
    """The contract's keys, valid enums and ISO dates."""
    assert set(t) == {"seed", "published", *KEYS}
    assert t["published"] == published
    for kind, keys in KEYS.items():
        for fact in t[kind]:
            assert keys <= set(fact) <= keys | OPTIONAL.get(kind, set()), (kind, fact)
            for (k, field), enum in ENUMS.items():
                if k == kind and field in fact:
                    assert fact[field] in {e.value for e in enum}, (kind, field, fact[field])
            if fact.get("date") is not None:
                iso_day(fact["date"])
            for field in ("location", "reported_by"):
                assert fact.get(field) is None or fact[field].strip(), (kind, field)


def check_evidence(t: dict, text: str) -> None:
    """Every evidence string and statement text is in the article; every fact has evidence."""
    missing = [s for kind in ("events", "statements", "casualties") for fact in t[kind]
               for s in [*fact["evidence"], *([fact["text"]] if kind == "statements" else [])]
               if not s.strip() or s not in text]
    assert missing == []
    assert all(fact["evidence"] for kind in ("events", "statements", "casualties")
               for fact in t[kind])


def check_counts(t: dict) -> None:
    for c in t["casualties"]:
        low, best, high = c["count_low"], c["count_best"], c["count_high"]
        assert isinstance(best, int) and best >= 0, c
        for bound in (low, high):
            assert bound is None or (isinstance(bound, int) and bound >= 0), c
        assert low is None or low <= best, c
        assert high is None or best <= high, c


def check_actors(t: dict) -> None:
    names = [norm(a["name"]) for a in t["actors"]]
    assert len(names) == len(set(names)), names
    for a in t["actors"]:
        assert a["name"].strip() and norm(a["name"]) not in map(norm, a["aliases"]), a


@pytest.mark.parametrize("stem", STEMS)
def test_truth_has_the_contract_shape_and_valid_enums_and_dates(stem):
    t = truth(stem)
    assert t["seed"] == stem
    check_shape(t, sidecar(stem)["published"])


@pytest.mark.parametrize("stem", STEMS)
def test_every_evidence_and_statement_text_is_in_the_article(stem):
    check_evidence(truth(stem), article(stem))


@pytest.mark.parametrize("stem", STEMS)
def test_counts_are_consistent(stem):
    check_counts(truth(stem))


@pytest.mark.parametrize("stem", STEMS)
def test_actors_are_named_once(stem):
    check_actors(truth(stem))


def test_corpus_covers_what_arabic_news_throws_at_an_extractor():
    texts = {s: article(s) for s in STEMS}
    truths = {s: truth(s) for s in STEMS}
    assert any(not is_arabic(t) for t in texts.values()), "an English item"
    assert any(len(t) >= 12_000 for t in texts.values()), "an article longer than the context"
    assert any(not t["casualties"] for t in truths.values()), "an article with no casualties"
    assert any(len(DIACRITIC.findall(t)) > len(t) / 4 for t in texts.values()), "diacritized"
    assert any(re.search(r"[٠-٩]", t) for t in texts.values()), "Eastern Arabic digits"
    assert sum(not sidecar(s)["synthetic"] for s in STEMS) >= 3, "real text"
    facts = [c for t in truths.values() for c in t["casualties"]]
    assert any(c["count_low"] is not None and c["count_high"] not in (None, c["count_low"])
               for c in facts), "a range"
    assert {"families"} <= {c["unit"] for c in facts}
    assert {"denial", "accusation", "direct_quote", "reported_speech", "claim"} <= {
        s["kind"] for t in truths.values() for s in t["statements"]}
