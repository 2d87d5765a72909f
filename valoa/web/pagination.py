from django.core.paginator import Page, Paginator
from django.db.models import F, Func, Subquery
from django.http import HttpRequest

LAST_PAGE = "viimeinen"
_TOTAL = "paginated_total"
MOST_PAGES = 2**31


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


def with_total(rows):
    """A `values_list()` whose rows end with the number of all its rows (for paginate_rows):
    counted by a subquery the database runs once (not a window over every row, which makes
    each row's columns before the page is cut from them)."""
    counted = rows.order_by().annotate(counted=Func(F("pk"), function="COUNT")).values("counted")
    return rows.annotate(**{_TOTAL: Subquery(counted)})


def paginate_rows(request: HttpRequest, rows, per_page: int, param: str = "sivu") -> Page:
    """`paginate()` for an ordered list whose rows each end with the count of them all
    (`with_total()`), so that the page asked for and that count come in one query, not after
    a COUNT.
    The last page ("viimeinen", a number below 1 or past the end) is found `paginate()`'s way,
    so the pages and their numbers are the same. The page's rows come without the count."""
    number = request.GET.get(param, "1")
    try:
        wanted = int(number)
    except ValueError:  # Paginator.get_page() gives the first page for what is no number
        wanted = 0 if number == LAST_PAGE else 1
    found = []
    # The last page, or a number past any list (as an offset the database would refuse it).
    if 1 <= wanted <= MOST_PAGES:
        start = (wanted - 1) * per_page
        found = list(rows[start : start + per_page])
    if not found and wanted != 1:
        page = paginate(request, rows, per_page, param)
        page.object_list = [row[:-1] for row in page.object_list]
        return page
    paginator = Paginator(rows, per_page)
    paginator.count = found[0][-1] if found else 0
    page = Page([row[:-1] for row in found], wanted, paginator)
    page.param = param
    return page
