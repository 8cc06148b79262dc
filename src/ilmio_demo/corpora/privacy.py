"""Deterministic builder of the labelled synthetic evaluation corpus (eval_corpus.jsonl).

Templates are hand-written social-work snippets. ``{slot}`` marks a value filled in by
the builder (PII slots become gold spans, keep slots become must-keep strings) and
``[[text]]`` marks literal text that must be kept (places, organisations, ordinary words
that look like names, dates, amounts, law references).

Run: ``python -m ilmio_demo.corpora.privacy`` (seeded: the output is reproducible).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ilmio.privacy.lexicon import get_lexicon
from ilmio.privacy.patterns import HETU_CHECK
from ilmio_demo.corpora.corpus_files import corpus_record, write_corpus

if TYPE_CHECKING:
    from ilmio.privacy.evaluation import CorpusRecord, GoldSpan


def _words(text: str) -> list[str]:
    """Whitespace-separated word list (keeps long lexical lists readable)."""
    return text.split()


OUT = Path(__file__).resolve().parents[2] / "ilmio" / "privacy" / "data" / "eval_corpus.jsonl"
SEED = 20250101

# ------------------------------------------------------------------ morphology (forward)


def _harmony(word: str) -> str:
    return "a" if any(c in "aou" for c in word.lower()) else "ä"


def _last_cluster(word: str) -> str:
    vowels = "aeiouyäö"
    i = len(word)
    while i > 0 and word[i - 1] in vowels:
        i -= 1
    j = i
    while j > 0 and word[j - 1] not in vowels:
        j -= 1
    return word[j:i]


def _weak(word: str) -> str:
    cl = _last_cluster(word)
    if cl in ("kk", "tt", "pp"):
        i = word.rfind(cl)
        return word[:i] + cl[0] + word[i + 2:]
    return word


def inflectable(name: str) -> bool:
    """Names whose forms this simple generator gets right."""
    if "-" in name or " " in name or "." in name or len(name) < 3:
        return False
    if name.endswith("nen"):
        return True
    last = name[-1]
    if last in "aouyäö":
        return _last_cluster(name) not in ("k", "t", "p", "nk", "nt", "lt", "rt", "mp", "ht",
                                           "lk", "rk", "d", "")
    if last == "i":
        return _last_cluster(name) in ("r", "l", "n", "s", "kk", "tt", "pp", "m", "v", "j")
    if last == "e":
        return False
    return last in "nklmrtd" and name[-2] in "aeiouyäö" or name.endswith(("son", "qvist"))


def inflect(name: str, case: str) -> str:
    a = _harmony(name)
    if case == "nom":
        return name
    if name.endswith("nen"):
        stem = name[:-3] + "se"
        return {
            "gen": stem + "n", "all": stem + "lle", "abl": stem + "lt" + a, "ade": stem + "ll" + a,
            "par": name[:-3] + "st" + a, "ine": stem + "ss" + a, "ela": stem + "st" + a,
            "ill": stem + "en", "ess": stem + "n" + a,
        }[case]
    if name[-1] in "aeiouyäö":
        weak = _weak(name)
        return {
            "gen": weak + "n", "all": weak + "lle", "abl": weak + "lt" + a, "ade": weak + "ll" + a,
            "par": name + ("a" if a == "a" else "ä") if name[-1] != name[-2] else name + "t" + a,
            "ine": weak + "ss" + a, "ela": weak + "st" + a, "ill": name + name[-1] + "n",
            "ess": name + "n" + a,
        }[case]
    stem = name + "i"
    return {
        "gen": stem + "n", "all": stem + "lle", "abl": stem + "lt" + a, "ade": stem + "ll" + a,
        "par": stem + a, "ine": stem + "ss" + a, "ela": stem + "st" + a, "ill": stem + "in",
        "ess": stem + "n" + a,
    }[case]


# ------------------------------------------------------------------ generators


def make_hetu(rng: random.Random, lower: bool = False) -> str:
    year = rng.choice([rng.randint(1925, 1999), rng.randint(2000, 2023), rng.randint(1890, 1899)])
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    if year < 1900:
        sign = "+"
    elif year < 2000:
        sign = rng.choice("--------YXWVU")
    else:
        sign = rng.choice("AAAAABCDEF")
    ind = f"{rng.randint(2, 899):03d}"
    ddmmyy = f"{day:02d}{month:02d}{year % 100:02d}"
    check = HETU_CHECK[int(ddmmyy + ind) % 31]
    code = f"{ddmmyy}{sign}{ind}{check}"
    return code.lower() if lower else code


def _iban_check(country: str, bban: str) -> str:
    s = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in s))
    return f"{98 - num % 97:02d}"


def make_iban(rng: random.Random) -> str:
    country, length = rng.choice([("FI", 18)] * 6 + [("SE", 24), ("EE", 20), ("DE", 22)])
    bban = "".join(str(rng.randint(0, 9)) for _ in range(length - 4))
    iban = country + _iban_check(country, bban) + bban
    if rng.random() < 0.6:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def make_phone(rng: random.Random) -> str:
    pre = rng.choice(["040", "050", "044", "045", "046", "041", "042", "043", "049", "0457"])
    sub = "".join(str(rng.randint(0, 9)) for _ in range(7 if pre != "0457" else 6))
    area = rng.choice(["09", "014", "02", "03", "017", "013", "06", "08", "015", "019"])
    land = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([6, 7])))
    fmt = rng.randrange(12)
    if fmt == 0:
        return f"{pre} {sub[:3]} {sub[3:]}"
    if fmt == 1:
        return pre + sub
    if fmt == 2:
        return f"{pre}-{sub}"
    if fmt == 3:
        return f"+358 {pre[1:]} {sub[:3]} {sub[3:]}"
    if fmt == 4:
        return f"+358{pre[1:]}{sub}"
    if fmt == 5:
        return f"+358 (0){pre[1:]} {sub}"
    if fmt == 6:
        return f"({area}) {land[:3]} {land[3:]}"
    if fmt == 7:
        return f"{area} {land[:4]} {land[4:]}"
    if fmt == 8:
        return f"{area}-{land}"
    if fmt == 9:
        return f"{pre} {sub[:3]} {sub[3:5]} {sub[5:]}"
    if fmt == 10:
        return f"+358-{pre[1:]}-{sub}"
    return f"{pre} {sub}"


STREETS = [
    ("Kauppakatu", "Kauppakadulla", "Kauppakadun"), ("Hämeentie", "Hämeentiellä", "Hämeentien"),
    ("Väinönkatu", "Väinönkadulla", "Väinönkadun"), ("Mannerheimintie", "Mannerheimintiellä",
                                                      "Mannerheimintien"),
    ("Kivistönkatu", "Kivistönkadulla", "Kivistönkadun"), ("Puistokatu", "Puistokadulla",
                                                            "Puistokadun"),
    ("Koulukatu", "Koulukadulla", "Koulukadun"), ("Rautatienkatu", "Rautatienkadulla",
                                                  "Rautatienkadun"),
    ("Kalevantie", "Kalevantiellä", "Kalevantien"), ("Satakunnankatu", "Satakunnankadulla",
                                                     "Satakunnankadun"),
    ("Sammonkatu", "Sammonkadulla", "Sammonkadun"), ("Myllykuja", "Myllykujalla", "Myllykujan"),
    ("Koivupolku", "Koivupolulla", "Koivupolun"), ("Rantaraitti", "Rantaraitilla", "Rantaraitin"),
    ("Nokkalantie", "Nokkalantiellä", "Nokkalantien"), ("Vaajakoskentie", "Vaajakoskentiellä",
                                                        "Vaajakoskentien"),
    ("Tervakuja", "Tervakujalla", "Tervakujan"), ("Keskuskatu", "Keskuskadulla", "Keskuskadun"),
    ("Pihlajakatu", "Pihlajakadulla", "Pihlajakadun"), ("Ojakatu", "Ojakadulla", "Ojakadun"),
]
SV_STREETS = ["Storgatan", "Skolgatan", "Strandvägen", "Kyrkogatan", "Handelsesplanaden",
              "Sandögatan", "Hovrättsesplanaden", "Björkvägen", "Ängsgränd", "Långgatan"]
POSTAL = [("40100", "Jyväskylä"), ("00100", "Helsinki"), ("33100", "Tampere"), ("20100", "Turku"),
          ("90100", "Oulu"), ("70100", "Kuopio"), ("65100", "Vaasa"), ("15100", "Lahti"),
          ("24100", "Salo"), ("80100", "Joensuu"), ("28100", "Pori"), ("40340", "Jyväskylä"),
          ("68600", "Jakobstad"), ("10600", "Ekenäs"), ("06100", "Borgå"), ("00530", "Helsinki")]
MUNIS = [("Jyväskylä", "Jyväskylässä", "Jyväskylästä"), ("Salo", "Salossa", "Salosta"),
         ("Kuopio", "Kuopiossa", "Kuopiosta"), ("Vaasa", "Vaasassa", "Vaasasta"),
         ("Lahti", "Lahdessa", "Lahdesta"), ("Tampere", "Tampereella", "Tampereelta"),
         ("Oulu", "Oulussa", "Oulusta"), ("Joensuu", "Joensuussa", "Joensuusta"),
         ("Huhtasuo", "Huhtasuolla", "Huhtasuolta"), ("Kortepohja", "Kortepohjassa",
                                                      "Kortepohjasta"),
         ("Pori", "Porissa", "Porista"), ("Kaarina", "Kaarinassa", "Kaarinasta"),
         ("Kemi", "Kemissä", "Kemistä"), ("Rauma", "Raumalla", "Raumalta"),
         ("Äänekoski", "Äänekoskella", "Äänekoskelta"), ("Jämsä", "Jämsässä", "Jämsästä"),
         ("Mikkeli", "Mikkelissä", "Mikkelistä"), ("Kajaani", "Kajaanissa", "Kajaanista")]
SV_MUNIS = [("Vasa", "i Vasa"), ("Jakobstad", "i Jakobstad"), ("Borgå", "i Borgå"),
            ("Helsingfors", "i Helsingfors"), ("Åbo", "i Åbo"), ("Raseborg", "i Raseborg"),
            ("Närpes", "i Närpes"), ("Kristinestad", "i Kristinestad"), ("Kyrkslätt", "i Kyrkslätt"),
            ("Esbo", "i Esbo"), ("Karleby", "i Karleby"), ("Lovisa", "i Lovisa")]
ORGS = ["Kela", "A-klinikka", "Mannerheimin Lastensuojeluliitto", "Sininauhaliitto",
        "Diakonissalaitos", "Pelastakaa Lapset", "Ensi- ja turvakotien liitto", "Y-Säätiö",
        "Setlementti", "TE-palvelut", "HUS", "THL", "Takuusäätiö", "Ohjaamo", "Kriisikeskus"]
ORG_GEN = ["Kelan", "A-klinikan", "Sininauhaliiton", "Y-Säätiön", "TE-palveluiden", "HUS:n",
           "THL:n", "Takuusäätiön", "Ohjaamon", "Diakonissalaitoksen"]
SV_ORGS = ["Folkhälsan", "FPA", "Röda Korset", "Kela", "HUS", "Luckan", "Mieli rf"]
DATES = ["12.3.2024", "1.2.2025", "28.11.2023", "5.6.2024", "15.1.2025", "30.9.2024"]
AMOUNTS = ["1 200 €", "450 euroa", "1200 euroa", "85,50 €", "2 350 €", "600 €", "37 €"]
LAWREFS = ["SHL 49 §", "sosiaalihuoltolaki 1301/2014", "lastensuojelulaki 417/2007",
           "toimeentulotukilaki 1412/1997", "SHL 48 §", "48–49 §"]
AMB_FIRST = ["Onni", "Toivo", "Satu", "Lumi", "Aino", "Valo", "Tuuli", "Oiva", "Armas", "Usko",
             "Rauha", "Lahja", "Ilta", "Aamu", "Into"]
AMB_WORD_SENTENCES = [
    "[[Onni]] potkaisi, kun vuokranantaja hyväksyi hakemuksen.",
    "Perheen [[toivo]] on, että asunto löytyy ennen talvea.",
    "[[Toivo]] paremmasta on monelle asiakkaalle ainoa voimavara.",
    "Asiakkaalla ei ollut [[onnea]] asunnonhaussa.",
    "Ikkunasta näkyi [[laine]] ja [[kivi]] rannalla.",
    "Talvella [[lumi]] ja liukkaus estävät ikäihmisiä lähtemästä kotoa.",
    "Ryhmässä oli hyvä [[into]] ja [[usko]] tulevaan.",
    "Tukihenkilön [[lahja]] oli aikaa ja kuuntelemista.",
    "Kotikäynti tehtiin [[illalla]], kun [[aamu]]vuorossa ei ollut resursseja.",
    "Palaverissa vallitsi [[rauha]] ja [[valo]] palasi asiakkaan silmiin.",
    "Asunto sijaitsee [[mäen]] päällä, eikä bussi kulje sinne.",
    "[[Tuuli]] oli niin kova, että kotihoito myöhästyi.",
    "[[Satu]]tunti kirjastossa on perheille tärkeä kohtaamispaikka.",
]


class Builder:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        lex = get_lexicon().names.values()
        firsts = [e for e in lex if e.first >= 300 and inflectable(e.name) and e.first > e.last
                  and e.name.lower() not in _AVOID]
        lasts = [e for e in lex if e.last >= 300 and inflectable(e.name) and e.last > e.first
                 and e.name.lower() not in _AVOID]
        rare_lasts = [e for e in lex if 20 <= e.last < 300 and e.name.endswith("nen")]
        firsts.sort(key=lambda e: -e.first)
        lasts.sort(key=lambda e: -e.last)
        self.common_first = [e.name for e in firsts[:250]]
        self.rare_first = [e.name for e in firsts[250:]]
        self.common_last = [e.name for e in lasts[:250]]
        self.rare_last = [e.name for e in lasts[250:]] + [e.name for e in rare_lasts]
        self.sv_first = ["Anna", "Erik", "Johan", "Karin", "Maria", "Lars", "Ingrid", "Nils",
                         "Elin", "Mikael", "Sofia", "Henrik", "Linnea", "Fredrik", "Emma",
                         "Gunilla", "Stefan", "Ulrika", "Kristian", "Camilla"]
        self.sv_last = ["Johansson", "Lindqvist", "Nyström", "Holmberg", "Sundström", "Lindholm",
                        "Eriksson", "Backman", "Granqvist", "Söderberg", "Forsman", "Wikström",
                        "Björklund", "Nyman", "Lundqvist", "Karlsson", "Strandberg", "Sjöholm"]

    def first(self) -> str:
        pool = self.common_first if self.rng.random() < 0.75 else self.rare_first
        return self.rng.choice(pool)

    def last(self) -> str:
        pool = self.common_last if self.rng.random() < 0.7 else self.rare_last
        return self.rng.choice(pool)


# Lexicon names that are risky as generated fillers (ordinary words, places, cue words).
_AVOID = frozenset(
    _words("anna annan into usko aamu ilta lahja rauha armas oiva tuuli satu valo lumi onni toivo "
    "veli sisko kari arvo poika mies vaimo salo lahti kivi koski aho mäki niemi laine "
    "järvi meri saari ranta virta vuori tuomi kallio kangas kela asia hanna sara")
)


def _full(b: Builder, case: str = "nom") -> str:
    first, last = b.first(), b.last()
    return f"{first} {inflect(last, case)}"


def _slot_fns(b: Builder) -> dict[str, Callable[[], tuple[str, str | None]]]:
    r = b.rng

    def name(fn: Callable[[], str]) -> Callable[[], tuple[str, str | None]]:
        return lambda: (fn(), "person_name")

    def keep(fn: Callable[[], str]) -> Callable[[], tuple[str, str | None]]:
        return lambda: (fn(), "keep")

    def street_num() -> str:
        s = r.choice(STREETS)[0]
        n = r.randint(1, 120)
        tail = r.choice(["", f" {r.choice('ABCDE')} {r.randint(1, 60)}", f" as {r.randint(1, 40)}",
                         f" {r.choice('ABC')}", f" {r.choice('abc')} {r.randint(1, 30)}",
                         f" bs {r.randint(1, 20)}"])
        return f"{s} {n}{tail}"

    def addr_postal() -> str:
        code, town = r.choice(POSTAL)
        return f"{street_num()}, {code} {town}"

    def sv_addr() -> str:
        tail = r.choice(["", f" {r.choice('ABC')} {r.randint(1, 30)}", f" bs {r.randint(1, 20)}"])
        base = f"{r.choice(SV_STREETS)} {r.randint(1, 80)}{tail}"
        if r.random() < 0.4:
            code, town = r.choice(POSTAL[12:])
            base += f", {code} {town}"
        return base

    def email() -> str:
        f, la = b.first().lower(), b.last().lower()
        tr = str.maketrans("äöå", "aoa")
        dom = r.choice(["gmail.com", "hotmail.com", "jyvaskyla.fi", "hyvaks.fi", "outlook.com",
                        "kolumbus.fi", "luukku.com", "wellbeing.fi"])
        style = r.randrange(4)
        if style == 0:
            return f"{f}.{la}@{dom}".translate(tr)
        if style == 1:
            return f"{f}{r.randint(1, 99)}@{dom}".translate(tr)
        if style == 2:
            return f"{f[0]}{la}@{dom}".translate(tr)
        return f"{f}.{la}(at){dom}".translate(tr)

    fns: dict[str, Callable[[], tuple[str, str | None]]] = {
        "first": name(b.first),
        "first_gen": name(lambda: inflect(b.first(), "gen")),
        "first_all": name(lambda: inflect(b.first(), "all")),
        "first_abl": name(lambda: inflect(b.first(), "abl")),
        "first_par": name(lambda: inflect(b.first(), "par")),
        "first_ade": name(lambda: inflect(b.first(), "ade")),
        "first_ill": name(lambda: inflect(b.first(), "ill")),
        "full": name(lambda: _full(b)),
        "full_gen": name(lambda: _full(b, "gen")),
        "full_all": name(lambda: _full(b, "all")),
        "full_abl": name(lambda: _full(b, "abl")),
        "full_ade": name(lambda: _full(b, "ade")),
        "full_par": name(lambda: _full(b, "par")),
        "last": name(b.last),
        "last_gen": name(lambda: inflect(b.last(), "gen")),
        "last_all": name(lambda: inflect(b.last(), "all")),
        "last_abl": name(lambda: inflect(b.last(), "abl")),
        "last_ine": name(lambda: inflect(b.last(), "ine")),
        "last_ela": name(lambda: inflect(b.last(), "ela")),
        "full_lower": name(lambda: _full(b).lower()),
        "first_lower": name(lambda: r.choice(b.common_first[:80]).lower()),
        "lastgen_first_lower": name(
            lambda: f"{inflect(r.choice(b.common_last[:80]), 'gen')} {r.choice(b.common_first[:80])}".lower()),
        "initial_last": name(lambda: f"{b.first()[0]}. {b.last()}"),
        "first_initial": name(lambda: f"{b.first()} {b.last()[0]}."),
        "amb_first": name(lambda: r.choice(AMB_FIRST)),
        "amb_full": name(lambda: f"{r.choice(AMB_FIRST)} {b.last()}"),
        "name_salo": name(lambda: f"{b.first()} {r.choice(['Salo', 'Laine', 'Lahti', 'Kivi', 'Mäki', 'Koski', 'Aho', 'Niemi'])}"),
        "sv_first": name(lambda: r.choice(b.sv_first)),
        "sv_full": name(lambda: f"{r.choice(b.sv_first)} {r.choice(b.sv_last)}"),
        "sv_first_gen": name(lambda: r.choice(b.sv_first) + "s"),
        "sv_last_gen": name(lambda: r.choice(b.sv_last) + "s"),
        "sv_last_plain": name(lambda: r.choice(b.sv_last)),
        "last_lower_plain": name(lambda: r.choice(b.common_last[:80]).lower()),
        "sv_full_gen": name(lambda: f"{r.choice(b.sv_first)} {r.choice(b.sv_last)}s"),
        "hetu": (lambda: (make_hetu(r, lower=r.random() < 0.1), "hetu")),
        "phone": (lambda: (make_phone(r), "phone")),
        "email": (lambda: (email(), "email")),
        "iban": (lambda: (make_iban(r), "iban")),
        "addr": (lambda: (street_num(), "address")),
        "addr_postal": (lambda: (addr_postal(), "address")),
        "addr_ade": (lambda: (f"{r.choice(STREETS)[1]} {r.randint(1, 90)}", "address")),
        "sv_addr": (lambda: (sv_addr(), "address")),
        "muni": keep(lambda: r.choice(MUNIS)[0]),
        "muni_ine": keep(lambda: r.choice(MUNIS)[1]),
        "muni_ela": keep(lambda: r.choice(MUNIS)[2]),
        "sv_muni": keep(lambda: r.choice(SV_MUNIS)[0]),
        "street_nonum": keep(lambda: r.choice(STREETS)[2]),
        "org": keep(lambda: r.choice(ORGS)),
        "org_gen": keep(lambda: r.choice(ORG_GEN)),
        "sv_org": keep(lambda: r.choice(SV_ORGS)),
        "date": keep(lambda: r.choice(DATES)),
        "amount": keep(lambda: r.choice(AMOUNTS)),
        "law": keep(lambda: r.choice(LAWREFS)),
        "amb_sentence": keep(lambda: r.choice(AMB_WORD_SENTENCES)),
    }
    return fns


_TOKEN_RE = re.compile(r"\{(\w+)\}|\[\[(.+?)\]\]")


def render(template: str, fns: dict[str, Callable[[], tuple[str, str | None]]]
           ) -> tuple[str, list[GoldSpan], list[str]]:
    out: list[str] = []
    spans: list[GoldSpan] = []
    keep: list[str] = []
    pos = 0
    length = 0
    value: str
    kind: str | None
    for m in _TOKEN_RE.finditer(template):
        lit = template[pos:m.start()]
        out.append(lit)
        length += len(lit)
        if m.group(2) is not None:
            value, kind = m.group(2), "keep"
        else:
            value, kind = fns[m.group(1)]()
            if kind == "keep" and "[[" in value:
                # nested keep sentence: render its markers
                sub, _, sub_keep = render(value, fns)
                value = sub
                keep.extend(sub_keep)
                kind = None
        out.append(value)
        if kind == "keep":
            keep.append(value)
        elif kind is not None:
            spans.append({"start": length, "end": length + len(value), "type": kind})
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    text = "".join(out)
    # "{first} {last}" is one name: merge name spans separated by a single space
    merged: list[GoldSpan] = []
    for sp in spans:
        if (merged and sp["type"] == "person_name" and merged[-1]["type"] == "person_name"
                and text[merged[-1]["end"]:sp["start"]] == " "):
            merged[-1]["end"] = sp["end"]
        else:
            merged.append(sp)
    return text, merged, keep


def build(seed: int = SEED) -> list[CorpusRecord]:
    from ilmio_demo.corpora.privacy_templates import TEMPLATES

    b = Builder(seed)
    fns = _slot_fns(b)
    records: list[CorpusRecord] = []
    n = 0
    for style, lang, reps, template in TEMPLATES:
        for _ in range(reps):
            text, spans, keep = render(template, fns)
            n += 1
            records.append(corpus_record(f"syn-{n:04d}", lang, style, text, spans, set(keep)))
    return records


def main() -> int:
    return write_corpus(build(), OUT)


if __name__ == "__main__":
    raise SystemExit(main())
