"""Golden files: record an extraction with the model's raw replies, replay it, diff facts.

A golden folder holds extraction.json (the pinned ArticleExtraction) and replies.json (every
model reply by request key), so the deterministic steps can be re-run without the model. Golden
runs consult the model, so that a change of prompt or model shows up as a diff too.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from agent.extract import extract, to_json
from agent.llm import LLM, RecordingLLM, ReplayLLM
from schemas import ArticleExtraction

KINDS = ("events", "actors", "statements", "casualties")


@dataclass(frozen=True)
class Recording:
    extraction: ArticleExtraction
    replies: dict[str, str]


def record(text: str, published: date | str | None, llm: LLM) -> Recording:
    """Extract with the real model, keeping every raw reply."""
    recorder = RecordingLLM(llm)
    result = extract(text, published, recorder, consult=True)
    return Recording(result, dict(sorted(recorder.replies.items())))


def replay(text: str, published: date | str | None, replies_json: dict[str, Any]
           ) -> ArticleExtraction:
    """Re-run the pipeline with the recorded replies instead of the model."""
    model = replies_json["model"]
    llm = ReplayLLM(replies_json["replies"], model["name"], model["sha256"])
    return extract(text, published, llm, consult=True)


def write(folder: Path, recording: Recording) -> None:
    """Write extraction.json and replies.json, each atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    model = recording.extraction.model
    replies = {"model": {"name": model.name, "sha256": model.sha256},
               "replies": recording.replies}
    _atomic_write(folder / "extraction.json", to_json(recording.extraction))
    _atomic_write(folder / "replies.json",
                  json.dumps(replies, ensure_ascii=False, sort_keys=True, indent=2) + "\n")


def _atomic_write(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(content)
    os.replace(tmp, path)


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Differences in facts, one readable line each: 'casualties c2 count_best: 80 → 85'."""
    lines: list[str] = []
    for kind in KINDS:
        before = {f["id"]: f for f in old.get(kind, [])}
        after = {f["id"]: f for f in new.get(kind, [])}
        for fid in sorted(before.keys() | after.keys(), key=_id_order):
            if fid not in after:
                lines.append(f"{kind} {fid}: removed ({_gist(before[fid])})")
            elif fid not in before:
                lines.append(f"{kind} {fid}: added ({_gist(after[fid])})")
            else:
                lines += [f"{kind} {fid} {path}: {a} → {b}"
                          for path, a, b in _field_changes(before[fid], after[fid])]
    for key in sorted((old.keys() | new.keys()) - set(KINDS)):
        lines += [f"{path}: {a} → {b}"
                  for path, a, b in _field_changes(old.get(key), new.get(key), key)]
    return lines


def _id_order(fid: str) -> tuple[int, str]:
    digits = "".join(ch for ch in fid if ch.isdigit())
    return (int(digits) if digits else 0, fid)


def _gist(fact: dict[str, Any]) -> str:
    keys = ("category", "count_best", "type", "speaker", "name", "text")
    parts = [str(fact[k]) for k in keys if fact.get(k) not in (None, "")]
    words = " ".join(parts)
    return words if len(words) <= 90 else words[:87] + "…"


def _field_changes(a: Any, b: Any, path: str = "") -> list[tuple[str, str, str]]:
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[tuple[str, str, str]] = []
        for key in sorted(a.keys() | b.keys()):
            sub = f"{path}.{key}" if path else key
            out += _field_changes(a.get(key), b.get(key), sub)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            out += _field_changes(x, y, f"{path}[{i}]")
        return out
    if a != b:
        return [(path, _short(a), _short(b))]
    return []


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"
