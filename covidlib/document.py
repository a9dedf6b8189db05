"""The document model: an article owns its text, and every fact is a span of it.

An :class:`Article` holds the normalized page (``page``) and the cleaned body
(``body``). Paragraphs, sentences and every extracted fact are :class:`Span`
objects whose ``start``/``end`` index into ``body`` (furniture spans index into
``page``); a span's text is always derived, never stored twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Iterator

from .normalize import ascii_fold, fold

__all__ = ["Span", "Metadata", "Article"]


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled slice ``[start, end)`` of a text, with free-form ``data``.

    >>> body = "An Giang có 6.360 trường hợp"
    >>> Span(0, 8, "province").text(body)
    'An Giang'
    """

    start: int
    end: int
    label: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end} for {self.label!r}")

    def text(self, source: str) -> str:
        """Return the slice of ``source`` this span covers."""
        return source[self.start : self.end]

    def contains(self, other: "Span") -> bool:
        """Return True if ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        """Return True if the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def shifted(self, offset: int) -> "Span":
        """Return the same span moved ``offset`` characters to the right."""
        return Span(self.start + offset, self.end + offset, self.label, self.data)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about the article: title, publish date, author and site tag.

    ``published`` is ISO text, ``YYYY-MM-DDTHH:MM`` or ``YYYY-MM-DD`` as precise as
    the page is, or ``None`` with ``date_note`` saying why; ``title_note`` and ``author_note``
    say where the title and the author were found and which tempting candidates were passed over.
    """

    title: str | None = None
    published: str | None = None
    date_note: str | None = None
    author: str | None = None
    site: str | None = None
    title_note: str | None = None
    author_note: str | None = None


@dataclass(eq=False)
class Article:
    """One article: the normalized page, its cleaned body, and spans over them.

    * ``paragraphs``: spans over ``body`` labelled ``paragraph`` or ``caption``;
    * ``sentences``: spans over ``body`` (``data['paragraph']`` is the paragraph index);
    * ``furniture``: spans over ``page`` labelled by kind (``menu``, ``related``,
      ``counter``, ``footer``, ``image_file``, ...) for what cleaning removed.
    """

    article_id: str
    file: str
    page: str
    body: str
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    status: str = "ok"
    note: str | None = None

    @cached_property
    def body_key(self) -> str:
        """Case-folded, tone-normalized body, the same length as ``body`` (for matching)."""
        return fold(self.body)

    @cached_property
    def body_ascii(self) -> str:
        """Diacritic-free lower-case body, the same length as ``body`` (for matching)."""
        return ascii_fold(self.body)

    def text(self, span: Span) -> str:
        """Return the body text of ``span``."""
        return self.body[span.start : span.end]

    def sentence_of(self, offset: int) -> Span | None:
        """Return the sentence that contains body offset ``offset``, if any."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return sent
        return None

    def iter_sentences(self) -> Iterator[tuple[Span, str]]:
        """Yield each sentence span with its text."""
        for sent in self.sentences:
            yield sent, self.body[sent.start : sent.end]

    def check_spans(self, spans: Iterable[Span]) -> None:
        """Raise ``ValueError`` if a span does not lie inside the body."""
        for span in spans:
            if span.end > len(self.body):
                raise ValueError(f"span {span} runs past the body ({len(self.body)} chars)")
