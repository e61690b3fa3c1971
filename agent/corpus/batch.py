"""`naba batch`: extract many articles into one store, resumable and safe to kill.

The store is the only record of progress: an article whose text is already stored is skipped
(unless --force), so re-running the same command after a crash finishes the work and stores
every article exactly once. Bad inputs and failed extractions are recorded and the batch goes on.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from agent.corpus.engines import Engine, Outcome, Task
from agent.corpus.inputs import Inputs, Item
from agent.corpus.progress import Progress
from agent.corpus.store import Store
from agent.errors import ModelError

KINDS = ("events", "actors", "statements", "casualties")
EXIT_OK = 0
EXIT_REFUSED = 3  # the batch finished, but some inputs were refused (see the summary)


def naba_version() -> str:
    try:
        return version("naba")
    except PackageNotFoundError:
        return "unknown"


@dataclass
class Summary:
    stored: int = 0
    skipped: int = 0  # already in the store, or given twice
    refused: list[tuple[str, str]] = field(default_factory=list)  # (label, error)
    facts: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return self.stored + self.skipped + len(self.refused)

    def exit_code(self) -> int:
        return EXIT_REFUSED if self.refused else EXIT_OK

    def render(self, seconds: float) -> str:
        rate = self.articles / seconds if seconds > 0 else 0.0
        lines = [f"{self.articles} articles in {seconds:.1f} s ({rate:.1f}/s): "
                 f"{self.stored} stored, {self.skipped} already stored, "
                 f"{len(self.refused)} refused",
                 "facts stored: " + ", ".join(f"{self.facts[k]} {k}" for k in KINDS)]
        lines += [f"refused: {error}" if error.startswith(label) else f"refused: {label}: {error}"
                  for label, error in self.refused]
        return "\n".join(lines)


@dataclass
class Batch:
    store: Store
    engine: Engine
    progress: Progress
    model: str | None = None
    consult: bool = False
    force: bool = False

    def run(self, inputs: Inputs) -> Summary:
        self.summary = Summary()
        self.run_id = self.store.start_run(naba_version())
        self._model_known = not self.consult
        self._pending: dict[str, Item] = {}
        seen: set[str] = set()
        for item in inputs.items:
            if item.error is not None:
                self._refuse(item, "input", item.error)
            elif item.key in seen or (not self.force and self.store.has(item.key)):
                self.summary.skipped += 1
                self.progress.advance()
            else:
                seen.add(item.key)
                self._submit(item)
        while self._pending:
            self._write(self.engine.take())
        self.store.finish_run(self.run_id, self.summary.stored, self.summary.skipped,
                              len(self.summary.refused))
        self.progress.finish()
        return self.summary

    def _submit(self, item: Item) -> None:
        assert item.text is not None
        self._pending[item.key] = item
        self.engine.submit(Task(item.key, item.text, item.meta.published, self.model,
                                self.consult))
        while len(self._pending) >= self.engine.capacity:
            self._write(self.engine.take())

    def _write(self, outcome: Outcome) -> None:
        item = self._pending.pop(outcome.key)
        if outcome.fatal:
            raise ModelError(outcome.error or "the model cannot be used")
        if outcome.extraction is None:
            self._refuse(item, "extraction", outcome.error or "extraction failed")
            return
        assert item.text is not None
        self.store.put(item.key, item.text, item.meta, outcome.extraction, self.run_id)
        facts = json.loads(outcome.extraction)
        if not self._model_known:
            model = facts["model"]
            self.store.set_run_model(self.run_id, model["name"], model["sha256"] or "unknown")
            self._model_known = True
        self.summary.stored += 1
        self.summary.facts.update({k: len(facts[k]) for k in KINDS})
        self.progress.advance()

    def _refuse(self, item: Item, reason: str, error: str) -> None:
        self.store.refuse(item.meta.label, item.key, reason, error, self.run_id)
        self.summary.refused.append((item.meta.label, error))
        self.progress.advance()
