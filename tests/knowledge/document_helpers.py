"""A summary with every part the outputs show (narrative, phenomenon counts, quotes,
approver), for the PDF/DOCX/blog/release tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from ilmio.areas.models import County
from ilmio.knowledge.models import Quote, Statement, Summary
from ilmio.taxonomy.models import Phenomenon
from tests.knowledge.helpers import file

# An exact count below the threshold: the internal version shows it, no other may.
EXACT = 3
NARRATIVE_FI = ("Asumisen kysymykset nousivat havainnoissa esiin koko kauden ajan. Vuokrarästit ja häätöuhka "
                "koskettivat erityisesti lapsiperheitä.\n\nSosiaalityöntekijät kuvasivat, miten asumistuen "
                "muutokset näkyivät asiakastyössä.")  # fmt: skip


def build_summary(
    approver: Any, *, language: str = "fi", narrative: str = NARRATIVE_FI, rich: bool = True
) -> Summary:
    summary = Summary.objects.create(
        county=County.objects.get(code="15"), title="Asumisen huolet", period_start=date(2025, 1, 1),
        period_end=date(2025, 3, 31), language=language, narrative=narrative, status=Summary.Status.PUBLISHED,
        audience=Summary.Audience.PUBLIC, approved_by=approver, approved_at=datetime(2025, 4, 14, 10, tzinfo=UTC),
        published_at=datetime(2025, 4, 15, 10, tzinfo=UTC),
    )  # fmt: skip
    Statement.objects.create(summary=summary, position=1, kind=Statement.Kind.PHENOMENON,
                             phenomenon=Phenomenon.objects.get(code="asuminen"), count=EXACT)  # fmt: skip
    if rich:
        report = file()
        Quote.objects.create(summary=summary, report=report, text="Perheet pelkäävät menettävänsä kotinsa.",
                             approved_for_public=True)  # fmt: skip
        Quote.objects.create(
            summary=summary, report=report, text="Ei-julkinen lainaus vain päättäjille."
        )
        for i in range(6):
            Statement.objects.create(summary=summary, position=2 + i, kind=Statement.Kind.TEXT,
                                     text=f"Havainto {i}: vuokranantajat vaativat yhä suurempia vakuuksia ja "
                                          "perheet joutuvat valitsemaan vuokran ja ruoan välillä.")  # fmt: skip
    return summary
