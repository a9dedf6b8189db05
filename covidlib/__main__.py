"""Command line: ``python -m covidlib extract INPUT --out DIR`` and ``python -m covidlib report``."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import config
from .run.cache import ResultCache
from .run.dask_engine import run_dask
from .run.pipeline import iter_results, write_results
from .tables import codebook_markdown


def _extract(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    cache = None if args.no_cache else ResultCache(args.cache or Path(args.out) / ".cache")
    if args.engine == "dask":
        summary = run_dask(args.inputs, out_dir=args.out, scheduler=args.scheduler, workers=args.workers,
                           progress=not args.quiet, cache=cache)
    else:
        results = iter_results(args.inputs, workers=args.workers, progress=not args.quiet, cache=cache)
        summary = write_results(results, args.out)
    elapsed = time.perf_counter() - started
    cached = f"; cache: {cache.hits} reused, {cache.misses} new" if cache is not None else ""
    print(f"{summary.inputs_text()} -> {args.out} in {elapsed:.1f}s; {summary.tables_text()}{cached}")
    for row in summary.problems:
        record = "" if row["record"] is None else f"#{row['record']}"
        print(f"  {row['status']}: {row['file']}{record} — {row['reason']}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .show.report import build_reports  # needs the notebook extras (nbclient, nbconvert): imported on demand

    for path in build_reports(out_dir=Path(args.out), only=args.only):
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    parser = argparse.ArgumentParser(prog="python -m covidlib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="load, clean and extract facts; write the tables (CSV + Parquet)")
    ext.add_argument("inputs", nargs="+", help="folders or files (.txt, .html, .htm, .json, .jsonl, each also as .gz)")
    ext.add_argument("--out", default=str(config.PROCESSED_DIR), help="output folder (default data/processed)")
    ext.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    ext.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes or Dask")
    ext.add_argument("--scheduler", default=None, help="Dask scheduler address (default: a local cluster)")
    ext.add_argument("--cache", default=None, help="result cache folder (default OUT/.cache)")
    ext.add_argument("--no-cache", action="store_true", help="process every page even if cached")
    ext.add_argument("--quiet", action="store_true", help="no progress bar")
    ext.set_defaults(func=_extract)

    rep = sub.add_parser("report", help="run the notebooks and write HTML reports")
    rep.add_argument("--out", default=str(config.REPORTS_DIR), help="report folder (default reports/)")
    rep.add_argument("--only", nargs="*", help="notebook numbers or names to run (default: all)")
    rep.set_defaults(func=_report)

    cb = sub.add_parser("codebook", help="print the codebook as Markdown (the text of docs/codebook.md)")
    cb.set_defaults(func=lambda _args: print(codebook_markdown(), end="") or 0)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
