from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from insights.models import Article, Author, Comment
from valoa.admin import ContentAdmin


class CommentKindFilter(admin.SimpleListFilter):
    title = _("laji")
    parameter_name = "laji"

    def lookups(self, request, model_admin):
        return [
            ("kommentti", _("Kommentit artikkeleihin")),
            ("oivallus", _("Lukijoiden oivallukset")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "kommentti":
            return queryset.filter(article__isnull=False)
        if self.value() == "oivallus":
            return queryset.reader_insights()
        return queryset


class ModerationActions:
    """Hyväksy / Hylkää / Merkitse roskapostiksi, for editors with the moderation permission."""

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("insights.moderate_comment")

    def _moderate(self, request, queryset, method: str, done: str) -> None:
        comments = list(queryset)
        for comment in comments:
            getattr(comment, method)(by=request.user)
            self.log_change(request, comment, done)
        self.message_user(
            request,
            ngettext(
                "%(count)d kommentti: %(done)s.", "%(count)d kommenttia: %(done)s.", len(comments)
            )
            % {"count": len(comments), "done": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Hyväksy"), permissions=["moderate"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, "approve", _("hyväksytty"))

    @admin.action(description=_("Hylkää"), permissions=["moderate"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, "reject", _("hylätty"))

    @admin.action(description=_("Merkitse roskapostiksi"), permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, "mark_spam", _("merkitty roskapostiksi"))


class AwaitingArticleFilter(admin.RelatedOnlyFieldListFilter):
    """The articles with comments awaiting moderation, by title: a short list however many
    articles there are, read as ids and titles only (any article is found by searching its
    title)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("artikkeli, jolla on odottavia kommentteja")

    def field_choices(self, field, request, model_admin):
        awaiting = Comment.objects.pending().values("article")
        return Article.objects.filter(pk__in=awaiting).order_by("title").values_list("pk", "title")


@admin.register(Comment)
class CommentAdmin(ModerationActions, admin.ModelAdmin):
    list_display = ["excerpt_column", "name", "target", "status", "created_at"]
    list_filter = ["status", CommentKindFilter, ("article", AwaitingArticleFilter)]
    search_fields = ["name", "email", "body", "article__title"]
    list_select_related = ["article"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject", "mark_spam"]
    readonly_fields = [
        "article",
        "parent",
        "created_at",
        "held_reason",
        "moderated_at",
        "moderated_by",
    ]
    fields = [
        "article",
        "parent",
        "name",
        "email",
        "body",
        "status",
        "held_reason",
        "created_at",
        "moderated_at",
        "moderated_by",
    ]

    @admin.display(description=_("kommentti"))
    def excerpt_column(self, comment: Comment) -> str:
        return comment.excerpt()

    @admin.display(description=_("kohde"), ordering="article__title")
    def target(self, comment: Comment) -> str:
        return comment.article.title if comment.article_id else _("Lukijan oivallus")

    def has_add_permission(self, request) -> bool:
        return False  # comments come from readers

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if self.has_moderate_permission(request) else [*fields, "status"]

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.set_status(obj.status, by=request.user)
        super().save_model(request, obj, form, change)


class CommentInline(admin.TabularInline):
    model = Comment
    fields = ["name", "excerpt_column", "status", "created_at"]
    readonly_fields = ["name", "excerpt_column", "status", "created_at"]
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ["-created_at"]

    @admin.display(description=_("kommentti"))
    def excerpt_column(self, comment: Comment) -> str:
        return comment.excerpt()

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    markdown_fields = {"body": 2}
    list_display = ["title", "publishing_state", "published_at", "author", "comments_open"]
    list_filter = ["status", "featured", "themes", "comments_open"]
    search_fields = ["title", "lead", "body", "author__name"]
    list_select_related = ["author"]
    autocomplete_fields = ["author"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes"]
    date_hierarchy = "published_at"
    readonly_fields = ["preview", "created_at", "updated_at"]
    inlines = [CommentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "preview"]}),
        (_("Kuva"), {"fields": ["image", "image_alt"]}),
        (_("Kirjoittaja"), {"fields": ["author"]}),
        (
            _("Julkaisu"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "featured",
                    "featured_order",
                    "language",
                    "themes",
                    "comments_open",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description=_("esikatselu"))
    def preview(self, article: Article) -> str:
        if not article.body_html:
            return _("Esikatselu näkyy, kun artikkeli on tallennettu.")
        # body_html is sanitised by nh3 when the article is saved.
        return format_html('<div class="valoa-preview">{}</div>', mark_safe(article.body_html))


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "organisation", "article_count"]
    search_fields = ["name", "organisation", "email"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "organisation", "bio"]}),
        (_("Kuva"), {"fields": ["photo", "photo_alt"]}),
        (_("Yhteystieto"), {"fields": ["email"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("artikkeleita"), ordering="article_total")
    def article_count(self, author: Author) -> int:
        return author.article_total
