"""Writing the tables: UTF-8 CSV and Parquet, chunk by chunk, in the codebook's order, and reading them back.

:func:`write_tables` writes UTF-8 CSV and Parquet that are identical from one run to
the next on the same input. :class:`TableWriter` and :class:`SpooledTables` write the
same files chunk by chunk, so a corpus of any size is written in flat memory. In the
CSV files, text a spreadsheet would run as a formula is escaped (:func:`csv_safe`).
"""
from __future__ import annotations

import heapq
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..tables import CODEBOOK, SORT_KEYS, TABLES, codebook_frame, frame, is_missing

__all__ = ["write_tables", "write_codebook", "read_tables", "TableWriter", "SpooledTables", "merge_sorted", "sort_key",
           "iter_rows", "parquet_schema", "write_parquet", "ROW_GROUP_ROWS", "LONG_TEXT_ROWS", "row_group_rows", "csv_safe", "FORMULA_START"]


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write each table as ``<name>.csv`` (UTF-8) and ``<name>.parquet``, plus ``codebook.csv``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, df in tables.items():
        with TableWriter(name, out, schema=None if name in CODEBOOK else _schema_of(df)) as writer:
            writer.write(df)
        written += writer.paths
    return written + [write_codebook(out)]


def write_codebook(out_dir: str | Path) -> Path:
    """Write ``codebook.csv`` into ``out_dir`` and return its path."""
    path = Path(out_dir) / "codebook.csv"
    codebook_frame().to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


# --- the writing path: chunked, so a table never has to be in memory at once -------

ROW_GROUP_ROWS = 8_192  # rows per Parquet row group, whatever the chunks the rows arrive in
#: Tables with long text in every row (an article body, a summary and two narratives) write smaller row
#: groups: a row group is held in memory until it is full, and 65,536 bodies are hundreds of MB.
LONG_TEXT_ROWS = {"articles": 2_048, "summaries": 4_096}


def row_group_rows(table: str) -> int:
    """Return the rows per Parquet row group of ``table``."""
    return min(ROW_GROUP_ROWS, LONG_TEXT_ROWS.get(table, ROW_GROUP_ROWS))
_PARQUET_OPTIONS = {"compression": "zstd"}


def _schema_of(df: pd.DataFrame) -> pa.Schema:
    return pa.Schema.from_pandas(df, preserve_index=False)


@lru_cache(maxsize=None)
def parquet_schema(table: str) -> pa.Schema:
    """Return the Arrow schema (with pandas dtypes in its metadata) every Parquet file of ``table`` is written with."""
    return _schema_of(frame(table, []))


def write_parquet(df: pd.DataFrame, path: str | Path, *, table: str) -> Path:
    """Write ``df`` (rows of ``table`` in codebook dtypes) to one Parquet file, as :class:`TableWriter` does."""
    path = Path(path)
    writer = _ParquetChunks(path, parquet_schema(table), row_group_rows(table))
    writer.write(df)
    writer.close()
    return path


class _ParquetChunks:
    """A Parquet file written in row groups of exactly ``group_rows`` rows, whatever the input chunks."""

    def __init__(self, path: Path, schema: pa.Schema, group_rows: int = ROW_GROUP_ROWS) -> None:
        self.path = path
        self.schema = schema
        self.group_rows = group_rows
        self._writer = pq.ParquetWriter(path, schema, **_PARQUET_OPTIONS)
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._groups = 0

    def write(self, df: pd.DataFrame) -> None:
        self._pending.append(pa.Table.from_pandas(df, schema=self.schema, preserve_index=False))
        self._pending_rows += len(df)
        while self._pending_rows >= self.group_rows:
            self._flush(self.group_rows)

    def _flush(self, n_rows: int) -> None:
        table = pa.concat_tables(self._pending).combine_chunks()
        self._writer.write_table(table.slice(0, n_rows), row_group_size=self.group_rows)
        rest = table.slice(n_rows)
        self._pending, self._pending_rows = ([rest] if rest.num_rows else []), rest.num_rows
        self._groups += 1

    def close(self) -> None:
        if self._pending_rows or not self._groups:
            self._pending.append(self.schema.empty_table())
            self._flush(self._pending_rows)
        self._writer.close()


