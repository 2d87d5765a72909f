import logging
from pathlib import PurePath

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from cases.admin import CaseAdmin
from stories import attachments
from stories.forms import RequestChangesForm
from stories.models import Submission
from valoa.csv_files import csv_cell, csv_download

logger = logging.getLogger(__name__)


class AwaitingFilter(admin.SimpleListFilter):
    title = _("odottaa toimitusta")
    parameter_name = "odottaa"

    def lookups(self, request, model_admin):
        return [("kylla", _("Uudet, palautetut ja poistopyynnöt"))]

    def queryset(self, request, queryset):
        if self.value() == "kylla":
            return queryset.awaiting_editors()
        return queryset


class AttachmentFilter(admin.SimpleListFilter):
    title = _("liite")
    parameter_name = "liite"

    def lookups(self, request, model_admin):
        return [("on", _("On liite")), ("ei", _("Ei liitettä"))]

    def queryset(self, request, queryset):
        if self.value() == "on":
            return queryset.exclude(attachment="")
        if self.value() == "ei":
            return queryset.filter(attachment="")
        return queryset


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "name",
        "organisation",
        "kind",
        "status",
        "created_at",
        "has_attachment",
        "case",
    ]
    list_filter = ["status", AwaitingFilter, "kind", AttachmentFilter, "themes", "created_at"]
    search_fields = ["title", "story", "name", "email", "organisation", "internal_note"]
    list_select_related = ["case"]
    date_hierarchy = "created_at"
    actions = ["request_changes_action", "create_draft_case", "export_csv", "erasure_handled"]
    autocomplete_fields = ["case"]
    readonly_fields = [
        "name",
        "email",
        "phone",
        "role",
        "organisation",
        "consent",
        "kind",
        "title",
        "story",
        "theme_list",
        "attachment_link",
        "created_at",
        "held_reason",
        "changes_requested_at",
        "changes_message",
        "returned_at",
        "withdrawn_at",
        "erasure_requested_at",
    ]
    fieldsets = [
        (_("Toimituksen käsittely"), {"fields": ["status", "internal_note", "case"]}),
        (
            _("Kertomus"),
            {"fields": ["kind", "title", "story", "theme_list", "attachment_link"]},
        ),
        (_("Kertoja"), {"fields": ["name", "email", "phone", "role", "organisation", "consent"]}),
        (
            _("Vaiheet"),
            {
                "fields": [
                    "created_at",
                    "held_reason",
                    "changes_requested_at",
                    "changes_message",
                    "returned_at",
                    "withdrawn_at",
                    "erasure_requested_at",
                ]
            },
        ),
    ]

    # Permissions -----------------------------------------------------------------------------

    def has_add_permission(self, request) -> bool:
        return False  # stories come from contributors

    def has_create_case_permission(self, request) -> bool:
        return request.user.has_perms(["cases.add_case", "stories.change_submission"])

    def has_export_permission(self, request) -> bool:
        return request.user.has_perm("stories.export_submission")

    # Columns and read-only fields -----------------------------------------------------------

    @admin.display(description=_("liite"), boolean=True)
    def has_attachment(self, submission: Submission) -> bool:
        return bool(submission.attachment)

    @admin.display(description=_("teemat"))
    def theme_list(self, submission: Submission) -> str:
        return ", ".join(theme.name for theme in submission.themes.all()) or "–"

    @admin.display(description=_("liite"))
    def attachment_link(self, submission: Submission) -> str:
        if not submission.attachment:
            return "–"
        url = reverse("admin:stories_submission_attachment", args=[submission.pk])
        return format_html(
            '<a href="{}">{}</a> ({})',
            url,
            gettext("Lataa %(name)s") % {"name": submission.attachment_name},
            submission.attachment_type.upper(),
        )

    # Extra views: attachment download and the request-changes form ---------------------------

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/liite/",
                self.admin_site.admin_view(self.download_attachment),
                name="stories_submission_attachment",
            ),
            path(
                "<path:object_id>/pyyda-muutoksia/",
                self.admin_site.admin_view(self.request_changes_view),
                name="stories_submission_request_changes",
            ),
        ]
        return own + super().get_urls()

    def _submission_or_404(self, request, object_id) -> Submission:
        submission = self.get_object(request, unquote(object_id))
        if submission is None:
            raise Http404
        return submission

    def download_attachment(self, request, object_id):
        submission = self._submission_or_404(request, object_id)
        if not self.has_view_permission(request, submission):
            raise PermissionDenied
        if not submission.attachment:
            raise Http404
        try:
            file = submission.attachment.open("rb")
        except FileNotFoundError:
            logger.error("Attachment of submission %s is missing from storage", submission.pk)
            raise Http404 from None
        kind = attachments.KINDS.get(submission.attachment_type)
        response = FileResponse(
            file,
            as_attachment=True,
            filename=submission.attachment_name or PurePath(submission.attachment.name).name,
            content_type=kind.content_type if kind else "application/octet-stream",
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def request_changes_view(self, request, object_id):
        submission = self._submission_or_404(request, object_id)
        if not self.has_change_permission(request, submission):
            raise PermissionDenied
        change_url = reverse("admin:stories_submission_change", args=[submission.pk])
        if submission.status == Submission.Status.WITHDRAWN:
            self.message_user(
                request,
                gettext("Kertoja on perunut kertomuksen; muutoksia ei voi pyytää."),
                messages.ERROR,
            )
            return redirect(change_url)
        if request.method == "POST":
            form = RequestChangesForm(request.POST)
            if form.is_valid():
                with transaction.atomic():
                    mail = submission.request_changes(form.cleaned_data["message"])
                    self.log_change(
                        request, submission, gettext("Pyydettiin muutoksia kertojalta.")
                    )
                if mail is not None:
                    self.message_user(
                        request,
                        gettext(
                            "Muutospyyntö on tallennettu, ja sähköposti lähtee osoitteeseen "
                            "%(email)s."
                        )
                        % {"email": submission.email},
                        messages.SUCCESS,
                    )
                else:
                    self.message_user(
                        request,
                        gettext(
                            "Muutospyyntö on tallennettu, mutta sähköpostia ei voitu lähettää, "
                            "koska kertojan osoite puuttuu. Kertoja näkee viestin tilasivulla."
                        ),
                        messages.WARNING,
                    )
                return redirect(change_url)
        else:
            form = RequestChangesForm(initial={"message": submission.changes_message})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": submission,
            "form": form,
            "title": gettext("Pyydä muutoksia: %(title)s") % {"title": submission.title},
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/stories/submission/request_changes.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_request_changes": self.has_change_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    # Actions ---------------------------------------------------------------------------------

    @admin.action(description=_("Pyydä muutoksia (valitse yksi)"), permissions=["change"])
    def request_changes_action(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request,
                gettext("Valitse yksi kertomus, jolle pyydät muutoksia."),
                messages.WARNING,
            )
            return None
        return redirect("admin:stories_submission_request_changes", queryset.get().pk)

    @admin.action(
        description=_("Luo luonnos esimerkiksi tai kokeiluksi"), permissions=["create_case"]
    )
    def create_draft_case(self, request, queryset):
        created = []
        for submission in queryset.prefetch_related("themes"):
            if submission.case_id:
                self.message_user(
                    request,
                    gettext("Kertomuksesta ”%(title)s” on jo luonnos; uutta ei luotu.")
                    % {"title": submission.title},
                    messages.WARNING,
                )
                continue
            with transaction.atomic():
                case = submission.create_draft_case()
                self.log_addition(
                    request, case, gettext("Luotu kertomuksesta %(id)d.") % {"id": submission.pk}
                )
                self.log_change(
                    request,
                    submission,
                    gettext("Luotiin luonnos ”%(title)s”; tila: käsittelyssä.")
                    % {"title": case.title},
                )
            created.append(case)
        if created:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:cases_case_change", args=[case.pk]), case.title)
                    for case in created
                ),
            )
            self.message_user(
                request,
                format_html(
                    "{} {} {}",
                    ngettext(
                        "Luotiin %(count)d luonnos:",
                        "Luotiin %(count)d luonnosta:",
                        len(created),
                    )
                    % {"count": len(created)},
                    links,
                    gettext("Tarkista ainakin sektori, ingressi ja osiot ennen julkaisua."),
                ),
                messages.SUCCESS,
            )

    @admin.action(description=_("Vie valitut CSV-tiedostona"), permissions=["export"])
    def export_csv(self, request, queryset):
        filename = timezone.localdate().strftime("valoa-kertomukset-%Y-%m-%d.csv")
        response, writer = csv_download(filename)
        writer.writerow(
            [
                gettext("Tunniste"),
                gettext("Lähetetty"),
                gettext("Tila"),
                gettext("Laji"),
                gettext("Otsikko"),
                gettext("Kertomus"),
                gettext("Teemat"),
                gettext("Nimi"),
                gettext("Sähköposti"),
                gettext("Puhelin"),
                gettext("Tehtävä"),
                gettext("Organisaatio"),
                gettext("Liite"),
                gettext("Sisäinen muistiinpano"),
                gettext("Esimerkki tai kokeilu"),
            ]
        )
        submissions = list(queryset.select_related("case").prefetch_related("themes"))
        for submission in submissions:
            writer.writerow(
                csv_cell(value)
                for value in [
                    submission.pk,
                    timezone.localtime(submission.created_at).strftime("%Y-%m-%d %H:%M"),
                    submission.get_status_display(),
                    submission.get_kind_display(),
                    submission.title,
                    submission.story,
                    ", ".join(theme.name for theme in submission.themes.all()),
                    submission.name,
                    submission.email,
                    submission.phone,
                    submission.role,
                    submission.organisation,
                    submission.attachment_name,
                    submission.internal_note,
                    submission.case.title if submission.case else "",
                ]
            )
            self.log_change(request, submission, gettext("Viety CSV-tiedostoon."))
        return response

    @admin.action(description=_("Merkitse poistopyyntö käsitellyksi"), permissions=["change"])
    def erasure_handled(self, request, queryset):
        handled = list(queryset.filter(erasure_requested_at__isnull=False))
        for submission in handled:
            submission.erasure_requested_at = None
            submission.save(update_fields=["erasure_requested_at", "updated_at"])
            self.log_change(request, submission, gettext("Poistopyyntö käsitelty."))
        self.message_user(
            request,
            ngettext(
                "%(count)d poistopyyntö merkittiin käsitellyksi.",
                "%(count)d poistopyyntöä merkittiin käsitellyksi.",
                len(handled),
            )
            % {"count": len(handled)},
            messages.SUCCESS,
        )


class SubmissionInline(admin.TabularInline):
    """The stories a case was made from."""

    model = Submission
    fields = ["title", "name", "status", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("kertomukset, joista tämä on tehty")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


# A case's page in the admin lists the stories it was made from.
CaseAdmin.inlines = [*CaseAdmin.inlines, SubmissionInline]
