"""The `naba` command: extract, ask, chat, model, eval.

Every NabaError becomes one line on stderr and a non-zero exit, never a traceback; any other
exception is a bug: one line `naba: internal error: …; details in PATH`, exit 70, and the
traceback in that file (under NABA_HOME/logs/). Subcommands
import their modules when they run, so `naba --help` and `naba model` never load gradio.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from agent.corpus import cli as corpus
from agent.errors import InputError, NabaError, internal_error_line, report_internal_error
from schemas import ArticleExtraction

EXIT_INPUT = 2  # bad input or arguments, like argparse
EXIT_MODEL = 1  # the model is missing, corrupt or replied badly
EXIT_INTERNAL = 70  # a bug in Naba (EX_SOFTWARE): details in a report file
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """Bad arguments are an InputError too: one line, exit 2, no usage dump."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{message} (see `{self.prog} --help`)")


def _published(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _count(low: int | None, best: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"up to {high}"
    return f"about {best}" if best is not None else "an unknown number of"


def summary(extraction: ArticleExtraction) -> str:
    """The facts of one article as readable lines, for people rather than programs."""
    info = extraction.article
    lines = [f"{info.title or info.id}  (published {info.published or 'unknown'}, "
             f"model {extraction.model.name})"]
    lines.append(f"\nCasualties ({len(extraction.casualties)})")
    for c in extraction.casualties:
        where = f" in {c.location.name}" if c.location else ""
        source = f"  according to {c.reported_by}" if c.reported_by else ""
        lines.append(f"  {c.id} {c.category} {_count(c.count_low, c.count_best, c.count_high)} "
                     f"{c.unit} ({c.victims}){where}{source}  «{c.count_text}»")
    lines.append(f"\nEvents ({len(extraction.events)})")
    for e in extraction.events:
        where = f" in {e.location.name}" if e.location else ""
        lines.append(f"  {e.id} {e.type} {e.date or ''}{where} [{e.modality}]  «{e.description}»")
    lines.append(f"\nStatements ({len(extraction.statements)})")
    lines += [f"  {s.id} {s.speaker} ({s.kind}): «{s.text}»" for s in extraction.statements]
    lines.append(f"\nActors ({len(extraction.actors)})")
    lines += [f"  {a.id} {a.name} ({a.type})" for a in extraction.actors]
    lines += [f"\nwarning: {w}" for w in extraction.warnings]
    return "\n".join(lines)


def cmd_extract(args: argparse.Namespace) -> int:
    from agent.extract import extract, read_article, to_json, write_atomic

    # Naming a model (--model or NABA_MODEL) is asking for it to be used.
    consult = args.consult or bool(args.model or os.environ.get("NABA_MODEL"))
    extraction = extract(read_article(args.file), args.published, args.model, consult=consult)
    text = to_json(extraction)
    if args.output and args.output != "-":
        write_atomic(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    elif not args.summary:
        print(text)
    if args.summary:
        print(summary(extraction))
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    if args.db or args.file is None:  # across the articles of a store
        from agent.corpus.cli import cmd_ask_db

        return cmd_ask_db(args)
    from agent.chat import answer, render_terminal
    from agent.extract import extract, read_article
    from agent.model.llama import named_llm

    article = read_article(args.file)
    llm = named_llm(args.model)  # the app and answer() answer the same way (tests/test_one_answer)
    extraction = extract(article, args.published, llm)
    print(render_terminal(answer(args.question, extraction, article, llm=llm)))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    if args.db:
        from agent.corpus.cli import cmd_chat_db

        return cmd_chat_db(args)
    from agent.app import launch

    published = args.published.isoformat() if args.published else None
    launch(files=args.files, published=published, host=args.host, port=args.port,
           model=args.model)
    return 0


def cmd_model(args: argparse.Namespace) -> int:
    from agent.model.llama import describe

    for key, value in describe(args.model).items():
        print(f"{key:9} {value}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if "--qa" in args.rest:  # the chat on tests/corpus's questions (agent/eval/qa.py)
        from agent.eval.qa import main as evaluate_qa

        return evaluate_qa([a for a in args.rest if a != "--qa"])
    from agent.eval.evaluate import main as evaluate

    return evaluate(args.rest)


def _parser() -> _Parser:
    parser = _Parser(prog="naba", description="Grounded facts from Arabic news, offline.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], help: str,
                add_help: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, add_help=add_help)
        sub.set_defaults(run=run)
        return sub

    def model_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--model", metavar="PATH",
                         help="a GGUF file to use instead of the default (or set NABA_MODEL)")

    def published_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                         help="publication date, to resolve words like 'yesterday'")

    sub = command("extract", cmd_extract, "extract the facts of one article as JSON")
    sub.add_argument("file", metavar="FILE", help="the article, UTF-8 text")
    published_option(sub)
    model_option(sub)
    sub.add_argument("-o", "--output", metavar="OUT",
                     help="write the JSON here (atomically); '-' or absent: stdout")
    sub.add_argument("--summary", action="store_true",
                     help="print the facts as readable lines (the JSON still goes to -o)")
    sub.add_argument("--consult", action="store_true",
                     help="let the model choose where the rules are unsure; implied by --model "
                          "and NABA_MODEL (off by default: the default 1.5B model chose worse "
                          "than the rules on the dev set)")

    sub = command("ask", cmd_ask, "answer one question about an article, or with --db across "
                  "a store's articles, with citations")
    sub.add_argument("file", metavar="FILE", nargs="?", help="the article, UTF-8 text")
    sub.add_argument("question", help="the question, in Arabic or English")
    published_option(sub)
    model_option(sub)
    corpus.add_db_options(sub)

    sub = command("chat", cmd_chat, "open the chat about articles in the browser")
    sub.add_argument("files", metavar="FILE", nargs="*", help="articles to load at start")
    published_option(sub)
    sub.add_argument("--host", default="127.0.0.1", help="address to serve on (%(default)s)")
    sub.add_argument("--port", type=int, default=7860, help="port to serve on (%(default)s)")
    model_option(sub)
    corpus.add_db_options(sub)  # with --db: a terminal chat across the store's articles

    sub = command("model", cmd_model, "show the model in use: path, size, verified sha256")
    model_option(sub)

    # eval parses its own options (--model, --out, --rules-only, --anercorp; see `naba eval -h`);
    # `naba eval --qa` scores the chat instead (see `naba eval --qa -h`).
    command("eval", cmd_eval, "score extraction against the truth files", add_help=False)
    corpus.add_commands(command)  # batch, export
    return parser


def _run(argv: list[str]) -> int:
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "eval":
        raise InputError(f"unrecognized arguments: {' '.join(rest)} "
                         f"(see `naba {args.command} --help`)")
    args.rest = rest
    return int(args.run(args))


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except NabaError as exc:
        print(f"naba: error: {exc}", file=sys.stderr)
        return EXIT_INPUT if isinstance(exc, InputError) else EXIT_MODEL
    except Exception as exc:  # a bug in Naba: the traceback goes to a file, not the terminal
        from agent.model.llama import home

        report = report_internal_error(exc, home() / "logs")
        print(f"naba: internal error: {internal_error_line(exc, report)}", file=sys.stderr)
        return EXIT_INTERNAL
