"""Chat: questions about one article's facts, answered by code where it can, by the model
where it must, and every number and citation checked against the article.

The flow: question (a question read) -> facts (the article indexed) -> asks (what the question
constrains: group, place, time, source, attribute) -> structured (answers by code) or context +
reply (the model over the best lines, its reply checked) -> constraints (the answer's evidence
meets every constraint, else a refusal with the answer as a related fact) -> respond (the loop).
"""

from agent.chat.answers import Answer, count_phrase
from agent.chat.respond import answer, answer_stream, render_terminal, time_to_first_token, warm

__all__ = ["Answer", "answer", "answer_stream", "count_phrase", "render_terminal",
           "time_to_first_token", "warm"]
