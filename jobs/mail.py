"""Email off the request path: the site's email backend queues each message as a job.

``EMAIL_BACKEND = "jobs.mail.QueuedEmailBackend"`` turns every ``send()`` into
a ``deliver_email`` job in the sender's transaction; the job hands the message
to the backend named by ``JOBS_EMAIL_BACKEND`` (which ``config/settings.py``
sets from ``EMAIL_URL``; SMTP when unset) and, while the mail server is
down, retries with backoff, so no message is lost to an outage.
"""

import base64
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from jobs.background import background


def message_to_json(message):
    """The parts of an ``EmailMessage`` a job needs to send it again, as JSON."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [_attachment_to_json(attachment) for attachment in message.attachments],
    }


def _attachment_to_json(attachment):
    if isinstance(attachment, MIMEBase):
        filename, content, mimetype = (
            attachment.get_filename(),
            attachment.get_payload(decode=True),
            attachment.get_content_type(),
        )
    else:
        filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return {"filename": filename, "content": base64.b64encode(content).decode(), "mimetype": mimetype}


def message_from_json(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for attachment in data["attachments"]:
        content = base64.b64decode(attachment["content"])
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


@background
def deliver_email(data):
    """Send one queued message; a transport error raises, so the job is tried again later."""
    backend = getattr(settings, "JOBS_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    with get_connection(backend, fail_silently=False) as connection:
        connection.send_messages([message_from_json(data)])


class QueuedEmailBackend(BaseEmailBackend):
    """Queue each message as a ``deliver_email`` job; sending returns at once."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(message_to_json(message))
        return len(email_messages)
