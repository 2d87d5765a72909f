"""The search index: every indexed row's words as tokens (analysis.py), kept current.

A row's fields are read as plain text and split into words; each word gets a position (see
snippets.Positions) and its tokens. Where they are stored depends on the database:

- PostgreSQL: the row's own `search_vector`, a tsvector of these tokens in the `simple` sense
  (lower-case, unstemmed: the analysis has been done), each field's words weighted as the
  model says (title A, lead B, body C, comments D) with a GIN index. All tokens of a word share
  its position, so a phrase of base forms is found as surely as one of the words typed.
- SQLite: an FTS5 table `<table>_fts` with the same tokens, one column per weight, and two
  columns with one token per word (forms, and base forms) for phrases. Created by the apps'
  migrations; rows follow the saves and deletions.

The index follows every save (and a comment's approval needs none: visibility is asked at
search time); `rebuild` re-indexes everything (manage.py rebuild_search_index).
"""

import logging
import time
from collections import defaultdict
from collections.abc import Iterable

from django.db import DatabaseError, connections, transaction

from valoa.search.analysis import PART, ROOT, word_tokens, words
from valoa.search.snippets import plain_text
from valoa.search.sources import Indexed, indexed_models

logger = logging.getLogger(__name__)
WEIGHTS = "ABCD"
BATCH = 500
# PostgreSQL keeps positions up to 16383 and at most 256 of them for one token.
LAST_POSITION = 16383
MOST_POSITIONS = 256


def field_words(document, indexed: Indexed) -> Iterable[tuple[str, str, list]]:
    """(field, weight, [(form, tokens) of each word]) of the document's fields, in order."""
    language = indexed.language(document)
    for name, weight in indexed.fields.items():
        text = plain_text(getattr(document, name) or "")
        yield name, weight, [(form, word_tokens(form, language)) for _s, _e, form in words(text)]


def document_words(document, indexed: Indexed) -> Iterable[tuple[int, str, str, tuple]]:
    """(position, weight, form, tokens) of each word of the document, numbered as
    snippets.Positions numbers them."""
    position = 0
    for _name, weight, found in field_words(document, indexed):
        for form, tokens in found:
            position += 1
            yield position, weight, form, tokens
        position += 1


def _vendor(using: str) -> str:
    return connections[using].vendor


# PostgreSQL --------------------------------------------------------------------------------


def vector_literal(document, indexed: Indexed) -> str:
    """The document's tsvector as text ('token':1A,7C …), to be cast to tsvector."""
    places: dict[str, list[str]] = defaultdict(list)
    for position, weight, _form, tokens in document_words(document, indexed):
        place = f"{min(position, LAST_POSITION)}{weight}"
        for token in tokens:
            if len(places[token]) < MOST_POSITIONS:
                places[token].append(place)
    return " ".join(
        "'" + token.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(at)
        for token, at in places.items()
    )


def _store_vectors(indexed: Indexed, documents: list, using: str) -> None:
    table = connections[using].ops.quote_name(indexed.table)
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET search_vector = %s::tsvector WHERE id = %s",
            [(vector_literal(document, indexed), document.pk) for document in documents],
        )


def matched_positions_sql(tokens: list[str]) -> tuple[str, list]:
    """SQL for the positions in `search_vector` where any of the tokens is (PostgreSQL)."""
    return (
        "ARRAY(SELECT unnest(positions) FROM unnest(search_vector) WHERE lexeme = ANY(%s))",
        [tokens],
    )


# SQLite ------------------------------------------------------------------------------------

FTS_COLUMNS = ("a", "b", "c", "d", "forms", "lemmas")


def fts_table(indexed: Indexed) -> str:
    return f"{indexed.table}_fts"


def fts_row(document, indexed: Indexed) -> list[str]:
    """The FTS5 columns of a document. In a weight's column the fields are separated by " ; "
    and the words by " , " (FTS5 reads neither as a token), so that the words' positions can
    be read back (`positions_from_fts`)."""
    columns: dict[str, list[str]] = {weight: [] for weight in WEIGHTS}
    forms, lemmas = [], []
    for _name, weight, found in field_words(document, indexed):
        columns[weight].append(" , ".join(" ".join(tokens) for _form, tokens in found))
        for form, tokens in found:
            forms.append(form)
            whole = [token for token in tokens[1:] if not token.endswith((PART, ROOT))]
            lemmas.append(min(whole, default=form))
    return [" ; ".join(columns[weight]) for weight in WEIGHTS] + [" ".join(forms), " ".join(lemmas)]


