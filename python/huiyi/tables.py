"""Records as the six tables of the CSV and SQLite sinks.

``documents`` (one row per input, error records included), ``people``,
``tasks``, ``task_leaders``, ``deadlines`` and ``problems``, joined by
``document_id`` (a stable id from the input's path and content, the one the
CSV sink writes) and each child's ``*_index``. The rows are built by the
same Rust code as the sinks', so the columns cannot drift apart.
"""

from __future__ import annotations

import json as _json
from typing import Any, Dict, Iterable, List, Mapping, Tuple, Union

from . import _huiyi

__all__ = ["TABLES", "COLUMNS", "rows", "rows_of_json", "to_frames", "spark_schema", "arrow_schema"]

#: ``[(table, [(column, type, nullable), ...]), ...]``; type is ``text`` or ``integer``.
TABLES: List[Tuple[str, List[Tuple[str, str, bool]]]] = [
    (name, [(c[0], c[1], c[2]) for c in columns]) for name, columns in _huiyi.tables()
]
#: Table name -> its column names.
COLUMNS: Dict[str, List[str]] = {name: [c[0] for c in cols] for name, cols in TABLES}

Record = Union[Mapping[str, Any], str]


def rows_of_json(lines: str) -> Dict[str, List[Tuple[Any, ...]]]:
    """The rows of records given as JSON text, one record (or error record) a line."""
    return dict(_huiyi.rows_json(lines))


def rows(records: Iterable[Record]) -> Dict[str, List[Tuple[Any, ...]]]:
    """Table name -> list of row tuples (columns as :data:`COLUMNS` says).

    ``records`` are dicts as :func:`huiyi.extract` returns them, or their
    JSON lines (as :meth:`huiyi.Extractor.extract_json` returns them).
    """
    lines = [r if isinstance(r, str) else _json.dumps(r, ensure_ascii=False) for r in records]
    return rows_of_json("\n".join(lines))


def to_frames(records: Iterable[Record]) -> Dict[str, Any]:
    """The six tables as pandas DataFrames (needs pandas: ``pip install huiyi[pandas]``).

    Integer columns that may be empty (``bytes``, ``deadline_index``,
    ``task_index`` of problems) are pandas' nullable ``Int64``.
    """
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    tables = rows(records)
    frames = {}
    for name, columns in TABLES:
        frame = pd.DataFrame.from_records(tables[name], columns=[c[0] for c in columns])
        for column, kind, nullable in columns:
            if kind == "integer":
                frame[column] = frame[column].astype("Int64" if nullable else "int64")
            else:
                frame[column] = frame[column].astype("object")
        frames[name] = frame
    return frames


def spark_schema(table: str) -> Any:
    """The ``pyspark.sql.types.StructType`` of a table (needs pyspark)."""
    from pyspark.sql import types as T  # type: ignore[import-untyped,unused-ignore]

    columns = dict(TABLES)[table]
    return T.StructType(
        [
            T.StructField(name, T.LongType() if kind == "integer" else T.StringType(), nullable)
            for name, kind, nullable in columns
        ]
    )


def arrow_schema(table: str) -> Any:
    """The ``pyarrow.Schema`` of a table (needs pyarrow)."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    columns = dict(TABLES)[table]
    return pa.schema(
        [pa.field(name, pa.int64() if kind == "integer" else pa.string(), nullable) for name, kind, nullable in columns]
    )
