from django.core.mail.backends.base import BaseEmailBackend


class BrokenBackend(BaseEmailBackend):
    """A mail server that refuses every message, once the site has built it (as an SMTP
    server refusing the message's data would)."""

    def send_messages(self, email_messages):
        for message in email_messages:
            message.message()
        raise ConnectionRefusedError("mail server down")
