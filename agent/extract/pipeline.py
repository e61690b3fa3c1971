"""extract(): one Arabic article in, one validated, grounded ArticleExtraction out.

A pure function of (article, publication date, model): the fact modules find candidates by
rule; this module fills places and dates, links actors, drops any span that does not verify, and
numbers the facts in reading order. The model is consulted only on request (`consult=True`),
for enumerated choices the rules leave open: on the dev set every such choice by the default
1.5B model lost to the rule, so by default no model is loaded at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

from agent.errors import InputError
from agent.extract import actors, casualties, casualty_context, dates, events, statements
from agent.model.llm import LLM
from agent.text.arabic import is_arabic
from agent.text.doc import Doc, locate, verify
from schemas import (
    Actor,
    ArticleExtraction,
    ArticleInfo,
    CasualtyReport,
    Event,
    Location,
    ModelInfo,
    Span,
    Statement,
)

# About 2 MB: a long report is 20-100 kB, and extraction takes about 12 s per MB on two cores,
# so the largest accepted article is read in well under a minute.
MAX_ARTICLE_BYTES = 2_000_000
# An HTML page saved as the article: its markup would be read as words.
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|span|script|style|meta|table)\b"
                   r"[^>]*>", re.IGNORECASE)
_TITLE_MAX = 150

Fact = TypeVar("Fact", Event, Statement, CasualtyReport, Actor)


def read_article(path: str | Path) -> str:
    """The article's text exactly as written; InputError for anything that is not one."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p} is a directory, not an article file")
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from exc
    return decode_article(data, str(p))


def decode_article(data: bytes, label: str = "article") -> str:
    """Bytes of an uploaded or read article to text, with the same checks for every door."""
    _check_size(len(data), label)
    if b"\x00" in data:
        raise InputError(f"{label}: binary file, expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not UTF-8 text (undecodable byte at offset {exc.start})"
                         ) from exc
    if not text.strip():
        raise InputError(f"{label}: empty article")
    if _HTML.search(text[:10_000]):
        raise InputError(f"{label}: an HTML page, not the article's text; save or copy the "
                         "article as plain text")
    return text


def _check_size(size: int, label: str) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{label}: {size:,} bytes is larger than the {MAX_ARTICLE_BYTES:,} byte "
                         "limit for one article; split it into its articles")


def extract(text: str, published: date | str | None = None, model: LLM | str | None = None,
            *, consult: bool = False) -> ArticleExtraction:
    """Extract events, actors, statements and casualty reports from one Arabic article.

    `published` (a date or YYYY-MM-DD) resolves relative dates; without it dates stay null and
    date_text keeps the words. With `consult=True` the model (an LLM, a GGUF path, or None for
    the default model) chooses where the rules are unsure, e.g. the type of a bare "قصف";
    without it `model` is not used and the output names no model.
    """
    if not text.strip():
        raise InputError("empty article")
    _check_size(len(text.encode("utf-8", "surrogatepass")), "article")
    when = dates.parse_published(published) if isinstance(published, str) else published
    llm = _resolve_model(model) if consult else None
    doc = Doc.build(text, when)
    if not is_arabic(text):
        doc.warnings.append("the article is not mainly Arabic text: expect few facts")

    found_events = events.find_events(doc, llm, consult=consult)
    found_statements = statements.find_statements(doc, llm)
    found_casualties = casualty_context.place_and_date(doc, casualties.find_casualties(doc, llm))

    found_events = _grounded(doc, "event", found_events)
    found_statements = _grounded(doc, "statement", found_statements)
    found_casualties = _grounded(doc, "casualty report", found_casualties)

    mentions = _mentions(doc, found_events, found_statements, found_casualties)
    found_actors = _numbered("a", _grounded(doc, "actor", actors.find_actors(doc, mentions)))

    def link(name: str | None) -> str | None:
        return actors.link(found_actors, name) if name else None

    found_statements = [s.model_copy(update={"speaker_id": link(s.speaker)})
                        for s in found_statements]
    found_events = [
        e.model_copy(update={"actors": [a.model_copy(update={"actor_id": link(a.name)})
                                        for a in e.actors]})
        for e in found_events
    ]
    return ArticleExtraction(
        article=ArticleInfo(
            id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
            title=_title(text),
            published=when.isoformat() if when else None,
            char_count=len(text),
        ),
        events=_numbered("e", found_events),
        actors=found_actors,
        statements=_numbered("s", found_statements),
        casualties=_numbered("c", found_casualties),
        model=ModelInfo(name=llm.name, sha256=llm.sha256) if llm else ModelInfo(name="none"),
        warnings=doc.warnings,
    )


