"""Reading the inputs: files and names (ids, files), the load report (report), decoding (decode),
HTML to text (html_text), JSON records (records) and the loader itself (load)."""
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
