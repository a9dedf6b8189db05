"""The output folder as one unit: checked, locked, written aside and swapped in whole.

A run writes its tables into a new folder beside ``--out`` (``.<name>.partial-<pid>``)
and only when every table is written does that folder take the place of ``--out``;
what else ``--out`` holds (the result cache, a ``.gitkeep``, the user's own files) is
carried over, while the tables of an earlier run, in any layout, are not. A run that
dies or is stopped leaves the earlier tables as they were. While a run writes, a
lock (``.<name>.lock`` beside ``--out``, held with ``flock``, so released when the
process ends in any way) makes a second run on the same folder refuse with a message.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from ..tables import TABLES

__all__ = ["UserError", "OutputFolder", "check_inputs", "TABLE_ENTRIES"]

#: What a run writes into ``--out``: these are replaced, everything else is kept.
TABLE_ENTRIES = frozenset({"codebook.csv"} | {f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")} | set(TABLES))


class UserError(Exception):
    """A mistake in what the user asked for: shown as one line, with no traceback."""


def check_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Return the inputs as paths; raise :class:`UserError` naming the first that does not exist, in full."""
    paths = [Path(item) for item in inputs]
    for path in paths:
        if not path.exists():
            raise UserError(f"input not found: {os.path.abspath(path)}")
    return paths


@dataclass
class OutputFolder:
    """``--out`` for one run: :meth:`open` locks it and returns the folder to write into; :meth:`commit` swaps it in."""

    out: Path
    work: Path = field(init=False)
    _lock: IO[str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.out = Path(os.path.abspath(self.out))
        self.work = self.out.parent / f".{self.out.name}.partial-{os.getpid()}"

    def open(self) -> Path:
        """Check and lock ``--out``; return the empty folder the tables are written into."""
        if self.out.exists() and not self.out.is_dir():
            raise UserError(f"--out is a file, not a folder: {self.out}")
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._lock = (self.out.parent / f".{self.out.name}.lock").open("a+")
        except OSError as err:
            raise UserError(f"cannot write beside {self.out}: {err.strerror or err}") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.seek(0)
            holder = self._lock.read().strip() or "another process"
            self._lock.close()
            self._lock = None
            raise UserError(f"another run (pid {holder}) is writing {self.out}; wait for it to finish "
                            "or choose another --out") from None
        self._lock.seek(0)
        self._lock.truncate()
        self._lock.write(str(os.getpid()))
        self._lock.flush()
        self._clear_leftovers()
        self.work.mkdir()
        return self.work

    def _clear_leftovers(self) -> None:
        """Remove the partial folders of earlier runs on this ``--out`` that died (the lock says none is running)."""
        for old in self.out.parent.glob(f".{self.out.name}.partial-*"):
            shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.work, ignore_errors=True)

    def commit(self) -> None:
        """Carry what is not a table over from ``--out`` and put the new folder in its place."""
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        if self.out.is_dir():
            for entry in self.out.iterdir():
                if entry.name not in TABLE_ENTRIES and not (self.work / entry.name).exists():
                    entry.rename(self.work / entry.name)
            self.out.rename(old)
        self.work.rename(self.out)
        shutil.rmtree(old, ignore_errors=True)

    def close(self) -> None:
        """Remove the partial folder if it was not swapped in, and release the lock."""
        shutil.rmtree(self.work, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Path:
        return self.open()

    def __exit__(self, *_exc: object) -> None:
        self.close()
