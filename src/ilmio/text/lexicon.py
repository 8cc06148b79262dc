"""Seed lexicon: domain vocabulary that signals a phenomenon or target group.

A report written by someone else uses words the training corpus may never have put in
the same sentence. These hand-written prefixes (matched against Finnish lemmas and
compound parts, and against Swedish surface words) give the classifier one extra
feature per code — "how many words of this code's vocabulary occur" — whose weight is
learned from the corpus like any other feature. Prefixes, so that inflection and
compounding match: "asunno" covers asunnoton, asunnottomuus.
"""

from __future__ import annotations

from functools import lru_cache

from ilmio.text.taxonomy_codes import PHENOMENA, TARGET_GROUPS


def _words(text: str) -> list[str]:
    """Whitespace-separated word list (keeps long vocabularies readable)."""
    return text.split()


_FI: dict[str, str] = {
    "asuminen": "asu asunno asunto vuokra häätö häädö koditon kodittom ensisuoja asuntola "
    "majoitu sohva vuokranantaja vakuus takuuvuokra asumistuki asumisneuvo asumisyksikkö "
    "muutto home kerrostalo yömaja lämpö kiinteistö isännöitsijä hätämajoitus",
    "mielenterveys": "mieli mielenterv masennu masentu ahdistu psyyk psykiatr psykoos terapia "
    "terapeut itsetuho itsemurha kriisi paniikki uupumu uupu burnout unettom trauma "
    "syömishäiriö kaksisuuntai skitsofre mieliala jaksa depressio psykolog",
    "paihteet": "päihde päihty alkoholi huume kannabis korvaushoito katkaisuhoito katko "
    "riippuvuu juoda juominen humala humaltu opioidi amfetamiini buprenorfiini "
    "rahapeli pelaaminen pelaa nuuska nikotiini retkahd yliannos raitti a-klinikka "
    "terveysneuvonta neula ruisku lääkkeiden väärinkäyt sekakäyt krapula viina",
    "toimeentulo": "toimeentulo perustoimeentulo tuki etuus kela velka velkaantu ulosotto "
    "ulosmitt pikavippi vippi laina luotto maksuhäiriö köyhyys pienitulo rahat raha "
    "lasku eläke ruoka-apu ruokajono leipäjono ruoka-avu karenssi työmarkkinatuki "
    "perintä sähkölasku talous taloudelli menot tulot maksusuunnitelma omavastuu",
    "palvelujarjestelma": "palvelu palveluohjau palvelutarve jono odotusaika käsittelyaika "
    "pompot luukku työntekijä vaihtuvuu henkilöstö resurssi yhteydenotto takaisinsoitto "
    "päätös asiakassuunnitelma omatyöntekijä lakkaut sulke terveyskeskus päivystys "
    "epäkohtailmoitus muistutus kantelu asiakasmaksu ostopalvelu tiedonkulku hyvinvointialue "
    "kriteeri yhteistyö moniammatilli sote",
    "osallisuus": "yksinäi yksin eristäyty eristyneisyy syrjäyty osallisuu osallistu yhteisö "
    "kohtaamispaikka harrastu ystävä kaveri vertais vapaaehtoi kokemusasiantunti "
    "vaikuttaa vaikutusmahdollisuu asukasraati ulkopuoli kuulu kuulla päivätoiminta "
    "päiväkeskus nuorisotila kylätalo seura tyhjä mielekäs",
    "yhdenvertaisuus": "syrjintä syrji rasismi rasisti yhdenvertai eriarvoi epätasa-arvo "
    "tasa-arvo esteettöm esteelli saavutettav tulkkaus tulkki viittomakieli selkokieli "
    "kielelli ruotsinkieli äidinkieli ennakkoluulo häirintä kohtuullinen mukautu "
    "vähemmistö romani seksuaalivähemmistö sukupuolivähemmistö ikäsyrjintä paperiton "
    "pyörätuoli oikeus",
    "tyo_koulutus": "työ työtön työttömyy työkyky työkyvy työllisty työllisyy te-toimisto "
    "te-palvelu koulu koulutu opiskelu opinnot opinto oppilaitos keskeyttä keskeyty "
    "pudokas koulupudokas kuntouttava työtoiminta työkokeilu palkkatuki ammatillinen "
    "toinen aste oppivelvollisuu oppisopimu työpaja lomautu irtisano työnhaku työnantaja "
    "sairauspäiväraha kuntoutu eläkehakemus toimintakyky ohjaamo osatyökykyi",
    "vakivalta": "väkivalta väkivaltai lähisuhde perheväkivalta turvakoti lyödä lyö "
    "pahoinpitely uhkailu uhka kiusaaminen kiusata kiusattu lähestymiskielto vaino "
    "kaltoinkohtelu hyväksikäyt seksuaalinen ahdistelu pelko pelätä turvaton "
    "turvallisuu rikosilmoitus poliisi kunniaväkivalta pakkoavioliitto ihmiskauppa "
    "marak ryöstö tappelu",
    "digitalisaatio": "digi digitaali sähköi verkko netti verkkopalvelu verkkoasiointi "
    "etäasiointi etävastaanotto tunnistautu pankkitunnu tunnukset mobiilivarmenne "
    "älypuhelin puhelin tietokone sovellus kirjautu chatbot chat omakanta "
    "valtuu huijau tietoturva laite nettiyhteys ruudunlukija lomake ajanvaraus internet",
    "lapset_nuoret": "nuori nuoriso lapsi lapset alaikäi koululai oppilas teini "
    "opiskelija kuraattori terveydenhoitaja jälkihuolto yläkoulu alakoulu lukio "
    "ammattikoulu toinen aste etsivä nuorisotyö vuotia",
    "lapsiperheet": "perhe lapsiperhe vanhempi vanhemmuu yksinhuoltaja äiti isä "
    "vauva taapero neuvola perhetyö kotipalvelu eroperhe perhesosiaalityö "
    "monilapsi sisarus päiväkoti varhaiskasvatu",
    "tyoikaiset": "työikäi aikuinen aikuissosiaalityö aikuissosiaali keski-ikäi työtön "
    "mies naiset yksin asuva työelämä työterveyshuolto",
    "ikaantyneet": "ikääntyn iäkä vanhus eläkeläi ikäihmi muistisairau muistisairas "
    "kotihoito omaishoitaja omaishoito palvelutalo seniori vanhuspalvelu ympärivuorokautinen "
    "yli 75 hoivakoti",
    "vammaiset": "vamma vammai kehitysvamma liikuntavamma näkövamma kuulovamma kuuro "
    "sokea pyörätuoli henkilökohtainen apu avustaja vammaispalvelu autismi neurokirjo "
    "adhd aistivamma erityisen tuen",
    "maahanmuuttajat": "maahanmuutta maahantulija pakolai turvapaikka kotoutu kotouttami "
    "oleskelulupa ulkomaalai vieraskieli kielitaito suomen kieli tulkki monikulttuuri "
    "ukrainalai tilapäinen suojelu siirtolai paperiton",
    "koko_vaesto": "asukas kuntalainen väestö kaikki väestö kansalainen ihminen kaikenikäi "
    "koko alue yleisesti laajasti",
}

