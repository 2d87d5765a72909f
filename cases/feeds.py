"""RSS and Atom feeds of the published case examples and experiments."""

from django.utils.translation import gettext_lazy as _

from cases.models import Case
from valoa.content.feeds import PublishedContentFeed


class CaseFeed(PublishedContentFeed):
    model = Case
    title = _("VALOA – Innostu: esimerkit ja kokeilut")
    description = _("Uusimmat julkisen sektorin työyhteisöjen esimerkit ja kokeilut.")

    def item_title(self, case: Case) -> str:
        return f"{case.get_kind_display()}: {case.title}"

    def item_author_name(self, case: Case) -> str:
        return case.organisation

    def item_categories(self, case: Case) -> list[str]:
        return [str(case.get_kind_display()), *super().item_categories(case)]
