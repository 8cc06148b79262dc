"""The generated first draft of a summary, written in the summary's language.

What a coordinator would write first: a short narrative (what was reported, how much
compared with the previous period and with the county, where, who is affected, what
reporters propose), count statements, themes as dictionary words and a few diverse
quotes. Every generated sentence is a translated template (gettext) and carries no
digit: amounts are compared in words, from the published cells of the disclosure door
only, so the narrative may go to any audience; numbers live in the count statements,
which each audience sees as it may (:mod:`ilmio.knowledge.publishing`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from ilmio.areas.models import Municipality, Population
from ilmio.indicators.disclosure import ALL, months_of, report_count, threshold
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon

MAX_QUOTES = 5
MAX_THEMES = 5
MIN_QUOTE_LETTERS = 40
# Two amounts differ in words only when they differ by more than this share.
CLEAR_DIFFERENCE = 0.2


@dataclass
class DraftStatement:
    kind: str
    cited: list[Report]
    phenomenon: Phenomenon | None = None
    term: str = ""
    count: int | None = None  # when it counts something other than its cited reports


@dataclass
class Draft:
    narrative: str
    statements: list[DraftStatement] = field(default_factory=list)
    quotes: list[tuple[Report, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Scope:
    """What a summary is about: its county, period, phenomena and municipalities."""

    county: Any
    period_start: date
    period_end: date
    phenomena: tuple[Phenomenon, ...] = ()
    municipalities: tuple[Municipality, ...] = ()

    @property
    def phenomenon_codes(self) -> list[str]:
        return [p.code for p in self.phenomena] or [ALL]

    @property
    def area(self) -> tuple[str, list[str]]:
        codes = [m.code for m in self.municipalities]
        return ("municipality", codes) if codes else ("county", [self.county.code])

    def published(self, start: date, end: date, *, level: str | None = None, codes: Sequence[str] = ()) -> int | None:
        area_level, area_codes = self.area
        shown = report_count(level=level or area_level, codes=list(codes) or area_codes,
                             phenomena=self.phenomenon_codes, start=start, end=end)  # fmt: skip
        return None if shown.hidden else shown.value


def compose(scope: Scope, reports: Sequence[Report], language: str) -> Draft:
    """The draft of ``reports`` (the scope's reports, oldest first) in ``language``."""
    from ilmio.knowledge.models import Statement

    themes = _themes(reports, language)
    draft = Draft(narrative="")
    draft.statements.append(DraftStatement(Statement.Kind.TOTAL, list(reports)))
    for phenomenon, group in _by_phenomenon(reports):
        draft.statements.append(DraftStatement(Statement.Kind.PHENOMENON, group, phenomenon=phenomenon))
    for term, cited in themes:
        draft.statements.append(DraftStatement(Statement.Kind.THEME, cited, term=term[:100]))
    notified = shortcomings_in(scope)
    if notified:
        draft.statements.append(DraftStatement(Statement.Kind.SHORTCOMINGS, [], count=notified))
    received = feedback_in(scope)
    if received:
        draft.statements.append(DraftStatement(Statement.Kind.FEEDBACK, [], count=received))
    draft.quotes = representative_quotes(reports, [cited for _term, cited in themes], language)
    with translation.override(language):
        draft.narrative = narrative(scope, reports, [term for term, _cited in themes])
    return draft


def shortcomings_in(scope: Scope) -> int:
    """Notifications of shortcomings of the county filed in the period on the summary's
    phenomena (any phenomenon when it has none): evidence beside the reports."""
    from ilmio.shortcomings.models import Shortcoming

    found = Shortcoming.objects.filter(county=scope.county, created_at__date__gte=scope.period_start,
                                       created_at__date__lte=scope.period_end)  # fmt: skip
    if scope.phenomena:
        found = found.filter(phenomena__in=scope.phenomena)
    return found.distinct().count()


def feedback_in(scope: Scope) -> int:
    """Client feedback, reminders and complaints of the county received in the period on the
    summary's phenomena (any, when it has none; in its municipalities when it names any)."""
    from ilmio.sources.models import FeedbackItem

    found = FeedbackItem.objects.filter(county=scope.county, received_on__gte=scope.period_start,
                                        received_on__lte=scope.period_end)  # fmt: skip
    if scope.phenomena:
        found = found.filter(phenomenon__in=scope.phenomena)
    if scope.municipalities:
        found = found.filter(municipality__in=scope.municipalities)
    return found.count()


def _by_phenomenon(reports: Sequence[Report]) -> list[tuple[Phenomenon, list[Report]]]:
    groups: dict[Phenomenon, list[Report]] = {}
    for report in reports:
        if report.primary_phenomenon:
            groups.setdefault(report.primary_phenomenon, []).append(report)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].code))


