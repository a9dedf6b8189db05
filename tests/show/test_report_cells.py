"""Reports: which cells' outputs readers see."""
from __future__ import annotations

import nbformat

from covidlib.show import report


def _cell(source: str, text: str, *, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)} if tags else {})
    cell["outputs"] = [nbformat.v4.new_output("stream", text=text)]
    return cell


def test_parameters_and_setup_outputs_are_hidden_and_later_outputs_kept():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title"),
        _cell("input_dir = '/home/me/articles'", "/home/me/articles", tags=("parameters",)),
        _cell("tables = corpus_tables(input_dir)", "{'articles': 5}"),
        _cell("print('5 articles')", "5 articles"),
    ])
    report._hide_setup_outputs(nb)
    assert [len(c.get("outputs", [])) for c in nb.cells if c.cell_type == "code"] == [0, 0, 1]


def test_without_a_parameters_cell_only_the_first_code_cell_is_hidden():
    nb = nbformat.v4.new_notebook(cells=[_cell("import covidlib", "x"), _cell("1 + 1", "2"), _cell("2 + 2", "4")])
    report._hide_setup_outputs(nb)
    assert [len(c["outputs"]) for c in nb.cells] == [0, 1, 1]
