"""Many articles at once: `naba batch` into one SQLite store, `naba export`, and questions across
the stored articles (`naba ask --db`), answered by code with a citation for every figure.
"""
