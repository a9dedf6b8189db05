"""The writing stage: summaries and narratives of one article, from its spans and rows.

What it does: chooses the sentences of an extractive summary (:mod:`.summarize`, from the
pipeline's place spans and fact rows), writes Vietnamese and English narratives that only
state what the body says (:mod:`.narrate`), and assembles the ``summaries`` row
(:mod:`.summaries`).

Hands over: spans and rows -> rows of the ``summaries`` table (and corpus narratives).

May import: the base modules, ``reference/``, ``io/``, ``parse/``, ``text/`` and ``extract/``.
"""
