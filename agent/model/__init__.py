"""The model: a small LLM protocol, the llama.cpp runtime with the default model's assembly,
prompt templates, and enumerated choices under a grammar."""
