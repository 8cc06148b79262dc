"""Hand-written templates for the synthetic evaluation corpus (see ilmio_demo.corpora.privacy).

Each entry is (style, lang, repetitions, template). Slots: see ilmio_demo.corpora.privacy._slot_fns.
"""

from __future__ import annotations

_FORMAL_FI = [
    "Asiakas {full} (hetu {hetu}) menetti vuokra-asuntonsa {muni_ine}, kun asumistuen "
    "päätös viivästyi. [[Kelan]] käsittelyaika oli yli kaksi kuukautta.",
    "Havaitsin, että useampi nuori aikuinen on jäänyt ilman asuntoa {muni_ine}. Esimerkiksi "
    "{first} kertoi, että vuokranantaja vaati takuuvuokraksi {amount}.",
    "Sosiaalityöntekijä {full} on tehnyt asiasta epäkohtailmoituksen ({law}). "
    "Yhteystiedot: {phone}, {email}.",
    "Ilmiö: vuokrarästit kasautuvat toimeentulotuen siirryttyä [[Kelaan]]. Asiakkaan "
    "{full_gen} tilille {iban} ei tullut tukea kolmeen viikkoon.",
    "Perhe asuu osoitteessa {addr_postal}. Äiti {first} kertoi, että sähkölasku on "
    "maksamatta ja lapset nukkuvat olohuoneessa.",
    "{full} ilmoitti {date}, että häneltä on katkaistu sähköt. Hän asuu {addr_ade} ja "
    "hänen puhelinnumeronsa on {phone}.",
    "Ikääntynyt asiakas {full} (s. {hetu}) ei osaa käyttää [[OmaKantaa]] eikä verkkopankkia. "
    "Omainen {first} hoitaa asiointia, mutta asuu {muni_ine}.",
    "Lastensuojelun asiakkuus alkoi, kun koulukuraattori {full} teki ilmoituksen. Lapsen "
    "äidin {full_gen} mukaan perhe on muuttanut {muni_ela} kolme kertaa vuoden aikana.",
    "Päihdepalveluissa on jonoa: {full} odotti [[A-klinikan]] vastaanottoaikaa kuusi viikkoa. "
    "Hänen tilanteensa heikkeni odotuksen aikana.",
    "Nuoren {first_gen} kanssa sovittiin tapaaminen [[Ohjaamossa]]. Hän pyysi, että "
    "yhteydenotot tehdään sähköpostilla {email}.",
    "Vammaispalvelun päätöksiä ei ole saatu ajallaan. Asiakas {full} on odottanut "
    "henkilökohtaisen avun päätöstä {date} lähtien.",
    "Kotihoidon asiakas {initial_last} asuu yksin osoitteessa {addr}. Hän on pudonnut "
    "kahdesti eikä turvapuhelinta ole asennettu.",
    "Maahanmuuttajataustainen perhe ei saanut tulkkia [[Kelan]] tapaamiseen. Isä {full} "
    "ymmärsi päätöksen väärin ja jätti hakemuksen tekemättä.",
    "Mielenterveyskuntoutuja {full} kotiutettiin osastolta ilman jatkosuunnitelmaa. "
    "Yhteyshenkilönä toimii {first_initial}, puh. {phone}.",
    "Toimeentulotuen perusosa ei riitä lääkkeisiin. Asiakas {last} kertoi käyttäneensä "
    "{amount} kuukaudessa reseptilääkkeisiin.",
    "Tapasin {full_ade} olevan vuokravelkaa {amount}. Velkaneuvonta ohjasi hänet "
    "[[Takuusäätiön]] palveluun.",
    "Asumisneuvoja {full} huomautti, että {street_nonum} varrella olevissa taloissa on "
    "kosteusvaurioita. Asukkaat eivät uskalla valittaa.",
    "{full_all} myönnettiin kiireellinen sijoitus {date}. Huoltaja on tavoitettavissa "
    "numerosta {phone}.",
    "Asiakkaan tilinumero {iban} ja henkilötunnus {hetu} oli kirjoitettu vapaaseen "
    "tekstikenttään, mikä on vastoin ohjetta.",
    "Omaishoitaja {full} uupui, koska lyhytaikaishoitoa ei järjestetty {muni_ine}. "
    "Hänen puolisonsa {first} tarvitsee ympärivuorokautista hoitoa.",
    "Koululainen {first} (9 v) on ollut pois koulusta kolme viikkoa. Rehtori {full} "
    "kertoi, ettei perheeseen saada yhteyttä.",
    "Asiakas kertoi, että {full_abl} on vaadittu vakuudeksi {amount}, vaikka hän on "
    "työmarkkinatuen varassa.",
    "Nuori {amb_first} (17 v) asuu sijaisperheessä {muni_ine}. Sosiaalityöntekijä on "
    "yhteydessä [[Pelastakaa Lapset]] -järjestöön tukihenkilön saamiseksi.",
    "Perheen isä {amb_full} on työtön ja perhe asuu {addr_postal}.",
    "Asukas {name_salo} kertoi, että hissi on ollut rikki kuukauden. Hän asuu "
    "{muni_ine} neljännessä kerroksessa.",
    "Vanhus {full} ohjattiin [[Diakonissalaitoksen]] päiväkeskukseen. Hänen tyttärensä "
    "{first} asuu ulkomailla.",
    "Palveluohjaaja {first} {last} totesi, että digitaaliset palvelut syrjäyttävät "
    "iäkkäitä. Asiakas {full} ei ole saanut pankkitunnuksia.",
    "Asiakkaan {last_gen} mukaan vuokranantaja irtisanoi sopimuksen ilman perustetta. "
    "Asunto sijaitsee {addr_ade}.",
    "{first} {last} ja hänen lapsensa muuttivat turvakotiin. [[Ensi- ja turvakotien liitto]] "
    "auttoi väliaikaisen asunnon löytämisessä.",
    "Sovimme, että {first_all} soitetaan maanantaina numeroon {phone}.",
]

