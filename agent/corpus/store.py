"""The corpus store: one SQLite file (WAL) holding articles, their facts and spans, and runs.

Articles are keyed by the sha256 of their text, so the same article is stored once. Each article
is written in one transaction, so a process killed at any moment leaves whole articles only.
The schema is versioned with PRAGMA user_version; MIGRATIONS[n] takes a store from n to n + 1.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from agent.errors import InputError
from agent.text.arabic import norm
from schemas import ArticleExtraction, Location, Span

MIGRATIONS: list[str] = [
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        naba_version TEXT NOT NULL,
        model TEXT NOT NULL,          -- the GGUF file name, or 'rules' when no model was consulted
        model_sha256 TEXT NOT NULL,   -- its sha256, or 'rules'
        started TEXT NOT NULL,
        finished TEXT,                -- null: the run was killed or is still going
        stored INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        refused INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        sha256 TEXT PRIMARY KEY,      -- of the article's text, UTF-8
        id TEXT NOT NULL,             -- the caller's id (JSONL "id", file stem) or sha256[:16]
        label TEXT NOT NULL,          -- where it was read: a path, or FILE:LINE for JSONL
        source TEXT, url TEXT, title TEXT, published TEXT,
        text TEXT NOT NULL,
        extraction BLOB NOT NULL,     -- exactly what `naba extract` prints, zlib (see unpack)
        run_id INTEGER NOT NULL REFERENCES runs(id),
        stored TEXT NOT NULL
    );
    CREATE INDEX articles_id ON articles(id);
    CREATE TABLE events (
        article TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
        id TEXT NOT NULL, type TEXT NOT NULL, description TEXT NOT NULL,
        date TEXT, date_text TEXT, date_precision TEXT NOT NULL, modality TEXT NOT NULL,
        location TEXT, area TEXT, country TEXT,
        PRIMARY KEY (article, id)
    ) WITHOUT ROWID;
    CREATE TABLE event_actors (
        article TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
        event_id TEXT NOT NULL, position INTEGER NOT NULL,
        actor_id TEXT, name TEXT NOT NULL, role TEXT NOT NULL,
        PRIMARY KEY (article, event_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE actors (
        article TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
        id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        title TEXT, affiliation TEXT, aliases TEXT NOT NULL,  -- aliases: a JSON list
        PRIMARY KEY (article, id)
    ) WITHOUT ROWID;
    CREATE TABLE statements (
        article TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
        id TEXT NOT NULL, speaker TEXT NOT NULL, speaker_id TEXT, kind TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article, id)
    ) WITHOUT ROWID;
    CREATE TABLE casualties (
        article TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
        id TEXT NOT NULL, category TEXT NOT NULL,
        count_low INTEGER, count_best INTEGER, count_high INTEGER, count_text TEXT NOT NULL,
        unit TEXT NOT NULL, victims TEXT NOT NULL, victim_detail TEXT, cause TEXT,
        location TEXT, area TEXT, country TEXT, date TEXT, date_text TEXT,
        perpetrator TEXT, reported_by TEXT,
        PRIMARY KEY (article, id)
    ) WITHOUT ROWID;
    -- Every span of every fact: role 'evidence' (the fact's words) or 'location' (its place).
    -- The words are not copied: span_texts reads them from the article (offsets in characters).
    -- (Key columns first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table whose
    -- other columns sit between its key columns.)
    CREATE TABLE spans (
        article TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
        fact_id TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('evidence', 'location')),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'actor', 'statement', 'casualty')),
        PRIMARY KEY (article, fact_id, role, start, "end")
    ) WITHOUT ROWID;
    CREATE VIEW span_texts AS
        SELECT s.*, substr(a.text, s.start + 1, s."end" - s.start) AS text
        FROM spans s JOIN articles a ON a.sha256 = s.article;
    -- Inputs that could not be stored, one row per place they were read from.
    CREATE TABLE refused (
        label TEXT PRIMARY KEY,
        input_sha256 TEXT NOT NULL,   -- of the input's bytes as read
        reason TEXT NOT NULL CHECK (reason IN ('input', 'extraction')),
        error TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        at TEXT NOT NULL
    );
    -- Normalized Arabic (no diacritics, one alef, ...) so a search matches however it is
    -- written; trigrams so «حلب» also finds «بحلب» and «وحلب». Contentless: the text is in
    -- articles. rowid = articles.rowid.
    CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='', tokenize='trigram');
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Meta:
    """What the caller says about an article besides its text."""

    label: str
    id: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


def pack(extraction_json: str) -> bytes:
    """The extraction as stored: its JSON is about five times the article, zlib a tenth of it."""
    return zlib.compress(extraction_json.encode("utf-8"), 6)


def unpack(blob: bytes) -> str:
    """The extraction exactly as `naba extract` printed it."""
    return zlib.decompress(blob).decode("utf-8")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """One open store. Not shared across threads or processes: a batch has one writer."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
        except (OSError, sqlite3.Error) as exc:
            raise InputError(f"cannot open the store {self.path}: {exc}") from exc
        # NORMAL is durable against a killed process (the WAL is in the OS already); only a
        # power cut can lose the last commits, never corrupt the file.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(f"{self.path} was written by a newer Naba (store version {version},"
                             f" this one reads up to {SCHEMA_VERSION}); upgrade Naba")
        for n in range(version, SCHEMA_VERSION):
            # One transaction per step: a store is at version n or n + 1, never in between.
            self.db.executescript(f"BEGIN IMMEDIATE; {MIGRATIONS[n]}; "
                                  f"PRAGMA user_version = {n + 1}; COMMIT;")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # Runs -----------------------------------------------------------------------------------

    def start_run(self, naba_version: str, model: str = "rules", model_sha256: str = "rules"
                  ) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO runs (naba_version, model, model_sha256, started) "
                             "VALUES (?, ?, ?, ?)", (naba_version, model, model_sha256, now()))
        return int(cur.lastrowid or 0)

    def set_run_model(self, run_id: int, model: str, model_sha256: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET model = ?, model_sha256 = ? WHERE id = ?",
                       (model, model_sha256, run_id))

    def finish_run(self, run_id: int, stored: int, skipped: int, refused: int) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished = ?, stored = ?, skipped = ?, refused = ? "
                       "WHERE id = ?", (now(), stored, skipped, refused, run_id))

    # Articles -------------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def put(self, sha256: str, text: str, meta: Meta, extraction_json: str, run_id: int) -> None:
        """Store one article with all its facts, replacing an older extraction of the same text,
        in one transaction."""
        facts = ArticleExtraction.model_validate_json(extraction_json)
        with self.transaction() as db:
            self._delete(db, sha256)
            cur = db.execute(
                "INSERT INTO articles (sha256, id, label, source, url, title, published, text,"
                " extraction, run_id, stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha256, meta.id or sha256[:16], meta.label, meta.source, meta.url,
                 meta.title or facts.article.title, meta.published, text, pack(extraction_json),
                 run_id, now()))
            db.execute("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
                       (cur.lastrowid, norm(meta.title or facts.article.title or ""), norm(text)))
            _insert_facts(db, sha256, facts)
            db.execute("DELETE FROM refused WHERE label = ?", (meta.label,))

    def _delete(self, db: sqlite3.Connection, sha256: str) -> None:
        row = db.execute("SELECT rowid, title, text FROM articles WHERE sha256 = ?",
                         (sha256,)).fetchone()
        if row is None:
            return
        # A contentless FTS5 row is deleted by giving back the values it indexed.
        db.execute("INSERT INTO article_fts (article_fts, rowid, title, body) "
                   "VALUES ('delete', ?, ?, ?)", (row[0], norm(row[1] or ""), norm(row[2])))
        db.execute("DELETE FROM articles WHERE sha256 = ?", (sha256,))  # facts cascade

    def refuse(self, label: str, input_sha256: str, reason: str, error: str, run_id: int) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO refused (label, input_sha256, reason, error, run_id,"
                       " at) VALUES (?, ?, ?, ?, ?, ?)",
                       (label, input_sha256, reason, error, run_id, now()))


