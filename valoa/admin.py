from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from valoa.admin_markdown import MarkdownFields
from valoa.models import AboutPage, EditorialMember, OutboxMessage, Theme
from valoa.moderation import Queue, QueueItem
from valoa.posting import notifications


class VersionHistory(SimpleHistoryAdmin):
    """Every saved version with who saved it and when ("Muutoshistoria"); an editor opens one
    and restores it. The version's themes come back with it."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        version = getattr(obj, "_history", None)  # set on an instance made from a version
        if version is None:
            return form
        themes = [row.theme_id for row in version.themes.all()]

        class VersionForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial["themes"] = themes

        return VersionForm

    def history_form_view_title(self, request, obj):
        return gettext("Versio: %(title)s") % {"title": obj}


class ContentAdmin(MarkdownFields, VersionHistory):
    """An article's or a case's admin: Markdown fields, versions, and the publishing state."""

    @admin.display(description=_("tila"), ordering="status")
    def publishing_state(self, obj) -> str:
        if obj.status == obj.Status.PUBLISHED and obj.published_at > timezone.now():
            when = timezone.localtime(obj.published_at)
            when = formats.date_format(when, "SHORT_DATETIME_FORMAT")
            return gettext("Ajastettu: näkyy %(when)s") % {"when": when}
        return obj.get_status_display()


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):  # every text in Finnish, Swedish and English
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "description"]


class EditorialMemberInline(TranslationTabularInline):
    model = EditorialMember
    extra = 1


@admin.register(AboutPage)
class AboutPageAdmin(TranslationAdmin):
    """The one about page: edited, never added a second time or deleted."""

    inlines = [EditorialMemberInline]
    fields = ["body", "controller", "contact_email"]

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not AboutPage.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class OutboxStateFilter(admin.SimpleListFilter):
    title = _("tila")
    parameter_name = "tila"

    def lookups(self, request, model_admin):
        return [
            ("odottaa", _("Odottaa lähetystä")),
            ("epaonnistui", _("Epäonnistui lopullisesti")),
            ("lahetetty", _("Lähetetty")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "odottaa":
            return queryset.waiting()
        if self.value() == "epaonnistui":
            return queryset.failed()
        if self.value() == "lahetetty":
            return queryset.filter(sent_at__isnull=False)
        return queryset


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The site's outgoing mail: editors see what is waiting or failed, and send it again."""

    list_display = ["subject", "purpose", "created_at", "state", "attempts", "last_error"]
    list_filter = [OutboxStateFilter, "created_at"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = [
        "purpose",
        "about",
        "subject",
        "recipients",
        "body",
        "created_at",
        "sent_at",
        "attempts",
        "last_error",
        "next_attempt_at",
        "failed_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("tila"))
    def state(self, message: OutboxMessage) -> str:
        if message.sent_at:
            return _("Lähetetty")
        if message.failed_at:
            return _("Epäonnistui lopullisesti")
        return _("Odottaa lähetystä")

    def has_add_permission(self, request) -> bool:
        return False  # mail comes from the site's own events

    @admin.action(description=_("Lähetä uudelleen nyt"), permissions=["change"])
    def send_again(self, request, queryset):
        sent = notifications.send_again(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d sähköposti lähetettiin.", "%(count)d sähköpostia lähetettiin.", sent
            )
            % {"count": sent},
            messages.SUCCESS if sent else messages.WARNING,
        )


def failed_mail(request, limit: int) -> Queue | None:
    """Mail that could not be sent after every attempt waits for an editor on the index."""
    if not request.user.has_perm("valoa.view_outboxmessage"):
        return None
    failed = OutboxMessage.objects.failed().order_by("failed_at")
    items = [
        QueueItem(
            kind=gettext("Sähköposti"),
            title=message.subject,
            created_at=message.failed_at,
            url=reverse("admin:valoa_outboxmessage_change", args=[message.pk]),
        )
        for message in failed[:limit]
    ]
    return Queue(
        label=gettext("Sähköpostit, joiden lähetys epäonnistui"),
        count=failed.count(),
        url=reverse("admin:valoa_outboxmessage_changelist") + "?tila=epaonnistui",
        items=items,
    )


class SuperusersOnly:
    """Login attempts hold IP addresses and lift lockouts when deleted: superusers only."""

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)


for model, model_admin in [
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, type(model_admin.__name__, (SuperusersOnly, model_admin), {}))
