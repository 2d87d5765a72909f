"""Editors' preview: an article or a case, in any state, shown as readers will see it."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control


@dataclass
class Preview:
    """What the page's preview notice says: is it public now, and where to edit it."""

    public_now: bool
    admin_url: str

    @classmethod
    def of(cls, obj) -> "Preview":
        opts = obj._meta
        public_now = type(obj).objects.published().filter(pk=obj.pk).exists()
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return cls(public_now=public_now, admin_url=url)


def can_preview(request: HttpRequest, model) -> bool:
    """Editors who may change the content: anyone else is told there is no such page."""
    user = request.user
    opts = model._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    )


def preview_response(request: HttpRequest, model, pk: int, render) -> HttpResponse:
    """`render(request, obj, preview=Preview)`'s page for editors, a 404 for everyone else; never
    stored by a cache (the page cache stores only what views mark, this is not) nor indexed."""
    if not can_preview(request, model):
        raise Http404
    obj = get_object_or_404(model.objects.for_list(), pk=pk)
    response = render(request, obj, preview=Preview.of(obj))
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
