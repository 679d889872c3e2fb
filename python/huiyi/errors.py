"""The exceptions huiyi raises, one class per error kind.

Every error record written by huiyi has an ``error.kind`` (``io``,
``unsupported_format`` ...); a single call (:func:`huiyi.extract`,
:meth:`huiyi.Extractor.extract`) raises the subclass of :class:`HuiyiError`
for that kind instead. ``extract_many`` never raises for an input: it yields
the error record.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Type


class HuiyiError(Exception):
    """A document could not be read, or a request not served.

    Attributes:
        kind: the stable, machine-readable kind, as in error records.
        message: the human-readable message naming the file and the cause.
        path: the input's path, when it has one.
    """

    kind: str = "internal"

    def __init__(self, message: str, kind: Optional[str] = None, path: Optional[str] = None):
        super().__init__(message)
        self.message = message
        if kind is not None:
            self.kind = kind
        self.path = path

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.kind, self.path))


class IoError(HuiyiError):
    """The file could not be opened or read."""

    kind = "io"


class UnsupportedFormatError(HuiyiError):
    """The input is in a format huiyi does not read."""

    kind = "unsupported_format"


class UndecodableTextError(HuiyiError):
    """The bytes do not decode as text in any supported encoding."""

    kind = "undecodable_text"


class EmptyError(HuiyiError):
    """The input holds no text at all."""

    kind = "empty"


class TooLargeError(HuiyiError):
    """The input is larger than the configured limit."""

    kind = "too_large"


class NotADocxError(HuiyiError):
    """A zip, but not a WordprocessingML (or OpenDocument) package."""

    kind = "not_a_docx"


class EncryptedError(HuiyiError):
    """An encrypted (password-protected) Office document."""

    kind = "encrypted"


class CorruptZipError(HuiyiError):
    """The zip is truncated or corrupt."""

    kind = "corrupt_zip"


class CorruptDocError(HuiyiError):
    """A truncated or corrupt Word binary document."""

    kind = "corrupt_doc"


class MalformedXmlError(HuiyiError):
    """A part of a docx is not well-formed XML."""

    kind = "malformed_xml"


class TooDeepError(HuiyiError):
    """XML elements or RTF groups nested deeper than the limit."""

    kind = "too_deep"


class MalformedRtfError(HuiyiError):
    """An RTF document that is cut off."""

    kind = "malformed_rtf"


class MalformedPdfError(HuiyiError):
    """A PDF that cannot be loaded."""

    kind = "malformed_pdf"


class NoTextLayerError(HuiyiError):
    """A PDF without a text layer (a scan?)."""

    kind = "no_text_layer"


class InvalidDateError(HuiyiError):
    """A date given is not a valid YYYY-MM-DD date."""

    kind = "invalid_date"


class InternalError(HuiyiError):
    """Extraction of one document failed inside huiyi."""

    kind = "internal"


#: Error kind -> exception class.
BY_KIND: Dict[str, Type[HuiyiError]] = {
    cls.kind: cls
    for cls in (
        IoError,
        UnsupportedFormatError,
        UndecodableTextError,
        EmptyError,
        TooLargeError,
        NotADocxError,
        EncryptedError,
        CorruptZipError,
        CorruptDocError,
        MalformedXmlError,
        TooDeepError,
        MalformedRtfError,
        MalformedPdfError,
        NoTextLayerError,
        InvalidDateError,
        InternalError,
    )
}


def error_class(kind: str) -> Type[HuiyiError]:
    """The exception class for an error kind (:class:`HuiyiError` for a kind added later)."""
    return BY_KIND.get(kind, HuiyiError)


__all__ = [
    "HuiyiError",
    "BY_KIND",
    "error_class",
    "IoError",
    "UnsupportedFormatError",
    "UndecodableTextError",
    "EmptyError",
    "TooLargeError",
    "NotADocxError",
    "EncryptedError",
    "CorruptZipError",
    "CorruptDocError",
    "MalformedXmlError",
    "TooDeepError",
    "MalformedRtfError",
    "MalformedPdfError",
    "NoTextLayerError",
    "InvalidDateError",
    "InternalError",
]
