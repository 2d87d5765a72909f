"""Sending the weekly digest to many subscribers, through a real SMTP server: how long it takes.

Run by bench.pages in its own process with the site's environment (or alone against any
database with the schema); adds confirmed subscribers and one new article, sends the week's
digests to an SMTP server (aiosmtpd, in a process of its own, discarding what it gets), removes
what it added and prints one JSON object.

    python -m bench.digests [--subscribers 10000] [--sets 40]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings")
MARKER = "penkki-kooste"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--sets", type=int, default=40, help="different choices of themes")
    chosen = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.utils import timezone

    from insights.models import Article, Author
    from subscriptions.digests import send_weekly_digests
    from subscriptions.models import Subscription
    from valoa.models import OutboxMessage, Theme

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c",
         "aiosmtpd.handlers.Sink"],
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""

    themes = list(Theme.objects.all())
    article = Article.objects.create(
        title=MARKER, slug=MARKER, lead="…", body="…",
        author=Author.objects.get_or_create(slug=MARKER, defaults={"name": "…"})[0],
        status=Article.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    article.themes.set(themes)
    now = timezone.now()
    languages = [code for code, _name in settings.LANGUAGES]
    subscribers = Subscription.objects.bulk_create(
        Subscription(
            kind=Subscription.Kind.DIGEST,
            email=f"{MARKER}-{number}@example.fi",
            language=languages[number % len(languages)],
            confirmed_at=now,
        )
        for number in range(chosen.subscribers)
    )
    subscribers = Subscription.objects.filter(email__startswith=MARKER).order_by("pk")
    Through = Subscription.themes.through
    Through.objects.bulk_create(
        Through(subscription_id=pk, theme_id=themes[(number % chosen.sets) % len(themes)].pk)
        for number, pk in enumerate(subscribers.values_list("pk", flat=True))
    )
    try:
        started = time.monotonic()
        done = send_weekly_digests()
        seconds = time.monotonic() - started
    finally:
        pks = subscribers.values_list("pk", flat=True)
        keys = [f"subscriptions.subscription:{pk}" for pk in pks]
        OutboxMessage.objects.filter(about__in=keys).delete()
        Through.objects.filter(subscription__in=subscribers).delete()
        subscribers._raw_delete(subscribers.db)  # no per-row signals: their mail is gone above
        article.delete()
        server.terminate()
    print(json.dumps({**done, "seconds": round(seconds, 1)}))


if __name__ == "__main__":
    main()
