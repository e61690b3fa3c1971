"""Golden files: record an extraction with the model's raw replies, and replay it.

A golden folder holds extraction.json (the pinned ArticleExtraction) and replies.json (every
model reply by request key), so the deterministic steps can be re-run without the model. Golden
runs consult the model, so that a change of prompt or model shows up as a diff too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from agent.extract import extract, to_json, write_atomic
from agent.model.llm import LLM, RecordingLLM, ReplayLLM
from schemas import ArticleExtraction


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
    write_atomic(folder / "extraction.json", to_json(recording.extraction))
    write_atomic(folder / "replies.json",
                  json.dumps(replies, ensure_ascii=False, sort_keys=True, indent=2) + "\n")
