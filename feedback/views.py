from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from feedback.forms import FeedbackForm
from valoa import posting
from valoa.web.page_cache import cached_for_readers


@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers()
def feedback_form(request):
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        received = posting.receive(request, form)
        if received.refusal:
            return received.refusal
        if received.instance:
            return redirect("feedback:thanks")
    return render(request, "feedback/form.html", {"form": form})


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def thanks(request):
    return render(request, "feedback/thanks.html")
