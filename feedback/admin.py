from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from feedback.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["__str__", "name", "email", "status", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["message", "name", "email"]
    date_hierarchy = "created_at"
    fields = ["status", "message", "name", "email", "created_at", "held_reason"]
    readonly_fields = ["message", "name", "email", "created_at", "held_reason"]
    actions = ["mark_handled"]

    def has_add_permission(self, request) -> bool:
        return False  # feedback comes from readers

    @admin.action(description=_("Merkitse käsitellyksi"), permissions=["change"])
    def mark_handled(self, request, queryset):
        handled = list(queryset.exclude(status=Feedback.Status.HANDLED))
        for feedback in handled:
            feedback.status = Feedback.Status.HANDLED
            feedback.save(update_fields=["status", "updated_at"])
            self.log_change(request, feedback, gettext("Merkitty käsitellyksi."))
        self.message_user(
            request,
            ngettext(
                "%(count)d palaute merkittiin käsitellyksi.",
                "%(count)d palautetta merkittiin käsitellyksi.",
                len(handled),
            )
            % {"count": len(handled)},
            messages.SUCCESS,
        )