def positions_from_fts(columns: str, indexed: Indexed, tokens: set[str]) -> set[int]:
    """The positions of the words that have any of the tokens, from a row's weight columns
    joined by "\\n" (SQLite)."""
    by_weight = dict(zip(WEIGHTS, (columns or "").split("\n"), strict=False))
    fields_of = defaultdict(list)
    for name, weight in indexed.fields.items():
        fields_of[weight].append(name)
    found, position = set(), 0
    for weight in WEIGHTS:
        texts = by_weight.get(weight, "").split(" ; ") if fields_of[weight] else []
        for _name, text in zip(fields_of[weight], texts, strict=False):
            for word in text.split(" , ") if text.strip() else []:
                position += 1
                if tokens.intersection(word.split()):
                    found.add(position)
            position += 1
    return found


def _store_fts(indexed: Indexed, documents: list, using: str) -> None:
    table = fts_table(indexed)
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {table} WHERE rowid = %s", [(document.pk,) for document in documents]
        )
        cursor.executemany(
            f"INSERT INTO {table} (rowid, {', '.join(FTS_COLUMNS)}) VALUES (%s{', %s' * 6})",
            [(document.pk, *fts_row(document, indexed)) for document in documents],
        )


def _remove_fts(indexed: Indexed, pks: list, using: str) -> None:
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {fts_table(indexed)} WHERE rowid = %s", [(pk,) for pk in pks]
        )


# Both --------------------------------------------------------------------------------------


def update(indexed: Indexed, documents: list, using: str = "default") -> None:
    """Index these rows (as they are now) and add their words to the suggestions."""
    if not documents:
        return
    with transaction.atomic(using=using):
        if _vendor(using) == "postgresql":
            _store_vectors(indexed, documents, using)
        elif _vendor(using) == "sqlite":
            _store_fts(indexed, documents, using)
        if indexed.suggests is not None:
            add_words([d for d in documents if indexed.suggests(d)], indexed, using)


def add_words(documents: list, indexed: Indexed, using: str) -> None:
    """Add the words of these documents, and their base forms, to what may be suggested."""
    from valoa.models import SearchWord

    known = set()
    for document in documents:
        for _position, _weight, _form, tokens in document_words(document, indexed):
            known.add(tokens[0])
            known.update(t.split(":")[0] for t in tokens[1:] if not t.endswith((PART, ROOT)))
    SearchWord.objects.using(using).bulk_create(
        [SearchWord.of(word) for word in known if len(word) >= 3 and word.isalpha()],
        ignore_conflicts=True,
        batch_size=BATCH,
    )


def on_save(indexed: Indexed):
    """A post_save receiver: index the saved row, unless only other fields were saved.

    Should the index not take it, the row is saved all the same (what a person sent is never
    lost for the index's sake) and is found once `rebuild_search_index` has run."""

    def receiver(sender, instance, using, update_fields=None, raw=False, **kwargs):
        if raw or (update_fields is not None and not set(update_fields) & set(indexed.fields)):
            return
        try:
            update(indexed, [instance], using)
        except DatabaseError:
            logger.exception(
                "The search index was not updated for %s %s; run rebuild_search_index",
                indexed.model._meta.label,
                instance.pk,
            )

    return receiver


def on_delete(indexed: Indexed):
    """A post_delete receiver: remove the row from the SQLite index (on PostgreSQL the
    vector goes with its row)."""

    def receiver(sender, instance, using, **kwargs):
        if _vendor(using) == "sqlite":
            _remove_fts(indexed, [instance.pk], using)

    return receiver


def rebuild(models: Iterable[Indexed] | None = None, using: str = "default") -> dict:
    """Re-index every row of these models, or of all indexed models (starting the words for
    suggestions afresh); returns how many rows and words, and how long it took."""
    from valoa.models import SearchWord

    started = time.monotonic()
    done: dict = {}
    if models is None:
        models = indexed_models()
        SearchWord.objects.using(using).all().delete()
    for indexed in models:
        rows = (
            indexed.model._default_manager.using(using)
            .select_related(*indexed.related)
            .only("pk", *indexed.fields, *_language_fields(indexed))
            .order_by("pk")
        )
        if _vendor(using) == "sqlite":
            with connections[using].cursor() as cursor:
                cursor.execute(f"DELETE FROM {fts_table(indexed)}")
        count, batch = 0, []
        for document in rows.iterator(chunk_size=BATCH):
            batch.append(document)
            if len(batch) == BATCH:
                update(indexed, batch, using)
                count, batch = count + len(batch), []
        update(indexed, batch, using)
        done[indexed.model._meta.label] = count + len(batch)
    done["words"] = SearchWord.objects.using(using).count()
    done["seconds"] = round(time.monotonic() - started, 1)
    return done


def _language_fields(indexed: Indexed) -> list[str]:
    names = {field.name for field in indexed.model._meta.concrete_fields}
    wanted = [name for name in ("language", "status", "published_at") if name in names]
    return wanted + [f"{relation}__language" for relation in indexed.related]
