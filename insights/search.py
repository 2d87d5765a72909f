"""Articles in the site search; an article is also found through its approved comments."""

from django.db.models import Exists, OuterRef, Value
from django.utils.translation import gettext_lazy as _

from insights.models import Article, Comment
from valoa.search import VIA_COMMENT, Indexed, SearchSource, hit_rows, register_source


def comment_language(comment: Comment) -> str:
    """A comment is read in its article's language; a reader's own insight in Finnish."""
    return comment.article.language if comment.article_id else "fi"


class ArticleSource(SearchSource):
    key = "insights.article"
    kinds = {"artikkeli": _("Artikkeli")}
    indexed = (
        Indexed(
            Article,
            Article.SEARCH_FIELDS,
            suggests=lambda article: article.status == Article.Status.PUBLISHED,
        ),
        Indexed(Comment, Comment.SEARCH_FIELDS, language=comment_language, related=("article",)),
    )

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
            .filter(match.q(self.indexed[1]))
        )
        found = documents.exclude(match.q(self.document)).filter(Exists(comments))
        return hit_rows(found, self.key, rank=Value(0.0), via=VIA_COMMENT)


register_source(ArticleSource())
