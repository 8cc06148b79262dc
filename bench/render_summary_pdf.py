"""Render page 1 of a sample summary PDF for the docs (docs/images/summary-pdf-page1.png).

Needs no database: the content model is filled by hand. Run:
ILMIO_TESTING=1 DJANGO_SETTINGS_MODULE=ilmio.settings .venv/bin/python bench/render_summary_pdf.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import django

OUT = Path(__file__).resolve().parent.parent / "docs" / "images" / "summary-pdf-page1.png"


def main() -> int:
    django.setup()
    from ilmio.knowledge.documents import ChartBar, SummaryDocument
    from ilmio.knowledge.pdf import document_pdf

    doc = SummaryDocument(
        title="Asumisen huolet lapsiperheissä", county="Keski-Suomen hyvinvointialue", period="1.1.2026–31.3.2026",
        audience="decision_makers", audience_mark="Päättäjille", language="fi", introduction="",
        narrative="Vuokrarästit ja häätöuhka koskettivat kauden aikana erityisesti lapsiperheitä.",
        statements=["Asuminen: 42 raporttia.", "Toimeentulo: – raporttia."], chart_title="Ilmoitukset ilmiöittäin",
        chart=[ChartBar("Asuminen", "42", False, 100.0), ChartBar("Toimeentulo", "–", True, 0)],
        quotes=["Perheet pelkäävät menettävänsä kotinsa."], approver="Aino Esimerkki", approved="14.4.2026",
        published="15.4.2026", footnote="Viiva (–) merkitsee lukua, joka on piilotettu yksityisyyden suojaamiseksi.",
        exact_counts=False,
    )  # fmt: skip
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "summary.pdf"
        pdf.write_bytes(document_pdf(doc))
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT.with_suffix(""))], check=True)  # fmt: skip
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
