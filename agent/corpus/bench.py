"""Batch benchmarks, side by side in one run: `python -m agent.corpus.bench [--copies N]`.

The 13 seeds are repeated (copy k differs by k trailing newlines: a distinct article with the
same facts) to about 200 articles, then extracted: one `naba extract` process per article (the
loop a user would write, two at a time on two cores), `naba batch` with 1 and 2 workers, and
with --ray on a local Ray; then the store's size, and --consult on a few articles.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NABA = str(Path(sys.executable).with_name("naba"))


def make_inputs(folder: Path, copies: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for k in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            path = folder / f"{seed.stem}-{k:03d}.txt"
            path.write_text(seed.read_text(encoding="utf-8") + "\n" * k, encoding="utf-8")
            meta = json.loads(seed.with_suffix(".json").read_text(encoding="utf-8"))
            path.with_suffix(".json").write_text(json.dumps({"published": meta["published"]}))
            paths.append(path)
    return paths


def timed(command: list[str], **kwargs: object) -> float:
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore
    if result.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return time.monotonic() - start


def loop(paths: list[Path], parallel: int) -> float:
    """One `naba extract` process per article, `parallel` at a time (xargs -P), each writing its
    JSON next to the article. (Never `-o /dev/null`: extract writes atomically by renaming a
    temporary file over the target, which as root replaced the device with a regular file.)"""
    script = ('f="$1"; p=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))'
              '[\'published\'])" "${f%.txt}.json"); '
              f'"{NABA}" extract "$f" --published "$p" -o "${{f%.txt}}.out.json"')
    names = "\n".join(str(p) for p in paths)
    start = time.monotonic()
    subprocess.run(["xargs", "-P", str(parallel), "-I{}", "bash", "-c", script, "_", "{}"],
                   input=names, text=True, check=True, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def store_size(db: Path) -> int:
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=16, help="copies of the 13 seeds (16)")
    parser.add_argument("--loop-copies", type=int, default=4,
                        help="copies for the one-process-per-article loop (4: 52 articles)")
    parser.add_argument("--consult", type=int, default=3, help="articles for --consult (3)")
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="naba-bench-"))
    rows: list[tuple[str, int, float]] = []
    try:
        paths = make_inputs(work / "in", args.copies)
        n = len(paths)
        print(f"{n} articles; load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
        loop_paths = paths[:13 * args.loop_copies]
        rows.append(("one `naba extract` per article, 2 at a time", len(loop_paths),
                     loop(loop_paths, 2)))
        for workers in (1, 2):
            db = work / f"w{workers}.db"
            rows.append((f"naba batch --workers {workers}", n,
                         timed([NABA, "batch", str(work / "in"), "--db", str(db), "--quiet",
                                "--workers", str(workers)])))
        if not args.no_ray:
            rows.append(("naba batch --ray (local, 2 CPUs, start-up included)", n,
                         timed([NABA, "batch", str(work / "in"), "--db", str(work / "ray.db"),
                                "--quiet", "--ray"])))
            rows.append(("  of which starting and stopping a local Ray", 0,
                         timed([sys.executable, "-c", "import ray; ray.init(num_cpus=2, "
                                "include_dashboard=False, log_to_driver=False); ray.shutdown()"]
                               )))
        size = store_size(work / "w2.db")
        text = sum(p.stat().st_size for p in paths)
        if args.consult:
            few = work / "few"
            few.mkdir()
            # The shortest seeds: each model call costs seconds.
            for p in sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)[:args.consult]:
                shutil.copy(p, few)
                shutil.copy(p.with_suffix(".json"), few)
            rows.append(("naba batch --consult (default 1.5B model, 1 process)", args.consult,
                         timed([NABA, "batch", str(few), "--db", str(work / "consult.db"),
                                "--quiet", "--consult"])))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| run | articles | seconds | articles/s |\n| --- | ---: | ---: | ---: |")
    for name, count, seconds in rows:
        rate = f"{count / seconds:.2f}" if count else ""
        print(f"| {name} | {count or ''} | {seconds:.1f} | {rate} |")
    print(f"\nstore: {size / 1e6:.2f} MB for {n} articles = {size / n * 1000 / 1e6:.1f} MB per "
          f"1,000 articles (their text alone: {text / n * 1000 / 1e6:.1f} MB per 1,000)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
