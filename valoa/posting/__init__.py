"""One path for everything a reader posts (comments, readers' insights, stories, feedback,
subscriptions, a team member's workbook answers): validate → abuse limit → spam verdict → save
once, atomically → the model's `on_received()` (its notifications). Spam is stored, held, and
emails nobody.

The pieces: `forms.PublicForm` (honeypot, time trap, the spam verdict hook, save once),
`antispam` (the rules and limits), `notifications` (mail stored with the post, sent after
the commit).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from valoa.posting import antispam
from valoa.posting.cross_site import login_free_form

__all__ = ["Received", "form_page", "login_free_form", "receive"]


@dataclass
class Received:
    """What came of a post: the stored object, or a refusal to return as it is, or neither
    (the form has errors to show)."""

    instance: models.Model | None = None
    refusal: HttpResponse | None = None


def receive(
    request: HttpRequest, form, limited: Callable[[], HttpResponse] | None = None
) -> Received:
    """Take a bound public form through the steps. `limited()` builds the refusal when the
    post is over the form's abuse limit; by default HTTP 429 with the person's text given
    back."""
    if not form.is_valid():
        return Received()
    if not form.within_limit(request):
        if limited is None:
            return Received(refusal=antispam.rate_limited_response(request, form.kept_text()))
        return Received(refusal=limited())
    instance, _created = form.save_once()
    return Received(instance=instance)


def form_page(
    request: HttpRequest,
    form,
    template: str,
    done: Callable[[models.Model], str],
    context: dict | None = None,
) -> HttpResponse:
    """The page of a public form: a POST goes through `receive()`; a stored post is redirected
    to `done(instance)`, a refused one answered as refused, and otherwise the page shows the
    form (with its errors, if it was posted)."""
    if request.method == "POST":
        received = receive(request, form)
        if received.refusal is not None:
            return received.refusal
        if received.instance is not None:
            return redirect(done(received.instance))
    return render(request, template, {**(context or {}), "form": form})
