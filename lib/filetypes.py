"""Which files may be uploaded: checked by content (magic bytes) as well as by name, with a size limit.

`receive()` streams an upload into a temporary file (in memory up to 1 MB, on disk beyond),
hashing and counting as it goes, and stops reading as soon as the limit is passed.
"""

import codecs
import hashlib
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

CHUNK = 1024 * 1024
_SNIFF = 64 * 1024
ALLOWED_SUMMARY = "PDF, images (PNG, JPEG, GIF, WebP), Office documents (Word, Excel, PowerPoint), CSV and plain text"


class RejectedFile(ValueError):
    """The file may not be uploaded; str(exc) names the file and the reason in one sentence."""


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extension: str  # the one the stored object gets (never the uploaded name's)


PDF = FileKind("PDF", "application/pdf", ".pdf")
PNG = FileKind("PNG image", "image/png", ".png")
JPEG = FileKind("JPEG image", "image/jpeg", ".jpg")
GIF = FileKind("GIF image", "image/gif", ".gif")
WEBP = FileKind("WebP image", "image/webp", ".webp")
DOCX = FileKind("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
XLSX = FileKind("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
PPTX = FileKind("PowerPoint presentation",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx")
DOC = FileKind("Word 97-2003 document", "application/msword", ".doc")
XLS = FileKind("Excel 97-2003 workbook", "application/vnd.ms-excel", ".xls")
PPT = FileKind("PowerPoint 97-2003 presentation", "application/vnd.ms-powerpoint", ".ppt")
CSV = FileKind("CSV file", "text/csv", ".csv")
TEXT = FileKind("plain text file", "text/plain", ".txt")

BY_EXTENSION = {".pdf": PDF, ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".gif": GIF, ".webp": WEBP,
                ".docx": DOCX, ".xlsx": XLSX, ".pptx": PPTX, ".doc": DOC, ".xls": XLS, ".ppt": PPT,
                ".csv": CSV, ".txt": TEXT}
_OOXML_PART = {DOCX: "word/", XLSX: "xl/", PPTX: "ppt/"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Content we can name when it is disguised, so the message says what the file really is.
_LOOKS_LIKE = ((b"MZ", "a Windows program"), (b"\x7fELF", "a Linux program"), (b"#!", "a script"),
               (b"PK\x03\x04", "a ZIP archive"), (b"\xca\xfe\xba\xbe", "a Mac or Java program"),
               (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"))


@dataclass
class ReceivedFile:
    """An upload that passed every check, ready to be stored (the caller closes `data`)."""

    original_name: str
    kind: FileKind
    size: int
    sha256: str
    data: BinaryIO


def clean_name(name: str) -> str:
    """The uploaded name as text to show and to offer on download: no folders, no control characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().strip(".") or "file"
    return base[-255:]


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size:,} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        try:
            head.decode("cp1252")  # Excel on Windows still saves CSV this way
        except UnicodeDecodeError:
            return False
    return not any(byte < 9 or 13 < byte < 32 and byte != 27 for byte in head)


def _ooxml_matches(data: BinaryIO, kind: FileKind) -> bool:
    try:
        with zipfile.ZipFile(data) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        data.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(_OOXML_PART[kind]) for n in names)


def content_matches(kind: FileKind, head: bytes, data: BinaryIO) -> bool:
    """Does the content really have the type the extension claims?"""
    checks = {
        PDF: lambda: head.startswith(b"%PDF-"),
        PNG: lambda: head.startswith(b"\x89PNG\r\n\x1a\n"),
        JPEG: lambda: head.startswith(b"\xff\xd8\xff"),
        GIF: lambda: head[:6] in (b"GIF87a", b"GIF89a"),
        WEBP: lambda: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
        DOC: lambda: head.startswith(_OLE2), XLS: lambda: head.startswith(_OLE2),
        PPT: lambda: head.startswith(_OLE2),
        CSV: lambda: _is_text(head), TEXT: lambda: _is_text(head),
    }
    if kind in _OOXML_PART:
        return head.startswith(b"PK\x03\x04") and _ooxml_matches(data, kind)
    return checks[kind]()


def _describe(head: bytes) -> str | None:
    return next((what for magic, what in _LOOKS_LIKE if head.startswith(magic)), None)


def kind_for_name(name: str) -> FileKind:
    suffix = PurePosixPath(clean_name(name)).suffix.lower()
    if suffix not in BY_EXTENSION:
        shown = f"{suffix} files are" if suffix else "files without an extension are"
        raise RejectedFile(f"{clean_name(name)}: {shown} not allowed. Allowed: {ALLOWED_SUMMARY}.")
    return BY_EXTENSION[suffix]


def _spool(fileobj: BinaryIO, name: str, max_bytes: int) -> tuple[BinaryIO, int, str]:
    spool = tempfile.SpooledTemporaryFile(max_size=CHUNK)
    digest, size = hashlib.sha256(), 0
    while chunk := fileobj.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            spool.close()
            raise RejectedFile(f"{name} is larger than the limit of {format_size(max_bytes)}.")
        digest.update(chunk)
        spool.write(chunk)
    spool.seek(0)
    return spool, size, digest.hexdigest()


def receive(fileobj: BinaryIO, name: str, max_bytes: int) -> ReceivedFile:
    """Check name, size and content of an upload; raise RejectedFile with the reason if it may not be kept."""
    shown = clean_name(name)
    kind = kind_for_name(name)
    data, size, sha256 = _spool(fileobj, shown, max_bytes)
    if size == 0:
        data.close()
        raise RejectedFile(f"{shown} is empty: choose a file that has content.")
    head = data.read(_SNIFF)
    data.seek(0)
    if not content_matches(kind, head, data):
        data.close()
        looks_like = _describe(head)
        reason = f"its content looks like {looks_like}" if looks_like else \
            f"its content is not that of a {kind.label}"
        raise RejectedFile(f"{shown} is not a real {kind.label}: {reason}.")
    return ReceivedFile(shown, kind, size, sha256, data)
