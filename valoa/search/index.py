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
from dataclasses import dataclass

from django.db import DatabaseError, connections, transaction

from valoa.search.analysis import meaning_of, phrase_lemma, word_forms, word_tokens
from valoa.search.snippets import plain_text
from valoa.search.sources import Indexed, indexed_models

logger = logging.getLogger(__name__)
WEIGHTS = "ABCD"
BATCH = 500
# PostgreSQL keeps positions up to 16383 and at most 256 of them for one token.
LAST_POSITION = 16383
MOST_POSITIONS = 256


@dataclass
class Analysed:
    """A document's fields as words with their tokens: (field, weight, [(form, tokens)])."""

    document: object
    language: str
    fields: list[tuple[str, str, list[tuple[str, tuple]]]]

    @classmethod
    def of(cls, document, indexed: Indexed) -> "Analysed":
        language = indexed.language(document)
        fields = []
        for name, weight in indexed.fields.items():
            text = plain_text(getattr(document, name) or "")
            found = [(form, word_tokens(form, language)) for form in word_forms(text)]
            fields.append((name, weight, found))
        return cls(document, language, fields)

    def words(self) -> Iterable[tuple[int, str, str, tuple]]:
        """(position, weight, form, tokens) of each word, numbered as snippets.Positions
        numbers them."""
        position = 0
        for _name, weight, found in self.fields:
            for form, tokens in found:
                position += 1
                yield position, weight, form, tokens
            position += 1


def _vendor(using: str) -> str:
    return connections[using].vendor


# PostgreSQL --------------------------------------------------------------------------------


def vector_literal(analysed: Analysed) -> str:
    """The document's tsvector as text ('token':1A,7C …), to be cast to tsvector."""
    places: dict[str, list[str]] = defaultdict(list)
    for position, weight, _form, tokens in analysed.words():
        place = f"{min(position, LAST_POSITION)}{weight}"
        for token in tokens:
            if len(places[token]) < MOST_POSITIONS:
                places[token].append(place)
    return " ".join(
        "'" + token.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(at)
        for token, at in places.items()
    )


def _store_vectors(indexed: Indexed, analysed: list[Analysed], using: str) -> None:
    """One UPDATE for the batch."""
    table = connections[using].ops.quote_name(indexed.table)
    rows = ", ".join(["(%s, %s)"] * len(analysed))
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET search_vector = new.vector::tsvector"
            f" FROM (VALUES {rows}) AS new (id, vector) WHERE {table}.id = new.id",
            [value for item in analysed for value in (item.document.pk, vector_literal(item))],
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


def fts_row(analysed: Analysed) -> list[str]:
    """The FTS5 columns of a document. In a weight's column the fields are separated by " ; "
    and the words by " , " (FTS5 reads neither as a token), so that the words' positions can
    be read back (`positions_from_fts`)."""
    columns: dict[str, list[str]] = {weight: [] for weight in WEIGHTS}
    forms, lemmas = [], []
    for _name, weight, found in analysed.fields:
        columns[weight].append(" , ".join(" ".join(tokens) for _form, tokens in found))
        for form, _tokens in found:
            forms.append(form)
            lemmas.append(phrase_lemma(form, analysed.language))
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


def _store_fts(indexed: Indexed, analysed: list[Analysed], using: str) -> None:
    table = fts_table(indexed)
    _remove_fts(indexed, [item.document.pk for item in analysed], using)
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (rowid, {', '.join(FTS_COLUMNS)}) VALUES (%s{', %s' * 6})",
            [(item.document.pk, *fts_row(item)) for item in analysed],
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
    analysed = [Analysed.of(document, indexed) for document in documents]
    with transaction.atomic(using=using):
        if _vendor(using) == "postgresql":
            _store_vectors(indexed, analysed, using)
        elif _vendor(using) == "sqlite":
            _store_fts(indexed, analysed, using)
        if indexed.suggests is not None:
            add_words([item for item in analysed if indexed.suggests(item.document)], using)


def add_words(analysed: list[Analysed], using: str) -> None:
    """Add the words of these documents, and their base forms, to what may be suggested."""
    from valoa.search.models import SearchWord

    known = set()
    for item in analysed:
        forms = {form for _name, _weight, found in item.fields for form, _tokens in found}
        known.update(forms)
        if item.language == "fi":
            for form in forms:
                if (meaning := meaning_of(form)).known:
                    known.update(meaning.lemmas)
    SearchWord.objects.using(using).bulk_create(
        [SearchWord.of(word) for word in known if len(word) >= 3 and word.isalpha()],
        ignore_conflicts=True,
        batch_size=BATCH,
    )


def on_save(indexed: Indexed):
    """A post_save receiver: index the saved row, unless only other fields were saved.

    Should the index not take it, the row is saved all the same (what a person sent is never
    lost for the index's sake) and is found once `rebuild_search_index` has run."""

    # What the index reads of a row: its text, its language, and whether it is published.
    read = {*indexed.fields, "language", "status"}

    def receiver(sender, instance, using, update_fields=None, raw=False, **kwargs):
        if raw or (update_fields is not None and not read.intersection(update_fields)):
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
    from valoa.search.models import SearchWord

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
