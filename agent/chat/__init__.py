"""Chat: questions about one article's facts, answered by code from the facts where it can, by
the article's own sentence where it must, and every answer checked against what was asked.

The flow: question (a question read) -> facts (the article indexed) -> asks (what the question
constrains: group, place, time, source, attribute) -> structured (answers by code) or context
(the best sentences to quote) -> constraints (the answer's evidence meets every constraint, else a
refusal with the answer as a related fact) -> veto (a named model may refuse a quote) ->
respond (the loop).
"""

from agent.chat.answers import Answer, count_phrase
from agent.chat.respond import answer, answer_seconds, render_terminal, warm

__all__ = ["Answer", "answer", "answer_seconds", "count_phrase", "render_terminal", "warm"]
