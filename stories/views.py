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


@posting.login_free_form
@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers(bypass=PREFILL_PARAMETERS)  # a prefilled form is the reader's own
def submit(request):
    initial = {} if request.method == "POST" else SubmissionForm.initial_from(request.GET)
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES)
    else:
        form = SubmissionForm(initial=initial)
    # A double click or a retry returns the first submission, with no new emails.
    return posting.form_page(
        request,
        form,
        "stories/submit.html",
        done=lambda story: reverse("stories:thanks") + f"?tila={story.status_token()}",
        context={"prefilled": bool(initial)},
    )


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
    else:
        form = SubmissionEditForm(instance=submission)
    return posting.form_page(
        request,
        form,
        "stories/edit.html",
        done=lambda story: story.status_path(),
        context={"submission": submission, "token": token},
    )
