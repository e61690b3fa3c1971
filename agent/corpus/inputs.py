"""What `naba batch` reads: folders of .txt articles with optional sidecar .json, JSONL files,
and JSONL on stdin. Each input becomes an Item: an article to extract, or the reason it cannot be.

A bad input (empty, binary, undecodable, too long, malformed JSON) is an Item with an error, so
the batch records it and goes on; only a path that does not exist stops the command at once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from agent.corpus.store import Meta
from agent.errors import InputError
from agent.extract import decode_article

META_KEYS = ("published", "url", "title", "source")


@dataclass(frozen=True)
class Item:
    """One input: `text` to extract, or `error` saying why it cannot be."""

    meta: Meta
    key: str  # sha256 of the text; of the raw bytes when there is no text
    text: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Inputs:
    items: Iterator[Item]
    total: int | None  # None when it cannot be known in advance (stdin)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_inputs(names: list[str], stdin: BinaryIO) -> Inputs:
    """Check every name first (a typo fails before anything is stored), then read lazily."""
    kinds: list[tuple[str, Path]] = []
    for name in names:
        path = Path(name)
        if name == "-":
            kinds.append(("stdin", path))
        elif path.is_dir():
            kinds.append(("folder", path))
        elif path.suffix == ".jsonl" and path.is_file():
            kinds.append(("jsonl", path))
        elif path.suffix == ".txt" and path.is_file():
            kinds.append(("txt", path))
        elif not path.exists():
            raise InputError(f"{name}: no such file or folder")
        else:
            raise InputError(f"{name}: expected a folder of .txt files, a .jsonl file or '-'")
    if sum(kind == "stdin" for kind, _ in kinds) > 1:
        raise InputError("'-' (stdin) can be given only once")

    total: int | None = None
    if all(kind != "stdin" for kind, _ in kinds):
        total = sum(len(_texts(path)) if kind == "folder" else
                    _count_lines(path) if kind == "jsonl" else 1 for kind, path in kinds)
    return Inputs(_read(kinds, stdin), total)


def _read(kinds: list[tuple[str, Path]], stdin: BinaryIO) -> Iterator[Item]:
    for kind, path in kinds:
        if kind == "stdin":
            yield from read_jsonl(stdin, "-")
        elif kind == "jsonl":
            with path.open("rb") as f:
                yield from read_jsonl(f, str(path))
        elif kind == "txt":
            yield read_txt(path)
        else:
            for txt in _texts(path):
                yield read_txt(txt)


def _texts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.is_file())


def _count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def read_txt(path: Path) -> Item:
    """A .txt article and its sidecar PATH.json (published, url, title, source), if any."""
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Item(Meta(label, id=path.stem), sha256(label.encode()),
                    error=f"{label}: cannot read ({exc.strerror})")
    meta = Meta(label, id=path.stem)
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            fields = _fields(json.loads(sidecar.read_bytes()), str(sidecar))
        except (OSError, ValueError) as exc:
            return Item(meta, sha256(data), error=f"{sidecar}: {exc}")
        meta = Meta(label, id=path.stem, **fields)
    return _item(data, meta)


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Item]:
    """One article per line: {"text", "id"?, "published"?, "url"?, "title"?, "source"?}."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        label = f"{name}:{number}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("a line must be a JSON object with a \"text\"")
            text = obj.get("text")
            if not isinstance(text, str):
                raise ValueError("\"text\" is missing or not a string")
            ident = obj.get("id")
            if ident is not None and not isinstance(ident, str | int):
                raise ValueError("\"id\" must be a string or a number")
            meta = Meta(label, id=None if ident is None else str(ident),
                        **_fields(obj, label))
            data = text.encode("utf-8")
        except UnicodeError as exc:
            yield Item(Meta(label), sha256(line), error=f"{label}: not valid Unicode ({exc})")
            continue
        except ValueError as exc:  # includes json.JSONDecodeError
            yield Item(Meta(label), sha256(line), error=f"{label}: {exc}")
            continue
        yield _item(data, meta)


def _fields(obj: object, label: str) -> dict[str, str | None]:
    if not isinstance(obj, dict):
        raise ValueError(f"{label}: expected a JSON object")
    fields: dict[str, str | None] = {}
    for key in META_KEYS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"\"{key}\" must be a string")
        fields[key] = value or None
    if fields["published"]:
        try:
            date.fromisoformat(fields["published"])
        except ValueError:
            raise ValueError(f"\"published\" is not a date (YYYY-MM-DD): "
                             f"{fields['published']!r}") from None
    return fields


def _item(data: bytes, meta: Meta) -> Item:
    try:
        text = decode_article(data, meta.label)
    except InputError as exc:
        return Item(meta, sha256(data), error=str(exc))
    return Item(meta, sha256(text.encode("utf-8")), text=text)
