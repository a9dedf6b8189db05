"""The files of ``data/reference``: where they are and the one CSV reader every loader uses.

A reference file may be kept gzipped (``official_case_counts.csv.gz``): :func:`reference_path`
accepts ``name`` or ``name.gz`` and the readers open either.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import IO, Any

from .. import config

__all__ = ["reference_path", "read_csv", "read_json"]

_GZIP_SUFFIX = ".gz"


def reference_path(name: str | Path) -> Path:
    """Return the path of reference file ``name`` (a bare name is looked up in ``data/reference``).

    A gzipped copy (``name.gz``) is accepted; a missing file raises ``FileNotFoundError``.
    """
    path = Path(name) if Path(name).is_absolute() or Path(name).parent != Path(".") else config.REFERENCE_DIR / name
    if path.exists():
        return path
    gz = path.with_name(path.name + _GZIP_SUFFIX)
    if gz.exists():
        return gz
    raise FileNotFoundError(f"reference file {path.name} (or {path.name}{_GZIP_SUFFIX}) not found in {path.parent}")


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(_GZIP_SUFFIX):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def read_csv(name: str | Path, *, columns: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Return the rows of a reference CSV as dicts, in file order.

    ``columns`` names the columns the file must have: a file without one of them raises
    ``ValueError`` naming the file and the missing columns.
    """
    path = reference_path(name)
    with _open_text(path) as handle:
        reader = csv.DictReader(handle)
        missing = set(columns) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        return list(reader)


def read_json(name: str | Path) -> Any:
    """Return the parsed content of a reference JSON file (such as the province boundaries)."""
    with _open_text(reference_path(name)) as handle:
        return json.load(handle)
