"""`naba chat`: the browser app. page.py draws an article, its facts and answers; server.py wires
them into Gradio around agent.extract and agent.chat."""

from agent.app.page import article_html, chat_markdown, facts_csv, table
from agent.app.server import Library, build, launch, serve

__all__ = ["Library", "article_html", "build", "chat_markdown", "facts_csv", "launch", "serve",
           "table"]
