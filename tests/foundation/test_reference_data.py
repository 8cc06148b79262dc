from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ilmio.areas.loading import (
    MUNICIPALITIES_CSV,
    ReferenceDataError,
    latest_population,
    load_municipalities,
    load_population,
)
from ilmio.areas.models import CooperationArea, County, Municipality, Population

pytestmark = pytest.mark.django_db


def test_counts_match_the_2025_classification(reference_data):
    assert Municipality.objects.filter(active=True).count() == 308
    assert County.objects.count() == 23  # 21 counties + City of Helsinki + Åland
    assert CooperationArea.objects.count() == 6  # 5 cooperation areas + Åland


def test_jyvaskyla_belongs_to_central_finland_and_eastern_cooperation_area(reference_data):
    jyvaskyla = Municipality.objects.select_related("county__cooperation_area").get(code="179")
    assert jyvaskyla.name_fi == "Jyväskylä"
    assert jyvaskyla.county.code == "15"
    assert jyvaskyla.county.name_fi == "Keski-Suomen hyvinvointialue"
    assert jyvaskyla.county.cooperation_area.name_fi == "Itä-Suomen yhteistyöalue"


def test_names_in_three_languages(reference_data):
    vaasa = Municipality.objects.get(code="905")
    assert (vaasa.name_fi, vaasa.name_sv) == ("Vaasa", "Vasa")
    helsinki = County.objects.get(code="90")
    assert helsinki.name_fi == "Helsingin kaupunki"
    assert helsinki.name_en


def test_population_loaded_for_every_current_municipality(reference_data):
    latest = latest_population()
    assert len(latest) == 308
    assert latest["179"] == 145887  # Jyväskylä 31.12.2022
    assert Population.objects.filter(year=2022).count() >= 308


def test_reloading_the_same_files_changes_nothing(reference_data):
    before = list(Municipality.objects.order_by("code").values())
    result = load_municipalities()
    assert result.created == {} and result.updated == {} and result.deactivated == 0
    assert load_population().created == {}
    assert list(Municipality.objects.order_by("code").values()) == before


def test_new_classification_updates_in_place_and_deactivates_leavers(reference_data, tmp_path: Path):
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fieldnames = list(rows[0])
    # A merger: Uurainen (892) joins Jyväskylä; Jyväskylä gets a new English name.
    rows = [r for r in rows if r["municipality_code"] != "892"]
    for row in rows:
        if row["municipality_code"] == "179":
            row["municipality_name_en"] = "Jyvaskyla City"
    path = tmp_path / "municipalities_2026.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    result = load_municipalities(path)
    assert result.deactivated == 1
    assert result.updated.get("Municipality") == 307  # classification year changed for all
    assert not Municipality.objects.get(code="892").active
    assert Municipality.objects.get(code="179").name_en == "Jyvaskyla City"
    assert Municipality.objects.get(code="179").classification_year == 2026
    assert Municipality.objects.filter(active=True).count() == 307


def test_malformed_file_is_refused_and_changes_nothing(reference_data, tmp_path: Path):
    path = tmp_path / "broken.csv"
    path.write_text("municipality_code,municipality_name_fi\n179,Jyväskylä\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="missing columns"):
        load_municipalities(path)
    bad_code = tmp_path / "bad.csv"
    text = MUNICIPALITIES_CSV.read_text(encoding="utf-8").replace("\n179,", "\nJKL,", 1)
    bad_code.write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="bad municipality code"):
        load_municipalities(bad_code)
    assert Municipality.objects.filter(active=True).count() == 308
    with pytest.raises(ReferenceDataError, match="file not found"):
        load_municipalities(tmp_path / "missing.csv")