_SV: dict[str, str] = {
    "asuminen": "bostad bostäder bostadslös hemlös hyra hyror hyres vräkning vräk avhysning "
    "härbärge boende bostadsbidrag deposition hyresvärd mögel fukt flytt lägenhet "
    "tvåa soffa tak över huvudet borgensman",
    "mielenterveys": "psykisk psykiatr mental ångest depression deprim terapi terapeut "
    "självmord självskad kris panik utmattning utbränd sömnlös trauma ätstörning "
    "psykos mående mår dåligt ohälsa",
    "paihteet": "missbruk alkohol drick drog narkotika cannabis substitution avgiftning "
    "beroende berus spel opioid snus nikotin återfall överdos a-klinik spruta "
    "nykter rus blandmissbruk",
    "toimeentulo": "utkomst stöd förmån fpa skuld utsökning snabblån lån kredit "
    "betalningsanmärkning fattig låginkomst pengar räkning pension matbank matkö "
    "brödkö karens inkasso ekonomi inkomst budget elräkning",
    "palvelujarjestelma": "tjänst service kö väntetid handläggning handläggare bollas "
    "lucka personal omsättning återuppringning beslut klientplan kontaktperson "
    "nedlagd stäng hälsocentral jour missförhållande anmärkning klagomål klientavgift "
    "samarbete välfärdsområde",
    "osallisuus": "ensam isoler utanförskap marginalis delaktig gemenskap mötesplats "
    "hobby vän kompis kamratstöd frivillig erfarenhetsexpert påverka delta "
    "dagcenter ungdomsgård sysselsättning höra till",
    "yhdenvertaisuus": "diskriminer rasism trakasser jämlik ojämlik likabehandling "
    "tillgänglig tolk teckenspråk lättläst språklig svenska modersmål fördom "
    "minoritet romsk könsminoritet anpassning papperslös rullstol rättighet",
    "tyo_koulutus": "arbete arbetslös jobb sysselsättning te-byrå te-tjänst arbetsförmåga "
    "arbetsför utbildning studie skola skolfrånvaro avbrott läroplikt gymnasi "
    "yrkesutbildning arbetsverksamhet arbetsprövning lönesubvention permitter uppsägning "
    "sjukpension omskolning verkstad",
    "vakivalta": "våld våldsutsatt nära relation skyddshem slå slår misshandel hot "
    "mobbning mobbas besöksförbud förföljelse trakasser övergrepp vanvård rädd "
    "otrygg polisanmälan heder tvångsäktenskap människohandel rån förövare",
    "digitalisaatio": "digital digistöd nätet e-tjänst elektronisk webb online "
    "autentisering bankkod inloggning logga in smarttelefon dator app chattbot "
    "distans video uppkoppling fullmakt bedrägeri sms skärmläsare blankett",
    "lapset_nuoret": "ung unga ungdom barn minderårig skolelev elev tonåring kurator "
    "hälsovårdare eftervård studerande",
    "lapsiperheet": "familj barnfamilj förälder föräldr ensamförsörj mamma pappa "
    "bebis rådgivning familjearbet hemservice småbarn",
    "tyoikaiset": "arbetsför ålder vuxen vuxna vuxensocialarbet medelålder arbetslös "
    "ensamboende män",
    "ikaantyneet": "äldre pensionär åldring minnessjuk hemvård närståendevård senior "
    "äldreomsorg över 75",
    "vammaiset": "funktionsnedsätt funktionshind handikapp utvecklingsstör rörelsehind "
    "synskad döv blind rullstol personlig assistans assistent autism",
    "maahanmuuttajat": "invandr flykting asylsök integration nyanländ uppehållstillstånd "
    "utländsk språkkunskap ukrain tillfälligt skydd",
    "koko_vaesto": "invånare kommuninvånare befolkning alla åldrar medborgare människor",
}


