"""Time the history import of synthetic Webropol-style rows (issue #11 item 6).

    ILMIO_TESTING=1 ILMIO_DATA_DIR=/tmp/bench-import DJANGO_SETTINGS_MODULE=ilmio.settings \\
        .venv/bin/python bench/import_history.py [ROWS]

Uses (and migrates) the database of ILMIO_DATABASE_URL / ILMIO_DATA_DIR: never a real one.
Runs the import twice: the second run must add nothing.
"""

from __future__ import annotations

import io
import random
import sys
import time

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from ilmio.areas.models import County  # noqa: E402
from ilmio.reports.importing import ColumnMapping, import_reports, read_table  # noqa: E402

PHRASES_FI = ["Vuokrarästit kasvavat ja asiakkaat menettävät asuntonsa.", "Nuorten päihteiden käyttö on lisääntynyt.",
              "Ikääntyneiden yksinäisyys näkyy kotikäynneillä.", "Toimeentulotuen käsittelyajat ovat pidentyneet.",
              "Lapsiperheiden taloudellinen ahdinko on syventynyt."]  # fmt: skip
PHRASES_SV = ["Hyresskulderna växer och klienter förlorar sina bostäder.", "Ungas missbruk har ökat.",
              "Äldres ensamhet syns vid hembesöken."]  # fmt: skip


def synthetic_csv(count: int, municipalities: list[str], phenomena: list[str]) -> bytes:
    rng = random.Random(11)
    lines = ["Vastaajan ID;Vastausaika;Kunta;Ilmiö;Kuvaus"]
    for number in range(1, count + 1):
        swedish = rng.random() < 0.1
        text = " ".join(rng.choice(PHRASES_SV if swedish else PHRASES_FI) for _ in range(3))
        if number % 50 == 0:
            text += " Soita 040 1234567."
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2025)
        date = f"{day}.{month}.{year} {rng.randint(8, 16)}.{rng.randint(0, 59):02d}"
        if number % 1000 == 0:
            date = "31.2.2021"  # a bad row: reported, the rest continue
        lines.append(f"{number};{date};{rng.choice(municipalities)};{rng.choice(phenomena)};{text}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    call_command("migrate", verbosity=0)
    from tests.conftest import ensure_reference_data

    ensure_reference_data()
    county = County.objects.get(code="15")
    names = list(county.municipalities.values_list("name_fi", flat=True))
    from ilmio.taxonomy.models import Phenomenon

    codes = list(Phenomenon.objects.values_list("code", flat=True)[:8])
    rows = read_table(io.BytesIO(synthetic_csv(count, names, codes)))
    mapping = ColumnMapping.guess(rows[0].keys())
    for label in ("first run", "re-run"):
        started = time.perf_counter()
        result = import_reports(county, rows, mapping)
        elapsed = time.perf_counter() - started
        print(f"{label}: {count} rows in {elapsed:.1f} s ({count / elapsed:.0f} rows/s); created {result.created}, "
              f"duplicates {result.skipped_duplicates}, problems {len(result.problems)}")  # fmt: skip


if __name__ == "__main__":
    main()
