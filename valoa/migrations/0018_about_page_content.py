"""The about page's first text, and the editors' right to edit it and the team list."""

from django.db import migrations

from valoa.content.markdown import render_markdown
from valoa.permissions import grant_to_editors

BODY = {
    "fi": (
        "VALOA on avoin sivusto julkisen sektorin työyhteisöille, jotka haluavat kehittää "
        "valmentavaa ja oppivaa työkulttuuria. Sivustolta löydät muiden organisaatioiden "
        "esimerkkejä ja kokeiluja, oivalluksia sekä työkirjan, jonka avulla tiimi voi "
        "arvioida omaa työtään ja suunnitella pienen kokeilun.\n\n"
        "Sisällöt kirjoittavat työyhteisöt itse ja sivuston toimitus. Toimitus tarkistaa "
        "kaikki kertomukset ja kommentit ennen julkaisua.\n\n"
        "Sivuston lähdekoodi on avointa, ja sitä saa käyttää ja kehittää vapaasti."
    ),
    "sv": (
        "VALOA är en öppen webbplats för arbetsgemenskaper inom den offentliga sektorn som "
        "vill utveckla en coachande och lärande arbetskultur. Här hittar du exempel och "
        "försök från andra organisationer, insikter och en arbetsbok som hjälper teamet att "
        "bedöma sitt eget arbete och planera ett litet försök.\n\n"
        "Innehållet skrivs av arbetsgemenskaperna själva och av webbplatsens redaktion. "
        "Redaktionen granskar alla berättelser och kommentarer innan de publiceras.\n\n"
        "Webbplatsens källkod är öppen och får användas och utvecklas fritt."
    ),
    "en": (
        "VALOA is an open website for public-sector work communities that want to develop a "
        "coaching and learning work culture. Here you will find examples and experiments "
        "from other organisations, insights, and a workbook that helps a team assess its own "
        "work and plan a small experiment.\n\n"
        "The content is written by the work communities themselves and by the site's "
        "editorial team. The editors check every story and comment before it is published.\n\n"
        "The site's source code is open and may be used and developed freely."
    ),
}
CONTROLLER = {"fi": "Valtiokonttori", "sv": "Statskontoret", "en": "State Treasury"}


def create_page(apps, schema_editor):
    AboutPage = apps.get_model("valoa", "AboutPage")
    if AboutPage.objects.exists():
        return
    fields = {}
    for code, text in BODY.items():
        fields[f"body_{code}"] = text
        fields[f"body_html_{code}"] = render_markdown(text)
        fields[f"controller_{code}"] = CONTROLLER[code]
    AboutPage.objects.create(**fields)
    grant_to_editors(
        apps,
        "valoa",
        [
            "view_aboutpage",
            "change_aboutpage",
            "view_editorialmember",
            "add_editorialmember",
            "change_editorialmember",
            "delete_editorialmember",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("valoa", "0017_about_page")]
    operations = [migrations.RunPython(create_page, migrations.RunPython.noop)]
