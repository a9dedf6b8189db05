"""Build an :class:`~covidlib.document.Article` from a page: clean it, read its metadata, split sentences.

>>> art = build_article("Hà Nội thêm 12 ca COVID-19 mới\\n\\n16/09/2021\\n\\n"
...                     "Sở Y tế Hà Nội trưa 16/9 cho biết thành phố ghi nhận 12 ca mới. Cả 12 ca đã được cách ly.",
...                     article_id="a1", file="a1.txt")
>>> art.status, art.metadata.published, len(art.sentences)
('ok', '2021-09-16', 2)
"""
from __future__ import annotations

from typing import Any, Mapping

from ..document import Article, Metadata, Span
from ..normalize import normalize_page
from .clean import clean_page
from .metadata import read_metadata, title_candidates
from .sentences import sentences_of_paragraphs

__all__ = ["build_article", "article_from_body", "STATUSES"]

#: What ``Article.status`` can say: ``ok``; ``no_body`` when nothing article-like is left
#: after cleaning; ``error`` when a step failed on this page (``note`` says which and why).
STATUSES = ("ok", "no_body", "error")


def _sentences(body: str, paragraphs: list[Span]) -> tuple[list[Span], str | None]:
    """Return the body's sentences; one sentence per paragraph if the tokenizer fails."""
    try:
        return sentences_of_paragraphs(body, paragraphs), None
    except Exception as exc:  # the tokenizer is third-party code: keep the article, say what happened
        fallback = [Span(p.start, p.end, "sentence", {"paragraph": i, "kind": p.label}) for i, p in enumerate(paragraphs)]
        return fallback, f"sentence splitting failed ({type(exc).__name__}); one sentence per paragraph"


def build_article(page: str, *, article_id: str, file: str, hints: Mapping[str, Any] | None = None) -> Article:
    """Return the article of ``page``, with status ``ok``, ``no_body`` or ``error`` (never raises).

    ``hints`` (``title``/``h1``/``og_title``, ``published``, ``author``, ``site`` from
    HTML meta tags or JSON fields) win over what the page text says; a title hint
    the page shows as a line also anchors the head of the page.
    """
    text = page if isinstance(page, str) else ""
    try:
        text = normalize_page(text)
        cleaned = clean_page(text, title=title_candidates(hints))
        metadata = read_metadata(cleaned, hints=hints)
    except Exception as exc:  # a page must never stop a batch: report it on the article instead
        return Article(article_id=article_id, file=file, page=text, body="", status="error",
                       note=f"cleaning failed: {type(exc).__name__}: {exc}")
    sentences, note = _sentences(cleaned.body, cleaned.paragraphs)
    status = "ok"
    if not cleaned.paragraphs:
        status = "no_body"
        note = "no line reads as article prose (only short lines or page furniture)"
    return Article(
        article_id=article_id,
        file=file,
        page=text,
        body=cleaned.body,
        paragraphs=cleaned.paragraphs,
        sentences=sentences,
        furniture=cleaned.furniture,
        metadata=metadata if isinstance(metadata, Metadata) else Metadata(),
        status=status,
        note=note,
    )


def article_from_body(body: str, *, article_id: str = "example", published: str | None = None,
                      title: str | None = None) -> Article:
    """Return an article whose body is ``body`` as given (no cleaning): handy for single sentences.

    Paragraphs are the body's non-empty lines.

    >>> article_from_body("Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm.").sentences[0].end
    50
    """
    body = normalize_page(body).strip()
    paragraphs, cursor = [], 0
    for chunk in body.split("\n"):
        if chunk.strip():
            start = cursor + (len(chunk) - len(chunk.lstrip()))
            paragraphs.append(Span(start, cursor + len(chunk.rstrip()), "paragraph"))
        cursor += len(chunk) + 1
    return Article(article_id=article_id, file=article_id, page=body, body=body, paragraphs=paragraphs,
                   sentences=sentences_of_paragraphs(body, paragraphs),
                   metadata=Metadata(title=title, published=published))
