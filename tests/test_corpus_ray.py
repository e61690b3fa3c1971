"""naba batch --ray on a local Ray cluster stores the same facts as the in-process run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import naba, seed_records, write_jsonl

pytest.importorskip("ray", reason="needs the ray extra: pip install -e '.[ray]'")


@pytest.mark.slow
@pytest.mark.ray
def test_local_ray_matches_in_process(tmp_path: Path):
    jsonl = write_jsonl(tmp_path / "in.jsonl", seed_records(), extra=["{broken"])
    here, ray = tmp_path / "here.db", tmp_path / "ray.db"
    assert naba("batch", str(jsonl), "--db", str(here), "--quiet").returncode == 3
    result = naba("batch", str(jsonl), "--db", str(ray), "--quiet", "--ray", timeout=600)
    assert result.returncode == 3, result.stderr  # the broken line is refused there too
    assert "13 stored" in result.stderr and "1 refused" in result.stderr
    query = {"articles": "SELECT sha256, id, extraction FROM articles ORDER BY sha256",
             "spans": "SELECT * FROM spans ORDER BY article, fact_id, role, start",
             "casualties": "SELECT * FROM casualties ORDER BY article, id",
             "refused": "SELECT label, reason, error FROM refused"}
    with sqlite3.connect(here) as a, sqlite3.connect(ray) as b:
        for name, sql in query.items():
            assert a.execute(sql).fetchall() == b.execute(sql).fetchall(), name
