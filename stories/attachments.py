"""Contributors' attachments: which types we take, recognised by content, never by name."""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    label: str


PDF = FileKind("pdf", "application/pdf", "PDF")
DOCX = FileKind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (DOCX)",
)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)")
JPEG = FileKind("jpg", "image/jpeg", "JPEG")
PNG = FileKind("png", "image/png", "PNG")
KINDS = {kind.extension: kind for kind in (PDF, DOCX, ODT, JPEG, PNG)}


def max_mb() -> int:
    return settings.SUBMISSION_ATTACHMENT_MAX_MB


def max_bytes() -> int:
    return max_mb() * 1024 * 1024


def megabytes(size: int) -> str:
    """A file size as Finns write it: "12,3 Mt"."""
    return f"{number_format(size / (1024 * 1024), 1)} Mt"


def _zip_document_kind(file) -> FileKind | None:
    """DOCX and ODT are zip packages: tell them apart by what the package holds."""
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
                return DOCX
            mimetype = package.getinfo("mimetype") if "mimetype" in names else None
            # The ODF mimetype entry is a few dozen bytes; refuse anything claiming more.
            if (
                mimetype is not None
                and mimetype.file_size <= 100
                and package.read(mimetype).strip() == ODT_MIMETYPE
            ):
                return ODT
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError):
        return None
    return None


def detect_kind(file: UploadedFile) -> FileKind | None:
    """The attachment's real type from its first bytes (and zip contents), or None."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _zip_document_kind(file)
        return None
    finally:
        file.seek(0)
