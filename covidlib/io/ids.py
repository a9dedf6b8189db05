"""Report names and article ids: the format a file name says, the plain id of a file, names that are not UTF-8."""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["PAGE_SUFFIXES", "GZIP_SUFFIX", "page_format", "article_id_for", "display_name"]


PAGE_SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_SURROGATE = re.compile("[\ud800-\udfff]")  # how the OS hands over bytes of a name that are not UTF-8
GZIP_SUFFIX = ".gz"  # "bai-viet.html.gz", "bao.jsonl.gz": read through gzip, as the inner extension says


def page_format(name: str) -> str | None:
    """Return the format a file name says ("txt", "html", "json", "jsonl"), "" without an extension, None if unknown.

    A ``.gz`` ending is looked through: "bai.html.gz" is "html".

    >>> page_format("ha-noi.HTML"), page_format("bao.jsonl.gz"), page_format("README"), page_format("a.pdf")
    ('html', 'jsonl', '', None)
    """
    suffix = Path(_without_gzip(name)).suffix.lower()
    return PAGE_SUFFIXES.get(suffix, "" if not suffix else None)


def _without_gzip(name: str) -> str:
    return name[: -len(GZIP_SUFFIX)] if name.lower().endswith(GZIP_SUFFIX) and len(name) > len(GZIP_SUFFIX) else name


def article_id_for(file: str, record: int | None) -> str:
    """Return the plain id of a report name: the stem of ``file`` with ``/`` as ``__``, plus ``#record`` for records.

    This is the id a file gets unless an earlier input of the same run has it; then
    :func:`input_files` gives the file ``stem~extension`` or ``stem~2``, ``stem~3``...

    >>> article_id_for("2021/tuoitre/ha-noi-them-12-ca.html", None)
    '2021__tuoitre__ha-noi-them-12-ca'
    >>> article_id_for("bao-chi.jsonl", 3)
    'bao-chi#3'
    """
    return _with_record(_plain_id(file)[0], record)


def _plain_id(file: str) -> tuple[str, str]:
    """Return the plain base id of a report name and its extension ("" if none): ("2021__ha-noi", "html")."""
    path = _without_gzip(file.replace("\\", "/").strip("/"))
    head, _, name = path.rpartition("/")
    stem, extension = name.rsplit(".", 1) if "." in name.lstrip(".") else (name, "")
    base = f"{head}/{stem}" if head else stem
    return base.replace("/", "__"), extension


def _with_record(base: str, record: int | None) -> str:
    return base if record is None else f"{base}#{record}"


def _record_id(base_id: str | None, file: str, record: int | None) -> str:
    """Return the article id of a row: its file's ``base_id`` (the plain id of ``file`` if None) plus ``#record``."""
    return _with_record(base_id if base_id is not None else _plain_id(file)[0], record)


def display_name(name: str) -> str:
    """Return ``name`` as text every table can hold: bytes that are not UTF-8 (kept by the OS as surrogates) become ``\\xNN``."""
    if not _SURROGATE.search(name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

