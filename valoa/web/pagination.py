from django.core.paginator import Page, Paginator
from django.http import HttpRequest

LAST_PAGE = "viimeinen"


def paginate(
    request: HttpRequest, object_list, per_page: int, param: str = "sivu", count=None
) -> Page:
    """A page of `object_list`; a missing, odd or too large number gives a valid page, not 404.

    `count`, a function, counts the items more cheaply than `object_list.count()` would.
    """
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count()
    number = request.GET.get(param)
    if number == LAST_PAGE:
        number = paginator.num_pages
    page = paginator.get_page(number)
    page.param = param
    return page
