"""The model chooses, the code checks: one enumerated choice under a JSON grammar.

instructor runs the validate-and-re-ask loop over our LLM protocol, so the same code path
serves llama.cpp, FakeLLM and replayed golden runs.
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any, Literal

import instructor
from instructor.core.exceptions import InstructorRetryException
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ConfigDict, create_model

from agent.errors import ModelOutputError
from agent.model.llm import LLM
from agent.model.prompts import render

MAX_RETRIES = 2


@cache
def _choice_model(options: tuple[str, ...]) -> type[BaseModel]:
    return create_model(
        "Choice",
        __config__=ConfigDict(extra="forbid"),
        answer=(Literal[options], ...),  # type: ignore[valid-type,arg-type]
    )


def _as_openai(llm: LLM) -> Any:
    """An OpenAI-style `create` over our protocol, so instructor can drive it."""

    def create(messages: list[dict[str, str]], response_format: dict[str, Any] | None = None,
               max_tokens: int = 48, **_: Any) -> ChatCompletion:
        # instructor's JSON_SCHEMA mode sends the OpenAI json_schema shape.
        schema = ((response_format or {}).get("json_schema") or {}).get("schema")
        reply = llm.complete([dict(m) for m in messages], schema=schema, max_tokens=max_tokens)
        return ChatCompletion.model_validate({
            "id": "naba", "object": "chat.completion", "created": int(time.time()),
            "model": llm.name,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": reply}}],
        })

    return create


def choose(llm: LLM, task: str, options: list[str], **variables: Any) -> str:
    """Render prompts/<task>.j2 and have the model pick one of `options`.

    Raises ModelOutputError, with the last completion, when no valid choice came back.
    """
    model = _choice_model(tuple(options))
    messages = render(task, options=options, **variables)
    create = instructor.patch(create=_as_openai(llm), mode=instructor.Mode.JSON_SCHEMA)
    try:
        result = create(messages=messages, response_model=model, max_retries=MAX_RETRIES)
    except InstructorRetryException as exc:
        last = getattr(exc, "last_completion", None)
        if last is not None and getattr(last, "choices", None):
            last = last.choices[0].message.content
        raise ModelOutputError(f"{task}: no valid choice from the model", str(last or ""),
                               int(getattr(exc, "n_attempts", MAX_RETRIES))) from exc
    return str(result.answer)  # type: ignore[attr-defined]
