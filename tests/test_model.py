"""agent.model.llama: assembling the default GGUF from part packages, choosing a model, the
llama.cpp wrapper (against a fake llama), and one smoke test with the real default model.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
from pydantic import BaseModel

from agent.errors import ModelError
from agent.model import llama as model
from agent.model.llama import Pinned
from agent.model.llm import FakeLLM
from schemas import ModelInfo

# Three "parts" of a fake GGUF; the Arabic makes a byte-order mistake visible.
PARTS = [
    b"GGUF" + "قتل 50 مدنيا على الأقل ".encode(),
    "في غارات على محافظة حماة، ".encode(),
    "وفق ما أفاد المرصد السوري.".encode(),
]
WHOLE = b"".join(PARTS)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NABA_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NABA_MODEL", raising=False)
    return tmp_path / "home"


@pytest.fixture
def pinned(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> Pinned:
    """Installed part packages, laid out like the real ones (pkg/data/partNN.bin)."""
    site = tmp_path / "site"
    names = []
    for n, blob in enumerate(PARTS, start=1):
        package = site / f"naba_test_part{n}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{n:02d}.bin").write_bytes(blob)
        names.append(package.name)
    monkeypatch.syspath_prepend(str(site))
    return Pinned(file="fake.gguf", size=len(WHOLE), sha256=hashlib.sha256(WHOLE).hexdigest(),
                  packages=tuple(names))


def _only_the_model_is_left(path: Path) -> None:
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "a temp file was left"


def test_the_parts_are_concatenated_in_order_into_naba_home(pinned: Pinned, home: Path):
    path = model.ensure_model(pinned)
    assert path == home / "models" / "fake.gguf"
    assert path.read_bytes() == WHOLE
    _only_the_model_is_left(path)


def test_a_second_call_trusts_the_stamp_and_rewrites_nothing(
    pinned: Pinned, monkeypatch: pytest.MonkeyPatch
):
    first = model.ensure_model(pinned).stat()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the verified model was hashed or assembled again")

    monkeypatch.setattr(model, "assemble", fail)
    monkeypatch.setattr(model.hashlib, "file_digest", fail)
    second = model.ensure_model(pinned).stat()
    assert (second.st_ino, second.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)


def test_a_truncated_model_is_rebuilt(pinned: Pinned):
    path = model.ensure_model(pinned)
    path.write_bytes(WHOLE[: len(WHOLE) // 2])
    assert model.ensure_model(pinned).read_bytes() == WHOLE
    _only_the_model_is_left(path)


def test_a_corrupted_model_of_the_right_size_is_rebuilt(pinned: Pinned):
    path = model.ensure_model(pinned)
    path.write_bytes(WHOLE.replace("حماة".encode(), "درعا".encode()))
    assert path.stat().st_size == len(WHOLE)
    assert model.ensure_model(pinned).read_bytes() == WHOLE


def test_verify_catches_corruption_the_stamp_cannot_see(pinned: Pinned):
    path = model.ensure_model(pinned)
    stat = path.stat()
    path.write_bytes(WHOLE.replace("المرصد".encode(), "الشرطة".encode()))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert model.ensure_model(pinned).read_bytes() != WHOLE  # the fast path trusts the stamp
    assert model.ensure_model(pinned, verify=True).read_bytes() == WHOLE


def test_a_wrong_sha256_is_a_clear_error_and_leaves_no_file(pinned: Pinned, home: Path):
    wrong = Pinned(pinned.file, pinned.size, "0" * 64, pinned.packages)
    with pytest.raises(ModelError, match=r"has sha256 [0-9a-f]{64}, expected 0{64}.*damaged"):
        model.ensure_model(wrong)
    assert list((home / "models").iterdir()) == []


def test_a_missing_part_package_names_the_fix(pinned: Pinned):
    incomplete = Pinned(pinned.file, pinned.size, pinned.sha256,
                        (*pinned.packages, "naba_test_part_not_installed"))
    with pytest.raises(ModelError, match=r"1 of the 4 packages .* missing.*make setup"):
        model.ensure_model(incomplete)


def test_sha256_is_recomputed_when_the_file_changes(tmp_path: Path, home: Path):
    path = tmp_path / "m.gguf"
    path.write_bytes(WHOLE)
    assert model.sha256_of(path) == hashlib.sha256(WHOLE).hexdigest()
    path.write_bytes(WHOLE + b"!")
    assert model.sha256_of(path) == hashlib.sha256(WHOLE + b"!").hexdigest()


@pytest.mark.parametrize(("content", "message"), [
    (None, "model file not found"),
    ("قتل 50 مدنيا".encode(), "is not a GGUF model file"),
    ("dir", "cannot read the model file"),
])
def test_a_bad_model_path_is_a_one_line_error_with_the_fix(
    tmp_path: Path, home: Path, content: bytes | str | None, message: str
):
    path = tmp_path / "model.gguf"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(ModelError, match=message) as caught:
        model.resolve(str(path))
    assert "check --model" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_explicit_path_beats_naba_model_which_beats_the_default(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
):
    env, explicit = tmp_path / "env.gguf", tmp_path / "explicit.gguf"
    env.write_bytes(WHOLE)
    explicit.write_bytes(WHOLE)
    monkeypatch.setenv("NABA_MODEL", str(env))
    assert model.resolve() == env
    assert model.resolve(str(explicit)) == explicit
    monkeypatch.setenv("NABA_MODEL", str(tmp_path / "gone.gguf"))
    with pytest.raises(ModelError, match="check NABA_MODEL"):
        model.resolve()


def test_get_llm_loads_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "m.gguf"
    path.write_bytes(WHOLE)
    loads: list[Path] = []

    def load(resolved: Path) -> FakeLLM:
        loads.append(resolved)
        return FakeLLM()

    monkeypatch.setattr(model, "LlamaLLM", load)
    monkeypatch.setattr(model, "_loaded", {})
    first = model.get_llm(str(path))
    assert model.get_llm(str(tmp_path / "." / "m.gguf")) is first
    assert loads == [path.resolve()]


def test_model_info_names_the_model_or_none():
    assert model.model_info(FakeLLM()) == ModelInfo(name="fake", sha256=None)
    assert model.model_info(None) == ModelInfo(name="none")


class FakeLlama:
    """Stands in for llama_cpp.Llama: records how it is called, fails if used concurrently."""

    instances: ClassVar[list[FakeLlama]] = []

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.calls: list[dict[str, Any]] = []
        self.busy = False
        self.closed = False
        FakeLlama.instances.append(self)

    def close(self) -> None:
        self.closed = True

    def tokenize(self, text: bytes, add_bos: bool, special: bool) -> list[int]:
        return [1] * add_bos + list(text)  # 1 plays the BOS token

    def create_chat_completion(self, **kwargs: Any) -> Any:
        assert not self.busy, "two threads shared one llama context"
        self.busy = True
        time.sleep(0.01)
        self.busy = False
        self.calls.append(kwargs)
        if "حماة" not in kwargs["messages"][-1]["content"]:
            raise ValueError("Requested tokens (5000) exceed context window of 4096")
        if kwargs.get("stream"):
            return iter([{"choices": [{"delta": {"content": p}}]} for p in ["حماة", "", " سوريا"]])
        return {"choices": [{"message": {"content": '{"answer": "killed"}'}}]}


@pytest.fixture
def llama(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> model.LlamaLLM:
    llama_cpp = pytest.importorskip("llama_cpp")
    monkeypatch.setattr(llama_cpp, "Llama", FakeLlama)
    path = tmp_path / "m.gguf"
    path.write_bytes(WHOLE)
    return model.LlamaLLM(path)


ASK = [{"role": "user", "content": "ماذا حدث في حماة؟"}]


def test_loaded_models_are_freed_at_exit_while_the_interpreter_works(
    llama: model.LlamaLLM, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(model, "_loaded", {llama.path: llama})
    model._close_loaded()
    assert llama._llama.closed
    assert model._loaded == {}


def test_llama_is_loaded_with_fixed_settings(llama: model.LlamaLLM):
    kwargs = FakeLlama.instances[-1].kwargs
    assert kwargs["n_ctx"] == 4096 and kwargs["n_batch"] == 512 and kwargs["seed"] == 0
    assert kwargs["verbose"] is False and kwargs["logits_all"] is False
    assert "chat_format" not in kwargs  # the template comes from the GGUF's metadata
    assert (llama.name, llama.sha256) == ("m.gguf", hashlib.sha256(WHOLE).hexdigest())


def test_complete_is_greedy_and_puts_a_schema_into_the_grammar(llama: model.LlamaLLM):
    schema = {"type": "object", "properties": {"answer": {"enum": ["killed", "injured"]}}}
    assert llama.complete(ASK, schema=schema, max_tokens=16) == '{"answer": "killed"}'
    llama.complete(ASK)
    with_schema, free = FakeLlama.instances[-1].calls
    assert with_schema["response_format"] == {"type": "json_object", "schema": schema}
    assert "response_format" not in free
    assert (with_schema["temperature"], with_schema["top_k"], with_schema["seed"]) == (0.0, 1, 0)
    assert with_schema["max_tokens"] == 16


def test_two_threads_never_share_the_context(llama: model.LlamaLLM):
    threads = [threading.Thread(target=llama.complete, args=(ASK,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(FakeLlama.instances[-1].calls) == 4


def test_stream_yields_the_non_empty_pieces(llama: model.LlamaLLM):
    assert list(llama.stream(ASK, max_tokens=8)) == ["حماة", " سوريا"]
    assert FakeLlama.instances[-1].calls[-1]["stream"] is True


def test_tokenize_counts_the_utf8_text_without_a_bos(llama: model.LlamaLLM):
    assert llama.tokenize("حماة") == list("حماة".encode())


def test_a_prompt_too_long_is_a_model_error(llama: model.LlamaLLM):
    with pytest.raises(ModelError, match="exceed context window"):
        llama.complete([{"role": "user", "content": "نص طويل جدا"}])


class Choice(BaseModel):
    answer: Literal["killed", "injured", "displaced", "none"]


@pytest.mark.slow
def test_the_default_model_answers_under_a_json_grammar(default_llm: model.LlamaLLM):
    assert default_llm.sha256 == model.DEFAULT.sha256
    messages = [
        {"role": "system", "content": "Answer with JSON only."},
        {"role": "user", "content": "What does the number in this Arabic sentence count? "
                                    "«قتل 50 مدنيا على الأقل في غارات على محافظة حماة»"},
    ]
    reply = default_llm.complete(messages, schema=Choice.model_json_schema(), max_tokens=24)
    Choice.model_validate(json.loads(reply))
    assert default_llm.complete(messages, schema=Choice.model_json_schema(),
                                max_tokens=24) == reply, "temperature 0 must repeat itself"
