"""The analysis stage: the tables of a corpus compared and checked.

What it does: compares case counts across provinces, against their districts and against the
official series, groups them to the provinces of 2025 (:mod:`.compare`), and checks tables for
impossible values (:mod:`.validate`).

Hands over: tables -> frames (comparisons, validation problems).

May import: the base modules and every stage below ``run/`` (``reference/`` to ``write/``).
"""
