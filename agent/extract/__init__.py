"""Extraction: one Arabic article in, grounded facts out (numbers, dates, places, actors,
statements, casualties, events, and the pipeline that joins them)."""

from agent.extract.pipeline import decode_article, extract, read_article, to_json, write_atomic

__all__ = ["decode_article", "extract", "read_article", "to_json", "write_atomic"]
