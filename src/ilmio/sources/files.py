"""The uploaded file of a source document: a PDF or a Word (DOCX) document only, told by
its contents (magic bytes), not only by its name, and at most :data:`MAX_BYTES` long."""

from __future__ import annotations

import zipfile
from typing import Any

from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
PDF, DOCX = "pdf", "docx"
CONTENT_TYPES = {PDF: "application/pdf",
                 DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}  # fmt: skip


def _is_docx(upload: Any) -> bool:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        upload.seek(0)


def checked_kind(upload: Any) -> str:
    """``"pdf"`` or ``"docx"`` for an acceptable file; ValueError with a clear message otherwise."""
    if upload is None:
        raise ValueError(_("Choose a file to upload."))
    size = getattr(upload, "size", None) or 0
    if size <= 0:
        raise ValueError(_("The file is empty."))
    if size > MAX_BYTES:
        raise ValueError(_("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
    name = str(getattr(upload, "name", "") or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == PDF and head.startswith(b"%PDF-"):
        return PDF
    if extension == DOCX and head.startswith(b"PK") and _is_docx(upload):
        return DOCX
    raise ValueError(_("Only PDF and Word (DOCX) documents can be uploaded, and the file's contents must match its "
                       "name."))  # fmt: skip
