"""The local engine: runs the per-page work in this process or in a pool of local worker processes.

The work is a function passed in (the pipeline passes
:func:`covidlib.run.pipeline.process_page`; the Dask engine of
:mod:`covidlib.run.dask_engine` runs the same one); nothing about engines leaks into
the extractors. The local engine streams pages through a
bounded window of worker processes, so memory stays flat in corpus size, and keeps
input order, so the tables are identical whatever the number of workers.
"""
from __future__ import annotations

import ctypes
import gc
import os
import re
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tqdm.auto import tqdm

from ..io import LoadedPage, LoadRecord
from .cache import ResultCache
from .results import PageResult

__all__ = ["run_local", "default_workers", "limit_blas_threads", "progress_bar", "die_with_parent", "fewer_collections", "GC_THRESHOLD", "Item", "Work"]

#: One unit of work: a load-report row and its page (None when the file could not be loaded).
Item = tuple[LoadRecord, "LoadedPage | None"]
#: The per-page work an engine runs: a picklable function of one item.
Work = Callable[[LoadRecord, "LoadedPage | None"], PageResult]


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


_OPENBLAS_LIBRARY = re.compile(r"(/\S*openblas\S*\.so[\w.-]*)")
_OPENBLAS_THREADS = ("scipy_openblas_{}_num_threads64_", "scipy_openblas_{}_num_threads", "openblas_{}_num_threads64_",
                     "openblas_{}_num_threads")


def _openblas_thread_controls() -> list[tuple[Callable[[], int], Callable[[int], None]]]:
    """Return (get, set) thread-count functions of each OpenBLAS library loaded in this process (none off Linux)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return []
    controls = []
    for path in sorted(set(_OPENBLAS_LIBRARY.findall(maps))):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for pattern in _OPENBLAS_THREADS:
            if hasattr(library, pattern.format("set")) and hasattr(library, pattern.format("get")):
                controls.append((getattr(library, pattern.format("get")), getattr(library, pattern.format("set"))))
                break
    return controls


def limit_blas_threads(n_threads: int) -> Callable[[], None]:
    """Run numpy's matrix products (OpenBLAS) on ``n_threads`` threads in this process; return a function that undoes it.

    The engines run one process per core, so a matrix product that spreads over every
    core from each process only makes the processes wait for each other (Dask's workers
    get the same setting from their nannies).
    """
    controls = _openblas_thread_controls()
    before = [get() for get, _set in controls]
    for _get, set_threads in controls:
        set_threads(n_threads)

    def restore() -> None:
        for (_get, set_threads), n in zip(controls, before):
            set_threads(n)

    return restore


_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h): a signal sent to this process when its parent dies


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel kill this process when ``parent`` (default: its parent now) ends, even by ``kill -9`` (Linux only)."""
    parent = os.getppid() if parent is None else parent
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)


#: Allocations between two collections of the youngest objects while pages are processed (Python's default is
#: 700). A page makes tens of thousands of short-lived objects and few reference cycles, so collecting every 700
#: allocations mostly scans objects that are about to be freed anyway; this saves about 4 % of a page's time.
GC_THRESHOLD = 10_000


def fewer_collections() -> Callable[[], None]:
    """Collect reference cycles every :data:`GC_THRESHOLD` allocations in this process; return a function that undoes it."""
    before = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *before[1:])
    return lambda: gc.set_threshold(*before)


def _start_worker(parent: int) -> None:
    """Set up a worker process: it dies with its parent, leaves Ctrl-C to it, runs OpenBLAS on one thread, collects less often."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    limit_blas_threads(1)
    gc.freeze()  # what the worker inherits from its parent lives to the end: never scan it again
    fewer_collections()


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """End the worker processes now, without waiting for the pages they are on (the run is being stopped)."""
    for process in list((executor._processes or {}).values()):  # noqa: SLF001 - no public way to end them at once
        if process.is_alive():
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)


def _process_batch(work: Work, items: list[Item]) -> list[PageResult]:
    return [work(*item) for item in items]


def progress_bar(total: int | None, enabled: bool, *, unit: str = "page", desc: str = "extract") -> tqdm | None:
    """Return a progress bar counting ``unit``s, or None when progress is not wanted."""
    if not enabled:
        return None
    return tqdm(total=total, unit=unit, desc=desc)


def run_local(
    items: Iterable[Item], work: Work, *, workers: int | None = 1, progress: bool = False,
    cache: ResultCache | None = None, window: int = 64, batch: int = 8, total: int | None = None,
) -> Iterator[PageResult]:
    """Yield ``work(record, page)`` for ``items`` in input order, using ``workers`` processes (``None`` = all cores).

    ``work`` must be a module-level function (it is sent to the worker processes).

    Pages go to the workers ``batch`` at a time (one task per page costs more in
    hand-over than a small page takes to process); at most ``window`` pages are in
    flight, so memory stays flat. The progress bar counts input files (a page, or the
    first record of a JSON file) against ``total``, and so shows the time left.

    Workers die with this process, even when it is killed with ``kill -9``; when the
    run is stopped (Ctrl-C, SIGTERM, or the caller stops reading) they are ended at once.
    """
    workers = default_workers() if not workers else max(1, workers)
    bar = progress_bar(total, progress, unit="file")
    # each entry: [cache key, result | (future, index in its batch) | None while its batch is being filled]
    pending: deque[list[Any]] = deque()
    filling: list[tuple[list[Any], Item]] = []
    executor = (ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),))
                if workers > 1 else None)
    finished = False

    def submit() -> None:
        if filling:
            future = executor.submit(_process_batch, work, [item for _, item in filling])
            for index, (entry, _) in enumerate(filling):
                entry[1] = (future, index)
            filling.clear()

    def finish(entry: list[Any]) -> PageResult:
        key, value = entry
        if value is None:
            submit()
            value = entry[1]
        result = value[0].result()[value[1]] if isinstance(value, tuple) else value
        if cache is not None and key is not None:
            cache.put(key, result)
        if bar is not None and result.load.get("record") in (None, 0, 1):
            bar.update(1)  # a new file (single pages have no record number; records count from 0 or 1)
        return result

    restore_blas = limit_blas_threads(1) if executor is None else None  # the pages are processed here
    restore_gc = fewer_collections() if executor is None else None
    try:
        for item in items:
            key = cached = None
            if cache is not None:
                key = cache.key(*item)
                cached = cache.get(key)
            if cached is not None:
                pending.append([None, cached])
            elif executor is None:
                pending.append([key, work(*item)])
            else:
                entry = [key, None]
                pending.append(entry)
                filling.append((entry, item))
                if len(filling) >= batch:
                    submit()
            while len(pending) > (window if executor else 0):
                yield finish(pending.popleft())
        while pending:
            yield finish(pending.popleft())
        finished = True
    finally:
        if executor is not None:
            if finished:
                executor.shutdown(cancel_futures=True)
            else:
                _stop_workers(executor)
        if restore_blas is not None:
            restore_blas()
        if restore_gc is not None:
            restore_gc()
        if bar is not None:
            bar.close()