def _texts_in(reports: Sequence[Report], language: str) -> list[Report]:
    """The reports written in the summary's language when there are enough of them to
    find themes in, else all: a Swedish summary shows Swedish words where it can."""
    same = [r for r in reports if r.language == language]
    return same if len(same) >= 3 else list(reports)


def _themes(reports: Sequence[Report], language: str) -> list[tuple[str, list[Report]]]:
    """Distinctive dictionary words of these reports, each with the reports that use it:
    at least as many as a published cell must count, so no theme points at one person."""
    chosen = _texts_in(reports, language)
    if len(chosen) < 3:
        return []
    from ilmio.text.themes import theme_terms

    texts = [f"{r.title}. {r.description}" for r in chosen]
    background = list(Report.objects.exclude(pk__in=[r.pk for r in reports])
                      .order_by("-created_at").values_list("description", flat=True)[:2000])  # fmt: skip
    found = theme_terms(texts, background or None, k=MAX_THEMES, min_docs=max(2, threshold()))
    return [(t.term, [chosen[i] for i in t.docs]) for t in found]


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def representative_quotes(reports: Sequence[Report], theme_groups: Sequence[Sequence[Report]],
                          language: str = "") -> list[tuple[Report, str]]:  # fmt: skip
    """Up to MAX_QUOTES first sentences, no two alike, spread over municipalities and
    reporters: those in the summary's language first, then those touching the most
    themes, then the newest."""
    from ilmio.knowledge.services import first_sentence

    touches = Counter(r.pk for group in theme_groups for r in group)
    ranked = sorted(reports, key=lambda r: (r.language != language, -touches[r.pk], -r.created_at.timestamp(), r.pk))
    chosen: list[tuple[Report, str]] = []
    seen_texts: set[str] = set()
    # Passes from the most to the least diverse: a new place and a new reporter, then
    # either, then any report.
    for needed_new in (2, 1, 0):
        for report in ranked:
            if len(chosen) == MAX_QUOTES:
                return chosen
            text = first_sentence(report.description)
            key = _normalised(text)
            if len(key) < MIN_QUOTE_LETTERS or key in seen_texts or any(r.pk == report.pk for r, _t in chosen):
                continue
            new_place = report.statistics_municipality_id not in {r.statistics_municipality_id for r, _t in chosen}
            new_reporter = _reporter(report) not in {_reporter(r) for r, _t in chosen}
            if new_place + new_reporter < needed_new:
                continue
            chosen.append((report, text))
            seen_texts.add(key)
    return chosen


def _reporter(report: Report) -> tuple[Any, ...]:
    # Who wrote it, as far as it is known: the account, else the kind of reporter.
    return ("user", report.submitted_by_id) if report.submitted_by_id else ("type", report.reporter_type)