@contextmanager
def open_atomic(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """A file written whole or not at all: a temporary file beside `path`, renamed onto it only
    when the body has finished, so a reader never sees half a document.

    A device or pipe (/dev/null, /dev/stdout, a fifo) is written to as it is: renaming a file
    over it would replace the device with a regular file.
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        with path.open("w", encoding="utf-8", newline=newline) as f:
            yield f
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
        os.chmod(tmp, 0o644)  # as an ordinary new file, not mkstemp's private mode
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing (see open_atomic); a failure is one InputError."""
    try:
        with open_atomic(path) as f:
            f.write(text)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from exc


def to_json(extraction: ArticleExtraction) -> str:
    """The stable serialization: UTF-8 Arabic unescaped, sorted keys, indented."""
    data = extraction.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _resolve_model(model: LLM | str | None) -> LLM:
    if model is None or isinstance(model, str):
        from agent.model.llama import get_llm  # llama.cpp is loaded only when a model is needed

        return get_llm(model)
    return model


def _grounded(doc: Doc, kind: str, facts: Sequence[Fact]) -> list[Fact]:
    """Keep only spans that verify against the article; a fact left with none is dropped."""
    kept: list[Fact] = []
    for fact in facts:
        good = [s for s in fact.evidence if verify(doc.text, s)]
        if len(good) < len(fact.evidence):
            doc.warnings.append(f"{kind}: dropped {len(fact.evidence) - len(good)} span(s) "
                                "that do not match the article")
        if not good:
            continue
        update: dict[str, object] = {"evidence": _dedupe_spans(good)}
        location = getattr(fact, "location", None)
        if isinstance(location, Location):
            update["location"] = _grounded_location(doc, location)
        kept.append(fact.model_copy(update=update))
    return _dedupe_facts(kept)


def _grounded_location(doc: Doc, location: Location) -> Location | None:
    good = [s for s in location.evidence if verify(doc.text, s)]
    if not good:
        doc.warnings.append(f"location {location.name!r}: no span matches the article; dropped")
        return None
    return location.model_copy(update={"evidence": _dedupe_spans(good)})


def _dedupe_spans(spans: list[Span]) -> list[Span]:
    unique = {(s.start, s.end): s for s in spans}
    return [unique[k] for k in sorted(unique)]


def _dedupe_facts(facts: list[Fact]) -> list[Fact]:
    """Two candidates with the same content and evidence are one fact."""
    seen: dict[str, Fact] = {}
    for fact in facts:
        key = fact.model_dump_json(exclude={"id"})
        seen.setdefault(key, fact)
    return list(seen.values())


def _order(fact: Fact) -> tuple[int, int, str]:
    first = fact.evidence[0]
    return first.start, first.end, fact.model_dump_json(exclude={"id"})


def _numbered(prefix: str, facts: Sequence[Fact]) -> list[Fact]:
    """Ids in reading order of first evidence, so they are stable across runs."""
    ordered = sorted(facts, key=_order)
    return [f.model_copy(update={"id": f"{prefix}{i}"}) for i, f in enumerate(ordered, 1)]


def _mentions(doc: Doc, found_events: list[Event], found_statements: list[Statement],
              found_casualties: list[CasualtyReport]) -> list[tuple[str, Span]]:
    """Names other modules found, each located inside the evidence it came from."""
    named: list[tuple[str | None, Span]] = []
    named += [(s.speaker, s.evidence[0]) for s in found_statements]
    named += [(c.reported_by, c.evidence[0]) for c in found_casualties]
    named += [(c.perpetrator, c.evidence[0]) for c in found_casualties]
    named += [(a.name, e.evidence[0]) for e in found_events for a in e.actors]
    out: list[tuple[str, Span]] = []
    for name, around in named:
        if not name:
            continue
        found = locate(doc.text, name, near=around.start)
        if found is not None:
            out.append((name, found))
    return out


def _title(text: str) -> str | None:
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest and 0 < len(first) <= _TITLE_MAX and not first.endswith((".", "؟", "!", ":")):
        return first
    return None

