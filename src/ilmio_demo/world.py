"""Demo data that looks real: users for every role and a synthetic history of reports.

Central Finland (Keski-Suomen hyvinvointialue, county 15): reports weighted by municipal
population over the last 24 months, with winter peaks, a summer dip, Finnish and some
Swedish, every phenomenon, and one clearly emerging phenomenon in one area
(substance use in Äänekoski over the last three complete months). All of it is synthetic.
"""

from __future__ import annotations

import io
import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db import transaction

from ilmio.accounts.models import Organisation, User
from ilmio.areas.loading import latest_population, load_municipalities, load_population
from ilmio.areas.models import County, Municipality
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.loading import load_taxonomy
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup

DEMO_COUNTY = "15"  # Keski-Suomi
OTHER_COUNTY = "13"  # Pohjois-Savo, to show that counties do not see each other
EMERGING_PHENOMENON = "paihteet"
EMERGING_MUNICIPALITY = "992"  # Äänekoski
EMERGING_EXTRA_PER_MONTH = (6, 9, 12)  # the last three complete months (statistics show no other)
MONTHS = 24

# username, role, county, organisation
DEMO_USERS: list[tuple[str, Role, str | None, str]] = [
    ("sosiaalityontekija", Role.REPORTER, DEMO_COUNTY, "Keski-Suomen hyvinvointialue"),
    ("koordinaattori", Role.COORDINATOR, DEMO_COUNTY, "Keski-Suomen hyvinvointialue"),
    ("johtaja", Role.MANAGER, DEMO_COUNTY, "Keski-Suomen hyvinvointialue"),
    ("paattaja", Role.DECISION_MAKER, DEMO_COUNTY, "Keski-Suomen aluehallitus"),
    ("kumppani", Role.PARTNER, DEMO_COUNTY, "Jyväskylän Katulähetys ry"),
    ("yllapitaja", Role.ADMIN, DEMO_COUNTY, "Keski-Suomen hyvinvointialue"),
    ("analyytikko", Role.NATIONAL_ANALYST, None, "Terveyden ja hyvinvoinnin laitos"),
    ("koordinaattori_ps", Role.COORDINATOR, OTHER_COUNTY, "Pohjois-Savon hyvinvointialue"),
]


def demo_password(username: str) -> str:
    return f"{username}-demo-2026"


DEMO_EMAIL_DOMAIN = "@demo.ilmio.invalid"


def foreign_data() -> list[str]:
    """What in this database is not the demo's: a demo is never built over real data, and
    never resets the password of an account that is not the demo's own."""
    names = [username for username, *_rest in DEMO_USERS]
    found = []
    others = User.objects.exclude(username__in=names).count()
    if others:
        found.append(f"{others} user account(s) that are not the demo's")
    taken = User.objects.filter(username__in=names).exclude(email__endswith=DEMO_EMAIL_DOMAIN).count()
    if taken:
        found.append(f"{taken} account(s) with a demo user's name but not the demo's address")
    integrated = Report.objects.filter(channel__in=[Report.Channel.API, Report.Channel.IMPORT]).count()
    if integrated:
        found.append(f"{integrated} report(s) sent through the API or imported")
    if Report.objects.exists() and not Report.objects.filter(channel=Report.Channel.DEMO).exists():
        found.append("reports, none of them demo reports")
    return found


