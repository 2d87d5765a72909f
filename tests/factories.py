"""The tests' one place for content factories, attachment files and form posting helpers:
articles and comments, cases, stories, and what a browser sends."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from cases.models import Case, Sector
from insights.models import Article, Author, Comment
from stories.models import Submission
from valoa.models import Theme
from valoa.moderation import ModerationStatus
from valoa.posting import antispam


def make_author(**fields) -> Author:
    number = Author.objects.count() + 1
    defaults = {"name": f"Kirjoittaja {number}", "slug": f"kirjoittaja-{number}"}
    return Author.objects.create(**{**defaults, **fields})


def make_article(**fields) -> Article:
    number = Article.objects.count() + 1
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
    return Article.objects.create(**defaults)


def make_comment(article=None, status=ModerationStatus.APPROVED, **fields) -> Comment:
    defaults = {"name": "Lukija", "email": "lukija@example.fi", "body": "Hyvä kirjoitus."}
    defaults.update(fields)
    return Comment.objects.create(article=article, status=status, **defaults)


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


def make_case(themes=(), **fields) -> Case:
    number = Case.objects.count() + 1
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
    defaults.update(fields)
    case = Case.objects.create(**defaults)
    case.themes.set([theme(slug) if isinstance(slug, str) else slug for slug in themes])
    return case


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
