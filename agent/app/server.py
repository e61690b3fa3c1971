"""`naba chat`: the Gradio app. A library of extracted articles shared by every session, and
the Blocks that wire page.py's views to agent.extract and agent.chat; no answering logic here."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from agent.app.page import (
    CSS,
    FONTS,
    JS,
    LEGEND,
    TABLES,
    article_html,
    chat_markdown,
    fact_choices,
    facts_csv,
    md_escape,
    table,
)
from agent.chat import answer, warm
from agent.errors import NabaError, internal_error_line, report_internal_error
from agent.extract import decode_article, extract, read_article, to_json
from agent.model.llm import LLM
from schemas import ArticleExtraction, Span

MAX_UPLOAD = "2mb"


@dataclass
class Article:
    key: str
    name: str
    text: str
    extraction: ArticleExtraction


class Library:
    """Extracted articles, shared by every session: the same text and date extract once."""

    def __init__(self, extractor: Callable[[str, str | None], ArticleExtraction]) -> None:
        self.extractor = extractor
        self.articles: dict[str, Article] = {}
        self.downloads = Path(tempfile.mkdtemp(prefix="naba-"))
        atexit.register(shutil.rmtree, self.downloads, ignore_errors=True)
        self._lock = threading.Lock()

    def add(self, text: str, published: str | None, name: str | None = None) -> Article:
        # The same key as the extraction's article id, so a known article is not re-read.
        key = f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}-{published or 'undated'}"
        if key in self.articles:
            return self.articles[key]
        extraction = self.extractor(text, published)
        with self._lock:
            if key not in self.articles:
                title = name or extraction.article.title or text.strip()[:40]
                self.articles[key] = Article(key, title, text, extraction)
                (self.downloads / f"naba-{key}.json").write_text(to_json(extraction), "utf-8")
                (self.downloads / f"naba-{key}.csv").write_text(facts_csv(extraction), "utf-8")
            return self.articles[key]

    def download(self, key: str, suffix: str) -> str:
        return str(self.downloads / f"naba-{key}.{suffix}")


def _new_session(keys: list[str]) -> dict[str, Any]:
    """One browser session: its open articles, and per article its chat and cited spans."""
    return {"open": list(keys), "current": keys[0] if keys else None, "chat": {},
            "cited": {}}


def build(library: Library, llm: LLM | None) -> gr.Blocks:
    """The Blocks app over a library of articles and one model (None: answers by code only)."""
    preloaded = list(library.articles)

    def view(session: dict[str, Any]) -> list[Any]:
        key = session["current"]
        art = library.articles.get(key) if key else None
        names = [(library.articles[k].name, k) for k in session["open"]]
        if art is None:
            empty = article_html("", ArticleExtraction.model_validate(
                {"article": {"id": "", "char_count": 0}, "model": {"name": "none"}}))
            return [empty, gr.update(choices=names, value=None), gr.update(choices=[], value=None),
                    *[gr.update(value=None)] * 4, gr.update(value=None), gr.update(value=None),
                    [], session]
        cited = [Span(**c) for c in session["cited"].get(key, [])]
        return [article_html(art.text, art.extraction, cited),
                gr.update(choices=names, value=key),
                gr.update(choices=fact_choices(art.extraction), value=None),
                *[table(art.extraction, name) for name in TABLES],
                gr.update(value=library.download(key, "json")),
                gr.update(value=library.download(key, "csv")),
                session["chat"].get(key, []), session]

    def start() -> list[Any]:
        return view(_new_session(preloaded))

    def switch(key: str, session: dict[str, Any]) -> list[Any]:
        if key in library.articles:
            session["current"] = key
        return view(session)

    def load(pasted: str, upload: str | None, published: str, session: dict[str, Any],
             progress: gr.Progress = gr.Progress()) -> list[Any]:  # noqa: B008 (gradio's way)
        try:
            progress(0.05, desc="Reading the article")
            if upload:
                text, name = read_article(upload), Path(upload).name
            elif pasted.strip():
                text, name = decode_article(pasted.encode("utf-8"), "pasted text"), None
            else:
                gr.Warning("Paste an article or upload a .txt file first.")
                return view(session)
            progress(0.2, desc="Extracting facts (the model reads the article)")
            art = library.add(text, published.strip() or None, name)
        except NabaError as exc:
            gr.Warning(str(exc))
            return view(session)
        except Exception as exc:  # a bug: say so, keep the report, keep serving
            gr.Warning(f"Naba could not read this article: internal error: "
                       f"{_report(exc)}")
            return view(session)
        if art.key not in session["open"]:
            session["open"].append(art.key)
        session["current"] = art.key
        progress(0.95, desc="Showing the facts")
        return view(session)

    def ask(question: str, session: dict[str, Any]) -> list[Any]:
        key = session["current"]
        art = library.articles.get(key) if key else None
        if not question.strip() or art is None:
            if art is None:
                gr.Warning("Load an article first.")
            return [gr.skip(), gr.skip(), gr.skip(), session]
        asked = [*session["chat"].get(key, []), {"role": "user", "content": question}]
        try:
            final = answer(question, art.extraction, art.text, llm)
        except NabaError as exc:  # the model failed: say so, keep serving
            gr.Warning(str(exc))
            return [gr.skip(), session["chat"].get(key, []), gr.skip(), session]
        except Exception as exc:  # a bug: the answer says so in the chat, the server goes on
            session["chat"][key] = [*asked, {"role": "assistant", "content": md_escape(
                f"Sorry, this question could not be answered (internal error: {_report(exc)}). "
                "Other questions still work.")}]
            return ["", session["chat"][key], gr.skip(), session]
        session["chat"][key] = [*asked, {"role": "assistant", "content": chat_markdown(final)}]
        session["cited"][key] = [*session["cited"].get(key, []),
                                 *(c.quote.model_dump() for c in final.citations)]
        cited = [Span(**c) for c in session["cited"][key]]
        return ["", session["chat"][key], article_html(art.text, art.extraction, cited), session]

    def pick(evt: gr.SelectData) -> Any:
        row = evt.row_value or []
        return gr.update(value=row[0]) if row and row[0] else gr.skip()

    with gr.Blocks(title="Naba", analytics_enabled=False) as demo:
        session = gr.State()
        gr.Markdown("## Naba · نبأ — facts from Arabic news, each tied to its words")
        with gr.Row():
            with gr.Column(scale=3):
                current = gr.Dropdown(label="Article", choices=[], interactive=True)
                article = gr.HTML(elem_id="naba-article")
                gr.HTML(LEGEND)
                fact = gr.Dropdown(label="Show a fact in the text", choices=[], interactive=True)
            with gr.Column(scale=2):
                chatbot = gr.Chatbot(label="Ask about this article", height=520,
                                     elem_classes=["naba-chat"], sanitize_html=True)
                question = gr.Textbox(label="Question (Arabic or English)", lines=1,
                                      placeholder="كم مدنيا قتل في حماة؟  ·  Who is Zaid al-Saleh?")
                send = gr.Button("Ask", variant="primary")
        with gr.Tabs():
            tables = {}
            for name in TABLES:
                with gr.Tab(name.capitalize()):
                    tables[name] = gr.Dataframe(interactive=False, wrap=True,
                                                elem_classes=["naba-table"])
        with gr.Row():
            get_json = gr.DownloadButton("Download JSON", size="sm")
            get_csv = gr.DownloadButton("Download CSV", size="sm")
        with gr.Accordion("Load an article", open=not preloaded):
            pasted = gr.Textbox(label="Paste the article", lines=6, rtl=True)
            upload = gr.File(label="…or upload a .txt file (UTF-8, at most 2 MB)",
                             file_types=[".txt"], type="filepath")
            published = gr.Textbox(label="Publication date (YYYY-MM-DD, optional)", max_lines=1)
            extract_button = gr.Button("Extract the facts", variant="primary")

        shown = [article, current, fact, *tables.values(), get_json, get_csv, chatbot, session]
        demo.load(start, None, shown)
        current.input(switch, [current, session], shown)
        extract_button.click(load, [pasted, upload, published, session], shown,
                             concurrency_id="model", concurrency_limit=1)
        for trigger in (question.submit, send.click):
            trigger(ask, [question, session], [question, chatbot, article, session],
                    concurrency_id="model", concurrency_limit=1)
        fact.change(None, [fact], None, js="(id) => { if (id) window.nabaShow('fact-' + id); }")
        for df in tables.values():
            df.select(pick, None, fact)
    return demo


def _report(exc: Exception) -> str:
    """The one line about an unexpected error; its traceback goes to NABA_HOME/logs."""
    from agent.model.llama import home

    return internal_error_line(exc, report_internal_error(exc, home() / "logs"))


def launch(files: list[str], published: str | None, host: str = "127.0.0.1", port: int = 7860,
           model: str | None = None) -> None:
    """Extract `files`, then serve the app until interrupted. One model for every user:
    model-bound events run one at a time."""
    from agent.model.llama import named_llm

    llm = named_llm(model)  # None: answers by code, as `naba ask` and answer() give them
    library = Library(lambda text, date: extract(text, date, llm))
    for path in files:
        print(f"naba: extracting {path} …", flush=True)
        library.add(read_article(path), published, Path(path).name)
    if llm is not None:
        warm(llm)  # the first quoted answer then reads only its own passage
    print(f"naba: serving on http://{host}:{port}", flush=True)
    serve(build(library, llm), host, port)


def serve(demo: gr.Blocks, host: str, port: int, block: bool = True) -> gr.Blocks:
    """Queue the app (one model-bound event at a time) and serve it: local only unless `host`
    says otherwise, never a public share link, uploads capped."""
    demo.queue(default_concurrency_limit=1)
    demo.launch(server_name=host, server_port=port, share=False, max_file_size=MAX_UPLOAD,
                show_error=False, css=CSS, js=JS, footer_links=[], quiet=True,
                prevent_thread_lock=not block,
                theme=gr.themes.Default(font=FONTS.replace('"', "").split(", ")))
    return demo
