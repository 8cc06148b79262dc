"""Pure-Python statistics cores for Ilmiö (no Django imports here).

- :mod:`ilmio.stats.suppression` — the one small-number rule (primary + complementary
  suppression) that every published aggregate passes through.
- :mod:`ilmio.stats.signals` — emerging-phenomenon detection on monthly report counts.
- :mod:`ilmio.stats.register` — register-extract aggregation with DuckDB and declarative,
  portable indicator SQL.
"""
