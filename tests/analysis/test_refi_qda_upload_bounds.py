"""An uploaded REFI-QDA file is read within bounds (size, number of zip members, what they
unpack to, no path outside the zip's folders, no DTD or entities) and a bad file is one
clear message on the codebook page: no 500, nothing written."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client

from ilmio.analysis import refi_qda
from ilmio.analysis.models import Code, CodedPassage
from ilmio.core.roles import Role
from tests.analysis.refi_helpers import QDE, messages_of, pack, upload

pytestmark = pytest.mark.django_db
PROJECT = f'<Project xmlns="{QDE}" name="x"><CodeBook><Codes><Code guid="{"1" * 8}-1111-1111-1111-{"1" * 12}" name="Koodi" isCodable="true"/></Codes></CodeBook></Project>'.encode()  # fmt: skip


def bomb() -> bytes:
    """A zip whose project.qde unpacks to far more than it declares or is allowed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", b" " * (refi_qda.MAX_MEMBER_BYTES + 10))
    return buffer.getvalue()


def many_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("project.qde", PROJECT)
        for number in range(refi_qda.MAX_MEMBERS):
            archive.writestr(f"sources/{number}.txt", b"")
    return buffer.getvalue()


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
          b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&lol2;" isCodable="true"/></Codes></CodeBook>')  # fmt: skip

BAD_FILES = {
    "random bytes": (b"\x00\x01 not xml at all", "The file is not well-formed XML"),
    "broken zip": (b"PK\x03\x04 broken", "The file is not a REFI-QDA project (.qdpx is a zip file)."),
    "zip without project.qde": (pack({"sources/a.txt": b"x"}), "The project has no project.qde (or more than one)."),
    "path traversal": (pack({"project.qde": PROJECT, "../../etc/evil.txt": b"x"}),
                       "The project holds a file outside its own folders; it was not read."),
    "absolute path": (pack({"project.qde": PROJECT, "/etc/evil.txt": b"x"}),
                      "The project holds a file outside its own folders; it was not read."),
    "windows path": (pack({"project.qde": PROJECT, "sources\\..\\evil.txt": b"x"}),
                     "The project holds a file outside its own folders; it was not read."),
    "too many members": (many_members(), f"The project holds more than {refi_qda.MAX_MEMBERS} files."),
    "zip bomb": (bomb(), "The project unpacks to more than the 100 MB allowed."),
    "entities": (LAUGHS, "The file declares a DTD or entities, which are not accepted."),
    "other XML": (b"<html><body>Not a project</body></html>", "The file is not a REFI-QDA project or codebook."),
    "other namespace": (b'<Project xmlns="urn:example" name="x"/>', "The file is not a REFI-QDA project or codebook."),
    "code without guid": (f'<CodeBook xmlns="{QDE}"><Codes><Code name="x" isCodable="true"/></Codes></CodeBook>'.encode(),
                          "A code in the file has no guid."),
}  # fmt: skip


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    # The messages are compared in English, raised outside a request as well as in one.
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client(make_user):  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user(Role.COORDINATOR))
    return client


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_one_clear_message(reference_data, client, kind: str):
    content, message = BAD_FILES[kind]
    with pytest.raises(refi_qda.RefiError) as raised:
        refi_qda.read_refi_file(content)
    assert str(raised.value).startswith(message)
    response = client.post("/triage/codebook/import/", {"file": upload(content)})
    assert response.status_code == 302 and response["Location"] == "/triage/codebook/"
    assert [text for level, text in messages_of(response) if level == "error"] == [str(raised.value)]
    assert not Code.objects.exists() and not CodedPassage.objects.exists()


def test_the_upload_itself_is_bounded(reference_data, client, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(refi_qda, "MAX_UPLOAD_BYTES", 1024 * 1024)
    with pytest.raises(refi_qda.RefiError, match="larger than 1 MB"):
        refi_qda.read_refi_file(b" " * (1024 * 1024 + 1))
    refused = [("error", "Choose a REFI-QDA file (.qdpx or .qdc) of at most 1 MB.")]
    assert messages_of(client.post("/triage/codebook/import/", {"file": upload(b"PK" + b" " * (1024 * 1024))})) == refused
    client.get("/triage/codebook/")  # the page shows (and so uses up) the message
    assert messages_of(client.post("/triage/codebook/import/", {})) == refused
    client.get("/triage/codebook/")
    assert client.get("/triage/codebook/import/").status_code == 405
    # Within the bounds the same kind of file is read.
    response = client.post("/triage/codebook/import/", {"file": upload(pack({"project.qde": PROJECT}))})
    assert [level for level, _text in messages_of(response)] == ["success"] and Code.objects.get().name == "Koodi"
