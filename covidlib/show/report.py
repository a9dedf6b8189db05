"""Run the numbered notebooks top to bottom and render them as self-contained HTML reports.

One pattern (:data:`NOTEBOOK_NAME`) checks notebook names and drives the index.
Reports hide code cells (readers see narrative, tables and figures), embed images,
and need nothing online to open: every script of the page template (require.js, MathJax,
mermaid, all fetched from a CDN) is left out, so nothing is fetched and a "$" in article
text stays a dollar sign. Each report has its notebook's title, a header naming the input
folder (its name only, never a path), the run date, the covidlib version and the page
count, and a link back to the index; a table without a caption takes its section heading.
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import nbformat
import pandas as pd
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from .. import config

__all__ = ["NOTEBOOK_NAME", "NotebookInfo", "RunInfo", "list_notebooks", "execute_notebook", "render_html",
           "run_info", "build_reports"]

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
.cl-report-header { font-family: sans-serif; font-size: .9em; color: #444; border-bottom: 1px solid #ddd;
                    padding: .6em 1em; display: flex; gap: 1.5em; flex-wrap: wrap; }
</style>
"""
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>|<!--.*?-->", re.S | re.I)
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
_TABLE_OPEN = re.compile(r"<table\b[^>]*>", re.I)
_HEADING = re.compile(r"^#{1,4} +(.+?)\s*$", re.M)


@dataclass(frozen=True)
class RunInfo:
    """What a report's header says about its run: the input folder's name, the page count, the run date."""

    input_name: str
    pages: int | None
    run_at: str
    version: str = config.__version__
    unit: str = "page"

    def header_html(self) -> str:
        pages = f"{self.pages:,} {self.unit}{'s' if self.pages != 1 else ''}" if self.pages is not None \
            else "page count unknown"
        items = ['<a href="index.html">← All reports</a>', f"Input folder: <strong>{html.escape(self.input_name)}</strong>",
                 pages, f"Run {html.escape(self.run_at)}", f"covidlib {html.escape(self.version)}"]
        return '<div class="cl-report-header">' + "".join(f"<span>{i}</span>" for i in items) + "</div>"


def run_info() -> RunInfo:
    """Return the run facts of a report build from the environment ``make report`` sets (folder names only).

    The page count is the row count of the extracted ``articles`` table; before any
    extraction, the number of input files is given instead.
    """
    input_dir = Path(os.environ.get("COVIDLIB_INPUT") or config.input_dir())
    processed = Path(os.environ.get("COVIDLIB_PROCESSED") or config.PROCESSED_DIR)
    run_at = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    for name, reader in (("articles.parquet", pd.read_parquet), ("articles.csv", pd.read_csv)):
        if (processed / name).exists():
            return RunInfo(input_dir.name or str(input_dir), len(reader(processed / name)), run_at)
    files = sum(1 for p in input_dir.rglob("*") if p.is_file() and not p.name.startswith(".")) \
        if input_dir.is_dir() else None
    return RunInfo(input_dir.name or str(input_dir), files, run_at, unit="input file")


def _hide_setup_outputs(nb: nbformat.NotebookNode) -> None:
    """Drop the outputs of cells tagged ``parameters`` and of the set-up cell (the first code cell after them:
    imports and tables): what they print (paths, counts, raw values) is for whoever runs the notebook, not for readers."""
    first = next((c for c in nb.cells if c.cell_type == "code"
                  and "parameters" not in c.get("metadata", {}).get("tags", [])), None)
    for cell in nb.cells:
        if cell is first or "parameters" in cell.get("metadata", {}).get("tags", []):
            cell["outputs"] = []


def _caption_tables(nb: nbformat.NotebookNode) -> None:
    """Give every HTML table output without a caption the heading of the section it stands in."""
    heading = None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = _HEADING.findall(cell.source)
            heading = found[-1] if found else heading
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            text = data.get("text/html")
            if not text or heading is None:
                continue
            text = "".join(text) if isinstance(text, list) else text
            if "<table" in text and "<caption" not in text:
                caption = f"<caption>{html.escape(heading.replace('`', ''))}</caption>"
                data["text/html"] = _TABLE_OPEN.sub(lambda m: m.group(0) + caption, text)


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


def render_html(nb: nbformat.NotebookNode, *, title: str | None = None, info: RunInfo | None = None) -> str:
    """Return a self-contained HTML page of an executed notebook: code hidden, no scripts, titled, with a header."""
    _hide_setup_outputs(nb)
    _caption_tables(nb)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    body, _ = exporter.from_notebook_node(nb)
    body = _SCRIPT.sub("", body)
    title = title or _title(nb, "covidlib report")
    body = _TITLE.sub(lambda _: f"<title>{html.escape(title)}</title>", body, count=1)
    if info is not None:
        body = _BODY.sub(lambda m: m.group(0) + info.header_html(), body, count=1)
    return body.replace("</head>", _REPORT_CSS + "</head>", 1)


def _index_html(infos: Iterable[NotebookInfo], run: RunInfo) -> str:
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
  {run.header_html().replace('<span><a href="index.html">← All reports</a></span>', '')}
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
    run = run_info()
    for info in infos:
        if wanted and info.number not in wanted and info.path.stem not in wanted:
            continue
        print(f"running {info.path.name} ...", flush=True)
        nb = execute_notebook(info.path, env={"COVIDLIB_PROGRESS": "0", "COVIDLIB_REPORTS_OUT": str(out_dir.resolve())})
        target = out_dir / info.report_name
        target.write_text(render_html(nb, title=info.title, info=run), encoding="utf-8")
        written.append(target)
    index = out_dir / "index.html"
    index.write_text(_index_html(infos, run), encoding="utf-8")
    written.append(index)
    return written
