"""Shared helpers of the shortcoming tests: a unit with its manager, a notification filed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.test import Client

from ilmio.accounts.models import Organisation
from ilmio.areas.models import County
from ilmio.shortcomings.models import Shortcoming
from ilmio.shortcomings.services import file_shortcoming

HELSINKI_NOON = "12:00"
NAME = "Matti Virtanen"


def unit(county_code: str = "15", name: str = "Kotihoito Keskusta") -> Organisation:
    county = County.objects.get(code=county_code)
    found, _ = Organisation.objects.get_or_create(name=name, county=county,
                                                  defaults={"kind": Organisation.Kind.COUNTY})  # fmt: skip
    return found


def people(make_user: Any, county_code: str = "15", suffix: str = "") -> dict[str, Any]:
    """A notifier (reporter) and the unit's manager (the receiver), with names and e-mails."""
    place = unit(county_code)
    notifier = make_user("reporter", county_code, username=f"notifier_{county_code}{suffix}")
    notifier.first_name, notifier.last_name, notifier.email = "Nelli", "Kivikoski", "nelli@example.org"
    notifier.save()
    manager = make_user("manager", county_code, username=f"receiver_{county_code}{suffix}")
    manager.first_name, manager.last_name, manager.email = "Risto", "Vastaanottaja", "risto@example.org"
    manager.organisation = place
    manager.save()
    return {"unit": place, "notifier": notifier, "receiver": manager}


def file(who: dict[str, Any], *, what: str = "Asiakkaiden lääkkeet jäävät antamatta iltavuorossa.",
         now: datetime | None = None, language: str = "fi", signs: bool = False, **extra: Any) -> Shortcoming:  # fmt: skip
    return file_shortcoming(unit=who["unit"], service_area=extra.pop("service_area", Shortcoming.ServiceArea.OLDER_PEOPLE),
                            what=what, by=who["notifier"], language=language, signs=signs, now=now, **extra)  # fmt: skip


def logged_in(user: Any, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client
