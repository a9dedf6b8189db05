"""The Dask engine: the same per-article work on a Dask cluster, written as partitioned Parquet.

``python -m covidlib extract INPUT --out DIR --engine dask [--scheduler ADDRESS]`` runs
:func:`covidlib.run.pipeline.process_page` on every page, on a ``distributed.LocalCluster``
(one single-threaded worker process per core) or on the cluster at ``ADDRESS``.

The input is cut into partitions of whole files, listed by the loader
(:func:`covidlib.io.files.input_files`), so every file keeps the name, and every article
the id, that the local engine gives it (ids are unique across inputs and travel with
each file); each worker reads its files itself (:func:`covidlib.io.load.iter_file`).
Results stay on the workers. The client takes the partitions in input order and
decides which pages repeat an earlier one, exactly as the local engine does (the
loader's check on the page text first, then the check on the cleaned body); then the
worker holding the partition writes ``DIR/<table>/part-NNNNN.parquet`` without the
repeated articles. Last, the client merges the sorted parts into ``DIR/<table>.csv``
and ``DIR/<table>.parquet``, the same files the local engine writes, removes the
parts and writes ``codebook.csv``. On a real
cluster ``DIR`` and the input must be on a file system every worker sees, and covidlib
must be installed on the workers. Workers started by Dask nannies run numpy's matrix
products on one thread (Dask's default ``distributed.nanny.pre-spawn-environ``), as
the local engine's workers do.
"""
from __future__ import annotations

import logging
import math
import os
import shutil
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from .cache import ResultCache
from ..io import DEFAULT_MAX_BYTES, DuplicateIndex, InputFile, input_files, iter_file
from .local import default_workers, die_with_parent, progress_bar
from .pipeline import WriteSummary, drop_duplicate, process_page
from .results import PageResult
from ..tables import TABLES, frame
from .writers import TableWriter, merge_sorted, write_codebook, write_parquet

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["run_dask", "partition_files", "PART_PATTERN"]

PART_PATTERN = "part-*.parquet"
_REPEATED_PAGE = "duplicate"  # the loader's reason for a page whose text was seen before
_MAX_FILES_PER_PARTITION = 500
_SOME_FACTS: dict[str, list[dict[str, Any]]] = {"articles": []}


@dataclass
class _Partition:
    """The results of one partition's pages, in input order, with each page's text fingerprint (None if not loaded)."""

    results: list[PageResult]
    page_keys: list[str | None]
    reused: int = 0  # pages whose results came from the cache
    processed: int = 0  # pages processed here (and put in the cache, if there is one)


def partition_files(files: Sequence[InputFile], *, n_workers: int, files_per_partition: int | None = None) -> list[list[InputFile]]:
    """Cut ``files`` (in input order) into runs of consecutive files, about four per worker, at most 500 files each."""
    size = files_per_partition or min(_MAX_FILES_PER_PARTITION, max(1, math.ceil(len(files) / (4 * n_workers))))
    return [list(files[i:i + size]) for i in range(0, len(files), size)]


# --- on the workers -------------------------------------------------------------------

class _KeyRecorder(DuplicateIndex):
    """The loader's duplicate index, remembering the key of the last page it checked."""

    last_key: str | None = None

    def check(self, key: str, article_id: str) -> str | None:
        self.last_key = key
        return super().check(key, article_id)


