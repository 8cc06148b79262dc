"""Second labelled phenomenon corpus, in writing styles the first one lacks (corpus_styles.jsonl).

What: about 420 synthetic reports (280 Finnish, 140 Finland-Swedish), each labelled with a
primary phenomenon (``phenomena[0]``), at most one secondary phenomenon and one or two
target groups; every record has ``split = "test"``. Styles: ``long_form`` (a form with
headings), ``dictation`` (speech-to-text without punctuation), ``spoken`` (puhekieli /
colloquial Swedish), ``dialect`` (Savo, Ostrobothnian and Turku flavour / Ostrobothnian and
Åboland Swedish), ``forwarded_mail`` (headers, quoted body, signature, disclaimer) and
``mixed`` (two phenomena intertwined, some of them near-misses with a strong secondary).

Why: the shipped corpus (``ilmio/text/data/corpus.jsonl``) is written in formal, narrative,
hurried, bullet and resident styles, so its held-out split says little about texts that
arrive in other shapes. This corpus is an honest second measurement: its sentences,
vocabulary and templates are written here by hand and share nothing with ``phrases_fi``,
``phrases_sv``, ``reports`` or ``corpus.jsonl``. It is for evaluation only, never training.

How: per language and phenomenon, hand-written sentence banks (``obs`` observations,
``detail`` concrete facts, ``voice`` client accounts in reported speech, ``prop`` proposals,
``spoken`` and ``dialect`` sentences) are combined by one wrapper per style. A ``tags|``
prefix names the target groups a sentence implies (or, for Finnish dialect, its region); a
sentence is used only when its groups are among the record's groups, so the labels stay true
to the text. No names, phone numbers, e-mail addresses or street addresses appear anywhere.

Run: ``python -m ilmio_demo.corpora.phenomena_styles`` (seeded: the output is reproducible).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypedDict

from ilmio.text.taxonomy_codes import PHENOMENA, TARGET_GROUPS
from ilmio_demo.corpora.corpus_files import write_corpus

OUT = Path(__file__).resolve().parents[2] / "ilmio" / "text" / "data" / "corpus_styles.jsonl"
SEED = 20251204

STYLES: tuple[str, ...] = ("long_form", "dictation", "spoken", "dialect", "forwarded_mail", "mixed")
TOTALS: dict[str, int] = {"fi": 280, "sv": 140}
MIN_PRIMARY: dict[str, int] = {"fi": 24, "sv": 12}
MIN_WORDS, MAX_WORDS = 25, 250

Bank = dict[str, list[str]]  # bank name -> sentences (optionally "tags|sentence")
Draft = tuple[str, list[str], list[str]]  # text, phenomena, target groups


class Record(TypedDict):
    id: str
    lang: str
    style: str
    split: str
    text: str
    phenomena: list[str]
    target_groups: list[str]


# ------------------------------------------------------------------ labels shared by languages

# Which target groups a phenomenon's reports plausibly concern (weights, not rules).
GROUP_WEIGHTS: dict[str, list[tuple[str, int]]] = {
    "asuminen": [("tyoikaiset", 5), ("lapset_nuoret", 3), ("lapsiperheet", 3), ("ikaantyneet", 2), ("maahanmuuttajat", 2), ("vammaiset", 1)],
    "mielenterveys": [("lapset_nuoret", 4), ("tyoikaiset", 4), ("ikaantyneet", 2), ("lapsiperheet", 2)],
    "paihteet": [("tyoikaiset", 5), ("lapset_nuoret", 3), ("lapsiperheet", 2), ("ikaantyneet", 1)],
    "toimeentulo": [("tyoikaiset", 4), ("lapsiperheet", 3), ("ikaantyneet", 3), ("maahanmuuttajat", 2), ("lapset_nuoret", 1)],
    "palvelujarjestelma": [("koko_vaesto", 3), ("vammaiset", 3), ("ikaantyneet", 3), ("lapsiperheet", 2), ("tyoikaiset", 2)],
    "osallisuus": [("ikaantyneet", 4), ("lapset_nuoret", 3), ("maahanmuuttajat", 2), ("vammaiset", 2), ("koko_vaesto", 1)],
    "yhdenvertaisuus": [("vammaiset", 4), ("maahanmuuttajat", 4), ("ikaantyneet", 2), ("lapset_nuoret", 1)],
    "tyo_koulutus": [("lapset_nuoret", 4), ("tyoikaiset", 4), ("maahanmuuttajat", 3), ("vammaiset", 2)],
    "vakivalta": [("lapsiperheet", 4), ("tyoikaiset", 3), ("lapset_nuoret", 2), ("ikaantyneet", 2), ("maahanmuuttajat", 2)],
    "digitalisaatio": [("ikaantyneet", 5), ("maahanmuuttajat", 3), ("vammaiset", 2), ("koko_vaesto", 2), ("tyoikaiset", 1)],
}  # fmt: skip

# Secondary phenomena that really co-occur with a primary one (used by the non-mixed styles).
RELATED: dict[str, list[str]] = {
    "asuminen": ["toimeentulo", "paihteet", "mielenterveys"],
    "mielenterveys": ["osallisuus", "palvelujarjestelma", "tyo_koulutus"],
    "paihteet": ["mielenterveys", "toimeentulo", "asuminen"],
    "toimeentulo": ["asuminen", "tyo_koulutus"],
    "palvelujarjestelma": ["digitalisaatio", "mielenterveys"],
    "osallisuus": ["mielenterveys", "digitalisaatio"],
    "yhdenvertaisuus": ["palvelujarjestelma", "tyo_koulutus"],
    "tyo_koulutus": ["toimeentulo", "mielenterveys"],
    "vakivalta": ["paihteet", "asuminen"],
    "digitalisaatio": ["palvelujarjestelma", "yhdenvertaisuus"],
}
SECONDARY_RATE = 0.25

FI_REGIONS: tuple[str, ...] = ("savo", "pohj", "turku")
SV_REGION = "fs"  # Swedish dialect sentences are not split by region
TAGS: frozenset[str] = frozenset(TARGET_GROUPS) | frozenset(FI_REGIONS) | {SV_REGION}


# ------------------------------------------------------------------ Finnish sentence banks

FI_BANKS: dict[str, Bank] = {
    "asuminen": {
        "obs": [
            "Vuokrarästit ovat kasvaneet niin suuriksi, että vuokranantaja on käynnistänyt häätöprosessin jo useamman asiakkaan kohdalla.",
            "Asunnottomaksi jääneitä on ohjattu hätämajoitukseen, mutta pysyvää asuntoa ei ole löytynyt kuukausienkaan jälkeen.",
            "Tuetun asumisen paikkoja on liian vähän, ja jonossa odotetaan usein yli puoli vuotta.",
            "Häätöuhka tulee sosiaalityön tietoon yleensä vasta, kun häätöpäivä on jo sovittu.",
            "Osa asiakkaista asuu sukulaisten ja tuttavien nurkissa, eikä heitä lasketa asunnottomiksi missään tilastossa.",
            "Vuokrat ovat nousseet alueella selvästi, ja yleinen asumistuki kattaa niistä entistä pienemmän osan.",
            "lapsiperheet|Perheitä asuu ahtaasti pienissä asunnoissa, koska isompaa kohtuuhintaista asuntoa ei ole tarjolla.",
            "ikaantyneet|Iäkkäiden kotona asumista vaikeuttavat vanhat kerrostalot, joissa ei ole hissiä.",
        ],
        "detail": [
            "Kaupungin vuokrataloyhtiön hakemuksia on jonossa satoja, ja kiireellisiksi luokiteltuja tapauksia on enemmän kuin vapautuvia asuntoja.",
            "Maksuhäiriömerkintä estää käytännössä yksityisen vuokra-asunnon saamisen.",
            "Häädön jälkeen tavarat ovat päätyneet varastoon, josta niitä ei ole ollut varaa lunastaa takaisin.",
            "Asumisneuvojalle on kuukauden jono, vaikka neuvonta auttaisi juuri alkuvaiheessa.",
            "Vuokravakuuteen tarvittava summa on monelle ylivoimainen.",
            "vammaiset|Esteettömiä asuntoja, joihin pääsee pyörätuolilla, on vuokramarkkinoilla tuskin lainkaan.",
        ],
        "voice": [
            "Asiakas kertoi pelkäävänsä joka kerta, kun postiluukusta tulee kirje vuokranantajalta.",
            "Eräs asiakas kuvasi nukkuneensa viikkoja autossa ennen kuin uskalsi pyytää apua.",
            "Asiakkaan mukaan hän on lähettänyt kymmeniä asuntohakemuksia saamatta yhtään vastausta.",
            "Asiakas sanoi, ettei tiennyt voivansa neuvotella vuokranantajan kanssa maksusuunnitelmasta.",
        ],
        "prop": [
            "Ehdotamme, että vuokranantajat ilmoittaisivat rästeistä sosiaalityölle jo kahden maksamattoman kuukauden jälkeen.",
            "Asumisneuvontaa pitäisi lisätä, jotta häätöihin päästäisiin puuttumaan ajoissa.",
            "Tuetun asumisen paikkoja tarvitaan lisää, ja jonolle tarvitaan selkeä vastuutaho.",
            "Hätämajoituksesta pitäisi olla suora polku pysyvään asuntoon.",
        ],
        "spoken": [
            "Ne vuokrat on nyt niin kovat et ei tuu mitenkään toimeen, ja rästiä alkaa kertyy heti.",
            "Mä en tiiä yhtään mihin mä meen jos se häätö tulee, ei oo mitään paikkaa.",
            "Moni asuu niinku kaverin sohvalla ja kiertää paikasta toiseen, ei oo omaa kämppää.",
            "Se tuetun asumisen jono on ihan älytön, puol vuotta vähintään.",
            "Vuokranantaja ei suostu ees juttelee maksusuunnitelmasta, suoraan vaan häätöä.",
            "Kämppiä ois kyl, mut ei kukaan vuokraa jos on luottotiedot menny.",
        ],
        "dialect": [
            "savo|Mie sanon suoraan, jotta ne vuokrat on nousseet niin, ettei tässä pärjee millään.",
            "savo|Jos se häätö tulloo, niin mie en tiijä minne mie mänen.",
            "pohj|Kyllä se niin o, ette vuokra vie melkein koko tilin, eikä mitään jää.",
            "pohj|Ne asuu missä sattuu, kaverilla ja sukulaisilla, ku omaa kämppää ei oo.",
            "turku|Vuokranantajalt tul taas kirje, ja kyl mnää pelkä avata sitä.",
            "turku|Mnää olin autos nukkumas monta viikkoo ennenku uskalsin kysyy apuu.",
        ],
    },
    "mielenterveys": {
        "obs": [
            "Pääsy psykiatriseen avohoitoon kestää kuukausia, ja sillä välin tilanne ehtii monella pahentua.",
            "Terapiaan ohjaaminen on käytännössä pysähtynyt, koska kuntoutuspsykoterapeutteja ei löydy läheltä.",
            "Masennusoireista kärsivät asiakkaat jäävät usein pois sovituilta tapaamisilta, ja asiakkuus katkeaa.",
            "Ahdistus ja univaikeudet ovat nousseet esiin lähes jokaisessa alkuarvioinnissa tänä syksynä.",
            "Psykiatrisen osastojakson jälkeen jatkohoito ei aina käynnisty, ja asiakas palaa kotiin ilman sovittua aikaa.",
            "lapset_nuoret|Nuorten mielenterveyspalveluihin jonotetaan kuukausia, ja koulukuraattori jää ainoaksi tukijaksi.",
            "ikaantyneet|Iäkkäiden masennus jää usein tunnistamatta, koska oireet tulkitaan osaksi vanhenemista.",
        ],
        "detail": [
            "Lähetteen tekemisestä ensimmäiseen hoitokäyntiin on kulunut jopa neljä kuukautta.",
            "Itsetuhoisista ajatuksista kertovien asiakkaiden määrä on kasvanut.",
            "Psykoterapian omavastuuosuus on monelle liian suuri, joten terapia jää aloittamatta.",
            "Kriisiaikoja on tarjolla vain arkipäivisin virka-aikaan.",
            "Mielenterveyskuntoutujien päivätoimintaa on karsittu, ja moni jää kotiin yksin oireidensa kanssa.",
            "lapsiperheet|Vanhemman uupumus näkyy perheissä, joissa ei ole ketään, jolle lapset voisi jättää hetkeksi.",
        ],
        "voice": [
            "Asiakas kertoi odottaneensa terapiaa niin kauan, että on jo luopunut toivosta.",
            "Eräs asiakas sanoi, ettei jaksa nousta sängystä kuin päivän tärkeimpiin menoihin.",
            "Asiakkaan mukaan hänelle oli sanottu, että oireet eivät ole tarpeeksi vakavia hoitoon.",
            "Asiakas kuvasi ahdistuksen pahenevan iltaisin, kun kukaan ei vastaa puhelimeen.",
        ],
        "prop": [
            "Matalan kynnyksen mielenterveyspalveluja pitäisi tuoda sosiaalityön vastaanoton yhteyteen.",
            "Ehdotamme, että terapiaan ohjaukselle nimetään vastuuhenkilö, joka seuraa jonossa olevien vointia.",
            "Osastojakson päättyessä jatkohoitoaika pitäisi sopia aina ennen kotiutusta.",
            "Terapiatakuun mukaisia lyhytterapioita tulisi lisätä perustasolla.",
        ],
        "spoken": [
            "Se terapiajono on niinku ihan järjetön, kuukausia vaan odotellaan.",
            "Mä oon ollu niin maassa et en oo jaksanu käydä ees kaupassa.",
            "Ne sano et mun oireet ei oo tarpeeks pahoja, et ei pääse psykiatrille.",
            "Tosi moni on ihan uupunu ja ahdistunu, ja sit ei oo ketään kenelle soittaa.",
            "Osastolta pääsi kotiin mut ei mitään jatkoaikaa, ihan tyhjän päälle.",
            "Yöt menee valvoessa ku pää ei vaan hiljene.",
        ],
        "dialect": [
            "savo|Mie oon ootellu sitä terapiaa jo puoli vuotta, eikä sieltä kuulu mittään.",
            "savo|Kyllähän se mieli on ollu matalalla, ei sitä jaksa ees ulos lähtee.",
            "pohj|Kyllä se niin o, ette ku pää ei kestä, niin ei sitä apua saa millään.",
            "pohj|Mää oon ollu niin väsyny, ette jottai pitäis tehdä, mutta kuka sen tekee.",
            "turku|Mnää oon jonos ollu ja odottanu, mut ei sielt mitää aikaa tul.",
            "turku|Kyl siin menee pää sekasin ku yöl ei saa nukuttu.",
        ],
    },
    "paihteet": {
        "obs": [
            "Alkoholin riskikäyttö on lisääntynyt asiakkailla, joiden arjessa ei ole työtä eikä muuta säännöllistä rytmiä.",
            "Päihdekuntoutukseen pääsy edellyttää maksusitoumusta, jonka käsittely venyy viikkoihin.",
            "Katkaisuhoitopaikkoja on alueella vain muutama, ja ne ovat lähes aina täynnä.",
            "lapset_nuoret|Huumeiden käyttö näkyy aiempaa nuoremmilla, ja aineina ovat yhä useammin lääkkeet ja muuntohuumeet.",
            "Korvaushoitoon jonottaminen pitkittyy, ja odotusaikana aineet hankitaan kadulta.",
            "Rahapelaaminen on kehittynyt osalle asiakkaista riippuvuudeksi, josta he eivät ole kertoneet kenellekään.",
            "lapsiperheet|Vanhempien päihteiden käyttö tulee ilmi usein vasta lastensuojeluilmoituksen kautta.",
        ],
        "detail": [
            "Katkolle on odotettu jopa kaksi viikkoa, vaikka motivaatio hoitoon on korkeimmillaan juuri yhteydenottohetkellä.",
            "A-klinikan ajanvaraus on siirtynyt puhelinpalveluun, johon on vaikea saada yhteyttä.",
            "Laitoskuntoutuksen jälkeen ei ole järjestetty avohoitoa, ja retkahdus tulee usein ensimmäisten viikkojen aikana.",
            "Terveysneuvontapisteen aukioloaikoja on supistettu.",
            "lapset_nuoret|Nuoret kertovat kannabiksen olevan arkipäiväistä ja helposti saatavilla.",
            "ikaantyneet|Iäkkäiden alkoholinkäyttö yhdessä rauhoittavien lääkkeiden kanssa huolestuttaa kotihoidon työntekijöitä.",
        ],
        "voice": [
            "Asiakas kertoi, että hoitoon hakeutuminen tuntuu turhalta, kun paikkaa ei kuitenkaan saa.",
            "Asiakkaan mukaan juominen alkoi, kun päivissä ei ollut enää mitään sisältöä.",
            "Eräs asiakas sanoi, että kadulta saa aineita nopeammin kuin ajan päihdepalveluihin.",
            "Asiakas kuvasi pelanneensa öisin puhelimella, kunnes kaikki rahat olivat menneet.",
        ],
        "prop": [
            "Katkaisuhoitoon pitäisi päästä samana päivänä, kun asiakas itse hakee apua.",
            "Ehdotamme, että maksusitoumusten käsittelylle asetetaan enimmäisaika.",
            "Laitoskuntoutuksen jälkeen tarvitaan automaattisesti käynnistyvä avohoidon jatkumo.",
            "Päihdetyön jalkautuvaa työtä tulisi lisätä niihin paikkoihin, joissa käyttäjät liikkuvat.",
        ],
        "spoken": [
            "Siel katkolle ei pääse ku pari viikkoo jonottaa, ja siinä ajassa ehtii tapahtuu vaikka mitä.",
            "Mä juon lähinnä sen takii et ei oo mitään muuta tekemistä.",
            "lapset_nuoret|Nuoret polttaa pilveä ihan avoimesti, ei ne pidä sitä minään.",
            "Se maksusitoumus kesti niin kauan et se hoitomotivaatio ehti mennä.",
            "Pelaaminen lähti ihan käsistä, öisin vaan pelasin kännykällä.",
            "Kuntoutuksesta pääsin pois ja heti retkahdin ku ei ollu mitään jatkoa.",
        ],
        "dialect": [
            "savo|Mie kävin kysymässä sitä katkoo, mut sanottiin jotta ootappa viikko tai kaks.",
            "savo|Kyllähän se viina ottaa ku ei oo mittään muuta tekemistä, sitä vuan juopi.",
            "pohj|Kyllä se niin o, ette ku kuntoutuksesta pääsee, ni ei oo mitään mihin tarttua.",
            "pohj,lapset_nuoret|Poijat ne polttaa jottai pilveä jo yläasteella, eikä kukaan sano mitään.",
            "turku|Kyl se viina o mennu ihan liika, mnää tiärän sen ite.",
            "turku|Sielt A-klinikalt ei saa aikaa, puhelimes vaa jonotetaa.",
        ],
    },
    "toimeentulo": {
        "obs": [
            "Perustoimeentulotuen käsittelyajat ovat venyneet, ja asiakkaat jäävät ilman rahaa kuun loppupuolella.",
            "Ulosotto vie osan pienistäkin tuloista, ja jäljelle jäävä summa ei riitä vuokraan ja ruokaan.",
            "Pikavipit ja osamaksut ovat kasautuneet niin, ettei asiakas itsekään tiedä velkojensa kokonaismäärää.",
            "Ruoka-avun jonot ovat pidentyneet, ja niissä näkee yhä useammin myös työssäkäyviä.",
            "Lääkkeiden ja sähkölaskujen maksaminen on siirtynyt monella seuraavaan kuukauteen, ja kierre jatkuu.",
            "Talous- ja velkaneuvontaan on useiden kuukausien jono, joten velkajärjestelyyn pääseminen viivästyy.",
            "ikaantyneet|Pientä takuueläkettä saavat iäkkäät jättävät lääkkeitä hakematta, jotta rahat riittäisivät ruokaan.",
            "lapsiperheet|Lapsiperheissä rahaa ei riitä harrastuksiin, ja lapset jäävät pois retkiltä ja kerhoista.",
        ],
        "detail": [
            "Kelan päätöksessä oli huomioitu tulo, joka ei ollut vielä edes tullut tilille.",
            "Sähköyhtiö on uhannut katkaista sähköt maksamattomien laskujen vuoksi.",
            "Täydentävää toimeentulotukea haetaan yhä useammin välttämättömiin menoihin, kuten silmälaseihin.",
            "Maksuhäiriömerkintä on monella ollut jo vuosia, eikä siitä pääse eroon ilman velkajärjestelyä.",
            "Työmarkkinatuen leikkaukset näkyvät suoraan asiakkaiden käteen jäävässä summassa.",
            "maahanmuuttajat|Osa asiakkaista lähettää rahaa sukulaisille kotimaahan, mikä kiristää omaa taloutta entisestään.",
        ],
        "voice": [
            "Asiakas kertoi syövänsä kuun viimeisellä viikolla lähinnä puuroa.",
            "Asiakkaan mukaan hän ei enää avaa laskuja, koska ei jaksa katsoa summia.",
            "Eräs asiakas sanoi ottaneensa uuden vipin maksaakseen vanhaa.",
            "Asiakas kuvasi häpeävänsä ruokajonossa käymistä niin paljon, että käy siellä toisella puolella kaupunkia.",
        ],
        "prop": [
            "Ehdotamme, että velkaneuvonta jalkautuu sosiaalityön vastaanotolle kerran viikossa.",
            "Kelan ja hyvinvointialueen välille tarvitaan nopeampi kanava kiireellisiin toimeentulotilanteisiin.",
            "Sosiaalinen luototus tulisi ottaa käyttöön myös meidän alueellamme.",
            "Täydentävän ja ehkäisevän toimeentulotuen linjauksia pitäisi päivittää vastaamaan nykyisiä hintoja.",
        ],
        "spoken": [
            "Kuun lopussa ei oo rahaa yhtään mihinkään, ei ruokaankaan.",
            "Ne vipit on kasautunu niin et mä en ees tiiä paljon mulla on velkaa.",
            "Kelalta tuli hylkäys taas, ja ne laski jotain tuloja joita ei oo ees tullu.",
            "Leipäjonossa on nykyään tosi paljon niinku ihan tavallisia työssäkäyviä.",
            "Ulosotto vie sen vähänkin, ei siitä jää käteen mitään.",
            "Mä en avaa niitä laskuja enää, ei niitä pysty maksaan kuitenkaan.",
        ],
        "dialect": [
            "savo|Rahat loppuu aena ennen kuun vaehetta, ja sitte syyvään mitä kuapista löytyy.",
            "savo|Mie en ossoo sannoo, paljonko sitä velkoo on, ku ne vipit on kasanneet.",
            "pohj|Kyllä se niin o, ette ulosotto vie sen vähänki mitä tilille tulee.",
            "pohj,ikaantyneet|Eläke o niin pieni, ette lääkkeet jää joskus hakematta.",
            "turku|Kela hylkäs taas, mnää en ymmär yhtää mite ne sen laski.",
            "turku|Ruokajonos o nykyä kaikenlaist väkee, ei pelkästää työttömii.",
        ],
    },
    "palvelujarjestelma": {
        "obs": [
            "Asiakkaita pompotellaan palvelusta toiseen, koska kukaan ei ota kokonaisvastuuta heidän tilanteestaan.",
            "Hyvinvointialueen palvelujen yhteystiedot ovat muuttuneet, eikä asiakas tiedä, mihin numeroon soittaa.",
            "Sosiaalityön asiakasmäärät ovat työntekijää kohden niin suuria, että yhteydenottoihin vastataan viikkojen viiveellä.",
            "Palvelutarpeen arvioinnin jonot ovat venyneet yli lakisääteisen määräajan.",
            "Sosiaali- ja terveyspalvelujen tietojärjestelmät eivät keskustele keskenään, joten asiakas joutuu kertomaan tilanteensa moneen kertaan.",
            "Lähipalvelupisteen sulkemisen jälkeen lähin toimipiste on kymmenien kilometrien päässä.",
            "vammaiset|Vammaispalvelujen päätöksiä odotetaan kuukausia, ja sillä välin tarvittava apu puuttuu.",
            "ikaantyneet|Kotihoidon käyntiajat ovat lyhentyneet niin, ettei työntekijä ehdi kuin tehdä välttämättömimmät.",
        ],
        "detail": [
            "Puhelinpalvelussa jonotusaika on ollut yli tunnin, ja puhelu katkeaa usein kesken.",
            "Takaisinsoittopyyntöön on vastattu vasta seuraavalla viikolla.",
            "Työntekijöiden vaihtuvuus on suurta, ja asiakkaalla on vuoden aikana voinut olla neljä eri omatyöntekijää.",
            "Asiakas on saanut kolmelta eri taholta ristiriitaista tietoa siitä, kuka hänen asiaansa hoitaa.",
            "Päätöksiin ei ole liitetty selkeää tietoa muutoksenhausta.",
            "lapsiperheet|Perheneuvolan jono on niin pitkä, että perheet ohjautuvat lastensuojeluun ennen kuin saavat tukea.",
        ],
        "voice": [
            "Asiakas kertoi soittaneensa samalla viikolla viiteen eri numeroon ja saaneensa joka paikasta eri ohjeen.",
            "Asiakkaan mukaan kukaan ei ole kertonut, kuka on nyt hänen omatyöntekijänsä.",
            "Eräs asiakas sanoi luovuttaneensa, koska jokainen uusi työntekijä pyytää samat paperit uudelleen.",
            "Asiakas kuvasi tuntevansa olevansa pelkkä numero jonossa.",
        ],
        "prop": [
            "Ehdotamme, että jokaiselle monen palvelun asiakkaalle nimetään yksi vastuutyöntekijä.",
            "Palveluohjauksen yhteinen puhelinnumero tarvitsee lisää henkilöstöä ruuhka-aikoihin.",
            "Sosiaali- ja terveyspalvelujen yhteistä asiakassuunnitelmaa pitäisi käyttää nykyistä järjestelmällisemmin.",
            "Lähipalvelupisteeseen tarvitaan edes yksi päivystyspäivä viikossa.",
        ],
        "spoken": [
            "Ne pompottelee sua paikasta toiseen eikä kukaan tiiä kenelle se sun asia kuuluu.",
            "Mä soitin siihen numeroon ja jonotin tunnin ja sit se puhelu katkes.",
            "Joka kerta on joku uus työntekijä ja sit pitää kertoo kaikki alusta.",
            "Sitä päätöstä on nyt odotettu kolme kuukautta eikä kukaan osaa sanoo missä se menee.",
            "Ennen ois voinu käydä ihan paikan päällä mut nyt se toimisto on suljettu.",
            "Tosi moni luovuttaa vaan, ku se systeemi on niin sekava.",
        ],
        "dialect": [
            "savo|Sieltä sannoo yks yhtä ja toinen toista, eikä kukkaan tiijä kenelle se kuuluu.",
            "savo|Mie soitin ja soitin, mut ei siellä vastannu kukkaan.",
            "pohj|Kyllä se niin o, ette ennen sai asiat hoidettua kylällä, mutta ny pitää lähtee kaupunkiin asti.",
            "pohj|Jottai päätöstä sitä ootetaan, mutta kukaan ei tiiä missä se o.",
            "turku|Joka kerta o joku uus, ja sit pitää kertoo kaik alust asti.",
            "turku|Mnää jonotin puhelimes tunnin ja sit se vaa katkes.",
        ],
    },
    "osallisuus": {
        "obs": [
            "Yksinäisyys on noussut esiin yhä useammin, ja osalla asiakkaista ei ole viikon aikana ketään, jonka kanssa puhua.",
            "Kohtaamispaikkojen ja asukastilojen sulkeminen on vienyt matalan kynnyksen paikat, joihin saattoi tulla ilman asiaa.",
            "Asiakkaat kokevat, ettei heidän mielipiteellään ole merkitystä palvelujen suunnittelussa.",
            "Sosiaalinen eristäytyminen on pitkittynyt, ja kotoa lähteminen on muuttunut monelle ylivoimaiseksi.",
            "Harrastuksiin ja yhteiseen toimintaan osallistuminen jää, kun ei ole ketään, jonka kanssa lähteä.",
            "ikaantyneet|Yksin asuvat iäkkäät kertovat, että kotihoidon käynti on päivän ainoa kohtaaminen.",
            "lapset_nuoret|Nuoria on vetäytynyt kokonaan kotiin, ja yhteydenpito kavereihin on vain verkon kautta.",
            "maahanmuuttajat|Maahan muuttaneilla ei ole suomenkielisiä kontakteja kielikurssien ulkopuolella.",
        ],
        "detail": [
            "Asukasraatiin ei ole saatu mukaan yhtään palvelujen käyttäjää.",
            "Vertaisryhmiin on ollut vaikea saada osallistujia, vaikka tarve on selvä.",
            "Järjestöjen avustuksia on leikattu, ja kerhoja on lopetettu.",
            "Joukkoliikenteen karsiminen syrjäkylillä on katkaissut monen ainoan yhteyden keskustan toimintaan.",
            "Kehittämistyössä ei ole kuultu yhtään kokemusasiantuntijaa.",
            "vammaiset|Kuljetuspalvelun matkojen vähentäminen on rajannut vammaisten henkilöiden mahdollisuutta osallistua mihinkään kodin ulkopuolella.",
        ],
        "voice": [
            "Asiakas kertoi, että viikon ainoa keskustelu käydään kaupan kassalla.",
            "Asiakkaan mukaan kukaan ei huomaisi, vaikka hän ei lähtisi kotoa viikkoon.",
            "Eräs asiakas sanoi, ettei hänen kokemuksiaan ole koskaan kysytty.",
            "Asiakas kuvasi jännittävänsä uusiin ryhmiin menemistä niin paljon, että jää mieluummin kotiin.",
        ],
        "prop": [
            "Ehdotamme, että asukastila avataan uudelleen ainakin kahtena iltana viikossa.",
            "Kokemusasiantuntijat pitäisi ottaa mukaan palvelujen kehittämiseen alusta asti.",
            "Ystävätoimintaa ja vertaisryhmiä tulisi tukea pitkäjänteisellä rahoituksella.",
            "Yksinäisyyden puheeksi ottaminen kannattaisi lisätä osaksi jokaista palvelutarpeen arviointia.",
        ],
        "spoken": [
            "Ei oo ketään kenen kaa puhuis, viikot menee ihan yksin.",
            "Se kerhotila suljettiin ja nyt ei oo mitään paikkaa mihin vaan mennä.",
            "lapset_nuoret|Nuoret on vaan kotona koneella, ne ei lähe minnekään.",
            "Kukaan ei kysy meiltä mitään, päätökset tehään jossain muualla.",
            "Mä en kehtaa mennä yksin mihinkään ryhmään, se on tosi vaikee.",
            "Bussi ei kulje enää meidän kylälle ni ei sitä pääse mihinkään.",
        ],
        "dialect": [
            "savo,ikaantyneet|Yksinhän tässä ollaan, ei tuu kukkaan käymään ku se kotihoito.",
            "savo|Kerhokin lopetettiin, eikä sitä nyt oo mittään mihin männä.",
            "pohj|Kyllä se niin o, ette ku bussi ei kulje, ni ei sitä pääse kylälle ollenkaan.",
            "pohj|Ei meiltä kukaan kysy, päätökset tehdään jossaki kaukana.",
            "turku|Ei täl kukka käy, mnää istun täsä yksin päivät pitkät.",
            "turku,lapset_nuoret|Nuoret o vaa koneel kotona, ei ne lähre mihinkä.",
        ],
    },
    "yhdenvertaisuus": {
        "obs": [
            "Asiakkaat ovat kokeneet tulleensa kohdelluksi eri tavalla taustansa vuoksi asioidessaan viranomaisissa.",
            "maahanmuuttajat|Tulkkausta ei ole järjestetty, vaikka asiakas ei ymmärrä suomea tarpeeksi hyvin asioidakseen.",
            "vammaiset|Toimipisteen sisäänkäynti ei ole esteetön, joten pyörätuolia käyttävä ei pääse sisälle ilman apua.",
            "maahanmuuttajat|Vuokra-asuntoa hakevat kertovat, ettei vieraskielisellä nimellä tehtyyn hakemukseen vastata.",
            "Päätökset ja ohjeet lähetetään vain vaikeaselkoisella virkakielellä, vaikka selkokielistä versiota tarvittaisiin.",
            "lapset_nuoret|Sukupuolivähemmistöihin kuuluvat nuoret kertovat kohtaavansa palveluissa vähättelyä.",
            "vammaiset|Kehitysvammaisten henkilöiden omaa näkemystä ei kysytä, vaan asiat sovitaan omaisten tai henkilöstön kesken.",
            "ikaantyneet|Iäkkäät asiakkaat ohitetaan keskustelussa, ja puhe osoitetaan mukana olevalle omaiselle.",
            "Syrjintää ei uskalleta ilmoittaa, koska pelätään sen vaikuttavan omaan asiaan.",
            "Esteettömyys toteutuu usein vain paperilla: luiska on, mutta ovi on liian raskas avata.",
        ],
        "detail": [
            "Puhelintulkkaus on katkennut kesken tapaamisen useamman kerran.",
            "Yhdenvertaisuussuunnitelma on tehty, mutta sitä ei ole käyty läpi henkilöstön kanssa.",
            "Lomakkeissa ei ole vaihtoehtoa, joka sopisi kaikille perhemuodoille.",
            "maahanmuuttajat|Asiakas oli saanut kuulla virkailijalta, että hänen pitäisi ensin opetella kieli kunnolla.",
            "vammaiset|Viittomakielen tulkkia ei saatu lyhyellä varoitusajalla, ja tapaaminen peruttiin.",
            "Asiakkaan kertomaa syrjintää ei ole kirjattu mihinkään, joten sitä ei näy tilastoissa.",
        ],
        "voice": [
            "Asiakas kertoi tuntevansa, ettei häntä uskota samalla tavalla kuin muita.",
            "maahanmuuttajat|Asiakkaan mukaan häneltä kysyttiin ensimmäiseksi, mistä maasta hän on, eikä sitä, mitä hän tarvitsee.",
            "vammaiset|Eräs asiakas sanoi joutuneensa odottamaan ulkona, koska ovesta ei päässyt pyörätuolilla.",
            "Asiakas kuvasi, että häntä puhutellaan kuin lasta, vaikka hän on aikuinen.",
        ],
        "prop": [
            "Ehdotamme, että tulkkauksen tilaamisesta tehdään selkeä ohje kaikille työntekijöille.",
            "Toimipisteiden esteettömyys pitäisi tarkistaa yhdessä vammaisneuvoston kanssa.",
            "Keskeiset päätöspohjat kannattaa laatia myös selkokielellä.",
            "Henkilöstölle tarvitaan koulutusta syrjimättömästä kohtaamisesta.",
        ],
        "spoken": [
            "Ne puhuu mulle niinku mä en ymmärtäis mitään, vaikka mä ymmärrän kyllä.",
            "vammaiset|Sinne ei pääse pyörätuolilla sisään, se ovi on ihan liian raskas.",
            "maahanmuuttajat|Tulkkia ei taaskaan tilattu, ja sit se tapaaminen meni ihan ohi.",
            "maahanmuuttajat|Ku soitat ja sulla on aksentti ni ne on heti vähän eri sävyllä.",
            "Ei niitä papereita ymmärrä kukaan, niin vaikeeta kieltä.",
            "Mua ei uskota, ne kysyy aina mun äidiltä vaikka mä oon täysi-ikänen.",
        ],
        "dialect": [
            "savo|Ne puhuu miulle ku pikkulapselle, vaikka mie kyllä ymmärrän mitä ne sannoo.",
            "savo,vammaiset,ikaantyneet|Eihän sinne pääse sisälle, jos jalat ei kanna, portaat on eessä ja ovi raskas.",
            "pohj|Kyllä se niin o, ette toisia kohdellaan eri lailla ku meitä.",
            "pohj|Ne paperit o kirjotettu niin vaikiasti, ette ei niistä selvää saa.",
            "turku|Ne puhuu mul niinku mnää en tajuis mitää, vaik kyl mnää tajuan.",
            "turku,vammaiset,ikaantyneet|Sinne ei pääs sisäl jos o rollaattor, ei siin oo luiskaa ollenkaa.",
        ],
    },
    "tyo_koulutus": {
        "obs": [
            "Pitkäaikaistyöttömien aktivointi on jäänyt lomakkeiden täyttämiseksi, eikä tarjolla ole todellisia työmahdollisuuksia.",
            "lapset_nuoret|Toisen asteen opinnot keskeytyvät, koska opiskelija ei saa tukea ajoissa.",
            "Työllisyyspalvelujen siirtyminen kunnille on sekoittanut asiakkaiden käsityksen siitä, kuka heitä auttaa työnhaussa.",
            "Kuntouttavan työtoiminnan paikkoja on liian vähän, ja jaksot loppuvat ilman jatkosuunnitelmaa.",
            "Osatyökykyisille ei löydy työpaikkoja, vaikka halua töihin olisi.",
            "lapset_nuoret|Peruskoulun jälkeen osa nuorista jää ilman opiskelupaikkaa, eikä kukaan seuraa, mihin he päätyvät.",
            "maahanmuuttajat|Ulkomailla suoritettu tutkinto ei kelpaa, ja koulutettu asiakas tekee siivoustöitä tai on työttömänä.",
            "Lyhyet määräaikaiset työsuhteet katkaisevat työttömyysturvan ja sekoittavat koko toimeentulon.",
        ],
        "detail": [
            "Työnhakuvelvoitteen laiminlyönnistä seuranneet karenssit ovat lisääntyneet.",
            "Ammatilliseen koulutukseen pääsee, mutta lähiopetusta on niin vähän, että itsenäinen opiskelu ei suju.",
            "Palkkatukityön jälkeen moni palaa suoraan työttömäksi.",
            "Työkokeilupaikkoja on tarjolla lähinnä kaupan ja siivouksen aloilla.",
            "vammaiset|Työkyvyn arviointiin pääsy kestää niin kauan, ettei asiakas tiedä, kuuluuko hän työnhakijaksi vai eläkkeelle.",
            "maahanmuuttajat|Suomen kielen kursseja on tarjolla, mutta työn ohessa niihin ei ehdi.",
        ],
        "voice": [
            "Asiakas kertoi hakeneensa kymmeniä työpaikkoja ilman yhtään kutsua haastatteluun.",
            "Asiakkaan mukaan työllisyyspalveluissa vaihtuu yhteyshenkilö niin usein, ettei kukaan tunne hänen tilannettaan.",
            "lapset_nuoret|Eräs nuori sanoi lopettaneensa koulun, koska ei pysynyt mukana eikä uskaltanut pyytää apua.",
            "tyoikaiset|Asiakas kuvasi tuntevansa olevansa liian vanha työmarkkinoille, vaikka on vasta viisikymppinen.",
        ],
        "prop": [
            "Ehdotamme, että kuntouttavan työtoiminnan jaksoille tehdään aina jatkosuunnitelma ennen päättymistä.",
            "Opintojen keskeyttämisvaarassa oleville tarvitaan nopeampaa tukea oppilaitoksen ja sosiaalityön yhteistyönä.",
            "Osatyökykyisille tulisi kehittää matalan kynnyksen työllistymispolkuja yhdessä paikallisten yritysten kanssa.",
            "Työllisyyspalvelujen ja aikuissosiaalityön yhteisiä tapaamisia pitäisi järjestää säännöllisesti.",
        ],
        "spoken": [
            "Mä oon hakenu varmaan sataa paikkaa eikä kukaan ees vastaa.",
            "lapset_nuoret|Se koulu jäi kesken ku ei vaan pysyny mukana, eikä kukaan huomannu.",
            "Niistä työkkärin kursseista ei oo mitään hyötyy, samat jutut aina.",
            "maahanmuuttajat|Ne sano et mun tutkinto ei kelpaa täällä, et pitää opiskella kaikki uudestaan.",
            "Työtoiminta loppu ja sit ei ollu mitään, taas vaan kotona.",
            "Ei tänne pikkupaikkakunnalle mitään töitä oo, ne on kaikki kaupungissa.",
        ],
        "dialect": [
            "savo|Mie oon hakenu töitä vaekka kuinka, eikä sieltä kukkaan soeta.",
            "savo,lapset_nuoret|Koulu jäi kesken, ku ei sitä jaksanu eikä kukkaan auttanu.",
            "pohj|Kyllä se niin o, ette täällä ei oo töitä ku harvoille, kaikki lähtee etelään.",
            "pohj|Työtoiminta loppu, ja ny sitä ollaan taas kotona jottai ootellen.",
            "turku,lapset_nuoret|Mnää hain sinne kouluu mut en pääsny, ja nyt mnää oon vaa kotona.",
            "turku|Kyl täält töit löytyy jos o auto, mut ei kaikil oo.",
        ],
    },
    "vakivalta": {
        "obs": [
            "Lähisuhdeväkivaltaa on tullut esiin tavallisten asiakastapaamisten yhteydessä, vaikka asiakas ei ole hakenut apua sen vuoksi.",
            "Turvakotipaikat ovat täynnä, ja väkivaltaa paennut joutuu odottamaan tuttavan luona.",
            "Väkivaltaa kokeneet eivät uskalla tehdä rikosilmoitusta, koska pelkäävät tekijän reaktiota.",
            "Henkistä väkivaltaa ja taloudellista kontrollia ei tunnisteta väkivallaksi, vaikka ne rajoittavat arkea voimakkaasti.",
            "Väkivallan tekijöille suunnattua ohjelmaa ei ole alueella saatavilla.",
            "lapsiperheet|Lapset ovat olleet kotona, kun vanhempien välinen väkivalta on tapahtunut.",
            "ikaantyneet|Iäkkäisiin kohdistuvaa kaltoinkohtelua on havaittu kotihoidossa, mutta ilmoituksia tehdään vähän.",
            "lapset_nuoret|Nuoret kertovat seurustelusuhteissa tapahtuvasta kontrolloinnista ja uhkailusta.",
        ],
        "detail": [
            "Lähestymiskieltoa on haettu, mutta käsittelyn aikana tekijä on jatkanut yhteydenottoja.",
            "Väkivallan puheeksi ottaminen ei kuulu rutiiniin, joten se jää monessa tapaamisessa kysymättä.",
            "Asiakas on joutunut kertomaan kokemuksistaan usealle eri viranomaiselle.",
            "Poliisin kotihälytyksistä on ollut merkintöjä, mutta tieto ei ole tullut sosiaalityöhön.",
            "maahanmuuttajat|Oleskelulupa on sidottu puolisoon, minkä vuoksi väkivaltaisesta suhteesta lähteminen tuntuu mahdottomalta.",
            "lapsiperheet|Eron jälkeen lasten tapaamiset ovat jatkaneet väkivaltaisen vanhemman kontrollia.",
        ],
        "voice": [
            "Asiakas kertoi pelkäävänsä kotiin menoa iltaisin.",
            "Asiakkaan mukaan puoliso tarkistaa hänen puhelimensa ja päättää, kenen kanssa hän saa olla yhteydessä.",
            "Eräs asiakas sanoi, ettei ole koskaan ajatellut huutamista ja tavaroiden rikkomista väkivaltana.",
            "Asiakas kuvasi lähteneensä kotoa yöllä vain puhelin mukanaan.",
        ],
        "prop": [
            "Ehdotamme, että väkivallasta kysytään rutiinisti jokaisessa alkuarvioinnissa.",
            "Turvakotipaikkoja tarvitaan lisää, ja odotusajalle tarvitaan turvallinen väliaikainen ratkaisu.",
            "Poliisin ja sosiaalityön tiedonkulkua kotihälytysten jälkeen pitäisi parantaa.",
            "Moniammatillisen riskinarvioinnin käyttöä tulisi laajentaa kaikkiin toimipisteisiin.",
        ],
        "spoken": [
            "Mä pelkään mennä kotiin, ku ei koskaan tiiä missä mielentilassa se on.",
            "Se kattoo mun puhelimen joka ilta ja päättää kenelle mä saan soittaa.",
            "Turvakoti oli täynnä, ni piti mennä kaverille yöks.",
            "Ei mulle tullu mieleenkään et huutaminen ja paiskominen ois väkivaltaa.",
            "lapsiperheet|Lapset kuuli kaiken, ne oli siinä viereisessä huoneessa.",
            "Rikosilmoitusta mä en uskalla tehdä, se kostaa sen kuitenkin.",
        ],
        "dialect": [
            "savo|Mie en uskalla männä kottiin illalla, ku ei tiijä mitä siellä oottaa.",
            "savo|Se kahtoo miun puhelimen joka päivä, eikä anna soittaa kellekkään.",
            "pohj|Kyllä se niin o, ette kotona o ollu pelottavaa jo pitkään.",
            "pohj|Ilmotusta mää en uskalla tehdä, se ottaa sen kuitenki kostoksi.",
            "turku|Mnää lähdin yöl kotoont pelkkä puhelin mukan.",
            "turku|Kyl se huus ja paiskos tavaroit, mut ei mnää ajatellu et se o väkivaltaa.",
        ],
    },
    "digitalisaatio": {
        "obs": [
            "Palvelut ovat siirtyneet verkkoon, eikä kaikilla ole pankkitunnuksia, joilla niihin voisi kirjautua.",
            "Sähköinen asiointi on muuttunut käytännössä pakolliseksi, mutta tukea sen opetteluun ei ole tarjolla.",
            "Asiakkaat joutuvat pyytämään omaisia tai naapureita hoitamaan asioitaan verkossa, mikä vaarantaa yksityisyyden.",
            "Ajanvaraus onnistuu enää vain sovelluksella, ja ilman älypuhelinta jää jonon ulkopuolelle.",
            "Sähköisen hakemuksen liitteiden lähettäminen kaatuu, eikä asiakas tiedä, menikö hakemus perille.",
            "ikaantyneet|Iäkkäät eivät pysty käyttämään OmaKantaa tai uusimaan reseptejä verkossa ilman apua.",
            "maahanmuuttajat|Suomi.fi-palvelut ovat maahan muuttaneille vaikeita, koska ohjeet ovat vain suomeksi tai ruotsiksi.",
            "Vahvaa tunnistautumista ei saa ilman pankkiasiakkuutta, eikä pankin asiakkaaksi pääse ilman henkilöllisyystodistusta.",
        ],
        "detail": [
            "Digituen neuvontapisteen aukioloajat ovat supistuneet kahteen tuntiin viikossa.",
            "Asiakkaalla on puhelin, mutta ei nettiliittymää, johon olisi varaa.",
            "Valtuudet toisen puolesta asiointiin ovat monimutkaiset, ja niiden tekeminen vaatii itsekin tunnistautumista.",
            "Paperilomakkeita ei enää ole saatavilla toimipisteessä, vaan asiakas ohjataan tulostamaan ne itse.",
            "Verkkopalvelun istunto vanhenee kesken hakemuksen täyttämisen, ja kaikki pitää aloittaa alusta.",
            "vammaiset|Näkövammaiset asiakkaat kertovat, ettei ruudunlukija toimi hyvinvointialueen asiointipalvelussa.",
        ],
        "voice": [
            "Asiakas kertoi, ettei ole koskaan käyttänyt tietokonetta eikä aio enää opetella.",
            "Asiakkaan mukaan hänen naapurinsa tietää nykyään kaikki hänen raha-asiansa, koska hoitaa hänen verkkopankkiaan.",
            "Eräs asiakas sanoi jättäneensä hakemuksen tekemättä, koska ei saanut kirjauduttua.",
            "Asiakas kuvasi soittaneensa neuvontaan, josta hänet ohjattiin takaisin samalle verkkosivulle.",
        ],
        "prop": [
            "Ehdotamme, että jokaisessa toimipisteessä voi asioida myös paperilla tai kasvokkain.",
            "Digitukea pitäisi tarjota jalkautuvana, esimerkiksi kirjastoissa ja palvelutaloissa.",
            "Puolesta asioinnin valtuuksien tekemiseen tarvitaan henkilökohtaista ohjausta.",
            "Sähköisten palvelujen saavutettavuus tulee testata yhdessä käyttäjien kanssa ennen käyttöönottoa.",
        ],
        "spoken": [
            "Mulla ei oo pankkitunnuksia, ni en mä pääse sinne mihinkään palveluun.",
            "Kaikki pitää tehä netissä nykyään, mut mä en osaa käyttää sitä sovellusta.",
            "Naapuri hoitaa mun verkkopankin, et se tietää kyllä kaikki mun asiat.",
            "Se sivu kaatu kesken ja kaikki piti täyttää uusiks.",
            "Mä soitin neuvontaan ja ne sano et mee nettisivuille, just sieltä mä tulin.",
            "Ei mulla oo ees nettiä kotona, liian kallis.",
        ],
        "dialect": [
            "savo|Mie en ossoo niitä netin hommia, eikä miulla oo niitä pankkitunnuksia.",
            "savo|Kaekki pittää nykyään tehä koneella, vaekka ei sitä konetta oo ees.",
            "pohj|Kyllä se niin o, ette ilman niitä tunnuksia et pääse mihinkää.",
            "pohj,ikaantyneet|Pojantytär hoitaa mun asiat netissä, ku itte en osaa jottai sovellusta käyttää.",
            "turku|Mnää en tiär mite siihe sovelluksee kirjaudutaa, ei siit ota selvää.",
            "turku|Kaik pitää tehrä netis, mut ei mul oo ees konet.",
        ],
    },
}

# (primary, secondary) -> sentences where the two really intertwine.
FI_PAIRS: dict[tuple[str, str], list[str]] = {
    ("asuminen", "tyo_koulutus"): [
        "Työpaikan menetyksen jälkeen vuokranmaksu on katkennut muutamassa kuukaudessa, ja häätö on ollut edessä ennen kuin työttömyysetuus on ehtinyt edes alkaa.",
        "Lomautus ja sitä seurannut irtisanominen johtivat siihen, että asunnosta oli luovuttava.",
    ],
    ("asuminen", "paihteet"): [
        "Päihteiden käytön vuoksi tuetun asumisen yksiköstä on jouduttu lähtemään, eikä muuta asumismuotoa ole tarjolla.",
        "Häiriöistä ja juhlimisesta tulleet varoitukset ovat johtaneet vuokrasopimuksen purkuun.",
    ],
    ("mielenterveys", "tyo_koulutus"): [
        "Uupumus on johtanut pitkiin sairauslomiin, ja työhön paluu tuntuu mahdottomalta ilman hoitoa.",
        "lapset_nuoret|Opinnot ovat keskeytyneet masennuksen vuoksi, eikä oppilaitoksessa ole huomattu tilannetta ajoissa.",
    ],
    ("mielenterveys", "osallisuus"): [
        "Ahdistus on saanut vetäytymään ihmisistä, ja yksinäisyys puolestaan pahentaa oireita.",
        "Kun ryhmätoiminta loppui, moni kuntoutuja jäi kotiin ilman sosiaalisia kontakteja.",
    ],
    ("paihteet", "toimeentulo"): [
        "Rahapelivelat ovat kasvaneet niin suuriksi, että palkka menee kokonaan vippien lyhentämiseen.",
        "Alkoholiin kuluu merkittävä osa pienistä tuloista, eikä ruokaan ja vuokraan riitä.",
    ],
    ("paihteet", "vakivalta"): [
        "lapsiperheet|Humalassa tapahtuva väkivalta on toistunut perheissä, joissa molemmat vanhemmat käyttävät päihteitä.",
        "Päihtyneen kumppanin uhkailu on saanut asiakkaan lähtemään kotoa useita kertoja.",
    ],
    ("toimeentulo", "digitalisaatio"): [
        "Toimeentulotukihakemus jää tekemättä, kun verkkoasiointi ei onnistu ilman pankkitunnuksia.",
        "Kelan sähköisen hakemuksen liitteet eivät ole menneet perille, ja tuki on viivästynyt viikkoja.",
    ],
    ("toimeentulo", "asuminen"): [
        "Kun rahat eivät riitä, vuokra jätetään maksamatta ensimmäisenä, ja rästit kasvavat huomaamatta.",
        "Asumismenot vievät yli puolet tuloista, joten kaikki muu karsitaan.",
    ],
    ("palvelujarjestelma", "mielenterveys"): [
        "Mielenterveysasiakkaat siirtyvät terveyspalveluista sosiaalipalveluihin ja takaisin ilman, että kukaan sopii hoidon kokonaisuudesta.",
        "Psykiatrian ja sosiaalityön välillä ei ole yhteisiä palavereja, joten asiakkaan tilanne jää molemmilta näkemättä.",
    ],
    ("palvelujarjestelma", "digitalisaatio"): [
        "Palvelupisteiden sulkeminen ja puhelinneuvonnan ruuhka ohjaavat kaikki verkkoon, vaikka kaikki eivät siellä pärjää.",
        "Sähköisen ajanvarauksen jälkeen jonot eivät ole lyhentyneet, mutta asiakkaiden on vaikeampi tietää, missä kohtaa heidän asiansa on.",
    ],
    ("osallisuus", "digitalisaatio"): [
        "ikaantyneet|Kun yhdistyksen tiedotus siirtyi pelkästään sosiaaliseen mediaan, vanhemmat jäsenet eivät enää tiedä tapahtumista.",
        "Harrastusryhmiin ilmoittaudutaan nykyään vain verkossa, ja osa jää sen vuoksi kokonaan pois.",
    ],
    ("osallisuus", "mielenterveys"): [
        "Pitkään jatkunut yksinäisyys on alkanut näkyä mielialan laskuna ja univaikeuksina.",
        "Kun kotoa ei lähde mihinkään, ahdistus kasvaa, ja kierre vahvistaa itseään.",
    ],
    ("yhdenvertaisuus", "palvelujarjestelma"): [
        "maahanmuuttajat|Tulkin puuttuminen tapaamisesta on johtanut siihen, että asiakas on ohjattu väärään palveluun.",
        "Selkokielisen tiedon puute tarkoittaa, ettei osa asiakkaista koskaan hae heille kuuluvia palveluja.",
    ],
    ("yhdenvertaisuus", "asuminen"): [
        "maahanmuuttajat|Asuntohakemuksia hylätään ilman perusteluja, ja hakijat epäilevät syyksi vierasta nimeä.",
        "vammaiset|Esteetöntä asuntoa ei löydy, joten pyörätuolia käyttävä joutuu asumaan ympärivuorokautisessa yksikössä vastoin tahtoaan.",
    ],
    ("tyo_koulutus", "toimeentulo"): [
        "Lyhyet keikkatyöt sotkevat etuudet niin, että jokaisen työpätkän jälkeen tulee rahaton kuukausi.",
        "Karenssi on vienyt työmarkkinatuen, ja asiakas on ohjautunut toimeentulotuen varaan.",
    ],
    ("tyo_koulutus", "yhdenvertaisuus"): [
        "maahanmuuttajat|Työnhakijat kertovat, että vieraskielinen nimi näyttää karsivan heidät jo ennen haastattelua.",
        "vammaiset|Työnantajat eivät ole valmiita pieniinkään muutoksiin työpaikalla, jotta vammainen työnhakija voisi aloittaa.",
    ],
    ("vakivalta", "paihteet"): [
        "lapsiperheet|Väkivalta on pahentunut aina, kun kumppani on juonut, ja lapset ovat nähneet tilanteet.",
        "Väkivallan jälkeen asiakas on alkanut itse käyttää rauhoittavia lääkkeitä ja alkoholia selviytyäkseen.",
    ],
    ("vakivalta", "asuminen"): [
        "Väkivaltaa paennut ei ole voinut palata yhteiseen asuntoon, mutta omaa vuokra-asuntoa ei ole löytynyt.",
        "Turvakotijakson jälkeen ainoa vaihtoehto on ollut palata samaan asuntoon väkivallan tekijän kanssa.",
    ],
    ("digitalisaatio", "palvelujarjestelma"): [
        "ikaantyneet|Kun ajanvaraus siirtyi sovellukseen, iäkkäät asiakkaat putosivat jonosta kokonaan, koska puhelinnumeroon ei enää vastata.",
        "Sähköisten palvelujen käyttöönoton jälkeen paperihakemuksia ei käsitellä samassa aikataulussa, joten verkkoa käyttämättömät jäävät jonon hännille.",
    ],
    ("digitalisaatio", "toimeentulo"): [
        "Nettiliittymään ei ole varaa, joten sähköinen asiointi pitää hoitaa kirjaston koneella aukioloaikoina.",
        "Kun laskut tulevat vain e-laskuina eikä verkkopankkiin pääse, maksut myöhästyvät ja perintäkulut kasvavat.",
    ],
}

# ------------------------------------------------------------------ Swedish sentence banks

SV_BANKS: dict[str, Bank] = {
    "asuminen": {
        "obs": [
            "Hyresskulderna har vuxit så mycket att hyresvärden har inlett vräkningsprocess för flera klienter.",
            "Den som blivit bostadslös hänvisas till nödinkvartering, men någon permanent bostad har inte hittats på månader.",
            "Platserna i stödboende räcker inte till och kön är lång.",
            "Socialarbetet får veta om vräkningshotet först när vräkningsdagen redan är fastslagen.",
            "lapsiperheet|Barnfamiljer bor trångt eftersom det inte finns större bostäder till rimlig hyra.",
        ],
        "detail": [
            "En betalningsanmärkning gör det i praktiken omöjligt att få en hyresbostad på den privata marknaden.",
            "Det allmänna bostadsbidraget täcker en allt mindre del av hyran.",
            "Boenderådgivningen har flera veckors kö, fast hjälpen behövs i ett tidigt skede.",
            "ikaantyneet|Äldre bor kvar i höghus utan hiss och kommer inte ut på veckor.",
        ],
        "voice": [
            "Klienten berättade att hon är rädd varje gång ett brev från hyresvärden kommer.",
            "En klient beskrev att han sov i bilen i flera veckor innan han vågade be om hjälp.",
            "Enligt klienten har hon skickat ett tjugotal bostadsansökningar utan att få svar.",
        ],
        "prop": [
            "Vi föreslår att hyresvärdarna kontaktar socialarbetet redan efter två obetalda hyror.",
            "Boenderådgivningen behöver förstärkas så att vräkningar kan förebyggas i tid.",
            "Det behövs en tydlig väg från nödinkvartering till eget boende.",
        ],
        "spoken": [
            "Hyran e typ helt sjuk nu, man klarar liksom int av att betala den.",
            "Jag har ingen aning var jag hamnar om vräkningen blir av.",
            "Många bor liksom hos kompisar och flyttar runt, har int egen lya.",
            "Kön till stödboendet e ju typ ett halvt år minst.",
        ],
        "dialect": [
            "Ja ha int betalt hyran på tre månader, å nu sku di vräk me.",
            "He finns int na lediga lägenheter här, int he na man ha råd me.",
            "Nå, han bor hos syster sin nu, för he fanns int na anna.",
        ],
    },
    "mielenterveys": {
        "obs": [
            "Det tar månader att komma till psykiatrisk öppenvård, och under tiden hinner situationen förvärras.",
            "Klienter med depressionssymtom uteblir ofta från inbokade möten och klientrelationen bryts.",
            "Ångest och sömnproblem har kommit fram i nästan varje bedömning den här hösten.",
            "Hänvisningen till terapi har i praktiken stannat av eftersom det saknas terapeuter på nära håll.",
            "lapset_nuoret|Köerna till ungdomspsykiatrin är så långa att skolkuratorn blir det enda stödet.",
        ],
        "detail": [
            "Efter en vårdperiod på psykiatrisk avdelning saknas ofta en bokad uppföljningstid.",
            "Det finns nästan inga svenskspråkiga terapeuter i regionen, så väntan blir ännu längre.",
            "Krisjouren är öppen bara på vardagar under tjänstetid.",
            "Antalet klienter som berättar om självmordstankar har ökat.",
        ],
        "voice": [
            "Klienten berättade att hon har väntat på terapi så länge att hon gett upp hoppet.",
            "Enligt klienten fick han höra att symtomen inte är tillräckligt allvarliga för vård.",
            "En klient beskrev att ångesten blir värre på kvällarna när ingen svarar i telefon.",
        ],
        "prop": [
            "Vi föreslår lågtröskeltjänster för psykisk hälsa i anslutning till socialbyråns mottagning.",
            "En uppföljningstid bör alltid bokas innan patienten skrivs ut från avdelningen.",
            "Korta terapier enligt terapigarantin borde finnas på basnivå, också på svenska.",
        ],
        "spoken": [
            "Terapikön e typ helt absurd, man väntar i månader.",
            "Jag har vari så nere att jag int ens orkat gå till butiken.",
            "Dom sa att mina symtom int e tillräckligt illa, så jag fick int komma till psykiatern.",
            "Sömnen e helt borta, huvudet liksom slutar int snurra.",
        ],
        "dialect": [
            "Ja ha vänta på den där terapin i ett halvt år, å int ha di hört av sig.",
            "Nå, he ha vari tungt, ja orkar int ens gå ut.",
            "Di sa att he int va så farligt, så ja fick far hem igen.",
        ],
    },
    "paihteet": {
        "obs": [
            "Klienter som saknar arbete och annan regelbunden vardagsrytm dricker allt mer, och riskbruket syns tydligt.",
            "För att komma till missbrukarvård krävs en betalningsförbindelse, och handläggningen drar ut i veckor.",
            "Avgiftningsplatserna är få och nästan alltid fullbelagda.",
            "lapset_nuoret|Droganvändningen syns hos allt yngre, och det handlar oftare om läkemedel och designerdroger.",
            "Penningspelandet har blivit ett beroende för en del klienter, och det har de inte berättat för någon.",
        ],
        "detail": [
            "Efter institutionsrehabiliteringen har ingen öppenvård ordnats, och återfallet kommer ofta inom några veckor.",
            "Kön till substitutionsbehandling är lång och under tiden fortsätter bruket med ämnen från gatan.",
            "lapset_nuoret|Unga berättar att cannabis är vardagligt och lätt att få tag på.",
            "lapsiperheet|Föräldrarnas missbruk kommer ofta fram först genom en barnskyddsanmälan.",
        ],
        "voice": [
            "Klienten berättade att det känns meningslöst att söka vård när man ändå inte får plats.",
            "Enligt klienten började drickandet när dagarna inte längre hade något innehåll.",
            "En klient sa att det går snabbare att få tag på ämnen på gatan än att få tid till A-kliniken.",
        ],
        "prop": [
            "Man borde komma till avgiftning samma dag som klienten själv söker hjälp.",
            "Vi föreslår en maximal handläggningstid för betalningsförbindelser.",
            "Efter institutionsvård behövs en öppenvård som startar automatiskt.",
        ],
        "spoken": [
            "Man kommer int in på avgiftningen, typ två veckors kö, och då hinner ju vad som helst hända.",
            "Jag dricker mest för att det int finns nåt annat att göra liksom.",
            "lapset_nuoret|Ungdomarna röker på helt öppet, dom tycker int att det e nån grej.",
            "Spelandet gick helt överstyr, jag satt och spela på mobilen hela nätterna.",
        ],
        "dialect": [
            "Ja fråga om avgiftning, men di sa att ja sku vänt en vecka eller två.",
            "He blir ti drick mycke när man int ha na anna ti gör.",
            "lapset_nuoret|Nå, ungdomarna röker nog på, he veit alla men int gör nån na.",
        ],
    },
    "toimeentulo": {
        "obs": [
            "Handläggningstiderna för grundläggande utkomststöd har blivit längre, och klienterna står utan pengar i slutet av månaden.",
            "Utsökningen tar en del av även små inkomster, och det som blir kvar räcker inte till hyra och mat.",
            "Snabblån och avbetalningar har hopats så att klienten själv inte vet hur stora skulderna är.",
            "Köerna till matutdelningen har blivit längre, och där syns allt oftare också personer som arbetar.",
            "ikaantyneet|Äldre med liten garantipension tvingas välja mellan mediciner och mat.",
        ],
        "detail": [
            "Kön till ekonomi- och skuldrådgivningen är flera månader lång, så skuldsaneringen dröjer.",
            "Elbolaget har hotat att stänga av elen på grund av obetalda räkningar.",
            "FPA:s beslut räknade med en inkomst som ännu inte ens kommit in på kontot.",
            "lapsiperheet|I barnfamiljerna räcker pengarna inte till hobbyer, och barnen stannar hemma från utflykter.",
        ],
        "voice": [
            "Klienten berättade att hon mest äter gröt den sista veckan i månaden.",
            "Enligt klienten öppnar han inte längre räkningarna eftersom han inte orkar se summorna.",
            "En klient sa att hon tagit ett nytt snabblån för att betala det gamla.",
        ],
        "prop": [
            "Vi föreslår att skuldrådgivningen finns på plats vid socialbyrån en dag i veckan.",
            "Det behövs en snabbare kanal mellan FPA och välfärdsområdet för akuta situationer.",
            "Riktlinjerna för kompletterande och förebyggande utkomststöd borde uppdateras till dagens prisnivå.",
        ],
        "spoken": [
            "I slutet av månaden finns det typ int pengar till nånting, int ens mat.",
            "Snabblånen har liksom hopat sig, jag vet int ens hur mycket jag e skyldig.",
            "FPA gav avslag igen, dom räkna med nån inkomst som int ens kommit.",
            "I matkön står det numera massor med helt vanliga jobbande människor.",
        ],
        "dialect": [
            "Pengarna tar slut före månaden e slut, å sen äter man va som finns i skåpe.",
            "Utsökningen tar he lilla som kommer, int blir he na kvar.",
            "ikaantyneet|Pensionen e så liten att ja int ha råd me medicinern alla gångo.",
        ],
    },
    "palvelujarjestelma": {
        "obs": [
            "Klienterna skickas från den ena tjänsten till den andra, och ingen tar helhetsansvaret.",
            "Kontaktuppgifterna till välfärdsområdets tjänster har ändrats och klienterna vet inte vilket nummer de ska ringa.",
            "Antalet klienter per socialarbetare är så stort att kontakter besvaras med flera veckors fördröjning.",
            "Köerna till bedömning av servicebehovet har blivit längre än den lagstadgade tidsfristen.",
            "Efter att servicepunkten stängdes ligger det närmaste kontoret flera mil bort.",
        ],
        "detail": [
            "I telefontjänsten har kötiden varit över en timme och samtalet bryts ofta.",
            "Personalomsättningen är stor, och en klient kan ha haft fyra olika kontaktpersoner under ett år.",
            "vammaiset|Beslut om handikappservice dröjer i månader och under tiden saknas den hjälp som behövs.",
            "Klienten har fått motstridiga besked från tre olika håll om vem som sköter ärendet.",
        ],
        "voice": [
            "Klienten berättade att hon ringt fem olika nummer samma vecka och fått olika besked överallt.",
            "Enligt klienten har ingen berättat vem som nu är hans egen socialarbetare.",
            "En klient sa att han gett upp eftersom varje ny arbetstagare ber om samma papper igen.",
        ],
        "prop": [
            "Vi föreslår att varje klient med flera tjänster får en ansvarig kontaktperson.",
            "Den gemensamma servicerådgivningen behöver mer personal under rusningstider.",
            "Servicepunkten borde åtminstone ha en jourdag i veckan.",
        ],
        "spoken": [
            "Dom skickar en runt från ställe till ställe, ingen vet liksom vems grej det e.",
            "Jag ringde och köa en timme, och sen bröts samtalet.",
            "Varje gång e det nån ny och man måste dra allt från början.",
            "Kontoret e stängt nu, så man kan int ens gå dit och fråga.",
        ],
        "dialect": [
            "Di säger ett där å ett anna här, å ingen veit vem som ska sköt he.",
            "Ja ringd å ringd, men int svara na nån.",
            "Förr kund man sköt allt i byn, men nu ska man far ända in ti stan.",
        ],
    },
    "osallisuus": {
        "obs": [
            "Ensamheten kommer fram allt oftare, och en del klienter växlar inte ett ord med någon under en hel vecka.",
            "När träffpunkterna och invånarlokalerna stängdes försvann platserna man kunde gå till utan ärende.",
            "Klienterna upplever att deras åsikter inte spelar någon roll när tjänsterna planeras.",
            "ikaantyneet|Äldre som bor ensamma säger att hemvårdens besök är dagens enda möte med en annan människa.",
            "lapset_nuoret|En del unga har dragit sig helt tillbaka hemma och har kontakt med kompisar bara via nätet.",
        ],
        "detail": [
            "Det har varit svårt att få deltagare till kamratstödsgrupperna, fast behovet är tydligt.",
            "När kollektivtrafiken drogs in i byarna bröts många människors enda förbindelse till centrum.",
            "I utvecklingsarbetet har man inte lyssnat på en enda erfarenhetsexpert.",
            "maahanmuuttajat|Inflyttade har inga svensk- eller finskspråkiga kontakter utanför kurserna.",
        ],
        "voice": [
            "Klienten berättade att veckans enda samtal sker vid kassan i butiken.",
            "Enligt klienten skulle ingen märka något även om han inte gick ut på en vecka.",
            "En klient sa att ingen någonsin har frågat om hennes erfarenheter.",
        ],
        "prop": [
            "Vi föreslår att invånarlokalen öppnas igen åtminstone två kvällar i veckan.",
            "Vänverksamhet och kamratgrupper behöver långsiktig finansiering.",
            "Frågor om ensamhet borde ingå i varje bedömning av servicebehovet.",
        ],
        "spoken": [
            "Det finns ingen att snacka med, veckorna går liksom helt ensam.",
            "Klubbrummet stängdes och nu finns det int nåt ställe att bara gå till.",
            "Ingen frågar oss nånting, besluten görs nån annanstans.",
            "Bussen går int till byn längre, så man kommer ju int nånstans.",
        ],
        "dialect": [
            "ikaantyneet|Ensam e man, he kommer int na folk hit utom hemvården.",
            "Klubben lades ner, så nu finns he int na ställ ti gå ti.",
            "Int frågar di oss, di bestämmer allt borta i stan.",
        ],
    },
    "yhdenvertaisuus": {
        "obs": [
            "Klienter upplever att de bemötts annorlunda på grund av sin bakgrund när de uträttat ärenden hos myndigheter.",
            "Svenskspråkig service finns på papperet, men i telefon svarar man oftast bara på finska.",
            "vammaiset|Ingången till verksamhetsstället är inte tillgänglig, så den som använder rullstol kommer inte in utan hjälp.",
            "maahanmuuttajat|Tolk har inte ordnats fast klienten inte förstår språket tillräckligt för att sköta sitt ärende.",
            "Beslut och anvisningar skickas bara på svårbegripligt myndighetsspråk, fast det skulle behövas lättläst.",
        ],
        "detail": [
            "Diskriminering anmäls inte eftersom man är rädd att det påverkar det egna ärendet.",
            "Beslutsbrevet på svenska kom flera veckor efter det finska.",
            "vammaiset|Ingen teckenspråkstolk kunde ordnas i tid, och mötet ställdes in.",
            "Likabehandlingsplanen har gjorts men den har aldrig gåtts igenom med personalen.",
        ],
        "voice": [
            "Klienten berättade att hon känner att hon inte blir trodd på samma sätt som andra.",
            "maahanmuuttajat|Enligt klienten frågade man först vilket land han kommer ifrån, inte vad han behövde.",
            "En klient beskrev att hon tilltalas som ett barn fast hon är vuxen.",
        ],
        "prop": [
            "Vi föreslår tydliga anvisningar för hur tolk beställs.",
            "Verksamhetsställenas tillgänglighet borde granskas tillsammans med rådet för personer med funktionsnedsättning.",
            "Viktiga beslutsmallar bör också finnas på lättläst svenska.",
        ],
        "spoken": [
            "Dom pratar med mig som om jag int fatta nånting, fast jag fattar nog.",
            "Man ringer och ber om svenska, och dom suckar typ bara och fortsätter på finska.",
            "Dom där papprena förstår ju ingen, så krångligt språk.",
            "vammaiset,ikaantyneet|Dit kommer man int in om man har rollator, det finns ingen ramp alls.",
        ],
        "dialect": [
            "Di pratar me me som om ja int sku förstå na, men ja förstår nog.",
            "Ja bad om svenska, men he fanns int na nån som kund he.",
            "vammaiset,ikaantyneet|Int kommer man in där om man e dålig i benen, he e trappor överallt.",
        ],
    },
    "tyo_koulutus": {
        "obs": [
            "Aktiveringen av långtidsarbetslösa har blivit blankettifyllande utan verkliga arbetsmöjligheter.",
            "lapset_nuoret|Studier på andra stadiet avbryts eftersom studerande inte får stöd i tid.",
            "Det finns för få platser i arbetsverksamhet i rehabiliteringssyfte, och perioderna tar slut utan fortsatt plan.",
            "Personer med partiell arbetsförmåga hittar inga arbetsplatser trots att viljan finns.",
            "maahanmuuttajat|Examen från utlandet godkänns inte, och en utbildad klient städar eller är arbetslös.",
        ],
        "detail": [
            "Efter att arbetskraftstjänsterna flyttade till kommunerna vet klienterna inte vem som hjälper dem med jobbsökandet.",
            "Efter lönesubventionerat arbete återgår många direkt till arbetslöshet.",
            "lapset_nuoret|En del unga står utan studieplats när grundskolan tar slut, och ingen följer upp var de hamnar.",
            "Karenstiderna för försummad sökplikt har blivit fler.",
        ],
        "voice": [
            "Klienten berättade att han sökt ett tjugotal jobb utan en enda kallelse till intervju.",
            "lapset_nuoret|En ung sa att han slutade skolan för att han inte hängde med och inte vågade be om hjälp.",
            "Enligt klienten byts kontaktpersonen på arbetskraftsservicen så ofta att ingen känner till hennes situation.",
        ],
        "prop": [
            "Vi föreslår att perioderna i arbetsverksamhet alltid får en fortsättningsplan innan de tar slut.",
            "Studerande som riskerar att avbryta behöver snabbare stöd i samarbete mellan läroanstalt och socialarbete.",
            "Lågtröskelvägar till arbete för personer med partiell arbetsförmåga borde utvecklas med lokala företag.",
        ],
        "spoken": [
            "Jag har sökt typ hundra jobb och ingen svarar ens.",
            "lapset_nuoret|Skolan blev liksom på hälft, jag hängde int med och ingen märkte nåt.",
            "Dom där kurserna e helt meningslösa, samma grej varje gång.",
            "Det finns int nåra jobb här ute, allt e ju i stan.",
        ],
        "dialect": [
            "Ja ha sökt jobb he bästa ja kan, men int ringer na nån.",
            "lapset_nuoret|Skolan blev på hälft, ja orka int, å int hjälpt di me na.",
            "He finns int na jobb här i byn, alla far söderut.",
        ],
    },
    "vakivalta": {
        "obs": [
            "Våld i nära relationer har kommit fram vid vanliga klientmöten, fast klienten inte sökt hjälp för det.",
            "Skyddshemmen är fulla, och den som flytt våldet får vänta hos bekanta.",
            "De som utsatts för våld vågar inte göra en brottsanmälan eftersom de är rädda för förövarens reaktion.",
            "Psykiskt våld och ekonomisk kontroll känns inte igen som våld, fast det begränsar vardagen kraftigt.",
            "lapsiperheet|Barnen har varit hemma när våldet mellan föräldrarna har skett.",
            "ikaantyneet|Misstankar om att äldre far illa har uppmärksammats inom hemvården, men få anmälningar görs.",
        ],
        "detail": [
            "Kontaktförbud har sökts, men under behandlingen har förövaren fortsatt att höra av sig.",
            "Att ta upp våld ingår inte i rutinerna, så frågan ställs i alltför få möten.",
            "Polisen har gjort hemlarmsutryckningar, men informationen har inte nått socialarbetet.",
            "maahanmuuttajat|Uppehållstillståndet är bundet till maken, vilket gör det omöjligt att lämna ett våldsamt förhållande.",
        ],
        "voice": [
            "Klienten berättade att hon är rädd för att gå hem på kvällarna.",
            "Enligt klienten kontrollerar partnern hennes telefon och bestämmer vem hon får träffa.",
            "En klient beskrev hur hon lämnade hemmet på natten med bara telefonen med sig.",
        ],
        "prop": [
            "Vi föreslår att man rutinmässigt frågar om våld vid varje första bedömning.",
            "Det behövs fler platser på skyddshem och en trygg lösning för väntetiden.",
            "Informationsflödet mellan polisen och socialarbetet efter hemlarm behöver förbättras.",
        ],
        "spoken": [
            "Jag e rädd för att gå hem, man vet liksom aldrig vilket humör han e på.",
            "Han kollar min telefon varje kväll och bestämmer vem jag får ringa.",
            "Skyddshemmet va fullt, så jag fick sova hos en kompis.",
            "Jag vågar int anmäla, han hämnas ju ändå.",
        ],
        "dialect": [
            "Ja vågar int gå hem om kvällarna, man veit int va som väntar.",
            "Han ha tagi telefonen min å kollat, å int får ja ring nån.",
            "Nå, he va int första gången, men ja ha int sagt he åt nån förrän nu.",
        ],
    },
    "digitalisaatio": {
        "obs": [
            "Allt fler tjänster finns bara på nätet, och alla har inte nätbankskoder för att kunna logga in.",
            "Digital kontakt har i praktiken blivit obligatorisk, men det finns inget stöd för att lära sig.",
            "Klienterna måste be anhöriga eller grannar sköta ärendena på nätet, vilket äventyrar integriteten.",
            "Tidsbokning går numera bara via en app, och den som saknar smarttelefon hamnar utanför.",
            "ikaantyneet|Äldre kan inte använda Mina Kanta-sidor eller förnya recept på nätet utan hjälp.",
        ],
        "detail": [
            "Den digitala stödpunkten har bara öppet två timmar i veckan.",
            "Suomi.fi-fullmakterna är krångliga att göra och kräver själva stark autentisering.",
            "Sessionen på webbtjänsten går ut mitt i ansökan och allt måste börjas om.",
            "maahanmuuttajat|Suomi.fi-tjänsterna är svåra för inflyttade eftersom instruktionerna finns bara på finska och svenska.",
        ],
        "voice": [
            "Klienten berättade att hon aldrig använt en dator och inte tänker lära sig nu.",
            "Enligt klienten vet grannen numera allt om hans pengar eftersom hon sköter hans nätbank.",
            "En klient sa att han lät bli att söka eftersom han inte lyckades logga in.",
        ],
        "prop": [
            "Vi föreslår att man på varje verksamhetsställe också kan sköta ärenden på papper eller ansikte mot ansikte.",
            "Det digitala stödet borde finnas där folk är, till exempel på bibliotek och servicehus.",
            "Tillgängligheten i de elektroniska tjänsterna bör testas tillsammans med användarna före ibruktagandet.",
        ],
        "spoken": [
            "Jag har int nätbankskoder, så jag kommer ju int in nånstans.",
            "Allt ska göras på nätet nu, men jag fattar int den där appen.",
            "Sidan kraschade mitt i och jag fick fylla i allt på nytt.",
            "Jag ringde rådgivningen och dom sa gå in på webbsidan, fast det va just därifrån jag kom.",
        ],
        "dialect": [
            "Ja kan int dehär me datorn, å int ha ja na nätbankskoder heller.",
            "Allt ska man gör på nätet nu, fast man int ha na dator ens.",
            "ikaantyneet|Barnbarne sköter he åt me, för ja begriper int dehär appen.",
        ],
    },
}

SV_PAIRS: dict[tuple[str, str], list[str]] = {
    ("asuminen", "tyo_koulutus"): [
        "Efter att klienten förlorade jobbet upphörde hyresbetalningarna inom några månader, och vräkningen var ett faktum innan arbetslöshetsersättningen ens kommit igång.",
        "Permitteringen och uppsägningen som följde ledde till att bostaden måste lämnas.",
    ],
    ("asuminen", "paihteet"): [
        "På grund av missbruket har klienten fått lämna stödboendet, och någon annan boendeform erbjuds inte.",
        "Varningar för störningar och fester har lett till att hyresavtalet sagts upp.",
    ],
    ("mielenterveys", "tyo_koulutus"): [
        "Utmattningen har lett till långa sjukskrivningar, och det känns omöjligt att återgå till jobbet utan vård.",
        "lapset_nuoret|Studierna har avbrutits på grund av depression, och läroanstalten märkte inte situationen i tid.",
    ],
    ("paihteet", "toimeentulo"): [
        "Spelskulderna har vuxit så mycket att hela lönen går till att amortera snabblån.",
        "En stor del av de små inkomsterna går till alkohol, och till mat och hyra räcker det inte.",
    ],
    ("toimeentulo", "digitalisaatio"): [
        "Ansökan om utkomststöd blir inte gjord när nätbankskoder saknas och den elektroniska tjänsten inte fungerar.",
        "Bilagorna till FPA:s elektroniska ansökan har inte kommit fram, och stödet har dröjt i veckor.",
    ],
    ("palvelujarjestelma", "digitalisaatio"): [
        "Efter att servicepunkterna stängts och telefonrådgivningen blivit överbelastad styrs alla till nätet, fast alla inte klarar sig där.",
        "Köerna blev inte kortare med den elektroniska tidsbokningen, men klienterna har svårare att veta var deras ärende befinner sig.",
    ],
    ("osallisuus", "mielenterveys"): [
        "Den långvariga ensamheten har börjat synas som nedstämdhet och sömnproblem.",
        "När man inte går ut någonstans växer ångesten, och spiralen förstärker sig själv.",
    ],
    ("yhdenvertaisuus", "palvelujarjestelma"): [
        "maahanmuuttajat|När tolk saknades vid mötet hänvisades klienten till fel tjänst.",
        "Eftersom lättläst information saknas söker en del klienter aldrig de tjänster de har rätt till.",
    ],
    ("tyo_koulutus", "toimeentulo"): [
        "Korta gigjobb rör till förmånerna så att varje arbetsperiod följs av en månad utan pengar.",
        "Karensen tog bort arbetsmarknadsstödet, och klienten hamnade på utkomststöd.",
    ],
    ("vakivalta", "paihteet"): [
        "lapsiperheet|Våldet har blivit värre varje gång partnern druckit, och barnen har sett situationerna.",
        "Efter våldet har klienten själv börjat använda lugnande medel och alkohol för att klara sig.",
    ],
    ("vakivalta", "asuminen"): [
        "Den som flytt våldet har inte kunnat återvända till den gemensamma bostaden, men någon egen hyresbostad har inte hittats.",
        "Efter tiden på skyddshemmet var det enda alternativet att flytta tillbaka till samma bostad som förövaren.",
    ],
    ("digitalisaatio", "palvelujarjestelma"): [
        "ikaantyneet|När tidsbokningen flyttade till en app föll äldre klienter ur kön helt, eftersom ingen längre svarar i telefonnumret.",
        "Pappersansökningar behandlas inte längre i samma takt, så de som inte använder nätet hamnar sist i kön.",
    ],
}


# ------------------------------------------------------------------ style material per language


@dataclass(frozen=True)
class MailKit:
    gmail_marker: str
    gmail_labels: tuple[str, str, str, str]  # from, date, subject, to
    outlook_labels: tuple[str, str, str, str]  # from, sent, to, subject
    subjects: list[str]
    prefixes: list[str]
    notes: list[str]
    comments: list[str]
    greetings: list[str]
    signoffs: list[str]
    roles: list[str]
    units: list[str]
    recipients: list[str]
    disclaimers: list[str]


@dataclass(frozen=True)
class Kit:
    """Everything one language needs to write a text in each style."""

    lang: str
    banks: dict[str, Bank]
    pairs: dict[tuple[str, str], list[str]]
    groups_written: dict[str, list[str]]
    groups_spoken: dict[str, list[str]]
    groups_dialect: dict[str, list[str]]
    # A second group is added with "the same shows also among ...", so the two never clash.
    also_written: dict[str, str]
    also_spoken: dict[str, str]
    also_dialect: dict[str, str]
    form_heads: tuple[str, str, str, str, str]
    sources: list[str]
    contacts: list[str]
    areas: list[str]
    generic_props: list[str]
    dictation_words: tuple[str, str, str]  # period, comma, new paragraph
    dictation_fillers: list[str]
    dictation_openers: list[str]
    dictation_closers: list[str]
    spoken_openers: list[str]
    spoken_closers: list[str]
    dialect_frames: dict[str, tuple[list[str], list[str]]]  # region -> (openers, closers)
    mixed_openers: list[str]
    mail: MailKit


FI = Kit(
    lang="fi",
    banks=FI_BANKS,
    pairs=FI_PAIRS,
    groups_written={
        "lapset_nuoret": ["Koskee erityisesti 15–24-vuotiaita nuoria.", "Havainnot ovat pääosin nuorten palvelujen asiakkaista.", "Kyse on nuorista, joista osa on vielä alaikäisiä."],
        "lapsiperheet": ["Koskee lapsiperheitä, erityisesti yhden vanhemman perheitä.", "Kyse on perheistä, joissa on pieniä lapsia.", "Havainto koskee monilapsisia perheitä."],
        "tyoikaiset": ["Koskee työikäisiä aikuisia, joista monet asuvat yksin.", "Kyse on pääosin 30–60-vuotiaista aikuissosiaalityön asiakkaista.", "Koskee työikäisiä, sekä työttömiä että pienituloisia työssäkäyviä."],
        "ikaantyneet": ["Koskee kotona asuvia ikääntyneitä, useimmat yli 75-vuotiaita.", "Kyse on eläkeläisistä, joista moni asuu yksin.", "Havainto koskee ikäihmisiä ja heidän omaisiaan."],
        "vammaiset": ["Koskee vammaisia henkilöitä, erityisesti kehitysvammaisia aikuisia.", "Kyse on asiakkaista, joilla on liikunta- tai aistivamma.", "Koskee vammaispalvelujen asiakkaita ja heidän läheisiään."],
        "maahanmuuttajat": ["Koskee maahan muuttaneita, joista osa on asunut Suomessa vasta vähän aikaa.", "Kyse on vieraskielisistä asiakkaista, muun muassa kansainvälistä suojelua saaneista.", "Koskee erityisesti maahanmuuttajataustaisia naisia."],
        "koko_vaesto": ["Koskee käytännössä kaikkia alueen asukkaita.", "Ilmiö ei rajaudu yhteen ryhmään, vaan näkyy laajasti koko väestössä.", "Koskee kaikkia palveluja käyttäviä kuntalaisia."],
    },
    groups_spoken={
        "lapset_nuoret": ["Nää on siis nuoria, jotain parikymppisiä tai nuorempia.", "Puhun nyt lähinnä nuorista."],
        "lapsiperheet": ["Tää koskee perheitä, missä on pieniä lapsia.", "Lähinnä lapsiperheitä, yksinhuoltajia varsinkin."],
        "tyoikaiset": ["Nää on ihan työikäsiä aikuisia.", "Lähinnä keski-ikäsiä, moni asuu yksin."],
        "ikaantyneet": ["Nää on vanhempia ihmisiä, eläkeläisiä.", "Lähinnä vanhuksia, jotka asuu vielä kotona."],
        "vammaiset": ["Nää on vammasia ihmisiä, osa kehitysvammasia.", "Puhun nyt vammaispalveluiden asiakkaista."],
        "maahanmuuttajat": ["Nää on maahanmuuttajia, osa ollu Suomessa vasta vähän aikaa.", "Lähinnä semmosia jotka ei puhu vielä suomee."],
        "koko_vaesto": ["Tää koskee oikeestaan ihan kaikkia.", "Ei tää oo mikään yhen ryhmän juttu, kaikkia koskee."],
    },
    groups_dialect={
        "lapset_nuoret": ["Nuoria ne enimmäkseen o, parikymppisiä ja nuorempia.", "Nuorisoa se koskee, koululaisia ja vähän vanhempia."],
        "lapsiperheet": ["Perheitä ne o, pieniä lapsia kotona.", "Lapsiperheistä tässä puhutaan, monella yksin lasten kanssa."],
        "tyoikaiset": ["Työikäsiä ne o, ei mitään vanhoja vielä.", "Keski-ikäsiä miehiä ja naisia, ihan tavallista väkeä."],
        "ikaantyneet": ["Vanhoja ihmisiä ne o, eläkkeellä jo kauan.", "Vanhempaa väkeä, ne jotka asuu vielä kotona."],
        "vammaiset": ["Vammasia ne o, osa pyörätuolissa.", "Niitä, joilla on jottai vammaa, kehitysvammasia ja muita."],
        "maahanmuuttajat": ["Ulukomailta tulleita ne o, ei kieltä vielä osaa.", "Muualta muuttaneita, jotka ei suomee vielä puhu."],
        "koko_vaesto": ["Kaikkia se koskee, ei se kahto ikää eikä mitään.", "Ihan kaikkia tässä kylässä se koskee."],
    },
    also_written={
        "lapset_nuoret": "Samaa näkyy myös nuorilla.",
        "lapsiperheet": "Sama toistuu myös lapsiperheiden kohdalla.",
        "tyoikaiset": "Samaa näkyy myös työikäisillä.",
        "ikaantyneet": "Sama toistuu myös ikääntyneiden kohdalla.",
        "vammaiset": "Samaa näkyy myös vammaisilla henkilöillä.",
        "maahanmuuttajat": "Sama toistuu myös maahan muuttaneiden kohdalla.",
        "koko_vaesto": "Samaa näkyy laajemminkin väestössä.",
    },
    also_spoken={
        "lapset_nuoret": "Ja sama juttu nuorilla.",
        "lapsiperheet": "Ja sama juttu lapsiperheillä.",
        "tyoikaiset": "Ja sama juttu työikäsillä.",
        "ikaantyneet": "Ja sama juttu vanhuksilla.",
        "vammaiset": "Ja sama juttu vammasilla.",
        "maahanmuuttajat": "Ja sama juttu maahanmuuttajilla.",
        "koko_vaesto": "Ja sama juttu oikeestaan kaikilla.",
    },
    also_dialect={
        "lapset_nuoret": "Ja sama o nuorilla.",
        "lapsiperheet": "Ja sama o lapsiperheillä.",
        "tyoikaiset": "Ja sama o työikäsillä.",
        "ikaantyneet": "Ja sama o vanhoilla ihmisillä.",
        "vammaiset": "Ja sama o vammasilla.",
        "maahanmuuttajat": "Ja sama o ulukomailta tulleilla.",
        "koko_vaesto": "Ja sama o kaikilla muillaki.",
    },
    form_heads=("Havaittu ilmiö:", "Keitä koskee:", "Mistä havainto on tehty:", "Ehdotus:", "Yhteyshenkilö:"),
    sources=[
        "Asiakastyöstä aikuissosiaalityön vastaanotolla syksyn aikana.",
        "Tiimipalaverista, jossa sama asia nousi esiin usealta työntekijältä.",
        "Kotikäynneiltä ja puhelinneuvonnasta viimeisen kolmen kuukauden ajalta.",
        "Yhteistyöpalaverista järjestökumppanien kanssa.",
        "Asiakkaiden palautteesta ja omista havainnoista sosiaalipäivystyksessä.",
        "Sosiaaliohjaajien kirjauksista ja asiakastapaamisista.",
        "lapset_nuoret|Etsivän nuorisotyön ja oppilaitosten kanssa käydyistä keskusteluista.",
        "ikaantyneet|Kotihoidon ja palveluohjauksen yhteisistä asiakaskäynneistä.",
        "maahanmuuttajat|Kotoutumispalvelujen asiakastapaamisista tulkin välityksellä.",
        "vammaiset|Vammaissosiaalityön asiakastapaamisista ja omaisten yhteydenotoista.",
        "lapsiperheet|Perhesosiaalityön kotikäynneiltä ja neuvolan kanssa käydyistä keskusteluista.",
    ],
    contacts=[
        "aikuissosiaalityön tiimi",
        "sosiaaliohjaaja, aikuissosiaalityö",
        "palveluohjauksen tiimi",
        "sosiaalipäivystyksen työryhmä",
        "järjestöyhteistyön koordinaattori",
        "lapset_nuoret|nuorten sosiaalityön tiimi",
        "lapsiperheet|perhesosiaalityön tiimi",
        "ikaantyneet|ikääntyneiden palveluohjaus",
        "vammaiset|vammaissosiaalityön tiimi",
        "maahanmuuttajat|maahanmuuttajapalvelujen sosiaalityö",
    ],
    areas=["pohjoinen palvelualue", "itäinen palvelualue", "keskustan toimipiste", "eteläinen tiimi"],
    generic_props=[
        "Lisäksi henkilöstölle olisi hyvä järjestää koulutusta asian tunnistamisesta.",
        "Asia kannattaisi viedä myös hyvinvointialueen johtoryhmän tietoon.",
        "Asiaa voisi käsitellä seuraavassa alueellisessa yhteistyöryhmässä.",
        "Toivomme, että havainto huomioidaan ensi vuoden suunnitelmissa.",
    ],
    dictation_words=("piste", "pilkku", "uusi kappale"),
    dictation_fillers=["öö", "tota", "eli", "ja sitten", "niin"],
    dictation_openers=["havainto aikuissosiaalityön vastaanotolta", "kirjaan tähän ilmiöhavainnon", "sanelu rakenteellisen sosiaalityön lomakkeelle", "tässä havainto viime viikolta"],
    dictation_closers=["sanelu päättyy", "siinä kaikki", "loppu"],
    spoken_openers=[
        "No siis, mä haluisin kertoo yhen jutun.",
        "Joo eli tää on semmonen asia mikä on toistunu tosi monta kertaa.",
        "Mä laitan tän nyt tähän palautteeseen ku en tiiä kenelle muuten sanois.",
        "Moi, tällanen juttu meidän asukasillasta.",
        "Okei, eli tää on ihan arkee meillä.",
    ],
    spoken_closers=["Et joo, semmosta.", "Toivottavasti joku tekis tälle jotain.", "Ei tää voi jatkuu näin.", "Kiitti ku luitte.", "Niin et tämmöstä."],
    dialect_frames={
        "savo": (
            ["No kuule, mie kerron nyt tämän asian.", "Elä nyt pahakses ota, mut mie sanon suoraan.", "Tämmönen asia tässä on ollu mielessä."],
            ["Niin se vuan on.", "Kyllähän työ sen tiijätte.", "Tehkee nyt jotain."],
        ),
        "pohj": (
            ["Kyllä se niin o, ette tästä pitää sanoa.", "No, mää sanon nyt suoraan.", "Tämmöstä täällä o ollu."],
            ["Niin se o.", "Ei tästä sen enempää.", "Jotta semmosta."],
        ),
        "turku": (
            ["No mnää sanon nyt tän asian.", "Kuulkka, tämmöst o ollu.", "Mnää kerron nyt ku te kysyitte."],
            ["Nii se o.", "Eks je.", "Tehkkä nyt jotai, eks nii."],
        ),
    },
    mixed_openers=[
        "Nostan esiin kokonaisuuden, joka on toistunut useamman asiakkaan kohdalla.",
        "Tässä kietoutuu yhteen kaksi asiaa.",
        "Havainto on syksyn asiakastyöstä.",
        "Tämä kuvio toistuu vastaanotolla yhä useammin.",
    ],
    mail=MailKit(
        gmail_marker="---------- Välitetty viesti ---------",
        gmail_labels=("Lähettäjä:", "Päivämäärä:", "Aihe:", "Vastaanottaja:"),
        outlook_labels=("Lähettäjä:", "Lähetetty:", "Vastaanottaja:", "Aihe:"),
        subjects=["Havainto viime viikoilta", "ilmiöhavainto tiedoksi", "Huomio asiakastyöstä", "Kooste tiimipalaverista", "Tiedoksi rakenteelliseen sosiaalityöhön", "asia josta puhuttiin", "Havaintoja syksyltä"],
        prefixes=["VL: ", "Fwd: ", ""],
        notes=[
            "Välitän tiedoksi, tämä liittyy siihen mistä puhuttiin viime palaverissa.",
            "Hei, laitan tämän eteenpäin rakenteellisen sosiaalityön koosteeseen.",
            "Tiedoksi. Voisiko tämän kirjata ilmiöksi?",
            "Tässä se havainto, jonka lupasin lähettää.",
        ],
        comments=["Sama on näkynyt myös meidän tiimissä.", "Tämä ei ole ensimmäinen kerta, kun asia tulee vastaan.", "Kannattaisi ottaa tämä esille seuraavassa ilmiöpalaverissa."],
        greetings=["Hei,", "Hei kaikki,", "Moi,", "Hyvä tiimi,"],
        signoffs=["Terveisin", "Ystävällisin terveisin", "t."],
        roles=["sosiaalityöntekijä", "sosiaaliohjaaja", "johtava sosiaalityöntekijä", "palveluohjaaja", "erityissosiaalityöntekijä"],
        units=["Aikuissosiaalityö, itäinen palvelualue", "Sosiaalipalvelut, hyvinvointialue", "Sosiaali- ja kriisipäivystys", "Palveluohjaus ja neuvonta", "Rakenteellisen sosiaalityön verkosto"],
        recipients=["rakenteellisen sosiaalityön työryhmä", "aikuissosiaalityön tiimi", "palvelualueen esihenkilöt", "ilmiötyön yhteyshenkilöt"],
        disclaimers=[
            "Tämä viesti voi sisältää luottamuksellista tietoa. Jos olet saanut viestin erehdyksessä, ilmoita siitä lähettäjälle ja poista viesti. Viestin luvaton käyttö, kopiointi tai edelleen välittäminen on kielletty.",
            "Tämä viesti voi sisältää luottamuksellista tai salassa pidettävää tietoa, joka on tarkoitettu vain vastaanottajalle. Jos viesti on tullut sinulle vahingossa, poista se ja ilmoita lähettäjälle.",
            "LUOTTAMUKSELLINEN: Tämä viesti voi sisältää luottamuksellista tietoa. Salassa pidettäviä asiakastietoja ei lähetetä salaamattomana sähköpostina.",
        ],
    ),
)  # fmt: skip

SV = Kit(
    lang="sv",
    banks=SV_BANKS,
    pairs=SV_PAIRS,
    groups_written={
        "lapset_nuoret": ["Gäller särskilt unga i åldern 15–24.", "Observationerna gäller främst klienter inom ungdomstjänsterna."],
        "lapsiperheet": ["Gäller barnfamiljer, särskilt ensamförsörjare.", "Det handlar om familjer med små barn."],
        "tyoikaiset": ["Gäller vuxna i arbetsför ålder, många ensamboende.", "Det handlar främst om klienter inom vuxensocialarbetet i åldern 30–60."],
        "ikaantyneet": ["Gäller hemmaboende äldre, de flesta över 75 år.", "Det handlar om pensionärer, av vilka många bor ensamma."],
        "vammaiset": ["Gäller personer med funktionsnedsättning, särskilt vuxna med utvecklingsstörning.", "Det handlar om klienter inom handikappservicen och deras anhöriga."],
        "maahanmuuttajat": ["Gäller inflyttade, av vilka en del bott i Finland bara en kort tid.", "Det handlar om klienter med annat modersmål än finska eller svenska."],
        "koko_vaesto": ["Gäller i praktiken alla invånare i området.", "Fenomenet är inte begränsat till en grupp utan syns i hela befolkningen."],
    },
    groups_spoken={
        "lapset_nuoret": ["Det e alltså unga, typ tjugo eller yngre."],
        "lapsiperheet": ["Det gäller familjer med småbarn liksom."],
        "tyoikaiset": ["Det e helt vanliga vuxna i arbetsför ålder."],
        "ikaantyneet": ["Det e äldre, pensionärer som bor hemma."],
        "vammaiset": ["Det e personer med funktionsnedsättning, en del i rullstol."],
        "maahanmuuttajat": ["Det e inflyttade, en del har vari här bara en kort tid."],
        "koko_vaesto": ["Det gäller typ alla, int bara en grupp."],
    },
    groups_dialect={
        "lapset_nuoret": ["He e unga, tjugo år å yngre."],
        "lapsiperheet": ["He e familjer me småbarn."],
        "tyoikaiset": ["He e folk i arbetsför ålder, int na gamlingar."],
        "ikaantyneet": ["He e gamla, pensionärer som bor hemma."],
        "vammaiset": ["He e folk me funktionsnedsättning, en del i rullstol."],
        "maahanmuuttajat": ["He e inflyttade, di kan int språke än."],
        "koko_vaesto": ["He gäller alla, int bara en sort."],
    },
    also_written={
        "lapset_nuoret": "Samma sak syns också bland unga.",
        "lapsiperheet": "Samma sak syns också i barnfamiljer.",
        "tyoikaiset": "Samma sak syns också bland vuxna i arbetsför ålder.",
        "ikaantyneet": "Samma sak syns också bland äldre.",
        "vammaiset": "Samma sak syns också bland personer med funktionsnedsättning.",
        "maahanmuuttajat": "Samma sak syns också bland inflyttade.",
        "koko_vaesto": "Samma sak syns också bredare i befolkningen.",
    },
    also_spoken={
        "lapset_nuoret": "Och samma grej med unga.",
        "lapsiperheet": "Och samma grej med barnfamiljer.",
        "tyoikaiset": "Och samma grej med helt vanliga vuxna.",
        "ikaantyneet": "Och samma grej med äldre.",
        "vammaiset": "Och samma grej med folk med funktionsnedsättning.",
        "maahanmuuttajat": "Och samma grej med inflyttade.",
        "koko_vaesto": "Och samma grej med typ alla.",
    },
    also_dialect={
        "lapset_nuoret": "Å he e samma me ungdomarna.",
        "lapsiperheet": "Å he e samma me familjerna me småbarn.",
        "tyoikaiset": "Å he e samma me folk i arbetsför ålder.",
        "ikaantyneet": "Å he e samma me di gamla.",
        "vammaiset": "Å he e samma me di som ha funktionsnedsättning.",
        "maahanmuuttajat": "Å he e samma me di inflyttade.",
        "koko_vaesto": "Å he e samma me alla andra.",
    },
    form_heads=("Observerat fenomen:", "Vem berörs:", "Varifrån observationen kommer:", "Förslag:", "Kontaktperson:"),
    sources=[
        "Från klientarbetet på vuxensocialarbetets mottagning under hösten.",
        "Från ett teammöte där samma sak togs upp av flera arbetstagare.",
        "Från hembesök och telefonrådgivning under de senaste tre månaderna.",
        "Från ett samarbetsmöte med organisationer i området.",
        "Från klienternas respons och egna observationer på socialjouren.",
        "lapset_nuoret|Från samtal med uppsökande ungdomsarbete och läroanstalter.",
        "ikaantyneet|Från hemvårdens och serviceledningens gemensamma klientbesök.",
        "maahanmuuttajat|Från möten inom integrationstjänsterna, med tolk.",
        "vammaiset|Från klientmöten inom handikappsocialarbetet.",
        "lapsiperheet|Från familjesocialarbetets hembesök.",
    ],
    contacts=[
        "tiimiledare, vuxensocialarbetet",
        "socialhandledare, vuxensocialarbetet",
        "serviceledningens team",
        "socialjourens arbetsgrupp",
        "lapset_nuoret|ungdomssocialarbetets team",
        "lapsiperheet|familjesocialarbetets team",
        "ikaantyneet|serviceledningen för äldre",
        "vammaiset|handikappsocialarbetets team",
        "maahanmuuttajat|socialarbetet inom invandrartjänsterna",
    ],
    areas=["norra serviceområdet", "östra serviceområdet", "verksamhetsstället i centrum", "södra teamet"],
    generic_props=[
        "Dessutom borde personalen få utbildning i att känna igen frågan.",
        "Frågan borde också föras till välfärdsområdets ledningsgrupp.",
        "Ärendet kunde tas upp i nästa regionala samarbetsgrupp.",
    ],
    dictation_words=("punkt", "kommatecken", "nytt stycke"),
    dictation_fillers=["eh", "alltså", "och sen", "ja"],
    dictation_openers=["observation från mottagningen", "jag dikterar en observation", "diktering till blanketten för strukturellt socialarbete"],
    dictation_closers=["slut på dikteringen", "det var allt"],
    spoken_openers=["Asså, jag vill bara ta upp en grej.", "Nå, det här har hänt flera gånger nu.", "Okej, så här e det:", "Hej, en sak från vår invånarträff."],
    spoken_closers=["Så ja, typ så.", "Nån borde göra nåt liksom.", "Det kan int fortsätta så här."],
    dialect_frames={
        SV_REGION: (
            ["Nå, ja ska säg he som he e.", "Ja ha tänkt på he här en tid.", "Nå, int veit ja om he hjälper, men ja säger he ändå."],
            ["Så e he.", "He e int na bra.", "Nå, så va he me he."],
        ),
    },
    mixed_openers=[
        "Jag lyfter fram en helhet som återkommit hos flera klienter.",
        "Här flätas två saker samman.",
        "Observationen kommer från höstens klientarbete.",
        "Mönstret återkommer allt oftare på mottagningen.",
    ],
    mail=MailKit(
        gmail_marker="---------- Vidarebefordrat meddelande ---------",
        gmail_labels=("Från:", "Datum:", "Ämne:", "Till:"),
        outlook_labels=("Från:", "Skickat:", "Till:", "Ämne:"),
        subjects=["Observation från de senaste veckorna", "iakttagelse för kännedom", "Från teammötet", "Till strukturellt socialarbete", "det vi pratade om", "Observationer från hösten"],
        prefixes=["VB: ", "Fwd: ", ""],
        notes=[
            "Vidarebefordrar för kännedom, det här hänger ihop med det vi pratade om på mötet.",
            "Hej, jag skickar det här vidare till sammanställningen för strukturellt socialarbete.",
            "För kännedom. Kunde det här registreras som ett fenomen?",
            "Här är observationen jag lovade skicka.",
        ],
        comments=["Samma sak har synts i vårt team också.", "Det är inte första gången det här kommer upp.", "Det vore bra att ta upp det här på nästa fenomenmöte."],
        greetings=["Hej,", "Hej alla,", "Hejsan,", "Bästa team,"],
        signoffs=["Hälsningar", "Vänliga hälsningar", "Mvh"],
        roles=["socialarbetare", "socialhandledare", "ledande socialarbetare", "servicehandledare", "specialsocialarbetare"],
        units=["Vuxensocialarbetet, östra serviceområdet", "Socialtjänsten, välfärdsområdet", "Social- och krisjouren", "Servicehandledning och rådgivning", "Nätverket för strukturellt socialarbete"],
        recipients=["arbetsgruppen för strukturellt socialarbete", "vuxensocialarbetets team", "serviceområdets chefer", "kontaktpersonerna för fenomenarbetet"],
        disclaimers=[
            "Detta meddelande kan innehålla konfidentiell information. Om du fått meddelandet av misstag, meddela avsändaren och radera meddelandet. Obehörig användning, kopiering eller vidarebefordran är förbjuden.",
            "Detta meddelande kan innehålla konfidentiell eller sekretessbelagd information som är avsedd endast för mottagaren. Har du fått det av misstag, radera det och kontakta avsändaren.",
            "KONFIDENTIELLT: Detta meddelande kan innehålla konfidentiell information. Sekretessbelagda klientuppgifter skickas inte med okrypterad e-post.",
        ],
    ),
)  # fmt: skip

KITS: dict[str, Kit] = {"fi": FI, "sv": SV}

# Names for the mail date lines (Monday first).
FI_WEEKDAYS_SHORT = ("ma", "ti", "ke", "to", "pe", "la", "su")
FI_WEEKDAYS = (
    "maanantai",
    "tiistai",
    "keskiviikko",
    "torstai",
    "perjantai",
    "lauantai",
    "sunnuntai",
)
FI_MONTHS = ("tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
             "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta")  # fmt: skip
SV_WEEKDAYS_SHORT = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
SV_MONTHS_SHORT = (
    "jan.",
    "feb.",
    "mars",
    "apr.",
    "maj",
    "juni",
    "juli",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)
SV_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
             "oktober", "november", "december")  # fmt: skip


# ------------------------------------------------------------------ helpers


def _tags(sentence: str) -> tuple[frozenset[str], str]:
    """Split an optional ``tag,tag|`` prefix off a bank sentence."""
    head, sep, rest = sentence.partition("|")
    names = head.split(",")
    if sep and all(n in TAGS for n in names):
        return frozenset(names), rest
    return frozenset(), sentence


def _fits(tags: frozenset[str], groups: Sequence[str], region: str | None) -> bool:
    """A sentence fits when its groups (if any) meet the record's and its region (if any) matches."""
    implied = tags & set(TARGET_GROUPS)
    regions = tags - set(TARGET_GROUPS)
    return (not implied or bool(implied & set(groups))) and (not regions or region in regions)


