from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cases.models import Case, Sector
from valoa.models import Theme


def theme_choices() -> list[tuple[str, str]]:
    themes = Theme.in_order(Theme.shared().values())
    return [("", _("Kaikki teemat")), *((theme.slug, theme.name) for theme in themes)]


class ThemeChoiceField(forms.ChoiceField):
    """A theme by its address, among the themes every page shares (Theme.shared(): read once
    per process, not once per list); cleaned to the theme."""

    def __init__(self, **kwargs):
        super().__init__(choices=theme_choices, **kwargs)

    def clean(self, value) -> Theme | None:
        slug = super().clean(value)
        return next((theme for theme in Theme.shared().values() if theme.slug == slug), None)


class CaseFilterForm(forms.Form):
    """The list's filters, as GET parameters with Finnish names: ?laji=&teema=&sektori=."""

    laji = forms.ChoiceField(
        label=_("Laji"), required=False, choices=[("", _("Kaikki lajit")), *Case.Kind.choices]
    )
    teema = ThemeChoiceField(label=_("Teema"), required=False)
    sektori = forms.ChoiceField(
        label=_("Sektori"), required=False, choices=[("", _("Kaikki sektorit")), *Sector.choices]
    )

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, auto_id="rajaus-%s", **kwargs)
        self.is_valid()  # an unknown value is dropped; the other filters still apply

    def shown(self) -> tuple:
        """All that the fields' markup shows besides fixed texts: the values asked for and the
        themes' names (the key of its {% memo %})."""
        return (tuple(self.data.get(name, "") for name in self.fields), tuple(theme_choices()))

    def active(self) -> dict:
        """The valid filters that are in use, by parameter name."""
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, queryset):
        active = self.active()
        if "laji" in active:
            queryset = queryset.filter(kind=active["laji"])
        if "teema" in active:
            queryset = queryset.filter(themes=active["teema"])
        if "sektori" in active:
            queryset = queryset.filter(sector=active["sektori"])
        return queryset

    def descriptions(self) -> list[dict]:
        """Each active filter in words, with the address of the list without it.

        E.g. {"label": "Teema", "value": "Dialogi", "remove_url": "?laji=kokeilu"}.
        """
        labels = {"laji": dict(Case.Kind.choices), "sektori": dict(Sector.choices)}
        active = self.active()
        described = []
        for name, value in active.items():
            others = QueryDict(mutable=True)
            for other, other_value in active.items():
                if other != name:
                    others[other] = other_value.slug if other == "teema" else other_value
            described.append(
                {
                    "label": self.fields[name].label,
                    "value": labels[name][value] if name in labels else str(value),
                    "remove_url": f"?{others.urlencode()}" if others else "?",
                }
            )
        return described
