"""SIGKILL at random moments, then the same command again: every article is stored exactly once,
with the facts an uninterrupted run gives."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from corpus_helpers import NABA, extractions, seed_records, write_jsonl

from agent.extract import extract, to_json

COPIES = 3  # 39 distinct articles: a few seconds of work, so kills land mid-batch


def stored(db: Path) -> int:
    """Articles in the store so far; 0 when the kill came before the store was made."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
            return int(c.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_sigkill_at_random_points_then_resume(tmp_path: Path):
    records = seed_records(COPIES)
    jsonl = write_jsonl(tmp_path / "in.jsonl", records, extra=["{broken", '{"text": ""}'])
    db = tmp_path / "s.db"
    command = [NABA, "batch", str(jsonl), "--db", str(db), "--quiet"]
    rng = random.Random(12)
    stored_before = []
    for attempt in range(6):
        workers = ["--workers", "2"] if attempt % 2 else []
        # Its own process group, so the kill takes the pool's workers too, as a crash would.
        proc = subprocess.Popen(command + workers, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        if attempt == 0:  # during start-up or the first articles
            time.sleep(rng.uniform(0.2, 1.5))
        else:  # a few articles further on (the machine's speed varies), at a random instant
            target = stored(db) + rng.randint(1, 5)
            deadline = time.monotonic() + 120
            while stored(db) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.3))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        stored_before.append(stored(db))
    print("stored after each kill:", stored_before)
    assert any(0 < n < len(records) for n in stored_before), stored_before

    final = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert final.returncode == 3, final.stderr  # the two bad lines are refused, every time
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = c.execute("SELECT sha256, id, extraction FROM articles").fetchall()
        tables = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "actors", "statements", "casualties", "spans")}
        refused = c.execute("SELECT label FROM refused ORDER BY label").fetchall()
        runs = c.execute("SELECT count(*), count(finished) FROM runs").fetchone()
    assert sorted(r[1] for r in rows) == sorted(r["id"] for r in records)  # each exactly once
    assert len({r[0] for r in rows}) == len(records)
    assert refused == [(f"{jsonl}:{len(records) + 1}",), (f"{jsonl}:{len(records) + 2}",)]
    # Killed runs stay unfinished, but for one the kill reached after it had stored everything.
    complete = sum(n == len(records) for n in stored_before)
    assert runs[0] <= 7 and 1 <= runs[1] <= 1 + complete

    expected = {r["id"]: to_json(extract(r["text"], r["published"])) for r in records}
    assert extractions(db) == expected
    facts = [json.loads(x) for x in expected.values()]
    for kind in ("events", "actors", "statements", "casualties"):
        assert tables[kind] == sum(len(f[kind]) for f in facts), kind
    spans = sum(len(fact["evidence"]) + len((fact.get("location") or {}).get("evidence", []))
                for f in facts for kind in ("events", "actors", "statements", "casualties")
                for fact in f[kind])
    assert tables["spans"] == spans
