"""`apply_retention` deletes spam and rejected comments after 30 days, sent mail after 30."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from insights.models import Comment
from tests.factories import make_comment
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_old_spam_and_rejected_comments_go_and_everything_else_stays(article):
    long_ago = timezone.now() - timedelta(days=31)
    make_comment(article, status="spam", body="vanha roska", created_at=long_ago)
    make_comment(article, status="rejected", body="vanha hylätty", created_at=long_ago)
    make_comment(article, status="spam", body="uusi roska")
    make_comment(article, status="approved", body="vanha hyväksytty", created_at=long_ago)
    make_comment(article, status="pending", body="vanha odottava", created_at=long_ago)

    call_command("apply_retention", verbosity=0)

    assert sorted(Comment.objects.values_list("body", flat=True)) == [
        "uusi roska",
        "vanha hyväksytty",
        "vanha odottava",
    ]


def test_sent_mail_is_deleted_after_30_days_but_unsent_mail_stays():
    now = timezone.now()
    OutboxMessage.objects.create(
        purpose="vanha", subject="s", body="b", sent_at=now - timedelta(days=31)
    )
    OutboxMessage.objects.create(purpose="uusi", subject="s", body="b", sent_at=now)
    OutboxMessage.objects.create(purpose="lähettämätön", subject="s", body="b")

    call_command("apply_retention", verbosity=0)

    assert sorted(OutboxMessage.objects.values_list("purpose", flat=True)) == [
        "lähettämätön",
        "uusi",
    ]


def test_declined_and_withdrawn_stories_go_after_twelve_months():
    from stories.models import Submission
    from tests.factories import make_submission

    long_ago = timezone.now() - timedelta(days=366)
    for status, title in [
        (Submission.Status.DECLINED, "vanha hylätty"),
        (Submission.Status.WITHDRAWN, "vanha peruttu"),
        (Submission.Status.NEW, "vanha uusi"),
    ]:
        make_submission(title=title, status=status)
    make_submission(title="tuore hylätty", status=Submission.Status.DECLINED)
    Submission.objects.filter(title__startswith="vanha").update(updated_at=long_ago)

    call_command("apply_retention", verbosity=0)

    assert sorted(Submission.objects.values_list("title", flat=True)) == [
        "tuore hylätty",
        "vanha uusi",
    ]