def _span_rows(sha256: str, kind: str, fact_id: str, role: str, spans: list[Span]
               ) -> list[tuple[object, ...]]:
    return [(sha256, fact_id, role, s.start, s.end, kind) for s in spans]


def _place(location: Location | None) -> tuple[str | None, str | None, str | None]:
    if location is None:
        return None, None, None
    return location.name, location.area, location.country


def _insert_facts(db: sqlite3.Connection, sha256: str, facts: ArticleExtraction) -> None:
    spans: list[tuple[object, ...]] = []
    for e in facts.events:
        db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (sha256, e.id, e.type, e.description, e.date, e.date_text, e.date_precision,
                    e.modality, *_place(e.location)))
        db.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?)",
                       [(sha256, e.id, i, a.actor_id, a.name, a.role)
                        for i, a in enumerate(e.actors)])
        spans += _span_rows(sha256, "event", e.id, "evidence", e.evidence)
        if e.location:
            spans += _span_rows(sha256, "event", e.id, "location", e.location.evidence)
    for a in facts.actors:
        db.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (sha256, a.id, a.name, a.type, a.title, a.affiliation,
                    json.dumps(a.aliases, ensure_ascii=False)))
        spans += _span_rows(sha256, "actor", a.id, "evidence", a.evidence)
    for s in facts.statements:
        db.execute("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?)",
                   (sha256, s.id, s.speaker, s.speaker_id, s.kind, s.text))
        spans += _span_rows(sha256, "statement", s.id, "evidence", s.evidence)
    for c in facts.casualties:
        db.execute("INSERT INTO casualties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                   " ?, ?, ?)",
                   (sha256, c.id, c.category, c.count_low, c.count_best, c.count_high,
                    c.count_text, c.unit, c.victims, c.victim_detail, c.cause,
                    *_place(c.location), c.date, c.date_text, c.perpetrator, c.reported_by))
        spans += _span_rows(sha256, "casualty", c.id, "evidence", c.evidence)
        if c.location:
            spans += _span_rows(sha256, "casualty", c.id, "location", c.location.evidence)
    db.executemany("INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?)", spans)
