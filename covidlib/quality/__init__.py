"""The quality stage: the extraction scored against gold annotations.

What it does: loads gold records, cuts articles at the gold body bounds, and scores places,
officials and case counts (precision, recall, F1) from given tables (:mod:`.evaluate`).

Hands over: tables and gold records -> scores (frames).

May import: the base modules and every stage below it, ``run/`` included.
"""
