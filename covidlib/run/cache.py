"""The result cache: page results on disk, keyed by the page's content and the library's version.

After pages are added to a processed folder, a re-run processes only the new ones;
a new covidlib version (or changed reference data) starts a new cache folder.

An entry is plain data, never code: a first line with the SHA-256 of the rest, then
the result as JSON. An entry that is damaged or cut short fails that check and is
computed again. Entries are written under a unique temporary name and renamed into
place, so runs (and workers) can share one cache folder.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from .. import config
from ..config import __version__
from ..io import LoadedPage, LoadRecord
from .results import PageResult

__all__ = ["ResultCache", "library_version"]


@lru_cache(maxsize=1)
def library_version() -> str:
    """Return covidlib's version plus a hash of its code and reference data (the cache key's version)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
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
    def key(record: LoadRecord, page: LoadedPage | None) -> str:
        digest = hashlib.sha256()
        # the whole report row: its article id and duplicate_of depend on the other inputs of the run
        digest.update(json.dumps(dataclasses.astuple(record), default=str).encode())
        if page is not None:
            digest.update(page.text.encode())
            digest.update(json.dumps(page.meta, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> PageResult | None:
        """Return the stored result of ``key``, or None when there is none or it is damaged (then it is computed again)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        result = _decode(data)
        if result is None:
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: PageResult) -> None:
        """Store ``result`` under ``key``: written to a unique temporary file, then renamed into place."""
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:8]}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_encode(result))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _encode(result: PageResult) -> bytes:
    """Return ``result`` as an entry: the SHA-256 of the JSON body, a newline, the body."""
    body = json.dumps(dataclasses.asdict(result), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body


def _decode(data: bytes) -> PageResult | None:
    """Return the result of an entry, or None if it fails its content check or is not a result."""
    check, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode("ascii") != check:
        return None
    try:
        return PageResult(**json.loads(body))
    except (ValueError, TypeError):
        return None
