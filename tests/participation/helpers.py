"""Ideas made for the tests: through the write function, as the forms make them."""

from __future__ import annotations

from typing import Any

from ilmio.areas.models import Municipality
from ilmio.participation.models import Idea
from ilmio.participation.services import submit_idea

NAME = "Matti Virtanen"


def public_idea(municipality: str = "179", *, email: str = "asukas@example.org", language: str = "fi",
                title: str = "Iltaisin avoin nuorten tila") -> Idea:  # fmt: skip
    place = Municipality.objects.get(code=municipality)
    return submit_idea(county=place.county, municipality=place, title=title, language=language, email=email,
                       text=f"Naapurini {NAME} sanoi, että nuorilla ei ole iltaisin paikkaa, jossa olla.",
                       channel=Idea.Channel.PUBLIC)  # fmt: skip


def staff_idea(by: Any, title: str = "Yhteinen asiakasohjaus") -> Idea:
    return submit_idea(county=by.county, title=title, text="Sosiaalipäivystyksen ja aikuissosiaalityön yhteinen ohjaus.",
                       channel=Idea.Channel.STAFF, by=by)  # fmt: skip
