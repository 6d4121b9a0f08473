"""Email goes through a job: with the mail server down nothing is lost; it leaves when the server is back."""

import socket
from email.mime.application import MIMEApplication

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail import EmailMessage
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from jobs.mail import message_from_json, message_to_json
from tests.factories import comment_form_data, make_post, make_staff, make_user
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


class Inbox:
    """An SMTP server's handler that keeps what it is sent."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_port():
    port = free_port()
    with override_settings(
        EMAIL_BACKEND="jobs.mail.QueuedEmailBackend",
        JOBS_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=2,
    ):
        yield port


def test_a_held_comment_is_mailed_after_the_mail_server_comes_back(client, smtp_port):
    """The reader's comment is stored at once; the notice waits out the outage and is delivered once."""
    make_staff(groups=["Moderators"], email="mod@example.com")
    post = make_post(author=make_user(email=""))  # one notice: each recipient gets their own
    response = client.post(reverse("comments:post", args=[post.pk]), comment_form_data(post, body="Hold me."))
    assert response.status_code == 302
    assert Comment.objects.get().body == "Hold me."

    run_jobs()  # the server is down: delivery fails and waits to retry
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.task_name == "deliver_email"
    assert "ConnectionRefusedError" in failed.traceback
    waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert waiting.run_after > timezone.now()

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
        run_jobs()
    finally:
        server.stop()
    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == ["mod@example.com"]
    assert b"Hold me." in envelope.content
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


@override_settings(
    EMAIL_BACKEND="jobs.mail.QueuedEmailBackend",
    JOBS_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_a_queued_message_arrives_as_it_was_written():
    """Subject, body, addresses, headers, alternatives and attachments survive the trip through the queue."""
    message = mail.EmailMultiAlternatives(
        subject="Réponse",
        body="Plain text",
        from_email="site@example.com",
        to=["a@example.org"],
        cc=["b@example.org"],
        bcc=["c@example.org"],
        reply_to=["d@example.org"],
        headers={"List-Unsubscribe": "<https://example.com/u/1/>"},
    )
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("notes.txt", "some notes", "text/plain")
    message.attach("data.bin", b"\x00\x01", "application/octet-stream")
    assert message.send() == 1
    assert mail.outbox == []
    run_jobs()
    [sent] = mail.outbox
    assert message_to_json(sent) == message_to_json(message)
    assert sent.recipients() == ["a@example.org", "b@example.org", "c@example.org"]


def test_a_mime_attachment_is_kept_by_name_type_and_bytes():
    """An attachment given as a MIME part travels as its file name, type and content."""
    part = MIMEApplication(b"%PDF-1.4", "pdf")
    part.add_header("Content-Disposition", "attachment", filename="paper.pdf")
    message = EmailMessage(subject="s", body="b", to=["a@example.org"], attachments=[part])
    [attachment] = message_from_json(message_to_json(message)).attachments
    assert (attachment.filename, attachment.content, attachment.mimetype) == (
        "paper.pdf",
        b"%PDF-1.4",
        "application/pdf",
    )
