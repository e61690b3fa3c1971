"""Shared helpers for the corpus tests: the seeds as batch inputs and the `naba` command."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NABA = str(Path(sys.executable).with_name("naba"))
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def naba(*args: str, stdin: str | None = None, timeout: float = 300
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NABA, *args], capture_output=True, text=True, timeout=timeout,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          env={**os.environ, "NABA_MODEL": ""})


def seed_records(copies: int = 1) -> list[dict[str, str]]:
    """The seeds as JSONL records, with source and url; copy k > 0 of a seed differs only by
    k trailing newlines, so it is a distinct article (another sha256) with the same facts."""
    records = []
    for k in range(copies):
        for path in SEED_FILES:
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            records.append({
                "id": f"{path.stem}#{k}" if copies > 1 else path.stem,
                "text": path.read_text(encoding="utf-8") + "\n" * k,
                "published": meta["published"], "title": meta["title"],
                "source": f"seed-source-{path.stem[:3]}", "url": f"https://example.org/{path.stem}",
            })
    return records


def write_jsonl(path: Path, records: list[dict[str, str]], extra: list[str] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extractions(db: Path) -> dict[str, str]:
    """id -> the stored extraction, as `naba extract` printed it."""
    from agent.corpus.store import unpack

    with sqlite3.connect(db) as c:
        return {ident: unpack(blob) for ident, blob in c.execute("SELECT id, extraction FROM "
                                                                  "articles")}
