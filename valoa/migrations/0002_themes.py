from django.db import migrations

THEMES = [
    (
        "jaettu-johtajuus",
        "Jaettu johtajuus",
        "Päätöksiä ei tehdä vain ylhäältä alas. Työn ääressä syntyvä kokemus painaa, ja "
        "johtajuus on tapa toimia, ei asema.",
    ),
    (
        "tarkoituksen-ymparille",
        "Organisoituminen tarkoituksen ympärille",
        "Rakenteet joustavat työn tarkoituksen ja käsillä olevien haasteiden mukaan.",
    ),
    (
        "tyon-tarkastelu-yhdessa",
        "Työn tarkastelu yhdessä",
        "Tiimi katsoo yhdessä työtään, asiakkaitaan ja suuntaansa.",
    ),
    (
        "dialogi",
        "Dialogi",
        "Vuorovaikutus rakentuu kunnioitukselle ja yhteistyölle: kuunnellaan ja kysytään.",
    ),
    (
        "oppiminen-arjessa",
        "Oppiminen arjen työssä",
        "Sitä, mitä nyt pitää oppia ja miten opimme, pohditaan osana työtä.",
    ),
    (
        "oppiminen-verkostoissa",
        "Oppiminen verkostoissa",
        "Haasteita katsotaan yli tiimin rajojen ja opitaan yli tiimi-, yksikkö- ja "
        "organisaatiorajojen.",
    ),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("valoa", "Theme")
    for order, (slug, name, description) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("valoa", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
