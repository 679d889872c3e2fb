"""Chinese time expressions alone: ``6月底前``, ``三季度末``, ``春节前``, ``两周内`` ...

>>> import huiyi
>>> huiyi.time.parse("4月底前", "2025-03-20")["end"]
'2025-04-30'
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Dict, Union

from . import _huiyi

__all__ = ["parse"]


def parse(text: str, ref_date: Union[str, _dt.date]) -> Dict[str, Any]:
    """Reads a whole string as one time expression against ``ref_date``.

    Returns what ``huiyi time --ref-date REF TEXT`` prints: ``text``,
    ``start`` and ``end`` (ISO dates: the first day covered, the last day
    allowed), ``relation`` (``by``, ``on``, ``within``, ``from``,
    ``ongoing``, ``recurring``) and ``precision`` (``day``, ``month``,
    ``quarter``, ``half_year``, ``year``, ``none``); all but ``text`` are
    ``None`` when the text is not a time expression.

    Raises:
        huiyi.InvalidDateError: ``ref_date`` is not a valid ``YYYY-MM-DD`` date.
    """
    if isinstance(ref_date, _dt.datetime):
        ref_date = ref_date.date()
    if isinstance(ref_date, _dt.date):
        ref_date = ref_date.isoformat()
    parsed: Dict[str, Any] = _json.loads(_huiyi.time_json(text, ref_date))
    return parsed