# Per phenomenon: (title, description) pairs in Finnish; {place} is filled in.
FI_TEXTS: dict[str, list[tuple[str, str]]] = {
    "asuminen": [
        ("Vuokrarästit kasautuvat etuusmuutosten jälkeen",
         "Asiakkailla on kertynyt vuokrarästejä asumistuen muutosten jälkeen. {place} useampi asiakas on saanut häätöuhan, eikä kohtuuhintaisia vuokra-asuntoja löydy."),
        ("Nuoret jäävät ilman omaa asuntoa",
         "Itsenäistyvät nuoret eivät saa vuokra-asuntoa ilman takaajaa. {place} tilapäismajoitusta käytetään viikkoja, koska tuettua asumista ei ole tarjolla."),
        ("Asunnottomuus piiloutuu sohvasurffaukseen",
         "Asiakkaat asuvat tuttavien luona, jolloin asunnottomuus ei näy tilastoissa. Asumisneuvontaa tarvittaisiin enemmän {place}."),
    ],
    "mielenterveys": [
        ("Mielenterveyspalveluihin pääsy viivästyy",
         "Aikuisten mielenterveyspalveluihin on kuukausien jonot. {place} asiakkaat odottavat hoitoon pääsyä ilman tukea ja tilanne ehtii kriisiytyä."),
        ("Nuorten ahdistus ja koulu-uupumus lisääntyneet",
         "Nuorten ahdistus ja masennusoireet näkyvät sosiaalityössä. Matalan kynnyksen keskusteluapua ei ole riittävästi {place}."),
        ("Omaisten kuormitus kasvaa",
         "Omaiset kantavat vastuuta psyykkisesti oireilevista läheisistään, koska avopalvelut eivät riitä. Omaisten tuki puuttuu {place}."),
    ],
    "paihteet": [
        ("Päihdekuntoutukseen pääsy vaikeutunut",
         "Päihdekuntoutukseen on pitkä odotus ja maksusitoumuksia myönnetään harvoin. {place} asiakkaat retkahtavat odottaessaan."),
        ("Huumeiden käyttö näkyy nuorissa aikuisissa",
         "Nuorten aikuisten huumeiden käyttö ja sekakäyttö on lisääntynyt. {place} korvaushoitoon ohjautuminen kestää liian kauan."),
        ("Rahapelaaminen ajaa velkakierteeseen",
         "Rahapeliongelmat tulevat esiin vasta, kun velat ovat jo ulosotossa. Peliriippuvuuden hoitoa ei ole tarjolla {place}."),
    ],
    "toimeentulo": [
        ("Toimeentulotuen käsittely viivästyy",
         "Kelan perustoimeentulotuen päätökset viipyvät ja asiakkaat jäävät ilman rahaa ruokaan ja lääkkeisiin. {place} ruoka-apuun turvautuu yhä useampi."),
        ("Energiakulut ja velat kuormittavat perheitä",
         "Sähkölaskut ja pikavipit ovat ajaneet perheitä maksuvaikeuksiin. Talous- ja velkaneuvontaan on jonoa {place}."),
        ("Etuuksien yhteensovitus jättää aukkoja",
         "Etuuksien väliin jää katkoksia, kun työmarkkinatuki ja asumistuki muuttuvat. {place} täydentävää toimeentulotukea haetaan yhä useammin."),
    ],
    "palvelujarjestelma": [
        ("Asiakkaat putoavat palvelujen väliin",
         "Asiakas ohjataan palvelusta toiseen, eikä kukaan ota kokonaisvastuuta. {place} yhteistyö sosiaali- ja terveyspalvelujen välillä katkeilee."),
        ("Sosiaalityöntekijöiden vaihtuvuus näkyy asiakkaille",
         "Työntekijät vaihtuvat usein ja asiakkaat joutuvat kertomaan asiansa yhä uudelleen. {place} asiakkuudet pitkittyvät."),
    ],
    "osallisuus": [
        ("Yksinäisyys ikääntyneiden arjessa",
         "Kotona asuvat ikääntyneet kertovat yksinäisyydestä ja siitä, ettei heillä ole ketään, jolle puhua. {place} kohtaamispaikkoja on vähän."),
        ("Nuoret jäävät harrastusten ulkopuolelle",
         "Pienituloisten perheiden lapset eivät pääse harrastuksiin maksujen ja kuljetusten vuoksi. {place} syrjäytymisen riski kasvaa."),
    ],
    "yhdenvertaisuus": [
        ("Tulkkauksen puute estää asioinnin",
         "Asiakkaat eivät saa tulkkia ajoissa, jolloin he eivät ymmärrä päätöksiä. {place} yhdenvertainen palveluihin pääsy ei toteudu."),
        ("Esteettömyys puuttuu palvelupisteistä",
         "Liikkumisesteiset asiakkaat eivät pääse asioimaan palvelupisteissä. {place} kuljetuspalvelut eivät joustaa."),
    ],
    "tyo_koulutus": [
        ("Kuntouttavaa työtoimintaa ei ole riittävästi",
         "Pitkäaikaistyöttömille ei ole tarjolla kuntouttavaa työtoimintaa. {place} työkyvyn arviointiin on pitkä jono."),
        ("Toisen asteen opinnot keskeytyvät",
         "Nuoret keskeyttävät ammatilliset opinnot ja jäävät tyhjän päälle. {place} etsivä nuorisotyö ei tavoita kaikkia."),
    ],
    "vakivalta": [
        ("Lähisuhdeväkivalta tulee esiin myöhään",
         "Lähisuhdeväkivalta tulee esiin vasta kriisissä. {place} turvakotipaikkoja on liian vähän ja matkat pitkiä."),
        ("Ikääntyneiden kaltoinkohtelu",
         "Ikääntyneiden taloudellinen hyväksikäyttö ja kaltoinkohtelu läheisten taholta on lisääntynyt. {place} ilmoituksia tulee aiempaa enemmän."),
    ],
    "digitalisaatio": [
        ("Vahva tunnistautuminen estää asioinnin",
         "Asiakkailla ei ole pankkitunnuksia, eivätkä he pysty hakemaan etuuksia verkossa. {place} digitukea tarvitaan kasvokkain."),
        ("Sähköinen asiointi syrjäyttää ikääntyneitä",
         "Ikääntyneet eivät osaa käyttää sähköisiä palveluja, ja puhelinpalvelu ruuhkautuu. {place} asiointipisteitä on suljettu."),
    ],
}
SV_TEXTS: dict[str, list[tuple[str, str]]] = {
    "asuminen": [("Hyresskulder efter ändringar i bostadsbidraget",
                  "Klienter har fått hyresskulder efter ändringarna i bostadsbidraget. {place_sv} hotas flera av vräkning.")],
    "mielenterveys": [("Långa köer till mentalvården",
                       "Unga vuxna väntar månader på psykiatrisk vård. {place_sv} saknas lågtröskeltjänster.")],
    "paihteet": [("Missbruk bland unga vuxna ökar",
                  "Blandmissbruk bland unga vuxna har ökat och vägen till substitutionsbehandling är lång. {place_sv}")],
    "toimeentulo": [("Utkomststödet dröjer",
                     "FPA:s beslut om grundläggande utkomststöd dröjer och familjer saknar pengar till mat. {place_sv}")],
    "osallisuus": [("Ensamhet bland äldre",
                    "Äldre som bor hemma berättar om ensamhet. {place_sv} finns få mötesplatser.")],
    "digitalisaatio": [("Stark autentisering stänger ute",
                        "Klienter utan bankkoder kan inte ansöka om förmåner på nätet. {place_sv} behövs digitalt stöd.")],
    "palvelujarjestelma": [("Klienter faller mellan tjänsterna",
                            "Ingen tar helhetsansvar när klienten skickas mellan tjänster. {place_sv}")],
}
PHENOMENON_WEIGHTS = {
    "asuminen": 14, "mielenterveys": 16, "paihteet": 11, "toimeentulo": 15, "palvelujarjestelma": 12,
    "osallisuus": 9, "yhdenvertaisuus": 5, "tyo_koulutus": 7, "vakivalta": 5, "digitalisaatio": 6,
}  # fmt: skip
TARGET_GROUPS_BY_PHENOMENON = {
    "asuminen": ["tyoikaiset", "lapset_nuoret"], "mielenterveys": ["tyoikaiset", "lapset_nuoret"],
    "paihteet": ["tyoikaiset"], "toimeentulo": ["lapsiperheet", "tyoikaiset"],
    "palvelujarjestelma": ["koko_vaesto"], "osallisuus": ["ikaantyneet", "lapset_nuoret"],
    "yhdenvertaisuus": ["maahanmuuttajat", "vammaiset"], "tyo_koulutus": ["tyoikaiset", "lapset_nuoret"],
    "vakivalta": ["lapsiperheet", "ikaantyneet"], "digitalisaatio": ["ikaantyneet", "maahanmuuttajat"],
}  # fmt: skip
SERVICE_AREA_BY_PHENOMENON = {
    "asuminen": "aikuissosiaalityo", "mielenterveys": "mielenterveys_paihde", "paihteet": "mielenterveys_paihde",
    "toimeentulo": "aikuissosiaalityo", "palvelujarjestelma": "muu", "osallisuus": "ikaantyneet_palvelut",
    "yhdenvertaisuus": "tyollisyys_kotoutuminen", "tyo_koulutus": "tyollisyys_kotoutuminen",
    "vakivalta": "lapsiperheet_palvelut", "digitalisaatio": "aikuissosiaalityo",
}  # fmt: skip
# Related phenomena that often appear together as secondary ones.
SECONDARY = {
    "asuminen": ["toimeentulo", "paihteet"], "mielenterveys": ["paihteet", "palvelujarjestelma"],
    "paihteet": ["mielenterveys", "asuminen"], "toimeentulo": ["asuminen", "digitalisaatio"],
    "palvelujarjestelma": ["mielenterveys"], "osallisuus": ["mielenterveys"],
    "yhdenvertaisuus": ["palvelujarjestelma"], "tyo_koulutus": ["toimeentulo", "osallisuus"],
    "vakivalta": ["paihteet"], "digitalisaatio": ["palvelujarjestelma", "yhdenvertaisuus"],
}  # fmt: skip
# A few busy professionals write client details anyway: the redaction removes them.
CARELESS_ADDITIONS = [
    " Esimerkiksi asiakas Mikko Virtanen odotti kolme kuukautta.",
    " Asiakkaan puhelinnumero on 040 123 4567, jos tarvitaan lisätietoa.",
    " Yhteyshenkilö Leena K. tietää tilanteesta lisää.",
    " Tilanne koskee myös perhettä osoitteessa Kauppakatu 12 B 7.",
]