_HURRIED_FI = [
    "asiakas {full_lower} soitti, vuokra rästissä {amount}, puh {phone}",
    "{lastgen_first_lower} kävi toimistolla, ei ollu saanu kelan päätöstä. hetu {hetu}",
    "muistiin: {first_lower} tarvii tt-tuen, asuu {addr}. soita {phone}!!",
    "tapaaminen {first_all} ti klo 14.30, osoite {addr_postal}",
    "äiti {first} sano et rahat loppu jo 15. pv, lapset syö koulussa vaan",
    "{full} / {hetu} / {phone} / toimeentulotuki hylätty",
    "nuori asunnoton, {first_lower} 19v, nukkunut kavereilla. sähköposti {email}",
    "lasu-ilmotus tehty, isä {last} ei vastaa puhelimeen ({phone})",
    "asiakkaan tili {iban}, kela maksanut väärälle tilille??",
    "huom {full} on aso-jonossa {muni_ine} jo puol vuotta",
    "kotikäynti {addr} – {first} {last} ei avannu ovea, naapurin mukaan sairaalassa",
    "totu-hakemus jäi kesken kun {first_lower} ei osannut skannata liitteitä",
    "{first_gen} kanssa puhuttu, asuu {addr_ade}, puh {phone}. {org} ohjattu",
    "soitin {first_all} ja {first_all}, kumpikaan ei vastannu",
    "pikaviesti: {full_gen} hetu {hetu} kirjattu väärin järjestelmään",
    "ei henkilötietoja: vuokrat nousseet {muni_ine} ja asiakkaat muuttaa kauemmas",
    "{first} {last} s-posti {email}, ei pankkitunnuksia, tarvii apua kelan asioinnissa",
    "lähetetty {full_all} kutsu, osoite {addr_postal}",
    "asiakas {first_lower} k. sano että {last} on hänen edunvalvoja",
    "velkaneuvonta {date}, mukana {first} ja poika {amb_first}",
]

