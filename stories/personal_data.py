"""Contributors' stories in the site's personal-data tools and retention."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from cases.models import Case
from stories.models import Submission
from stories.storage import private_storage
from valoa.personal_data import PersonalDataSource, RetentionRule
from valoa.web import page_cache

SPAM_DAYS = 30
DECLINED_DAYS = 365
ORPHAN_GRACE = timedelta(hours=1)


def _submissions(email: str):
    return Submission.objects.filter(email__iexact=email.strip())


def find(email: str) -> list[dict]:
    submissions = _submissions(email).select_related("case").prefetch_related("themes")
    return [
        {
            "id": submission.pk,
            "otsikko": submission.title,
            "laji": submission.get_kind_display(),
            "tila": submission.get_status_display(),
            "nimi": submission.name,
            "sähköposti": submission.email,
            "puhelin": submission.phone,
            "tehtävä": submission.role,
            "organisaatio": submission.organisation,
            "teemat": ", ".join(theme.name for theme in submission.themes.all()),
            "kertomus": submission.story,
            "liite": submission.attachment_name,
            "sisäinen muistiinpano": submission.internal_note,
            "viesti kertojalle": submission.changes_message,
            "esimerkki tai kokeilu": submission.case.title if submission.case else "",
            "lähetetty": submission.created_at,
        }
        for submission in submissions
    ]


def erase(email: str) -> int:
    """Delete the stories and their attachments; drafts made from them lose the contact."""
    submissions = _submissions(email)
    count = submissions.count()
    changed = Case.objects.filter(submissions__in=submissions, contact__icontains=email.strip())
    # The drafts' earlier versions in their history carry the same contact.
    Case.history.filter(id__in=changed.values("pk"), contact__icontains=email.strip()).update(
        contact=""
    )
    if changed.update(contact="", contact_public=False):
        page_cache.invalidate()
    submissions.delete()  # each attachment is removed from the disk after the commit
    return count


def delete_old_spam(now: datetime) -> int:
    cutoff = now - timedelta(days=SPAM_DAYS)
    old = Submission.objects.filter(status=Submission.Status.SPAM, created_at__lt=cutoff)
    count = old.count()
    old.delete()
    return count


def delete_old_declined(now: datetime) -> int:
    """Declined and withdrawn stories are kept a year after the last change, then deleted."""
    cutoff = now - timedelta(days=DECLINED_DAYS)
    old = Submission.objects.filter(
        status__in=[Submission.Status.DECLINED, Submission.Status.WITHDRAWN], updated_at__lt=cutoff
    )
    count = old.count()
    old.delete()  # each attachment is removed from the disk after the commit
    return count


def delete_orphan_files(now: datetime) -> int:
    """Delete attachments and case images that no row points to (left by a save that failed
    midway, e.g. when the process was killed). Files younger than ORPHAN_GRACE are kept: their
    row may be being saved right now."""
    attachments = Submission.objects.exclude(attachment="").values_list("attachment", flat=True)
    images = [
        name for pair in Case.objects.values_list("image", "image_small") for name in pair if name
    ]
    return _delete_unreferenced(
        private_storage, "kertomukset", set(attachments), now
    ) + _delete_unreferenced(Case._meta.get_field("image").storage, "innostu", set(images), now)


def _delete_unreferenced(storage, folder: str, referenced: set[str], now: datetime) -> int:
    deleted = 0
    for name in _files_under(storage, folder):
        if name not in referenced and storage.get_modified_time(name) < now - ORPHAN_GRACE:
            storage.delete(name)
            deleted += 1
    return deleted


def _files_under(storage, folder: str) -> Iterator[str]:
    if not storage.exists(folder):
        return
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for name in folders:
        yield from _files_under(storage, f"{folder}/{name}")


SUBMISSIONS = PersonalDataSource(label=str(_("Kertomukset")), find=find, erase=erase)
OLD_DECLINED = RetentionRule(
    label=str(_("Hylätyt ja perutut kertomukset (12 kuukautta)")), apply=delete_old_declined
)
OLD_SPAM = RetentionRule(
    label=str(_("Roskapostiksi tunnistetut kertomukset (30 päivää)")), apply=delete_old_spam
)
ORPHAN_FILES = RetentionRule(
    label=str(_("Liitteet ja kuvat, joihin mikään ei viittaa")), apply=delete_orphan_files
)
