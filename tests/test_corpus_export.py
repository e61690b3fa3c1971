"""naba export: JSONL parsed back equals what `naba extract` prints; CSV rows match the store."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import SEED_FILES, extractions, naba, seed_records, write_jsonl

from agent import cli
from agent.corpus import export
from agent.corpus.export import ACLED_TYPES, CRISES, EVENT_COLUMNS
from schemas import ArticleExtraction, EventSubtype, EventType


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    jsonl = write_jsonl(folder / "in.jsonl", seed_records())
    assert cli.main(["batch", str(jsonl), "--db", str(folder / "s.db"), "--quiet"]) == 0
    return folder / "s.db"


def test_jsonl_is_what_naba_extract_prints(store: Path, tmp_path: Path):
    out = tmp_path / "out" / "all.jsonl"  # the folder does not exist yet
    result = naba("export", "--db", str(store), "--format", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.parent.iterdir()] == ["all.jsonl"]  # no temporary file left
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    records = {r["id"]: r for r in seed_records()}
    assert [line["id"] for line in lines] == list(records)
    for line in lines:
        assert set(line) == {"id", "source", "url", "title", "published", "extraction"}
        r = records[line["id"]]
        assert (line["source"], line["url"], line["title"], line["published"]) == (
            r["source"], r["url"], r["title"], r["published"])
        ArticleExtraction.model_validate(line["extraction"])
    stored = extractions(store)
    assert {line["id"]: json.loads(stored[line["id"]]) for line in lines} == {
        line["id"]: line["extraction"] for line in lines}
    for seed in (SEED_FILES[0], SEED_FILES[5]):  # the command itself, for two articles
        printed = naba("extract", str(seed), "--published", records[seed.stem]["published"])
        assert printed.returncode == 0, printed.stderr
        exported = next(line for line in lines if line["id"] == seed.stem)["extraction"]
        assert json.loads(printed.stdout) == exported


def test_jsonl_one_line_per_fact(store: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["export", "--db", str(store), "--kind", "casualties"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    with sqlite3.connect(store) as c:
        assert len(lines) == c.execute("SELECT count(*) FROM casualties").fetchone()[0]
    assert all(set(x) == {"article", "casualty"} for x in lines)


def test_events_csv_matches_the_store(store: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["export", "--db", str(store), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    with sqlite3.connect(store) as c:
        events = {f"{ident}:{eid}": (etype, loc, area, country, date)
                  for ident, eid, etype, loc, area, country, date in c.execute(
                      "SELECT a.id, e.id, e.type, e.location, e.area, e.country, e.date "
                      "FROM events e JOIN articles a ON a.sha256 = e.article")}
        killed = {(ident, cid): best for ident, cid, best in c.execute(
            "SELECT a.id, c.id, coalesce(c.count_best, c.count_low) FROM casualties c "
            "JOIN articles a ON a.sha256 = c.article WHERE c.category = 'killed'")}
        sources = dict(c.execute("SELECT id, source FROM articles"))
    assert len(rows) == len(events) and set(rows[0]) == set(EVENT_COLUMNS)
    with_fatalities = 0
    for row in rows:
        etype, loc, area, country, date = events[row["id"]]
        acled_type, acled_sub = ACLED_TYPES[EventType(etype)]
        subtypes = {s.value for s in EventSubtype} if EventType(etype) in CRISES else set()
        assert row["event_type"] == acled_type and row["sub_event_type"] in {acled_sub, *subtypes}
        assert (row["location"], row["admin1"], row["country"], row["event_date"]) == (
            loc or "", area or "", country or "", date or "")
        assert row["source"] == sources[row["article_id"]] and row["notes"]
        figures = [killed[(row["article_id"], cid)] for cid in row["casualty_ids"].split()
                   if (row["article_id"], cid) in killed]
        if figures:
            with_fatalities += 1
            assert int(row["fatalities"]) == min(figures)  # most conservative, never summed
        else:
            assert row["fatalities"] == ""
    assert with_fatalities >= 5


def test_disputed_figures_stay_apart_in_the_csv(store: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["export", "--db", str(store), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    hama = [r for r in rows if "50 (المرصد" in r["fatality_sources"]]
    assert len(hama) == 1
    assert hama[0]["fatalities"] == "50" and "80 (مصادر أخرى)" in hama[0]["fatality_sources"]


@pytest.mark.parametrize("kind", ["casualties", "statements", "actors"])
def test_fact_csv_has_one_row_per_fact(store: Path, kind: str, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["export", "--db", str(store), "--format", "csv", "--kind", kind]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    with sqlite3.connect(store) as c:
        assert len(rows) == c.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
        texts = dict(c.execute("SELECT id, text FROM articles"))
    for row in rows:  # the offsets in the CSV point at the quoted words
        first = row["evidence_offsets"].split()[0]
        start, end = map(int, first.split("-"))
        assert texts[row["article_id"]][start:end] == row["evidence"].split(" … ")[0]


def test_a_failed_export_leaves_the_old_file(store: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "events.csv"
    out.write_text("the previous export\n", encoding="utf-8")

    def broken(db: sqlite3.Connection, f: io.TextIOBase, kind: str = "events") -> int:
        f.write("id,half a row")
        raise OSError("disk full")

    monkeypatch.setattr(export, "export_csv", broken)
    monkeypatch.setenv("NABA_HOME", str(tmp_path.parent / f"{tmp_path.name}-home"))
    # not a NabaError: an internal error (exit 70, the traceback in a report file)
    assert cli.main(["export", "--db", str(store), "--format", "csv", "-o", str(out)]) == 70
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_export_writes_through_a_pipe_instead_of_replacing_it(store: Path, tmp_path: Path):
    """`naba export -o` shares write_atomic's writer: a fifo stays a fifo (as /dev/null must)."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert cli.main(["export", "--db", str(store), "--format", "jsonl", "-o", str(fifo)]) == 0
    reader.join(timeout=30)
    assert fifo.is_fifo() and got and got[0].count("\n") >= 1