def _fitting(pool: Sequence[str], groups: Sequence[str], region: str | None = None) -> list[str]:
    return [text for tags, text in map(_tags, pool) if _fits(tags, groups, region)]


def _pick(
    rng: random.Random,
    pool: Sequence[str],
    groups: Sequence[str],
    n: int,
    region: str | None = None,
) -> list[str]:
    ok = _fitting(pool, groups, region)
    return rng.sample(ok, min(n, len(ok)))


def _choose_groups(rng: random.Random, primary: str, forced: Sequence[str] = ()) -> list[str]:
    """One or two target groups: forced ones (implied by a chosen sentence) first."""
    weights = GROUP_WEIGHTS[primary]
    groups = list(dict.fromkeys(forced))
    if not groups:
        groups.append(rng.choices([c for c, _ in weights], [w for _, w in weights])[0])
    if len(groups) < 2 and groups[0] != "koko_vaesto" and rng.random() < 0.3:
        rest = [(c, w) for c, w in weights if c not in groups and c != "koko_vaesto"]
        if rest:
            groups.append(rng.choices([c for c, _ in rest], [w for _, w in rest])[0])
    return groups


def _secondary(rng: random.Random, primary: str) -> str | None:
    return rng.choice(RELATED[primary]) if rng.random() < SECONDARY_RATE else None