@dataclass
class DemoSummary:
    users: list[tuple[str, str, str]] = field(default_factory=list)
    reports_created: int = 0
    reports_existing: int = 0

    def format(self) -> str:
        lines = ["", "Ilmiö demo is ready.", "", "Demo users (username / password / role):"]
        lines += [f"  {u:<20} {p:<32} {r}" for u, p, r in self.users]
        lines += ["", f"Reports: {self.reports_created} created, {self.reports_existing} already there.",
                  f"Emerging signal planted: {EMERGING_PHENOMENON} in Äänekoski over the last three complete months.", ""]  # fmt: skip
        return "\n".join(lines)


def month_starts(now: datetime, months: int) -> list[datetime]:
    starts = []
    year, month = now.year, now.month
    for _ in range(months):
        starts.append(datetime(year, month, 1, tzinfo=UTC))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(starts))


def seasonal_factor(month: int) -> float:
    # Winter peak (rent, heating, darkness), summer holiday dip.
    return {1: 1.25, 2: 1.2, 3: 1.1, 4: 1.0, 5: 0.95, 6: 0.8, 7: 0.55, 8: 0.85, 9: 1.05, 10: 1.1, 11: 1.15, 12: 1.0}[month]


def ensure_users(summary: DemoSummary) -> dict[str, User]:
    users = {}
    for username, role, county_code, organisation_name in DEMO_USERS:
        county = County.objects.get(code=county_code) if county_code else None
        kind = Organisation.Kind.NATIONAL if county is None else (
            Organisation.Kind.NGO if role is Role.PARTNER else Organisation.Kind.COUNTY)
        organisation, _ = Organisation.objects.get_or_create(name=organisation_name, county=county, defaults={"kind": kind})
        user, _ = User.objects.get_or_create(username=username)
        user.role, user.county, user.organisation = role, county, organisation
        user.email = f"{username}{DEMO_EMAIL_DOMAIN}"
        user.set_password(demo_password(username))
        user.save()
        users[username] = user
        summary.users.append((username, demo_password(username), str(role.label)))
    return users


def build_demo(*, reports: int = 2400, seed: int = 2025, reset: bool = False, now: datetime | None = None,
               with_loop: bool = True, with_statistics: bool = True) -> DemoSummary:  # fmt: skip
    summary = DemoSummary()
    if not Municipality.objects.exists():
        load_municipalities()
        load_population()
    load_taxonomy()
    users = ensure_users(summary)
    county = County.objects.get(code=DEMO_COUNTY)
    if reset:
        Report.objects.filter(channel=Report.Channel.DEMO).delete()
    existing = Report.objects.filter(channel=Report.Channel.DEMO, county=county).count()
    if existing:
        summary.reports_existing = existing
        return summary
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    municipalities = list(Municipality.objects.filter(county=county, active=True))
    population = latest_population([m.code for m in municipalities])
    weights = [population.get(m.code, 500) for m in municipalities]
    phenomena = {p.code: p for p in Phenomenon.objects.all()}
    target_groups = {t.code: t for t in TargetGroup.objects.all()}
    service_areas = {s.code: s for s in ServiceArea.objects.all()}
    starts = month_starts(now, MONTHS)
    factors = [seasonal_factor(s.month) * (1 + 0.01 * i) for i, s in enumerate(starts)]
    per_month = [reports * f / sum(factors) for f in factors]
    emerging = next(m for m in municipalities if m.code == EMERGING_MUNICIPALITY)

    plan: list[tuple[datetime, str, Municipality]] = []
    for index, start in enumerate(starts):
        month_end = starts[index + 1] if index + 1 < len(starts) else now
        span = max((month_end - start).total_seconds(), 3600)
        count = round(per_month[index])
        for _ in range(count):
            code = rng.choices(list(PHENOMENON_WEIGHTS), weights=list(PHENOMENON_WEIGHTS.values()))[0]
            municipality = rng.choices(municipalities, weights=weights)[0]
            plan.append((start + timedelta(seconds=rng.uniform(0, span)), code, municipality))
        complete_months_from_end = len(starts) - index - 1  # the running month is 0
        if 1 <= complete_months_from_end <= 3:
            extra = EMERGING_EXTRA_PER_MONTH[3 - complete_months_from_end]
            for _ in range(extra):
                plan.append((start + timedelta(seconds=rng.uniform(0, span)), EMERGING_PHENOMENON, emerging))

    # One log line per demo report would drown the demo's own output; restored afterwards.
    report_logger = logging.getLogger("ilmio.reports")
    previous_level = report_logger.level
    report_logger.setLevel(logging.WARNING)
    try:
        create_reports(plan, rng, county, users, phenomena, target_groups, service_areas)
        if with_loop:
            build_shortcomings(users, now)  # before the summaries, which count them
            build_sources(users)
            build_loop(users, county, now)
            build_ideas(users)
            build_listening_round(users)
            build_workshops(users)
            build_forum(users)
            build_plan(users, county)
    finally:
        report_logger.setLevel(previous_level)
    summary.reports_created = len(plan)
    if with_statistics:
        load_statistics()
    from ilmio.indicators.aggregates import warm_aggregates

    warm_aggregates()
    return summary


def create_reports(plan: list[tuple[datetime, str, Municipality]], rng: random.Random, county: County,
                   users: dict[str, User], phenomena: dict[str, Phenomenon], target_groups: dict[str, TargetGroup],
                   service_areas: dict[str, ServiceArea]) -> None:  # fmt: skip
    reporters = [users["sosiaalityontekija"], users["koordinaattori"], users["kumppani"], None]
    with transaction.atomic():
        for created_at, code, municipality in sorted(plan, key=lambda p: p[0]):
            swedish = code in SV_TEXTS and rng.random() < 0.08
            title, description = rng.choice(SV_TEXTS[code] if swedish else FI_TEXTS[code])
            place = f"{municipality.name_fi}ssa" if not municipality.name_fi.endswith(("ä", "y")) else f"{municipality.name_fi}ssä"
            description = description.format(place=f"{place.capitalize()}", place_sv=f"I {municipality.name_sv}")
            if not swedish and rng.random() < 0.06:
                description += rng.choice(CARELESS_ADDITIONS)
            chosen = [phenomena[code]]
            if rng.random() < 0.45:
                chosen.append(phenomena[rng.choice(SECONDARY[code])])
            groups = [target_groups[g] for g in TARGET_GROUPS_BY_PHENOMENON[code][: rng.randint(1, 2)]]
            reporter = rng.choices(reporters, weights=[6, 1, 2, 1])[0]
            data = {
                "title": title, "description": description,
                "kind": Report.Kind.GOOD_PRACTICE if rng.random() < 0.07 else Report.Kind.CONCERN,
                "phenomena": chosen, "target_groups": groups, "municipalities": [municipality],
                "whole_county": rng.random() < 0.05, "service_area": service_areas[SERVICE_AREA_BY_PHENOMENON[code]],
                "prevalence": rng.choice(list(Report.Prevalence)), "observed_since": rng.choice(list(Report.ObservedSince)),
                "trend": rng.choices(list(Report.Trend), weights=[4, 3, 1, 2])[0],
                "language": "sv" if swedish else "fi",
                "reporter_type": (Report.ReporterType.PARTNER if reporter is users["kumppani"] else
                                  Report.ReporterType.PROFESSIONAL if reporter else
                                  rng.choice([Report.ReporterType.RESIDENT, Report.ReporterType.CLIENT])),
                "partner_organisation_type": Organisation.Kind.NGO if reporter is users["kumppani"] else "",
                "wants_feedback": reporter is users["sosiaalityontekija"] and rng.random() < 0.3,
            }  # fmt: skip
            submit_report(data, county=county, channel=Report.Channel.DEMO, submitted_by=reporter, created_at=created_at)


