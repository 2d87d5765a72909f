"""Demo articles and comments in Finnish. Written for this demo; people and events are fictional."""

from datetime import timedelta

from django.utils import timezone

from insights.models import Article, Author, Comment
from valoa.models import Theme
from valoa.moderation import ModerationStatus

DEMO_NOTES = {
    "fi": (
        "\n\n---\n\n*Tämä kirjoitus on VALOA-sivuston kuvitteellista esittelysisältöä. "
        "Henkilöt ja tapahtumat ovat keksittyjä.*"
    ),
    "sv": (
        "\n\n---\n\n*Den här texten är påhittat exempelinnehåll på VALOA-webbplatsen. "
        "Personerna och händelserna är fiktiva.*"
    ),
}

# Fictional authors (the demo notes say so): name → slug, job title, organisation, bio.
AUTHORS = {
    "VALOA-toimitus": (
        "valoa-toimitus",
        "",
        "Valtiokonttori",
        "VALOA-toimitus kokoaa sivustolle esimerkkejä ja oivalluksia.",
    ),
    "Aino Esimerkki": (
        "aino-esimerkki",
        "kehittämisasiantuntija",
        "Esimerkkiviraston henkilöstöyksikkö",
        "Aino Esimerkki on kuvitteellinen kehittämisasiantuntija, joka on vetänyt "
        "työyhteisöjen kehittämishankkeita kymmenen vuotta.",
    ),
    "Ville Kuviteltu": (
        "ville-kuviteltu",
        "tiiminvetäjä",
        "Kuvitteellinen virasto",
        "Ville Kuviteltu on kuvitteellinen tiiminvetäjä.",
    ),
    "Sanna Keksitty": (
        "sanna-keksitty",
        "esihenkilö",
        "Esimerkkilän kaupunki",
        "Sanna Keksitty on kuvitteellinen esihenkilö kunta-alalta.",
    ),
    "Maria Mallikas": (
        "maria-mallikas",
        "henkilöstöasiantuntija",
        "Mallilan hyvinvointialue",
        "Maria Mallikas on kuvitteellinen henkilöstöasiantuntija.",
    ),
    "Juha Keksitty": (
        "juha-keksitty",
        "palvelupäällikkö",
        "Esimerkkilän kaupunki",
        "Juha Keksitty on kuvitteellinen palvelupäällikkö.",
    ),
    "Anna Exempel": (
        "anna-exempel",
        "utvecklingskonsult",
        "Exempelverket",
        "Anna Exempel är en fiktiv utvecklingskonsult.",
    ),
}

