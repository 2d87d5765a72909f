"""Case examples and experiments in the site search."""

from cases.models import Case
from valoa.search import Indexed, SearchSource


class CaseSource(SearchSource):
    key = "cases.case"
    # The search's "laji" values, with the kind each one means.
    KINDS = {"tapausesimerkki": Case.Kind.CASE, "kokeilu": Case.Kind.EXPERIMENT}
    kinds = {value: kind.label for value, kind in KINDS.items()}
    indexed = (
        Indexed(
            Case, Case.SEARCH_FIELDS, suggests=lambda case: case.status == Case.Status.PUBLISHED
        ),
    )

    def filter_kind(self, documents, kind):
        return documents.filter(kind=self.KINDS[kind])

    def kind_of(self, document):
        return next(value for value, kind in self.KINDS.items() if kind == document.kind)
