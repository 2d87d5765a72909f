from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from insights.forms import CommentForm
from insights.models import Article, Author, Comment, shown_comments
from valoa import posting
from valoa.content.compiled import CompiledList, together
from valoa.content.preview import Preview, preview_response
from valoa.moderation import ModerationStatus
from valoa.web.page_cache import LISTING, cached_for_readers, cached_response
from valoa.web.pagination import paginate, paginate_rows, with_total

OWN_COMMENT_SALT = "insights.own-comment"
OWN_COMMENT_MAX_AGE = 14 * 24 * 60 * 60
ARTICLES_PER_PAGE = 10
READER_INSIGHTS_PER_PAGE = 20
# The insights page's two lists: their SQL written once (valoa.content.compiled).
# Their counts are kept while the lists hold: every change of what they show moves the lists'
# number (Article.cache_scopes, Comment.cache_scopes).
ARTICLE_CARDS = CompiledList(
    lambda now: Article.objects.published(now).for_cards(), count_kept_while=(LISTING,)
)
READER_INSIGHTS = CompiledList(
    lambda now: Comment.objects.approved().reader_insights().order_by("-created_at", "-pk").shown(),
    tuples=True,
    varies_with=get_language,  # the markup stored in the page's language
    count_kept_while=(LISTING,),
)
# An article's page: the article by its address, and a page of its threads.
ARTICLE_BY_SLUG = CompiledList(
    lambda now, slug: Article.objects.published(now).for_page().filter(slug=slug), args=(str,)
)
COMMENT_ROWS = CompiledList(
    lambda now, article: with_total(Comment.objects.filter(article=article).threads().shown()),
    tuples=True,
    varies_with=get_language,
    args=(int,),
)


def own_comment_link(url: str, comment: Comment) -> str:
    """Where a commenter lands after posting: a signed link that shows them their own comment."""
    token = signing.dumps(comment.pk, salt=OWN_COMMENT_SALT)
    return f"{url}?oma={token}#oma-kommentti"


def own_comment(request, article: Article | None) -> Comment | None:
    """The comment a signed `?oma=` link points at, if the signature holds and is fresh, only
    on its own page (its article, or the insights list for a reader's own insight) and only
    while it waits or is approved: what an editor turned down is not shown again."""
    token = request.GET.get("oma")
    if not token:
        return None
    try:
        pk = signing.loads(token, salt=OWN_COMMENT_SALT, max_age=OWN_COMMENT_MAX_AGE)
    except signing.BadSignature:
        return None
    shown = [ModerationStatus.PENDING, ModerationStatus.APPROVED]
    return Comment.objects.filter(pk=pk, article=article, status__in=shown).first()


def handle_comment_post(request, article: Article | None):
    """Validate and store a posted comment; returns (form, response-or-None)."""
    form = CommentForm(request.POST, article=article)
    received = posting.receive(request, form)
    if received.instance is None:
        return form, received.refusal
    url = article.get_absolute_url() if article else reverse("insights:list")
    return form, redirect(own_comment_link(url, received.instance))


def comment_page(page, replies: bool = True):
    """A page of approved comments' rows (CommentQuerySet.shown()) as the list shows them
    (insights.models.shown_comments): their stored markup, and their replies (a reader's own
    insight has none)."""
    page.object_list = shown_comments(page.object_list, with_replies=replies)
    return page


@posting.login_free_form
@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers(bypass=("oma",))
def article_list(request):
    form = None
    if request.method == "POST":
        form, response = handle_comment_post(request, None)
        if response:
            return response
    articles = paginate(request, ARTICLE_CARDS, ARTICLES_PER_PAGE)
    insights = paginate(request, READER_INSIGHTS, READER_INSIGHTS_PER_PAGE, "oivallukset")
    together(articles.object_list, insights.object_list)  # one round trip for both pages
    context = {
        "articles": articles,
        "reader_insights": comment_page(insights, replies=False),
        "form": form or CommentForm(),
        "own_comment": own_comment(request, None),
    }
    return render(request, "insights/article_list.html", context)


@posting.login_free_form
@require_http_methods(["GET", "HEAD", "POST"])
def article_detail(request, slug: str):
    article = ARTICLE_BY_SLUG.bind(slug).first()
    if article is None:
        raise Http404
    # Its own page: a comment approved on another article leaves it cached.
    return cached_response(
        request,
        lambda: render_article(request, article),
        scopes=(article.page_cache_scope,),
        bypass=("oma", "vastaa"),
    )


def render_article(request, article: Article, preview: Preview | None = None):
    accepts_comments = article.accepts_comments()
    form = None
    if request.method == "POST" and accepts_comments:
        form, response = handle_comment_post(request, article)
        if response:
            return response
    elif accepts_comments:
        form = CommentForm(article=article, initial={"vastaa": request.GET.get("vastaa")})
    context = {
        "article": article,
        # An article's threads are few enough to be counted with their page.
        "comments": comment_page(
            paginate_rows(request, COMMENT_ROWS.bind(article.pk), settings.COMMENTS_PER_PAGE)
        ),
        "form": form,
        "replying_to": form.replying_to() if form else None,
        "own_comment": own_comment(request, article),
        "preview": preview,
    }
    status = 403 if request.method == "POST" and not accepts_comments else 200
    return render(request, "insights/article_detail.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def article_preview(request, pk: int):
    return preview_response(request, Article, pk, render_article)


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def author_detail(request, slug: str):
    """An author and their published articles; an author with none has no page yet."""
    author = get_object_or_404(Author, slug=slug)
    articles = author.articles.published().for_cards()
    page = paginate(request, articles, ARTICLES_PER_PAGE)
    if not page.paginator.count:
        raise Http404
    return render(request, "insights/author_detail.html", {"author": author, "articles": page})
