"""The generated draft of a summary: a narrative in the summary's language without a digit,
themes as dictionary words (no names, verbs or words of every report), diverse quotes,
and the count statements worded in the summary's language."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from ilmio.areas.models import Municipality
from ilmio.indicators.disclosure import threshold
from ilmio.knowledge import services
from ilmio.knowledge.models import Statement
from ilmio.knowledge.publishing import counts_in_text, shown_statements
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon, TargetGroup

pytestmark = pytest.mark.django_db

FINNISH = [
    "Vuokrarästit kasvavat Jyväskylässä ja häätöuhka koskettaa yhä useampaa lapsiperhettä.",
    "Häätöuhka ja vuokrarästit näkyvät vastaanotolla, kun asumistuki ei riitä vuokraan.",
    "Asumisneuvonta ruuhkautuu, koska vuokrarästit kertyvät nopeasti energiakulujen noustua.",
    "Vuokrarästit johtavat häätöuhkaan, eikä asumisneuvonta ehdi kaikkien luo Jyväskylässä.",
    "Perheet kertovat, että asumistuki ei kata vuokraa ja vuokrarästit kasvavat kuukausittain.",
    "Häätöuhka on todellinen monelle, ja asumisneuvonta tarvitsisi lisää resursseja.",
]
SWEDISH = [
    "Hyresskulder växer i Jakobstad och vräkning hotar allt fler barnfamiljer.",
    "Vräkning och hyresskulder syns på mottagningen när bostadsbidraget inte räcker.",
    "Boenderådgivningen hinner inte med, eftersom hyresskulder växer snabbt i Jakobstad.",
    "Hyresskulder leder till vräkning och boenderådgivningen har långa köer.",
    "Familjerna berättar att bostadsbidraget inte täcker hyran och hyresskulder ökar.",
    "Vräkning hotar många och boenderådgivningen behöver mer resurser.",
]


def add(texts: list[str], *, language: str, when: datetime, code: str = "179", proposal: str = "",
        trend: str = Report.Trend.GROWING) -> list[Report]:  # fmt: skip
    municipality = Municipality.objects.get(code=code)
    families = TargetGroup.objects.order_by("position").first()
    out = []
    for i, text in enumerate(texts):
        report, _ = submit_report(
            {"title": "Asuminen" if language == "fi" else "Boende", "description": text,
             "municipalities": [municipality], "phenomena": [Phenomenon.objects.get(code="asuminen")],
             "target_groups": [families], "proposed_action": proposal, "trend": trend},
            county=municipality.county, channel=Report.Channel.FORM, created_at=when.replace(day=1 + i % 27),
        )  # fmt: skip
        report.language = language
        report.save(update_fields=["language"])
        out.append(report)
    return out


def draft(language: str, *, every_phenomenon: bool = False):  # type: ignore[no-untyped-def]
    jyvaskyla = Municipality.objects.get(code="179")
    phenomena = [] if every_phenomenon else [Phenomenon.objects.get(code="asuminen")]
    return services.draft_summary(county=jyvaskyla.county, title="Asuminen", period_start=date(2026, 4, 1),
                                  period_end=date(2026, 6, 30), by=None, language=language, phenomena=phenomena)  # fmt: skip


def test_the_narrative_is_in_the_summarys_language_and_has_no_digit(reference_data):
    add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC), proposal="Lisää asumisneuvontaa ja vuokravelkojen sovittelua.")
    for language, words in (("fi", "raportit"), ("sv", "rapporterna"), ("en", "reports")):
        summary = draft(language)
        assert summary.language == language
        assert words in summary.narrative.lower(), summary.narrative
        assert not re.search(r"\d", summary.narrative), summary.narrative
        assert counts_in_text(summary) == []
    english = draft("en").narrative
    finnish = draft("fi").narrative
    assert english != finnish
    assert "This summary" not in finnish and "Denna sammanfattning" not in finnish


def test_the_narrative_compares_with_the_previous_period_from_published_cells(reference_data):
    # Twelve reports in the second quarter against five in the first: clearly more.
    add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    add(FINNISH[:5], language="fi", when=datetime(2026, 2, 1, 12, tzinfo=UTC))
    add(FINNISH[:5], language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC), code="992")  # a second place
    summary = draft("en", every_phenomenon=True)
    assert "clearly more reports than in the previous period" in summary.narrative
    # Where: municipalities publish their quarter's total, so the two places are named.
    assert "Most reports came from Jyväskylä and Äänekoski." in summary.narrative
    assert TargetGroup.objects.order_by("position").first().label_en.lower() in summary.narrative
    assert "see the phenomenon growing" in summary.narrative
    # On one phenomenon a municipality's quarter is not published: no place is named.
    assert "Most reports came from" not in draft("en").narrative


def test_a_hidden_cell_leaves_the_comparison_out(reference_data):
    add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    add(FINNISH[:1], language="fi", when=datetime(2026, 2, 1, 12, tzinfo=UTC))  # one report: hidden
    assert threshold() > 1
    summary = draft("en")
    assert "previous period" not in summary.narrative


def test_themes_are_dictionary_words_used_by_enough_reports(reference_data):
    reports = add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    summary = draft("fi")
    themes = list(summary.statements.filter(kind=Statement.Kind.THEME))
    terms = [s.term for s in themes]
    assert terms, summary.narrative
    assert "vuokrarästi" in terms or "häätöuhka" in terms, terms
    assert "jyväskylä" not in [t.lower() for t in terms]  # a place is no theme
    assert not {"kasvaa", "koskettaa", "kertoa", "perhe", "tuki"} & set(terms), terms
    for statement in themes:
        cited = set(statement.citations.values_list("pk", flat=True))
        assert len(cited) >= max(2, threshold())
        assert cited <= {r.pk for r in reports}


def test_swedish_themes_are_written_forms_not_stems(reference_data):
    add(SWEDISH * 2, language="sv", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    summary = draft("sv")
    terms = list(summary.statements.filter(kind=Statement.Kind.THEME).values_list("term", flat=True))
    assert terms
    assert "hyresskulder" in terms or "vräkning" in terms, terms
    assert "jakobstad" not in [t.lower() for t in terms]
    stems = {"hyresskuld", "vräkn", "boenderådgivning" + "en"}
    assert not stems & set(terms), terms


def test_quotes_are_unique_and_spread_over_places(reference_data):
    add(FINNISH * 3, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))  # every sentence three times
    add(["Äänekoskella vuokrarästit ja häätöuhka ovat kasvaneet koko kevään ajan selvästi.",
         "Äänekoskella asumisneuvonta ei ehdi auttaa kaikkia, joilla vuokrarästit kasvavat."],
        language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC), code="992")
    summary = draft("fi")
    quotes = [q.text for q in summary.quotes.all()]
    assert 2 <= len(quotes) <= 5
    assert len(set(quotes)) == len(quotes)
    places = {q.report.statistics_municipality.code for q in summary.quotes.select_related("report__statistics_municipality")}
    assert places == {"179", "992"}


def test_statements_are_worded_in_the_summarys_language_whatever_the_reader(reference_data):
    add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    summary = draft("sv")
    with translation.override("en"):
        texts = [s.text for s in shown_statements(summary, "internal")]
    total = texts[0]
    assert "rapporter" in total and "reports" not in total, total
    assert "1.4.2026–30.6.2026" in total
    assert re.search(r"\b12 rapporter\b", total), total


def test_an_empty_period_says_so(reference_data):
    summary = draft("fi")
    assert "Jaksolla ei tehty raportteja." in summary.narrative
    assert not re.search(r"\d", summary.narrative)


def test_notifications_of_shortcomings_are_counted_beside_the_reports_through_the_door(reference_data):
    from ilmio.shortcomings.models import Shortcoming
    from tests.shortcomings.registry import shortcoming_in

    add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    housing = Phenomenon.objects.get(code="asuminen")
    for n in range(threshold() + 1):
        made = shortcoming_in("15")
        made.phenomena.set([housing])
        Shortcoming.objects.filter(pk=made.pk).update(created_at=datetime(2026, 5, 2 + n, 12, tzinfo=UTC))
    summary = draft("en")
    statement = summary.statements.get(kind=Statement.Kind.SHORTCOMINGS)
    assert statement.count == threshold() + 1 and not statement.citations.exists()
    with translation.override("en"):
        texts = {s.statement.kind: s for s in shown_statements(summary, "public")}
    shown = texts[Statement.Kind.SHORTCOMINGS]
    assert f"{threshold() + 1} notifications of shortcomings" in shown.text and not shown.citations
    # A small number is hidden for every audience, the internal one too.
    Shortcoming.objects.filter(pk__in=list(Shortcoming.objects.values_list("pk", flat=True)[: threshold()])).delete()
    small = draft("en")
    internal = [s for s in shown_statements(small, "internal") if s.statement.kind == Statement.Kind.SHORTCOMINGS]
    assert internal and internal[0].count is not None and internal[0].count.hidden and ": –." in internal[0].text


def test_client_feedback_on_the_phenomena_is_counted_beside_the_reports_through_the_door(reference_data):
    from ilmio.sources.models import FeedbackItem
    from tests.sources.feedback_helpers import feedback

    add(FINNISH * 2, language="fi", when=datetime(2026, 5, 1, 12, tzinfo=UTC))
    feedback("15", threshold() + 2, kind=FeedbackItem.Kind.COMPLAINT, received_on=date(2026, 5, 3), key="in")
    feedback("15", 7, received_on=date(2026, 3, 31), key="before")  # outside the period
    feedback("15", 7, phenomenon="toimeentulo", received_on=date(2026, 5, 3), key="other")  # another phenomenon
    feedback("13", 9, received_on=date(2026, 5, 3), key="elsewhere")  # another county
    summary = draft("en")
    statement = summary.statements.get(kind=Statement.Kind.FEEDBACK)
    assert statement.count == threshold() + 2 and not statement.citations.exists()
    with translation.override("en"):
        shown = {s.statement.kind: s for s in shown_statements(summary, "public")}[Statement.Kind.FEEDBACK]
    assert f"{threshold() + 2} pieces of client feedback, reminders and complaints" in shown.text
    assert "2026-04-01–2026-06-30" in shown.text and not shown.citations  # English dates
    # A small number is hidden for every audience, the internal one too.
    FeedbackItem.objects.filter(import_key__startswith="in-").exclude(
        pk__in=list(FeedbackItem.objects.filter(import_key__startswith="in-").values_list("pk", flat=True)[:1])).delete()
    small = draft("en")
    internal = [s for s in shown_statements(small, "internal") if s.statement.kind == Statement.Kind.FEEDBACK]
    assert internal and internal[0].count is not None and internal[0].count.hidden and ": –." in internal[0].text
    fi = draft("fi")
    with translation.override("en"):  # the summary's own language, whatever the reader's
        text = {s.statement.kind: s for s in shown_statements(fi, "public")}[Statement.Kind.FEEDBACK].text
    assert "asiakaspalautteet" in text and "1.4.2026–30.6.2026" in text  # hidden now: one left