def _insert(rng: random.Random, sentences: list[str], extra: list[str]) -> None:
    """Insert extra sentences after the first one, so the text still opens with the primary."""
    for s in extra:
        sentences.insert(rng.randint(1, len(sentences)), s)


def _who(rng: random.Random, k: Kit, register: str, groups: Sequence[str]) -> str:
    """The sentence(s) naming the target groups, in the register of the style."""
    main, also = {
        "written": (k.groups_written, k.also_written),
        "spoken": (k.groups_spoken, k.also_spoken),
        "dialect": (k.groups_dialect, k.also_dialect),
    }[register]
    return " ".join([rng.choice(main[groups[0]]), *(also[g] for g in groups[1:])])


def _written_core(
    k: Kit, rng: random.Random, primary: str, groups: Sequence[str]
) -> tuple[list[str], list[str]]:
    """Observation sentences of the written styles, with an optional secondary; returns (sentences, phenomena)."""
    bank = k.banks[primary]
    sentences = _pick(rng, bank["obs"], groups, rng.randint(1, 2)) + _pick(
        rng, bank["detail"], groups, 1
    )
    if rng.random() < 0.5:
        sentences += _pick(rng, bank["voice"], groups, 1)
    phenomena = [primary]
    second = _secondary(rng, primary)
    if second:
        extra = _pick(rng, k.banks[second]["obs"] + k.banks[second]["detail"], groups, 1)
        if extra:
            _insert(rng, sentences, extra)
            phenomena.append(second)
    return sentences, phenomena