_LIST_FI = [
    "Havainnot viikolta:\n- {full}: häätöuhka, vuokrarästi {amount}\n- {full}: ei "
    "tuloja kahteen kuukauteen\n- {muni_ine} ei ole tarjolla tukiasuntoja",
    "Yhteystiedot:\n* puh. {phone}\n* sähköposti {email}\n* osoite {addr_postal}",
    "Asiakkaat, joilla päätös viivästynyt:\n1. {full} ({hetu})\n2. {full} ({hetu})\n"
    "3. {first} {last}",
    "Tiedot:\n- nimi: {full}\n- hetu: {hetu}\n- tili: {iban}\n- puh: {phone}",
    "Toimenpide-ehdotukset:\n- lisää tukiasuntoja {muni_ine}\n- [[Kelan]] käsittelyajat "
    "lyhyemmiksi\n- digituki ikäihmisille\n(yhteyshenkilö {full}, {email})",
    "Osallistujat: {full}, {full}, {first_initial} ja {initial_last}.",
    "Kotikäynnit:\n- {addr}\n- {addr_postal}\n- {addr_ade} (ei tavattu)",
    "Asia: epäkohtailmoitus ({law})\nIlmoittaja: {full}\nPuhelin: {phone}",
]

_NOPII_FI = [
    "Vuokrat ovat nousseet {muni_ine} selvästi, ja yhä useampi asiakas hakee "
    "toimeentulotukea vuokran maksamiseen. Ilmiö koskee erityisesti yksin asuvia.",
    "{muni_ine} ja {muni_ine} asunnottomien määrä on kasvanut. [[Y-Säätiö]] on hankkinut "
    "uusia asuntoja, mutta jonot ovat pitkiä.",
    "{amb_sentence} Asiakkaat kokevat, että palvelut ovat liian kaukana.",
    "[[Maanantaina]] pidetyssä verkostopalaverissa todettiin, että {org} ja kunnan "
    "palvelut eivät tavoita paperittomia.",
    "Asiakkaiden mukaan {street_nonum} varrella ei ole esteetöntä kulkua. Rollaattorilla "
    "liikkuminen on vaikeaa talvella.",
    "Päätöksiä on tehty {law} perusteella, mutta toteutus viipyy. [[Tammikuussa]] odotti "
    "yli 40 asiakasta ja summat olivat noin {amount}.",
    "{amb_sentence} {amb_sentence}",
    "[[Mannerheimin Lastensuojeluliitto]] ja [[Sininauhaliitto]] järjestivät yhteisen "
    "koulutuksen {date} {muni_ine}.",
    "Nuorten päihdekokeilut ovat lisääntyneet {muni_ine}. [[Setlementti]] ja koulut ovat "
    "aloittaneet yhteistyön.",
    "Kotihoidon käynnit ovat lyhentyneet 15 minuuttiin. Ikäihmiset kokevat yksinäisyyttä.",
    "Toimeentulotuen hakeminen [[Kelasta]] vaatii pankkitunnukset, joita kaikilla ei ole. "
    "Kirjastoissa ei ole riittävästi digitukea.",
    "Asiakas muutti {muni_ela} {muni_ine} ja menetti samalla tukihenkilönsä.",
    "[[Salossa]] ja [[Lahdessa]] on havaittu samaa: nuoret aikuiset jäävät ilman "
    "mielenterveyspalveluja.",
    "Kuntouttavan työtoiminnan paikkoja on liian vähän. [[TE-palvelut]] siirtyivät "
    "kunnille {date}.",
    "Lapsiperheiden köyhyys näkyy: {amount} kuukaudessa ei riitä ruokaan ja harrastuksiin.",
]

