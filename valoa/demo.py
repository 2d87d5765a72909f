"""The demo editorial team on the about page: fictional people, for showing the page.

`load()` may be run any number of times: each member is updated or created by name.
"""

from valoa.models import AboutPage, EditorialMember

# (name, role in Finnish, Swedish, English, organisation)
TEAM = [
    (
        "Aino Esimerkki (kuvitteellinen)",
        ("päätoimittaja", "chefredaktör", "editor-in-chief"),
        "Valtiokonttori",
    ),
    (
        "Mikko Mallinen (kuvitteellinen)",
        (
            "toimittaja, esimerkit ja kokeilut",
            "redaktör, exempel och försök",
            "editor, cases and experiments",
        ),
        "Valtiokonttori",
    ),
    (
        "Sanna Sisältö (kuvitteellinen)",
        (
            "toimittaja, oivallukset ja työkirja",
            "redaktör, insikter och arbetsboken",
            "editor, insights and the workbook",
        ),
        "Valtiokonttori",
    ),
]


def load() -> None:
    page = AboutPage.objects.first()
    if page is None:  # the migration creates it; an editor could not have deleted it
        return
    for order, (name, (fi, sv, en), organisation) in enumerate(TEAM, start=1):
        EditorialMember.objects.update_or_create(
            page=page,
            name=name,
            defaults={
                "role_fi": fi,
                "role_sv": sv,
                "role_en": en,
                "organisation": organisation,
                "order": order,
            },
        )
