"""Chat: questions about one article's facts, answered by code where it can, by the model
where it must, and every number and citation checked against the article."""

from agent.chat.respond import (
    Answer,
    answer,
    answer_stream,
    count_phrase,
    render_terminal,
    time_to_first_token,
    warm,
)

__all__ = ["Answer", "answer", "answer_stream", "count_phrase", "render_terminal",
           "time_to_first_token", "warm"]
