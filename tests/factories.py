"""The tests' one place for content factories, attachment files and form posting helpers:
articles and comments, cases, stories, and what a browser sends."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from simple_history.utils import bulk_create_with_history

from cases.models import Case, Sector
from insights.models import Article, Author, Comment
from stories.models import Submission
from valoa.models import Theme
from valoa.moderation import ModerationStatus
from valoa.posting import antispam
from valoa.search import index as search_index
from valoa.search.sources import indexed_models
from valoa.web import page_cache


def make_author(**fields) -> Author:
    number = Author.objects.count() + 1
    defaults = {"name": f"Kirjoittaja {number}", "slug": f"kirjoittaja-{number}"}
    return Author.objects.create(**{**defaults, **fields})


def _article(number: int, fields: dict) -> Article:
    defaults = {
        "title": f"Artikkeli {number}",
        "slug": f"artikkeli-{number}",
        "lead": "Ingressi.",
        "body": "Leipäteksti **lihavoituna**.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=number),
    }
    defaults.update(fields)
    if "author" not in defaults:
        defaults["author"] = Author.objects.first() or make_author()
    return Article(**defaults)


def make_article(**fields) -> Article:
    article = _article(Article.objects.count() + 1, fields)
    article.save(force_insert=True)
    return article


def make_articles(count: int, themes=(), each=lambda index: {}, **fields) -> list[Article]:
    """`count` articles as make_article makes them (then given `themes`), in a few queries
    whatever the count; `each(index)` gives an article's own fields (counting from 0)."""
    fields.setdefault("author", Author.objects.first() or make_author())
    return _in_bulk(Article, _article, count, themes, each, fields)


def _comment(article, status, fields: dict) -> Comment:
    defaults = {"name": "Lukija", "email": "lukija@example.fi", "body": "Hyvä kirjoitus."}
    return Comment(article=article, status=status, **{**defaults, **fields})


def make_comment(article=None, status=ModerationStatus.APPROVED, **fields) -> Comment:
    comment = _comment(article, status, fields)
    comment.save(force_insert=True)
    return comment


def make_comments(
    articles: list, status=ModerationStatus.APPROVED, replying_to=(), **fields
) -> list[Comment]:
    """A comment on each of `articles` (None: a reader's own insight) as make_comment makes
    them, in a few queries whatever their number; each answers the comment at its place in
    `replying_to`, if given."""
    comments = [_comment(article, status, fields) for article in articles]
    for comment, parent in zip(comments, replying_to, strict=False):
        comment.parent = parent
    for comment in comments:
        comment.render_derived()
    Comment.objects.bulk_create(comments)
    _as_if_saved(Comment, comments)
    return comments


def form_data(**fields) -> dict:
    """What a person's browser sends: the fields plus an untouched honeypot and a time trap."""
    return {"kotisivu": "", "aloitettu": antispam.time_trap_token(), **fields}


def comment_data(**fields) -> dict:
    return form_data(
        **{
            "name": "Maija Meikäläinen",
            "email": "maija@example.fi",
            "body": "Meillä dialogi parani, kun aloitimme kokoukset kuulumiskierroksella.",
            **fields,
        }
    )


def theme(slug: str) -> Theme:
    """One of the six shared themes the migrations create."""
    return Theme.objects.get(slug=slug)


def _case(number: int, fields: dict) -> Case:
    defaults = {
        "title": f"Esimerkki {number}",
        "slug": f"esimerkki-{number}",
        "kind": Case.Kind.CASE,
        "organisation": f"Organisaatio {number}",
        "sector": Sector.MUNICIPALITY,
        "lead": f"Ingressi {number}.",
        "background": "Tausta **lihavoituna**.",
        "actions": "Mitä tehtiin.",
        "learnings": "Mitä opittiin.",
        "tips": "- Vinkki yksi\n- Vinkki kaksi",
        "status": Case.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=number),
    }
    return Case(**{**defaults, **fields})


def make_case(themes=(), **fields) -> Case:
    case = _case(Case.objects.count() + 1, fields)
    case.save(force_insert=True)
    case.themes.set([theme(slug) if isinstance(slug, str) else slug for slug in themes])
    return case


def make_cases(count: int, themes=(), each=lambda index: {}, **fields) -> list[Case]:
    """`count` cases as make_case makes them, in a few queries whatever the count; `each(index)`
    gives a case's own fields (counting from 0)."""
    return _in_bulk(Case, _case, count, themes, each, fields)


def _in_bulk(model, new, count: int, themes, each, fields: dict) -> list:
    """Store `count` new documents (articles, cases) made by `new(number, fields)` with `themes`
    as saving each would have, in a few queries: bulk_create() calls no save() and sends no
    signals, so this does their work: what save() renders, a version in the history, the
    theme links and ids."""
    first = model.objects.count() + 1
    documents = [new(first + index, {**fields, **each(index)}) for index in range(count)]
    chosen = Theme.objects.filter(slug__in=themes).order_by("pk")
    assert len(chosen) == len(themes), themes
    for document in documents:
        document.render_derived()
        document.theme_ids = [shared.pk for shared in chosen]
    bulk_create_with_history(documents, model)  # sets their pks (a returning insert)
    links = model.themes.through
    owner = f"{model._meta.model_name}_id"
    links.objects.bulk_create(
        [links(**{owner: document.pk}, theme=shared) for document in documents for shared in chosen]
    )
    _as_if_saved(model, documents)
    return documents


def _as_if_saved(model, rows: list) -> None:
    """What the receivers of post_save do for new rows: index them, and empty the cached pages
    the public ones show on (the receivers that tell subscribers find none in such tests)."""
    search_index.update(next(i for i in indexed_models() if i.model is model), rows)
    public = [row for row in rows if row.is_public()]
    for scope in dict.fromkeys(scope for row in public for scope in row.cache_scopes()):
        page_cache.invalidate_scope(scope)


def make_submission(themes=(), **fields) -> Submission:
    defaults = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "organisation": "Esimerkkilän kaupunki",
        "kind": Submission.Kind.EXPERIMENT,
        "title": "Kokeilimme kävelypalavereja",
        "story": "Kävelimme palaverit ulkona kuukauden ajan.\n\nOpimme, että se toimii.",
        "consent": True,
    }
    defaults.update(fields)
    submission = Submission.objects.create(**defaults)
    submission.themes.set([theme(slug) for slug in themes])
    return submission


def story_data(**fields) -> dict:
    """A filled story form as a browser sends it (honeypot and time trap included)."""
    return form_data(
        **{
            "name": "Maija Meikäläinen",
            "email": "maija@example.fi",
            "phone": "",
            "role": "Tiiminvetäjä",
            "organisation": "Esimerkkilän kaupunki",
            "kind": "kokeilu",
            "title": "Kokeilimme kävelypalavereja",
            "story": "Kävelimme viikkopalaverit ulkona kuukauden ajan. Keskustelu oli avoimempaa.",
            "consent": "on",
            **fields,
        }
    )


# Attachment files, each recognisable by its content -------------------------------------------


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_bytes(width: int = 20, height: int = 10, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 20, height: int = 10) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "orange").save(buffer, "JPEG")
    return buffer.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": b"<Relationships/>",
            "word/document.xml": b"<w:document/>",
        }
    )


def odt_bytes() -> bytes:
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b"<office:document-content/>",
        }
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
