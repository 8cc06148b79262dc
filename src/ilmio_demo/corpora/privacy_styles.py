"""Second labelled redaction corpus, in styles the first one does not have (eval_corpus_styles.jsonl).

Independent of ``ilmio_demo.corpora.privacy``: other sentences, other name pools (written
here by hand, not drawn from the lexicon), other number formats. Styles: long forms with
headings, dictated text without punctuation, spoken Finnish, Finland-Swedish dialect,
forwarded e-mails, an attacker's text (zero-width and look-alike characters), every name
kind of issue #11 (word-names, ALL-CAPS, Sámi and mangled Sámi, inflected Ukrainian
surnames, nicknames, lower-case names) and must-keep traps (sentence-initial ordinary words,
organisations and places named after words or people, road numbers, amounts, event dates).

Template markup: ``{slot}`` is filled by a generator below (identifiers become gold spans,
keep slots must-keep strings); ``<<type|text>>`` is a literal gold span; ``[[text]]`` is a
literal must-keep string.

Run: ``python -m ilmio_demo.corpora.privacy_styles`` (seeded: the output is reproducible).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ilmio_demo.corpora.corpus_files import corpus_record, write_corpus

if TYPE_CHECKING:
    from ilmio.privacy.evaluation import CorpusRecord, GoldSpan

OUT = Path(__file__).resolve().parents[2] / "ilmio" / "privacy" / "data" / "eval_corpus_styles.jsonl"
SEED = 20251111

ZW = "\u200b"  # zero-width space


def _words(text: str) -> list[str]:
    """Whitespace-separated word list (keeps long name lists readable)."""
    return text.split()

Slot = Callable[[], tuple[str, str | None]]

# ------------------------------------------------------------------ name pools (by hand)
# (nominative, genitive, allative, partitive, adessive)
FI_FIRST: list[tuple[str, str, str, str, str]] = [
    ("Pirkko", "Pirkon", "Pirkolle", "Pirkkoa", "Pirkolla"),
    ("Raimo", "Raimon", "Raimolle", "Raimoa", "Raimolla"),
    ("Seppo", "Sepon", "Sepolle", "Seppoa", "Sepolla"),
    ("Tarja", "Tarjan", "Tarjalle", "Tarjaa", "Tarjalla"),
    ("Heli", "Helin", "Helille", "Heliä", "Helillä"),
    ("Jouni", "Jounin", "Jounille", "Jounia", "Jounilla"),
    ("Kimmo", "Kimmon", "Kimmolle", "Kimmoa", "Kimmolla"),
    ("Minna", "Minnan", "Minnalle", "Minnaa", "Minnalla"),
    ("Arja", "Arjan", "Arjalle", "Arjaa", "Arjalla"),
    ("Pasi", "Pasin", "Pasille", "Pasia", "Pasilla"),
    ("Hannele", "Hannelen", "Hannelelle", "Hannelea", "Hannelella"),
    ("Veikko", "Veikon", "Veikolle", "Veikkoa", "Veikolla"),
    ("Eino", "Einon", "Einolle", "Einoa", "Einolla"),
    ("Aune", "Aunen", "Aunelle", "Aunea", "Aunella"),
    ("Reijo", "Reijon", "Reijolle", "Reijoa", "Reijolla"),
    ("Merja", "Merjan", "Merjalle", "Merjaa", "Merjalla"),
    ("Teemu", "Teemun", "Teemulle", "Teemua", "Teemulla"),
    ("Joonas", "Joonaksen", "Joonakselle", "Joonasta", "Joonaksella"),
    ("Veeti", "Veetin", "Veetille", "Veetiä", "Veetillä"),
    ("Iida", "Iidan", "Iidalle", "Iidaa", "Iidalla"),
    ("Aada", "Aadan", "Aadalle", "Aadaa", "Aadalla"),
    ("Eelis", "Eeliksen", "Eelikselle", "Eelistä", "Eeliksellä"),
    ("Nella", "Nellan", "Nellalle", "Nellaa", "Nellalla"),
    ("Siiri", "Siirin", "Siirille", "Siiriä", "Siirillä"),
    ("Venla", "Venlan", "Venlalle", "Venlaa", "Venlalla"),
    ("Elmeri", "Elmerin", "Elmerille", "Elmeriä", "Elmerillä"),
    ("Aatu", "Aatun", "Aatulle", "Aatua", "Aatulla"),
    ("Lenni", "Lennin", "Lennille", "Lenniä", "Lennillä"),
    ("Ronja", "Ronjan", "Ronjalle", "Ronjaa", "Ronjalla"),
    ("Niilo", "Niilon", "Niilolle", "Niiloa", "Niilolla"),
    ("Hilkka", "Hilkan", "Hilkalle", "Hilkkaa", "Hilkalla"),
    ("Ossi", "Ossin", "Ossille", "Ossia", "Ossilla"),
    ("Leevi", "Leevin", "Leeville", "Leeviä", "Leevillä"),
    ("Tuija", "Tuijan", "Tuijalle", "Tuijaa", "Tuijalla"),
    ("Jarmo", "Jarmon", "Jarmolle", "Jarmoa", "Jarmolla"),
    ("Ritva", "Ritvan", "Ritvalle", "Ritvaa", "Ritvalla"),
    ("Kyösti", "Kyöstin", "Kyöstille", "Kyöstiä", "Kyöstillä"),
    ("Santeri", "Santerin", "Santerille", "Santeria", "Santerilla"),
    ("Marketta", "Marketan", "Marketalle", "Markettaa", "Marketalla"),
    ("Eveliina", "Eveliinan", "Eveliinalle", "Eveliinaa", "Eveliinalla"),
]
_FI_LAST_NAMES = _words(
    "Hämäläinen Heikkilä Koivisto Savolainen Pesonen Turunen Kettunen Miettinen Ahonen "
    "Kinnunen Partanen Ikonen Jääskeläinen Huttunen Väisänen Hyvärinen Kärkkäinen Pulkkinen "
    "Räsänen Tolvanen Kokkonen Rissanen Laitinen Karjalainen Leinonen Mustonen Seppälä "
    "Kemppainen Kauppinen Hiltunen Sillanpää Rautio Lappalainen Ojala Hakala Peltonen "
    "Vartiainen Pitkänen Sirviö Kivelä"
)


def _harmony(word: str) -> str:
    return "a" if any(c in "aou" for c in word.lower()) else "ä"


def _last_forms(name: str) -> tuple[str, str, str, str, str]:
    """(nom, gen, all, par, ade) of the surnames above (-nen, and vowel-final ones)."""
    a = _harmony(name)
    if name.endswith("nen"):
        stem = name[:-3] + "se"
        return name, stem + "n", stem + "lle", name[:-3] + "st" + a, stem + "ll" + a
    par = name + "t" + a if name[-2] in "aeiouyäö" else name + name[-1]
    return name, name + "n", name + "lle", par, name + "ll" + a


FI_LAST = [_last_forms(n) for n in _FI_LAST_NAMES]

# Names that are also ordinary words: (nom, gen, all, par).
WORD_FIRST: list[tuple[str, str, str, str]] = [
    ("Onni", "Onnin", "Onnille", "Onnia"), ("Toivo", "Toivon", "Toivolle", "Toivoa"),
    ("Tuuli", "Tuulin", "Tuulille", "Tuulia"), ("Satu", "Sadun", "Sadulle", "Satua"),
    ("Lumi", "Lumin", "Lumille", "Lumia"), ("Usko", "Uskon", "Uskolle", "Uskoa"),
    ("Aamu", "Aamun", "Aamulle", "Aamua"), ("Valo", "Valon", "Valolle", "Valoa"),
    ("Into", "Innon", "Innolle", "Intoa"), ("Armas", "Armaan", "Armaalle", "Armasta"),
    ("Rauha", "Rauhan", "Rauhalle", "Rauhaa"), ("Sulo", "Sulon", "Sulolle", "Suloa"),
    ("Taimi", "Taimen", "Taimelle", "Taimea"), ("Lempi", "Lempin", "Lempille", "Lempiä"),
    ("Tähti", "Tähden", "Tähdelle", "Tähteä"), ("Aura", "Auran", "Auralle", "Auraa"),
    ("Säde", "Säteen", "Säteelle", "Sädettä"), ("Tarmo", "Tarmon", "Tarmolle", "Tarmoa"),
    ("Voitto", "Voiton", "Voitolle", "Voittoa"), ("Urho", "Urhon", "Urholle", "Urhoa"),
    ("Meri", "Merin", "Merille", "Meriä"), ("Sampo", "Sammon", "Sammolle", "Sampoa"),
]
WORD_LAST: list[tuple[str, str, str, str]] = [
    ("Kivi", "Kiven", "Kivelle", "Kiveä"), ("Mäki", "Mäen", "Mäelle", "Mäkeä"),
    ("Laine", "Laineen", "Laineelle", "Lainetta"), ("Koski", "Kosken", "Koskelle", "Koskea"),
    ("Niemi", "Niemen", "Niemelle", "Niemeä"), ("Järvi", "Järven", "Järvelle", "Järveä"),
    ("Ranta", "Rannan", "Rannalle", "Rantaa"), ("Virta", "Virran", "Virralle", "Virtaa"),
    ("Aho", "Ahon", "Aholle", "Ahoa"), ("Nurmi", "Nurmen", "Nurmelle", "Nurmea"),
    ("Lehto", "Lehdon", "Lehdolle", "Lehtoa"), ("Kallio", "Kallion", "Kalliolle", "Kalliota"),
    ("Rinne", "Rinteen", "Rinteelle", "Rinnettä"), ("Karhu", "Karhun", "Karhulle", "Karhua"),
    ("Susi", "Suden", "Sudelle", "Sutta"), ("Kettu", "Ketun", "Ketulle", "Kettua"),
    ("Talvi", "Talven", "Talvelle", "Talvea"), ("Honka", "Hongan", "Hongalle", "Honkaa"),
    ("Tuomi", "Tuomen", "Tuomelle", "Tuomea"), ("Salmi", "Salmen", "Salmelle", "Salmea"),
    ("Repo", "Revon", "Revolle", "Repoa"), ("Haapa", "Haavan", "Haavalle", "Haapaa"),
]
# Lower-case surnames that contain an ordinary word (järvi, mäki, koivu ...): (nom, gen, all).
LOWER_COMPOUND_LAST: list[tuple[str, str, str]] = [
    ("kivimäki", "kivimäen", "kivimäelle"), ("järvinen", "järvisen", "järviselle"),
    ("koivumäki", "koivumäen", "koivumäelle"), ("rantala", "rantalan", "rantalalle"),
    ("mäkelä", "mäkelän", "mäkelälle"), ("koskinen", "koskisen", "koskiselle"),
    ("lehtonen", "lehtosen", "lehtoselle"), ("kivistö", "kivistön", "kivistölle"),
    ("salminen", "salmisen", "salmiselle"), ("heinonen", "heinosen", "heinoselle"),
    ("vuorinen", "vuorisen", "vuoriselle"), ("marjamäki", "marjamäen", "marjamäelle"),
]
LOWER_COMPOUND_FIRST = ["marja-leena", "anna-kaisa", "satu-maria", "onni-petteri", "tuuli-maaria",
                        "kukka-maaria", "toivo-juhani", "helmi-sofia"]

SAMI_FIRST = ["Máret", "Ánde", "Biret", "Elle", "Inga", "Niillas", "Áslat", "Ovllá", "Máhtte",
              "Iŋgá", "Jovnna", "Ánte", "Risten", "Heaika", "Elle-Máret", "Per-Ánte", "Ánne",
              "Sunná", "Gáren", "Ristenna"]
SAMI_LAST = ["Gaup", "Aikio", "Magga", "Somby", "Länsman", "Guttorm", "Sárá", "Eira", "Hætta",
             "Valkeapää", "Näkkäläjärvi", "Utsi", "Labba", "Juuso", "Paltto", "Vuolab",
             "Niittyvuopio", "Mattus", "Lukkari", "Sujala"]
_SAMI_FOLD = str.maketrans({"á": "a", "Á": "A", "č": "c", "Č": "C", "đ": "d", "Đ": "D",
                            "ŋ": "ng", "Ŋ": "Ng", "š": "s", "Š": "S", "ŧ": "t", "Ŧ": "T",
                            "ž": "z", "Ž": "Z", "æ": "ae", "Æ": "Ae"})


def sami_mangled(name: str, how: int) -> str:
    """What systems that cannot print Sámi letters make of a name."""
    if how == 0:
        return name.translate(_SAMI_FOLD)  # letters dropped to ASCII: Maret Sara
    if how == 1:
        return "".join("?" if ord(ch) > 0x17F or ch in "áÁčČđĐŋŊšŠŧŦžŽ" else ch for ch in name)
    # UTF-8 read as Windows-1252: MÃ¡ret
    return name.encode("utf-8").decode("cp1252", errors="replace")


# Ukrainian names with Finnish case endings: (nom, gen, all, par, ade).
UA_FIRST: list[tuple[str, str, str, str, str]] = [
    ("Oleksandr", "Oleksandrin", "Oleksandrille", "Oleksandria", "Oleksandrilla"),
    ("Olena", "Olenan", "Olenalle", "Olenaa", "Olenalla"),
    ("Mykola", "Mykolan", "Mykolalle", "Mykolaa", "Mykolalla"),
    ("Taras", "Tarasin", "Tarasille", "Tarasia", "Tarasilla"),
    ("Bohdan", "Bohdanin", "Bohdanille", "Bohdania", "Bohdanilla"),
    ("Iryna", "Irynan", "Irynalle", "Irynaa", "Irynalla"),
    ("Oksana", "Oksanan", "Oksanalle", "Oksanaa", "Oksanalla"),
    ("Andrii", "Andriin", "Andriille", "Andriita", "Andriilla"),
    ("Yuliia", "Yuliian", "Yuliialle", "Yuliiaa", "Yuliialla"),
    ("Serhii", "Serhiin", "Serhiille", "Serhiitä", "Serhiillä"),
    ("Dmytro", "Dmytron", "Dmytrolle", "Dmytroa", "Dmytrolla"),
    ("Halyna", "Halynan", "Halynalle", "Halynaa", "Halynalla"),
    ("Volodymyr", "Volodymyrin", "Volodymyrille", "Volodymyria", "Volodymyrilla"),
    ("Kateryna", "Katerynan", "Katerynalle", "Katerynaa", "Katerynalla"),
    ("Maksym", "Maksymin", "Maksymille", "Maksymia", "Maksymilla"),
    ("Liudmyla", "Liudmylan", "Liudmylalle", "Liudmylaa", "Liudmylalla"),
]
_UA_LAST_VOWEL = _words("Shevchenko Kovalenko Bondarenko Kravchenko Lysenko Savchenko Marchenko "
                        "Rudenko Petrenko Levchenko Boiko Tymoshenko Hrytsenko")
_UA_LAST_CONS = _words("Tkachuk Melnyk Oliinyk Koval Polishchuk Moroz Kravchuk Hnatiuk Kovalchuk Shevchuk")


def _ua_last(name: str) -> tuple[str, str, str, str, str]:
    if name[-1] in "aeiouy":
        return name, name + "n", name + "lle", name + "a", name + "lla"
    return name, name + "in", name + "ille", name + "ia", name + "illa"


UA_LAST = [_ua_last(n) for n in _UA_LAST_VOWEL + _UA_LAST_CONS]

# Other names of people living in Finland: (full name, genitive of the full name).
OTHER_FULL: list[tuple[str, str]] = [
    ("Hodan Warsame", "Hodan Warsamen"), ("Abdirahman Yusuf", "Abdirahman Yusufin"),
    ("Khadra Abdullahi", "Khadra Abdullahin"), ("Ayaan Hassan", "Ayaan Hassanin"),
    ("Ilhan Mohamud", "Ilhan Mohamudin"), ("Layla Haddad", "Layla Haddadin"),
    ("Karim Mansour", "Karim Mansourin"), ("Reza Ahmadi", "Reza Ahmadin"),
    ("Parisa Karimi", "Parisa Karimin"), ("Nguyen Thi Lan", "Nguyen Thi Lanin"),
    ("Aleksei Smirnov", "Aleksei Smirnovin"), ("Tatjana Ivanova", "Tatjana Ivanovan"),
    ("Svetlana Popova", "Svetlana Popovan"), ("Kadri Tamm", "Kadri Tammin"),
    ("Margus Kask", "Margus Kaskin"), ("Dilan Aziz", "Dilan Azizin"),
    ("Rojin Hamid", "Rojin Hamidin"), ("Amina Diallo", "Amina Diallon"),
    ("Fartun Ali", "Fartun Alin"), ("Yusuf Abdi", "Yusuf Abdin"),
]
# Nicknames: (nominative, genitive, translative)
NICKNAMES: list[tuple[str, str, str]] = [
    ("Masa", "Masan", "Masaksi"), ("Pertsa", "Pertsan", "Pertsaksi"), ("Jonttu", "Jontun", "Jontuksi"),
    ("Late", "Laten", "Lateksi"), ("Jallu", "Jallun", "Jalluksi"), ("Tepa", "Tepan", "Tepaksi"),
    ("Hessu", "Hessun", "Hessuksi"), ("Jusa", "Jusan", "Jusaksi"), ("Veke", "Veken", "Vekeksi"),
    ("Reiska", "Reiskan", "Reiskaksi"), ("Kaitsu", "Kaitsun", "Kaitsuksi"), ("Jykä", "Jykän", "Jykäksi"),
    ("Tintti", "Tintin", "Tintiksi"), ("Nipa", "Nipan", "Nipaksi"), ("Henkka", "Henkan", "Henkaksi"),
    ("Tomppa", "Tompan", "Tompaksi"), ("Jaska", "Jaskan", "Jaskaksi"), ("Ripa", "Ripan", "Ripaksi"),
    ("Tuksu", "Tuksun", "Tuksuksi"), ("Kike", "Kiken", "Kikeksi"),
]
SV_NICKNAMES = ["Bosse", "Nisse", "Pelle", "Lasse", "Kicki", "Sassa", "Olle", "Micke", "Putte", "Tusse"]
FS_FIRST = ["Gunnel", "Bror", "Ragnar", "Sigrid", "Torbjörn", "Märta", "Rolf", "Harriet", "Kaj",
            "Solveig", "Ebba", "Agneta", "Börje", "Ulla-Britt", "Göran", "Benita", "Jarl",
            "Gun-Britt", "Kerstin", "Runar"]
FS_LAST = ["Åkerlund", "Sjöblom", "Grönroos", "Lindfors", "Ekholm", "Westerlund", "Blomqvist",
           "Backlund", "Häggblom", "Nordman", "Öhman", "Storbacka", "Sandvik", "Kronqvist",
           "Björkqvist", "Holmström", "Enlund", "Granlund", "Smeds", "Sundell"]

# ------------------------------------------------------------------ must-keep pools
EVENT_DATES = ["12.3.2025", "3.2.2025", "2025-03-12", "14.1.2025", "30.4.2025", "1.10.2024",
               "27.5.2025", "2024-11-05", "8.9.2024", "19.12.2024"]
WORD_PLACES_INE = ["Onnelassa", "Toivolassa", "Kivijärvellä", "Karhulassa", "Lumijoella",
                   "Kuusamossa", "Rauhalassa", "Koskenkylässä", "Mäntyharjulla", "Tuulosissa"]
WORD_ORGS = ["Sairaala Nova", "Nuorisoasema Into", "Toivon Talo", "Kahvila Tuuli", "Perhetalo Onni",
             "Hoivakoti Rauha", "Päiväkoti Satu", "Apteekki Tähti", "K-Market Kivi",
             "Kukkakauppa Lumikki", "Kerho Ilona", "Kirpputori Aarre", "Ravintola Onni",
             "Lounaskahvila Aamu", "Kuntosali Voima", "Palvelukoti Kotikallio",
             "Asumisyksikkö Valo", "Kriisipiste Usko", "Ruokajakelu Armas", "Tukiasunnot Sampo"]
SV_WORD_ORGS = ["Café Solveig", "Föreningen Hopp", "Butik Stina", "Hoppets Hus", "Dagcenter Ljus",
                "Boendet Fyren", "Klubben Bror"]
ROADS = ["Valtatie 4", "valtatie 9", "kantatie 58", "Kantatie 77", "seututie 637", "Valtatie 13",
         "E75", "Riksväg 8"]
AMOUNTS_AFTER_NOUN = ["Vuokra 650 €", "Takuuvuokra 1 200 euroa", "Vastike 280 €", "Sähkölasku 340 euroa",
                      "Rästi 2 300 euroa", "Lasku 89,90 €", "Omavastuu 300 €", "Ruokalasku 120 euroa"]
SV_AMOUNTS = ["Hyran 720 €", "Elräkningen 260 euro", "Skulden 3 400 euro", "Avgiften 45 €"]


# ------------------------------------------------------------------ identifier generators
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
FI_MONTHS = ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
             "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"]
SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
             "september", "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def _birth(rng: random.Random) -> date:
    year = rng.choice([rng.randint(1931, 1969), rng.randint(1970, 2004), rng.randint(2005, 2022)])
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def make_hetu(rng: random.Random) -> str:
    d = _birth(rng)
    sign = rng.choice("ABCDEF") if d.year >= 2000 else rng.choice("---YXWVU")
    ind = f"{rng.randint(2, 899):03d}"
    ddmmyy = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
    check = _HETU_CHECK[int(ddmmyy + ind) % 31]
    if sign == "-":
        sign = rng.choice(["-", "\u2212", "\u2014", "\u2013", " - ", "  -  ", "-" + ZW, "\u2010"])
    code = f"{ddmmyy}{sign}{ind}{check}"
    style = rng.randrange(10)
    if style == 0:
        code = code.lower()
    elif style == 1:
        code = code[:3] + ZW + code[3:]
    elif style == 2:
        # mistyped check character: still identifies the person
        code = code[:-1] + _HETU_CHECK[(_HETU_CHECK.index(check) + 1) % 31]
    return code


def make_phone(rng: random.Random) -> str:
    def digits(n: int) -> str:
        return "".join(str(rng.randint(0, 9)) for _ in range(n))

    pre = rng.choice(["040", "041", "044", "045", "046", "050", "0400", "0440", "0457"])
    sub = digits(6 if len(pre) == 4 else 7)
    fmt = rng.randrange(24)
    forms = [
        f"{pre}.{sub[:3]}.{sub[3:]}", f"{pre}/{sub}", f"{pre} / {sub[:3]} {sub[3:]}",
        f"{pre}\u2013{sub}", f"{pre} {sub[:3]} {sub[3:]}", f"{pre}{sub}", f"{pre}-{sub[:3]} {sub[3:]}",
        f"({pre}) {sub[:3]} {sub[3:]}", f"+358 {pre[1:]} {sub[:3]} {sub[3:]}", f"+358-{pre[1:]}-{sub}",
        f"{pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"(09) {digits(4)} {digits(3)}", f"014 {digits(3)} {digits(3)}",
        f"09-{digits(3)} {digits(4)}",
        f"+372 5{digits(3)} {digits(4)}", f"+380 {rng.choice(['67', '50', '63', '97'])} {digits(3)} {digits(4)}",
        f"+46 70 {digits(3)} {digits(2)} {digits(2)}", f"+7 921 {digits(3)} {digits(2)} {digits(2)}",
        f"+252 61 {digits(3)} {digits(4)}", f"+49 151 {digits(4)} {digits(4)}", f"+44 7700 {digits(6)}",
        f"0046 70 {digits(3)} {digits(2)} {digits(2)}", f"+3725{digits(7)}", f"+964 750 {digits(3)} {digits(4)}",
    ]
    return forms[fmt]


_LOCALS = ["kissamirri77", "mirri99", "mirri66", "pirkko.hamalainen", "jonttu_88", "oksana.koval",
           "h.warsame", "gunnel.sjoblom", "masa1975", "tintti.k", "raimo.pesonen58", "lumikki2004",
           "ronja.huttunen", "kaitsu.k", "bror.ekholm", "aamu.toivonen", "sara.kuusela", "vekkuli12"]
_DOMAINS = [("gmail", "com"), ("hotmail", "com"), ("outlook", "com"), ("luukku", "com"),
            ("yahoo", "com"), ("icloud", "com"), ("elisanet", "fi"), ("suomi24", "fi"),
            ("live", "se"), ("ukr", "net"), ("mail", "ru"), ("kolumbus", "fi")]


def make_email(rng: random.Random, lang: str = "fi") -> str:
    local = rng.choice(_LOCALS)
    host, tld = rng.choice(_DOMAINS)
    forms = [
        f"{local}@{host}.{tld}", f"{local} at {host}.{tld}", f"{local} @ {host}.{tld}",
        f"{local}[at]{host}[dot]{tld}", f"{local}(at){host}(dot){tld}", f"{local} (at) {host} (piste) {tld}",
        f"{local} ät {host} piste {tld}", f"{local} miukumauku {host} piste {tld}",
        f"{local} at {host} dot {tld}", f"{local}@{host}.{tld}".upper(),
    ]
    if lang == "sv":
        forms += [f"{local} snabel-a {host} punkt {tld}", f"{local} at {host} punkt {tld}",
                  f"{local}(snabel-a){host}.{tld}"]
    return rng.choice(forms)


_IBAN_LENGTHS = {"FI": 18, "SE": 24, "EE": 20, "DE": 22, "UA": 29, "NO": 15, "LT": 20, "PL": 28}


def _iban_check(country: str, bban: str) -> str:
    num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{98 - num % 97:02d}"


def make_iban(rng: random.Random) -> str:
    country = rng.choice(["FI"] * 7 + ["SE", "EE", "DE", "UA", "NO", "LT", "PL"])
    bban = "".join(str(rng.randint(0, 9)) for _ in range(_IBAN_LENGTHS[country] - 4))
    check = _iban_check(country, bban)
    if rng.random() < 0.2:
        check = f"{(int(check) + rng.randint(1, 9)) % 97 + 2:02d}"  # mistyped check digits
    iban = country + check + bban
    groups = [iban[i:i + 4] for i in range(0, len(iban), 4)]
    style = rng.randrange(5)
    if style == 0:
        return "  ".join(groups)
    if style == 1:
        return "-".join(groups)
    if style == 2:
        return iban
    if style == 3:
        return " ".join(groups).lower()
    return " ".join(groups)


FI_ADDRESSES = [
    "Kauppak. 12 B 34", "Toinen linja 5 B 12", "Mattilanniemi 2", "Hämeent. 44 A 3",
    "Kolmas linja 22 C 5", "Ylistönmäentie 33 C 10", "Sammonk. 5 as 7", "Kalevank. 8",
    "Mannerheimint. 102 B 14", "Aleksis Kiven katu 9", "Sibeliuksenk. 3 A 1", "Keskustie 8 as. 4",
    "Ratapihantie 11, 00520 Helsinki", "puutarhakatu 7 b 3", "Kortepohjantie 12 D 44",
    "Rautpohjankatu 3", "Lutakonaukio 7", "Matarankatu 6 a 23", "Viitaniemi 7", "Kypärämäki 4 B 3",
    "Tikkakoskentie 9", "Vaasankatu 15 A 2, 40100 Jyväskylä", "Neljäs linja 14", "Kuokkalanpelto 5 C 9",
]
SV_ADDRESSES = ["Strandv. 3 B 7", "Storg. 14", "Sibeliusgatan 7 A 2", "Skolhusgatan 3",
                "Handelsesplanaden 12", "Smedsbyvägen 9", "Torggatan 2 A 11, 65100 Vasa",
                "Kyrkoesplanaden 5 B 8", "Gamla Strandv. 21", "Rådhusg. 4 A 6"]


def make_birth_date(rng: random.Random, lang: str = "fi") -> str:
    d = _birth(rng)
    forms = [f"{d.day}.{d.month}.{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}", d.isoformat(),
             f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}",
             f"{d.day}.{d.month}.{d.year % 100:02d}"]
    if lang == "fi":
        forms.append(f"{d.day}. {FI_MONTHS[d.month - 1]} {d.year}")
    elif lang == "sv":
        forms.append(f"{d.day} {SV_MONTHS[d.month - 1]} {d.year}")
    else:
        forms.append(f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}")
    return rng.choice(forms)


def make_client_number(rng: random.Random) -> str:
    n = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([5, 6, 7, 8])))
    forms = [n, n, n, f"{n[:4]} {n[4:]}", f"{n}-{rng.randint(0, 9)}", f"AS-{n}", f"{rng.randint(2019, 2025)}/{n}"]
    return rng.choice(forms)


# ------------------------------------------------------------------ slots


def _slots(rng: random.Random) -> dict[str, Slot]:
    def pick_first() -> tuple[str, str, str, str, str]:
        return rng.choice(FI_FIRST)

    def pick_last() -> tuple[str, str, str, str, str]:
        return rng.choice(FI_LAST)

    def name(fn: Callable[[], str]) -> Slot:
        return lambda: (fn(), "person_name")

    def keep(fn: Callable[[], str]) -> Slot:
        return lambda: (fn(), "keep")

    def sami_full() -> str:
        return f"{rng.choice(SAMI_FIRST)} {rng.choice(SAMI_LAST)}"

    def zw_name() -> str:
        first, last = pick_first()[0], pick_last()[0]
        return f"{first[:2]}{ZW}{first[2:]} {last[:3]}{ZW}{last[3:]}"

    def soft_name() -> str:
        first = pick_first()[0]
        return f"{first[:3]}\u00ad{first[3:]} {pick_last()[0]}"  # soft hyphen inside

    slots: dict[str, Slot] = {
        # Finnish names in cases
        "fn": name(lambda: pick_first()[0]),
        "fn_gen": name(lambda: pick_first()[1]),
        "fn_all": name(lambda: pick_first()[2]),
        "fn_par": name(lambda: pick_first()[3]),
        "fn_ade": name(lambda: pick_first()[4]),
        "ln": name(lambda: pick_last()[0]),
        "ln_gen": name(lambda: pick_last()[1]),
        "ln_all": name(lambda: pick_last()[2]),
        "full": name(lambda: f"{pick_first()[0]} {pick_last()[0]}"),
        "full_gen": name(lambda: f"{pick_first()[0]} {pick_last()[1]}"),
        "full_all": name(lambda: f"{pick_first()[0]} {pick_last()[2]}"),
        "full_par": name(lambda: f"{pick_first()[0]} {pick_last()[3]}"),
        "full_caps": name(lambda: f"{pick_first()[0]} {pick_last()[0]}".upper()),
        "ln_caps": name(lambda: pick_last()[0].upper()),
        "full_lower": name(lambda: f"{pick_first()[0]} {pick_last()[0]}".lower()),
        "lngen_fn_lower": name(lambda: f"{pick_last()[1]} {pick_first()[0]}".lower()),
        "fn_lower": name(lambda: pick_first()[0].lower()),
        "fn_all_lower": name(lambda: pick_first()[2].lower()),
        "zw_full": name(zw_name),
        "soft_full": name(soft_name),
        # names that are ordinary words
        "wfn": name(lambda: rng.choice(WORD_FIRST)[0]),
        "wfn_gen": name(lambda: rng.choice(WORD_FIRST)[1]),
        "wfn_all": name(lambda: rng.choice(WORD_FIRST)[2]),
        "wln": name(lambda: rng.choice(WORD_LAST)[0]),
        "wln_gen": name(lambda: rng.choice(WORD_LAST)[1]),
        "wln_all": name(lambda: rng.choice(WORD_LAST)[2]),
        "w_full": name(lambda: f"{rng.choice(WORD_FIRST)[0]} {rng.choice(WORD_LAST)[0]}"),
        "fn_wln": name(lambda: f"{pick_first()[0]} {rng.choice(WORD_LAST)[0]}"),
        "lc_comp_last": name(lambda: rng.choice(LOWER_COMPOUND_LAST)[0]),
        "lc_comp_last_gen": name(lambda: rng.choice(LOWER_COMPOUND_LAST)[1]),
        "lc_comp_last_all": name(lambda: rng.choice(LOWER_COMPOUND_LAST)[2]),
        "lc_comp_first": name(lambda: rng.choice(LOWER_COMPOUND_FIRST)),
        # Sámi, Ukrainian and other names
        "sami_full": name(sami_full),
        "sami_first": name(lambda: rng.choice(SAMI_FIRST)),
        "sami_mangled": name(lambda: sami_mangled(sami_full(), rng.randrange(3))),
        "ua_full": name(lambda: f"{rng.choice(UA_FIRST)[0]} {rng.choice(UA_LAST)[0]}"),
        "ua_full_gen": name(lambda: f"{rng.choice(UA_FIRST)[0]} {rng.choice(UA_LAST)[1]}"),
        "ua_last_gen": name(lambda: rng.choice(UA_LAST)[1]),
        "ua_last_all": name(lambda: rng.choice(UA_LAST)[2]),
        "ua_last_par": name(lambda: rng.choice(UA_LAST)[3]),
        "ua_last_ade": name(lambda: rng.choice(UA_LAST)[4]),
        "ua_first_all": name(lambda: rng.choice(UA_FIRST)[2]),
        "ua_first_gen": name(lambda: rng.choice(UA_FIRST)[1]),
        "ua_last_gen_lower": name(lambda: rng.choice(UA_LAST)[1].lower()),
        "ua_last_all_lower": name(lambda: rng.choice(UA_LAST)[2].lower()),
        "other_full": name(lambda: rng.choice(OTHER_FULL)[0]),
        "other_full_gen": name(lambda: rng.choice(OTHER_FULL)[1]),
        # nicknames
        "nick": name(lambda: rng.choice(NICKNAMES)[0]),
        "nick_gen": name(lambda: rng.choice(NICKNAMES)[1]),
        "nick_tra": name(lambda: rng.choice(NICKNAMES)[2]),
        "nick_lower": name(lambda: rng.choice(NICKNAMES)[0].lower()),
        "sv_nick": name(lambda: rng.choice(SV_NICKNAMES)),
        # Finland-Swedish names
        "fs_first": name(lambda: rng.choice(FS_FIRST)),
        "fs_full": name(lambda: f"{rng.choice(FS_FIRST)} {rng.choice(FS_LAST)}"),
        "fs_full_gen": name(lambda: f"{rng.choice(FS_FIRST)} {rng.choice(FS_LAST)}s"),
        "fs_last": name(lambda: rng.choice(FS_LAST)),
        # identifiers
        "hetu": lambda: (make_hetu(rng), "hetu"),
        "phone": lambda: (make_phone(rng), "phone"),
        "email": lambda: (make_email(rng), "email"),
        "sv_email": lambda: (make_email(rng, "sv"), "email"),
        "iban": lambda: (make_iban(rng), "iban"),
        "addr": lambda: (rng.choice(FI_ADDRESSES), "address"),
        "sv_addr": lambda: (rng.choice(SV_ADDRESSES), "address"),
        "bdate": lambda: (make_birth_date(rng), "birth_date"),
        "sv_bdate": lambda: (make_birth_date(rng, "sv"), "birth_date"),
        "en_bdate": lambda: (make_birth_date(rng, "en"), "birth_date"),
        "cnum": lambda: (make_client_number(rng), "client_number"),
        # must-keep
        "edate": keep(lambda: rng.choice(EVENT_DATES)),
        "wplace": keep(lambda: rng.choice(WORD_PLACES_INE)),
        "worg": keep(lambda: rng.choice(WORD_ORGS)),
        "sv_worg": keep(lambda: rng.choice(SV_WORD_ORGS)),
        "road": keep(lambda: rng.choice(ROADS)),
        "amount": keep(lambda: rng.choice(AMOUNTS_AFTER_NOUN)),
        "sv_amount": keep(lambda: rng.choice(SV_AMOUNTS)),
    }
    return slots


# ------------------------------------------------------------------ templates
# (style, lang, repetitions, template)
LONG_FORMS = [
    "SOSIAALINEN RAPORTTI\n\n[[Havaittu ilmiö]]:\nVuokranantajat vaativat yhä suurempia vakuuksia. "
    "{amount} on monelle mahdoton.\n\n[[Keitä koskee]]:\nPienituloisia yksinasuvia, esimerkiksi "
    "{full} (hetu {hetu}), joka asuu nyt tilapäisesti osoitteessa {addr}.\n\n[[Ehdotus]]:\n"
    "Takuuvuokrasitoumukset nopeammin.\n\nYhteyshenkilö: {full}, puh. {phone}",
    "Lomake: ilmoitus epäkohdasta\nIlmoittaja: {full}\nPuhelin: {phone}\nSähköposti: {email}\n\n"
    "Kuvaus:\n[[Sama]] toistuu joka viikko: asiakkaat eivät saa aikaa sosiaalityöntekijälle. "
    "Asiakas (s. {bdate}, asiakasnro {cnum}) odotti kolme viikkoa.\n\nToimenpiteet:\n"
    "[[Toinen]] ongelma on puhelinpalvelun ruuhka.",
    "HAVAITTU ILMIÖ:\nNuoret jäävät ilman mielenterveyspalveluja.\n\nKEITÄ KOSKEE:\n"
    "15–24-vuotiaita. Esimerkiksi {fn} ({bdate}) odotti [[Nuorisoasema Into]] -palveluun "
    "kaksi kuukautta.\n\nEHDOTUS:\nMatalan kynnyksen vastaanotto [[Toivon Talolle]].",
    "Taustatiedot\n- Asiakkaan nimi: {full}\n- Syntymäaika: {bdate}\n- Henkilötunnus: {hetu}\n"
    "- Asiakasnumero: {cnum}\n- Osoite: {addr}\n- Tilinumero: {iban}\n\nHavainto\n"
    "Toimeentulotuen päätös viivästyi, ja [[vuokra]] jäi maksamatta.",
    "1. Havaittu ilmiö\n{wfn} ei saanut tukiasuntoa, koska jonossa oli yli sata hakijaa. "
    "[[Asumisyksikkö Valo]] on täynnä.\n2. Keitä koskee\nAsunnottomia nuoria aikuisia "
    "{wplace} ja keskustassa.\n3. Ehdotus\nLisää tukiasuntoja.\nLaatija: {full_caps}",
    "Ilmiön kuvaus: Kotihoidon käynnit lyhenevät.\nEsimerkki: {full} (synt. {bdate}) asuu yksin, "
    "ja hänen tyttärensä {fn} soittaa meille numerosta {phone}.\nVaikutukset: yksinäisyys.\n"
    "Ehdotus: [[Hoivakoti Rauha]] -tyyppinen päivätoiminta.",
    "Potilasnumero {cnum}\nNimi: {ln_caps}, {fn}\nKela-viite: {cnum}\n\nKuvaus: asiakas kotiutettiin "
    "[[Sairaala Novasta]] yöllä ilman saattajaa. [[Valtatie 4]] oli liukas ja taksia ei saatu.",
    "SOCIAL RAPPORT\n\n[[Observerat fenomen]]:\nÄldre klienter klarar inte digitala tjänster.\n\n"
    "Vem berörs:\nTill exempel {fs_full} (född {sv_bdate}), klientnummer {cnum}, som bor på "
    "{sv_addr}.\n\nFörslag:\nPersonlig service vid [[FPA]].\nKontakt: {fs_full}, tfn {phone}",
]
DICTATION = [
    "asiakas {full_lower} tuli käymään eilen se kertoi että vuokra on rästissä kolme kuukautta "
    "puhelin {phone} sähköposti {email} pitää soittaa perään",
    "sanelu alkaa {fn_lower} {lc_comp_last} syntynyt {bdate} asuu osoitteessa {addr} "
    "hetu {hetu} toimeentulotuki hylätty sanelu päättyy",
    "kotikäynti tehty {lc_comp_last_gen} perheessä äiti kertoi että isä on muuttanut pois "
    "lapset ovat {wplace} koulussa asiakasnumero {cnum}",
    "soitin {lc_comp_last_all} ja {fn_all_lower} kumpikaan ei vastannut jätin viestin numeroon {phone}",
    "nuori {nick_lower} niminen poika nukkuu porraskäytävissä kaverit kutsuu sitä {nick_tra} "
    "sen äiti on {ua_last_gen_lower} perheestä",
    "perhe {ua_last_gen_lower} muutti ukrainasta viime vuonna ja {ua_last_all_lower} ei ole "
    "myönnetty kotikuntaa tili {iban}",
    "{lc_comp_first} {lc_comp_last} kävi toimistolla ja kysyi kelan viitenumeroa kela viite {cnum} "
    "hän on syntynyt {bdate}",
    "muistiin ettei unohdu [[sama]] ongelma kuin viime viikolla ei aikoja lääkärille [[toinen]] "
    "asia on kuljetuspalvelu joka ei toimi {wplace}",
]
SPOKEN = [
    "Mä soitin sille {fn_all} ja se sano et sen äiti ei oo saanu {org_kela} mitään. "
    "Sen numero on {phone} jos haluut soittaa.",
    "No {nick} tuli taas tänne ja sano et {nick_gen} kaveri on heittäny sen pihalle. "
    "Sil ei oo ees puhelinta, mut sähköposti on {email}.",
    "{wfn} sai vihdoin sen asunnon! Se asuu nyt {addr}, ja se on tosi tyytyväinen.",
    "{wfn} oli ihan pettyny ku Kela hylkäs sen hakemuksen. Sen hetu on {hetu}.",
    "{wfn} kertoi et sen isä juo taas. Mä tein lasun, {wfn} on vaan kymmenen.",
    "{wln} soitti mulle eilen illalla ja kysy et saako se ruokakassin. Sano et sen tili on {iban}.",
    "Mä kävin {fn_gen} kaa {worg}, ja siel oli ihan täyttä. [[Sama]] juttu joka viikko.",
    "Se {ua_last_gen} perhe asuu nyt {addr}, mut niil ei oo ees sänkyjä. {ua_first_all} "
    "soitettiin numeroon {phone}.",
    "Ootsä nähny <<person_name|Jonttua>>? Se on kuulemma {wplace} kaverilla, ja sen numero on vaihtunu, "
    "uus on {phone}.",
    "[[Tuuli]] kaatoi puita yöllä, ja kotihoito ei päässy perille. {wfn} jäi ilman iltalääkkeitä.",
]
FS_DIALECT = [
    "Ja va ti FPA me {fs_first} i går, å ho sa att ho int ha fått na pengar på tre veckor. "
    "Hennes nummer ä {phone}.",
    "[[Min granne]] ha samma problem, sa {fs_full}. Ho bor på {sv_addr} å ha int råd me hyran.",
    "{fs_first} ringd å sa att {fs_full_gen} pojk int ha vari i skolan sen {edate}. "
    "Han ä född {sv_bdate}.",
    "He va {sv_nick} som kom hit igen, han sku ha hjälp me ansökan. Han heter egentligen {fs_full}, "
    "personbeteckning {hetu}.",
    "Vi ha märkt att [[man]] int får nå tid ti läkarn. {fs_full} väntade i sex veckor. "
    "E-post: {sv_email}",
    "Ho {fs_first} ha kontonummer {iban} men FPA betala ti fel konto. [[Hans mamma]] hjälper ti.",
    "Klientnummer {cnum}. {fs_full} (f. {sv_bdate}) bor ensam i [[Närpes]] å ha int nå "
    "släktingar. {sv_amount} ä för mycket för ho.",
    "Di ha stängt [[Café Solveig]] å nu ha di gamla ingenstans ti gå. {fs_first} {fs_last} "
    "sa att [[Dagcenter Ljus]] ä full.",
    "[[Min]] kollega {fs_full} ringde från {phone}. Ho sa att {sv_nick} ha flytta ti {sv_addr}.",
    "Hyran ha stigi å {fs_full} ha int råd. [[Bo]] ensam ä dyrt, sa ho. Kundnummer {cnum}.",
]
FORWARDED = [
    "---------- Välitetty viesti ---------\nLähettäjä: {full} <{email_plain}>\nPäivämäärä: ti "
    "{edate} klo 14.12\nAihe: Re: asumistuki\n\nHei,\nasiakkaamme {full} (s. {bdate}) ei ole "
    "saanut päätöstä. Hänen puhelinnumeronsa on {phone}.\n\nTerveisin\n{full}\nsosiaaliohjaaja\n"
    "puh. {phone}",
    "-----Alkuperäinen viesti-----\nLähettäjä: {ua_full} [mailto:{email_plain}]\nLähetetty: "
    "{edate}\nVastaanottaja: sosiaalipäivystys\nAihe: apua\n\nHyvä vastaanottaja, minun "
    "poikani {ua_first_gen} koulu on [[Toivon Talolla]]. Tilini on {iban}.\n\nYstävällisin "
    "terveisin {ua_full}\n{addr}",
    "Från: {fs_full} <{email_plain}>\nSkickat: den {edate}\nTill: socialbyrån\nÄmne: VB: "
    "utkomststöd\n\nHej! Jag skickar vidare meddelandet från {fs_full_gen} dotter. Hon nås på "
    "{phone} eller {sv_email}.\n\nMed vänlig hälsning\n{fs_full}",
    "From: {other_full} <{email_plain}>\nSent: {edate}\nTo: social services\nSubject: FW: "
    "housing\n\nDear sir, my husband {other_full} (born {en_bdate}) lost his job. Our address "
    "is {addr} and my phone is {phone}. Client number {cnum}.",
    "Välitän alla olevan viestin.\n\n> Lähettäjä: {other_full} <{email}>\n> Hei, olen {other_full_gen} "
    "sisko. Hänen asiakasnumeronsa on {cnum}, ja hän asuu {addr}.\n> Puh {phone}",
    "Fw: Fwd: kotikäynti\n\n{full_caps} <{email_plain}> kirjoitti {edate}:\n> Kotikäynti "
    "{fn_all} onnistui. Potilasnumero {cnum}. [[Ruotsalainen]] numero {phone} ei enää toimi.",
]
ATTACKER = [
    "Asiakas {zw_full}, hetu {hetu}, puh. {phone}. Tili {iban}.",
    "Henkilötunnus {hetu}; varalla toinen kirjoitusasu {hetu}.",
    "Yhteystiedot: {email} / {email} / {phone}",
    "Asiakkaan {soft_full} tili on {iban} ja osoite {addr}.",
    "Nimi: {sami_mangled}. Syntymäaika: {bdate}. Puhelin: {phone}.",
    "Tunnus {hetu_fullwidth} on kirjoitettu leveillä merkeillä, {hetu} tavallisilla.",
    "Soita {phone_fullwidth}, kysy {fn_par}.",
    "Asiakas \u202e{full}\u202c kertoi, että vuokranantaja uhkaa häädöllä.",
]
NAME_KINDS = [
    "{wfn} sai asunnon viime viikolla, mutta muutto viivästyi.",
    "{wfn} oli pettynyt, kun päätös tuli. [[Sama]] toistuu monessa perheessä.",
    "{wfn} kertoi, että hänen kaverinsa {wfn} asuu [[Onnelassa]].",
    "{wln} soitti eilen ja kysyi, milloin päätös tulee.",
    "Soitin {wfn_all} kahdesti, mutta hän ei vastannut.",
    "Tapasin {wln_gen} perheen kotona. {wfn} on perheen nuorin.",
    "Asiakas {full_caps} kävi toimistolla ja asioi myös [[Kelan]] kanssa.",
    "{full_caps} ja {full_caps} ovat sisaruksia.",
    "Paikalla olivat {sami_full} ja {sami_full} [[Utsjoelta]].",
    "{sami_first} kertoi, että poro-osuuskunnan tuki loppui. Hänen puolisonsa on {sami_full}.",
    "Nimi oli järjestelmässä muodossa {sami_mangled}, joten kirje ei mennyt perille.",
    "{ua_last_gen} perhe muutti [[Kuopioon]] kesällä. {ua_last_all} on myönnetty tilapäinen suojelu.",
    "Lapsen isä {ua_full} ei puhu suomea. Tulkin mukaan {ua_last_ade} on kaksi lasta.",
    "Tapasimme {ua_last_par} ja {ua_first_gen} kanssa [[Toivon Talolla]].",
    "Asiakas {zw_full} ei ole saanut toimeentulotukea.",
    "{fn} \"{nick}\" {ln} on jäänyt ilman asuntoa, kaverit kutsuvat häntä {nick_tra}.",
    "{nick} ja {nick} nukkuvat [[Nuorisoasema Into]] -pisteen lähellä.",
    "kävin {lngen_fn_lower} kanssa kelassa, {lc_comp_last} ei saanut tukea",
    "{other_full} kertoi, että {other_full_gen} lapset eivät pääse kouluun.",
    "Nuori {fn_wln} asuu {wplace} isänsä {w_full} kanssa.",
    "[[Toinen]] ongelma on, että {full_gen} hakemus katosi. [[Kuusi]] perhettä odottaa samaa päätöstä.",
    "Hänen äitinsä {fn} {ln} kertoi, että {lc_comp_first} on hänen tyttärensä.",
    "{ln_gen} mukaan asia on vireillä, ja {fn_ade} on uusi työpaikka.",
]
KEEP_TRAPS = [
    "[[Sama]] toistuu joka kuussa: toimeentulotuki ei riitä vuokraan. {amount} on liikaa.",
    "[[Toinen]] ongelma on bussiyhteydet. [[Valtatie 4]] on ainoa reitti keskustaan.",
    "[[Ruotsalainen]] numero ei toimi, joten asiakkaat eivät saa yhteyttä [[Kelaan]].",
    "[[Sairaala Nova]] ja [[Nuorisoasema Into]] ovat ruuhkautuneet.",
    "Perheet käyvät [[Toivon Talolla]] ja [[Kahvila Tuulessa]] syömässä.",
    "{worg} ja {worg} tarjoavat apua, mutta aukioloajat ovat lyhyet.",
    "[[Tuuli]] oli kova ja [[lumi]] esti kotihoidon käynnit {edate}.",
    "[[Talvi]] oli pitkä, ja [[kuusi]] perhettä jäi ilman lämmitystä {wplace}.",
    "Asiakkaat asuvat {wplace} ja {wplace}, joissa ei ole palveluja.",
    "[[Kantatie 77]] ja {road} ovat talvella vaarallisia.",
    "{amount}. {amount}. Asiakkaan talous ei kestä.",
    "Kokous pidettiin {edate}, ja seuraava on {edate}.",
    "[[Onnea]] ja [[toivoa]] tarvitaan, mutta ennen kaikkea rahaa.",
    "[[Armas]] aika kuluu, kun päätöksiä odotetaan.",
    "[[Usein]] asiakkaat eivät tiedä, mistä apua saa. {worg} auttaa.",
    "[[Lumi]] oli sulanut jo, kun korjaukset alkoivat.",
    "[[Rauha]] palasi taloon, kun häiriköivä naapuri muutti pois.",
    "Asiakkaat ohjattiin {worg} -palveluun ja sieltä [[Päihdepalvelu Toivoon]].",
    "[[Min granne]] har samma problem, säger många äldre i [[Vasa]].",
    "[[Man]] väntar i veckor på ett beslut. {sv_amount} räcker inte.",
    "[[Hans mamma]] och [[hennes pappa]] är båda sjuka, säger kuratorn.",
    "[[Bo]] ensam är dyrt: {sv_amount}.",
    "{sv_worg} och {sv_worg} har öppet bara på [[måndagar]].",
    "[[Per]] månad får familjen 400 euro mindre än i fjol.",
    "[[Riksväg 8]] är stängd, så hemvården kommer sent.",
    "[[HAVAITTU ILMIÖ]]: [[Keitä koskee]]: pienituloiset eläkeläiset {wplace}.",
    "Kysely tehtiin ajalla [[1.1.–31.3.2025]]; vastaajia oli 57 ja [[klo 9.30]] alkava ryhmä täyttyi.",
    "[[Lomake SV 12]] ja [[pykälä 49]] liittyvät asiaan, eivät henkilöön.",
]


TEMPLATES: list[tuple[str, str, int, str]] = (
    [("long_form", "fi", 9, t) for t in LONG_FORMS[:-1]]
    + [("long_form", "sv", 9, LONG_FORMS[-1])]
    + [("dictation", "fi", 8, t) for t in DICTATION]
    + [("spoken", "fi", 6, t) for t in SPOKEN]
    + [("fs_dialect", "sv", 8, t) for t in FS_DIALECT]
    + [("forwarded_mail", "fi", 7, t) for t in FORWARDED[:2]]
    + [("forwarded_mail", "sv", 7, FORWARDED[2])]
    + [("forwarded_mail", "en", 7, FORWARDED[3])]
    + [("forwarded_mail", "fi", 7, t) for t in FORWARDED[4:]]
    + [("attacker", "fi", 6, t) for t in ATTACKER]
    + [("name_kinds", "fi", 5, t) for t in NAME_KINDS]
    + [("keep_traps", "fi", 3, t) for t in KEEP_TRAPS[:18]]
    + [("keep_traps", "sv", 3, t) for t in KEEP_TRAPS[18:25]]
    + [("keep_traps", "fi", 3, t) for t in KEEP_TRAPS[25:]]
)

_TOKEN_RE = re.compile(r"\{(\w+)\}|\[\[(.+?)\]\]|<<(\w+)\|(.+?)>>")
_FULLWIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")


def render(template: str, slots: dict[str, Slot]) -> tuple[str, list[GoldSpan], list[str]]:
    out: list[str] = []
    spans: list[GoldSpan] = []
    keep: list[str] = []
    length = 0
    pos = 0
    for m in _TOKEN_RE.finditer(template):
        literal = template[pos:m.start()]
        out.append(literal)
        length += len(literal)
        kind: str | None
        if m.group(2) is not None:
            value, kind = m.group(2), "keep"
        elif m.group(3) is not None:
            value, kind = m.group(4), m.group(3)
        else:
            value, kind = slots[m.group(1)]()
        out.append(value)
        if kind == "keep":
            keep.append(value)
        elif kind is not None:
            spans.append({"start": length, "end": length + len(value), "type": kind})
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans, keep


def build(seed: int = SEED) -> list[CorpusRecord]:
    rng = random.Random(seed)
    slots = _slots(rng)
    slots["email_plain"] = lambda: (f"{rng.choice(_LOCALS)}@{'.'.join(rng.choice(_DOMAINS))}", "email")
    slots["org_kela"] = lambda: ("Kelalta", "keep")
    # full-width digits (an attacker's trick; NFKC makes them ASCII)
    slots["phone_fullwidth"] = lambda: (make_phone(rng).translate(_FULLWIDTH), "phone")
    slots["hetu_fullwidth"] = lambda: (make_hetu(rng).translate(_FULLWIDTH), "hetu")
    records: list[CorpusRecord] = []
    n = 0
    for style, lang, reps, template in TEMPLATES:
        for _ in range(reps):
            text, spans, keep = render(template, slots)
            n += 1
            records.append(corpus_record(f"sty-{n:04d}", lang, style, text, spans, set(keep)))
    return records


def main() -> int:
    return write_corpus(build(), OUT)


if __name__ == "__main__":
    raise SystemExit(main())
