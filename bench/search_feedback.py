"""Time the search of client feedback (issue #14, decision 0034): a substring search over the
stored, redacted texts of one county's items, the count and the first page, as the feedback
page runs it.

    ILMIO_TESTING=1 ILMIO_DATA_DIR=/tmp/bench-search DJANGO_SETTINGS_MODULE=ilmio.settings \\
        .venv/bin/python bench/search_feedback.py [ROWS]

Uses (and migrates) the database of ILMIO_DATABASE_URL / ILMIO_DATA_DIR: never a real one.
The items are made with bulk_create (their texts go through the redaction door as every write).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from ilmio.accounts.models import User  # noqa: E402
from ilmio.areas.models import County  # noqa: E402
from ilmio.core.roles import Role  # noqa: E402
from ilmio.sources.models import FeedbackItem  # noqa: E402
from ilmio.sources.search import SourceQuery, feedback_matching  # noqa: E402

TEXTS = ["Asumisneuvontaan ei saanut aikaa ennen häätöä.", "Toimeentulotuen päätös viipyi yli määräajan.",
         "Asiakasta ohjattiin luukulta toiselle.", "Mielenterveyspalveluun jonotettiin kuukausia.",
         "Tuettua asuntoa odotettiin puoli vuotta.", "Kotihoidon käynnit peruttiin ilman ilmoitusta."]  # fmt: skip


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    call_command("migrate", verbosity=0)
    from tests.conftest import ensure_reference_data

    ensure_reference_data()
    county = County.objects.get(code="15")
    user, _ = User.objects.get_or_create(username="bench_search", defaults={"role": Role.COORDINATOR, "county": county})
    FeedbackItem.objects.filter(county=county, import_key__startswith="bench-").delete()
    rng = random.Random(7)
    started = time.perf_counter()
    batch = [FeedbackItem(county=county, kind=rng.choice(FeedbackItem.Kind.values), unit=f"Yksikkö {n % 40}",
                          received_on=date(2025, 1, 1) + timedelta(days=n % 700), text=rng.choice(TEXTS) + f" ({n})",
                          import_key=f"bench-{n}") for n in range(rows)]  # fmt: skip
    FeedbackItem.objects.bulk_create(batch, batch_size=2000)
    print(f"{rows} items stored in {time.perf_counter() - started:.1f} s")
    for text in ("asunto", "kotihoido", "ei löydy mitään tällaista"):
        times = []
        for _ in range(5):
            began = time.perf_counter()
            found = feedback_matching(user, SourceQuery(text=text))
            total = found.count()
            first_page = list(found[:25])
            times.append(time.perf_counter() - began)
        print(f"search {text!r}: {total} found, first page {len(first_page)}; median {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
