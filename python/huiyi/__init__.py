"""huiyi: Chinese meeting reports and minutes -> structured ``huiyi/1`` records.

The same library as the ``huiyi`` command line, in-process::

    import huiyi
    record = huiyi.extract("minutes/2025-03-18.docx", ref_date="2025-03-19")
    record["meeting"]["date"]            # '2025-03-18'

    ex = huiyi.Extractor(ref_date="2025-01-01")
    for record in ex.extract_many(paths, jobs=4):   # in input order
        ...

    frames = huiyi.to_frames(records)    # six pandas DataFrames

A record is exactly the JSON object ``huiyi extract --format json`` writes
(``SCHEMA.md``); an input that cannot be read raises a :class:`HuiyiError`
subclass in single calls and becomes an error record (``{"schema",
"source", "error": {"kind", "message"}}``) in :meth:`Extractor.extract_many`.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

from . import _huiyi
from . import time  # noqa: F401  (huiyi.time.parse)
from .errors import *  # noqa: F401,F403
from .errors import HuiyiError
from .tables import TABLES, rows, to_frames

__all__ = [
    "SCHEMA",
    "Extractor",
    "HuiyiError",
    "TABLES",
    "extract",
    "extract_text",
    "rows",
    "to_frames",
    "time",
    "default_limits",
    "json_schema",
]

#: The schema name every record carries.
SCHEMA: str = _huiyi.SCHEMA
__version__: str = _huiyi.VERSION

Source = Union[str, "_os.PathLike[str]", bytes, bytearray, memoryview]
DateLike = Union[str, _dt.date, None]


def _date(ref_date: DateLike) -> Optional[str]:
    if ref_date is None:
        return None
    if isinstance(ref_date, _dt.datetime):
        ref_date = ref_date.date()
    if isinstance(ref_date, _dt.date):
        return ref_date.isoformat()
    if isinstance(ref_date, str):
        return ref_date
    raise TypeError(f"ref_date: expected 'YYYY-MM-DD' or datetime.date, not {type(ref_date).__name__}")


def json_schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record or error record (``schema/huiyi-1.schema.json``)."""
    return _json.loads(_huiyi.JSON_SCHEMA)


def default_limits() -> Dict[str, int]:
    """The safety limits an :class:`Extractor` applies unless told otherwise."""
    return dict(_huiyi.default_limits())


