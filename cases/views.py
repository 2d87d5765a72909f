from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cases.forms import CaseFilterForm, SubmissionEditForm, SubmissionForm
from cases.models import Case, Submission
from valoa import antispam
from valoa.forms import files_deleted_on_failure
from valoa.page_cache import cached_for_readers
from valoa.pagination import paginate
from valoa.preview import Preview, preview_response

CASES_PER_PAGE = 12
RATE_LIMIT_SCOPE = "submission"
PREFILL_PARAMETERS = ("laji", "otsikko", "kertomus", "teema")


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def case_list(request):
    filters = CaseFilterForm(request.GET)
    page = paginate(request, filters.filter(Case.objects.published()), CASES_PER_PAGE)
    context = {
        "filters": filters,
        "active_filters": filters.descriptions(),
        "cases": page,
    }
    return render(request, "cases/case_list.html", context)


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def case_detail(request, slug: str):
    return render_case(request, get_object_or_404(Case.objects.published(), slug=slug))


def render_case(request, case: Case, preview: Preview | None = None):
    context = {"case": case, "related_cases": Case.objects.related_to(case), "preview": preview}
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "HEAD"])
def case_preview(request, pk: int):
    return preview_response(request, Case, pk, render_case)


def announce_new_submission(submission: Submission) -> None:
    """The receipt and the editors' notification, stored with the story (none for spam)."""
    if submission.status != Submission.Status.SPAM:
        submission.send_receipt_on_commit()
        submission.notify_editors_on_commit(_("Uusi kertomus"))


@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers(bypass=PREFILL_PARAMETERS)  # a prefilled form is the reader's own
def submit(request):
    initial = {} if request.method == "POST" else SubmissionForm.initial_from(request.GET)
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            if not antispam.allow_post(request, RATE_LIMIT_SCOPE):
                return antispam.rate_limited_response(request, form.cleaned_data["story"])
            # A double click or a retry returns the first submission, with no new emails.
            submission, _created = form.save_once(then=announce_new_submission)
            return redirect(reverse("cases:thanks") + f"?tila={submission.status_token()}")
    else:
        form = SubmissionForm(initial=initial)
    return render(request, "cases/submit.html", {"form": form, "prefilled": bool(initial)})


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request):
    submission = Submission.from_status_token(request.GET.get("tila", ""))
    return render(request, "cases/thanks.html", {"submission": submission})


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
    return render(request, "cases/status.html", {"submission": submission, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token: str):
    submission = submission_for(token)
    if not submission.can_withdraw:
        return redirect(submission.status_path())
    if request.method == "POST":
        with transaction.atomic():
            submission.withdraw()
        return redirect(submission.status_path())
    return render(request, "cases/withdraw.html", {"submission": submission, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_erasure(request, token: str):
    submission = submission_for(token)
    if submission.erasure_requested_at is not None:
        return redirect(submission.status_path())
    if request.method == "POST":
        with transaction.atomic():
            submission.request_erasure()
        return redirect(submission.status_path())
    return render(request, "cases/erasure.html", {"submission": submission, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, token: str):
    submission = submission_for(token)
    if not submission.can_edit:
        return redirect(submission.status_path())
    if request.method == "POST":
        form = SubmissionEditForm(request.POST, request.FILES, instance=submission)
        if form.is_valid():
            if not antispam.allow_post(request, RATE_LIMIT_SCOPE):
                return antispam.rate_limited_response(request, form.cleaned_data["story"])
            with files_deleted_on_failure(submission), transaction.atomic():
                form.save()
            return redirect(submission.status_path())
    else:
        form = SubmissionEditForm(instance=submission)
    context = {"submission": submission, "token": token, "form": form}
    return render(request, "cases/edit.html", context)
