"""A national instance (``ILMIO_INSTANCE=national``) has no intake and no county pages; its
national analysts upload a county's signed package (its .json files or one .zip), which is
accepted only when the checks hold; a refused upload says why, changes nothing and is audited;
no one else may upload."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.federation.models import FederationPackage
from tests.federation.test_national import registered
from tests.federation.test_packages import counties, files_of  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(settings):  # type: ignore[no-untyped-def]
    settings.ROOT_URLCONF = "ilmio.urls_national"
    settings.NATIONAL_INSTANCE = True
    settings.ILMIO_INSTANCE = "national"


@pytest.fixture
def analyst(make_user):  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user(Role.NATIONAL_ANALYST, county_code=None))
    return client


def uploads(files: dict[str, bytes]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, content, content_type="application/json") for name, content in files.items()]


def test_a_national_instance_has_no_intake_and_no_county_pages(national, reference_data, analyst):  # type: ignore[no-untyped-def]
    home = Client(HTTP_ACCEPT_LANGUAGE="en").get("/")
    assert home.status_code == 200 and "receives no reports" in home.content.decode()
    for url in ("/reports/public/", "/reports/new/", "/triage/", "/situation/", "/knowledge/", "/audit/"):
        assert analyst.get(url).status_code == 404, url
    assert analyst.get("/api/v1/reports").status_code == 404
    assert analyst.post("/api/v1/reports", {}, content_type="application/json").status_code == 404
    assert analyst.get("/api/v1/taxonomy").status_code == 200
    assert analyst.get("/api/v1/federation/packages").status_code == 200
    assert analyst.get("/federation/").status_code == 200
    menu = analyst.get("/federation/packages/").content.decode()
    assert 'href="/federation/packages/"' in menu and "/reports/" not in menu


def test_the_national_api_schema_lists_only_what_a_national_instance_serves(national, reference_data):  # type: ignore[no-untyped-def]
    from openapi_spec_validator import validate

    schema = Client().get("/api/openapi.json").json()
    validate(schema)
    assert "/api/v1/federation/picture" in schema["paths"] and "/api/v1/taxonomy" in schema["paths"]
    assert not [url for url in schema["paths"] if not url.startswith(("/api/v1/federation", "/api/v1/taxonomy", "/api/v1/areas"))]
    assert "ReportIn" not in json.dumps(schema["components"]) and Client().get("/api/v1/reports").status_code == 404


def test_an_analyst_uploads_the_json_files_and_then_a_zip(national, counties, analyst):  # type: ignore[no-untyped-def]  # noqa: F811
    packages, _keys = registered(counties)
    response = analyst.post("/federation/packages/", {"package": uploads(files_of(packages["15"]))}, follow=True)
    assert "was accepted as version 1" in response.content.decode()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, content in files_of(packages["13"]).items():
            zipped.writestr(f"ilmio-federation-13/{name}", content)
    zipped_upload = SimpleUploadedFile("package.zip", archive.getvalue(), content_type="application/zip")
    response = analyst.post("/federation/packages/", {"package": [zipped_upload]}, follow=True)
    assert "was accepted as version 1" in response.content.decode()
    assert sorted(FederationPackage.objects.values_list("county__code", flat=True)) == ["13", "15"]
    assert AuditEvent.objects.filter(event_type=Event.FEDERATION_PACKAGE_ACCEPTED).count() == 2
    listing = analyst.get("/federation/packages/").content.decode()
    assert listing.count('<th scope="row">') == 2


def test_a_refused_upload_says_why_and_changes_nothing(national, counties, analyst):  # type: ignore[no-untyped-def]  # noqa: F811
    packages, _keys = registered(counties)
    tampered = files_of(packages["15"])
    data = json.loads(tampered["reports.json"])
    data["value"] = [v + 1 if isinstance(v, int) and v else v for v in data["value"]]
    tampered["reports.json"] = json.dumps(data).encode()
    cases = [
        (uploads(tampered), "does not match the checksum"),
        ([SimpleUploadedFile("notes.txt", b"hello")], "one .zip of its folder"),
        ([SimpleUploadedFile("broken.zip", b"PK not really")], "one .zip of its folder"),
        (uploads({"reports.json": tampered["reports.json"]}), "no readable manifest.json"),
    ]
    for files, reason in cases:
        body = analyst.post("/federation/packages/", {"package": files}).content.decode()
        assert "was refused and nothing was changed" in body and reason in body, reason
    assert not FederationPackage.objects.exists()
    assert AuditEvent.objects.filter(event_type=Event.FEDERATION_PACKAGE_REJECTED).count() == len(cases)
    body = analyst.post("/federation/packages/", {}).content.decode()  # nothing chosen: the form says so
    assert "This field is required" in body and not FederationPackage.objects.exists()


def test_only_a_national_analyst_may_upload(national, counties, make_user):  # type: ignore[no-untyped-def]  # noqa: F811
    packages, _keys = registered(counties)
    anonymous = Client().post("/federation/packages/", {"package": uploads(files_of(packages["15"]))})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    coordinator = Client()
    coordinator.force_login(make_user(Role.COORDINATOR, county_code="15"))
    assert coordinator.post("/federation/packages/", {"package": uploads(files_of(packages["15"]))}).status_code == 403
    assert coordinator.get("/federation/packages/").status_code == 403
    assert not FederationPackage.objects.exists()


def test_an_unknown_instance_kind_stops_the_start() -> None:
    env = {**os.environ, "ILMIO_INSTANCE": "regional", "DJANGO_SETTINGS_MODULE": "ilmio.settings"}
    run = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True,
                         text=True, check=False)  # fmt: skip
    assert run.returncode != 0 and "ILMIO_INSTANCE must be one of county, national" in run.stderr


@pytest.mark.parametrize("command", ["import_reports", "export_federation", "send_newsletters", "retrain"])
def test_county_commands_refuse_in_a_national_instance(national, reference_data, command):  # type: ignore[no-untyped-def]
    from django.core.management import CommandError, call_command

    from ilmio.core.management.base import COUNTY_ONLY

    before = AuditEvent.objects.count()
    with pytest.raises(CommandError, match="national instance") as refused:
        call_command(command, *{"import_reports": ["/nonexistent.csv"], "export_federation": ["--county", "15", "--output", "/tmp/x"]}.get(command, []))
    assert str(refused.value) == COUNTY_ONLY and AuditEvent.objects.count() == before
