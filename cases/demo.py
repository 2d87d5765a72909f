"""Illustrative demo cases: fictional organisations, written for showing what the site does.

`load()` may be run any number of times: each case is updated or created by its slug.
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from cases.models import Case, Sector
from valoa.models import Theme

CASES = [
    {
        "slug": "poliisilaitos-itseohjautuvuus-ja-selkea-johto",
        "kind": Case.Kind.CASE,
        "title": "Poliisilaitos: itseohjautuvuutta arkeen, selkeä johto tilanteisiin",
        "organisation": "Järvimaan poliisilaitos (kuvitteellinen)",
        "sector": Sector.STATE,
        "duration": "2022–2024",
        "themes": ["jaettu-johtajuus", "tyon-tarkastelu-yhdessa", "oppiminen-arjessa"],
        "lead": (
            "Valvonta- ja hälytystoiminnan ryhmät alkoivat suunnitella arkeaan itse. "
            "Kiireellisissä tilanteissa johtosuhteet pysyivät yhtä selvinä kuin ennenkin."
        ),
        "background": (
            "Ryhmänjohtajat hukkuivat pieniin päätöksiin: vuorolistojen muutoksiin, "
            "kalustoon ja koulutusvuoroihin. Samaan aikaan kokeneet konstaapelit kokivat, "
            "ettei heidän osaamistaan käytetty.\n\n"
            "Poliisityössä on tilanteita, joissa käskyn pitää kulkea nopeasti ja "
            "yksiselitteisesti. "
            "Haasteena oli lisätä vastuuta arjessa ilman, että tämä hämärtyy."
        ),
        "actions": (
            "- Ryhmät sopivat yhdessä, mitkä asiat ovat **arjen asioita**, joista ryhmä päättää "
            "itse, ja mitkä **tilanteita**, joissa johtaa kenttäjohtaja.\n"
            "- Jokaisen vuoron lopussa pidettiin kymmenen minuutin purku: mikä meni hyvin, mikä "
            "ei, mitä teemme ensi kerralla toisin.\n"
            "- Ryhmänjohtajan rooli muuttui valmentavaksi: hän kysyy ennen kuin neuvoo, ja "
            "tilanteissa hän johtaa kuten ennenkin."
        ),
        "learnings": (
            "Selkeä raja arjen ja tilanteiden välillä oli edellytys sille, että vastuuta "
            "uskallettiin "
            "ottaa. Kun raja oli kirjoitettu auki, kukaan ei joutunut arvailemaan.\n\n"
            "Vuoron lopun purku jäi aluksi usein väliin kiireen vuoksi. Se alkoi toimia vasta, kun "
            "se merkittiin vuorolistaan samalla tavalla kuin muutkin tehtävät."
        ),
        "tips": (
            "1. Kirjoittakaa yhdessä auki, mistä ryhmä päättää itse.\n"
            "2. Pitäkää purku lyhyenä ja säännöllisenä – kymmenen minuuttia riittää.\n"
            "3. Kertokaa myös, mikä ei muutu. Se luo turvaa."
        ),
    },
    {
        "slug": "ministerio-hybridityon-dialogituokiot",
        "kind": Case.Kind.EXPERIMENT,
        "title": "Ministeriö kokeili dialogituokioita hybridityön pelisäännöistä",
        "organisation": "Esimerkkiministeriö (kuvitteellinen)",
        "sector": Sector.STATE,
        "duration": "Kevät 2024, puoli vuotta",
        "themes": ["dialogi", "tarkoituksen-ymparille", "tyon-tarkastelu-yhdessa"],
        "lead": (
            "Osasto ei laatinut hybridityölle ohjetta ylhäältä, vaan kävi siitä kuusi "
            "dialogituokiota. Pelisäännöt syntyivät tiimeissä."
        ),
        "background": (
            "Etätyön yleistyttyä osastolla oli yhtä monta käsitystä hybridityöstä kuin "
            "työntekijöitä. Osa koki jäävänsä paitsi tiedosta, osa kaipasi työrauhaa. "
            "Ensimmäinen luonnos yhteisiksi säännöiksi herätti lähinnä vastustusta."
        ),
        "actions": (
            "Osasto järjesti kuusi puolentoista tunnin dialogituokiota. Jokaisessa oli yksi "
            "kysymys, esimerkiksi *”Milloin tarvitsemme toisiamme samassa paikassa?”*.\n\n"
            "Tuokioissa ei tehty päätöksiä. Ensin kuunneltiin ja kysyttiin, sitten kukin tiimi "
            "kirjasi omat pelisääntönsä. Vetäjinä toimivat vuorotellen eri yksiköiden "
            "asiantuntijat."
        ),
        "learnings": (
            "Kun päätöksiä ei tarvinnut tehdä heti, ihmiset kertoivat avoimemmin omasta "
            "tilanteestaan. Tiimien säännöt olivat erilaisia, ja se oli hyvä asia: ne perustuivat "
            "työn tarpeisiin.\n\n"
            "Kuusi tuokiota oli liikaa. Viimeisiin tuli vähemmän väkeä, ja palautteen mukaan neljä "
            "olisi riittänyt."
        ),
        "tips": (
            "- Valitkaa jokaiseen tuokioon yksi hyvä kysymys.\n"
            "- Erottakaa keskustelu ja päätöksenteko eri kerroille.\n"
            "- Antakaa tiimien tehdä omat sääntönsä yhteisten raamien sisällä."
        ),
    },
    {
        "slug": "virheista-oppimisen-vartti-kotihoidossa",
        "kind": Case.Kind.CASE,
        "title": "Virheistä oppimisen vartti kotihoidossa",
        "organisation": "Pohjolan hyvinvointialue, kotihoito (kuvitteellinen)",
        "sector": Sector.WELLBEING,
        "duration": "Vuodesta 2023",
        "themes": ["oppiminen-arjessa", "dialogi", "tyon-tarkastelu-yhdessa"],
        "lead": (
            "Kotihoidon tiimit käyvät joka viikko läpi yhden asian, joka meni pieleen. "
            "Syyllistä ei etsitä; tavoite on oppia."
        ),
        "background": (
            "Poikkeamailmoituksia tehtiin, mutta niistä ei juuri puhuttu. Moni koki, että "
            "virheestä kertominen tarkoittaa moitteita. Samat läheltä piti -tilanteet "
            "toistuivat eri tiimeissä."
        ),
        "actions": (
            "Tiimit ottivat viikkopalaverin alkuun vartin, jossa käydään läpi yksi tapahtuma. "
            "Kysymykset ovat aina samat:\n\n"
            "1. Mitä tapahtui?\n"
            "2. Mitä odotimme tapahtuvan?\n"
            "3. Miksi lopputulos oli toinen?\n"
            "4. Mitä muutamme?\n\n"
            "Esihenkilö kertoi ensimmäisellä kerralla oman virheensä. Se madalsi kynnystä."
        ),
        "learnings": (
            "Ilmoituksia alkoi tulla enemmän, ja ne olivat tarkempia. Tämä näytti ensin huonolta "
            "tilastoissa, mutta kertoi siitä, että asioista uskallettiin puhua.\n\n"
            "Aluksi vartti venyi helposti puoleksi tunniksi. Ajanottaja auttoi pitämään sen "
            "lyhyenä ja säännöllisenä."
        ),
        "tips": (
            "- Aloittakaa pienestä tapahtumasta, ei suurimmasta kriisistä.\n"
            "- Pitäkää kysymykset samoina joka kerta.\n"
            "- Viekää yksi muutos käytäntöön heti seuraavalla viikolla."
        ),
    },
    {
        "slug": "kuntien-hr-verkosto-oppii-yhdessa",
        "featured": True,
        "featured_order": 2,
        "kind": Case.Kind.CASE,
        "title": "Viiden kunnan HR-verkosto ratkoo yhteisiä haasteita",
        "organisation": "Rannikon kuntaverkosto (kuvitteellinen)",
        "sector": Sector.MUNICIPALITY,
        "duration": "2021–",
        "themes": ["oppiminen-verkostoissa", "dialogi", "jaettu-johtajuus"],
        "lead": (
            "Pienten kuntien henkilöstöasiantuntijat tapaavat kuukausittain ja tuovat "
            "pöytään yhden oikean ongelman. Ratkaisut kokeillaan omassa kunnassa."
        ),
        "background": (
            "Pienessä kunnassa HR-asiantuntija on usein ainoa laatuaan. Rekrytointi, "
            "työhyvinvointi ja muutosjohtaminen kuormittivat, eikä kollegaa ollut, jolta kysyä."
        ),
        "actions": (
            "Viisi kuntaa perusti verkoston, jolla ei ole pysyvää puheenjohtajaa. Tapaamisen "
            "vetovastuu kiertää kunnalta toiselle.\n\n"
            "Jokaisessa tapaamisessa yksi kunta esittelee ajankohtaisen ongelmansa. Muut kysyvät "
            "ensin tarkentavia kysymyksiä ja ehdottavat vasta sitten ratkaisuja. Kuukauden päästä "
            "kerrotaan, mitä kokeiltiin ja miten kävi."
        ),
        "learnings": (
            "Kiertävä vetovastuu piti verkoston elävänä: kukaan ei kantanut sitä yksin. "
            "Tärkeintä oli luottamus, joka syntyi, kun myös epäonnistumisista kerrottiin.\n\n"
            "Yhteinen sähköinen työtila jäi vähälle käytölle. Tapaamiset ja puhelut toimivat "
            "paremmin kuin kirjoittaminen."
        ),
        "tips": (
            "- Tuokaa tapaamiseen oikea, keskeneräinen ongelma.\n"
            "- Sopikaa, että kerrotte seuraavalla kerralla, mitä kokeilitte.\n"
            "- Kierrättäkää vetovastuuta."
        ),
    },
    {
        "slug": "kirjasto-tiimit-asiakasryhmien-ymparille",
        "kind": Case.Kind.EXPERIMENT,
        "title": "Kirjasto järjesti tiiminsä asiakasryhmien ympärille",
        "organisation": "Harjulan kaupunginkirjasto (kuvitteellinen)",
        "sector": Sector.MUNICIPALITY,
        "duration": "Syksy 2023, yhdeksän kuukautta",
        "themes": ["tarkoituksen-ymparille", "jaettu-johtajuus", "tyon-tarkastelu-yhdessa"],
        "lead": (
            "Osastojen sijaan kirjasto kokeili tiimejä, jotka vastaavat yhdestä asiakasryhmästä: "
            "lapsiperheistä, nuorista, työikäisistä ja ikäihmisistä."
        ),
        "background": (
            "Kirjaston työ oli jaettu tehtävien mukaan: hankinta, asiakaspalvelu ja tapahtumat. "
            "Kukaan ei katsonut kokonaisuutta yhden asiakasryhmän silmin, ja esimerkiksi "
            "nuorten käyntimäärät laskivat."
        ),
        "actions": (
            "Henkilöstö jaettiin neljään asiakasryhmätiimiin. Jokainen tiimi sai päättää omasta "
            "osuudestaan hankintabudjetista ja tapahtumista.\n\n"
            "Tiimit kävivät kerran kuussa läpi asiakaspalautteen ja käyntitiedot ja päättivät, "
            "mitä muuttavat seuraavaksi."
        ),
        "learnings": (
            "Nuorten tiimi uudisti illan aukiolon ja tilat, ja nuorten käynnit kääntyivät "
            "kasvuun. Tiimeissä koettiin, että työn tarkoitus tuli näkyvämmäksi.\n\n"
            "Kaikki ei toiminut: erityisosaaminen, kuten kaukolainat, hajosi tiimeihin, ja "
            "palvelu hidastui. Kokeilun jälkeen osa tehtävistä palautettiin yhteiseksi."
        ),
        "tips": (
            "- Kokeilkaa ensin määräajan ja sopikaa arviointipäivä etukäteen.\n"
            "- Miettikää erikseen, mitkä tehtävät kannattaa pitää yhteisinä."
        ),
    },
    {
        "slug": "lupavirasto-jalkipuinti-15-minuutissa",
        "featured": True,
        "featured_order": 3,
        "kind": Case.Kind.EXPERIMENT,
        "title": "Lupavirasto katsoi prosessejaan ”oppimisen lasit” päässä",
        "organisation": "Valtion lupavirasto (kuvitteellinen)",
        "sector": Sector.STATE,
        "duration": "2024, neljä kuukautta",
        "themes": ["tyon-tarkastelu-yhdessa", "oppiminen-arjessa"],
        "lead": (
            "Tarkkaan säädeltyäkin työtä voi tarkastella yhdessä: miten meni, oliko se "
            "tarkoituksenmukaista, miten teemme ensi kerralla paremmin?"
        ),
        "background": (
            "Lupakäsittelyn vaiheet on määritelty laissa ja ohjeissa. Käsittelyajat olivat "
            "kuitenkin pidentyneet, eikä kukaan tiennyt tarkalleen, missä kohdassa aikaa kului."
        ),
        "actions": (
            "Jokaisen valmistuneen, tavallista pidemmän asian jälkeen käsittelijät pitivät "
            "15 minuutin jälkipuinnin. Mukana oli kaikki, jotka olivat asiaa käsitelleet.\n\n"
            "Havainnot koottiin yhteiselle taululle. Kuukauden lopussa tiimi valitsi kaksi "
            "asiaa, joita se muutti."
        ),
        "learnings": (
            "Suurin osa viiveistä syntyi siirroissa ihmiseltä toiselle, ei itse käsittelyssä. "
            "Kun tämä näkyi, lisätietopyynnöt alettiin tehdä heti yhdellä kertaa.\n\n"
            "Jälkipuinnit tuntuivat aluksi ylimääräiseltä työltä. Kun ensimmäiset muutokset "
            "lyhensivät käsittelyä, asenne muuttui."
        ),
        "tips": (
            "- Prosessin ei tarvitse olla vapaa, jotta siitä voi oppia.\n"
            "- Valitkaa tarkasteltavaksi poikkeavat tapaukset, ei kaikkia."
        ),
    },
    {
        "slug": "vuorosuunnittelu-tiimin-omiin-kasiin",
        "kind": Case.Kind.EXPERIMENT,
        "title": "Osaston vuorosuunnittelu tiimin omiin käsiin",
        "organisation": "Metsälän hyvinvointialue, sisätautiosasto (kuvitteellinen)",
        "sector": Sector.WELLBEING,
        "duration": "2023, kolme suunnittelujaksoa",
        "themes": ["jaettu-johtajuus", "tarkoituksen-ymparille", "dialogi"],
        "lead": (
            "Osastonhoitajan sijaan hoitajat laativat työvuorolistan yhdessä. Kokeilu onnistui "
            "osittain – ja siitä opittiin paljon."
        ),
        "background": (
            "Työvuorotoiveet olivat jatkuva kitkan lähde. Osastonhoitaja käytti listaan päiviä, "
            "ja silti moni koki, ettei toiveita kuunneltu."
        ),
        "actions": (
            "Hoitajat sopivat yhdessä reunaehdot: miehitys, osaaminen joka vuorossa ja "
            "lepoajat. Sen jälkeen jokainen merkitsi vuoronsa yhteiseen pohjaan, ja "
            "kahden hengen vuorosuunnittelijapari sovitteli päällekkäisyydet."
        ),
        "learnings": (
            "Toiveet toteutuivat aiempaa paremmin, ja osastonhoitajan aikaa vapautui muuhun. "
            "Keskustelu reiluudesta – kuka tekee viikonloput – oli kuitenkin raskas. "
            "Ilman yhdessä sovittuja periaatteita se olisi kariutunut.\n\n"
            "Yksi jakso meni pieleen, kun suunnittelijapari sairastui. Varahenkilöt sovittiin "
            "vasta "
            "sen jälkeen."
        ),
        "tips": (
            "- Sopikaa reiluuden periaatteet ennen ensimmäistä listaa.\n"
            "- Nimetkää varahenkilöt suunnittelijoille.\n"
            "- Esihenkilö pysyy tukena ja ratkaisee, jos tiimi ei pääse sopuun."
        ),
    },
    {
        "slug": "mentorointiparit-yli-yksikkorajojen",
        "kind": Case.Kind.CASE,
        "title": "Mentorointiparit yli yksikkörajojen",
        "organisation": "Laakson koulutuskuntayhtymä (kuvitteellinen)",
        "sector": Sector.OTHER,
        "duration": "2022–2024",
        "themes": ["oppiminen-verkostoissa", "oppiminen-arjessa"],
        "lead": (
            "Opettajat, opinto-ohjaajat ja hallinnon asiantuntijat muodostivat pareja, jotka "
            "oppivat toistensa työstä. Parit tulivat aina eri yksiköistä."
        ),
        "background": (
            "Koulutuskuntayhtymän kampukset toimivat kuin omat saarensa. Hyviä käytäntöjä oli, "
            "mutta ne eivät levinneet, ja uudet työntekijät perehdytettiin vain oman yksikön "
            "tapoihin."
        ),
        "actions": (
            "Halukkaat ilmoittautuivat ja kertoivat, mitä haluavat oppia ja mitä voivat opettaa. "
            "Parit tapasivat kerran kuussa, vuorotellen kummankin työpaikalla.\n\n"
            "Kahdesti vuodessa kaikki parit kokoontuivat kertomaan, mitä olivat oppineet."
        ),
        "learnings": (
            "Parhaat ideat syntyivät pareissa, joissa työt olivat hyvin erilaisia. Hallinnon "
            "asiantuntija ja hitsausopettaja kehittivät yhdessä selkeämmän palautelomakkeen.\n\n"
            "Osa pareista hiipui, kun yhteistä aikaa ei löytynyt. Tapaamisten sopiminen "
            "koko vuodeksi kerralla auttoi."
        ),
        "tips": (
            "- Yhdistäkää pareiksi eri tehtävissä toimivia.\n"
            "- Sopikaa tapaamiset koko kaudeksi etukäteen.\n"
            "- Jakakaa opitut asiat muillekin."
        ),
    },
    {
        "slug": "tekniset-palvelut-asiakkaan-silmin",
        "kind": Case.Kind.EXPERIMENT,
        "title": "Teknisen toimen kävelykierrokset asiakkaan silmin",
        "organisation": "Kivikosken kaupunki, tekniset palvelut (kuvitteellinen)",
        "sector": Sector.MUNICIPALITY,
        "duration": "Kesä 2024",
        "themes": ["tyon-tarkastelu-yhdessa", "dialogi", "tarkoituksen-ymparille"],
        "lead": (
            "Kaavoittajat, kunnossapito ja asiakaspalvelu kävelivät yhdessä asukkaiden "
            "kanssa ja katsoivat omaa työtään asukkaan näkökulmasta."
        ),
        "background": (
            "Palautetta tuli paljon, mutta se kulki eri yksiköihin eri kanavia pitkin. "
            "Yksiköt näkivät vain oman palansa asukkaan kokemuksesta."
        ),
        "actions": (
            "Kesän aikana järjestettiin kuusi kävelykierrosta eri kaupunginosissa. Mukana oli "
            "työntekijöitä kolmesta yksiköstä ja asukkaita. Jokaisen kierroksen jälkeen "
            "työntekijät pitivät lyhyen yhteisen palaverin: mitä näimme ja mitä teemme?"
        ),
        "learnings": (
            "Moni ongelma oli yksiköiden välissä: kukaan ei ollut vastuussa esimerkiksi "
            "kevyen liikenteen väylien opasteista. Kierrokset toivat vastuun näkyviin.\n\n"
            "Asukkaita oli vaikea saada mukaan arkipäivinä. Iltakierrokset toimivat paremmin."
        ),
        "tips": (
            "- Ottakaa mukaan ihmisiä useasta yksiköstä.\n"
            "- Sopikaa heti kierroksen jälkeen, kuka tekee mitä."
        ),
    },
    {
        "slug": "sosiaalipalvelujen-asiakasraati",
        "kind": Case.Kind.EXPERIMENT,
        "title": "Sosiaalipalvelujen asiakasraati toi asiakkaiden äänen suunnitteluun",
        "organisation": "Kallioniemen hyvinvointialue, sosiaalipalvelut (kuvitteellinen)",
        "sector": Sector.WELLBEING,
        "duration": "2024, kuusi kuukautta",
        "themes": ["tyon-tarkastelu-yhdessa", "dialogi", "tarkoituksen-ymparille"],
        "lead": (
            "Sosiaalityöntekijät kutsuivat palveluja käyttäneitä ihmisiä raatiin, joka "
            "kommentoi uusia lomakkeita ja toimintatapoja ennen niiden käyttöönottoa."
        ),
        "background": (
            "Uudistukset suunniteltiin aiemmin työntekijöiden kesken. Asiakkaiden kokemus "
            "selvisi vasta, kun jokin ei toiminut ja palautetta alkoi tulla."
        ),
        "actions": (
            "Raatiin valittiin kahdeksan asiakasta, jotka tapasivat kuukauden välein. Heille "
            "näytettiin keskeneräisiä luonnoksia: lomakkeita, ohjeita ja ajanvarauksen "
            "vaiheita. Raadin jäsenet saivat korvauksen ajastaan."
        ),
        "learnings": (
            "Moni ongelma löytyi jo luonnosvaiheessa. Esimerkiksi päätöskirjeiden kieli "
            "selkeytyi, kun raadin jäsenet kertoivat, mitä olivat ymmärtäneet.\n\n"
            "Raadin kokoonpano oli alussa liian yksipuolinen. Nuoria asiakkaita saatiin mukaan "
            "vasta, kun tapaamiset siirrettiin iltaan."
        ),
        "tips": (
            "- Näyttäkää keskeneräistä: silloin palaute ehtii vaikuttaa.\n"
            "- Maksakaa raadin jäsenille heidän ajastaan.\n"
            "- Kertokaa, mitä palautteen perusteella muutettiin."
        ),
    },
    {
        "slug": "ymparistoterveyden-tarkastajat-oppivat-toisiltaan",
        "kind": Case.Kind.CASE,
        "title": "Ympäristöterveydenhuollon tarkastajat oppivat toisiltaan",
        "organisation": "Ylänteen kuntayhtymä, ympäristöterveys (kuvitteellinen)",
        "sector": Sector.MUNICIPALITY,
        "duration": "2022–2024",
        "themes": ["oppiminen-verkostoissa", "oppiminen-arjessa", "tyon-tarkastelu-yhdessa"],
        "lead": (
            "Elintarvike- ja terveystarkastajat tekivät tarkastuskäyntejä pareittain ja "
            "vertasivat jälkikäteen, mitä kumpikin oli havainnut."
        ),
        "background": (
            "Tarkastajat työskentelivät yksin laajalla alueella. Samasta asiasta saatettiin "
            "antaa eri kunnissa erilaisia ohjeita, mikä hämmensi yrittäjiä."
        ),
        "actions": (
            "Kahden vuoden ajan jokainen tarkastaja teki kuukaudessa kaksi käyntiä työparin "
            "kanssa. Käynnin jälkeen parit kävivät läpi, mitä olivat huomanneet ja miksi.\n\n"
            "Kerran neljännesvuodessa koko yksikkö kokoontui vertaamaan tulkintojaan vaikeista "
            "tapauksista."
        ),
        "learnings": (
            "Tulkinnat yhtenäistyivät, ja yrittäjien palaute parani. Kokeneetkin tarkastajat "
            "kertoivat oppineensa nuoremmilta uusia tapoja kohdata yrittäjiä.\n\n"
            "Parityö vei aikaa. Siksi yhteisiä käyntejä tehtiin vain kohteisiin, joissa arvio "
            "oli vaikea."
        ),
        "tips": (
            "- Aloittakaa vaikeimmista kohteista.\n"
            "- Sopikaa etukäteen, että erimielisyys on tervetullutta.\n"
            "- Kirjatkaa yhteiset tulkinnat muistiin."
        ),
    },
]


# The demo cases that get a drawn picture (the site's own, no stock photos): slug -> colours.
ILLUSTRATED = {
    "poliisilaitos-itseohjautuvuus-ja-selkea-johto": ("#dbe9f4", "#1f4e79"),
    "ministerio-hybridityon-dialogituokiot": ("#f4ead5", "#1f5f4a"),
    "virheista-oppimisen-vartti-kotihoidossa": ("#e3f1e6", "#8a3b12"),
    "kuntien-hr-verkosto-oppii-yhdessa": ("#efe4f2", "#5b2a6e"),
}
ILLUSTRATION_ALT = "Piirroskuva: neljä ihmistä keskustelee pöydän ääressä, taustalla aurinko."


def illustration(background: str, accent: str) -> ContentFile:
    """A 1600 by 900 drawing: four people around a table under the sun."""
    image = Image.new("RGB", (1600, 900), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((1250, 90, 1450, 290), fill="#f4c430")
    draw.rounded_rectangle((380, 560, 1220, 640), radius=30, fill="#9a5b34")
    for number, x in enumerate((470, 690, 910, 1130)):
        colour = accent if number % 2 else "#4a5862"
        draw.ellipse((x - 60, 270, x + 60, 390), fill="#e0b08a")
        draw.rounded_rectangle((x - 95, 410, x + 95, 600), radius=60, fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="kuvitus.png")


@transaction.atomic
def load() -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    now = timezone.now()
    for number, data in enumerate(CASES):
        data = dict(data)
        theme_slugs = data.pop("themes")
        slug = data.pop("slug")
        defaults = {**data, "status": Case.Status.PUBLISHED, "is_demo": True}
        case, _created = Case.objects.update_or_create(
            slug=slug,
            defaults=defaults,
            # A second run keeps the dates, and with them the order, of the first one.
            create_defaults={**defaults, "published_at": now - timedelta(days=7 * number + 1)},
        )
        case.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
        if slug in ILLUSTRATED and not case.image:
            case.image = illustration(*ILLUSTRATED[slug])
            case.image_alt = ILLUSTRATION_ALT
            case.save()