def load_statistics(rows: int = 60_000) -> None:
    """The shipped Sotkanet sample and a synthetic register extract, both marked as samples."""
    import tempfile
    from pathlib import Path

    from django.conf import settings

    from ilmio.indicators.statistics import (
        SAMPLE_DIR,
        area_rows,
        import_register_values,
        import_sotkanet_dir,
    )
    from ilmio.stats.register import aggregate_extract
    from ilmio_demo.register_extract import generate_extract

    import_sotkanet_dir(SAMPLE_DIR, sample=True)
    population = latest_population()
    municipalities = [(code, county_code, population.get(code, 1000)) for code, county_code in
                      Municipality.objects.filter(active=True).values_list("code", "county__code")]  # fmt: skip
    with tempfile.TemporaryDirectory() as directory:
        path = generate_extract(Path(directory) / "extract.parquet", rows, municipalities=municipalities, seed=7)
        values = aggregate_extract(path, area_rows(), threshold=settings.SUPPRESSION_THRESHOLD)
    import_register_values(values, sample=True)


def build_loop(users: dict[str, User], county: County, now: datetime) -> None:
    """Cases, coding, summaries, proposals, decisions and actions in every state."""
    from ilmio.analysis import services as analysis
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import Action, Decision, FollowUp, Summary

    coordinator, manager = users["koordinaattori"], users["johtaja"]
    reports = list(Report.objects.filter(county=county).select_related("primary_phenomenon").order_by("created_at"))
    recent = [r for r in reports if r.created_at >= now - timedelta(days=92)]
    # Triage: the older half is confirmed; some are duplicates, not actionable or closed.
    for index, report in enumerate(reports[: len(reports) // 2]):
        if report.primary_phenomenon is None:
            continue
        analysis.classify_report(report, primary=report.primary_phenomenon, by=coordinator)
        if index % 41 == 0:
            analysis.change_status(report, Report.WORKFLOW.named("on_dismiss"), by=coordinator, reason="Yksittäistapaus, ohjattu palveluun")
        elif index % 37 == 0 and index > 0:
            analysis.mark_duplicate(report, reports[index - 1], by=coordinator, reason="Sama havainto")
        elif index % 29 == 0:
            analysis.change_status(report, Report.WORKFLOW.named("on_close"), by=coordinator, reason="Käsitelty")
    for report in recent[:40]:
        analysis.change_status(report, Report.WORKFLOW.named("on_review"), by=coordinator, reason="Luettavana")
    # Cases and coding.
    substance = [r for r in recent if r.primary_phenomenon and r.primary_phenomenon.code == EMERGING_PHENOMENON]
    housing = [r for r in reports if r.primary_phenomenon and r.primary_phenomenon.code == "asuminen"][-30:]
    analysis.create_case(county=county, title="Päihteiden käyttö lisääntyy Äänekoskella", by=coordinator,
                         phenomenon=Phenomenon.objects.get(code=EMERGING_PHENOMENON),
                         description="Kolmen kuukauden aikana selvästi aiempaa enemmän raportteja.", reports=substance)
    eviction_case = analysis.create_case(county=county, title="Häätöuhka asumistuen muutosten jälkeen", by=coordinator,
                                         phenomenon=Phenomenon.objects.get(code="asuminen"), reports=housing)  # fmt: skip
    root = analysis.create_code(county=county, name="Syyt", description="Mistä ilmiö johtuu")
    causes = [analysis.create_code(county=county, name=name, parent=root) for name in ("Etuusmuutokset", "Jonot", "Asuntopula")]
    effects = analysis.create_code(county=county, name="Vaikutukset asiakkaisiin")
    for index, report in enumerate(housing[:12]):
        text = report.description
        cut = text.find(".") if "." in text else len(text)
        if cut > 5:
            analysis.code_passage(report, causes[index % 3], 0, cut, by=coordinator)
            if cut + 2 < len(text):
                analysis.code_passage(report, effects, cut + 1, len(text), by=coordinator)
    # Summaries in every state.
    today = now.date()
    # The last three complete months: published counts cover whole, ended months only.
    period_end = today.replace(day=1) - timedelta(days=1)
    first = period_end.replace(day=1)
    quarter_start = (first.replace(month=first.month - 2) if first.month > 2
                     else first.replace(year=first.year - 1, month=first.month + 10))  # fmt: skip

    def summary_of(title: str, codes: list[str], language: str = "fi") -> Summary:
        return loop.draft_summary(county=county, title=title, period_start=quarter_start, period_end=period_end,
                                  by=coordinator, phenomena=list(Phenomenon.objects.filter(code__in=codes)),
                                  language=language)  # fmt: skip

    # Swedish summaries in every state too (Finland's bilingual counties write both).
    summary_of("Digitala tjänster – utkast", ["digitalisaatio"], "sv")
    loop.submit_summary(summary_of("Ensamhet och delaktighet", ["osallisuus"], "sv"), by=coordinator)
    returned = loop.submit_summary(summary_of("Barnfamiljernas ekonomi", ["toimeentulo"], "sv"), by=coordinator)
    loop.return_summary(returned, by=manager, comment="Lägg till vad rapportörerna föreslår och kontrollera citaten.")
    loop.approve_summary(summary_of("Arbete och utbildning", ["tyo_koulutus"], "sv"), by=manager)
    for_board = summary_of("Psykisk hälsa: köerna", ["mielenterveys"], "sv")
    loop.approve_summary(for_board, by=manager)
    loop.publish_summary(for_board, "decision_makers", by=manager)
    swedish_public = summary_of("Bostadslöshet och boendeproblem i Mellersta Finland", ["asuminen"], "sv")
    loop.approve_summary(swedish_public, by=manager)
    loop.publish_summary(swedish_public, "public", by=manager)
    # A draft started from a case (ilmiökortti), as a coordinator does from the case page.
    loop.draft_summary_from_case(eviction_case, by=coordinator, language="fi")
    returned_fi = loop.submit_summary(summary_of("Lapsiperheiden toimeentulo", ["toimeentulo"]), by=coordinator)
    loop.return_summary(returned_fi, by=manager, comment="Lisää ilmoittajien ehdotukset ja tarkista lainaukset.")

    summary_of("Digitaaliset palvelut – luonnos", ["digitalisaatio"])
    loop.submit_summary(summary_of("Yksinäisyys ja osallisuus", ["osallisuus"]), by=coordinator)
    loop.approve_summary(summary_of("Työ ja koulutus", ["tyo_koulutus"]), by=manager)
    internal = summary_of("Mielenterveyspalvelujen jonot", ["mielenterveys"])
    loop.approve_summary(internal, by=manager)
    loop.publish_summary(internal, "internal", by=manager)
    for_decision = summary_of("Toimeentulo ja velat", ["toimeentulo"])
    loop.approve_summary(for_decision, by=manager)
    loop.publish_summary(for_decision, "decision_makers", by=manager)
    public = summary_of("Asunnottomuus ja asumisen ongelmat Keski-Suomessa", ["asuminen"])
    loop.approve_summary(public, by=manager)
    first_quote = public.quotes.first()
    if first_quote is not None:
        loop.approve_quote(first_quote, True, by=manager)
    loop.publish_summary(public, "public", by=manager)
    # Proposals → decisions → actions, in every state.
    Outcome = Decision.Outcome
    plans = [
        (public, "Lisää asumisneuvontaa kaikkiin kuntiin", "steering_group", Outcome.ACCEPTED, Action.Status.DONE),
        (public, "Takuuvuokrajärjestelmä nuorille", "regional_board", Outcome.PARTLY, Action.Status.IN_PROGRESS),
        (for_decision, "Velkaneuvonnan jonot puretaan", "service_area_management", Outcome.ACCEPTED, Action.Status.PLANNED),
        (for_decision, "Ruoka-apu kunnan tehtäväksi", "municipality", Outcome.REJECTED, None),
        (internal, "Matalan kynnyksen mielenterveyspiste", "steering_group", Outcome.NO_DECISION, None),
        (internal, "Yhteistyö järjestöjen kanssa", "ngo", None, None),
    ]
    for source, title, body, outcome, action_status in plans:
        area_code = {public: "aikuissosiaalityo", for_decision: "aikuissosiaalityo"}.get(source, "mielenterveys_paihde")
        proposal = loop.create_proposal(county=county, title=title, text=f"{title}. Perustelut yhteenvedosta.",
                                        addressed_to=body, summary=source, by=coordinator,
                                        service_area=ServiceArea.objects.get(code=area_code))  # fmt: skip
        if outcome is None:
            continue
        loop.record_decision(proposal, outcome=outcome, decided_on=today - timedelta(days=20), body="Ohjausryhmä",
                             rationale="Käsitelty kokouksessa.", by=manager, due_date=today + timedelta(days=120))  # fmt: skip
        if action_status is None:
            continue  # a decision not to act: it created no actions
        for action in proposal.actions.all():
            child_a = loop.create_action(county=county, title=f"{title}: suunnitelma", owner="Koordinaatiotiimi", parent=action)
            child_b = loop.create_action(county=county, title=f"{title}: toteutus", owner="Palvelualue", parent=action)
            loop.add_milestone(action, "Suunnitelma valmis", today + timedelta(days=30))
            loop.update_action(child_a, status=Action.Status.DONE, by=manager)
            if action_status == Action.Status.DONE:
                loop.update_action(child_b, status=Action.Status.DONE, by=manager)
                loop.update_action(action, status=Action.Status.DONE, by=manager)
            else:
                loop.update_action(child_b, status=Action.Status.NOT_STARTED, by=manager)
                loop.update_action(action, status=action_status, by=manager, progress=None)
    loop.create_action(county=county, title="Raportoinnin koulutus kaikille tiimeille", owner="Koordinaatiotiimi",
                       due_date=today - timedelta(days=10))
    cancelled = loop.create_action(county=county, title="Erillinen kysely (korvattu)", owner="Koordinaatiotiimi")
    loop.update_action(cancelled, status=Action.Status.CANCELLED, by=manager)
    for follow_up in FollowUp.objects.all()[:6]:
        loop.answer_follow_up(follow_up.token, ["yes", "partly", "yes", "no", "dont_know", "yes"][follow_up.pk % 6])


# --- the implementation plan 2025–2029 (seed 001: Keski-Suomi's plan) ----------------------

PLAN_AREAS: list[tuple[str, list[str]]] = [
    ("Tietotyö", [
        "Luodaan hyvinvointialueelle toimivia rakenteellisen sosiaalityön tiedon kulun prosesseja ja "
        "hyödyntämisen tapoja kehittämällä sosiaalista raportointia.",
        "Edistetään kehittämis- ja tutkimustoimintaa sosiaalipalveluissa.",
    ]),
    ("Osallisuustyö", [
        "Asiakasosallisuus-, kokemusasiantuntija- ja vertaistukitoiminnan vahvistaminen palveluissa ja niiden "
        "kehittämisessä.",
        "Palvelujen kehittäminen alueellisten tarpeiden ja ilmiöiden pohjalta, asiakkaat ja asukkaat mukana.",
        "Osallisuuden ja vaikuttamisen rakenteiden selkeyttäminen hyvinvointialueen sisällä ja sidosryhmien kesken.",
        "Hyvinvointialueen osallisuustyön ja rakenteellisen sosiaalityön yhteistyön vahvistaminen.",
        "Yhteisösosiaalityön vakiinnuttaminen sosiaalipalveluissa.",
    ]),
    ("Oikeudenmukaisuustyö", [
        "Lisätään mahdollisuuksia ja osaamista omaehtoiseen julkisuustyöhön.",
        "Edistetään oikeudenmukaisuustyötä tukevaa toimintakulttuuria, kuten rasismin vastaista työtä.",
        "Tuodaan esiin poliittisten päätösten ja yhteiskunnallisen tilanteen vaikutuksia asiakastyön näkökulmasta.",
        "Vahvistetaan omavalvontaohjelmaan määritettyjen palvelujen laatua ja asiakasturvallisuutta.",
    ]),
    ("HYTE-yhteistyö", [
        "Konkreettinen yhteistyöstä sopiminen hyte- ja rake-työn kesken.",
        "Sosiaalialan asiantuntemuksen hyödyntäminen hyvinvoinnin ja terveyden edistämistyössä.",
        "Yhteistyön vahvistaminen yhteisissä kehittämisteemoissa, kuten pitkäaikaisasunnottomuuden poistaminen.",
    ]),
    ("Osaaminen", ["Rakenteellisen sosiaalityön osaaminen osaksi perehdytystä ja täydennyskoulutusta."]),
    ("Viestintä", ["Rakenteellisen sosiaalityön ja sosiaalisen raportoinnin viestintä viestintäsuunnitelman mukaan."]),
]
PLAN_ACTORS = [
    ("Sosiaalihuollon johtaja", "Johtava viranhaltija; vastaa rakenteellisen sosiaalityön toteutumisesta."),
    ("Rakenteellisen sosiaalityön ohjausryhmä", "Ohjaa toteutusta, hyväksyy vuosiseurannan."),
    ("Rakenteellisen sosiaalityön verkosto", "Sosiaalialan ammattilaiset; tuottavat ilmiötietoa asiakastyöstä."),
    ("Rakenteellisen sosiaalityön koordinaatiotiimi", "Koordinoi, kokoaa yhteenvedot ja laatii vuosiseurannan."),
]
PLAN_COMMUNICATION = [
    ("Hyvinvointialueen sosiaalihuollon ammattilaiset", "Tietoisuuden lisääminen rakenteellisesta sosiaalityöstä",
     "Intra, Teams-työtila, henkilöstön uutiskirje"),
    ("Johto ja päätöksenteko", "Rakenteellisen sosiaalityön roolin kirkastaminen", "Sosiaalisen raportoinnin yhteenvedot"),
    ("Asukkaat ja media", "Tietoisuuden lisääminen ja sen mahdollisuuksista", "Mediatiedotteet, uutiset, verkkosivu"),
]
YEAR_MEASURES = {
    2025: [("Sosiaalisen raportoinnin toimintamalli käyttöön", "Koordinaatiotiimi", date(2025, 3, 31), True),
           ("Rake-verkoston työpaja sosiaalisesta raportoinnista", "Rake-verkosto", date(2025, 5, 15), True),
           ("Kokemusasiantuntijoiden kuulemiskierros", "Osallisuuspalvelut", date(2025, 10, 31), False)],
    2026: [("Yhteenvedot johtoryhmälle kahdesti vuodessa", "Koordinaatiotiimi", date(2026, 6, 30), False),
           ("Hyte-rake-yhteistyösopimus kirjataan hyte-suunnitelmaan", "Hyvinvointi ja kumppanuudet", date(2026, 9, 30),
            False)],
}


# Notifications of shortcomings (epäkohtailmoitus) in every state: (days ago, service area,
# what, phenomena, the receiver's steps). One names a client: it is redacted on the way in.
SHORTCOMINGS = [
    (3, "older_people", "Kotihoidon käyntejä on peruttu toistuvasti henkilöstöpulan vuoksi, eikä asiakkaille ole "
        "ilmoitettu. Esimerkiksi Aino Mäkinen jäi ilman iltakäyntiä kahtena päivänä.", ["palvelujarjestelma"], []),
    (9, "adult_social_work", "Kiireellisen toimeentulotuen päätökset viivästyvät yli lain määräajan; asiakkaat "
        "joutuvat hakemaan ruoka-apua odottaessaan.", ["toimeentulo"], ["acknowledge"]),
    (20, "child_family", "Perhetyön jonot ovat kasvaneet niin, että lastensuojelun asiakkaat odottavat "
        "aloitusta kuukausia.", ["palvelujarjestelma"], ["acknowledge", "start", "action"]),
    (45, "mental_health_substance", "Päihdekuntoutukseen pääsy on estynyt maksusitoumusten jäädytyksen vuoksi, "
        "eikä korvaavaa palvelua ole tarjottu.", ["paihteet"], ["acknowledge", "start"]),
    (60, "disability", "Vammaispalvelun kuljetuspalvelun laskutusvirhe on jättänyt asiakkaita ilman kyytejä; "
        "virhe on nyt korjattu ja asiakkaille hyvitetty.", [], ["acknowledge", "start", "action", "finish_action", "mark_fixed"]),
]


def build_shortcomings(users: dict[str, User], now: datetime) -> None:
    from ilmio.shortcomings import services as shortcomings
    notifier, receiver = users["sosiaalityontekija"], users["johtaja"]
    unit = receiver.organisation
    assert unit is not None  # ensure_users gives every demo user an organisation
    for days_ago, area, what, codes, steps in SHORTCOMINGS:
        at = now - timedelta(days=days_ago)
        item = shortcomings.file_shortcoming(unit=unit, service_area=area, what=what, by=notifier,
                                             phenomena=list(Phenomenon.objects.filter(code__in=codes)), now=at)  # fmt: skip
        later = at + timedelta(days=1)
        for step in steps:
            if step == "acknowledge":
                shortcomings.acknowledge(item, by=receiver, now=later)
            elif step == "start":
                shortcomings.start_correcting(item, by=receiver, now=later)
            elif step == "action":
                action = shortcomings.add_corrective_action(item, "Lisäresurssit ja seuranta viikoittain", by=receiver,
                                                            owner=receiver, due=(later + timedelta(days=14)).date())  # fmt: skip
            elif step == "finish_action":
                shortcomings.complete_action(action, by=receiver, now=later + timedelta(days=5))
            elif step == "mark_fixed":
                shortcomings.mark_corrected(item, by=receiver, now=later + timedelta(days=6))
    # The one past its correction deadline is escalated to the supervisory authority.
    shortcomings.escalate_overdue(now)


# A social ombudsman's yearly report (fictional), uploaded as a Word document and published
# with two findings: the phenomenon brief of asuminen shows them beside the reports.
OMBUDSMAN_REPORT = ("Sosiaaliasiamiehen selvitys 2025",
                    "Sosiaaliasiamies sai vuonna 2025 aiempaa enemmän yhteydenottoja asumisesta ja "
                    "toimeentulosta. Selvitys kokoaa yhteydenottojen teemat hyvinvointialueen päättäjille.")  # fmt: skip
OMBUDSMAN_FINDINGS = [
    ("Vuokrarästien vuoksi häätöuhan alla olevien asiakkaiden yhteydenotot lisääntyivät selvästi edellisestä "
     "vuodesta, erityisesti Jyväskylässä.", ["asuminen"], ["tyoikaiset"]),
    ("Asiakkaat kertoivat, etteivät saaneet tietoa asumisneuvonnasta ennen kuin vuokranantaja oli jo "
     "irtisanonut sopimuksen.", ["asuminen", "palvelujarjestelma"], []),
]


def ombudsman_docx(title: str, body: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in body:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_sources(users: dict[str, User]) -> None:
    from django.core.files.base import ContentFile

    from ilmio.sources import services as sources
    from ilmio.sources.models import SourceDocument

    by = users["koordinaattori"]
    if SourceDocument.objects.filter(county=by.county).exists():
        return
    title, summary = OMBUDSMAN_REPORT
    upload = ContentFile(ombudsman_docx(title, [summary] + [text for text, _, _ in OMBUDSMAN_FINDINGS]),
                         name="selvitys.docx")  # fmt: skip
    document = sources.save_document(by=by, kind=SourceDocument.Kind.SOCIAL_OMBUDSMAN, title=title, year=2025,
                                     author_organisation="Sosiaaliasiamies", summary=summary, upload=upload)  # fmt: skip
    for text, codes, groups in OMBUDSMAN_FINDINGS:
        sources.add_finding(document, text, by=by, phenomena=Phenomenon.objects.filter(code__in=codes),
                            target_groups=TargetGroup.objects.filter(code__in=groups))  # fmt: skip
    sources.publish_document(document, by=by)
    build_feedback(by)


# Client feedback, reminders and complaints of the last eighteen months, imported from a
# register's sheet through the same import as a coordinator's (counted on the feedback page).
# Each unit with its service area (the taxonomy's code), as a register's sheet would give it.
FEEDBACK_UNITS = {"Kotihoito Jyväskylä": "ikaantyneet_palvelut", "Aikuissosiaalityö Jyväskylä": "aikuissosiaalityo",
                  "Perhepalvelut Äänekoski": "lapsiperheet_palvelut", "Vammaispalvelut Keuruu": "vammaispalvelut",
                  "Sosiaalipäivystys": "sosiaalipaivystys"}  # fmt: skip
FEEDBACK_TEXTS = {
    "asuminen": ["Asumisneuvontaan ei saanut aikaa ennen häätöä.",
                 "Tuettua asuntoa odotettiin puoli vuotta, ja sillä välin asuttiin tuttavien luona.",
                 "Vuokravelasta ei kerrottu ajoissa, vaikka asunnon menetys uhkasi."],
    "toimeentulo": ["Toimeentulotuen päätös viipyi yli määräajan.",
                    "Hakemuksen liitteitä pyydettiin kolmeen kertaan, eikä kukaan kertonut miksi."],
    "palvelujarjestelma": ["Asiakasta ohjattiin luukulta toiselle.",
                           "Omatyöntekijä vaihtui kolme kertaa vuoden aikana, ja asiat piti kertoa aina alusta."],
    "mielenterveys": ["Mielenterveyspalveluun jonotettiin kuukausia.",
                      "Kriisiaikaa ei saanut samalle viikolle, vaikka tilanne oli vaikea."],
}  # fmt: skip


def build_feedback(by: User, rows: int = 600, seed: int = 2025) -> None:
    from ilmio.reports.importing import ColumnMapping
    from ilmio.sources.feedback import import_feedback

    assert by.county is not None
    rng = random.Random(seed)
    today = date.today()
    table = []
    for number in range(1, rows + 1):
        day = today - timedelta(days=rng.randrange(1, 540))
        code = rng.choice(list(FEEDBACK_TEXTS))
        unit = rng.choice(list(FEEDBACK_UNITS))
        table.append({"id": f"demo-{number}", "date": day.isoformat(),
                      "kind": rng.choices(["palaute", "muistutus", "kantelu"], weights=[8, 3, 1])[0],
                      "unit": unit, "service_area": FEEDBACK_UNITS[unit], "phenomenon": code,
                      "text": rng.choice(FEEDBACK_TEXTS[code])})  # fmt: skip
    mapping = ColumnMapping({"source_id": "id", "received_on": "date", "kind": "kind", "unit": "unit",
                             "service_area": "service_area", "phenomenon": "phenomenon", "text": "text"})  # fmt: skip
    import_feedback(by.county, table, mapping, by=by)


# The idea box (fictional): a resident's idea taken forward as an action proposal, a member of
# staff's idea answered, and two waiting for the coordinator.
DEMO_IDEAS = [
    ("public", "182", "Iltaisin avoin nuorten tila Jämsään",
     "Nuorilla ei ole iltaisin paikkaa, jossa olla. Nuorisotila voisi olla auki myös perjantai-iltaisin.", "proposal"),
    ("staff", "179", "Yhteinen asiakasohjaus sosiaalipäivystyksen kanssa",
     "Sosiaalipäivystyksen ja aikuissosiaalityön asiakkaat ohjattaisiin yhteisellä lomakkeella.", "declined"),
    ("public", "179", "Asumisneuvonta kirjastoon kerran viikossa",
     "Asumisneuvoja voisi päivystää kirjastossa, niin sinne olisi helppo mennä ilman ajanvarausta.", "open"),
    ("staff", "992", "Kotihoidon iltavuoron perehdytys",
     "Uudet iltavuoron työntekijät tarvitsevat perehdytyksen lääkelistoihin ennen ensimmäistä vuoroa.", "open"),
]  # fmt: skip


def build_ideas(users: dict[str, User]) -> None:
    from ilmio.areas.models import Municipality
    from ilmio.participation import services as participation
    from ilmio.participation.models import Idea

    coordinator = users["koordinaattori"]
    if Idea.objects.filter(county=coordinator.county).exists():
        return
    for channel, code, title, text, outcome in DEMO_IDEAS:
        place = Municipality.objects.filter(code=code, county=coordinator.county).first()
        idea = participation.submit_idea(
            county=coordinator.county, municipality=place, title=title, text=text, channel=channel,
            by=users["sosiaalityontekija"] if channel == Idea.Channel.STAFF else None)  # fmt: skip
        if outcome == "proposal":
            participation.idea_to_proposal(idea, by=coordinator, title=title, text=text, addressed_to="municipality",
                                           addressed_to_name="Jämsän kaupunki")  # fmt: skip
        elif outcome == "declined":
            participation.decline_idea(idea, by=coordinator, response=(
                "Hyvä ajatus: yhteinen ohjaus on jo mukana sosiaalipäivystyksen kehittämishankkeessa, joten sitä ei "
                "tehdä erikseen."))  # fmt: skip


# A closed "Mikä pännii Saarijärvellä?" round of last April (fictional answers), classified.
ROUND_ANSWERS = [
    ("Bussi kulkee kirkonkylälle vain kahdesti päivässä, eikä lääkäriin pääse ilman kyytiä.", "palvelujarjestelma"),
    ("Vuokrat ovat nousseet, ja pienistä asunnoista on pulaa.", "asuminen"),
    ("Nuorilla ei ole iltaisin paikkaa, jossa olla.", "osallisuus"),
    ("Toimeentulotuen hakeminen verkossa on vaikeaa ikääntyneelle.", "toimeentulo"),
    ("Det är svårt att få tid till socialarbetaren på svenska.", "palvelujarjestelma"),
    ("Yksinäisyys on lisääntynyt, kun kylätalo suljettiin.", "osallisuus"),
    ("Toimeentulotuen hakeminen verkossa ilman apua on liian vaikeaa.", "digitalisaatio"),
]  # fmt: skip


def build_listening_round(users: dict[str, User], answers: int = 48) -> None:
    from ilmio.participation import services as participation
    from ilmio.participation.models import ListeningRound
    from ilmio.taxonomy.models import Phenomenon

    coordinator = users["koordinaattori"]
    if ListeningRound.objects.filter(county=coordinator.county).exists():
        return
    today = date.today()
    year = today.year if today > date(today.year, 4, 30) else today.year - 1
    assert coordinator.county is not None
    saarijarvi = coordinator.county.municipalities.get(code="729")
    made = participation.create_round(county=coordinator.county, municipality=saarijarvi, by=coordinator,
                                      question="Mikä pännii Saarijärvellä?", opens_on=date(year, 4, 1),
                                      closes_on=date(year, 4, 30))  # fmt: skip
    phenomena = {p.code: p for p in Phenomenon.objects.filter(code__in=[code for _, code in ROUND_ANSWERS])}
    rng = random.Random(729)
    for number in range(answers):
        text, code = rng.choice(ROUND_ANSWERS)
        answer = participation.answer_round(made, text=text, language="sv" if text.startswith("Det") else "fi",
                                            today=date(year, 4, 1 + number % 30))  # fmt: skip
        participation.classify_answer(answer, phenomenon=phenomena.get(code), by=coordinator)


# The 2024 phenomenon workshops on mental health and substance use (fictional worksheets):
# the same session held three and two times on Teams, then compiled and published.
DEMO_WORKSHOPS = [
    ("mielenterveys", "Mielenterveyden ilmiötyöpaja 2024", [(2024, 3, 12), (2024, 3, 19), (2024, 4, 9)], [
        {"need": ["Hoitoon pääsyn odotusajat", "Nuorten mielenterveyden tuen tarve kunnittain"],
         "source": ["Asiakastietojärjestelmän kirjaukset", "Kouluterveyskysely"],
         "missing": ["Tieto hoitoon hakeutumattomista"], "observation": ["Nuoret jäävät jonoon ilman tukea."]},
        {"need": ["Hoitoon pääsyn odotusajat.", "Omaisten jaksaminen"], "indicator": ["Sotkanet: psykiatrian avohoitokäynnit"],
         "missing": ["Tieto hoitoon hakeutumattomista", "Matalan kynnyksen palvelujen käyttö"],
         "proposal": ["Matalan kynnyksen mielenterveyspiste jokaiseen kuntaan"]},
        {"need": ["Nuorten mielenterveyden tuen tarve kunnittain"], "source": ["Kouluterveyskysely"],
         "missing": ["Matalan kynnyksen palvelujen käyttö"], "observation": ["Ikääntyneiden yksinäisyys näkyy masennuksena."]},
        {"need": ["Omaisten jaksaminen"], "indicator": ["Sotkanet: masennuslääkkeiden käyttö"],
         "proposal": ["Omaisille vertaisryhmä verkossa"]},
    ]),
    ("paihteet", "Päihdeilmiön työpaja 2024", [(2024, 5, 14), (2024, 5, 21)], [
        {"need": ["Päihdepalvelujen jonotilanne", "Rahapelihaittojen yleisyys"], "source": ["Päihdepalvelujen asiakasrekisteri"],
         "missing": ["Tieto kotona asuvien ikääntyneiden alkoholinkäytöstä"]},
        {"need": ["Päihdepalvelujen jonotilanne"], "indicator": ["Sotkanet: päihdehuollon avopalvelujen asiakkaat"],
         "missing": ["Tieto kotona asuvien ikääntyneiden alkoholinkäytöstä", "Nuorten huumekokeilut kunnittain"],
         "proposal": ["Päihdetyön jalkautuva työ kylille"]},
        {"need": ["Rahapelihaittojen yleisyys"], "observation": ["Rahapelivelat näkyvät toimeentulotuessa."]},
    ]),
]  # fmt: skip


def build_workshops(users: dict[str, User]) -> None:
    from zoneinfo import ZoneInfo

    from ilmio.participation import services as participation
    from ilmio.participation.models import Worksheet, WorkshopSeries
    from ilmio.taxonomy.models import Phenomenon

    coordinator = users["koordinaattori"]
    if WorkshopSeries.objects.filter(county=coordinator.county).exists():
        return
    helsinki = ZoneInfo("Europe/Helsinki")
    for code, title, days, sheets in DEMO_WORKSHOPS:
        series = participation.create_series(
            county=coordinator.county, phenomenon=Phenomenon.objects.get(code=code), title=title, by=coordinator,
            description="Mitä sosiaalihuollon pitäisi tietää ilmiöstä, mitä tietoa on jo ja mitä puuttuu?")  # fmt: skip
        sessions = [participation.add_session(series, starts_at=datetime(*day, 13, 0, tzinfo=helsinki), by=coordinator,
                                              online_link="https://teams.example.org/meet/ilmiotyopaja")
                    for day in days]  # fmt: skip
        for session in sessions:
            participation.move_session(session, "open", by=coordinator)
        for number, lines in enumerate(sheets):
            participation.fill_worksheet(sessions[number % len(sessions)], lines, filled_by=Worksheet.FilledBy.PARTICIPANT)
        for session in sessions:
            participation.move_session(session, "held", by=coordinator)
        participation.compile_series(series, by=coordinator)
        participation.publish_compilation(series, by=coordinator)


def build_forum(users: dict[str, User]) -> None:
    """A coming open forum with topics from residents: two listed (with votes), one waiting."""
    from ilmio.participation import services as participation
    from ilmio.participation.models import Forum

    coordinator = users["koordinaattori"]
    if Forum.objects.filter(county=coordinator.county).exists():
        return
    forum = participation.create_forum(
        county=coordinator.county, title="Avoin foorumi: arjen palvelut Saarijärvellä", by=coordinator,
        starts_at=datetime.now(UTC) + timedelta(days=21), place="Saarijärven kirjasto",
        description="Kerro, mistä haluat keskustella. Ehdotetut aiheet luetaan ennen kuin ne näytetään.")  # fmt: skip
    for text, votes in (("Bussivuorot kylille", 14), ("Nuorten iltatila", 9), ("Kotihoidon käyntiajat", 0)):
        topic = participation.suggest_topic(forum, text=text)
        if votes:
            participation.moderate_topic(topic, "accept", by=coordinator)
            for number in range(votes):
                participation.vote_for_topic(topic, voter_token=f"demo-voter-{number}")


def build_plan(users: dict[str, User], county: County) -> None:
    """Keski-Suomi's implementation plan from seed 001, fictional 2025 and 2026 yearly plans
    and the 2025 monitoring report generated from the demo's own figures."""
    from ilmio.plans import services as plans
    from ilmio.plans.models import Plan, YearMeasure

    if Plan.objects.filter(county=county).exists():
        return
    by = users["koordinaattori"]
    plan = plans.create_plan(
        county=county, term_start=2025, term_end=2029, by=by,
        title="Rakenteellisen sosiaalityön toteutussuunnitelma 2025–2029",
        main_goal="Vahvistetaan rakenteellisen sosiaalityön toimintakulttuurin muodostumista Keski-Suomessa, niin "
                  "hyvinvointialueorganisaatiossa kuin yhteistyöverkostoissa.")  # fmt: skip
    for text in ("Vahvistetaan rakenteellisen sosiaalityön osaamista tutkimustietoon perustuen.",
                 "Kehitetään hyvinvointialueelle toimivia rakenteellisen sosiaalityön tiedonhyödyntämisen tapoja.",
                 "Vahvistetaan asiakkaiden ja henkilöstön osallisuutta rakenteellisessa sosiaalityössä."):  # fmt: skip
        plans.add_objective(plan, text, by=by)
    for name, measures in PLAN_AREAS:
        area = plans.add_area(plan, name, by=by)
        for description in measures:
            plans.add_measure(area, description, owner="Koordinaatiotiimi", indicators="Vuosiseurannan luvut", by=by)
    for name, duties in PLAN_ACTORS:
        plans.add_actor(plan, name, duties, by=by)
    for audience, goals, channels in PLAN_COMMUNICATION:
        plans.add_communication(plan, audience, goals, channels, by=by)
    plans.approve_plan(plan, body="Sosiaali- ja terveyspalvelujen johtoryhmä", approved_on=date(2025, 6, 16), by=None)
    plans.approve_plan(plan, body="Rakenteellisen sosiaalityön ohjausryhmä", approved_on=date(2025, 9, 1), by=None)
    for year, year_items in YEAR_MEASURES.items():
        year_plan = plans.create_year_plan(county=county, year=year, by=by)
        for text, responsible, planned, done in year_items:
            item = plans.add_year_measure(year_plan, measure=text, responsible=responsible, planned_date=planned, by=by)
            if done:
                plans.update_year_measure(item, status=YearMeasure.WORKFLOW.named("on_complete"), done_date=planned, by=by)
    plans.generate_monitoring_report(county=county, year=2025, language="fi", by=by)
