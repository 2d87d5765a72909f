"""RSS and Atom feeds of the published case examples and experiments."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import Case
from valoa.content.feeds import FEED_ITEMS, AtomFeedMixin, SiteFeed, absolute


class CaseFeed(SiteFeed):
    feed_url_name = "cases:feed_rss"

    def title(self) -> str:
        return _("VALOA – Innostu: esimerkit ja kokeilut")

    def description(self) -> str:
        return _("Uusimmat julkisen sektorin työyhteisöjen esimerkit ja kokeilut.")

    def link(self) -> str:
        return absolute(reverse("cases:list"))

    def items(self):
        return Case.objects.published()[:FEED_ITEMS]

    def item_title(self, case: Case) -> str:
        return f"{case.get_kind_display()}: {case.title}"

    def item_author_name(self, case: Case) -> str:
        return case.organisation

    def item_categories(self, case: Case) -> list[str]:
        return [str(case.get_kind_display()), *super().item_categories(case)]


class CaseAtomFeed(AtomFeedMixin, CaseFeed):
    feed_url_name = "cases:feed_atom"