# ------------------------------------------------------------------ styles


def long_form(k: Kit, rng: random.Random, primary: str) -> Draft:
    groups = _choose_groups(rng, primary)
    observed, phenomena = _written_core(k, rng, primary, groups)
    proposal = _pick(rng, k.banks[primary]["prop"], groups, 1)
    if rng.random() < 0.4:
        proposal.append(rng.choice(k.generic_props))  # the proposal may drift to other topics
    contact = _pick(rng, k.contacts, groups, 1)[0]
    if rng.random() < 0.5:
        contact += ", " + rng.choice(k.areas)
    sections = [
        " ".join(observed),
        _who(rng, k, "written", groups),
        _pick(rng, k.sources, groups, 1)[0],
        " ".join(proposal),
        contact,
    ]
    inline = rng.random() < 0.4
    parts = [
        f"{h} {s}" if inline else f"{h}\n{s}" for h, s in zip(k.form_heads, sections, strict=True)
    ]
    return ("\n\n" if rng.random() < 0.5 else "\n").join(parts), phenomena, groups


_DICTATION_STRIP = str.maketrans({c: " " for c in '.:;!?()"–—/'})


def _dictate(k: Kit, rng: random.Random, sentences: Sequence[str]) -> str:
    """Speech-to-text output: lower case, no punctuation, some spoken commands and fillers."""
    period, comma, paragraph = k.dictation_words
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        if i and rng.random() < 0.15:
            out.append(paragraph)
        if rng.random() < 0.2:
            out.append(rng.choice(k.dictation_fillers))
        for token in sentence.translate(_DICTATION_STRIP).split():
            word = token.rstrip(",").strip("-").lower()
            if word:
                out.append(word)
            if token.endswith(",") and rng.random() < 0.3:
                out.append(comma)
        if rng.random() < 0.35:
            out.append(period)
    return " ".join(out)