def listing(items: Sequence[str]) -> str:
    """"a, b and c" in the active language."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _compared(this: float, other: float) -> str:
    if other <= 0:
        return "more" if this > 0 else "same"
    ratio = this / other
    return "more" if ratio > 1 + CLEAR_DIFFERENCE else "less" if ratio < 1 - CLEAR_DIFFERENCE else "same"


def _previous_period(start: date, end: date) -> tuple[date, date] | None:
    months = months_of(start, end)
    if not months:
        return None
    first = start.year * 12 + start.month - 1 - len(months)
    previous_start = date(first // 12, first % 12 + 1, 1)
    return previous_start, date.fromordinal(start.toordinal() - 1)


def _population(codes: Sequence[str]) -> int:
    year = Population.objects.filter(municipality_code__in=codes).aggregate(latest=Max("year"))["latest"]
    rows = Population.objects.filter(municipality_code__in=codes, year=year)
    return sum(rows.values_list("population", flat=True))


def narrative(scope: Scope, reports: Sequence[Report], themes: Sequence[str]) -> str:
    """The story of the period in the active language, without a digit."""
    area_name = listing([m.name for m in scope.municipalities]) or scope.county.name
    phenomena = listing([p.label.lower() for p in scope.phenomena])
    first: list[str] = []
    if phenomena:
        first.append(_("This summary covers the reports made on %(phenomena)s in %(area)s during the period.")
                     % {"phenomena": phenomena, "area": area_name})  # fmt: skip
    else:
        first.append(_("This summary covers all reports made in %(area)s during the period.") % {"area": area_name})
    if not reports:
        first.append(_("No reports were made during the period."))
        return " ".join(first)
    first += _amounts(scope)
    first += _where(scope)
    second: list[str] = []
    minimum = max(2, threshold())
    common = [p.label.lower() for p, group in _by_phenomenon(reports) if len(group) >= minimum][:3]
    if len(scope.phenomena) != 1 and len(common) > 1:
        second.append(_("The most common phenomena were %(phenomena)s.") % {"phenomena": listing(common)})
    groups = Counter(g for r in reports for g in r.target_groups.all())
    affected = [g.label.lower() for g, n in groups.most_common(3) if n >= minimum]
    if affected:
        second.append(_("The reports most often concern %(groups)s.") % {"groups": listing(affected)})
    second += _reporters_view(reports, minimum)
    if themes:
        second.append(_("Recurring themes are %(themes)s.") % {"themes": listing([f"“{t}”" for t in themes])})
    proposals = _proposals(reports, minimum)
    if proposals:
        second.append(_("The reporters' proposals concern above all %(terms)s.") % {"terms": listing(proposals)})
    second.append(_("The statements below give the numbers as the published statistics show them; each statement "
                    "cites the reports it is based on."))  # fmt: skip
    return " ".join(first) + "\n\n" + " ".join(second)


def _amounts(scope: Scope) -> list[str]:
    """How much, in words: against the previous period and, for municipalities, against
    the county relative to population. Only from published cells; silent when hidden."""
    sentences = []
    now = scope.published(scope.period_start, scope.period_end)
    previous = _previous_period(scope.period_start, scope.period_end)
    before = scope.published(*previous) if previous and now is not None else None
    if now is not None and before is not None:
        sentences.append({
            "more": _("There were clearly more reports than in the previous period of the same length."),
            "less": _("There were clearly fewer reports than in the previous period of the same length."),
            "same": _("There were about as many reports as in the previous period of the same length."),
        }[_compared(now, before)])  # fmt: skip
    if now is not None and scope.municipalities:
        county_count = scope.published(scope.period_start, scope.period_end, level="county", codes=[scope.county.code])
        area_population = _population([m.code for m in scope.municipalities])
        county_population = _population(list(Municipality.objects.filter(county=scope.county).values_list("code", flat=True)))
        if county_count and area_population and county_population:
            sentences.append({
                "more": _("Relative to the population, more was reported here than in the county as a whole."),
                "less": _("Relative to the population, less was reported here than in the county as a whole."),
                "same": _("Relative to the population, about as much was reported here as in the county as a whole."),
            }[_compared(now / area_population, county_count / county_population)])  # fmt: skip
    return sentences


def _where(scope: Scope) -> list[str]:
    """The municipalities with the most reports, named only from published cells."""
    if len(scope.municipalities) == 1:
        return []
    candidates = list(scope.municipalities) or list(Municipality.objects.filter(county=scope.county, active=True))
    counted = []
    for municipality in candidates:
        value = scope.published(scope.period_start, scope.period_end, level="municipality", codes=[municipality.code])
        if value:
            counted.append((value, municipality.name))
    if len(counted) < 2:
        return []
    top = [name for _value, name in sorted(counted, key=lambda item: (-item[0], item[1]))[:3]]
    return [_("Most reports came from %(places)s.") % {"places": listing(top)}]


def _reporters_view(reports: Sequence[Report], minimum: int) -> list[str]:
    """The reporters' own view of the development, when enough of them gave one."""
    judged = Counter(r.trend for r in reports if r.trend != Report.Trend.UNKNOWN)
    if sum(judged.values()) < minimum:
        return []
    trend, count = judged.most_common(1)[0]
    if count * 2 <= sum(judged.values()):
        return [_("The reporters who assessed the development disagree on its direction.")]
    return [{
        Report.Trend.GROWING: _("Most of the reporters who assessed the development see the phenomenon growing."),
        Report.Trend.STABLE: _("Most of the reporters who assessed the development see the phenomenon as stable."),
        Report.Trend.EASING: _("Most of the reporters who assessed the development see the phenomenon easing."),
    }[Report.Trend(trend)]]  # fmt: skip


def _proposals(reports: Sequence[Report], minimum: int) -> list[str]:
    from ilmio.text.themes import theme_terms

    texts = [r.proposed_action for r in reports if r.proposed_action.strip()]
    if len(texts) < minimum:
        return []
    return [t.term for t in theme_terms(texts, k=3, min_docs=minimum)]