# Pieces of multi-word entries that are too generic on their own.
_GENERIC = frozenset(
    _words(
        "toinen aste yli koko alue kaikki ihminen suomen kieli apu erityisen tuen asuva mies "
        "naiset tyhjä seura kuulu kuulla oikeus tuki lyö tak över huvudet logga nära höra "
        "till alla mår dåligt personlig ålder män vuxna tillfälligt tillfälligt"
    )
)


def _parse(table: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {
        code: tuple(sorted({w for w in words.split() if w not in _GENERIC and len(w) >= 3}))
        for code, words in table.items()
    }


LEXICON: dict[str, dict[str, tuple[str, ...]]] = {"fi": _parse(_FI), "sv": _parse(_SV)}
LEXICON_CODES: tuple[str, ...] = PHENOMENA + TARGET_GROUPS


@lru_cache(maxsize=200_000)
def lexicon_codes(term: str, lang: str) -> tuple[int, ...]:
    """Indices (into LEXICON_CODES) of codes whose vocabulary has a prefix of ``term``."""
    table = LEXICON.get(lang)
    if not table or len(term) < 3:
        return ()
    hits: list[int] = []
    for i, code in enumerate(LEXICON_CODES):
        if any(term.startswith(p) for p in table.get(code, ())):
            hits.append(i)
    return tuple(hits)
