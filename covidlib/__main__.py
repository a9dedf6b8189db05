"""Command line: ``python -m covidlib extract INPUT --out DIR`` and ``python -m covidlib report``."""
from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import config
from .io import DEFAULT_MAX_BYTES
from .run.cache import ResultCache
from .run.dask_engine import run_dask
from .run.outputs import OutputFolder, UserError, check_inputs
from .run.pipeline import iter_results, write_results
from .tables import codebook_markdown

_STOPPED = "stopped after {n} pages; run again to resume"
_STOPPED_UNCACHED = "stopped after {n} pages; run again (without --no-cache, a next stop can resume)"


class _Counter:
    """Pages finished so far, for the line printed when a run is stopped."""

    def __init__(self) -> None:
        self.n = 0

    def count(self, results: Iterable[Any]) -> Iterator[Any]:
        for result in results:
            self.n += 1
            yield result


def _extract(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    inputs = check_inputs(args.inputs)
    output = OutputFolder(Path(args.out))
    counter = _Counter()
    cache = None
    try:
        with output as work:
            cache = None if args.no_cache else ResultCache(args.cache or output.out / ".cache")
            if args.engine == "dask":
                summary = run_dask(inputs, out_dir=work, scheduler=args.scheduler, workers=args.workers,
                                   progress=not args.quiet, cache=cache, max_bytes=args.max_bytes)
            else:
                results = iter_results(inputs, workers=args.workers, progress=not args.quiet, cache=cache,
                                       max_bytes=args.max_bytes)
                summary = write_results(counter.count(results), work)
            output.commit()
    except KeyboardInterrupt:
        print(_STOPPED.format(n=counter.n) if cache is not None else _STOPPED_UNCACHED.format(n=counter.n), file=sys.stderr)
        return 130
    elapsed = time.perf_counter() - started
    cached = f"; cache: {cache.hits} reused, {cache.misses} new" if cache is not None else ""
    print(f"{summary.inputs_text()} -> {output.out} in {elapsed:.1f}s; {summary.tables_text()}{cached}")
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
    ext.add_argument("--workers", type=_positive, default=None, help="worker processes (default: all cores)")
    ext.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes or Dask")
    ext.add_argument("--scheduler", default=None, help="Dask scheduler address (default: a local cluster)")
    ext.add_argument("--cache", default=None, help="result cache folder (default OUT/.cache)")
    ext.add_argument("--no-cache", action="store_true", help="process every page even if cached")
    ext.add_argument("--quiet", action="store_true", help="no progress bar")
    ext.add_argument("--max-mb", dest="max_bytes", type=_megabytes, default=DEFAULT_MAX_BYTES,
                     help=f"largest page or record read, in MB of text after decompression (default {DEFAULT_MAX_BYTES // 1_000_000})")
    ext.set_defaults(func=_extract)

    rep = sub.add_parser("report", help="run the notebooks and write HTML reports")
    rep.add_argument("--out", default=str(config.REPORTS_DIR), help="report folder (default reports/)")
    rep.add_argument("--only", nargs="*", help="notebook numbers or names to run (default: all)")
    rep.set_defaults(func=_report)

    cb = sub.add_parser("codebook", help="print the codebook as Markdown (the text of docs/codebook.md)")
    cb.set_defaults(func=lambda _args: print(codebook_markdown(), end="") or 0)

    for command in (ext, rep, cb):
        command.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    args = parser.parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops a run as Ctrl-C does
    try:
        return args.func(args)
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except Exception as err:  # one line for the user; the traceback behind --debug
        if args.debug:
            traceback.print_exc()
        else:
            print(f"error: {type(err).__name__}: {err} (run again with --debug for the traceback)", file=sys.stderr)
        return 1


def _positive(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _megabytes(text: str) -> int:
    """An argparse type: a size in MB (a positive number), returned in bytes."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return int(value * 1_000_000)


if __name__ == "__main__":
    sys.exit(main())
