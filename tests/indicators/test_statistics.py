"""Statistics in Sotkanet's format, register extracts, and the phenomenon brief."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


# /rest/1.1/regions as the real service answers it (fields and categories as public clients
# record them; see the sample's SOURCES.md): country 658 and county ids are Sotkanet's real
# ones, the municipality, MAAKUNTA and SAIRAANHOITOPIIRI ids are only this test's.
REGIONS = [
    {"id": 658, "code": "SSS", "category": "MAA", "title": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
     "uri": "http://www.yso.fi/onto/kunnat/maa", "memberOf": []},
    {"id": 965, "code": "15", "category": "HYVINVOINTIALUE",
     "title": {"fi": "Keski-Suomen hyvinvointialue", "sv": "Mellersta Finlands välfärdsområde",
               "en": "Central Finland wellbeing services county"}, "memberOf": [658]},
    {"id": 960, "code": "90", "category": "HYVINVOINTIALUE",
     "title": {"fi": "Helsingin kaupunki", "sv": "Helsingfors stad", "en": "City of Helsinki"}, "memberOf": [658]},
    {"id": 70179, "code": "179", "category": "KUNTA",
     "title": {"fi": "Jyväskylä", "sv": "Jyväskylä", "en": "Jyväskylä"}, "memberOf": [965]},
    {"id": 70013, "code": "13", "category": "MAAKUNTA",
     "title": {"fi": "Keski-Suomi", "sv": "Mellersta Finland", "en": "Central Finland"}, "memberOf": [658]},
    {"id": 70023, "code": "23", "category": "SAIRAANHOITOPIIRI",
     "title": {"fi": "Keski-Suomen SHP", "sv": "Mellersta Finlands SVD", "en": "Central Finland HD"}, "memberOf": [658]},
]  # fmt: skip
# /rest/1.1/csv as the real service writes it: ';', "primary value"/"absolute value", decimal commas.
REAL_CSV = """indicator;region;year;gender;primary value;absolute value
5;658;2022;total;6,6;190513
5;965;2022;total;7,3;9735
5;960;2022;total;5,1;
5;70179;2022;total;8,2;4012
5;70179;2023;total;1,5;3
5;965;2022;male;8,0;5100
5;70013;2022;total;7,3;9735
5;70023;2022;total;7,3;9735
5;999999;2022;total;4,0;100
"""


def write_regions(tmp_path: Path) -> Path:
    path = tmp_path / "regions.json"
    path.write_text(json.dumps(REGIONS, ensure_ascii=False), encoding="utf-8")
    return path


def test_real_format_csv_imports_with_the_right_counts(reference_data, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    rows = tmp_path / "sotkanet.csv"
    rows.write_text(REAL_CSV, encoding="utf-8")
    result = statistics.import_sotkanet_csv(rows, write_regions(tmp_path))
    assert (result.values, result.suppressed) == (5, 1)
    assert result.skipped == {"gender breakdown": 1, "unknown region": 1}
    assert result.other_categories == {"MAAKUNTA": 1, "SAIRAANHOITOPIIRI": 1}
    stored = {(v.area_level, v.area_code, v.period): (v.value, v.absolute, v.suppressed)
              for v in IndicatorValue.objects.filter(indicator__code="sotkanet:5")}  # fmt: skip
    assert stored == {("country", "FI", "2022"): (6.6, 190513, False), ("county", "15", "2022"): (7.3, 9735, False),
                      ("county", "90", "2022"): (5.1, None, False), ("municipality", "179", "2022"): (8.2, 4012, False),
                      ("municipality", "179", "2023"): (None, None, True)}  # fmt: skip
    # The command prints the same counts on one line, the other categories named apart.
    assert main(["import", "statistics", "--csv", str(rows), "--regions", str(tmp_path / "regions.json")]) == 0
    line = capsys.readouterr().out.strip()
    assert "5 values (1 suppressed)" in line and "other region categories: MAAKUNTA 1, SAIRAANHOITOPIIRI 1" in line
    assert "'unknown region': 1" in line and IndicatorValue.objects.count() == 5  # reimport updates


def test_comma_separated_csv_with_json_names_still_imports(reference_data, tmp_path: Path):
    good = tmp_path / "rows.csv"
    good.write_text("indicator,region,year,gender,value,absValue\n5,658,2021,total,6.1,190000\n5,999999,2021,total,1,\n",
                    encoding="utf-8")  # fmt: skip
    result = statistics.import_sotkanet_csv(good, write_regions(tmp_path))
    assert result.values == 1 and result.skipped == {"unknown region": 1}
    assert IndicatorValue.objects.get(area_level="country", period="2021").value == 6.1


@pytest.mark.parametrize(("text", "number"), [("6,0", 6.0), ("6.0", 6.0), (" 6,0 ", 6.0), ("6\u00a0000,5", 6000.5),
                                              ("6.000,5", 6000.5), ("6,000.5", 6000.5), ("", None), (None, None)])  # fmt: skip
def test_sotkanet_numbers_with_decimal_commas(text: str | None, number: float | None):
    assert statistics.parse_number(text) == number


def test_bad_csv_files_give_one_clear_line(reference_data, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    regions = write_regions(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(statistics.StatisticsError, match="needs columns"):
        statistics.import_sotkanet_csv(bad, regions)
    not_a_number = tmp_path / "nan.csv"
    not_a_number.write_text("indicator;region;year;gender;primary value;absolute value\n5;658;2022;total;kuusi;1\n",
                            encoding="utf-8")  # fmt: skip
    with pytest.raises(statistics.StatisticsError, match=r"line 2: primary value 'kuusi' is not a number"):
        statistics.import_sotkanet_csv(not_a_number, regions)
    capsys.readouterr()
    assert main(["import", "statistics", "--csv", str(bad), "--regions", str(regions)]) == 1
    # Without --regions a real file would be mapped with the sample's invented ids: refused.
    rows = tmp_path / "rows.csv"
    rows.write_text(REAL_CSV, encoding="utf-8")
    assert main(["import", "statistics", "--csv", str(rows)]) == 1
    error = capsys.readouterr().err
    assert "--csv needs --regions" in error and "Traceback" not in error
    assert not IndicatorValue.objects.exists()
    html = tmp_path / "regions.html"
    html.write_text("<!DOCTYPE html><html><body>503</body></html>", encoding="utf-8")
    assert main(["import", "statistics", "--csv", str(rows), "--regions", str(html)]) == 1
    assert "cannot read JSON" in capsys.readouterr().err
    regions.write_text('{"id": 658}', encoding="utf-8")
    with pytest.raises(statistics.StatisticsError, match="expected a JSON array of regions, got an object"):
        statistics.import_sotkanet_csv(rows, regions)


class Api:
    """A recorded Sotkanet API on loopback: path → (status, content type, body)."""

    def __init__(self, answers: dict[str, tuple[int, str, bytes]]) -> None:
        self.answers = answers
        self.agents: list[str] = []
        self.paths: list[str] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                api.agents.append(self.headers.get("User-Agent", ""))
                api.paths.append(self.path)
                status, content_type, body = api.answers.get(self.path.split("?", 1)[0], (404, "text/html", b"<h1>404</h1>"))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/rest/1.1"

    def __enter__(self) -> Api:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *args: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def as_json(value: object) -> tuple[int, str, bytes]:
    return 200, "application/json;charset=UTF-8", json.dumps(value, ensure_ascii=False).encode()


def test_fetch_speaks_the_sotkanet_api_politely(reference_data):
    """The real fetch code against a recorded API served on loopback."""
    rows = json.loads((statistics.SAMPLE_DIR / "data.json").read_text(encoding="utf-8"))
    regions = json.loads((statistics.SAMPLE_DIR / "regions.json").read_text(encoding="utf-8"))
    meta = json.loads((statistics.SAMPLE_DIR / "indicators.json").read_text(encoding="utf-8"))[0]
    with Api({"/rest/1.1/regions": as_json(regions), "/rest/1.1/indicators/5": as_json(meta),
              "/rest/1.1/json": as_json([r for r in rows if r["indicator"] == 5])}) as api:  # fmt: skip
        result = statistics.fetch_sotkanet([5], [2022, 2023], base_url=api.base, pause=0)
    assert result.indicators == 1 and result.values > 20
    assert all(agent.startswith("Ilmio/") for agent in api.agents) and len(api.agents) == 3
    assert "/rest/1.1/json?indicator=5&years=2022&years=2023&genders=total" in api.paths
    assert not Indicator.objects.get(code="sotkanet:5").sample


def test_fetch_counts_other_region_categories_apart(reference_data):
    meta = {"id": 5, "title": {"fi": "Toimeentulotuki", "sv": "Utkomststöd", "en": "Social assistance"}}
    data = [{"indicator": 5, "region": 965, "year": 2022, "gender": "total", "value": 7.3, "absValue": 9735},
            {"indicator": 5, "region": 70013, "year": 2022, "gender": "total", "value": 7.3, "absValue": 9735},
            {"indicator": 5, "region": 70023, "year": 2022, "gender": "total", "value": 7.3},
            {"indicator": 5, "region": 4242, "year": 2022, "gender": "total", "value": 1.0}]  # fmt: skip
    with Api({"/rest/1.1/regions": as_json(REGIONS), "/rest/1.1/indicators/5": as_json(meta),
              "/rest/1.1/json": as_json(data)}) as api:  # fmt: skip
        result = statistics.fetch_sotkanet([5], [2022], base_url=api.base, pause=0)
    assert (result.values, result.skipped) == (1, {"unknown region": 1})
    assert result.other_categories == {"MAAKUNTA": 1, "SAIRAANHOITOPIIRI": 1}


ERROR_PAGE = b"<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head></html>"


@pytest.mark.parametrize(("answers", "message"), [
    ({"/rest/1.1/regions": (200, "text/html;charset=UTF-8", ERROR_PAGE)},
     "the answer is not JSON (text/html), it begins '<!DOCTYPE html> <html>"),
    ({"/rest/1.1/regions": (503, "text/html", ERROR_PAGE)}, "Sotkanet answered HTTP 503"),
    ({"/rest/1.1/regions": as_json({"error": "maintenance"})}, "/regions: expected a JSON array, got an object"),
    ({"/rest/1.1/regions": as_json(REGIONS), "/rest/1.1/indicators/5": as_json([1, 2])},
     "/indicators/5: expected a JSON object, got an array"),
    ({"/rest/1.1/regions": as_json(REGIONS), "/rest/1.1/indicators/5": as_json({"id": 5, "title": {}}),
      "/rest/1.1/json": as_json({"rows": []})}, "/json: expected a JSON array, got an object"),
])  # fmt: skip
def test_unreadable_answers_give_one_clear_line(reference_data, capsys: pytest.CaptureFixture[str],
                                                answers: dict[str, tuple[int, str, bytes]], message: str):  # fmt: skip
    with Api(answers) as api:
        with pytest.raises(statistics.StatisticsError, match=re.escape(message)):
            statistics.fetch_sotkanet([5], [2022], base_url=api.base, pause=0)
        capsys.readouterr()
        assert main(["import", "statistics", "--fetch", "5", "--years", "2022", "--base-url", api.base]) == 1
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert not IndicatorValue.objects.exists()


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
