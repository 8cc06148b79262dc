from __future__ import annotations

import pytest

from ilmio.analysis.retraining import (
    confirmed_examples,
    current_model,
    model_path,
    retrain_from_decisions,
)
from ilmio.analysis.services import classify_report
from ilmio.areas.models import County, Municipality
from ilmio.cli import main
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db

TEXTS = [
    "Kotihoidon asiakkaat eivät osaa käyttää etäpalveluja ja tabletteja.",
    "Ikäihmiset eivät pääse verkkopankkiin eivätkä saa apua laitteiden käyttöön.",
    "Sähköinen ajanvaraus on vaikea, eikä puhelimella saa aikaa.",
    "Asiakkailta puuttuu älypuhelin ja pankkitunnukset, hakemukset jäävät tekemättä.",
    "Digituki puuttuu, omaiset hoitavat asioinnin verkossa.",
]


def test_confirmed_classifications_retrain_the_model(make_user, settings, tmp_path, capsys):
    settings.DATA_DIR = tmp_path
    coordinator = make_user(Role.COORDINATOR)
    county = County.objects.get(code="15")
    digital = Phenomenon.objects.get(code="digitalisaatio")
    for text in TEXTS * 3:
        report, _ = submit_report({"title": "Havainto", "description": text,
                                   "municipalities": [Municipality.objects.get(code="179")]},
                                  county=county, channel=Report.Channel.FORM)  # fmt: skip
        classify_report(report, primary=digital, by=coordinator)
    assert len(confirmed_examples()) == 15
    assert main(["retrain"]) == 0
    out = capsys.readouterr().out
    assert "Confirmed classifications used: 15" in out and "before" in out and "after" in out
    assert not model_path().exists()
    result = retrain_from_decisions(activate=True)
    assert result.saved_to == model_path() and model_path().exists()
    assert current_model().meta.get("n_extra") == 12


def test_retrain_without_decisions_fails_clearly(reference_data, capsys):
    assert main(["retrain"]) == 1
    assert "no confirmed classifications" in capsys.readouterr().err
