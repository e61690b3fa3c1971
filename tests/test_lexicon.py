"""agent.text.lexicon: lexicon files load, normalize once, and fail naming the file and line."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pytest

from agent.errors import LexiconError, NabaError
from agent.text import lexicon


class Kind(StrEnum):
    flood = "flood"
    fire = "fire"


@pytest.fixture
def lexdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(lexicon, "LEXICONS_DIR", tmp_path)
    for f in (lexicon.entries, lexicon.words, lexicon.ordered, lexicon.table):
        f.cache_clear()
    yield tmp_path
    for f in (lexicon.entries, lexicon.words, lexicon.ordered, lexicon.table):
        f.cache_clear()


def test_words_are_normalized_and_comments_skipped(lexdir: Path) -> None:
    (lexdir / "w.txt").write_text("# أسماء\nفيضانٌ\n\nإعصار  # a storm\nمَدينة\n", encoding="utf-8")
    assert lexicon.words("w") == {"فيضان", "اعصار", "مدينه"}
    assert lexicon.words("w", normalize=False) == {"فيضانٌ", "إعصار", "مَدينة"}
    assert lexicon.ordered("w") == ("فيضان", "اعصار", "مدينه")


def test_table_converts_values(lexdir: Path) -> None:
    (lexdir / "t.txt").write_text("سيول | flood\nحريق هائل | fire\n", encoding="utf-8")
    assert lexicon.table("t", Kind) == {"سيول": Kind.flood, "حريق هائل": Kind.fire}


@pytest.mark.parametrize(("text", "line"), [
    ("سيول | flood\nحريق | volcano\n", 2),      # not a valid value
    ("سيول | flood\n\nحريق\n", 3),              # a value is missing
    ("سيول | flood | x\n", 1),                  # too many columns
    ("سيول |\n", 1),                            # an empty value
])
def test_a_broken_table_names_file_and_line(lexdir: Path, text: str, line: int) -> None:
    (lexdir / "bad.txt").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"bad\.txt, line {line}\b"):
        lexicon.table("bad", Kind)


def test_words_refuse_values_and_missing_files(lexdir: Path) -> None:
    (lexdir / "v.txt").write_text("سيول\nحريق | fire\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"v\.txt, line 2"):
        lexicon.words("v")
    with pytest.raises(NabaError, match="missing"):
        lexicon.words("missing")



SHIPPED = sorted(p.stem for p in Path(lexicon.__file__).resolve().parents[1].glob("lexicons/*.txt"))


def test_lexicons_are_shipped() -> None:
    assert SHIPPED, "agent/lexicons/ holds no lexicon files"


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_lexicon_loads(name: str) -> None:
    """Each file in agent/lexicons parses, has entries, and starts with a comment saying
    what it is for."""
    found = lexicon.entries(name)
    assert found, f"{name}.txt has no entries"
    text = (lexicon.LEXICONS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name}.txt does not start with a comment"


def test_grouped_splits_entries_by_role(lexdir: Path) -> None:
    (lexdir / "g.txt").write_text("عبد | definite\nبن | plain\nأبو | definite\n", encoding="utf-8")
    assert lexicon.grouped("g", "definite", "plain") == {
        "definite": frozenset({"عبد", "ابو"}), "plain": frozenset({"بن"})}
    (lexdir / "h.txt").write_text("عبد | definite\nبن | other\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"h\.txt, line 2"):
        lexicon.grouped("h", "definite", "plain")
