"""The story form and the contributor's status pages, behind the signed status link."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from stories.forms import SubmissionEditForm, SubmissionForm
from stories.models import Submission
from valoa import posting
from valoa.web.page_cache import cached_for_readers

PREFILL_PARAMETERS = ("laji", "otsikko", "kertomus", "teema")


@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers(bypass=PREFILL_PARAMETERS)  # a prefilled form is the reader's own
def submit(request):
    initial = {} if request.method == "POST" else SubmissionForm.initial_from(request.GET)
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES)
        # A double click or a retry returns the first submission, with no new emails.
        received = posting.receive(request, form)
        if received.refusal:
            return received.refusal
        if received.instance:
            token = received.instance.status_token()
            return redirect(reverse("stories:thanks") + f"?tila={token}")
    else:
        form = SubmissionForm(initial=initial)
    return render(request, "stories/submit.html", {"form": form, "prefilled": bool(initial)})


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request):
    submission = Submission.from_status_token(request.GET.get("tila", ""))
    return render(request, "stories/thanks.html", {"submission": submission})


def submission_for(token: str) -> Submission:
    """The submission a status link points at; a wrong or tampered link is simply not found."""
    submission = Submission.from_status_token(token)
    if submission is None:
        raise Http404(_("Linkki on virheellinen tai vanhentunut."))
    return submission


@never_cache
@require_http_methods(["GET", "HEAD"])
def status(request, token: str):
    submission = submission_for(token)
    return render(request, "stories/status.html", {"submission": submission, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token: str):
    submission = submission_for(token)
    if not submission.can_withdraw:
        return redirect(submission.status_path())
    if request.method == "POST":
        submission.withdraw()
        return redirect(submission.status_path())
    return render(request, "stories/withdraw.html", {"submission": submission, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_erasure(request, token: str):
    submission = submission_for(token)
    if submission.erasure_requested_at is not None:
        return redirect(submission.status_path())
    if request.method == "POST":
        submission.request_erasure()
        return redirect(submission.status_path())
    return render(request, "stories/erasure.html", {"submission": submission, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, token: str):
    submission = submission_for(token)
    if not submission.can_edit:
        return redirect(submission.status_path())
    if request.method == "POST":
        form = SubmissionEditForm(request.POST, request.FILES, instance=submission)
        received = posting.receive(request, form)
        if received.refusal:
            return received.refusal
        if received.instance:
            return redirect(submission.status_path())
    else:
        form = SubmissionEditForm(instance=submission)
    context = {"submission": submission, "token": token, "form": form}
    return render(request, "stories/edit.html", context)
