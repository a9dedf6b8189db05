"""The tidy tables the project writes, and their codebook.

Every table is one row per fact. :data:`CODEBOOK` names each table's columns with
their dtype and meaning; :func:`frame` builds a DataFrame in exactly that column
order and dtype, and :func:`write_tables` writes UTF-8 CSV and Parquet that are
identical from one run to the next on the same input. :class:`TableWriter` and
:class:`SpooledTables` write the same files chunk by chunk, so a corpus of any size
is written in flat memory.
"""
from __future__ import annotations

import heapq
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["CODEBOOK", "TABLES", "frame", "empty_tables", "write_tables", "write_codebook", "read_tables", "codebook_frame",
           "codebook_markdown", "TableWriter", "SpooledTables", "merge_sorted", "sort_key", "iter_rows",
           "parquet_schema", "write_parquet", "ROW_GROUP_ROWS"]

# table -> [(column, dtype, meaning)]
CODEBOOK: dict[str, list[tuple[str, str, str]]] = {
    "load_report": [
        ("file", "string", "input file, relative to the input folder it was found in"),
        ("record", "Int64", "record number inside a .jsonl/.json file (0-based); empty for single-page files"),
        ("article_id", "string", "stable id of the article: file stem, plus '#record' for records"),
        ("status", "string", "ok, skipped or failed"),
        ("reason", "string", "why a file was skipped or failed, or notes on an ok file, in plain words"),
        ("bytes", "Int64", "size of the file (or record) in bytes"),
        ("encoding", "string", "detected text encoding (utf-8, utf-16, windows-1258, ...)"),
        ("format", "string", "txt, html, json or jsonl"),
        ("duplicate_of", "string", "article_id of the first article with the same content, for duplicates"),
    ],
    "articles": [
        ("article_id", "string", "stable id of the article (joins every other table)"),
        ("file", "string", "input file the article came from"),
        ("title", "string", "the article's own title as written"),
        ("published", "string", "publish date and time, ISO 'YYYY-MM-DDTHH:MM' or 'YYYY-MM-DD'; empty when the page gives no year"),
        ("date_note", "string", "why published is empty, or what the date line really is"),
        ("author", "string", "author or byline name, without prefixes such as 'Tin, ảnh:'"),
        ("site", "string", "site tag the page gives ('TTH.VN', 'TUAG', 'Haiphong.gov.vn')"),
        ("home_province", "string", "province where the reported work happens (canonical 2008-2025 name)"),
        ("body", "string", "cleaned article body: paragraphs separated by a blank line; all offsets point here"),
        ("page_chars", "Int64", "length of the loaded page in characters, before cleaning"),
        ("n_sentences", "Int64", "number of sentences in the body"),
        ("n_furniture", "Int64", "number of page-furniture blocks removed by cleaning"),
        ("status", "string", "ok, or why the page yielded no usable article (no_body, ...)"),
    ],
    "places": [
        ("article_id", "string", "article the mentions are in"),
        ("province", "string", "canonical province name (63 units of 2008-2025)"),
        ("province_code", "string", "GSO 2-digit province code"),
        ("district", "string", "district name as in the district table; empty for the province itself"),
        ("mentions", "Int64", "number of mentions in the body"),
        ("first_start", "Int64", "body offset where the first mention starts"),
        ("first_end", "Int64", "body offset where the first mention ends"),
    ],
    "officials": [
        ("article_id", "string", "article the person is named in"),
        ("name", "string", "the person's name as written"),
        ("title", "string", "the role written next to the name ('Phó Chủ tịch UBND tỉnh')"),
        ("organization", "string", "the unit in the title ('UBND tỉnh', 'Công an tỉnh', 'Bộ Y tế')"),
        ("rank", "string", "military or police rank where given ('Thượng tá', 'Thiếu tướng')"),
        ("province", "string", "province of the role, where stated or implied by 'tỉnh'"),
        ("start", "Int64", "body offset of the first mention of the name"),
        ("end", "Int64", "body offset where that mention ends"),
    ],
    "case_counts": [
        ("article_id", "string", "article the figure is in"),
        ("count_id", "string", "id of the figure, '<article_id>:<start>': what part_of points to"),
        ("province", "string", "province the figure is for; empty for national or world figures"),
        ("province_code", "string", "GSO 2-digit province code"),
        ("district", "string", "district the figure is for, as written without 'huyện'/'thị xã'/'thành phố'"),
        ("metric", "string", "confirmed, new_confirmed, active, recovered, deaths, quarantined, tested, vaccinated or suspected"),
        ("detail", "string", "kind of quarantine (tập trung, tại nhà, F1...) or other precision"),
        ("value", "Int64", "the figure as an integer"),
        ("qualifier", "string", "exact, more_than, about, less_than or at_least ('hơn' = more_than)"),
        ("as_of", "string", "ISO date the figure refers to, from the sentence and the article date"),
        ("period", "string", "time the figure covers: day, span (several days), cumulative (a tally since period_start, or since the epidemic began when empty), snapshot (a state at as_of) or average (a daily average over a window)"),
        ("period_start", "string", "ISO date the period starts where the page states or implies it (a wave start, a window's first day, the day of a day figure)"),
        ("period_end", "string", "ISO date the period ends where known (a window's last day, the day of a day figure, the as-of date of a tally)"),
        ("scope", "string", "population the figure is about: world, foreign (another country), national, region (several provinces), province, district or local (commune, hospital, company, cluster...)"),
        ("part_of", "string", "count_id of the total this figure is a stated part of on the page (trong đó, gồm, list items, districts of a provincial total), else empty"),
        ("sentence", "string", "the sentence the figure comes from"),
        ("start", "Int64", "body offset where the number starts"),
        ("end", "Int64", "body offset where the number ends"),
    ],
    "summaries": [
        ("article_id", "string", "article summarized"),
        ("summary", "string", "extractive summary: the body sentences that best carry the article, in order"),
        ("narrative_vi", "string", "narrative in Vietnamese written from the extracted facts"),
        ("narrative_en", "string", "the same narrative in English"),
        ("measures", "string", "prevention measures the article covers, ';'-separated keys of data/reference/measures.csv"),
    ],
}
TABLES = tuple(CODEBOOK)