_SV = [
    "Klienten {sv_full} (personbeteckning {hetu}) har förlorat sin bostad i {sv_muni}. "
    "[[FPA]] har inte fattat beslut om bostadsbidrag.",
    "Kundens mamma {sv_first} berättade att familjen bor på {sv_addr} och att hyran är "
    "obetald sedan {date}.",
    "Socialarbetare {sv_full} kan nås på telefon {phone} eller e-post {email}.",
    "{sv_first_gen} son har inte gått i skolan på tre veckor. Rektorn har gjort en "
    "barnskyddsanmälan.",
    "Familjen {sv_last_gen} ekonomi har försämrats efter att pappan blev arbetslös.",
    "Kunden {sv_full} har kontonummer {iban} men FPA betalade till fel konto.",
    "Äldre personer i {sv_muni} har svårt att använda digitala tjänster. Till exempel "
    "{sv_full} saknar bankkoder.",
    "Hembesök hos {sv_full} på {sv_addr}. Hon bor ensam och behöver hemvård.",
    "{sv_full} ringde från nummer {phone} och bad om hjälp med ansökan om utkomststöd.",
    "Klienten heter {sv_first} och bor i {sv_muni}. Hans dotter {sv_first} hjälper till "
    "med ärendena.",
    "Vi har märkt att unga vuxna i {sv_muni} saknar bostad. [[Folkhälsan]] erbjuder stöd "
    "men köerna är långa.",
    "Kontaktperson: {sv_full}, tel. {phone}, {email}.",
    "Anmälan om missförhållande ({law}) gjordes av {sv_full}.",
    "Mamma {sv_first} och pappa {sv_first} har båda missbruksproblem. Barnen bor hos "
    "mormor {sv_first}.",
    "Kunden {sv_full_gen} ansökan om färdtjänst har väntat sedan {date}.",
    "Hyrorna har stigit i {sv_muni} och många klienter söker utkomststöd. [[Röda Korset]] "
    "delar ut mathjälp varje [[måndag]].",
    "Ingen personlig information: väntetiderna till missbruksvården är över sex veckor "
    "i {sv_muni}.",
    "Kunden {sv_full} bor på {sv_addr} och har hetu {hetu}.",
    "Enligt {sv_full} har hyresvärden sagt upp avtalet utan orsak.",
    "Handledare {sv_first} {sv_last_plain} ordnade ett möte med [[Luckan]] i [[maj]].",
    "Klientens son {sv_first} (15 år) har skolfrånvaro. Skolkurator {sv_full} är orolig.",
    "Vi ringde till {sv_first} på nummer {phone} men ingen svarade.",
    "Barnfamiljer i {sv_muni} har svårt att betala elräkningar på {amount}.",
]

_MIXED = [
    "Asiakas {full} (puh. {phone}) kertoi, että {org} ei ole vastannut. Hänen "
    "sähköpostinsa on {email} ja tilinumero {iban}.",
    "Epäkohta: {org_gen} palveluun ei pääse ilman ajanvarausta. Asiakas {first_initial} "
    "joutui jonottamaan {muni_ine} kolme tuntia.",
    "Vuokranantaja {full} vaati asiakkaalta {amount} vakuuden. Asunto: {addr_postal}.",
    "{full} (hetu {hetu}, puh. {phone}) asuu {addr_ade} ja asioi [[Kelan]] kanssa "
    "päivittäin.",
    "Soitin {full_all} numeroon {phone}; hän kertoi muuttaneensa {muni_ine} osoitteeseen "
    "{addr}.",
    "Asiakkaan {first_gen} poika {amb_first} ja tytär {first} ovat huostaanotettuina. "
    "Äiti kertoi, että [[toivo]] on mennyt.",
    "Perhetyöntekijä {initial_last} kävi {date} perheen luona. Isä {first} {last} oli "
    "humalassa ja lapset yksin.",
    "Nuori {first_lower} {last_lower_plain} kertoi asuvansa kaverin "
    "sohvalla {muni_ine}.",
    "Herra {name_salo} ja rouva {name_salo} ovat molemmat yli 80-vuotiaita ja asuvat "
    "{muni_ine} ilman kotihoitoa.",
    "Kollega {full} huomasi, että [[HUS:n]] päivystyksestä kotiutetaan iäkkäitä yöllä "
    "ilman saattajaa.",
]


def _templates() -> list[tuple[str, str, int, str]]:
    out: list[tuple[str, str, int, str]] = []
    out += [("formal", "fi", 4, t) for t in _FORMAL_FI]
    out += [("hurried", "fi", 3, t) for t in _HURRIED_FI]
    out += [("list", "fi", 3, t) for t in _LIST_FI]
    out += [("nopii", "fi", 3, t) for t in _NOPII_FI]
    out += [("swedish", "sv", 5, t) for t in _SV]
    out += [("mixed", "fi", 4, t) for t in _MIXED]
    return out


TEMPLATES = _templates()
