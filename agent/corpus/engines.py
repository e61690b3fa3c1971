"""Where extraction runs: in this process, in a pool of local processes, or on a Ray cluster.

All three run the same `run_task` and hand back Outcomes one at a time; the batch is the only
writer to the store. An engine holds at most `capacity` tasks in flight, so memory stays flat
however long the input.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections import deque
from dataclasses import dataclass
from typing import Any, Protocol

from agent.errors import ModelError
from agent.extract import extract, to_json


@dataclass(frozen=True)
class Task:
    key: str
    text: str
    published: str | None
    model: str | None
    consult: bool


@dataclass(frozen=True)
class Outcome:
    key: str
    extraction: str | None = None  # to_json() of the facts
    error: str | None = None
    fatal: bool = False  # the model cannot be loaded: every other article would fail the same way


def run_task(task: Task) -> Outcome:
    """Extract one article; any failure becomes an Outcome so that the batch goes on."""
    try:
        facts = extract(task.text, task.published, task.model, consult=task.consult)
    except ModelError as exc:
        return Outcome(task.key, error=str(exc), fatal=True)
    except Exception as exc:  # one article's failure must not stop the batch
        return Outcome(task.key, error=f"extraction failed: {type(exc).__name__}: {exc}")
    return Outcome(task.key, extraction=to_json(facts))


class Engine(Protocol):
    capacity: int

    def submit(self, task: Task) -> None: ...

    def take(self) -> Outcome:
        """The next finished task (blocks until one is)."""
        ...

    def close(self) -> None: ...


class InProcess:
    """One process: the model, when consulted, is loaded once and kept."""

    capacity = 1

    def __init__(self) -> None:
        self._done: deque[Outcome] = deque()

    def submit(self, task: Task) -> None:
        self._done.append(run_task(task))

    def take(self) -> Outcome:
        return self._done.popleft()

    def close(self) -> None:
        pass


class Pool:
    """`workers` local processes; each loads the model once if it is consulted."""

    def __init__(self, workers: int) -> None:
        # fork: workers start in milliseconds and share the parsed lexicons with the parent.
        self._pool = multiprocessing.get_context("fork").Pool(workers)
        self._done: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
        self.capacity = workers * 2

    def submit(self, task: Task) -> None:
        def failed(exc: BaseException) -> None:
            self._done.put(Outcome(task.key, error=f"worker failed: {exc!r}"))

        self._pool.apply_async(run_task, (task,), callback=self._done.put,
                               error_callback=failed)

    def take(self) -> Outcome:
        return self._done.get()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


class Ray:
    """Ray tasks, on a cluster at `address` or, with None, on a local Ray started here."""

    def __init__(self, address: str | None) -> None:
        try:
            import ray
        except ImportError as exc:
            from agent.errors import InputError

            raise InputError("--ray needs Ray: pip install 'naba[ray]'") from exc
        self._ray: Any = ray
        # Workers on other machines read the model from their own NABA_HOME / NABA_MODEL.
        env = {k: v for k in ("NABA_HOME", "NABA_MODEL") if (v := os.environ.get(k))}
        runtime_env = {"env_vars": env} if env else None
        if address is None:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                     runtime_env=runtime_env)
        else:
            ray.init(address=address, log_to_driver=False, runtime_env=runtime_env)
        self._remote = ray.remote(num_cpus=1, max_retries=2)(run_task)
        self._keys: dict[Any, str] = {}  # in-flight ref -> article key
        self.capacity = max(2, int(ray.cluster_resources().get("CPU", 1)) * 2)

    def submit(self, task: Task) -> None:
        self._keys[self._remote.remote(task)] = task.key

    def take(self) -> Outcome:
        ready, _ = self._ray.wait(list(self._keys), num_returns=1)
        key = self._keys.pop(ready[0])
        try:
            outcome: Outcome = self._ray.get(ready[0])
        except self._ray.exceptions.RayError as exc:  # the worker died even after retries
            return Outcome(key, error=f"Ray task failed: {type(exc).__name__}: {exc}")
        return outcome

    def close(self) -> None:
        self._ray.shutdown()
