"""Search and questions across stored articles: normalized Arabic with or without diacritics,
figures cited to article and span, totals that never add one figure twice."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import SEED_FILES, naba, seed_records, write_jsonl

from agent import cli
from agent.corpus.ask import answer
from agent.corpus.search import Filters, search
from agent.text.arabic import norm

HAMA = SEED_FILES[0].read_text(encoding="utf-8")
# A wire that repeats the founding article's Hama paragraph word for word, a day later.
REPEAT = HAMA[HAMA.index("وقتل 50 مدنيا"):HAMA.index("حوالي 80 شخصا.") + len("حوالي 80 شخصا.")]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ask")
    records = [*seed_records(), {"id": "wire-repeat", "text": REPEAT, "published": "2016-12-13",
                                 "source": "another wire"}]
    jsonl = write_jsonl(folder / "in.jsonl", records)
    assert cli.main(["batch", str(jsonl), "--db", str(folder / "s.db"), "--quiet"]) == 0
    return folder / "s.db"


@pytest.fixture
def db(store: Path) -> sqlite3.Connection:
    return sqlite3.connect(store)


def ids(db: sqlite3.Connection, shas: list[str]) -> set[str]:
    return {db.execute("SELECT id FROM articles WHERE sha256 = ?", (s,)).fetchone()[0]
            for s in shas}


def test_search_finds_plain_text_with_a_diacritized_query(db: sqlite3.Connection):
    plain, marked = search(db, "حلب"), search(db, "حَلَبُ")
    assert plain == marked and "000_4c6aceeda1af29a0" in ids(db, plain)
    assert search(db, "الحُدَيْدَة") == search(db, "الحديدة") != []


def test_search_finds_diacritized_text_with_a_plain_query(db: sqlite3.Connection):
    # Seed 001 is fully diacritized (QCRI WikiNews): «دَكَّا عَاصِمَةِ بَنْغَلَادِيشَ»; the
    # plain spellings are nowhere in it, only in its normalized form.
    text = SEED_FILES[1].read_text(encoding="utf-8")
    assert "دكا" not in text and "بنغلاديش" not in text
    assert "دكا" in norm(text) and "بنغلاديش" in norm(text)
    for query in ("دكا", "دَكَّا", "بنغلاديش", "بَنْغَلَادِيشَ"):
        assert ids(db, search(db, query)) == {"001_wikinews_bangladesh_protest"}, query
    assert search(db, "المريخ") == []


def verify(db: sqlite3.Connection, citation: dict[str, object]) -> str:
    text = db.execute("SELECT text FROM articles WHERE sha256 = ?",
                      (citation["sha256"],)).fetchone()[0]
    assert text[citation["start"]:citation["end"]] == citation["text"]  # type: ignore[misc]
    return str(citation["article"])


def test_a_figure_reported_twice_is_counted_once_and_disputes_stay_apart(db: sqlite3.Connection):
    result = answer(db, "كم قتيلاً في حَمَاة؟").to_dict()
    assert result["filters"]["place"] == "حماه"
    assert len(result["incidents"]) == 1
    figures = result["incidents"][0]["figures"]
    assert [(f["best"], f["reporters"]) for f in figures] == [
        (50, ["المرصد السوري لحقوق الإنسان"]), (80, ["مصادر أخرى"])]
    for f in figures:  # each figure cited in both articles, still one figure
        assert {verify(db, c) for c in f["citations"]} == {"000_4c6aceeda1af29a0",
                                                           "wire-repeat"}
    assert result["totals"] == {"people": {"best": 50, "high": 80}}  # not 100, not 65, not 130
    assert "sources disagree" in result["text"]


def test_a_total_across_two_articles_cites_both(db: sqlite3.Connection):
    result = answer(db, "How many people were killed in بغداد?").to_dict()
    cited = {verify(db, c) for c in result["citations"]}
    assert cited == {"008_iraq_baghdad_bombing", "011_roundup_long"}
    assert result["totals"]["people"]["best"] == 8 + 490
    for c in result["citations"]:
        assert f"[{c['article']} {c['fact']} @{c['start']}-{c['end']} «{c['text']}»]" in \
            result["text"]


def test_filters_by_date_range_and_source(db: sqlite3.Connection):
    later = answer(db, "كم قتيلا في بغداد", Filters(since=__import__("datetime").date(2019, 1, 1)))
    assert {c.article for c in later.citations} == {"011_roundup_long"}
    in_question = answer(db, "كم قتيلا في بغداد بين 2017-09-01 و 2017-09-30؟")
    assert {c.article for c in in_question.citations} == {"008_iraq_baghdad_bombing"}
    observatory = answer(db, "كم قتيلا في حماة", Filters(source="المرصد"))
    assert observatory.totals == {"people": {"best": 50, "high": 50}}


def test_unknown_place_or_category_abstains(db: sqlite3.Connection):
    assert answer(db, "كم قتيلا في حلب", Filters(place="طوكيو")).kind == "none"
    assert answer(db, "ما هو لون السماء؟").text == "The stored articles do not say."


def test_statements_are_cited(db: sqlite3.Connection):
    result = answer(db, "ماذا قال رياض حجاب؟")
    assert result.kind == "statements" and result.citations
    assert verify(db, result.to_dict()["citations"][0]) == "000_4c6aceeda1af29a0"
    assert "رياض حجاب" in result.text.splitlines()[1]


def test_ask_and_chat_commands(store: Path):
    result = naba("ask", "--db", str(store), "--json", "كم قتيلا في بغداد؟")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["people"]["best"] == 498
    chat = naba("chat", "--db", str(store), stdin="كم قتيلا في حماة؟\nماذا قال رياض حجاب؟\n")
    assert chat.returncode == 0, chat.stderr
    assert "sources disagree" in chat.stdout and "رياض حجاب" in chat.stdout
