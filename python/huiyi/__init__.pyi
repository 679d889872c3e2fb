import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from . import time as time
from .errors import *
from .errors import HuiyiError as HuiyiError
from .tables import TABLES as TABLES, rows as rows, to_frames as to_frames

SCHEMA: str
__version__: str

Source = Union[str, os.PathLike[str], bytes, bytearray, memoryview]
DateLike = Union[str, datetime.date, None]
PathLike = Union[str, os.PathLike[str]]
Record = Dict[str, Any]

def default_limits() -> Dict[str, int]: ...
def json_schema() -> Dict[str, Any]: ...

class Extractor:
    def __init__(
        self,
        ref_date: DateLike = None,
        limits: Optional[Mapping[str, int]] = None,
        with_text: bool = False,
    ) -> None: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...
    def extract(self, source: Source, *, path: Optional[str] = None) -> Record: ...
    def extract_json(self, source: Source, *, path: Optional[str] = None) -> str: ...
    def extract_bytes(self, data: bytes, path: Optional[str] = None) -> Record: ...
    def extract_bytes_json(self, data: bytes, path: Optional[str] = None) -> str: ...
    def extract_text(self, text: str) -> Record: ...
    def extract_many(self, paths: Iterable[PathLike], jobs: Optional[int] = None) -> Iterator[Record]: ...
    def extract_many_json(self, paths: Iterable[PathLike], jobs: Optional[int] = None) -> Iterator[str]: ...

def extract(
    source: Source,
    *,
    ref_date: DateLike = None,
    with_text: bool = False,
    path: Optional[str] = None,
) -> Record: ...
def extract_text(text: str, *, ref_date: DateLike = None, with_text: bool = False) -> Record: ...