_SORT_KEYS = {
    "load_report": ["file", "record"],
    "articles": ["article_id"],
    "places": ["article_id", "first_start", "district"],
    "officials": ["article_id", "start"],
    "case_counts": ["article_id", "start"],
    "summaries": ["article_id"],
}


def frame(table: str, rows: Iterable[Mapping]) -> pd.DataFrame:
    """Return ``rows`` as a DataFrame with the codebook's columns, dtypes and row order."""
    columns = CODEBOOK[table]
    names = [name for name, _, _ in columns]
    df = pd.DataFrame.from_records(list(rows), columns=names)
    for name, dtype, _ in columns:
        df[name] = df[name].astype(dtype)
    keys = [k for k in _SORT_KEYS[table] if k in df.columns]
    return df.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)


def empty_tables() -> dict[str, pd.DataFrame]:
    """Return every table with no rows."""
    return {name: frame(name, []) for name in TABLES}


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

ROW_GROUP_ROWS = 65_536  # rows per Parquet row group, whatever the chunks the rows arrive in
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
    writer = _ParquetChunks(path, parquet_schema(table))
    writer.write(df)
    writer.close()
    return path


class _ParquetChunks:
    """A Parquet file written in row groups of exactly :data:`ROW_GROUP_ROWS` rows, whatever the input chunks."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self._writer = pq.ParquetWriter(path, schema, **_PARQUET_OPTIONS)
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._groups = 0

    def write(self, df: pd.DataFrame) -> None:
        self._pending.append(pa.Table.from_pandas(df, schema=self.schema, preserve_index=False))
        self._pending_rows += len(df)
        while self._pending_rows >= ROW_GROUP_ROWS:
            self._flush(ROW_GROUP_ROWS)

    def _flush(self, n_rows: int) -> None:
        table = pa.concat_tables(self._pending).combine_chunks()
        self._writer.write_table(table.slice(0, n_rows), row_group_size=ROW_GROUP_ROWS)
        rest = table.slice(n_rows)
        self._pending, self._pending_rows = ([rest] if rest.num_rows else []), rest.num_rows
        self._groups += 1

    def close(self) -> None:
        if self._pending_rows or not self._groups:
            self._pending.append(self.schema.empty_table())
            self._flush(self._pending_rows)
        self._writer.close()


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
        self._parquet = _ParquetChunks(self._tmp[1], self._schema) if parquet else None
        self._header = True
        self.rows = 0

    def write(self, df: pd.DataFrame) -> None:
        """Append the rows of ``df``."""
        if df.empty and not self._header:
            return
        df.to_csv(self._csv, index=False, header=self._header, lineterminator="\n")
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
    keys = _SORT_KEYS[table]

    def key(row: Mapping[str, Any]) -> tuple:
        return tuple((0,) if _missing(row.get(k)) else (1, row[k]) for k in keys)

    return key


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


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

    def __init__(self, out_dir: str | Path, *, spill_rows: int = 20_000) -> None:
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
    return {name: (None if _missing(value) else value) for name, value in df.iloc[index].items()}


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read back the tables of an ``extract`` run: ``<name>.parquet`` files, or the Dask engine's ``<name>/`` part folders."""
    out = Path(out_dir)
    tables = {}
    for name in TABLES:
        single, parts = out / f"{name}.parquet", out / name
        if single.exists():
            tables[name] = pd.read_parquet(single)
        elif parts.is_dir() and any(parts.glob("part-*.parquet")):
            df = pd.concat([pd.read_parquet(p) for p in sorted(parts.glob("part-*.parquet"))], ignore_index=True)
            tables[name] = frame(name, df.to_dict("records"))
    return tables


def codebook_frame() -> pd.DataFrame:
    """Return the codebook as a table: table, column, dtype, meaning."""
    rows = [(t, c, d, m) for t, cols in CODEBOOK.items() for c, d, m in cols]
    return pd.DataFrame(rows, columns=["table", "column", "dtype", "meaning"])


def codebook_markdown() -> str:
    """Return the codebook as Markdown (the text of docs/codebook.md)."""
    lines = ["# Codebook", "", "Tables written by `python -m covidlib extract INPUT --out DIR` "
             "(CSV and Parquet, one row per fact) and returned by `covidlib.pipeline.extract_tables`.",
             "Generated from `covidlib/tables.py`; a test keeps the two in step.", ""]
    for table, cols in CODEBOOK.items():
        lines += [f"## `{table}`", "", "| column | dtype | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c}` | {d} | {m} |" for c, d, m in cols]
        lines.append("")
    return "\n".join(lines)
