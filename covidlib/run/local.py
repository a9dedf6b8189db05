"""Engines that run the per-article work: local processes (default) and Dask.

Both call the same pure function, :func:`covidlib.run.pipeline.process_page`; nothing
about engines leaks into the extractors. The local engine streams pages through a
bounded window of worker processes, so memory stays flat in corpus size, and keeps
input order, so the tables are identical whatever the number of workers.
"""
from __future__ import annotations

import ctypes
import dataclasses
import hashlib
import json
import os
import pickle
import re
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from ..io.load import LoadedPage, LoadRecord
    from .pipeline import PageResult

__all__ = ["ResultCache", "library_version", "run_local", "default_workers", "limit_blas_threads"]

Item = tuple["LoadRecord", "LoadedPage | None"]


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=1)
def library_version() -> str:
    """Return covidlib's version plus a hash of its code and reference data (the cache key's version)."""
    from .. import __version__, config

    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    sources = sorted(package.rglob("*.py")) + sorted(p for p in config.REFERENCE_DIR.glob("*") if p.is_file())
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:12]}"


class ResultCache:
    """Page results on disk, keyed by content hash and library version.

    A page is looked up by the hash of its load-report row (file name, record number,
    article id, status...), text and hints under the current :func:`library_version`;
    a changed library version means a new folder, so old results are never reused.
    """

    def __init__(self, folder: str | Path, *, version: str | None = None) -> None:
        self.root = Path(folder)
        self.version = version or library_version()
        self.folder = self.root / self.version
        self.folder.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(record: "LoadRecord", page: "LoadedPage | None") -> str:
        digest = hashlib.sha256()
        # the whole report row: its article id and duplicate_of depend on the other inputs of the run
        digest.update(json.dumps(dataclasses.astuple(record), default=str).encode())
        if page is not None:
            digest.update(page.text.encode())
            digest.update(json.dumps(page.meta, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> "PageResult | None":
        path = self._path(key)
        if not path.exists():
            self.misses += 1
            return None
        self.hits += 1
        with path.open("rb") as handle:
            return pickle.load(handle)

    def put(self, key: str, result: "PageResult") -> None:
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)


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


def _one_blas_thread() -> None:
    limit_blas_threads(1)


def _process(item: Item) -> "PageResult":
    from .pipeline import process_page

    return process_page(*item)


def _process_batch(items: list[Item]) -> list["PageResult"]:
    return [_process(item) for item in items]


def _progress(total: int | None, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="page", desc="extract")


def run_local(
    items: Iterable[Item], *, workers: int | None = 1, progress: bool = False,
    cache: ResultCache | None = None, window: int = 64, batch: int = 8,
) -> Iterator["PageResult"]:
    """Yield results for ``items`` in input order, using ``workers`` processes (``None`` = all cores).

    Pages go to the workers ``batch`` at a time (one task per page costs more in
    hand-over than a small page takes to process); at most ``window`` pages are in
    flight, so memory stays flat.
    """
    workers = default_workers() if not workers else max(1, workers)
    bar = _progress(None, progress)
    # each entry: [cache key, result | (future, index in its batch) | None while its batch is being filled]
    pending: deque[list[Any]] = deque()
    filling: list[tuple[list[Any], Item]] = []
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_one_blas_thread) if workers > 1 else None

    def submit() -> None:
        if filling:
            future = executor.submit(_process_batch, [item for _, item in filling])
            for index, (entry, _) in enumerate(filling):
                entry[1] = (future, index)
            filling.clear()

    def finish(entry: list[Any]) -> "PageResult":
        key, value = entry
        if value is None:
            submit()
            value = entry[1]
        result = value[0].result()[value[1]] if isinstance(value, tuple) else value
        if cache is not None and key is not None:
            cache.put(key, result)
        if bar is not None:
            bar.update(1)
        return result

    restore_blas = limit_blas_threads(1) if executor is None else None  # the pages are processed here
    try:
        for item in items:
            key = cached = None
            if cache is not None:
                key = cache.key(*item)
                cached = cache.get(key)
            if cached is not None:
                pending.append([None, cached])
            elif executor is None:
                pending.append([key, _process(item)])
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
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if restore_blas is not None:
            restore_blas()
        if bar is not None:
            bar.close()
