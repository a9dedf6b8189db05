"""The extraction stage: facts of an :class:`~covidlib.document.Article`, each a span of its body.

What it does: finds places (:mod:`.places`, the one province matcher, and the article's home
province), officials (:mod:`.officials`), typed case counts (:mod:`.case_counts`, with its
lexicons, metric and place readers in the ``count_*`` modules, and the page-level figure model of
:mod:`.figures`: period, scope and parts) and prevention measures (:mod:`.measures`), and turns
the spans into table rows. An extractor
names what it needs: ``extract_officials(article, places=...)`` and
``extract_case_counts(article, places=...)`` take the place spans; none runs another silently.

Hands over: Article -> spans (:class:`~covidlib.document.Span` with their data) -> rows of the
``places``, ``officials``, ``case_counts`` tables.

May import: the base modules, ``reference/``, ``io/``, ``parse/`` and ``text/``.
"""
