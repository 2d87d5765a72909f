"""What can be searched: the sources that apps declare, and the models whose rows are indexed.

Apps declare a `SearchSource` subclass for each kind of content in their AppConfig
(`search_sources`; insights and cases do, from their search.py); `valoa` never imports them. A
source names the models it indexes (`Indexed`): their rows' index entries are kept current on
every save and deletion (see index.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save

from valoa.apps import contributed


def language_field(document) -> str:
    return document.language


@dataclass(frozen=True)
class Indexed:
    """A model whose rows are indexed, with its text fields and their weights ("A" for the
    most important to "D", in that order) and the language its rows are written in."""

    model: type[Model]
    fields: dict[str, str]
    language: Callable[[Model], str] = language_field
    # Whether "Tarkoititko…" may suggest the words of a row: published editors' text only,
    # never readers' comments.
    suggests: Callable[[Model], bool] | None = None
    # Relations the language (or anything else) reads, fetched with the rows in bulk.
    related: tuple[str, ...] = ()

    def __post_init__(self):
        weights = list(self.fields.values())
        assert weights == sorted(weights), "fields must come in the order of their weights"

    @property
    def table(self) -> str:
        return self.model._meta.db_table


class SearchSource:
    """One kind of searchable content. Subclass it in an app and declare it in its AppConfig.

    The documents' model is a `valoa.content.models.PublishedContent`: a `search_vector` field
    (the PostgreSQL index), `title`, `lead`, `published_at`, `themes` and `get_absolute_url()`.
    """

    key: str = ""
    # Values of the "laji" filter this source answers to, with their labels.
    kinds: dict[str, str] = {}
    # The documents' own model first, then any model whose rows find a document (comments).
    indexed: tuple[Indexed, ...] = ()

    @property
    def document(self) -> Indexed:
        return self.indexed[0]

    @property
    def fields(self) -> dict[str, str]:
        return self.document.fields

    def documents(self) -> QuerySet:
        """The published documents, the only ones that can ever be found."""
        return self.document.model.objects.published()

    def filter_kind(self, documents: QuerySet, kind: str) -> QuerySet:
        return documents

    def kind_of(self, document) -> str:
        return next(iter(self.kinds))

    def comment_branch(self, match, documents: QuerySet) -> QuerySet | None:
        """Rows (as `hit_rows`, `via=VIA_COMMENT`) for documents found through their comments.

        Only documents whose own text does not match belong here (`documents.exclude(
        match.q(self.document))`), so that a document is found once. They rank below every
        document found by its own text (rank 0), newest first.
        """
        return None

    @property
    def snippet_fields(self) -> list[str]:
        return [name for name, weight in self.fields.items() if weight != "A"]


@cache
def sources() -> list[SearchSource]:
    return [source() for source in contributed("search_sources")]


def indexed_models() -> list[Indexed]:
    return [indexed for source in sources() for indexed in source.indexed]


def keep_index_current() -> None:
    """Update a row's index entries whenever it is saved or deleted."""
    from valoa.search import index

    for indexed in indexed_models():
        uid = f"search-index-{indexed.table}"
        post_save.connect(
            index.on_save(indexed), sender=indexed.model, weak=False, dispatch_uid=uid
        )
        post_delete.connect(
            index.on_delete(indexed), sender=indexed.model, weak=False, dispatch_uid=uid
        )


def kind_choices() -> list[tuple[str, str]]:
    return [(kind, label) for source in sources() for kind, label in source.kinds.items()]
