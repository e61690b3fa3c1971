"""`naba export`: the store as JSONL (one article, or one fact, per line) or as CSV.

The events CSV follows ACLED's columns (README, "Exporting a store"): one row per event, with
the fatalities of the casualty reports that belong to it, coded ACLED's way (the most
conservative figure as best, disputes kept in the notes, never summed).
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from agent.corpus.store import unpack
from agent.extract.pipeline import open_atomic
from schemas import ArticleExtraction, CasualtyReport, Event, EventType, Span

# Our event type -> ACLED event_type, sub_event_type.
ACLED_TYPES: dict[EventType, tuple[str, str]] = {
    EventType.armed_clash: ("Battles", "Armed clash"),
    EventType.air_drone_strike: ("Explosions/Remote violence", "Air/drone strike"),
    EventType.shelling_artillery: ("Explosions/Remote violence",
                                   "Shelling/artillery/missile attack"),
    EventType.explosion_bombing: ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    EventType.attack_on_civilians: ("Violence against civilians", "Attack"),
    EventType.territory_change: ("Strategic developments", "Change of territory"),
    EventType.displacement: ("Strategic developments", "Displacement"),
    EventType.arrest: ("Strategic developments", "Arrests"),
    EventType.protest: ("Protests", "Peaceful protest"),
    EventType.riot: ("Riots", "Violent demonstration"),
    EventType.meeting_agreement: ("Strategic developments", "Agreement"),
    EventType.other: ("Strategic developments", "Other"),
    # ACLED codes political violence only; crises outside it take EM-DAT's group names, and
    # their sub_event_type is the event's subtype (flood, road, epidemic …) where one is known.
    EventType.natural_disaster: ("Natural disaster", ""),
    EventType.accident: ("Technological disaster", ""),
    EventType.disease_outbreak: ("Biological disaster", "Epidemic"),
}
CRISES = (EventType.natural_disaster, EventType.accident, EventType.disease_outbreak)
EVENT_COLUMNS = ["id", "event_date", "time_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "location", "admin1", "country", "fatalities",
                 "fatalities_low", "fatalities_high", "fatality_sources", "modality", "source",
                 "url", "notes", "article_id", "event_id", "casualty_ids"]
# A casualty report belongs to the event whose words are nearest, within this many characters.
NEAR = 400

Row = dict[str, Any]


@contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """stdout for None or '-'; otherwise a temporary file renamed onto `path` only when the
    whole export is written, so a failed export never leaves half a file."""
    if path in (None, "-"):
        yield sys.stdout
        return
    with open_atomic(Path(path), newline="") as f:
        yield f


def articles(db: sqlite3.Connection) -> Iterator[tuple[Row, ArticleExtraction]]:
    """Every stored article in the order it was stored, with its facts."""
    cur = db.execute("SELECT id, source, url, title, published, extraction, text FROM articles"
                     " ORDER BY rowid")
    for ident, source, url, title, published, extraction, text in cur:
        meta = {"id": ident, "source": source, "url": url, "title": title,
                "published": published, "text": text}
        yield meta, ArticleExtraction.model_validate_json(unpack(extraction))


def export_jsonl(db: sqlite3.Connection, out: TextIO, kind: str | None = None) -> int:
    """One line per article (its extraction exactly as `naba extract` prints it), or with
    `kind` one line per fact of that kind with the article it came from."""
    n = 0
    cur = db.execute("SELECT id, source, url, title, published, extraction FROM articles"
                     " ORDER BY rowid")
    for ident, source, url, title, published, extraction in cur:
        head = {"id": ident, "source": source, "url": url, "title": title,
                "published": published}
        facts = json.loads(unpack(extraction))
        lines = ([{**head, "extraction": facts}] if kind is None
                 else [{"article": head, kind[:-1] if kind != "casualties" else "casualty": f}
                       for f in facts[kind]])
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
    return n


def _fatalities(reports: list[CasualtyReport]) -> dict[str, Any]:
    """ACLED's coding of killed figures for one event: the most conservative best figure,
    the lowest low and the highest high; each distinct figure listed with its source."""
    killed = [c for c in reports if c.category == "killed"
              and (c.count_best is not None or c.count_low is not None)]
    if not killed:
        return {"fatalities": "", "fatalities_low": "", "fatalities_high": "",
                "fatality_sources": ""}
    best = [c.count_best if c.count_best is not None else c.count_low or 0 for c in killed]
    lows = [c.count_low if c.count_low is not None else b
            for c, b in zip(killed, best, strict=True)]
    highs = [c.count_high for c in killed if c.count_high is not None]
    figures = dict.fromkeys(f"{b} ({c.reported_by or 'the article'})"
                            for c, b in zip(killed, best, strict=True))
    return {"fatalities": min(best), "fatalities_low": min(lows),
            "fatalities_high": max(highs) if highs else "",
            "fatality_sources": "; ".join(figures)}


_BREAK = re.compile(r"[.!؟?]\s|\n")


def link_casualties(text: str, events: list[Event], reports: list[CasualtyReport]
                    ) -> dict[str, list[CasualtyReport]]:
    """Each casualty report joins the nearest event in its own sentence or, failing that, the
    nearest one within NEAR characters; a report joins at most one event."""
    linked: dict[str, list[CasualtyReport]] = {e.id: [] for e in events}
    for c in reports:
        span = c.evidence[0]

        def distance(e: Event, span: Span = span) -> tuple[int, int]:
            best = (1, NEAR + 1)
            for ev in e.evidence:
                lo, hi = sorted((min(span.end, ev.end), max(span.start, ev.start)))
                gap = max(0, ev.start - span.end, span.start - ev.end)
                best = min(best, (int(bool(_BREAK.search(text, lo, hi))) if gap else 0, gap))
            return best

        near = [e for e in events if distance(e)[1] <= NEAR]
        if near:
            linked[min(near, key=distance).id].append(c)
    return linked


def event_rows(meta: Row, facts: ArticleExtraction) -> Iterator[Row]:
    linked = link_casualties(meta["text"], facts.events, facts.casualties)
    for e in facts.events:
        initiators = [a.name for a in e.actors if a.role == "initiator"]
        others = [a.name for a in e.actors if a.role != "initiator"]
        names = initiators + others
        event_type, sub_event_type = ACLED_TYPES[e.type]
        if e.subtype is not None and e.type in CRISES:
            sub_event_type = e.subtype.value
        reports = linked[e.id]
        yield {
            "id": f"{meta['id']}:{e.id}", "event_date": e.date or "",
            "time_precision": e.date_precision.value if e.date else "",
            "event_type": event_type, "sub_event_type": sub_event_type,
            "actor1": names[0] if names else "", "actor2": names[1] if len(names) > 1 else "",
            "location": e.location.name if e.location else "",
            "admin1": (e.location.area or "") if e.location else "",
            "country": (e.location.country or "") if e.location else "",
            **_fatalities(reports), "modality": e.modality.value,
            "source": meta["source"] or "", "url": meta["url"] or "",
            "notes": " … ".join(s.text for s in e.evidence),
            "article_id": meta["id"], "event_id": e.id,
            "casualty_ids": " ".join(c.id for c in reports),
        }


def _flat(meta: Row, fact: dict[str, Any]) -> Row:
    row: Row = {"article_id": meta["id"], "source": meta["source"] or "",
                "url": meta["url"] or ""}
    for key, value in fact.items():
        if key == "evidence":
            row["evidence"] = " … ".join(s["text"] for s in value)
            row["evidence_offsets"] = " ".join(f"{s['start']}-{s['end']}" for s in value)
        elif key == "location":
            for part in ("name", "area", "country"):
                row[f"location_{part}"] = (value or {}).get(part) or ""
        elif isinstance(value, list):
            row[key] = " | ".join(v if isinstance(v, str) else v.get("name", "") for v in value)
        else:
            row[key] = "" if value is None else value
    return row


def export_csv(db: sqlite3.Connection, out: TextIO, kind: str = "events") -> int:
    """events: ACLED-like rows; casualties, statements, actors: one flat row per fact."""
    rows: Callable[[Row, ArticleExtraction], Iterator[Row]]
    if kind == "events":
        rows = event_rows
    else:
        def rows(meta: Row, facts: ArticleExtraction) -> Iterator[Row]:
            for fact in getattr(facts, kind):
                yield _flat(meta, fact.model_dump(mode="json"))
    writer: csv.DictWriter[str] | None = None
    n = 0
    for meta, facts in articles(db):
        for row in rows(meta, facts):
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS if kind == "events"
                                        else list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
            n += 1
    if writer is None and kind == "events":
        csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n").writeheader()
    return n
