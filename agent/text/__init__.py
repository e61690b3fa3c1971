"""Text handling: Arabic normalization with a map back to the raw text, sentences, spans."""
