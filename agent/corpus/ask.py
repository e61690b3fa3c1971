"""Questions across the stored articles, answered by code: every figure and every quote is
cited to its article and its span, and totals never count one figure twice.

Totals: reports are grouped into incidents (same category, place and day). Within an incident,
the same figure reported by several articles or sources is one figure with several citations;
different figures are a dispute, kept apart with their sources, never averaged or added. The
total adds one figure per incident: the most conservative (lowest) as best, as ACLED codes
fatalities, and the highest as the upper bound.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from agent.corpus.search import (
    Filters,
    dates_in,
    forms,
    known_places,
    mentioning,
    place_in,
    place_matches,
    search,
)
from agent.text.arabic import norm

# Beginnings of the words that ask for a category (normalized; clitics are stripped first).
CATEGORY_STEMS = {
    "killed": "قتل قتيل قتلي مقتل مات موت وفاه وفيات توفي killed dead died death fatalit toll",
    "injured": "جرح جريح اصيب اصابه اصابات مصاب injur wound hurt",
    "displaced": "نزح نازح نزوح تهجير هجر displac fled refugee",
    "missing": "مفقود فقد missing",
    "detained": "اعتقل اعتقال معتقل احتجز احتجاز اسير اسري detain arrest",
}
_STEMS = [(stem, c) for c, stems in CATEGORY_STEMS.items() for stem in forms(stems)]
_SAID = forms("قال قالت يقول صرح تصريح اكد اعلن نفى اتهم حذر said say says stated "
               "claimed denied accused warned statement")
_STOP = forms("""كم ما ماذا من في على عن الى إلى هل متى اين أين كيف لماذا التي الذي
    بين خلال عدد how many what who where when which the in of on at and or by for to was were
    is are did do does""")
_WORD = re.compile(r"[\w\u0600-\u06FF]+")


@dataclass(frozen=True)
class Citation:
    article: str  # the article's id in the store
    sha256: str
    fact: str  # the fact's id in the article's extraction (c1, s2, e3)
    start: int
    end: int
    text: str  # article[start:end]


@dataclass
class Figure:
    """One figure as reported, with everyone who reported it."""

    low: int | None
    best: int | None
    high: int | None
    count_text: str
    reporters: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def value(self) -> int:
        return self.best if self.best is not None else self.low or 0

    def top(self) -> int:
        return max(v for v in (self.high, self.best, self.low, 0) if v is not None)


@dataclass
class Incident:
    category: str
    unit: str
    place: str | None
    day: str | None
    figures: list[Figure] = field(default_factory=list)

    @property
    def disputed(self) -> bool:
        return len(self.figures) > 1


@dataclass
class Answer:
    question: str
    kind: str  # "count", "statements", "events" or "none"
    filters: dict[str, Any]
    text: str
    citations: list[Citation] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    totals: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _words(question: str) -> list[str]:
    return [norm(w) for w in _WORD.findall(question)]


def _category(words: list[str]) -> str | None:
    for w in words:
        bare = w[1:] if w[:1] in "وفبل" and len(w) > 3 else w
        bare = bare[2:] if bare.startswith("ال") and len(bare) > 4 else bare
        for stem, category in _STEMS:
            if w.startswith(stem) or bare.startswith(stem):
                return category
    return None


def resolve_filters(db: sqlite3.Connection, question: str, given: Filters) -> Filters:
    """Options win; otherwise a stored place named in the question, and ISO dates in it."""
    place = given.place or place_in(question, known_places(db))
    since, until = given.since, given.until
    if since is None and until is None:
        since, until = dates_in(question)
    return Filters(place=place, since=since, until=until, source=given.source)


def answer(db: sqlite3.Connection, question: str, given: Filters | None = None) -> Answer:
    filters = resolve_filters(db, question, given or Filters())
    words = _words(question)
    shown = {k: str(v) for k, v in asdict(filters).items() if v is not None}
    category = _category(words)
    if category is not None:
        return _count(db, question, category, filters, shown)
    kind = "statements" if any(w in _SAID for w in words) else "events"
    return _facts(db, question, kind, words, filters, shown)


def _articles(db: sqlite3.Connection, filters: Filters) -> dict[str, tuple[str, str | None]]:
    """sha256 -> (id, published) of the articles the filters allow (by place: via the index)."""
    rows = db.execute("SELECT sha256, id, published, source FROM articles").fetchall()
    allowed = mentioning(db, filters.place) if filters.place else None
    return {sha: (ident, published) for sha, ident, published, _ in rows
            if allowed is None or sha in allowed}


def _span(db: sqlite3.Connection, sha: str, fact: str) -> tuple[int, int, str]:
    row = db.execute("SELECT start, \"end\", text FROM span_texts WHERE article = ? AND "
                     "fact_id = ? AND role = 'evidence' ORDER BY start LIMIT 1",
                     (sha, fact)).fetchone()
    return int(row[0]), int(row[1]), str(row[2])


def _count(db: sqlite3.Connection, question: str, category: str, filters: Filters,
           shown: dict[str, str]) -> Answer:
    articles = _articles(db, filters)
    rows = db.execute("SELECT article, id, count_low, count_best, count_high, count_text, unit,"
                      " location, area, country, date, reported_by FROM casualties "
                      "WHERE category = ? ORDER BY article, id", (category,)).fetchall()
    incidents: dict[tuple[str, str | None, str | None], Incident] = {}
    undated = 0
    for (sha, fact, low, best, high, count_text, unit, location, area, country, day,
         reported_by) in rows:
        if sha not in articles or (best is None and low is None):
            continue
        start, end, text = _span(db, sha, fact)
        if filters.place and not place_matches(filters.place, location, area, country, text):
            continue
        day = day or articles[sha][1]
        if not filters.in_range(day):
            undated += day is None
            continue
        if filters.source and not place_matches(filters.source, reported_by,
                                                _source(db, sha)):
            continue
        where = norm(location) if location else None
        key = (unit, where, day)
        incident = incidents.setdefault(key, Incident(category, unit, location, day))
        figure = next((f for f in incident.figures if (f.low, f.best, f.high) ==
                       (low, best, high)), None)
        if figure is None:
            figure = Figure(low, best, high, count_text)
            incident.figures.append(figure)
        reporter = reported_by or "the article"
        if reporter not in figure.reporters:
            figure.reporters.append(reporter)
        figure.citations.append(Citation(articles[sha][0], sha, fact, start, end, text))
    found = list(incidents.values())
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"best": 0, "high": 0})
    for incident in found:
        totals[incident.unit]["best"] += min(f.value() for f in incident.figures)
        totals[incident.unit]["high"] += max(f.top() for f in incident.figures)
    citations = [c for i in found for f in i.figures for c in f.citations]
    text = _render_count(question, category, found, dict(totals), shown, undated)
    return Answer(question, "count" if found else "none", shown, text, citations, found,
                  dict(totals))


def _source(db: sqlite3.Connection, sha: str) -> str | None:
    row = db.execute("SELECT source FROM articles WHERE sha256 = ?", (sha,)).fetchone()
    return row[0] if row else None


def _cite(c: Citation) -> str:
    return f"[{c.article} {c.fact} @{c.start}-{c.end} «{c.text}»]"


def _render_count(question: str, category: str, incidents: list[Incident],
                  totals: dict[str, dict[str, int]], shown: dict[str, str], undated: int) -> str:
    scope = ", ".join(f"{k} {v}" for k, v in shown.items())
    if not incidents:
        return (f"The stored articles report no {category} figure"
                + (f" for {scope}" if scope else "") + ".")
    articles = {c.sha256 for i in incidents for f in i.figures for c in f.citations}
    lines = []
    for unit, total in totals.items():
        upper = f", up to {total['high']}" if total["high"] != total["best"] else ""
        lines.append(f"{category} ({unit}){' for ' + scope if scope else ''}: {total['best']}"
                     f"{upper} — {len(incidents)} incident(s) in {len(articles)} article(s); "
                     "one figure per incident, the lowest where sources disagree")
    for incident in incidents:
        head = f"- {incident.place or 'place not given'}, {incident.day or 'date not given'}"
        lines.append(head + (": sources disagree" if incident.disputed else ""))
        for f in incident.figures:
            lines.append(f"    {f.count_text} ({f.value()}) according to "
                         f"{', '.join(f.reporters)}")
            lines += [f"      {_cite(c)}" for c in f.citations]
    if undated:
        lines.append(f"({undated} report(s) with no date were left out by the date range)")
    return "\n".join(lines)


def _facts(db: sqlite3.Connection, question: str, kind: str, words: list[str],
           filters: Filters, shown: dict[str, str]) -> Answer:
    """Statements or events from the best-matching articles, each with its words cited."""
    terms = [w for w in words if w not in _STOP and len(w) >= 3 and w not in _SAID]
    allowed = _articles(db, filters)
    ranked = [sha for sha in search(db, " ".join(terms), limit=200) if sha in allowed]
    table = "statements" if kind == "statements" else "events"
    label = "speaker || ': ' || text" if kind == "statements" else "type || ': ' || description"
    hits: list[tuple[int, int, str, Citation]] = []
    for rank, sha in enumerate(ranked[:20]):
        for fact, line, day in db.execute(
                f"SELECT id, {label}, {'NULL' if table == 'statements' else 'date'} "
                f"FROM {table} WHERE article = ?", (sha,)):
            start, end, text = _span(db, sha, fact)
            if filters.place and not place_matches(filters.place, text, line):
                continue
            if filters.dated() and not filters.in_range(day or allowed[sha][1]):
                continue
            score = sum(t in norm(text) or t in norm(line) for t in terms)
            if score:
                hits.append((-score, rank, line, Citation(allowed[sha][0], sha, fact, start,
                                                          end, text)))
    hits.sort(key=lambda h: (h[0], h[1], h[3].start))
    if not hits:
        return Answer(question, "none", shown, "The stored articles do not say.")
    top = hits[:10]
    lines = [f"{len(hits)} {kind} in {len({h[3].sha256 for h in hits})} article(s) match; "
             f"the best {len(top)}:"]
    lines += [f"- {line}\n    {_cite(c)}" for _, _, line, c in top]
    return Answer(question, kind, shown, "\n".join(lines), [h[3] for h in top])
