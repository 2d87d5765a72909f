"""The search page /haku/?q=&laji=&teema=&sivu=."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from valoa import search as site_search
from valoa.models import Theme
from valoa.web.page_cache import cached_for_readers


class SearchFilterForm(forms.Form):
    """The filters, as GET parameters with Finnish names; an unknown value is simply dropped."""

    laji = forms.ChoiceField(label=_("Sisältö"), required=False)
    teema = forms.ModelChoiceField(
        label=_("Teema"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Kaikki teemat"),
    )

    def __init__(self, data):
        super().__init__(data, auto_id="haku-%s")
        self.fields["laji"].choices = [("", _("Kaikki sisällöt")), *site_search.kind_choices()]
        self.is_valid()

    def value(self, name: str):
        return self.cleaned_data.get(name) or None


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()  # one entry per query: a shared link or a popular word is asked often
def search(request):
    filters = SearchFilterForm(request.GET)
    theme = filters.value("teema")
    results = site_search.search(
        request, request.GET.get("q", ""), kind=filters.value("laji") or "", theme=theme
    )
    context = {
        "filters": filters,
        "results": results,
        "theme": theme,
        "themes": Theme.objects.all() if not results.count else [],
    }
    return render(request, "valoa/search.html", context)