def dictation(k: Kit, rng: random.Random, primary: str) -> Draft:
    groups = _choose_groups(rng, primary)
    body, phenomena = _written_core(k, rng, primary, groups)
    body.insert(rng.randint(0, 1), _who(rng, k, "written", groups))
    if rng.random() < 0.4:
        body += _pick(rng, k.banks[primary]["prop"], groups, 1)
    if rng.random() < 0.5:
        body.insert(0, rng.choice(k.dictation_openers))
    if rng.random() < 0.2:
        body.append(rng.choice(k.dictation_closers))
    return _dictate(k, rng, body), phenomena, groups


def spoken(k: Kit, rng: random.Random, primary: str) -> Draft:
    groups = _choose_groups(rng, primary)
    lines = _pick(rng, k.banks[primary]["spoken"], groups, rng.randint(2, 3))
    phenomena = [primary]
    second = _secondary(rng, primary)
    if second:
        extra = _pick(rng, k.banks[second]["spoken"], groups, 1)
        if extra:
            _insert(rng, lines, extra)
            phenomena.append(second)
    lines.insert(rng.randint(0, 1), _who(rng, k, "spoken", groups))
    if rng.random() < 0.7:
        lines.insert(0, rng.choice(k.spoken_openers))
    if rng.random() < 0.6:
        lines.append(rng.choice(k.spoken_closers))
    return " ".join(lines), phenomena, groups


