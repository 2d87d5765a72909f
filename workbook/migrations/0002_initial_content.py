"""The workbook's first statements and reflection questions; editors change them in the admin."""

from django.db import migrations

# (theme slug, [two statements for step 1], [reflection questions for step 2])
CONTENT = [
    (
        "jaettu-johtajuus",
        [
            "Käytämme toistemme vahvuuksia: asiaa vie eteenpäin se, joka tuntee sen parhaiten.",
            "Työn ääressä tehdyt havainnot vaikuttavat siihen, mitä päätämme.",
        ],
        [
            "Missä asioissa haluaisimme päättää enemmän itse?",
            "Kenen osaamista käytämme tiimissä liian vähän?",
            "Miten asiakastyön kokemus saadaan päätösten pohjaksi?",
        ],
    ),
    (
        "tarkoituksen-ymparille",
        [
            "Tiedämme, miksi työmme on tärkeää, ja puhumme siitä, mikä meitä siinä innostaa.",
            "Muutamme tapaamme tehdä työtä, kun tilanne tai asiakkaan tarve sitä vaatii.",
        ],
        [
            "Miksi teemme tätä työtä – kenelle se on tärkeää?",
            "Mikä työssämme innostaa meitä juuri nyt?",
            "Mikä rakenne tai rutiini on alkanut haitata työn tarkoitusta?",
        ],
    ),
    (
        "tyon-tarkastelu-yhdessa",
        [
            "Pysähdymme säännöllisesti katsomaan yhdessä, miten työ sujuu ja mihin olemme menossa.",
            "Kehitämme työtämme yhdessä asiakkaiden tai yhteistyökumppaneiden kanssa.",
        ],
        [
            "Milloin viimeksi pysähdyimme yhdessä katsomaan, miten työ sujuu?",
            "Mitä asiakkaamme tai yhteistyökumppanimme sanoisivat työstämme?",
            "Mistä tiedämme, että olemme menossa oikeaan suuntaan?",
        ],
    ),
    (
        "dialogi",
        [
            "Kuuntelemme toisiamme loppuun ja kysymme ennen kuin teemme johtopäätöksiä.",
            "Uskallamme sanoa eriävän mielipiteen ääneen, ja siitä seuraa hyvää keskustelua.",
        ],
        [
            "Missä tilanteissa meillä on helppo sanoa oma mielipiteensä? Entä missä vaikeaa?",
            "Miten voisimme kuunnella toisiamme paremmin?",
            "Mistä meidän pitäisi puhua, mutta emme ole puhuneet?",
        ],
    ),
    (
        "oppiminen-arjessa",
        [
            "Käymme virheet läpi oppiaksemme emmekä etsi syyllisiä.",
            "Kokeilemme rohkeasti uusia tapoja tehdä työtä.",
        ],
        [
            "Mitä meidän pitää oppia nyt, jotta työ sujuu myös ensi vuonna?",
            "Mitä opimme viimeisimmästä virheestämme tai onnistumisestamme?",
            "Miten teemme oppimiselle tilaa tavallisena työpäivänä?",
        ],
    ),
    (
        "oppiminen-verkostoissa",
        [
            "Opimme muilta tiimeiltä ja organisaatioilta ja jaamme omat oppimme niille.",
            "Ratkomme isoja haasteita yhdessä yli tiimi- ja yksikkörajojen.",
        ],
        [
            "Keneltä muualta voisimme oppia?",
            "Mitä meillä on annettavaa muille?",
            "Minkä haasteen ratkaisemiseen tarvitsemme muitakin kuin oman tiimimme?",
        ],
    ),
]


def create_content(apps, schema_editor):
    Theme = apps.get_model("valoa", "Theme")
    Statement = apps.get_model("workbook", "Statement")
    ReflectionQuestion = apps.get_model("workbook", "ReflectionQuestion")
    statement_order = question_order = 0
    for slug, statements, questions in CONTENT:
        theme = Theme.objects.get(slug=slug)
        for text in statements:
            statement_order += 10
            Statement.objects.get_or_create(
                theme=theme, text=text, defaults={"order": statement_order}
            )
        for text in questions:
            question_order += 10
            ReflectionQuestion.objects.get_or_create(
                theme=theme, text=text, defaults={"order": question_order}
            )


class Migration(migrations.Migration):
    dependencies = [("workbook", "0001_initial"), ("valoa", "0002_themes")]
    operations = [migrations.RunPython(create_content, migrations.RunPython.noop)]