ARTICLES = [
    {
        "slug": "mista-valmentava-ja-oppiva-tyokulttuuri-rakentuu",
        "title": "Mistä valmentava ja oppiva työkulttuuri rakentuu?",
        "lead": (
            "Valmentava ja oppiva työkulttuuri ei ole valmis malli, joka otetaan käyttöön. "
            "Se rakentuu työn tarkoituksesta ja muuttuu, kun työ muuttuu. Kuusi toistuvaa "
            "ainesta auttaa silti hahmottamaan, mistä on kyse."
        ),
        "author": "VALOA-toimitus",
        "days_ago": 2,
        "themes": "all",
        "body": """\
Kun puhumme valmentavasta ja oppivasta työkulttuurista, emme tarkoita uutta johtamismallia
tai koulutusohjelmaa. Tarkoitamme tapaa tehdä työtä yhdessä niin, että jokainen voi käyttää
osaamistaan ja työyhteisö oppii koko ajan. Jokainen työyhteisö rakentaa kulttuurinsa
omasta työstään käsin. Silti samat ainekset toistuvat.

## 1. Jaettu johtajuus

Päätöksiä ei tehdä vain ylhäältä alas. Asiakkaan kohtaava työntekijä tietää usein parhaiten,
mikä toimii. Johtajuus on tapa toimia: kuka tahansa voi ottaa vastuuta, tehdä aloitteen ja
tukea toisia.

## 2. Organisoituminen tarkoituksen ympärille

Rakenteet ovat työn välineitä, eivät itseisarvo. Kun tiimi tietää, miksi sen työ on olemassa,
se voi muuttaa tapaansa toimia haasteiden mukaan.

## 3. Työn tarkastelu yhdessä

Tiimi katsoo säännöllisesti yhdessä työtään, asiakkaitaan ja suuntaansa. Mikä sujuu? Mikä
toistuu? Mitä asiakkaat meiltä oikeasti tarvitsevat?

## 4. Dialogi

Vuorovaikutus rakentuu kunnioitukselle ja yhteistyölle. Kuunnellaan ymmärtääkseen, ei
vastatakseen. Kysytään ennen kuin neuvotaan.

## 5. Oppiminen arjen työssä

Sitä, mitä meidän pitää nyt oppia ja miten opimme, pohditaan osana työtä eikä vain
koulutuspäivinä. Virheet ovat tietoa, eivät syyllisen etsimisen paikka.

## 6. Oppiminen verkostoissa

Moni haaste on suurempi kuin yksi tiimi. Opimme yli tiimi-, yksikkö- ja
organisaatiorajojen ja jaamme sen, minkä olemme oppineet.

## Myös hierarkkisessa työssä

Entä työ, jossa prosessit ja käskyvalta ovat välttämättömiä, kuten poliisityö? Sielläkin
voi katsoa prosesseja oppimisen lasien läpi: miten meni, oliko toiminta tarkoituksenmukaista,
miten parannamme? Selkeä johtaminen ja oppiva ote eivät sulje toisiaan pois.

**Mikä näistä aineksista on teillä vahvinta – entä mistä haluaisitte aloittaa? Kerro oma
oivalluksesi kommenteissa.**
""",
    },
    {
        "slug": "dialogi-hybridityossa",
        "title": "Dialogi hybridityössä: kun kaikki eivät ole samassa huoneessa",
        "lead": (
            "Etäyhteyden päässä istuva jää helposti sivustakatsojaksi. Muutama yksinkertainen "
            "sopimus tekee kokouksesta paikan, jossa jokainen tulee kuulluksi."
        ),
        "author": "Aino Esimerkki",
        "days_ago": 9,
        "themes": ["dialogi", "tyon-tarkastelu-yhdessa"],
        "body": """\
Hybridikokouksessa huoneessa olevat puhuvat keskenään, ja verkossa olevat odottavat
puheenvuoroa, jota ei tule. Kyse ei ole tekniikasta vaan tavoista.

## Kolme sopimusta, jotka auttavat

1. **Kaikki samalla tavalla.** Jos yksikin on etänä, jokainen liittyy omalta koneeltaan.
2. **Kierros ennen keskustelua.** Jokainen sanoo ensin lyhyesti oman näkemyksensä.
3. **Kysymys ennen kantaa.** Ennen kuin kommentoit, kysy yksi tarkentava kysymys.

## Mitä siitä seuraa

Kokoukset eivät piene, mutta niistä lähdetään yhteisen ymmärryksen kanssa. Hiljaisimmatkin
tulevat kuulluiksi, ja päätökset pitävät paremmin.
""",
    },
    {
        "slug": "virheista-oppiminen-ilman-syyllisia",
        "title": "Virheistä oppiminen ilman syyllisiä",
        "lead": (
            "Kun virheestä seuraa syyllisen etsiminen, virheet piilotetaan. Kun virheestä "
            "seuraa yhteinen kysymys siitä, mitä opimme, työ paranee."
        ),
        "author": "Ville Kuviteltu",
        "days_ago": 20,
        "themes": ["oppiminen-arjessa", "tyon-tarkastelu-yhdessa"],
        "body": """\
Moni työyhteisö sanoo haluavansa oppia virheistä. Harvempi on sopinut, miten se tehdään.

## Lyhyt jälkipuinti

Kun jokin menee pieleen, käykää vartin keskustelu neljällä kysymyksellä:

- Mitä odotimme tapahtuvan?
- Mitä tapahtui?
- Miksi tapahtunut poikkesi odotetusta?
- Mitä teemme ensi kerralla toisin?

Puhukaa tapahtumista ja olosuhteista, ei henkilöistä. Kirjatkaa opit ylös ja palatkaa
niihin kuukauden kuluttua.

## Esihenkilön esimerkki

Kun esihenkilö kertoo ensimmäisenä omasta virheestään, muiden on helpompi seurata.
""",
    },
    {
        "slug": "jaettu-johtajuus-arjessa",
        "featured_order": 1,
        "title": "Jaettu johtajuus arjessa: kuka päättää mistäkin?",
        "lead": (
            "Jaettu johtajuus ei tarkoita, että kaikki päättävät kaikesta. Se tarkoittaa, että "
            "sovitaan yhdessä, kuka päättää mistäkin ja millä tiedolla."
        ),
        "author": "Sanna Keksitty",
        "days_ago": 35,
        "themes": ["jaettu-johtajuus", "tarkoituksen-ymparille"],
        "body": """\
Jaettu johtajuus herättää usein huolen: jos kaikki johtavat, kuka kantaa vastuun?
Vastaus löytyy selkeistä sopimuksista.

## Päätöskartta

Listatkaa tiimin tavalliset päätökset ja merkitkää jokaisen kohdalle, kuka päättää:
esihenkilö yksin, esihenkilö tiimiä kuultuaan, tiimi yhdessä vai kuka tahansa asiaa hoitava.
Kartta näyttää, missä vastuuta voi jakaa heti.

## Aloita pienestä

Valitkaa yksi päätös, jonka siirrätte tiimille kolmeksi kuukaudeksi. Arvioikaa sitten,
mitä opitte.
""",
    },
    {
        "slug": "palautekulttuuri-syntyy-pienista-teoista",
        "title": "Palautekulttuuri syntyy pienistä teoista",
        "lead": (
            "Palautetta pyydetään kerran vuodessa kehityskeskustelussa, mutta oppiminen "
            "tapahtuu arjessa. Kun palautteen antamisesta tulee tapa, siitä tulee myös helpompaa."
        ),
        "author": "Maria Mallikas",
        "days_ago": 50,
        "themes": ["dialogi", "oppiminen-arjessa"],
        "body": """\
Moni työyhteisö toivoo enemmän palautetta, mutta harva on sopinut, miten sitä annetaan.
Palautekulttuuri ei synny yhdellä koulutuksella vaan toistolla.

## Pyydä ensin itse

Esihenkilöt voivat näyttää mallia pyytämällä palautetta omasta työstään. Kysymys ”mitä voisin
tehdä toisin?” on helpompi kuulla kuin esittää, joten aloite kannattaa ottaa itse.

## Kiitos on myös palautetta

Kiittäminen unohtuu kiireessä. Konkreettinen kiitos – mikä onnistui ja miksi sillä oli
merkitystä – kertoo, mitä kannattaa jatkaa.

## Vertaispalaute tiimissä

Tiimit voivat sopia lyhyestä vertaispalautteesta esimerkiksi projektin päätteeksi. Kolme
kysymystä riittää: mikä auttoi, mikä hidasti ja mitä toivot ensi kerralla.
""",
    },
    {
        "slug": "perehdytys-on-koko-tyoyhteison-tehtava",
        "title": "Perehdytys on koko työyhteisön tehtävä",
        "lead": (
            "Uuden työntekijän ensimmäiset viikot ratkaisevat paljon. Kun perehdyttäjänä toimii "
            "koko tiimi, tulokkaalle välittyy myös se, miten täällä tehdään työtä yhdessä."
        ),
        "author": "Juha Keksitty",
        "days_ago": 65,
        "themes": ["oppiminen-arjessa", "oppiminen-verkostoissa"],
        "body": """\
Perehdytyksen tarkistuslista on hyvä alku, mutta se kertoo vain, mitä pitää tietää. Yhtä
tärkeää on, keneltä voi kysyä.

## Kummi ja tiimi

Uudelle työntekijälle nimetään kummi, joka on tavoitettavissa ensimmäisen kuukauden ajan.
Tiimi sopii lisäksi, kuka esittelee minkäkin työvaiheen. Näin tulokkaat tutustuvat heti
useampaan kollegaan.

## Suunnitelma yhdessä

Tehkää perehdytyksen suunnitelma yhdessä uuden työntekijän kanssa. Hänellä on usein aiempaa
osaamista, jota työyhteisö voi hyödyntää: perehdytys kulkee kumpaankin suuntaan.

## Palatkaa asiaan

Kolmen kuukauden kohdalla kannattaa kysyä, mikä perehdytyksen aikana auttoi ja mitä jäi
puuttumaan. Vastaukset parantavat seuraavan tulokkaan alkua.
""",
    },
    {
        "slug": "muutoksen-johtaminen-kun-paatos-tulee-ylhaalta",
        "title": "Kun päätös tulee ylhäältä: muutoksen johtaminen lähellä työtä",
        "lead": (
            "Organisaatiomuutoksesta päätetään usein kaukana arjesta. Lähiesihenkilö ei voi "
            "muuttaa päätöstä, mutta hän voi vaikuttaa siihen, miten muutos eletään todeksi."
        ),
        "author": "Sanna Keksitty",
        "days_ago": 80,
        "themes": ["jaettu-johtajuus", "dialogi"],
        "body": """\
Yhteistoimintaneuvottelut, uudet rakenteet ja siirrot herättävät epävarmuutta. Epävarmuuden
tunne ei katoa tiedottamalla, mutta se helpottuu, kun ihmiset pääsevät puhumaan.

## Kerro, mitä tiedät – ja mitä et

Muutoksen johtaminen alkaa rehellisyydestä. Jos jotain ei vielä tiedetä, sekin kannattaa
sanoa ääneen. Arvailu täyttää hiljaisuuden nopeasti.

## Anna tiimin päättää siitä, mistä se voi

Vaikka suuri linja tulee ylhäältä, toteutuksessa on lähes aina liikkumavaraa. Tiimi voi sopia
itse esimerkiksi siitä, miten tehtävät jaetaan siirtymäkauden aikana.

## Luottamus rakentuu teoista

Luottamusta ei voi vaatia. Se syntyy, kun sovitut asiat tehdään ja kun huoliin palataan.
""",
    },
    {
        "slug": "larande-i-vardagen-pa-ambetsverket",
        "language": "sv",
        "title": "Lärande i vardagen på ämbetsverket",
        "lead": (
            "Medarbetarna på ett ämbetsverk började avsluta varje vecka med en kort "
            "reflektion. Små samtal gav stora insikter."
        ),
        "author": "Anna Exempel",
        "days_ago": 95,
        "themes": ["oppiminen-arjessa"],
        "body": """\
Varje fredag samlades teamen i femton minuter. Frågorna var alltid desamma: vad lärde vi oss,
vad överraskade oss och vad vill vi pröva nästa vecka?

## Ledarskap som stödjer lärandet

Cheferna deltog men ledde inte samtalen. Ansvaret för reflektionen roterade mellan
medarbetarna.

## Vad vi lärde oss

Reflektionerna gjorde arbetsplatsens tysta kunskap synlig. Nya kollegor kom snabbare in i
arbetet när erfarenheterna delades öppet.
""",
    },
]

