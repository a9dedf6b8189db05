"""The reference stage: the tables of ``data/reference`` as lookups, each read once on first use.

What it does: reads every reference file, and only it does (one CSV reader, :mod:`.files`):
the gazetteer of the 63 provinces of 2008-2025 with their aliases and districts
(:mod:`.gazetteer`), the word lists of titles, family names and prevention measures
(:mod:`.lexicons`), the official province series (:mod:`.official`), the 2019 census
populations (:mod:`.population`) and the province boundaries for maps (:mod:`.boundaries`).
Every loader is a cached function: nothing is read at import time.

Hands over: lookups (:class:`~.gazetteer.Province`, :class:`~.gazetteer.District`, rows of the
word lists, the official series as a frame) to every stage above.

May import: only the base modules (``config``, ``normalize``); it is the lowest stage.
"""
