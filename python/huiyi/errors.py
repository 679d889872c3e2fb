"""The exceptions huiyi raises, one class per error kind.

Every error record written by huiyi has an ``error.kind`` (``io``,
``unsupported_format`` ...); a single call (:func:`huiyi.extract`,
:meth:`huiyi.Extractor.extract`) raises the subclass of :class:`HuiyiError`
for that kind instead. ``extract_many`` never raises for an input: it yields
the error record.
"""

from __future__ import annotations

from typing import Dict, Optional, Type


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

    def __reduce__(self):
        return (type(self), (self.message, self.kind, self.path))


def _kind(name: str, kind: str, doc: str) -> Type[HuiyiError]:
    cls = type(name, (HuiyiError,), {"kind": kind, "__doc__": doc, "__module__": __name__})
    return cls


IoError = _kind("IoError", "io", "The file could not be opened or read.")
UnsupportedFormatError = _kind(
    "UnsupportedFormatError", "unsupported_format", "The input is in a format huiyi does not read."
)
UndecodableTextError = _kind(
    "UndecodableTextError", "undecodable_text", "The bytes do not decode as text in any supported encoding."
)
EmptyError = _kind("EmptyError", "empty", "The input holds no text at all.")
TooLargeError = _kind("TooLargeError", "too_large", "The input is larger than the configured limit.")
NotADocxError = _kind("NotADocxError", "not_a_docx", "A zip, but not a WordprocessingML (or OpenDocument) package.")
EncryptedError = _kind("EncryptedError", "encrypted", "An encrypted (password-protected) Office document.")
CorruptZipError = _kind("CorruptZipError", "corrupt_zip", "The zip is truncated or corrupt.")
CorruptDocError = _kind("CorruptDocError", "corrupt_doc", "A truncated or corrupt Word binary document.")
MalformedXmlError = _kind("MalformedXmlError", "malformed_xml", "A part of a docx is not well-formed XML.")
TooDeepError = _kind("TooDeepError", "too_deep", "XML elements or RTF groups nested deeper than the limit.")
MalformedRtfError = _kind("MalformedRtfError", "malformed_rtf", "An RTF document that is cut off.")
MalformedPdfError = _kind("MalformedPdfError", "malformed_pdf", "A PDF that cannot be loaded.")
NoTextLayerError = _kind("NoTextLayerError", "no_text_layer", "A PDF without a text layer (a scan?).")
InvalidDateError = _kind("InvalidDateError", "invalid_date", "A date given is not a valid YYYY-MM-DD date.")
InternalError = _kind("InternalError", "internal", "Extraction of one document failed inside huiyi.")

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


__all__ = ["HuiyiError", "BY_KIND", "error_class"] + [cls.__name__ for cls in BY_KIND.values()]
