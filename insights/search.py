"""Articles in the site search; an article is also found through its approved comments."""

from django.db.models import Value
from django.utils.translation import gettext_lazy as _

from insights.models import Article, Comment
from valoa.search import MOST, VIA_COMMENT, Indexed, SearchSource, hit_rows


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

    def comment_branch(self, match, documents):
        """Articles whose own text does not match but an approved comment does. They rank
        below every article found by its own text, newest first. The comments are looked up
        through their own index first (a rare word costs nothing), and at most MOST of them:
        a word in thousands of comments costs no more than one in hundreds.
        """
        comments = (
            Comment.objects.approved()
            .filter(article__isnull=False)
            .filter(match.q(self.indexed[1]))
            .values("article_id")[:MOST]
        )
        found = documents.exclude(match.q(self.document)).filter(pk__in=comments)
        return hit_rows(found, self.key, rank=Value(0.0), via=VIA_COMMENT)
