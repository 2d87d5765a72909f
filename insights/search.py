"""Articles in the site search; an article is also found through its approved comments."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from insights.models import Article, Comment
from valoa.search import COMMENT_RANK_FACTOR, VIA_COMMENT, SearchSource, hit_rows, register_source


class ArticleSource(SearchSource):
    key = "insights.article"
    kinds = {"artikkeli": _("Artikkeli")}
    fields = Article.SEARCH_FIELDS

    def documents(self):
        return Article.objects.published()

    def comment_branch(self, match, documents):
        comments = (
            Comment.objects.approved()
            .filter(article__in=documents.values("pk"))
            .filter(match.q(Comment.SEARCH_FIELDS))
            .order_by()
            .values("article")
        )
        return hit_rows(
            comments,
            self.key,
            rank=Max(match.rank(Comment.SEARCH_FIELDS)) * COMMENT_RANK_FACTOR,
            date=Max("article__published_at"),
            pk="article",
            via=VIA_COMMENT,
        )


register_source(ArticleSource())
