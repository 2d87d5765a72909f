from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from feedback.forms import FeedbackForm
from valoa import posting
from valoa.web.page_cache import cached_for_readers


@posting.login_free_form
@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers()
def feedback_form(request):
    form = FeedbackForm(request.POST or None)
    return posting.form_page(
        request, form, "feedback/form.html", done=lambda _feedback: reverse("feedback:thanks")
    )


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def thanks(request):
    return render(request, "feedback/thanks.html")
