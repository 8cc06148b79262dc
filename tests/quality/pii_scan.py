"""Scanning helpers for no-leak tests: find identifying details anywhere they could stay.

``find_leaks(text, secrets)`` looks for each secret as typed, without spaces,
case-insensitively and URL-encoded (query strings, access logs). ``stored_text()`` is every
text-like column of every table, with the values that are stored encoded (sessions, the
database cache) decoded first, plus every file under ``MEDIA_ROOT`` (rendered PDFs read as
text).
"""

from __future__ import annotations

import base64
import contextlib
import logging
import pickle
import subprocess
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

from django.apps import apps
from django.conf import settings
from django.db import connection, models

# The person a hurried professional writes about. Every value is one the redaction
# engine recognises in this probe text (checked by the probe test itself).
PROBE_SECRETS: dict[str, str] = {
    "name": "Mikko Virtanen",
    "surname": "Virtanen",
    "first_name": "Mikko",
    "hetu": "131052-308T",
    "phone": "040 765 4321",
    "email": "mikko.virtanen@example.com",
    "address": "Kauppakatu 12 B 7",
    "iban": "FI21 1234 5600 0007 85",
}
# Pieces of text, each carrying some identifying details, and the canonical placeholders
# that redaction leaves in their place. Short fields take them one by one.
PROBE_PARTS: list[tuple[str, tuple[str, ...]]] = [
    ("Asiakas Mikko Virtanen, hetu 131052-308T, puh. 040 765 4321", ("[NIMI]", "[HETU]", "[PUHELIN]")),
    ("sähköposti mikko.virtanen@example.com, osoite Kauppakatu 12 B 7", ("[SÄHKÖPOSTI]", "[OSOITE]")),
    ("tili FI21 1234 5600 0007 85.", ("[TILINUMERO]",)),
]
PROBE_TEXT = ", ".join(part.rstrip(".") for part, _ in PROBE_PARTS) + "."
PROBE_PLACEHOLDERS: tuple[str, ...] = tuple(p for _, placeholders in PROBE_PARTS for p in placeholders)


def probe_texts(max_length: int | None) -> list[tuple[str, tuple[str, ...]]]:
    """The probe as one text if it fits the field, else the fewest pieces that do."""
    if max_length is None or len(PROBE_TEXT) <= max_length:
        return [(PROBE_TEXT, PROBE_PLACEHOLDERS)]
    pieces: list[tuple[str, tuple[str, ...]]] = []
    for part, placeholders in PROBE_PARTS:
        assert len(part) <= max_length, f"probe part does not fit {max_length}: {part!r}"
        if pieces and len(pieces[-1][0]) + 2 + len(part) <= max_length:
            text, held = pieces[-1]
            pieces[-1] = (f"{text}, {part}", held + placeholders)
        else:
            pieces.append((part, placeholders))
    return pieces


def _variants(secret: str) -> set[str]:
    variants = {secret, secret.replace(" ", ""), quote(secret), quote_plus(secret), quote(secret, safe="")}
    return {v.casefold() for v in variants if v}


def find_leaks(text: str, secrets: Mapping[str, str] = PROBE_SECRETS) -> list[str]:
    """The kinds of secret found in ``text`` (as typed, without spaces, any case, URL-encoded)."""
    folded = text.casefold()
    squeezed = folded.replace(" ", "")
    found = []
    for kind, secret in secrets.items():
        variants = _variants(secret)
        if any(v in folded for v in variants) or secret.replace(" ", "").casefold() in squeezed:
            found.append(f"{kind} ({secret!r})")
    return found


def _decoded_cache_value(value: Any) -> str:
    try:
        return repr(pickle.loads(base64.b64decode(value)))  # noqa: S301 - our own test database
    except Exception:  # noqa: BLE001 - not a pickled value: scan it as it is
        return str(value)


def stored_text() -> dict[str, str]:
    """Every text-like stored value, by table (and ``media`` for files), each as one string."""
    by_table: dict[str, list[str]] = {}
    for model in apps.get_models():
        text_fields = [f.attname for f in model._meta.concrete_fields
                       if isinstance(f, models.CharField | models.TextField | models.JSONField | models.FileField)]  # fmt: skip
        if not text_fields:
            continue
        chunks = by_table.setdefault(model._meta.db_table, [])
        for row in model.objects.values_list(*text_fields):
            chunks.extend(str(value) for value in row if value)
        if model._meta.label == "sessions.Session":
            for session in model.objects.all():
                # A session that does not decode is scanned raw above.
                with contextlib.suppress(Exception):
                    chunks.append(repr(session.get_decoded()))
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table == "ilmio_cache":
                cursor.execute("SELECT cache_key, value FROM ilmio_cache")
                by_table[table] = [f"{key} {_decoded_cache_value(value)}" for key, value in cursor.fetchall()]
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        by_table["media"] = [f"{path}\n{file_text(path)}" for path in sorted(media.rglob("*")) if path.is_file()]
    return {table: "\n".join(chunks) for table, chunks in by_table.items()}


def file_text(path: Path) -> str:
    """A file's words as a reader sees them: PDFs as text, Office files and archives
    unzipped, saved arrays listed; anything else as its bytes."""
    if path.suffix == ".pdf":
        # Lines are broken where the page ends them: a sentence is read across them.
        out = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, text=True, check=False).stdout
        return " ".join(out.split())
    if path.suffix in (".docx", ".xlsx", ".odt", ".zip", ".qdpx"):
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    if path.suffix == ".npz":
        import numpy as np

        with np.load(path, allow_pickle=False) as arrays:
            return " ".join(" ".join(map(str, arrays[name].ravel().tolist())) for name in arrays.files)
    return path.read_bytes().decode("utf-8", errors="replace")


def stored_leaks(secrets: Mapping[str, str] = PROBE_SECRETS) -> list[str]:
    return [f"stored in {table}: {kind}" for table, text in stored_text().items() for kind in find_leaks(text, secrets)]


def log_text(records: Iterable[logging.LogRecord]) -> str:
    """Log records as they are written (the JSON formatter) and with every attribute."""
    from ilmio.core.logging import JsonFormatter

    formatter = JsonFormatter()
    return "\n".join(f"{formatter.format(r)} {r.getMessage()} {r.__dict__!r}" for r in records)


def mail_text(outbox: Iterable[Any]) -> str:
    parts = []
    for message in outbox:
        parts += [message.subject, message.body, " ".join(message.to), str(message.message())]
        parts += [str(content) for content, _mimetype in getattr(message, "alternatives", [])]
    return "\n".join(parts)
