"""Naba: grounded fact extraction from Arabic news, and chat about the facts."""
