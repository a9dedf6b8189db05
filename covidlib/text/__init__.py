"""The text stage: a loaded page to an :class:`~covidlib.document.Article`.

What it does: recognises single lines (date lines, bylines, credits, site tags:
:mod:`.lines`, with the furniture marker data in :mod:`.markers`), classifies a page's
lines by shape (:mod:`.line_kinds`), separates the article from its page furniture
(:mod:`.clean`), reads its metadata (:mod:`.metadata`), splits sentences
(:mod:`.sentences`) and builds the Article (:mod:`.article`).

Hands over: :class:`~covidlib.io.load.LoadedPage` text -> :class:`~covidlib.document.Article`
(body, paragraphs, sentences, furniture, metadata).

May import: the base modules, ``reference/``, ``io/`` and ``parse/``.
"""
