"""What the per-page work returns, shared by the pipeline, the engines and the cache."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["PageResult"]


@dataclass
class PageResult:
    """Rows produced from one input page (or one load-report row for a page that failed)."""

    load: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    fingerprint: str | None = None
