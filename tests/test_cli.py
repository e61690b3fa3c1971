"""The `naba` command as a user meets it: a subprocess, one line per error, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent import cli
from agent.errors import ModelError
from schemas import ArticleExtraction, ArticleInfo, CasualtyReport, Location, ModelInfo, Span

NABA = str(Path(sys.executable).with_name("naba"))
ARTICLE = "قتل 50 مدنيا على الأقل في غارات على محافظة حماة، وفق ما أفاد المرصد السوري.\n"


def naba(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NABA, *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})})


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("naba: error: "), result.stderr
    assert words in lines[0]


def test_help_lists_every_subcommand():
    result = naba("--help")
    assert result.returncode == 0
    for command in ("extract", "ask", "chat", "model", "eval"):
        assert command in result.stdout


def test_help_and_model_never_import_gradio_or_llama():
    code = ("import sys\nfrom agent import cli\ntry:\n    cli.main(['--help'])\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in ('gradio', 'llama_cpp', "
            "'agent.app') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(("args", "words"), [
    ((), "the following arguments are required: COMMAND"),
    (("translate", "x.txt"), "invalid choice: 'translate'"),
    (("extract",), "the following arguments are required: FILE"),
    (("extract", "a.txt", "--published", "13/12/2016"), "not a date (YYYY-MM-DD)"),
    (("extract", "a.txt", "--fast"), "unrecognized arguments: --fast"),
    (("chat", "--port", "سبعة"), "invalid int value"),
])
def test_bad_arguments_are_one_line_and_exit_2(args: tuple[str, ...], words: str):
    assert_one_line_error(naba(*args), 2, words)


def test_a_missing_article_is_one_line_and_exit_2(tmp_path: Path):
    assert_one_line_error(naba("extract", str(tmp_path / "مقال.txt")), 2, "no such file")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty article"),
        (" \n\u00a0\n".encode(), "empty article"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file"),
        ("قتل خمسة أشخاص".encode("cp1256"), "not UTF-8 text"),
        (b"<html><head><title>x</title></head><body>...</body></html>", "an HTML page"),
        ("خبر ".encode() * 300_000, "byte limit for one article"),
        (None, "is a directory"),
    ],
)
def test_bad_articles_are_one_line_exit_2_and_write_nothing(tmp_path: Path, content: bytes | None,
                                                            words: str):
    article = tmp_path / "article.txt"
    if content is None:
        article.mkdir()
    else:
        article.write_bytes(content)
    out = tmp_path / "facts.json"
    assert_one_line_error(naba("extract", str(article), "-o", str(out)), 2, words)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [article]  # no temp file left behind either


def test_a_missing_model_file_is_one_line_with_the_fix(tmp_path: Path):
    missing = str(tmp_path / "qwen-7b.gguf")
    assert_one_line_error(naba("model", "--model", missing), 1, "check --model")
    assert_one_line_error(naba("model", env={"NABA_MODEL": missing}), 1, "check NABA_MODEL")


def test_a_file_that_is_not_gguf_is_refused(tmp_path: Path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert_one_line_error(naba("model", "--model", str(article)), 1, "is not a GGUF model file")


def test_a_corrupt_gguf_fails_extraction_with_one_line(tmp_path: Path):
    article, broken = tmp_path / "article.txt", tmp_path / "broken.gguf"
    article.write_text(ARTICLE, encoding="utf-8")
    broken.write_bytes(b"GGUF" + ARTICLE.encode())
    out = tmp_path / "facts.json"
    result = naba("extract", str(article), "--model", str(broken), "-o", str(out),
                  env={"NABA_HOME": str(tmp_path / "home")})
    assert_one_line_error(result, 1, "llama.cpp cannot load")
    assert not out.exists()


def test_model_prints_the_sha256_of_another_gguf(tmp_path: Path):
    other = tmp_path / "other.gguf"
    other.write_bytes(b"GGUF" + ARTICLE.encode())
    result = naba("model", "--model", str(other), env={"NABA_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert f"sha256    {hashlib.sha256(other.read_bytes()).hexdigest()}" in result.stdout
    assert f"path      {other}" in result.stdout


@pytest.mark.slow
def test_model_verifies_the_default_model():
    result = naba("model", env={"NABA_MODEL": ""})
    assert result.returncode == 0, result.stderr
    assert "sha256    cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046" \
        in result.stdout
    assert "verified  ok" in result.stdout


def _extraction() -> ArticleExtraction:
    words = "50 مدنيا على الأقل"
    start = ARTICLE.index(words)
    return ArticleExtraction(
        article=ArticleInfo(id="f00d", title=None, published="2016-12-13",
                            char_count=len(ARTICLE)),
        casualties=[CasualtyReport(
            id="c1", category="killed", count_low=50, count_best=50, count_text=words,
            victims="civilians", location=Location(name="محافظة حماة", evidence=[]),
            reported_by="المرصد السوري", evidence=[Span(text=words, start=start,
                                                        end=start + len(words))])],
        model=ModelInfo(name="fake"),
    )


def test_extract_writes_json_atomically_and_prints_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from agent import extract

    article, out = tmp_path / "article.txt", tmp_path / "out" / "facts.json"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(extract, "extract", lambda text, published, model, consult: _extraction())
    assert cli.main(["extract", str(article), "-o", str(out), "--summary"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["casualties"][0]["count_best"] == 50
    assert [p.name for p in out.parent.iterdir()] == ["facts.json"]
    summary = capsys.readouterr().out
    assert "c1 killed at least 50 people (civilians) in محافظة حماة" in summary
    assert "according to المرصد السوري" in summary


def test_a_failed_extraction_leaves_the_old_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from agent import extract

    def fail(text: str, published: object, model: object, consult: bool) -> ArticleExtraction:
        raise ModelError("llama.cpp cannot load x.gguf")

    article, out = tmp_path / "article.txt", tmp_path / "facts.json"
    article.write_text(ARTICLE, encoding="utf-8")
    out.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(extract, "extract", fail)
    assert cli.main(["extract", str(article), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "{}"
    assert capsys.readouterr().err == "naba: error: llama.cpp cannot load x.gguf\n"


def test_ctrl_c_exits_130_quietly(monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]):
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "cmd_model", interrupted)
    assert cli.main(["model"]) == 130
    assert capsys.readouterr() == ("", "")


def test_an_internal_error_is_one_line_exit_70_and_a_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """A bug (here: extraction raising a plain exception) never shows a traceback: one line
    naming a report file under NABA_HOME/logs that holds the full traceback."""
    def broken(*args, **kwargs):
        raise RuntimeError("something\nbroke")

    monkeypatch.setenv("NABA_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("agent.extract.extract", broken)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["extract", str(article)]) == cli.EXIT_INTERNAL == 70
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("naba: internal error: RuntimeError: something broke; details in ")
    report = Path(lines[0].rsplit("details in ", 1)[1])
    assert report.parent == tmp_path / "home" / "logs"
    assert "Traceback" in report.read_text(encoding="utf-8")
    assert 'raise RuntimeError("something' in report.read_text(encoding="utf-8")