def dialect(k: Kit, rng: random.Random, primary: str) -> Draft:
    bank = k.banks[primary]["dialect"]
    groups = _choose_groups(rng, primary)
    # Only regions with two sentences that fit the groups (Finnish banks hold two per region).
    regions = [r for r in k.dialect_frames if len(_fitting(bank, groups, r)) >= 2]
    region = rng.choice(regions)
    lines = _pick(rng, bank, groups, 2, region)
    phenomena = [primary]
    second = _secondary(rng, primary)
    if second:
        extra = _pick(rng, k.banks[second]["dialect"], groups, 1, region)
        if extra:
            lines.append(extra[0])
            phenomena.append(second)
    openers, closers = k.dialect_frames[region]
    lines.insert(rng.randint(0, 1), _who(rng, k, "dialect", groups))
    if rng.random() < 0.7:
        lines.insert(0, rng.choice(openers))
    if rng.random() < 0.6:
        lines.append(rng.choice(closers))
    return " ".join(lines), phenomena, groups


def _mail_date(lang: str, day: date, hour: int, minute: int, outlook: bool) -> str:
    wd, mo = day.weekday(), day.month - 1
    if lang == "fi":
        if outlook:
            return f"{FI_WEEKDAYS[wd]} {day.day}. {FI_MONTHS[mo]} {day.year} {hour}.{minute:02d}"
        return f"{FI_WEEKDAYS_SHORT[wd]} {day.day}.{day.month}.{day.year} klo {hour}.{minute:02d}"
    if outlook:
        return f"den {day.day} {SV_MONTHS[mo]} {day.year} {hour:02d}:{minute:02d}"
    return f"{SV_WEEKDAYS_SHORT[wd]} {day.day} {SV_MONTHS_SHORT[mo]} {day.year} kl. {hour:02d}:{minute:02d}"


