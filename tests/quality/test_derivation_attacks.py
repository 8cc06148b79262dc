"""The four derivation attacks of the safety issue, performed: each recovers nothing.

Every number shown to someone who may not read report text is a sum of published cells
(ilmio.indicators.disclosure), so subtracting outputs gives only what the suppressed year
structures already publish."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client

from ilmio.analysis.services import change_status
from ilmio.areas.models import Municipality
from ilmio.core.roles import Role
from ilmio.indicators.disclosure import emerging_signals, published
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import FollowUp
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db


def add(code: str, phenomenon: str, when: datetime, n: int, channel: str = Report.Channel.FORM) -> list[Report]:
    municipality = Municipality.objects.get(code=code)
    out = []
    for i in range(n):
        report, _ = submit_report(
            {"title": "Havainto", "description": "Vuokrarästit kasvavat ja asunto menee.",
             "municipalities": [municipality], "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
            county=municipality.county, channel=channel, created_at=when.replace(day=1 + i % 27),
        )  # fmt: skip
        out.append(report)
    return out


def public_total(summary_pk: int) -> str:
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/knowledge/public/summaries/{summary_pk}/").content.decode()
    match = re.search(r"(\d+) reports? in [\d–-]+\.|Reports in [\d–-]+: (–)\.", html)
    assert match, html
    return match.group(1) or match.group(2)


def publish(county, start: date, end: date, municipalities) -> int:  # type: ignore[no-untyped-def]
    summary = loop.draft_summary(county=county, title="Koonti", period_start=start, period_end=end, by=None,
                                 municipalities=municipalities, language="en")  # fmt: skip
    loop.approve_summary(summary, by=None)
    loop.publish_summary(summary, "public", by=None)
    return summary.pk


def test_overlapping_public_summaries_do_not_reveal_a_month(reference_data):
    jyvaskyla = Municipality.objects.get(code="179")
    for month, n in ((1, 10), (2, 9), (3, 3)):  # March is small: 3
        add("179", "asuminen", datetime(2026, month, 1, 12, tzinfo=UTC), n)
    for code in ("992", "410"):  # neighbours, so the county table has room for complements
        for month in (1, 2, 3):
            add(code, "asuminen", datetime(2026, month, 1, 12, tzinfo=UTC), 8)
    january_march = publish(jyvaskyla.county, date(2026, 1, 1), date(2026, 3, 31), [jyvaskyla])
    january_february = publish(jyvaskyla.county, date(2026, 1, 1), date(2026, 2, 28), [jyvaskyla])
    long, short = public_total(january_march), public_total(january_february)
    # The attack: long − short = March. It must not give the hidden 3: a municipality
    # publishes its quarter's total (22) but no months, so the shorter period has no count.
    assert not (long.isdigit() and short.isdigit() and int(long) - int(short) == 3), (long, short)
    assert published("month").cell("2026-03", "municipality", "179").hidden
    assert (long, short) == ("22", "–")
    # A summary over a period that is not whole months shows no count at all.
    odd = publish(jyvaskyla.county, date(2026, 1, 15), date(2026, 2, 28), [jyvaskyla])
    assert public_total(odd) == "–"


def test_signals_panel_shows_a_reporter_only_published_cells(reference_data, make_user):
    # A flat baseline in Jyväskylä, then a rise in the last three complete months.
    months = [(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 12)]
    for index, (year, month) in enumerate(months):
        add("179", "paihteet", datetime(year, month, 1, 12, tzinfo=UTC), 12 if index >= len(months) - 3 else 2)
        add("992", "paihteet", datetime(year, month, 1, 12, tzinfo=UTC), 6)
        add("410", "asuminen", datetime(year, month, 1, 12, tzinfo=UTC), 10)  # the county's flat reference
    reporter = make_user(Role.REPORTER)
    coordinator = make_user(Role.COORDINATOR)
    county_id = coordinator.county_id
    exact = emerging_signals(["179", "992"], ["paihteet"], user=coordinator, county_id=county_id)
    shown = emerging_signals(["179", "992"], ["paihteet"], user=reporter, county_id=county_id)
    assert exact and shown
    assert [(r.level, r.area_code) for r in exact] == [("municipality", "179")]
    table = published("month")
    for row in shown:
        # Found on the county's published cells alone: no municipality, nothing exact.
        assert (row.level, row.area_code) == ("county", "15")
        cells = [table.cell(label, "county", row.area_code, row.phenomenon) for label in row.months]
        assert not any(c.hidden for c in cells)
        assert row.observed.value == sum(c.value or 0 for c in cells) == 54
    assert exact[0].observed.value == 36 and exact[0].expected is not None
    # The page a reporter reads carries none of the municipal (exact) figures.
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(reporter)
    html = client.get("/situation/?level=county&area=15").content.decode()
    if "Emerging signals" in html:
        assert f">{exact[0].expected}<" not in html


def test_public_reports_into_a_small_cell_reveal_nothing_until_triaged(reference_data, make_user):
    when = datetime(2026, 5, 3, 12, tzinfo=UTC)
    add("179", "vakivalta", when, 1)  # the victim: one report, hidden in the county's May
    add("992", "asuminen", when, 9)
    add("410", "paihteet", when, 9)
    add("410", "mielenterveys", when, 7)
    before = published("month").cell("2026-05", "county", "15", "vakivalta")
    assert before.hidden
    # The attacker posts four reports through the public form into the same cell.
    planted = add("179", "vakivalta", when, 4, channel=Report.Channel.PUBLIC_FORM)
    after = published("month").cell("2026-05", "county", "15", "vakivalta")
    assert after == before, "untriaged public reports must not change published counts"
    assert not Report.objects.get(pk=planted[0].pk).in_statistics
    # Once a coordinator has triaged them they count like any other report.
    coordinator = make_user(Role.COORDINATOR)
    for report in planted:
        change_status(report, "analysed", by=coordinator)
    assert Report.objects.filter(pk__in=[r.pk for r in planted], in_statistics=True).count() == 4
    assert published("month").cell("2026-05", "county", "15", "vakivalta").value == 5


def test_outcomes_tally_hides_small_answer_counts(reference_data, make_user):
    jyvaskyla = Municipality.objects.get(code="179")
    for month in (1, 2):
        add("179", "asuminen", datetime(2026, month, 1, 12, tzinfo=UTC), 10)
    summary_pk = publish(jyvaskyla.county, date(2026, 1, 1), date(2026, 2, 28), [jyvaskyla])
    manager = make_user(Role.MANAGER)
    from ilmio.knowledge.models import Summary

    summary = Summary.objects.get(pk=summary_pk)
    proposal = loop.create_proposal(county=summary.county, title="Ehdotus", text="Tehdään jotain.",
                                    addressed_to="steering_group", by=manager, summary=summary)  # fmt: skip
    loop.record_decision(proposal, outcome="accepted", decided_on=date(2026, 3, 1), body="Ohjausryhmä", by=manager)
    action = proposal.actions.get()
    reports = list(Report.objects.filter(county=summary.county)[:2])
    for report, answer in zip(reports, ("partly", "no"), strict=True):
        FollowUp.objects.create(report=report, action=action, due_at=datetime(2026, 4, 1, tzinfo=UTC),
                                answer=answer, answered_at=datetime(2026, 4, 2, tzinfo=UTC))  # fmt: skip
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/knowledge/outcomes/{summary.county.code}/").content.decode()
    assert "Partly: 1" not in html and "No: 1" not in html
    assert "Too few answers so far" in html
