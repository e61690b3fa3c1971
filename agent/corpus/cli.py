"""The corpus side of the `naba` command: batch and export, and `ask` / `chat` with --db.

agent.cli calls `add_commands` to register them; everything here is imported only when used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from agent.errors import InputError

if TYPE_CHECKING:
    from agent.corpus.search import Filters
    from agent.corpus.store import Store

AddCommand = Callable[..., argparse.ArgumentParser]


def default_db() -> Path:
    """The store used without --db: naba.db in the per-user data folder."""
    return Path(platformdirs.user_data_dir("naba")) / "naba.db"


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, 1 or more: "
                                         f"{value!r}")
    return n


def db_option(sub: argparse.ArgumentParser, required: bool = False) -> None:
    sub.add_argument("--db", metavar="PATH", required=required, default=None,
                     help=f"the SQLite store (default: {default_db()})" if not required
                     else "the SQLite store written by `naba batch`")


def add_commands(command: AddCommand) -> None:
    sub = command("batch", cmd_batch, "extract many articles into a SQLite store (resumable)")
    sub.add_argument("inputs", metavar="INPUT", nargs="+",
                     help="a folder of .txt files (each with an optional sidecar .json: "
                          "published, url, title, source), a .jsonl file (one {\"text\", "
                          "\"id\", \"published\", \"url\", \"title\", \"source\"} per line), "
                          "or '-' for JSONL on stdin")
    db_option(sub)
    sub.add_argument("--force", action="store_true",
                     help="extract again articles already in the store, replacing their facts")
    sub.add_argument("--workers", type=_workers, default=1, metavar="N",
                     help="extract in N processes (default 1); one process writes the store")
    sub.add_argument("--ray", nargs="?", const="local", default=None, metavar="ADDRESS",
                     help="extract on a Ray cluster at ADDRESS (e.g. ray://head:10001 or auto);"
                          " without ADDRESS a local Ray starts with 2 CPUs")
    sub.add_argument("--model", metavar="PATH",
                     help="a GGUF file to consult (implies --consult; or set NABA_MODEL)")
    sub.add_argument("--consult", action="store_true",
                     help="let the model choose where the rules are unsure (loaded once per "
                          "worker process)")
    sub.add_argument("--quiet", action="store_true", help="no progress bar")
    sub.epilog = ("exit status: 0 every input stored or already stored; 3 some inputs were "
                  "refused (listed at the end and kept in the store's `refused` table); "
                  "2 bad arguments or a missing input path; 1 the model cannot be used; "
                  "130 interrupted (re-run the same command to finish)")

    sub = command("export", cmd_export, "write a store's articles or facts as JSONL or CSV")
    db_option(sub)
    sub.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    sub.add_argument("--kind", choices=("events", "casualties", "statements", "actors"),
                     help="one row per fact of this kind (CSV default: events, ACLED-like "
                          "columns; JSONL default: one line per article)")
    sub.add_argument("-o", "--output", metavar="OUT",
                     help="write here (atomically); '-' or absent: stdout")


def add_db_options(sub: argparse.ArgumentParser, filters: bool = True) -> None:
    """--db and the filters, for `ask` and `chat` across the stored articles."""
    db_option(sub)
    if filters:
        sub.add_argument("--place", help="only facts in this place (with --db)")
        sub.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                         help="only facts dated on or after this day (with --db)")
        sub.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                         help="only facts dated on or before this day (with --db)")
        sub.add_argument("--source", help="only figures from this source or publisher "
                                          "(with --db)")
        sub.add_argument("--json", action="store_true",
                         help="print the answer and its citations as JSON (with --db)")


def _existing_store(path: str | None) -> Store:
    from agent.corpus.store import Store

    db = Path(path) if path else default_db()
    if not db.is_file():
        raise InputError(f"{db}: no such store (run `naba batch ... --db {db}` first)")
    return Store(db)


def cmd_batch(args: argparse.Namespace) -> int:
    from agent.corpus import engines
    from agent.corpus.batch import Batch
    from agent.corpus.inputs import open_inputs
    from agent.corpus.progress import Progress
    from agent.corpus.store import Store

    if args.ray and args.workers > 1:
        raise InputError("--workers and --ray cannot be combined: Ray decides the parallelism")
    inputs = open_inputs(args.inputs, sys.stdin.buffer)
    consult = args.consult or bool(args.model or os.environ.get("NABA_MODEL"))
    store = Store(args.db or default_db())
    engine: engines.Engine
    if args.ray:
        engine = engines.Ray(None if args.ray == "local" else args.ray)
    elif args.workers > 1:
        engine = engines.Pool(args.workers)
    else:
        engine = engines.InProcess()
    start = time.monotonic()
    try:
        batch = Batch(store, engine, Progress(inputs.total, enabled=not args.quiet),
                      model=args.model, consult=consult, force=args.force)
        summary = batch.run(inputs)
    finally:
        engine.close()
        store.close()
    print(summary.render(time.monotonic() - start), file=sys.stderr)
    return summary.exit_code()


def cmd_export(args: argparse.Namespace) -> int:
    from agent.corpus.export import export_csv, export_jsonl, output

    store = _existing_store(args.db)
    try:
        with output(args.output) as out:
            if args.format == "csv":
                n = export_csv(store.db, out, args.kind or "events")
            else:
                n = export_jsonl(store.db, out, args.kind)
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        store.close()
    if args.output and args.output != "-":
        print(f"wrote {n} rows to {args.output}", file=sys.stderr)
    return 0


def _filters(args: argparse.Namespace) -> Filters:
    from agent.corpus.search import Filters, place_key
    from agent.text.arabic import norm

    return Filters(place=place_key(args.place) if args.place else None, since=args.since,
                   until=args.until, source=norm(args.source) if args.source else None)


def cmd_ask_db(args: argparse.Namespace) -> int:
    from agent.corpus.ask import answer

    store = _existing_store(args.db)
    try:
        result = answer(store.db, args.question, _filters(args))
    finally:
        store.close()
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.text)
    return 0


def cmd_chat_db(args: argparse.Namespace) -> int:
    """A terminal chat over the store: one question per line, answered by code."""
    from agent.corpus.ask import answer

    store = _existing_store(args.db)
    filters = _filters(args)
    try:
        while True:
            try:
                question = input("? ").strip()
            except EOFError:
                return 0
            if question:
                print(answer(store.db, question, filters).text, flush=True)
    finally:
        store.close()
