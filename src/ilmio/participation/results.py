"""A closed listening round's results: its answers counted by phenomenon through the
disclosure door (one structure with its total), so no small number can point at a person.
An open round publishes nothing: a number that changes while someone watches is not shown."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ilmio.indicators.disclosure import Shown, tally
from ilmio.participation.models import ListeningRound
from ilmio.taxonomy.models import Phenomenon


@dataclass
class RoundResults:
    rows: list[tuple[str, Shown]]
    total: Shown


def round_results(listening_round: ListeningRound) -> RoundResults:
    """Answers by the phenomenon the coordinators classified them under ("not classified"
    for the rest), every phenomenon listed, hidden where small."""
    counted = Counter(code or "" for code in listening_round.answers.values_list("phenomenon__code", flat=True))
    phenomena = list(Phenomenon.objects.filter(active=True).order_by("position", "code"))
    keys = [p.code for p in phenomena] + [""]
    labels = {p.code: p.label for p in phenomena} | {"": _("not classified yet")}
    shown, total = tally({key: counted.get(key, 0) for key in keys})
    rows = [(labels[key], shown[key]) for key in keys if counted.get(key, 0) or shown[key].hidden]
    return RoundResults(rows, total)
