"""Articles in the site search; an article is also found through its approved comments."""

from django.db.models import Exists, OuterRef, Value
from django.utils.translation import gettext_lazy as _

from insights.models import Article, Comment
from valoa.search import VIA_COMMENT, SearchSource, hit_rows, register_source


class ArticleSource(SearchSource):
    key = "insights.article"
    kinds = {"artikkeli": _("Artikkeli")}
    fields = Article.SEARCH_FIELDS

    def documents(self):
        return Article.objects.published()

    def comment_branch(self, match, documents):
        """Articles whose own text does not match but an approved comment does. They rank
        below every article found by its own text, newest first: whether an article has such
        a comment is all that is asked, so no more comments are read than it takes to find one.
        """
        comments = (
            Comment.objects.approved()
            .filter(article=OuterRef("pk"))
            .filter(match.q(Comment.SEARCH_FIELDS))
        )
        found = documents.exclude(match.q(self.fields)).filter(Exists(comments))
        return hit_rows(found, self.key, rank=Value(0.0), via=VIA_COMMENT)


register_source(ArticleSource())
