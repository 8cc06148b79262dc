"""Statistics in Sotkanet's format, register extracts, and the phenomenon brief."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import Client

from ilmio.cli import main
from ilmio.indicators import statistics
from ilmio.indicators.models import Indicator, IndicatorValue, PhenomenonIndicator

pytestmark = pytest.mark.django_db


def test_sample_import_maps_regions_and_suppresses_small_counts(reference_data):
    result = statistics.import_sotkanet_dir(statistics.SAMPLE_DIR, sample=True)
    assert result.indicators == 4 and result.skipped == {"gender breakdown": 1}
    social_assistance = Indicator.objects.get(code="sotkanet:5")
    assert social_assistance.sample and social_assistance.title_sv
    assert IndicatorValue.objects.filter(indicator=social_assistance, area_level="country", area_code="FI").count() == 2
    assert IndicatorValue.objects.filter(indicator=social_assistance, area_level="county").count() == 46
    small = IndicatorValue.objects.filter(indicator=social_assistance, area_level="municipality", suppressed=True)
    assert small.exists() and all(v.value is None and v.absolute is None for v in small)
    assert not IndicatorValue.objects.filter(absolute__gte=1, absolute__lt=5).exists()
    assert PhenomenonIndicator.objects.filter(phenomenon__code="toimeentulo", indicator=social_assistance).exists()
    again = statistics.import_sotkanet_dir(statistics.SAMPLE_DIR, sample=True)
    assert again.values == result.values
    assert IndicatorValue.objects.count() == result.values  # reimport updates, never duplicates


def test_csv_import_and_bad_files(reference_data, tmp_path: Path):
    good = tmp_path / "rows.csv"
    good.write_text("indicator,region,year,gender,value,absValue\n5,658,2021,total,6.1,190000\n5,999999,2021,total,1,\n",
                    encoding="utf-8")  # fmt: skip
    result = statistics.import_sotkanet_csv(good, statistics.SAMPLE_DIR / "regions.json")
    assert result.values == 1 and result.skipped == {"unknown region": 1}
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(statistics.StatisticsError, match="needs columns"):
        statistics.import_sotkanet_csv(bad, statistics.SAMPLE_DIR / "regions.json")
    assert main(["import", "statistics", "--csv", str(bad)]) == 1


def test_fetch_speaks_the_sotkanet_api_politely(reference_data, tmp_path: Path):
    """The real fetch code against a recorded API served on loopback."""
    root = tmp_path / "rest" / "1.1"
    (root / "indicators").mkdir(parents=True)
    rows = json.loads((statistics.SAMPLE_DIR / "data.json").read_text(encoding="utf-8"))
    (root / "regions").write_text((statistics.SAMPLE_DIR / "regions.json").read_text(encoding="utf-8"), encoding="utf-8")
    meta = json.loads((statistics.SAMPLE_DIR / "indicators.json").read_text(encoding="utf-8"))[0]
    (root / "indicators" / "5").write_text(json.dumps(meta), encoding="utf-8")
    (root / "json").write_text(json.dumps([r for r in rows if r["indicator"] == 5]), encoding="utf-8")
    seen_agents: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen_agents.append(self.headers.get("User-Agent", ""))
            self.path = self.path.split("?", 1)[0]
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/rest/1.1"
        result = statistics.fetch_sotkanet([5], [2022, 2023], base_url=base, pause=0)
    finally:
        server.shutdown()
    assert result.indicators == 1 and result.values > 20
    assert all(agent.startswith("Ilmio/") for agent in seen_agents) and len(seen_agents) == 3
    assert not Indicator.objects.get(code="sotkanet:5").sample


def test_register_extract_import_through_the_cli(reference_data, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    extract = tmp_path / "extract.parquet"
    assert main(["generate", "register-extract", str(extract), "--rows", "20000"]) == 0
    assert main(["import", "register", str(extract)]) == 0
    assert "indicators" in capsys.readouterr().out
    values = IndicatorValue.objects.filter(indicator__source="register")
    assert values.filter(area_level="country").exists()
    assert not values.filter(value__gte=1, value__lt=5).exists()
    assert values.filter(suppressed=True, value=None).exists()
    assert main(["import", "register", str(tmp_path / "missing.parquet")]) == 1
    text = tmp_path / "notes.txt"
    text.write_text("x", encoding="utf-8")
    assert main(["import", "register", str(text)]) == 1


def test_brief_page_shows_sources_and_no_small_numbers(reference_data):
    statistics.import_sotkanet_dir(statistics.SAMPLE_DIR, sample=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    html = client.get("/situation/brief/toimeentulo/?level=county&area=15").content.decode()
    assert "sample data" in html and "THL Sotkanet" in html and "CC BY 4.0" in html
    assert client.get("/situation/brief/nonsense/").status_code == 404
    html = client.get("/situation/?level=county&area=15&phenomenon=toimeentulo").content.decode()
    assert "Statistics and register data" in html
