"""A coordinator saves the queue's filters under a name, opens them with one click and
deletes them; free-text search words are never stored, and nobody sees another's filters."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ilmio.analysis.forms import MAX_SAVED_FILTERS
from ilmio.analysis.models import SavedQueueFilter
from ilmio.core.roles import Role
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db

SAVE = reverse("analysis:queue_filters")


def test_save_open_and_delete(make_user: Any) -> None:
    coordinator = make_user(Role.COORDINATOR)
    client = logged_in(coordinator)
    response = client.post(SAVE, {"action": "save", "name": "Asuminen, vanhimmat",
                                  "query": "phenomenon=asuminen&sort=oldest&q=Virtanen&page=3"})  # fmt: skip
    saved = SavedQueueFilter.objects.get(user=coordinator)
    assert saved.query == "phenomenon=asuminen&sort=oldest"  # no search words, no page
    assert response.status_code == 302 and response["Location"].endswith("?phenomenon=asuminen&sort=oldest")
    page = client.get(reverse("analysis:queue")).content.decode()
    assert 'href="?phenomenon=asuminen&amp;sort=oldest">Asuminen, vanhimmat</a>' in page
    # Saving under the same name replaces it.
    client.post(SAVE, {"action": "save", "name": "Asuminen, vanhimmat", "query": "sort=title"})
    assert SavedQueueFilter.objects.get(user=coordinator).query == "sort=title"
    client.post(SAVE, {"action": "delete", "pk": saved.pk})
    assert not SavedQueueFilter.objects.exists()


def test_invalid_filters_and_names_change_nothing(make_user: Any) -> None:
    client = logged_in(make_user(Role.COORDINATOR))
    for data in ({"action": "save", "name": "", "query": "sort=oldest"},
                 {"action": "save", "name": "Huono", "query": "date_from=2026-02-30"},
                 {"action": "save", "name": "Huono", "query": "phenomenon=ei-ole"}):  # fmt: skip
        response = client.post(SAVE, data, follow=True)
        assert response.status_code == 200
        assert "Give the filter a name" in response.content.decode()
    assert not SavedQueueFilter.objects.exists()


def test_a_name_with_a_person_is_redacted(make_user: Any) -> None:
    client = logged_in(make_user(Role.COORDINATOR))
    client.post(SAVE, {"action": "save", "name": "Matti Virtasen asiat 040 123 4567", "query": "sort=oldest"})
    assert "040 123 4567" not in SavedQueueFilter.objects.get().name


def test_the_number_of_saved_filters_is_bounded(make_user: Any) -> None:
    coordinator = make_user(Role.COORDINATOR)
    SavedQueueFilter.objects.bulk_create(
        SavedQueueFilter(user=coordinator, name=f"Suodatin {i}", query="sort=oldest") for i in range(MAX_SAVED_FILTERS))
    response = logged_in(coordinator).post(SAVE, {"action": "save", "name": "Yksi liikaa", "query": ""}, follow=True)
    assert "delete one first" in response.content.decode()
    assert SavedQueueFilter.objects.count() == MAX_SAVED_FILTERS


def test_another_users_filter_cannot_be_seen_or_deleted(make_user: Any) -> None:
    owner = make_user(Role.COORDINATOR)
    saved = SavedQueueFilter.objects.create(user=owner, name="Oma", query="sort=oldest")
    for other in (make_user(Role.COORDINATOR, username="colleague"),
                  make_user(Role.COORDINATOR, county_code="13", username="other-county")):  # fmt: skip
        client = logged_in(other)
        assert "Oma</a>" not in client.get(reverse("analysis:queue")).content.decode()
        assert client.post(SAVE, {"action": "delete", "pk": saved.pk}).status_code == 404
    assert SavedQueueFilter.objects.filter(pk=saved.pk).exists()
    # A reporter has no queue at all.
    assert logged_in(make_user(Role.REPORTER)).post(SAVE, {"action": "delete", "pk": saved.pk}).status_code == 403
