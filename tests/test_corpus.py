"""The evaluation corpus (tests/corpus/dev and test): every article has its four files, and
every truth file is one the scorer can trust, by the same checks as the seeds' truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_truth import check_actors, check_counts, check_evidence, check_shape

CORPUS = Path(__file__).resolve().parent / "corpus"
SPLITS = ("dev", "test")
SUFFIXES = (".txt", ".meta.json", ".truth.json", ".qa.json")
ARTICLES = sorted((split, p.name.removesuffix(".txt"))
                  for split in SPLITS for p in (CORPUS / split).glob("*.txt"))


def _stem(path: Path) -> str:
    return next((path.name.removesuffix(s) for s in SUFFIXES if path.name.endswith(s)),
                path.name)


@pytest.mark.parametrize("split", SPLITS)
def test_every_article_has_its_four_files_and_nothing_else(split):
    files = sorted((CORPUS / split).iterdir())
    stems = {_stem(p) for p in files}
    assert len(stems) >= 10
    assert sorted(p.name for p in files) == sorted(f"{s}{x}" for s in stems for x in SUFFIXES)


def test_no_article_is_in_both_splits():
    dev, test = ({a for s, a in ARTICLES if s == split} for split in SPLITS)
    assert not dev & test


@pytest.mark.parametrize(("split", "stem"), ARTICLES)
def test_truth_is_valid_against_its_article(split, stem):
    folder = CORPUS / split
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    meta = json.loads((folder / f"{stem}.meta.json").read_text(encoding="utf-8"))
    t = json.loads((folder / f"{stem}.truth.json").read_text(encoding="utf-8"))
    assert t["seed"] == stem
    check_shape(t, meta["published"])
    check_evidence(t, text)
    check_counts(t)
    check_actors(t)
