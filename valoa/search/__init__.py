"""Search across the site's published content, with one box in the header of every page.

It understands Finnish: a word is found in any of its forms ("johtajuudesta" finds "Jaettu
johtajuus"), as a part of a compound ("suunnittelusta" finds "vuorosuunnittelu") and typed
from its parts ("kotihoitotiimi" finds "kotihoidon tiimi"), on SQLite and PostgreSQL alike.

- sources.py: what apps declare (`SearchSource`) and which models are indexed
- analysis.py: words, Voikko's base forms and compound parts, Swedish and English stems
- index.py: the stored index (a tsvector on PostgreSQL, FTS5 on SQLite), kept current
- query.py: what a reader typed, as a tree of tokens
- matching.py: that tree as SQL for each database, and ranking
- snippets.py: plain-text snippets and titles with the found words marked
- typos.py: "Tarkoititko…" suggestions, from the words of models.py (`SearchWord`)
- results.py: running a search a page at a time
- views.py: the page /haku/
"""

from valoa.search.results import MOST, VIA_COMMENT, Hit, SearchResults, hit_rows, latest, search
from valoa.search.sources import (
    Indexed,
    SearchSource,
    kind_choices,
    sources,
)

__all__ = [
    "MOST",
    "VIA_COMMENT",
    "Hit",
    "Indexed",
    "SearchResults",
    "SearchSource",
    "hit_rows",
    "kind_choices",
    "latest",
    "search",
    "sources",
]
