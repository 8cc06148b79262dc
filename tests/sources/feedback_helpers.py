"""Feedback items made directly (the import is tested on its own): a kind, a phenomenon and a
date inside the last twelve complete months."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from ilmio.areas.models import County
from ilmio.sources.feedback_counts import first_of_month
from ilmio.sources.models import FeedbackItem
from ilmio.taxonomy.models import Phenomenon


def last_month_day() -> date:
    """The 10th of last month: inside the counted window whatever today is."""
    return first_of_month(timezone.localdate(), 1).replace(day=10)


def feedback(county_code: str, count: int, *, kind: str = FeedbackItem.Kind.FEEDBACK, phenomenon: str = "asuminen",
             text: str = "Asuntoa ei löytynyt.", municipality: str | None = None, key: str = "k",
             received_on: date | None = None) -> list[FeedbackItem]:  # fmt: skip
    county = County.objects.get(code=county_code)
    return [FeedbackItem.objects.create(
        county=county, kind=kind, received_on=received_on or last_month_day(), unit="Asumispalvelut",
        phenomenon=Phenomenon.objects.get(code=phenomenon), text=text,
        municipality=county.municipalities.get(code=municipality) if municipality else None,
        import_key=f"{key}-{kind}-{phenomenon}-{index}") for index in range(count)]  # fmt: skip
