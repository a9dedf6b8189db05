"""Project paths, in one place. Notebooks and scripts import these, never ``'../data'`` strings.

``COVIDLIB_INPUT`` (set by ``make report INPUT=...``) points the notebooks at a user's
own folder of articles instead of ``data/raw``; ``COVIDLIB_PROCESSED`` at another
folder of extracted tables.
"""
from __future__ import annotations

import os
from pathlib import Path

__version__ = "0.1.0"  # also in pyproject.toml

PROJECT_ROOT = Path(os.environ.get("COVIDLIB_ROOT", Path(__file__).resolve().parent.parent))
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
REFERENCE_DIR = DATA_DIR / "reference"
GOLD_DIR = DATA_DIR / "gold"
PROCESSED_DIR = Path(os.environ.get("COVIDLIB_PROCESSED", DATA_DIR / "processed"))
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
SHARED_DIR = Path(os.environ.get("COVIDLIB_SHARED", PROJECT_ROOT.parent / "shared"))
DEV_GOLD_DIR = SHARED_DIR / "gold" / "dev"


def input_dir() -> Path:
    """Return the folder of articles to analyse: ``$COVIDLIB_INPUT`` if set, else ``data/raw``."""
    value = os.environ.get("COVIDLIB_INPUT")
    return Path(value).resolve() if value else RAW_DIR
