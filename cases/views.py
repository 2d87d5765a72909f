from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cases.forms import CaseFilterForm
from cases.models import RELATED_CASES, Case
from valoa.content.compiled import CompiledList
from valoa.content.preview import Preview, preview_response
from valoa.web.page_cache import LISTING, cached_for_readers, cached_response
from valoa.web.pagination import paginate

CASES_PER_PAGE = 12
# The unfiltered list, the one most read: its SQL written once (a filtered one is built), its
# count kept while the lists hold (every change of what it shows moves their number).
CASE_CARDS = CompiledList(
    lambda now: Case.objects.published(now).for_cards(), count_kept_while=(LISTING,)
)
CASE_BY_SLUG = CompiledList(
    lambda now, slug: Case.objects.published(now).for_page().filter(slug=slug), args=(str,)
)


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def case_list(request):
    filters = CaseFilterForm(request.GET)
    cards = filters.filter(Case.objects.published().for_cards()) if filters.active() else CASE_CARDS
    page = paginate(request, cards, CASES_PER_PAGE)
    context = {
        "filters": filters,
        "active_filters": filters.descriptions(),
        "cases": page,
    }
    return render(request, "cases/case_list.html", context)


@require_http_methods(["GET", "HEAD"])
def case_detail(request, slug: str):
    case = CASE_BY_SLUG.bind(slug).first()
    if case is None:
        raise Http404
    # Its own page and its related cases: approving a comment leaves it cached.
    return cached_response(
        request, lambda: render_case(request, case), scopes=(case.page_cache_scope, RELATED_CASES)
    )


def render_case(request, case: Case, preview: Preview | None = None):
    context = {"case": case, "related_cases": Case.objects.related_to(case), "preview": preview}
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "HEAD"])
def case_preview(request, pk: int):
    return preview_response(request, Case, pk, render_case)
