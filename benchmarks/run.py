"""Speed and memory benchmark: the project against underthesea baselines, on a built corpus.

Run ``make bench`` or ``.venv/bin/python benchmarks/run.py [--pages N] [--from DIR ...]``;
``--memory-pages 20000`` adds the memory check at scale. See ``benchmarks/README.md``.

Every measured step runs in its own subprocess; the parent samples the resident
memory of that process and all its children (workers included) and reports the peak.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import psutil

ROOT = Path(__file__).resolve().parent.parent
PAGE_SUFFIXES = (".txt", ".html", ".htm")

# --- the corpus -----------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w/:.,-])\d+(?:[.,]\d+)*(?![\w/:-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_BEFORE = re.compile(r"(?:ngày|tháng|năm|giờ|lúc)\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s*(?:tháng|giờ|h\b|phút)", re.IGNORECASE)
_BODY_LINE_CHARS = 60


def _is_figure(text: str, match: re.Match[str]) -> bool:
    """Return True for a number of two or more digits that is not a year, day, month or time ("4.171", "266")."""
    token = match.group(0)
    if sum(ch.isdigit() for ch in token) < 2 or _YEAR.fullmatch(token):
        return False
    before = text[max(0, match.start() - 8):match.start()]
    return not _DATE_BEFORE.search(before) and not _DATE_AFTER.match(text, match.end())


def vary_page(text: str, variant: int) -> tuple[str, str]:
    """Return ``text`` with the last two digits of the figures in its body-like lines changed, and a key of the changes.

    Variant 0 is the page unchanged. Dates, times and years are kept, so each copy reads
    like another day's bulletin of the same kind: "thêm 266 ca" becomes "thêm 237 ca".
    """
    if variant == 0:
        return text, ""
    changed: list[str] = []

    def figure(match: re.Match[str], line: str) -> str:
        if not _is_figure(line, match):
            return match.group(0)
        digest = hashlib.blake2b(f"{variant}:{len(changed)}".encode(), digest_size=4).digest()
        new = match.group(0)[:-2] + f"{int.from_bytes(digest, 'big') % 100:02d}"
        changed.append(new)
        return new

    lines = [
        _NUMBER.sub(lambda m, line=line: figure(m, line), line) if len(line) >= _BODY_LINE_CHARS else line
        for line in text.split("\n")
    ]
    return "\n".join(lines), "|".join(changed)


def _source_pages(folders: list[Path]) -> list[tuple[str, str]]:
    """Return (name, text) of every UTF-8 page under ``folders`` (sorted, recursively)."""
    pages = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in PAGE_SUFFIXES and not path.name.startswith("."):
                try:
                    pages.append((path.name, path.read_text(encoding="utf-8")))
                except UnicodeDecodeError:
                    print(f"  (not UTF-8, not used: {path})", file=sys.stderr)
    if not pages:
        raise SystemExit(f"no .txt/.html pages under {', '.join(map(str, folders))}")
    return pages


def corpus_pages(sources: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Yield (relative path, text) of distinct pages made from ``sources`` in turn, without end.

    Page ``i`` is a variant of source ``i % len(sources)``; a variant whose changes repeat
    an earlier one of the same source is passed over, and a source that cannot make a new
    variant in 50 tries is dropped, so no two pages share a body.
    """
    seen: list[set[str]] = [set() for _ in sources]
    next_variant = [0] * len(sources)
    live = list(range(len(sources)))
    index = 0
    while live:
        source = live[index % len(live)]
        name, text = sources[source]
        for _attempt in range(50):
            page, key = vary_page(text, next_variant[source])
            next_variant[source] += 1
            if key not in seen[source]:
                seen[source].add(key)
                break
        else:
            live.remove(source)
            continue
        stem, _, suffix = name.rpartition(".")
        yield f"{index // 1000:03d}/{index:06d}_{stem}.{suffix}", page
        index += 1


def build_corpus(folder: Path, sources: list[tuple[str, str]], n_pages: int, *, first: int = 0) -> int:
    """Write pages ``first`` to ``n_pages - 1`` of the corpus into ``folder``; return how many were written."""
    written = 0
    for index, (rel, text) in enumerate(corpus_pages(sources)):
        if index >= n_pages:
            break
        if index >= first:
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written += 1
    if written < n_pages - first:
        raise SystemExit(f"only {first + written} distinct pages can be made from these sources")
    return written
