"""Evaluation: scoring against the hand-checked truth, golden recordings, and the benchmark."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: seeds/, tests/truth/, BENCHMARKS.md
