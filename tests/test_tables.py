"""The tables' codebook: every column documented, dtypes applied, docs in step with the code."""
from __future__ import annotations

import pandas as pd
import pytest

from covidlib import config
from covidlib.tables import CODEBOOK, TABLES, codebook_markdown, frame
from covidlib.run.writers import read_tables, write_tables


def test_docs_codebook_is_generated_from_the_code():
    text = (config.PROJECT_ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert text == codebook_markdown(), "run `python -m covidlib codebook > docs/codebook.md`"


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_a_meaning(table):
    for name, dtype, meaning in CODEBOOK[table]:
        assert name and dtype in {"string", "Int64", "Float64", "boolean"} and len(meaning) > 10


def test_frame_orders_columns_and_sorts_rows():
    rows = [{"article_id": "b", "value": 3, "start": 5, "extra": "dropped"},
            {"article_id": "a", "value": 7, "start": 9}]
    df = frame("case_counts", rows)
    assert list(df.columns) == [c for c, _, _ in CODEBOOK["case_counts"]]
    assert df["article_id"].tolist() == ["a", "b"]
    assert str(df["value"].dtype) == "Int64" and df["province"].isna().all()


def test_write_then_read_round_trips(tmp_path):
    tables = {"places": frame("places", [{"article_id": "x", "province": "Điện Biên", "province_code": "11",
                                          "district": None, "mentions": 2, "first_start": 0, "first_end": 9}])}
    write_tables(tables, tmp_path)
    back = read_tables(tmp_path)["places"]
    pd.testing.assert_frame_equal(back, tables["places"])
    assert "Điện Biên" in (tmp_path / "places.csv").read_text(encoding="utf-8")
    assert (tmp_path / "codebook.csv").exists()
