"""naba batch: the seeds into a store, once; bad inputs recorded while the batch goes on."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import SEED_FILES, extractions, naba, seed_records, write_jsonl

from agent import cli
from agent.corpus import engines
from agent.corpus.batch import EXIT_REFUSED
from agent.corpus.store import SCHEMA_VERSION, Store
from agent.errors import InputError
from agent.extract.pipeline import MAX_ARTICLE_BYTES

KINDS = ("events", "actors", "statements", "casualties")


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as c:
        return {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", *KINDS, "spans", "refused")}


def test_seeds_folder_then_again_then_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = tmp_path / "s.db"
    assert cli.main(["batch", str(SEED_FILES[0].parent), "--db", str(db)]) == 0
    first = counts(db)
    assert first["articles"] == len(SEED_FILES) == 13
    err = capsys.readouterr().err
    assert "13 articles" in err and "13 stored" in err and "0 refused" in err
    assert f"{first['casualties']} casualties" in err

    stored = extractions(db)
    with sqlite3.connect(db) as c:
        row = c.execute("SELECT published, title FROM articles WHERE id LIKE '000%'").fetchone()
    assert row == ("2016-12-13", "معركة حلب تصل إلى نهايتها")  # from the sidecar
    facts = json.loads(stored["000_4c6aceeda1af29a0"])
    assert facts["article"]["published"] == "2016-12-13"  # the sidecar date was used
    assert sum(len(json.loads(x)["casualties"]) for x in stored.values()) == first["casualties"]

    assert cli.main(["batch", str(SEED_FILES[0].parent), "--db", str(db)]) == 0
    assert "0 stored, 13 already stored" in capsys.readouterr().err
    assert counts(db) == first

    assert cli.main(["batch", str(SEED_FILES[0].parent), "--db", str(db), "--force"]) == 0
    assert "13 stored" in capsys.readouterr().err
    assert counts(db) == first
    assert extractions(db) == stored
    with sqlite3.connect(db) as c:
        runs = c.execute("SELECT naba_version, model, model_sha256, finished, stored, skipped "
                         "FROM runs ORDER BY id").fetchall()
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [r[4:] for r in runs] == [(13, 0), (0, 13), (13, 0)]
    assert all(r[1] == r[2] == "rules" and r[3] for r in runs)


def test_same_text_twice_in_one_input_is_stored_once(tmp_path: Path):
    records = seed_records()[:2]
    jsonl = write_jsonl(tmp_path / "in.jsonl", [*records, {**records[0], "id": "again"}])
    assert cli.main(["batch", str(jsonl), "--db", str(tmp_path / "s.db"), "--quiet"]) == 0
    assert counts(tmp_path / "s.db")["articles"] == 2


def test_bad_inputs_are_recorded_and_the_batch_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEED_FILES[:3]:
        shutil.copy(seed, folder)
        shutil.copy(seed.with_suffix(".json"), folder)
    text = SEED_FILES[0].read_text(encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "cp1256.txt").write_bytes(text[:500].encode("cp1256", errors="replace"))
    (folder / "huge.txt").write_text(text * (MAX_ARTICLE_BYTES // len(text.encode()) + 1),
                                     encoding="utf-8")
    (folder / "badmeta.txt").write_text(text, encoding="utf-8")
    (folder / "badmeta.json").write_text("{not json", encoding="utf-8")
    (folder / "baddate.txt").write_text(text, encoding="utf-8")
    (folder / "baddate.json").write_text('{"published": "13/12/2016"}', encoding="utf-8")
    # A real article on which extraction itself fails (a bug, a model that breaks): recorded.
    boom = SEED_FILES[5].read_text(encoding="utf-8")
    (folder / "boom.txt").write_text(boom, encoding="utf-8")
    real_extract = engines.extract

    def failing(text: str, *args: object, **kwargs: object) -> object:
        if text == boom:
            raise RuntimeError("the extractor broke")
        return real_extract(text, *args, **kwargs)

    monkeypatch.setattr(engines, "extract", failing)
    db = tmp_path / "s.db"
    assert cli.main(["batch", str(folder), "--db", str(db)]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "3 stored, 0 already stored, 8 refused" in err
    with sqlite3.connect(db) as c:
        refused = dict(c.execute("SELECT label, reason || ': ' || error FROM refused"))
    reasons = {Path(label).name: error for label, error in refused.items()}
    assert set(reasons) == {"empty.txt", "blank.txt", "binary.txt", "cp1256.txt", "huge.txt",
                            "badmeta.txt", "baddate.txt", "boom.txt"}
    assert "empty article" in reasons["empty.txt"] and "empty article" in reasons["blank.txt"]
    assert "binary file" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["cp1256.txt"]
    assert "byte limit" in reasons["huge.txt"]
    assert "badmeta.json" in reasons["badmeta.txt"]
    assert "not a date" in reasons["baddate.txt"]
    assert reasons["boom.txt"].startswith("extraction: extraction failed: RuntimeError: the "
                                          "extractor broke")
    for name in reasons:
        assert f"refused: {folder / name}" in err

    # Again: nothing new is stored, every refusal stays one row, the status still says so.
    assert cli.main(["batch", str(folder), "--db", str(db), "--quiet"]) == EXIT_REFUSED
    assert counts(db)["refused"] == 8 and counts(db)["articles"] == 3
    # Once the article is fixed (here: the extractor), its refusal is replaced by the article.
    monkeypatch.setattr(engines, "extract", real_extract)
    assert cli.main(["batch", str(folder), "--db", str(db), "--quiet"]) == EXIT_REFUSED
    assert counts(db)["refused"] == 7 and counts(db)["articles"] == 4


def test_bad_jsonl_lines_from_stdin(tmp_path: Path):
    good = seed_records()[:2]
    lines = ["not json", "[1, 2]", '{"id": "no text"}', '{"text": 5}', '{"text": "\\ud800"}',
             '{"text": ""}', '{"text": "كلام", "published": 2016}', '{"text": "x", "id": [1]}']
    stdin = "\n".join([json.dumps(good[0], ensure_ascii=False), *lines, "",
                       json.dumps(good[1], ensure_ascii=False)]) + "\n"
    db = tmp_path / "s.db"
    result = naba("batch", "-", "--db", str(db), stdin=stdin)
    assert result.returncode == EXIT_REFUSED, result.stderr
    assert "2 stored, 0 already stored, 8 refused" in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(db) as c:
        labels = sorted(r[0] for r in c.execute("SELECT label FROM refused"))
        ids = sorted(r[0] for r in c.execute("SELECT id FROM articles"))
    assert labels == [f"-:{n}" for n in range(2, 10)]
    assert ids == sorted(r["id"] for r in good)


@pytest.mark.parametrize(("args", "words"), [
    (("batch", "nowhere/", "--db", "x.db"), "nowhere/: no such file or folder"),
    (("batch", "pyproject.toml", "--db", "x.db"), "expected a folder of .txt files"),
    (("batch", "seeds", "--workers", "0"), "must be a whole number of processes"),
    (("batch", "seeds", "--workers", "2", "--ray"), "cannot be combined"),
    (("export", "--db", "missing.db"), "no such store"),
])
def test_bad_arguments_are_one_line_and_exit_2(args: tuple[str, ...], words: str):
    result = naba(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("naba: error: ") and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_names_the_default_store_and_the_exit_status():
    out = naba("batch", "--help").stdout
    assert "naba.db" in out and "3 some inputs were refused" in " ".join(out.split())


def test_workers_store_the_same_facts(tmp_path: Path):
    jsonl = write_jsonl(tmp_path / "in.jsonl", seed_records())
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert cli.main(["batch", str(jsonl), "--db", str(one), "--quiet"]) == 0
    assert cli.main(["batch", str(jsonl), "--db", str(two), "--quiet", "--workers", "2"]) == 0
    with sqlite3.connect(one) as a, sqlite3.connect(two) as b:
        query = "SELECT sha256, id, extraction FROM articles ORDER BY sha256"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
    assert counts(one) == counts(two)


def test_store_versions(tmp_path: Path):
    db = tmp_path / "s.db"
    Store(db).close()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(InputError, match="newer Naba"):
        Store(db)


@pytest.mark.slow
def test_consult_records_the_model_in_the_run(tmp_path: Path):
    from agent.model.llama import DEFAULT

    jsonl = write_jsonl(tmp_path / "in.jsonl", [r for r in seed_records()
                                                if r["id"].startswith("012_")])
    result = naba("batch", str(jsonl), "--db", str(tmp_path / "s.db"), "--consult", timeout=900)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "s.db") as c:
        run = c.execute("SELECT model, model_sha256 FROM runs").fetchone()
    assert run == (DEFAULT.file, DEFAULT.sha256)
    extraction = json.loads(next(iter(extractions(tmp_path / "s.db").values())))
    assert extraction["model"] == {"name": DEFAULT.file, "sha256": DEFAULT.sha256}
