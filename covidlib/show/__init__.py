"""The showing stage: frames to figures, views and reports (needs matplotlib).

What it does: plots the comparisons and a province map (:mod:`.plots`), shows an article with
its facts marked (:mod:`.views`) and builds the reports (:mod:`.report`). Not imported by
``import covidlib``.

Hands over: frames -> figures (matplotlib), HTML views and report files.

May import: the base modules and every stage below it, ``run/`` included.
"""
