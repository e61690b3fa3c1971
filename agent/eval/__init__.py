"""Evaluation: scoring against the hand-checked truth, golden recordings, and the benchmark."""