#: A text cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection").
FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with every text cell that a spreadsheet would run as a formula escaped with a leading single quote.

    Following OWASP's guidance on CSV injection, cells starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return get a ``'`` in front, so Excel and
    LibreOffice show them as text; the Parquet files keep the true text.
    """
    escaped = None
    for name, column in df.items():
        if column.dtype == "string":
            risky = column.str.match(FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                escaped = df.copy() if escaped is None else escaped
                escaped[name] = column.mask(risky, "'" + column)
    return df if escaped is None else escaped


class TableWriter:
    """Write one table to ``<table>.csv`` and ``<table>.parquet`` in ``out_dir``, chunk by chunk.

    Chunks must arrive in the table's final row order (codebook dtypes); the files are
    the same bytes whatever the chunk sizes, and appear under their names only on
    :meth:`close`. With ``parquet=False`` only the CSV file is written.
    """

    def __init__(self, table: str, out_dir: str | Path, *, schema: pa.Schema | None = None, parquet: bool = True) -> None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        self.table = table
        self.paths = [out / f"{table}.csv"] + ([out / f"{table}.parquet"] if parquet else [])
        self._tmp = [path.with_name(f".{path.name}.partial") for path in self.paths]
        self._csv = self._tmp[0].open("w", encoding="utf-8", newline="")
        self._schema = schema or parquet_schema(table)
        self._parquet = _ParquetChunks(self._tmp[1], self._schema, row_group_rows(table)) if parquet else None
        self._header = True
        self.rows = 0

    def write(self, df: pd.DataFrame) -> None:
        """Append the rows of ``df``."""
        if df.empty and not self._header:
            return
        csv_safe(df).to_csv(self._csv, index=False, header=self._header, lineterminator="\n")
        self._header = False
        if self._parquet is not None:
            self._parquet.write(df)
        self.rows += len(df)

    def close(self) -> None:
        """Finish both files and give them their names."""
        if self._header:
            self.write(frame(self.table, []) if self.table in CODEBOOK else self._schema.empty_table().to_pandas())
        self._csv.close()
        if self._parquet is not None:
            self._parquet.close()
        for tmp, path in zip(self._tmp, self.paths):
            tmp.replace(path)

    def detach_parquet(self, path: Path) -> Path:
        """Stop writing: finish the Parquet file so far under ``path`` (a run to merge), drop the CSV file."""
        self._parquet.close()
        self._tmp[1].replace(path)
        self._csv.close()
        self._tmp[0].unlink(missing_ok=True)
        return path

    def abandon(self) -> None:
        """Stop writing and remove the unfinished files."""
        self._csv.close()
        if self._parquet is not None:
            self._parquet.close()
        for tmp in self._tmp:
            tmp.unlink(missing_ok=True)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, kind, *_exc) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()


def sort_key(table: str) -> Callable[[Mapping[str, Any]], tuple]:
    """Return a key on row dicts that orders rows as :func:`frame` does (missing values first)."""
    keys = SORT_KEYS[table]

    def key(row: Mapping[str, Any]) -> tuple:
        return tuple((0,) if is_missing(row.get(k)) else (1, row[k]) for k in keys)

    return key


def iter_rows(path: str | Path, *, batch_rows: int = 256) -> Iterator[dict[str, Any]]:
    """Yield the rows of a Parquet file as dicts, a batch at a time."""
    with pq.ParquetFile(path) as handle:
        for batch in handle.iter_batches(batch_size=batch_rows):
            yield from batch.to_pylist()


def merge_sorted(table: str, runs: Sequence[str | Path], *, chunk_rows: int = 8192) -> Iterator[pd.DataFrame]:
    """Yield the rows of ``runs`` (Parquet files, each sorted as :func:`frame` sorts) in one sorted order, in chunks.

    Rows that tie come in the order of ``runs``, so merging runs cut from an input in
    order gives exactly what :func:`frame` gives on the whole input.
    """
    chunk: list[dict[str, Any]] = []
    for row in heapq.merge(*(iter_rows(run) for run in runs), key=sort_key(table)):
        chunk.append(row)
        if len(chunk) >= chunk_rows:
            yield frame(table, chunk)
            chunk = []
    if chunk:
        yield frame(table, chunk)


class SpooledTables:
    """Tables written from rows that arrive in input order, keeping at most ``spill_rows`` rows in memory.

    Rows are buffered per table; when the buffers hold ``spill_rows`` rows they are
    sorted and, while each chunk sorts after the rows before it (the usual case: input
    order is article order), appended to the final files at once. When a chunk would
    sort before rows already written, the table falls back to sorted run files that
    :meth:`close` merges into the final CSV and Parquet files. Either way the files are
    the same bytes :func:`write_tables` writes for ``frame(table, all rows)``: a corpus of
    any size is written in flat memory, and mostly while it is being processed.
    """

    MAX_RUNS = 32  # runs merged at once; more are first merged into bigger runs

    def __init__(self, out_dir: str | Path, *, spill_rows: int = 5_000) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.spill_rows = spill_rows
        self.rows = {table: 0 for table in TABLES}
        self._buffers: dict[str, list[Mapping[str, Any]]] = {table: [] for table in TABLES}
        self._buffered = 0
        self._runs: dict[str, list[Path]] = {table: [] for table in TABLES}
        self._writers: dict[str, TableWriter] = {}  # tables still written in order, straight to their files
        self._last: dict[str, tuple] = {}  # sort key of the last row written there
        self._spool: tempfile.TemporaryDirectory | None = None
        self._n_runs = 0

    def add(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Append ``rows`` (dicts in the codebook's columns) to ``table``."""
        buffer = self._buffers[table]
        before = len(buffer)
        buffer.extend(rows)
        self._buffered += len(buffer) - before
        self.rows[table] += len(buffer) - before
        if self._buffered >= self.spill_rows:
            self._spill()

    def _run_path(self, table: str) -> Path:
        if self._spool is None:
            self._spool = tempfile.TemporaryDirectory(prefix=".spool-", dir=self.out)
        self._n_runs += 1
        return Path(self._spool.name) / f"{table}-{self._n_runs:06d}.parquet"

    def _spill(self) -> None:
        for table, buffer in self._buffers.items():
            if buffer:
                self._write_chunk(table, frame(table, buffer))
                self._buffers[table] = []
        self._buffered = 0

    def _write_chunk(self, table: str, df: pd.DataFrame) -> None:
        """Append a sorted chunk to the table's files if it sorts after what they hold, else to a new run."""
        key = sort_key(table)
        in_order = not self._runs[table] and (table not in self._last or key(_row_at(df, 0)) >= self._last[table])
        if in_order:
            if table not in self._writers:
                self._writers[table] = TableWriter(table, self.out)
            self._writers[table].write(df)
            self._last[table] = key(_row_at(df, -1))
            return
        if table in self._writers:  # what was written in order becomes the first run
            self._runs[table].append(self._writers.pop(table).detach_parquet(self._run_path(table)))
        path = self._run_path(table)
        pq.write_table(pa.Table.from_pandas(df, schema=parquet_schema(table), preserve_index=False), path,
                       compression="none")
        self._runs[table].append(path)

    def _merge_runs(self, table: str) -> list[Path]:
        """Merge consecutive runs into bigger ones until at most :attr:`MAX_RUNS` are left; return them in order."""
        runs = self._runs[table]
        while len(runs) > self.MAX_RUNS:
            runs = [self._merge_group(table, runs[i:i + self.MAX_RUNS]) for i in range(0, len(runs), self.MAX_RUNS)]
        self._runs[table] = runs
        return runs

    def _merge_group(self, table: str, group: list[Path]) -> Path:
        path = self._run_path(table)
        schema = parquet_schema(table)
        with pq.ParquetWriter(path, schema, compression="none") as writer:
            for df in merge_sorted(table, group):
                writer.write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False))
        for run in group:
            run.unlink()
        return path

    def close(self) -> list[Path]:
        """Write every table's files and ``codebook.csv``; return their paths."""
        written: list[Path] = []
        try:
            for table in TABLES:
                if self._buffers[table]:
                    self._write_chunk(table, frame(table, self._buffers[table]))
                    self._buffers[table] = []
                if table in self._writers:
                    writer = self._writers.pop(table)
                    writer.close()
                    written += writer.paths
                    continue
                with TableWriter(table, self.out) as writer:
                    for df in merge_sorted(table, self._merge_runs(table)):
                        writer.write(df)
                written += writer.paths
        finally:
            for writer in self._writers.values():
                writer.abandon()
            if self._spool is not None:
                self._spool.cleanup()
        return written + [write_codebook(self.out)]


def _row_at(df: pd.DataFrame, index: int) -> dict[str, Any]:
    """Row ``index`` of ``df`` as a dict, missing values as None (what :func:`sort_key` reads)."""
    return {name: (None if is_missing(value) else value) for name, value in df.iloc[index].items()}


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read back the tables of an ``extract`` run (``<name>.parquet``, written by either engine); missing tables are left out."""
    out = Path(out_dir)
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES if (out / f"{name}.parquet").is_file()}
