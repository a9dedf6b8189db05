"""Run the numbered notebooks top to bottom and render them as self-contained HTML reports.

One pattern (:data:`NOTEBOOK_NAME`) checks notebook names and drives the index.
Reports hide code cells (readers see narrative, tables and figures), embed images,
and need nothing online to open.
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from .. import config

__all__ = ["NOTEBOOK_NAME", "NotebookInfo", "list_notebooks", "execute_notebook", "render_html", "build_reports"]

NOTEBOOK_NAME = re.compile(r"^(?P<number>\d{2})_(?P<slug>[a-z0-9]+(?:_[a-z0-9]+)*)\.ipynb$")


@dataclass(frozen=True)
class NotebookInfo:
    """A numbered notebook: its path, number, and the title of its first cell."""

    path: Path
    number: str
    title: str

    @property
    def report_name(self) -> str:
        return self.path.with_suffix(".html").name


# Reports are read, not run: tables read left to right, long sentences wrap.
_REPORT_CSS = """<style>
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important; vertical-align: top; }
.jp-RenderedHTMLCommon td { max-width: 42em; }
body { max-width: 1200px; margin: 0 auto; }
</style>
"""


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def list_notebooks(folder: Path = config.NOTEBOOKS_DIR) -> list[NotebookInfo]:
    """Return the numbered notebooks of ``folder`` in order; raise if a notebook is misnamed."""
    infos = []
    for path in sorted(folder.glob("*.ipynb")):
        match = NOTEBOOK_NAME.match(path.name)
        if not match:
            raise ValueError(f"notebook name {path.name!r} does not follow NN_snake_case.ipynb")
        nb = nbformat.read(path, as_version=4)
        infos.append(NotebookInfo(path, match["number"], _title(nb, match["slug"].replace("_", " "))))
    return infos


def execute_notebook(path: Path, *, timeout: int = 1200, env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its own folder and return it with outputs (raises on a failing cell)."""
    nb = nbformat.read(path, as_version=4)
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def render_html(nb: nbformat.NotebookNode) -> str:
    """Return a self-contained HTML page of an executed notebook with code cells hidden."""
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    body, _ = exporter.from_notebook_node(nb)
    return body.replace("</head>", _REPORT_CSS + "</head>", 1)


def _index_html(infos: Iterable[NotebookInfo]) -> str:
    items = "\n".join(
        f'    <li><a href="{html.escape(i.report_name)}">{html.escape(i.number)} — {html.escape(i.title)}</a></li>'
        for i in infos
    )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>covidlib reports</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}}</style></head>
<body>
  <h1>covidlib reports</h1>
  <p>Reports of the analysis notebooks, rebuilt by <code>make report</code>.</p>
  <ol>
{items}
  </ol>
</body>
</html>
"""


def build_reports(*, notebooks: Path = config.NOTEBOOKS_DIR, out_dir: Path = config.REPORTS_DIR,
                  only: Iterable[str] | None = None) -> list[Path]:
    """Execute every numbered notebook and write ``<name>.html`` plus ``index.html`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    infos = list_notebooks(notebooks)
    wanted = set(only or [])
    written = []
    for info in infos:
        if wanted and info.number not in wanted and info.path.stem not in wanted:
            continue
        print(f"running {info.path.name} ...", flush=True)
        nb = execute_notebook(info.path, env={"COVIDLIB_PROGRESS": "0"})
        target = out_dir / info.report_name
        target.write_text(render_html(nb), encoding="utf-8")
        written.append(target)
    index = out_dir / "index.html"
    index.write_text(_index_html(infos), encoding="utf-8")
    written.append(index)
    return written
