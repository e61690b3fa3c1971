"""The model contract: one small protocol every other module depends on.

Unit tests use FakeLLM (a queue of replies that records the calls); golden tests use
RecordingLLM / ReplayLLM. Only agent.model.llama knows about llama.cpp.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from agent.errors import ModelOutputError

Message = dict[str, str]
Schema = dict[str, Any]


@runtime_checkable
class LLM(Protocol):
    """A chat model. Deterministic for the same messages and schema (temperature 0)."""

    name: str
    sha256: str | None

    def complete(
        self, messages: list[Message], schema: Schema | None = None, max_tokens: int = 256
    ) -> str:
        """Return the reply text; under `schema`, JSON that the grammar made fit it."""
        ...


def request_key(messages: list[Message], schema: Schema | None) -> str:
    """A stable fingerprint of one request, for recording and replaying replies."""
    payload = json.dumps({"messages": messages, "schema": schema}, ensure_ascii=False,
                         sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


class FakeLLM:
    """A queue of replies that records what it was asked. For unit tests."""

    name = "fake"
    sha256: str | None = None

    def __init__(self, replies: Iterable[str] = ()) -> None:
        self.replies: deque[str] = deque(replies)
        self.calls: list[tuple[list[Message], Schema | None]] = []

    def enqueue(self, *replies: str) -> None:
        self.replies.extend(replies)

    def complete(
        self, messages: list[Message], schema: Schema | None = None, max_tokens: int = 256
    ) -> str:
        self.calls.append((messages, schema))
        if not self.replies:
            raise AssertionError(f"FakeLLM has no reply queued for call {len(self.calls)}")
        return self.replies.popleft()


class RecordingLLM:
    """Wraps a real model and keeps every reply by request key (golden files)."""

    def __init__(self, inner: LLM) -> None:
        self.inner = inner
        self.name = inner.name
        self.sha256 = inner.sha256
        self.replies: dict[str, str] = {}

    def complete(
        self, messages: list[Message], schema: Schema | None = None, max_tokens: int = 256
    ) -> str:
        reply = self.inner.complete(messages, schema, max_tokens)
        self.replies[request_key(messages, schema)] = reply
        return reply


class ReplayLLM:
    """Answers from recorded replies; a request never recorded is an error, not a guess."""

    def __init__(self, replies: dict[str, str], name: str, sha256: str | None) -> None:
        self.replies = replies
        self.name = name
        self.sha256 = sha256

    def complete(
        self, messages: list[Message], schema: Schema | None = None, max_tokens: int = 256
    ) -> str:
        key = request_key(messages, schema)
        if key not in self.replies:
            asked = messages[-1]["content"][-200:] if messages else ""
            raise ModelOutputError(
                f"no recorded reply for request {key} (a prompt changed?): …{asked}", "", 0
            )
        return self.replies[key]