def _quote(lines: Sequence[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


def forwarded_mail(k: Kit, rng: random.Random, primary: str) -> Draft:
    m = k.mail
    groups = _choose_groups(rng, primary)
    body, phenomena = _written_core(k, rng, primary, groups)
    body.insert(rng.randint(0, 1), _who(rng, k, "written", groups))
    if rng.random() < 0.5:
        body += _pick(rng, k.banks[primary]["prop"], groups, 1)
    cut = rng.randint(1, len(body) - 1)
    paragraphs = [" ".join(body[:cut]), " ".join(body[cut:])]

    # The forwarder's own note and signature on top.
    top = [rng.choice(m.notes)]
    if rng.random() < 0.5:
        top.append(rng.choice(m.comments))
    forwarder = [
        " ".join(top),
        "",
        rng.choice(m.signoffs),
        rng.choice(m.roles),
        rng.choice(m.units),
        "",
    ]

    sender = _pick(rng, k.contacts, groups, 1)[0]
    day = date(2025, 1, 2) + timedelta(days=rng.randrange(330))
    hour, minute = rng.randint(7, 16), rng.randrange(60)
    subject = rng.choice(m.prefixes) + rng.choice(m.subjects)
    recipient = rng.choice(m.recipients)
    if rng.random() < 0.6:
        f, d, s, t = m.gmail_labels
        header = [m.gmail_marker, f"{f} {sender}", f"{d} {_mail_date(k.lang, day, hour, minute, False)}",
                  f"{s} {subject}", f"{t} {recipient}"]  # fmt: skip
    else:
        f, d, t, s = m.outlook_labels
        header = ["_" * 32, f"{f} {sender}", f"{d} {_mail_date(k.lang, day, hour, minute, True)}",
                  f"{t} {recipient}", f"{s} {subject}"]  # fmt: skip

    original = [
        rng.choice(m.greetings),
        "",
        paragraphs[0],
        "",
        paragraphs[1],
        "",
        rng.choice(m.signoffs),
        sender,
    ]
    # Partly quoted: mail clients quote all of it, or only the part the forwarder replied under.
    quoted = _quote(original) if rng.random() < 0.5 else _quote(original[:3]) + original[3:]
    lines = [*forwarder, *header, "", *quoted, "", rng.choice(m.disclaimers)]
    return "\n".join(lines), phenomena, groups


def mixed(k: Kit, rng: random.Random, primary: str) -> Draft:
    pair = rng.choice(sorted(p for p in k.pairs if p[0] == primary))
    second = pair[1]
    bridge_tags, bridge = _tags(rng.choice(k.pairs[pair]))
    groups = _choose_groups(rng, primary, sorted(bridge_tags & set(TARGET_GROUPS))[:1])
    bank, other = k.banks[primary], k.banks[second]
    near_miss = rng.random() < 0.3  # the secondary gets as many sentences as the primary's opening
    first = _pick(rng, bank["obs"], groups, 2 if near_miss else rng.randint(1, 2))
    middle = _pick(rng, other["obs"] + other["detail"], groups, 2 if near_miss else 1)
    last = _pick(
        rng,
        bank["detail"] + bank["voice"] + bank["prop"],
        groups,
        1 if near_miss else rng.randint(1, 2),
    )
    who = _who(rng, k, "written", groups)
    if rng.random() < 0.5:
        sentences = [who, *first, bridge, *middle, *last]
    else:
        sentences = [*first, who, bridge, *middle, *last]
    if rng.random() < 0.5:
        sentences.insert(0, rng.choice(k.mixed_openers))
    return " ".join(sentences), [primary, second], groups


STYLE_FUNCS: dict[str, Callable[[Kit, random.Random, str], Draft]] = {
    "long_form": long_form,
    "dictation": dictation,
    "spoken": spoken,
    "dialect": dialect,
    "forwarded_mail": forwarded_mail,
    "mixed": mixed,
}


# ------------------------------------------------------------------ corpus


def _plan(rng: random.Random, total: int) -> list[tuple[str, str]]:
    """(style, primary) slots: styles in near-equal shares, primaries round-robin (exactly balanced)."""
    base, extra = divmod(total, len(STYLES))
    styles = [s for i, s in enumerate(STYLES) for _ in range(base + (i < extra))]
    plan = [(style, PHENOMENA[i % len(PHENOMENA)]) for i, style in enumerate(styles)]
    rng.shuffle(plan)
    return plan


def _draw(k: Kit, rng: random.Random, style: str, primary: str, seen: set[str]) -> Draft:
    """Draw until the text is new and of a sensible length."""
    for _ in range(200):
        text, phenomena, groups = STYLE_FUNCS[style](k, rng, primary)
        if text not in seen and MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            return text, phenomena, groups
    raise RuntimeError(f"no acceptable {k.lang} {style} text for {primary}")


_IDENTIFYING = re.compile(r"@|\+358|\b\d{6}[-+A]\d{3}[0-9A-Y]\b|\b0\d{1,2}[ -]?\d{5,}")


def _check(records: Sequence[Record]) -> None:
    for rec in records:
        bad = [c for c in rec["phenomena"] if c not in PHENOMENA] + [
            g for g in rec["target_groups"] if g not in TARGET_GROUPS
        ]
        if bad or not 1 <= len(rec["phenomena"]) <= 2 or not 1 <= len(rec["target_groups"]) <= 2:
            raise RuntimeError(f"{rec['id']}: bad labels {rec['phenomena']} {rec['target_groups']}")
        if _IDENTIFYING.search(rec["text"]):
            raise RuntimeError(f"{rec['id']}: looks identifying")
    for lang, minimum in MIN_PRIMARY.items():
        counts = Counter(r["phenomena"][0] for r in records if r["lang"] == lang)
        short = [p for p in PHENOMENA if counts[p] < minimum]
        if short:
            raise RuntimeError(f"{lang}: too few primary {short}")


def build(seed: int = SEED) -> list[Record]:
    rng = random.Random(seed)
    records: list[Record] = []
    seen: set[str] = set()
    for lang, total in TOTALS.items():
        kit = KITS[lang]
        for style, primary in _plan(rng, total):
            text, phenomena, groups = _draw(kit, rng, style, primary, seen)
            seen.add(text)
            records.append(
                {
                    "id": f"cst-{len(records) + 1:04d}",
                    "lang": lang,
                    "style": style,
                    "split": "test",
                    "text": text,
                    "phenomena": phenomena,
                    "target_groups": groups,
                }
            )
    _check(records)
    return records


def main() -> int:
    return write_corpus(build(), OUT)


if __name__ == "__main__":
    raise SystemExit(main())
