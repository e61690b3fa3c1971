"""Prompt templates live in prompts/ as Jinja files; a missing variable fails loudly.

A template renders to chat turns: lines '### system', '### user' and '### assistant' start a
new message, so few-shot examples are written as prior turns in the template itself.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from agent.model.llm import Message

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
_TURN = re.compile(r"^### (system|user|assistant)[ \t]*$", re.MULTILINE)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(PROMPTS_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


def render(name: str, **variables: Any) -> list[Message]:
    """Render prompts/<name>.j2 into chat messages."""
    text = _environment().get_template(f"{name}.j2").render(**variables)
    parts = _TURN.split(text)
    if parts[0].strip():
        raise ValueError(f"prompt {name}: text before the first '### role' line")
    return [
        {"role": role, "content": content.strip()}
        for role, content in zip(parts[1::2], parts[2::2], strict=True)
    ]
