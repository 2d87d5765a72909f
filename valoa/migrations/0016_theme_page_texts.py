"""What each of the six elements means and how it shows in everyday work, in Finnish, Swedish
and English: the first texts of the theme pages. Editors change them in the admin."""

from django.db import migrations

from valoa.content.markdown import render_markdown

# slug: {language: (meaning, in practice)}
TEXTS = {
    "jaettu-johtajuus": {
        "fi": (
            "Jaetussa johtajuudessa päätöksiä ei tehdä vain ylhäältä alas. Se, joka tekee "
            "työtä asiakkaan kanssa, näkee usein ensimmäisenä, mikä toimii ja mikä ei. Hänen "
            "kokemuksensa painaa, kun päätetään.\n\n"
            "Johtajuus on tapa toimia, ei asema. Jokainen voi ottaa vastuuta, tehdä aloitteita "
            "ja tukea muita. Esihenkilön tehtävä on luoda tälle tilaa ja selkeät raamit.",
            "- Asiaa vie eteenpäin se, joka tuntee sen parhaiten, ei automaattisesti esihenkilö.\n"
            "- Tiimi päättää itse, miten se jakaa työt ja vastuut.\n"
            "- Palaverissa kysytään ensin työn tekijöiden havainnot.\n"
            "- Päätöksen perustelut kerrotaan, ja niitä saa kyseenalaistaa.",
        ),
        "sv": (
            "I ett delat ledarskap fattas besluten inte bara uppifrån. Den som arbetar med "
            "kunden ser ofta först vad som fungerar och vad som inte gör det. Den erfarenheten "
            "väger tungt när beslut fattas.\n\n"
            "Ledarskap är ett sätt att arbeta, inte en position. Alla kan ta ansvar, ta "
            "initiativ och stödja andra. Chefens uppgift är att skapa utrymme och tydliga ramar "
            "för det.",
            "- Den som känner frågan bäst driver den, inte automatiskt chefen.\n"
            "- Teamet bestämmer själv hur det fördelar arbete och ansvar.\n"
            "- På möten frågar man först efter iakttagelserna från dem som gör arbetet.\n"
            "- Skälen till ett beslut berättas, och de får ifrågasättas.",
        ),
        "en": (
            "In shared leadership, decisions are not only made from the top down. The people "
            "who work with customers often see first what works and what does not. Their "
            "experience counts when decisions are made.\n\n"
            "Leadership is a way of working, not a position. Anyone can take responsibility, "
            "take the initiative and support others. A manager's task is to make room for this "
            "and to set clear boundaries.",
            "- The person who knows a matter best takes it forward, not automatically the "
            "manager.\n"
            "- The team decides for itself how to share work and responsibilities.\n"
            "- Meetings start with what the people doing the work have noticed.\n"
            "- The reasons for a decision are explained, and they may be questioned.",
        ),
    },
    "tarkoituksen-ymparille": {
        "fi": (
            "Työ järjestetään sen mukaan, mitä sillä halutaan saada aikaan, eikä toisin päin. "
            "Kun tarkoitus on kaikille selvä, rakenteet, roolit ja rutiinit voivat joustaa "
            "tilanteen mukaan.\n\n"
            "Organisaatiokaavio ei ratkaise, kuka tekee mitäkin. Tiimi kokoontuu sen haasteen "
            "ympärille, joka on juuri nyt tärkein.",
            "- Tiimi osaa sanoa omin sanoin, miksi sen työ on tärkeää ja kenelle.\n"
            "- Uuden haasteen ympärille kootaan ryhmä yli yksikkörajojen.\n"
            "- Rutiini, joka ei enää palvele tarkoitusta, lopetetaan.\n"
            "- Tavoitteita tarkistetaan, kun asiakkaan tarve muuttuu.",
        ),
        "sv": (
            "Arbetet ordnas efter vad man vill åstadkomma, inte tvärtom. När syftet är klart "
            "för alla kan strukturer, roller och rutiner anpassas efter situationen.\n\n"
            "Organisationsschemat avgör inte vem som gör vad. Teamet samlas kring den utmaning "
            "som är viktigast just nu.",
            "- Teamet kan med egna ord säga varför dess arbete är viktigt och för vem.\n"
            "- En grupp samlas kring en ny utmaning över enhetsgränserna.\n"
            "- En rutin som inte längre tjänar syftet slopas.\n"
            "- Målen ses över när kundens behov förändras.",
        ),
        "en": (
            "Work is arranged around what it is meant to achieve, not the other way round. "
            "When everyone understands the purpose, structures, roles and routines can flex "
            "with the situation.\n\n"
            "The organisation chart does not decide who does what. The team gathers around "
            "the challenge that matters most right now.",
            "- The team can say in its own words why its work matters and to whom.\n"
            "- A group forms around a new challenge across unit borders.\n"
            "- A routine that no longer serves the purpose is dropped.\n"
            "- Goals are reviewed when the customer's needs change.",
        ),
    },
    "tyon-tarkastelu-yhdessa": {
        "fi": (
            "Tiimi pysähtyy säännöllisesti katsomaan yhdessä työtään: miten se sujuu, mitä "
            "asiakkaat siitä sanovat ja mihin suuntaan olemme menossa.\n\n"
            "Hierarkkisessa ja prosessien ohjaamassa työssäkin voi katsoa omia prosessejaan "
            "oppimisen silmälasein: miten meni, oliko se tarkoituksenmukaista ja miten voisimme "
            "tehdä paremmin?",
            "- Tiimillä on sovittu hetki, jossa käydään läpi, mikä sujui ja mikä ei.\n"
            "- Asiakkaiden ja yhteistyökumppaneiden palaute luetaan yhdessä.\n"
            "- Isomman tehtävän jälkeen pidetään lyhyt jälkipuinti ilman syyllisten etsimistä.\n"
            "- Työn suuntaa tarkistetaan yhdessä, ei vain johtoryhmässä.",
        ),
        "sv": (
            "Teamet stannar regelbundet upp för att tillsammans se på sitt arbete: hur det "
            "går, vad kunderna säger om det och vart vi är på väg.\n\n"
            "Också i hierarkiskt och processtyrt arbete kan man se på sina processer med "
            "lärandets glasögon: hur gick det, var det ändamålsenligt och hur kan vi göra "
            "bättre?",
            "- Teamet har en avtalad stund då man går igenom vad som gick bra och vad som inte "
            "gjorde det.\n"
            "- Responsen från kunder och samarbetspartner läses tillsammans.\n"
            "- Efter en större uppgift hålls en kort genomgång utan att leta efter skyldiga.\n"
            "- Arbetets riktning ses över tillsammans, inte bara i ledningsgruppen.",
        ),
        "en": (
            "The team regularly stops to look at its work together: how it is going, what "
            "customers say about it and where we are heading.\n\n"
            "Even in hierarchical, process-driven work you can look at your processes through "
            "a learning lens: how did it go, did it serve its purpose and how could we do "
            "better?",
            "- The team has an agreed moment to go through what went well and what did not.\n"
            "- Feedback from customers and partners is read together.\n"
            "- After a larger task there is a short review that looks for lessons, not for "
            "someone to blame.\n"
            "- The direction of the work is reviewed together, not only by the management "
            "team.",
        ),
    },
    "dialogi": {
        "fi": (
            "Dialogi on vuorovaikutusta, joka rakentuu kunnioitukselle ja yhteistyölle. Siinä "
            "ei kilpailla siitä, kuka on oikeassa, vaan yritetään ymmärtää, mitä toinen "
            "tarkoittaa.\n\n"
            "Dialogissa kuunnellaan ja kysytään ennen kuin tehdään johtopäätöksiä. Eriävä "
            "mielipide on tervetullut, koska se tuo näkyviin asioita, jotka muuten jäisivät "
            "huomaamatta.",
            "- Toisen puheenvuoro kuunnellaan loppuun.\n"
            "- Kokouksessa jokainen saa puheenvuoron, myös hiljaisemmat.\n"
            "- Kysytään \"mitä tarkoitat?\" ennen kuin vastataan.\n"
            "- Erimielisyydestä puhutaan ääneen ja asiallisesti.",
        ),
        "sv": (
            "Dialog är samspel som bygger på respekt och samarbete. Man tävlar inte om vem som "
            "har rätt utan försöker förstå vad den andra menar.\n\n"
            "I en dialog lyssnar man och ställer frågor innan man drar slutsatser. En "
            "avvikande åsikt är välkommen, eftersom den lyfter fram sådant som annars skulle "
            "gå obemärkt förbi.",
            "- Man lyssnar tills den andra har talat till punkt.\n"
            "- Alla får ordet på mötet, också de tystare.\n"
            "- Man frågar \"vad menar du?\" innan man svarar.\n"
            "- Oenighet tas upp öppet och sakligt.",
        ),
        "en": (
            "Dialogue is interaction built on respect and cooperation. It is not a contest "
            "over who is right but an effort to understand what the other person means.\n\n"
            "In dialogue we listen and ask questions before drawing conclusions. A different "
            "opinion is welcome, because it brings out things that would otherwise go "
            "unnoticed.",
            "- People let each other finish.\n"
            "- Everyone gets a turn in meetings, the quieter people too.\n"
            "- We ask \"what do you mean?\" before answering.\n"
            "- Disagreement is voiced openly and calmly.",
        ),
    },
    "oppiminen-arjessa": {
        "fi": (
            "Oppiminen ei tapahdu vain koulutuksissa. Suurin osa siitä tapahtuu tavallisena "
            "työpäivänä, kun tehdään, kokeillaan ja pohditaan yhdessä.\n\n"
            "Tiimi puhuu osana työtään siitä, mitä sen pitää nyt oppia ja miten se oppii. "
            "Virheet käydään läpi oppiakseen, ei syyllisiä etsien.",
            "- Uutta tapaa kokeillaan pienesti ja rajatun ajan, ja sitten katsotaan, mitä "
            "opittiin.\n"
            "- Kokenut ja uusi työntekijä tekevät työtä välillä yhdessä.\n"
            "- Viikkopalaverissa kerrotaan yksi asia, jonka opimme.\n"
            "- Virheestä kerrotaan, jotta muut eivät toista sitä.",
        ),
        "sv": (
            "Lärande sker inte bara på utbildningar. Det mesta sker en vanlig arbetsdag, när "
            "man gör, prövar och funderar tillsammans.\n\n"
            "Teamet talar som en del av arbetet om vad det behöver lära sig nu och hur det "
            "lär sig. Misstag gås igenom för att lära, inte för att hitta skyldiga.",
            "- Ett nytt arbetssätt prövas i liten skala och under en begränsad tid, och sedan "
            "ser man vad man lärde sig.\n"
            "- En erfaren och en ny medarbetare arbetar ibland tillsammans.\n"
            "- På veckomötet berättar man om en sak man har lärt sig.\n"
            "- Man berättar om ett misstag så att andra inte upprepar det.",
        ),
        "en": (
            "Learning does not only happen in training. Most of it happens on an ordinary "
            "working day, as we do things, try things out and think them over together.\n\n"
            "As part of its work, the team talks about what it needs to learn now and how it "
            "learns. Mistakes are gone through to learn from them, not to find someone to "
            "blame.",
            "- A new way of working is tried on a small scale for a limited time, and then we "
            "look at what we learned.\n"
            "- An experienced and a new employee sometimes work side by side.\n"
            "- The weekly meeting includes one thing we have learned.\n"
            "- Mistakes are shared so that others do not repeat them.",
        ),
    },
    "oppiminen-verkostoissa": {
        "fi": (
            "Monet haasteet ovat liian isoja yhdelle tiimille. Kun ne nähdään oman tiimin "
            "rajojen yli, löytyy myös ratkaisuja ja osaamista muualta.\n\n"
            "Opimme yli tiimi-, yksikkö- ja organisaatiorajojen: kysymme muilta, miten he "
            "ovat ratkaisseet saman asian, ja kerromme omista kokeiluistamme.",
            "- Toisen viraston tai kunnan kokemuksia kysytään ennen kuin aloitetaan alusta.\n"
            "- Tiimi kertoo kokeilustaan muille, myös siitä, mikä ei onnistunut.\n"
            "- Yhteinen asiakas kootaan yhden pöydän ääreen eri organisaatioista.\n"
            "- Verkostoon osallistuminen on osa työtä, ei sen lisäksi tehtävää.",
        ),
        "sv": (
            "Många utmaningar är för stora för ett enda team. När man ser dem över teamets "
            "gränser hittar man också lösningar och kunnande på andra håll.\n\n"
            "Vi lär oss över team-, enhets- och organisationsgränser: vi frågar andra hur de "
            "har löst samma sak och berättar om våra egna försök.",
            "- Man frågar efter en annan myndighets eller kommuns erfarenheter innan man "
            "börjar från början.\n"
            "- Teamet berättar för andra om sitt försök, också om det som inte lyckades.\n"
            "- Aktörer från olika organisationer som har samma kund samlas kring ett bord.\n"
            "- Att delta i nätverk är en del av arbetet, inte något som görs vid sidan om.",
        ),
        "en": (
            "Many challenges are too big for one team. When they are seen beyond the team's "
            "borders, solutions and know-how turn up elsewhere too.\n\n"
            "We learn across team, unit and organisation borders: we ask others how they have "
            "solved the same thing and tell them about our own experiments.",
            "- We ask about another agency's or municipality's experience before starting "
            "from scratch.\n"
            "- The team tells others about its experiment, including what did not work.\n"
            "- People from different organisations who serve the same customer meet around "
            "one table.\n"
            "- Taking part in networks is part of the work, not something on top of it.",
        ),
    },
}


def add_texts(apps, schema_editor):
    Theme = apps.get_model("valoa", "Theme")
    for theme in Theme.objects.filter(slug__in=TEXTS):
        for code, (meaning, in_practice) in TEXTS[theme.slug].items():
            # Only where an editor has not written a text already.
            if not getattr(theme, f"meaning_{code}"):
                setattr(theme, f"meaning_{code}", meaning)
                setattr(theme, f"meaning_html_{code}", render_markdown(meaning))
            if not getattr(theme, f"in_practice_{code}"):
                setattr(theme, f"in_practice_{code}", in_practice)
                setattr(theme, f"in_practice_html_{code}", render_markdown(in_practice))
        theme.save()


class Migration(migrations.Migration):
    dependencies = [("valoa", "0015_theme_pages")]
    operations = [migrations.RunPython(add_texts, migrations.RunPython.noop)]
