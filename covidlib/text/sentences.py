"""Sentences with character offsets, from underthesea's ``sent_tokenize``.

underthesea returns sentence strings without offsets; :func:`split_sentences`
finds each one back in the text (white space may differ) so every sentence is a
:class:`~covidlib.document.Span` over the text it came from.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from typing import Callable, Sequence

from ..document import Span

__all__ = ["split_sentences", "sentences_of_paragraphs"]

_NON_SPACE = re.compile(r"\S")
# Abbreviations the tokenizer takes for a full stop: "TX. Bến Cát", "TS.BS. Nguyễn", "Q. 7", "TT.Huế".
_CUT_AFTER = re.compile(r"(?<![\w.])(?:TX|TT|TP|Tp|TS|BS|GS|PGS|ThS|Th\.S|TS\.BS|ThS\.BS|H|Q|P|X|KP|QL|ĐT)\.$")


@lru_cache(maxsize=1)
def _sent_tokenize() -> Callable[[str], list[str]]:
    """Return underthesea's ``sent_tokenize``, loaded on its own when possible.

    Importing the ``underthesea`` package loads every one of its pipelines (named
    entities, classification, joblib, requests): about 65 MB in each process and
    0.3 s. Its sentence splitter is a module that needs only the standard library, so
    it is loaded from its file alone; when the file is not where this version of
    underthesea keeps it, the package is imported as usual.
    """
    spec = importlib.util.find_spec("underthesea")  # finds the package without importing it
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        path = f"{location}/pipeline/sent_tokenize/__init__.py"
        module_spec = importlib.util.spec_from_file_location("covidlib_underthesea_sent_tokenize", path)
        if module_spec is None or module_spec.loader is None:
            continue
        try:
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            return module.sent_tokenize
        except (OSError, ImportError, AttributeError):
            continue
    from underthesea import sent_tokenize

    return sent_tokenize


def _locate(text: str, sentence: str, cursor: int) -> tuple[int, int] | None:
    """Return (start, end) of ``sentence`` in ``text`` at or after ``cursor``, ignoring white space."""
    if not sentence.strip():
        return None
    pos = text.find(sentence, cursor)
    if pos >= 0:
        return pos, pos + len(sentence)
    chars = [c for c in sentence if not c.isspace()]
    # Walk the text matching the sentence's non-space characters in order.
    match = _NON_SPACE.search(text, cursor)
    if match is None:
        return None
    start = text.find(chars[0], match.start())
    if start < 0:
        return None
    i, j = start, 0
    while i < len(text) and j < len(chars):
        if text[i].isspace():
            i += 1
            continue
        if text[i] != chars[j]:
            return None
        i += 1
        j += 1
    return (start, i) if j == len(chars) else None


def split_sentences(text: str, *, offset: int = 0, label: str = "sentence") -> list[Span]:
    """Return the sentences of ``text`` as spans (shifted by ``offset``).

    >>> [s.text("Sáng 8/10 có 5 ca. Tối có 3 ca.") for s in split_sentences("Sáng 8/10 có 5 ca. Tối có 3 ca.")]
    ['Sáng 8/10 có 5 ca.', 'Tối có 3 ca.']
    """
    if not text.strip():
        return []
    spans: list[Span] = []
    cursor = 0
    for piece in _sent_tokenize()(text):
        found = _locate(text, piece, cursor)
        if found is None:
            continue
        start, end = found
        if spans and _CUT_AFTER.search(text, spans[-1].start - offset, spans[-1].end - offset):
            start = spans.pop().start - offset  # a cut after an abbreviation: one sentence, not two
        spans.append(Span(start + offset, end + offset, label))
        cursor = end
    if not spans:  # the tokenizer gave nothing usable: the whole text is one sentence
        stripped = text.strip()
        start = text.find(stripped)
        spans.append(Span(start + offset, start + len(stripped) + offset, label))
    return spans


def sentences_of_paragraphs(body: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Return the sentences of every paragraph of ``body``; ``data['paragraph']`` is its index.

    A sentence never crosses a paragraph boundary.
    """
    result: list[Span] = []
    for index, para in enumerate(paragraphs):
        for sent in split_sentences(body[para.start : para.end], offset=para.start):
            result.append(Span(sent.start, sent.end, "sentence", {"paragraph": index, "kind": para.label}))
    return result
