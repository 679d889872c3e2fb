"""Not a test module: ``mypy --strict`` checks this use of the public API
against the package's stubs (.ci/python runs it)."""

import datetime
from typing import Any, Dict, List

import huiyi

record: Dict[str, Any] = huiyi.extract("a.txt", ref_date=datetime.date(2025, 1, 1), with_text=True)
extractor = huiyi.Extractor(ref_date="2025-01-01", limits={"max_entries": 5})
records: List[Dict[str, Any]] = list(extractor.extract_many(["a.txt"], jobs=2))
line: str = extractor.extract_json(b"...", path="a.txt")
failed: Dict[str, Any] = extractor.extract_bytes(b"", "empty.txt")
when: Dict[str, Any] = huiyi.time.parse("4月底前", "2025-01-01")
frames: Dict[str, Any] = huiyi.to_frames(records)
schema: Dict[str, Any] = huiyi.json_schema()
try:
    huiyi.extract("missing.txt")
except huiyi.IoError as error:
    kind: str = error.kind
except huiyi.HuiyiError as error:
    message: str = error.message
