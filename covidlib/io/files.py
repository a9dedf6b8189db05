"""Walking the inputs: every file under the input folders, in order, with a unique report name and article id.

Names and ids are unique across all inputs of one run (:func:`input_files` gives
them, in input order, so every engine gets the same): the first input to claim a
name or an id keeps it. A later file whose ``file`` is taken (``x.txt`` in a second
folder ``B``) is shown with its input folder's name in front (``B/x.txt``; for a
file given directly, the folder it is in). A later file whose article id is taken
(``x.txt`` after ``x.html``) gets its extension in the id (``x~txt``), else a number
(``x~2``, ``x~3``...); its ``ok`` row says so in ``reason``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Iterable, Iterator

from .ids import display_name, page_format, PAGE_SUFFIXES, _plain_id
from .report import LoadRecord

__all__ = ["InputFile", "input_files"]


@dataclass(frozen=True)
class InputFile:
    """One input file as listed by :func:`input_files`: its path, report name, problem row and unique base article id.

    Pass ``base_id`` on to :func:`iter_file`.
    """

    path: Path
    file: str
    problem: LoadRecord | None
    base_id: str


def _walk(folder: Path) -> Iterator[tuple[Path, str, str | None]]:
    """Yield (path, path relative to ``folder``, problem) for each file, sorted; hidden folders are not entered."""
    found: list[tuple[str, Path, str | None]] = []

    def on_error(err: OSError) -> None:
        rel = Path(err.filename or folder).relative_to(folder) if err.filename else Path(".")
        problem = f"cannot list folder: {(err.strerror or str(err)).lower()}"
        found.append((rel.as_posix(), Path(err.filename or folder), problem))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        root_path = Path(root)
        kept = []
        for name in sorted(dirs):
            sub = root_path / name
            rel = sub.relative_to(folder).as_posix()
            if sub.is_symlink():
                found.append((rel, sub, "link to a folder; not followed"))
            elif name.startswith("."):
                found.append((rel, sub, "hidden folder; not entered"))
            else:
                kept.append(name)
                if Path(name).suffix.lower() in PAGE_SUFFIXES:
                    found.append((rel, sub, None))  # named like a page: gets its own (failed) row
        dirs[:] = kept
        for name in files:
            found.append(((root_path / name).relative_to(folder).as_posix(), root_path / name, None))
    for rel, path, problem in sorted(found, key=lambda item: item[0]):
        yield path, rel, problem


def _inputs(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(inputs, (str, os.PathLike)):
        return [Path(inputs)]
    return [Path(item) for item in inputs]


_NUMBERED_ID = re.compile(r"(.*)#\d+")
_RECORD_FORMATS = frozenset({"json", "jsonl"})


def _folder_name(folder: Path) -> str:
    """Return the name of ``folder`` as the user would see it ("." becomes the current folder's name)."""
    return Path(os.path.abspath(folder)).name or "input"


class _Names:
    """The report names and base article ids given so far in one listing, so that no two inputs share one."""

    def __init__(self) -> None:
        self._files: set[str] = set()
        self._ids: set[str] = set()
        self._record_bases: set[str] = set()  # ids of JSON files: their records are "id#1", "id#2"...
        self._numbered: set[str] = set()  # "bao" when an id "bao#3" is taken

    def claim(self, rel: str, folder: str) -> tuple[str, str]:
        """Return the unique report name and base id of the file ``rel`` of the input folder ``folder``."""
        file = next(name for name in self._file_names(rel, folder) if name not in self._files)
        self._files.add(file)
        records = page_format(file) in _RECORD_FORMATS
        base_id = next(candidate for candidate in _id_candidates(file) if self._id_free(candidate, records=records))
        self._ids.add(base_id)
        if records:
            self._record_bases.add(base_id)
        numbered = _NUMBERED_ID.fullmatch(base_id)
        if numbered:
            self._numbered.add(numbered.group(1))
        return file, base_id

    @staticmethod
    def _file_names(rel: str, folder: str) -> Iterator[str]:
        yield rel
        yield f"{folder}/{rel}"
        for n in count(2):
            yield f"{folder}~{n}/{rel}"

    def _id_free(self, candidate: str, *, records: bool) -> bool:
        """Return True if ``candidate`` (and, for a JSON file, every ``candidate#n``) differs from every id given."""
        if candidate in self._ids or (records and candidate in self._numbered):
            return False
        numbered = _NUMBERED_ID.fullmatch(candidate)
        return not (numbered and numbered.group(1) in self._record_bases)


def _id_candidates(file: str) -> Iterator[str]:
    """Yield the base ids ``file`` may get, best first: "x", then "x~txt", then "x~2", "x~3"..."""
    plain, extension = _plain_id(file)
    yield plain
    if extension:
        yield f"{plain}~{extension}"
    for n in count(2):
        yield f"{plain}~{n}"


def _renamed_note(file: str, base_id: str) -> str:
    """Return the note for a file whose base id is not its plain id, else ""."""
    plain = _plain_id(file)[0]
    return "" if base_id == plain else f"article id {base_id!r} ({plain!r} is taken by an earlier input)"


def input_files(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[InputFile]:
    """Yield an :class:`InputFile` for every input file in the order :func:`iter_pages` reads them.

    ``file`` is the name the load report gives it: relative to its input folder, or
    the file's name for a file given directly; if an earlier input has that name,
    the input folder's name goes in front (``vnexpress/x.txt``; for a file given
    directly, the name of the folder it is in), then ``vnexpress~2/x.txt``...
    ``base_id`` is its article id (JSON records add ``#n``): the plain id
    (:func:`article_id_for`) if no earlier input has it, else ``stem~extension``
    (``x~txt`` after ``x.html``), else ``stem~2``, ``stem~3``... ``problem`` is the
    file's report row when it cannot be read at all, else ``None``. Engines that
    hand files to other processes pass ``file`` and ``base_id`` to :func:`iter_file`.
    """
    names = _Names()
    for item in _inputs(inputs):
        if item.is_dir():
            folder = _folder_name(item)
            for path, rel, problem in _walk(item):
                status = "failed" if problem and problem.startswith("cannot") else "skipped"
                yield _input_file(names, path, rel, folder, (status, problem) if problem else None)
        elif not item.exists() and not item.is_symlink():
            problem = ("failed", "cannot read: no such file or folder")
            yield _input_file(names, item, item.name or str(item), _folder_name(item.parent), problem)
        else:
            yield _input_file(names, item, item.name, _folder_name(item.parent), None)


def _input_file(names: _Names, path: Path, rel: str, folder: str, problem: tuple[str, str] | None) -> InputFile:
    """Return the listing of one file, with its unique name and base id and its report row if it cannot be read."""
    file, base_id = names.claim(display_name(rel), display_name(folder))
    row = LoadRecord(file, None, problem[0], problem[1], 0, base_id=base_id) if problem else None
    return InputFile(path, file, row, base_id)
