from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import ilmio

pytestmark = pytest.mark.django_db
LOCALE = Path(ilmio.__file__).parent / "locale"


@pytest.mark.parametrize(
    ("accept", "lang", "phrase"),
    [("fi-FI,fi;q=0.9", "fi", "Kirjaudu"), ("sv-SE,sv;q=0.9", "sv", "Logga in"), ("en-GB,en;q=0.9", "en", "Log in")],
)
def test_page_language_follows_the_browser(reference_data, accept: str, lang: str, phrase: str):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept)
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert phrase in html


def test_finnish_is_the_default(reference_data):
    html = Client().get("/").content.decode()
    assert '<html lang="fi">' in html


def test_chosen_language_is_remembered_over_the_browser(reference_data):
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="sv">' in html


def test_logged_in_choice_is_saved_on_the_account(make_user):
    user = make_user("reporter")
    client = Client()
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_login_switches_to_the_users_language(make_user):
    user = make_user("reporter")
    user.preferred_language = "sv"
    user.save()
    client = Client()
    client.post("/accounts/login/", {"username": user.username, "password": "test-pass-123"})
    assert '<html lang="sv">' in client.get("/").content.decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_is_translated(language: str):
    po = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = re.split(r"\n\n+", po)
    untranslated = []
    for entry in entries[1:]:
        if "#, fuzzy" in entry:
            untranslated.append(entry)
            continue
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', entry + "\n", flags=re.M)
        empty = not msgstrs or any(s.strip() in ('""', '""\n') for s in msgstrs)
        if empty and not entry.lstrip().startswith("#~"):
            untranslated.append(entry)
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:3]}"


def test_no_asset_comes_from_another_host(reference_data):
    html = Client().get("/").content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', html)
