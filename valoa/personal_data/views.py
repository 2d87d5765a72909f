"""The editors' tool for data subject requests: find, export (JSON) and erase by email."""

import json

from django import forms
from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from valoa import personal_data
from valoa.personal_data.models import PersonalDataAction


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Sähköpostiosoite"),
        error_messages={
            "invalid": gettext_lazy("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.")
        },
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Ymmärrän, että tiedot poistetaan tai anonymisoidaan pysyvästi."),
        required=False,
    )


def log(request, action: str, email: str, summary: dict) -> None:
    """Record the action in its own log and in the admin's history, without the address."""
    entry = PersonalDataAction.objects.create(
        action=action,
        email_digest=personal_data.email_digest(email),
        summary=summary,
        actor=request.user,
    )
    LogEntry.objects.log_actions(
        request.user.pk,
        [entry],
        ADDITION,
        change_message=f"{entry.get_action_display()}: {json.dumps(summary, ensure_ascii=False)}",
        single_object=True,
    )


def personal_data_view(request, admin_site):
    if not request.user.has_perm("valoa.handle_personal_data"):
        raise PermissionDenied
    form = EmailForm(request.POST or request.GET or None)
    found = None
    if form.is_bound and form.is_valid():
        email = form.cleaned_data["email"]
        action = request.POST.get("action", "search")
        if request.method == "POST" and action == "export":
            records = personal_data.find_all(email)
            log(request, PersonalDataAction.Action.EXPORT, email, counts(records))
            body = json.dumps(
                {"email": email, "exported_at": timezone.now(), "records": records},
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            )
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="henkilotiedot.json"'
            return response
        if request.method == "POST" and action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Vahvista poisto rastittamalla tämä kohta."))
            else:
                with transaction.atomic():
                    erased = personal_data.erase_all(email)
                    log(request, PersonalDataAction.Action.ERASE, email, erased)
                total = sum(erased.values())
                messages.success(
                    request, _("Poistettu tai anonymisoitu %(count)d kohdetta.") % {"count": total}
                )
                return redirect("admin:personal_data")
        if "email" not in form.errors:
            found = personal_data.find_all(email)
            log(request, PersonalDataAction.Action.SEARCH, email, counts(found))
    context = {
        **admin_site.each_context(request),
        "title": _("Henkilötiedot sähköpostiosoitteen perusteella"),
        "form": form,
        "found": found,
        "total": sum(len(records) for records in found.values()) if found else 0,
    }
    return TemplateResponse(request, "admin/personal_data.html", context)


def counts(records: dict[str, list]) -> dict[str, int]:
    return {label: len(items) for label, items in records.items()}
