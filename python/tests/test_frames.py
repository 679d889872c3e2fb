"""huiyi.to_frames: the six tables of the CSV sink, the same columns and cells."""

from __future__ import annotations

import csv

import pytest

import huiyi
from conftest import fixture_files

pd = pytest.importorskip("pandas")


def test_frames_are_the_csv_tables(cli, tmp_path):
    files = fixture_files()
    out = cli("extract", "--format", "csv", "-o", tmp_path / "tables", "--files-from", "-", input="\n".join(files).encode())
    assert out.returncode in (0, 1), out.stderr
    records = list(huiyi.Extractor().extract_many(files))
    frames = huiyi.to_frames(records)
    assert list(frames) == ["documents", "people", "tasks", "task_leaders", "deadlines", "problems"]
    for name, frame in frames.items():
        with open(tmp_path / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert list(frame.columns) == rows[0] == huiyi.tables.COLUMNS[name]
        assert len(frame) == len(rows) - 1, name
        cells = [["" if pd.isna(v) else str(v) for v in row] for row in frame.itertuples(index=False)]
        assert cells == rows[1:], name
    assert frames["documents"]["error_kind"].notna().sum() > 0
    assert str(frames["people"]["person_index"].dtype) == "int64"
    assert str(frames["documents"]["bytes"].dtype) == "Int64"


def test_rows_take_dicts_or_json_lines():
    ex = huiyi.Extractor(ref_date="2025-03-19")
    path = "fixtures/reports/liuchuan-2025-03-18.txt"
    assert huiyi.rows([ex.extract(path)]) == huiyi.rows([ex.extract_json(path)])
    tables = huiyi.rows([ex.extract(path), ex.extract_bytes(b"", "empty.txt")])
    assert len(tables["documents"]) == 2
    assert tables["documents"][1][13] == "empty"
    ids = {row[0] for row in tables["documents"]}
    assert all(row[0] in ids for row in tables["tasks"])
    with pytest.raises(ValueError):
        huiyi.rows(['{"not": "a record"}'])


def test_empty_frames_have_their_columns():
    frames = huiyi.to_frames([])
    assert all(len(f) == 0 for f in frames.values())
    assert list(frames["tasks"].columns) == huiyi.tables.COLUMNS["tasks"]


def test_arrow_and_spark_schemas_follow_the_tables():
    for name, columns in huiyi.TABLES:
        names = [c[0] for c in columns]
        assert names[0] == "document_id"
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            pass
        else:
            schema = huiyi.tables.arrow_schema(name)
            assert schema.names == names
            assert [str(f.type) for f in schema] == ["int64" if c[1] == "integer" else "string" for c in columns]
        try:
            import pyspark  # noqa: F401
        except ImportError:
            continue
        spark = huiyi.tables.spark_schema(name)
        assert spark.names == names
        assert [f.nullable for f in spark.fields] == [c[2] for c in columns]
