"""Theme names and descriptions in Swedish and English (django-modeltranslation's columns).

The Finnish texts move to the *_fi columns; the Swedish and English ones are given for the
themes this project started with (by slug). Where a text is missing, Finnish is shown.
"""

from django.db import migrations, models


# slug: ((Swedish name, description), (English name, description))
TRANSLATIONS = {
    "jaettu-johtajuus": (
        (
            "Delat ledarskap",
            "Besluten fattas inte bara uppifrån. Erfarenheten från det praktiska arbetet väger "
            "tungt, och ledarskap är ett sätt att arbeta, inte en position.",
        ),
        (
            "Shared leadership",
            "Decisions are not only made from the top down. Experience from the work itself "
            "counts, and leadership is a way of working, not a position.",
        ),
    ),
    "tarkoituksen-ymparille": (
        (
            "Organisering kring syftet",
            "Strukturerna anpassas efter arbetets syfte och de utmaningar som ligger framför oss.",
        ),
        (
            "Organising around purpose",
            "Structures adapt to the purpose of the work and to the challenges at hand.",
        ),
    ),
    "tyon-tarkastelu-yhdessa": (
        (
            "Att granska arbetet tillsammans",
            "Teamet ser tillsammans på sitt arbete, sina kunder och sin riktning.",
        ),
        (
            "Looking at the work together",
            "The team looks together at its work, its customers and its direction.",
        ),
    ),
    "dialogi": (
        (
            "Dialog",
            "Samspelet bygger på respekt och samarbete: vi lyssnar och frågar.",
        ),
        (
            "Dialogue",
            "Interaction is built on respect and cooperation: we listen and we ask.",
        ),
    ),
    "oppiminen-arjessa": (
        (
            "Lärande i vardagen",
            "Vad vi behöver lära oss nu, och hur vi lär oss, funderar vi på som en del av arbetet.",
        ),
        (
            "Learning in everyday work",
            "What we need to learn now, and how we learn, is thought about as part of the work.",
        ),
    ),
    "oppiminen-verkostoissa": (
        (
            "Lärande i nätverk",
            "Utmaningar ses bortom teamets gränser, och vi lär oss över gränserna mellan team, "
            "enheter och organisationer.",
        ),
        (
            "Learning in networks",
            "Challenges are seen beyond the team, and we learn across the boundaries of teams, "
            "units and organisations.",
        ),
    ),
}


def translate_themes(apps, schema_editor):
    Theme = apps.get_model("valoa", "Theme")
    for theme in Theme.objects.all():
        theme.name_fi = theme.name
        theme.description_fi = theme.description
        swedish, english = TRANSLATIONS.get(theme.slug, ((None, None), (None, None)))
        theme.name_sv, theme.description_sv = swedish
        theme.name_en, theme.description_en = english
        theme.save()


class Migration(migrations.Migration):
    dependencies = [
        ("valoa", "0009_pg_trgm"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="kuvaus"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_fi",
            field=models.TextField(blank=True, null=True, verbose_name="kuvaus"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_sv",
            field=models.TextField(blank=True, null=True, verbose_name="kuvaus"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_en",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="nimi"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_fi",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="nimi"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_sv",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="nimi"),
        ),
        migrations.RunPython(translate_themes, migrations.RunPython.noop),
    ]