COMMENTS = [
    # (article slug or None for a reader insight, name, text, status, hours ago)
    (
        "mista-valmentava-ja-oppiva-tyokulttuuri-rakentuu",
        "Tiina",
        "Meillä vahvinta on dialogi, mutta oppiminen verkostoissa jää helposti arjen jalkoihin.",
        ModerationStatus.APPROVED,
        30,
    ),
    (
        "mista-valmentava-ja-oppiva-tyokulttuuri-rakentuu",
        "Markku",
        "Hyvä muistutus siitä, ettei hierarkia estä oppimista. Jälkipuinti toimii meillä.",
        ModerationStatus.APPROVED,
        20,
    ),
    (
        "mista-valmentava-ja-oppiva-tyokulttuuri-rakentuu",
        "Uusi kommentoija",
        "Voisiko työkirjaa käyttää myös johtoryhmässä?",
        ModerationStatus.PENDING,
        2,
    ),
    (
        "dialogi-hybridityossa",
        "Leena",
        "Kokeilimme kierrosta ennen keskustelua. Etäosallistujat kiittivät.",
        ModerationStatus.APPROVED,
        50,
    ),
    (
        None,
        "Pekka",
        "Oivalsin, että kysymys 'mitä tarvitset minulta?' avaa keskustelun paremmin kuin neuvo.",
        ModerationStatus.APPROVED,
        40,
    ),
    (
        None,
        "Riikka",
        "Paras oppimishetkemme syntyi, kun kaksi tiimiä vaihtoi päiväksi työtehtäviä.",
        ModerationStatus.PENDING,
        5,
    ),
]


def load() -> None:
    now = timezone.now()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    authors = {}
    for name, (slug, job_title, organisation, bio) in AUTHORS.items():
        authors[name], _ = Author.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "job_title": job_title,
                "organisation": organisation,
                "bio": bio,
            },
        )
    articles = {}
    for data in ARTICLES:
        language = data.get("language", "fi")
        article, _ = Article.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "lead": data["lead"],
                "body": data["body"] + DEMO_NOTES[language],
                "language": language,
                "author": authors[data["author"]],
                "status": Article.Status.PUBLISHED,
                "published_at": now - timedelta(days=data["days_ago"]),
                # Lifted to the home page, in this order.
                "featured": "featured_order" in data,
                "featured_order": data.get("featured_order", 0),
            },
        )
        wanted = themes.values() if data["themes"] == "all" else [themes[s] for s in data["themes"]]
        article.themes.set(wanted)
        articles[article.slug] = article
    for slug, name, body, status, hours_ago in COMMENTS:
        Comment.objects.get_or_create(
            article=articles[slug] if slug else None,
            name=name,
            body=body,
            defaults={
                "email": f"{name.lower().replace(' ', '.')}@example.fi",
                "status": status,
                "created_at": now - timedelta(hours=hours_ago),
            },
        )
