from django.core.paginator import Page, Paginator
from django.http import HttpRequest

LAST_PAGE = "viimeinen"


def paginate(request: HttpRequest, object_list, per_page: int, param: str = "sivu") -> Page:
    """A page of `object_list`; a missing, odd or too large number gives a valid page, not 404."""
    paginator = Paginator(object_list, per_page)
    number = request.GET.get(param)
    if number == LAST_PAGE:
        number = paginator.num_pages
    page = paginator.get_page(number)
    page.param = param
    return page
