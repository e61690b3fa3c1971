"""Finding things in a store: full-text search over normalized Arabic, and the filters a
question across articles sets (place, date range, source).

The index holds the text normalized by agent.text.arabic.norm (no diacritics, one alef, ...) and
queries are normalized the same way, so «حَلَب» and «حلب» find the same articles. The trigram
tokenizer matches inside words, so «حلب» also finds «بحلب» and «وحلب».
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from agent.text.arabic import norm


def forms(words: str) -> frozenset[str]:
    """The normalized forms of space-separated words (word lists are written as prose)."""
    return frozenset(norm(w) for w in words.split())


# Words that say what kind of place a name is; a question names the place without them.
DESIGNATORS = forms("""مدينة محافظة بلدة قرية ريف حي منطقة ولاية إقليم
    مخيم شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط مديرية قضاء""")
_WORD = re.compile(r"[\w\u0600-\u06FF]+")


@dataclass(frozen=True)
class Filters:
    """What a question restricts the facts to; None means no restriction."""

    place: str | None = None  # normalized
    since: date | None = None
    until: date | None = None
    source: str | None = None  # normalized; matches the publisher or who reported a figure

    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def in_range(self, iso: str | None) -> bool:
        if not self.dated():
            return True
        if not iso:
            return False
        try:
            day = date.fromisoformat(iso[:10])
        except ValueError:
            return False
        return (self.since is None or day >= self.since) and (self.until is None
                                                               or day <= self.until)


def fts_query(words: list[str]) -> str | None:
    """An FTS5 query matching any of the words (normalized), or None when none is searchable.
    Trigrams need three characters, so shorter words cannot be searched for."""
    terms = [w for w in dict.fromkeys(norm(w).replace('"', "") for w in words) if len(w) >= 3]
    return " OR ".join(f'"{t}"' for t in terms) or None


def search(db: sqlite3.Connection, text: str, limit: int = 50) -> list[str]:
    """sha256 of the articles that mention any word of `text`, best match first."""
    query = fts_query(_WORD.findall(text))
    if query is None:
        return []
    rows = db.execute(
        "SELECT a.sha256 FROM article_fts f JOIN articles a ON a.rowid = f.rowid "
        "WHERE article_fts MATCH ? ORDER BY bm25(article_fts) LIMIT ?", (query, limit))
    return [r[0] for r in rows]


def mentioning(db: sqlite3.Connection, phrase: str) -> set[str]:
    """sha256 of every article whose normalized text contains the phrase."""
    query = fts_query([phrase])
    if query is None:
        return set()
    rows = db.execute("SELECT a.sha256 FROM article_fts f JOIN articles a ON a.rowid = f.rowid"
                      " WHERE article_fts MATCH ?", (query,))
    return {r[0] for r in rows}


def place_key(name: str) -> str:
    """A place name without its designators: 'محافظة حماة' -> 'حماه' (normalized)."""
    words = [w for w in norm(name).split() if w not in DESIGNATORS]
    key = " ".join(words)
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def known_places(db: sqlite3.Connection) -> set[str]:
    """Every place key the stored facts name (events' and casualty reports' locations)."""
    rows = db.execute("SELECT location, area, country FROM events UNION "
                      "SELECT location, area, country FROM casualties")
    return {k for row in rows for name in row if name and len(k := place_key(name)) >= 3}


def place_in(question: str, places: set[str]) -> str | None:
    """The longest stored place the question names, if any."""
    text = norm(question)
    found = [p for p in places if p in text]
    return max(found, key=len) if found else None


_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def dates_in(question: str) -> tuple[date | None, date | None]:
    """ISO dates written in the question: one is that day, two are a range."""
    days = []
    for m in _ISO.findall(norm(question)):
        try:
            days.append(date.fromisoformat(m))
        except ValueError:
            continue
    if not days:
        return None, None
    return min(days), max(days)


def place_matches(key: str, *names: str | None) -> bool:
    return any(name and key in norm(name) for name in names)
