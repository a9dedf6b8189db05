"""The load report: one row per file or record (:class:`LoadRecord`), the loaded page, and the duplicate check."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

from ..normalize import fold
from .ids import _record_id

__all__ = ["REPORT_COLUMNS", "LoadedPage", "LoadRecord", "DuplicateIndex", "fingerprint"]


REPORT_COLUMNS = ["file", "record", "article_id", "status", "reason", "bytes", "encoding", "format", "duplicate_of"]

# --- result types ----------------------------------------------------------


@dataclass
class LoadedPage:
    """One page's display text (normalized, NFC) with where it came from and the hints found beside it."""

    file: str
    record: int | None
    text: str
    encoding: str
    n_bytes: int
    format: str
    meta: dict[str, str] = field(default_factory=dict)
    base_id: str | None = None  # the file's unique article id (before "#record"); None: from ``file``

    @property
    def article_id(self) -> str:
        """Return the page's article id: ``base_id`` (or :func:`article_id_for` of ``file``) plus ``#record``."""
        return _record_id(self.base_id, self.file, self.record)


@dataclass(frozen=True)
class LoadRecord:
    """The report row of one file or record: ``status`` is ``ok``, ``skipped`` or ``failed``, ``reason`` says why."""

    file: str
    record: int | None
    status: str
    reason: str
    n_bytes: int
    encoding: str | None = None
    format: str | None = None
    duplicate_of: str | None = None
    base_id: str | None = None  # the file's unique article id (before "#record"); None: from ``file``

    @property
    def article_id(self) -> str:
        """Return the row's article id: ``base_id`` (or :func:`article_id_for` of ``file``) plus ``#record``."""
        return _record_id(self.base_id, self.file, self.record)


class DuplicateIndex:
    """Remember the first article id seen for each key; report later ones as duplicates of it."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def check(self, key: str, article_id: str) -> str | None:
        """Return the article id that first had ``key``, or ``None`` (and remember ``article_id``) if it is new."""
        first = self._first.setdefault(key, article_id)
        return None if first == article_id else first

    def __contains__(self, key: object) -> bool:
        return key in self._first

    def __len__(self) -> int:
        return len(self._first)


def fingerprint(text: str) -> str:
    """Return a hash of ``text`` that ignores case, tone-mark placement and white space ("Hoà" == "HÒA")."""
    digest = hashlib.blake2b(digest_size=16)
    separator = b""
    for line in text.splitlines():  # line by line: the same key as folding the whole text, in less memory
        words = fold(unicodedata.normalize("NFC", line)).split()
        if words:
            digest.update(separator + " ".join(words).encode("utf-8"))
            separator = b" "
    return digest.hexdigest()