class Extractor:
    """An extractor built once and reused (it is thread-safe).

    Args:
        ref_date: the date dates without a year are read against
            (``'YYYY-MM-DD'`` or a :class:`datetime.date`); by default a
            docx's created date, a date in the file name, or the document's
            own issue date, as the command line does.
        limits: safety limits to change, by name (see :func:`default_limits`).
        with_text: include the normalised text (``record["text"]``) that
            the spans point into.

    An extractor pickles as its arguments, so Spark, Dask or Ray can ship
    one to each worker (rebuilding costs microseconds once a process has
    loaded the dictionaries, about 0.2 s the first time).
    """

    def __init__(
        self,
        ref_date: DateLike = None,
        limits: Optional[Mapping[str, int]] = None,
        with_text: bool = False,
    ):
        self._ref_date = _date(ref_date)
        self._limits = dict(limits) if limits else None
        self._with_text = bool(with_text)
        self._inner = _huiyi.Extractor(self._ref_date, self._limits, self._with_text)

    def __reduce__(self):
        return (Extractor, (self._ref_date, self._limits, self._with_text))

    def __repr__(self) -> str:
        return f"Extractor(ref_date={self._ref_date!r}, limits={self._limits!r}, with_text={self._with_text!r})"

    def extract_json(self, source: Source, *, path: Optional[str] = None) -> str:
        """Like :meth:`extract`, the record as one JSON line (the cheapest form to pass on)."""
        if isinstance(source, (bytes, bytearray, memoryview)):
            return self._inner.bytes_json(bytes(source), path)
        if isinstance(source, (str, _os.PathLike)):
            return self._inner.path_json(_os.fspath(source))
        raise TypeError(f"source: expected a path or bytes, not {type(source).__name__}")

    def extract(self, source: Source, *, path: Optional[str] = None) -> Dict[str, Any]:
        """The record of one document.

        Args:
            source: a path (``str`` or :class:`os.PathLike`) to read, or the
                document's ``bytes`` (any format huiyi reads: docx, doc, odt,
                rtf, pdf, html, markdown, text in any common encoding).
            path: for bytes, the name written into ``source.path`` (its
                extension and a date in it are used as a file's would be).

        Raises:
            HuiyiError: a subclass per kind (``IoError``,
                ``UnsupportedFormatError`` ...) when the input cannot be read.
        """
        return _json.loads(self.extract_json(source, path=path))

    def extract_bytes(self, data: bytes, path: Optional[str] = None) -> Dict[str, Any]:
        """The record of a document given as bytes, or its error record.

        Never raises for the input: a file that cannot be read gives the
        error record (``record["error"]["kind"]``), as in a batch. Meant for
        ``sc.binaryFiles`` and other readers that hand over bytes.
        """
        return _json.loads(self._inner.bytes_outcome_json(bytes(data), path))

    def extract_bytes_json(self, data: bytes, path: Optional[str] = None) -> str:
        """Like :meth:`extract_bytes`, as one JSON line."""
        return self._inner.bytes_outcome_json(bytes(data), path)

    def extract_text(self, text: str) -> Dict[str, Any]:
        """The record of text already in memory (no reading, no encoding detection)."""
        return _json.loads(self._inner.str_json(text))

    def extract_many_json(
        self, paths: Iterable[Union[str, "_os.PathLike[str]"]], jobs: Optional[int] = None
    ) -> Iterator[str]:
        """Like :meth:`extract_many`, yielding JSON lines."""
        items = [_os.fspath(p) for p in paths]
        lines = self._inner.many_json(items, jobs or 0)
        try:
            yield from lines
        finally:
            lines.close()

    def extract_many(
        self, paths: Iterable[Union[str, "_os.PathLike[str]"]], jobs: Optional[int] = None
    ) -> Iterator[Dict[str, Any]]:
        """Extracts many files on a pool of Rust threads, the GIL released.

        Yields one dict per path, in input order, as soon as it and those
        before it are done: the record, or the error record of a file that
        cannot be read (one bad file never stops the batch). At most 256
        files are in flight, so memory does not grow with the list.

        Args:
            paths: the files (the list is read at once; the files as they go).
            jobs: worker threads (default: one per core).
        """
        loads = _json.loads
        for line in self.extract_many_json(paths, jobs):
            yield loads(line)


_DEFAULT: Optional[Extractor] = None


def extract(
    source: Source,
    *,
    ref_date: DateLike = None,
    with_text: bool = False,
    path: Optional[str] = None,
) -> Dict[str, Any]:
    """The ``huiyi/1`` record of one document: a path or its bytes.

    The dict equals the JSON ``huiyi extract --format json`` writes for the
    same input and options. See :meth:`Extractor.extract`; build an
    :class:`Extractor` once for many documents.

    Raises:
        HuiyiError: a subclass per kind, when the input cannot be read.
    """
    global _DEFAULT
    if ref_date is None and not with_text:
        if _DEFAULT is None:
            _DEFAULT = Extractor()
        return _DEFAULT.extract(source, path=path)
    return Extractor(ref_date=ref_date, with_text=with_text).extract(source, path=path)


def extract_text(text: str, *, ref_date: DateLike = None, with_text: bool = False) -> Dict[str, Any]:
    """The record of text already in memory (a ``str`` is a path to :func:`extract`)."""
    return Extractor(ref_date=ref_date, with_text=with_text).extract_text(text)
