"""The run stage: input files to tables; the only stage that knows every other.

What it does: the per-page work (:mod:`.pipeline`: load, build the Article, extract, tabulate),
the local engine taking that work as an argument (:mod:`.local`), the result cache
(:mod:`.cache`, :mod:`.results`) and the Dask engine (:mod:`.dask_engine`, which imports
``distributed`` only when used).

Hands over: files -> rows and tables (pandas frames, CSV and Parquet files with the codebook).

May import: the base modules and every stage below it (``reference/`` to ``analysis/``).
"""
