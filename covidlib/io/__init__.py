"""The loading stage: input files to decoded page text, with a load report.

What it does: walks files and folders (HTML, text, JSON, JSON Lines, gzip), names each page,
decodes its bytes (encodings, mojibake repair, the language check), turns HTML into text,
streams JSON records, and writes one load-report row per input with its status and reason;
it also finds pages whose text was seen before.

Hands over: bytes -> :class:`~.report.LoadedPage` (the page text and any metadata hints),
with a :class:`~.report.LoadRecord` for the load report.

Modules: ``ids`` (names and article ids), ``files`` (walking inputs), ``decode`` (encodings,
mojibake, the language check), ``html_text`` (HTML to text), ``records`` (JSON records),
``report`` (load-report rows, duplicates) and ``load`` (the loader itself).

May import: the base modules (``config``, ``document``, ``normalize``) and ``reference/``.
"""
from .decode import Decoded, binary_kind, decode_bytes, repair_mojibake
from .files import InputFile, input_files
from .html_text import html_to_text
from .ids import GZIP_SUFFIX, PAGE_SUFFIXES, article_id_for, display_name, page_format
from .load import DEFAULT_MAX_BYTES, iter_file, iter_pages, load_report
from .report import REPORT_COLUMNS, DuplicateIndex, LoadedPage, LoadRecord, fingerprint

__all__ = [
    "Decoded", "binary_kind", "decode_bytes", "repair_mojibake", "InputFile", "input_files", "html_to_text",
    "GZIP_SUFFIX", "PAGE_SUFFIXES", "article_id_for", "display_name", "page_format", "DEFAULT_MAX_BYTES", "iter_file",
    "iter_pages", "load_report", "REPORT_COLUMNS", "DuplicateIndex", "LoadedPage", "LoadRecord", "fingerprint",
]