def _process_partition(files: Sequence[InputFile], cache_folder: str | None = None,
                       version: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> _Partition:
    """Load and process every page of ``files``, noting the key of each page's text.

    Pages the loader finds repeated within the partition are not processed; pages that
    repeat one of another partition are, and the client drops them. With ``cache_folder``
    (on a file system every worker sees) results are looked up and stored as the local
    engine does, under the client's library ``version``.
    """
    cache = ResultCache(cache_folder, version=version) if cache_folder else None
    seen = _KeyRecorder()
    partition = _Partition([], [])
    for item in files:
        pairs = ([(item.problem, None)] if item.problem is not None
                 else iter_file(item.path, item.file, base_id=item.base_id, duplicates=seen, max_bytes=max_bytes))
        for record, page in pairs:
            partition.page_keys.append(seen.last_key)  # None when the page never reached the check
            seen.last_key = None
            key = cache.key(record, page) if cache is not None else None
            result = cache.get(key) if cache is not None else None
            if result is None:
                result = process_page(record, page)
                partition.processed += 1
                if cache is not None:
                    cache.put(key, result)
            else:
                partition.reused += 1
            partition.results.append(result)
    return partition


def _page_index(partition: _Partition) -> tuple[list[tuple[dict[str, Any], str | None, str | None]], int, int]:
    """Return what the client needs to find repeated pages, (load row, text key, body key) per page, and the cache counts."""
    index = [(result.load, key, result.fingerprint) for result, key in zip(partition.results, partition.page_keys)]
    return index, partition.reused, partition.processed


def _write_partition(partition: _Partition, number: int, load_rows: list[dict[str, Any]], keep: list[bool],
                     out_dir: str) -> dict[str, int]:
    """Write this partition's part of every table (the kept pages' rows); return rows written per table."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    rows["load_report"] = load_rows
    for result, kept in zip(partition.results, keep):
        if kept:
            for table, table_rows in result.rows.items():
                rows[table].extend(table_rows)
    for table, table_rows in rows.items():
        write_parquet(frame(table, table_rows), _part_path(out_dir, table, number), table=table)
    return {table: len(table_rows) for table, table_rows in rows.items()}


def _part_path(out_dir: str | Path, table: str, number: int) -> Path:
    return Path(out_dir) / table / f"part-{number:05d}.parquet"


# --- on the client --------------------------------------------------------------------

class _Repeats:
    """Decide, page by page in input order, which pages repeat an earlier one (text first, then body)."""

    def __init__(self) -> None:
        self.texts = DuplicateIndex()
        self.bodies = DuplicateIndex()

    def resolve(self, index: list[tuple[dict[str, Any], str | None, str | None]]) -> tuple[list[dict[str, Any]], list[bool]]:
        """Return the final load rows of one partition's pages and whether each page's facts are kept."""
        load_rows, keep = [], []
        for load, text_key, body_key in index:
            first = self.texts.check(text_key, load["article_id"]) if text_key is not None else None
            if first is not None:
                load_rows.append({**load, "status": "skipped", "reason": _REPEATED_PAGE, "duplicate_of": first})
                keep.append(False)
                continue
            row, facts = drop_duplicate(PageResult(load, _SOME_FACTS, body_key), self.bodies)
            load_rows.append(row)
            keep.append(bool(facts))  # a repeated body comes back without its facts
        return load_rows, keep


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator["Client"]:
    """Yield a client of the cluster at ``scheduler``, or of a new local cluster of single-threaded worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n_workers = workers or default_workers()
    with _quiet_logs(), LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                                     silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        # the nannies live in this process; their worker processes die with it, even after kill -9
        client.run(die_with_parent)
        yield client


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """Keep the local cluster's start-up and shut-down messages out of the output (errors still show)."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.ERROR)  # needed when another library has configured the root logger
    try:
        yield
    finally:
        logger.setLevel(level)


def _prepare_parts(out: Path) -> None:
    """Create ``out/<table>/`` for every table and remove the parts of an earlier run."""
    for table in TABLES:
        (out / table).mkdir(parents=True, exist_ok=True)
        for old in (out / table).glob(PART_PATTERN):
            old.unlink()


def _run(client: "Client", partitions: list[list[InputFile]], out: Path, *, window: int, progress: bool,
         cache: ResultCache | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> WriteSummary:
    """Process ``partitions`` on the cluster, at most ``window`` at a time; return what was written.

    Partitions are taken in input order: once the pages before a partition are known,
    its repeated pages are known, and the worker holding its results writes its parts.
    """
    bar = progress_bar(len(partitions), progress, unit="partition", desc="extract (dask)")
    repeats = _Repeats()
    summary = WriteSummary()
    counts: Counter[str] = Counter({table: 0 for table in TABLES})
    pending: deque[tuple[int, Any, Any]] = deque()
    writes: list[Any] = []

    def write_first() -> None:
        nonlocal writes
        number, done, index = pending.popleft()
        pages, reused, processed = index.result()
        if cache is not None:
            cache.hits, cache.misses = cache.hits + reused, cache.misses + processed
        rows, keep = repeats.resolve(pages)
        for row in rows:
            summary.note(row)
        writes.append(client.submit(_write_partition, done, number, rows, keep, str(out), pure=False, priority=1))
        writes = _collect_counts(writes, counts)
        if bar is not None:
            bar.update(1)

    for number, files in enumerate(partitions):
        done = client.submit(_process_partition, files, str(cache.root) if cache else None,
                             cache.version if cache else None, max_bytes, pure=False)
        # priority: a small follow-up task that is ready goes before the worker's next partition
        pending.append((number, done, client.submit(_page_index, done, pure=False, priority=1)))
        while len(pending) >= window:
            write_first()
    while pending:
        write_first()
    _collect_counts(writes, counts, wait_all=True)
    if bar is not None:
        bar.close()
    return summary.finish({table: counts[table] for table in TABLES})


def _collect_counts(writes: list[Any], counts: Counter[str], *, wait_all: bool = False) -> list[Any]:
    """Add the row counts of finished writes (all of them if ``wait_all``); return the writes still running."""
    running = []
    for write in writes:
        if wait_all or write.done():
            counts.update(write.result())
        else:
            running.append(write)
    return running


def _write_tables(out: Path) -> None:
    """Write ``<table>.csv`` and ``<table>.parquet`` for every table by merging its sorted parts, then remove the parts.

    The files are the local engine's, so both engines leave one layout.
    """
    for table in TABLES:
        parts = sorted((out / table).glob(PART_PATTERN))
        with TableWriter(table, out) as writer:
            for df in merge_sorted(table, parts):
                writer.write(df)
        shutil.rmtree(out / table)
    write_codebook(out)


def run_dask(
    inputs: Any, *, out_dir: str | Path, scheduler: str | None = None, workers: int | None = None,
    files_per_partition: int | None = None, progress: bool = False, cache: ResultCache | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> WriteSummary:
    """Extract every table from ``inputs`` on a Dask cluster into ``out_dir`` (``<table>.csv`` and ``<table>.parquet``).

    ``scheduler`` is the address of a running cluster ("tcp://10.0.0.5:8786"); without
    it a local cluster of ``workers`` processes (default: all cores) is started and
    stopped. With ``cache`` (its folder on a file system every worker sees), the workers
    reuse and store page results as the local engine does, and its ``hits``/``misses``
    count them. Returns what was written, as :func:`covidlib.run.pipeline.write_results` does.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _prepare_parts(out)
    files = [replace(item, path=Path(os.path.abspath(item.path))) for item in input_files(inputs)]
    with _client(scheduler, workers) as client:
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        partitions = partition_files(files, n_workers=n_workers, files_per_partition=files_per_partition)
        summary = _run(client, partitions, out, window=2 * n_workers + 1, progress=progress, cache=cache,
                       max_bytes=max_bytes)
    _write_tables(out)
    return summary
