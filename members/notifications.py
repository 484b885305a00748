"""E-mail notifications that never hold up or fail a save.

Services call `notify()` inside their transaction; once it commits, one OutgoingMail
per recipient is written (in the recipient's language, as they chose: now, in the daily
digest, or not at all) and handed to the task queue. Delivery failures are kept and
retried with back-off (`manage.py send_mail_queue`); the coordinator sees them.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import ALWAYS_IMMEDIATE, MailStatus, OutgoingMail

logger = logging.getLogger(__name__)


def notify(*, kind, recipients, template, context, group=None, dedupe_key=None, cc=()):
    """Queue a notification for each recipient once the current transaction commits.

    `recipients` are people (User); `cc` are people who get a copy whatever their
    preferences for this kind (a coordinator copied on a reminder). `template` names
    "members/email/<template>_subject.txt", ".txt" and ".html".
    """
    recipients, cc = list(recipients), list(cc)
    transaction.on_commit(
        lambda: _queue(kind, recipients, cc, template, context, group, dedupe_key)
    )


def notify_address(*, kind, email, language, template, context, group=None):
    """Queue a mail to an address that is not (yet) a person of ours: an invitation."""
    transaction.on_commit(
        lambda: _write_and_send(kind, email, None, language, template, context, group, None)
    )


def _queue(kind, recipients, cc, template, context, group, dedupe_key):
    seen = set()
    for person, copy in [(p, False) for p in recipients] + [(p, True) for p in cc]:
        if person.pk in seen or not person.is_active or not person.email:
            continue
        seen.add(person.pk)
        if not copy and kind not in ALWAYS_IMMEDIATE and kind in (person.muted_notifications or []):
            continue
        key = f"{dedupe_key}:{person.pk}" if dedupe_key else None
        _write_and_send(kind, person.email, person, person.language, template, context, group, key)


def _write_and_send(kind, email, person, language, template, context, group, key):
    with translation.override(language or settings.LANGUAGE_CODE):
        full_context = {**context, "recipient": person, "site_url": settings.SITE_URL}
        subject = " ".join(
            render_to_string(f"members/email/{template}_subject.txt", full_context).split()
        )
        text = render_to_string(f"members/email/{template}.txt", full_context)
        html = render_to_string(f"members/email/{template}.html", full_context)
    digest = person is not None and person.daily_digest and kind not in ALWAYS_IMMEDIATE
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                to_email=email,
                user=person,
                group=group,
                kind=kind,
                subject=subject[:250],
                text=text,
                html=html,
                status=MailStatus.DIGEST if digest else MailStatus.QUEUED,
                dedupe_key=key,
            )
    except IntegrityError:
        return None  # already sent: a reminder command run twice
    if not digest:
        deliver_mail.enqueue(mail.pk)
    return mail


@task()
def deliver_mail(mail_id):
    """The task: try to send one queued mail."""
    mail = OutgoingMail.objects.filter(pk=mail_id, status=MailStatus.QUEUED).first()
    if mail is not None:
        deliver(mail)


def deliver(mail):
    """Send a mail; on failure keep it, note why, and schedule the next attempt."""
    message = EmailMultiAlternatives(mail.subject, mail.text, to=[mail.to_email])
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    now = timezone.now()
    try:
        message.send()
    except Exception as error:  # noqa: BLE001  (any failure of the mail server is kept)
        backoff = settings.MAIL_RETRY_BACKOFF
        attempts = mail.attempts + 1
        gave_up = attempts > len(backoff)
        OutgoingMail.objects.filter(pk=mail.pk).update(
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:500],
            status=MailStatus.FAILED if gave_up else MailStatus.QUEUED,
            next_attempt_at=now + timedelta(seconds=backoff[min(attempts, len(backoff)) - 1]),
        )
        logger.warning(
            "Mail %s to %s not sent (attempt %s): %s", mail.pk, mail.to_email, attempts, error
        )
        return False
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT, sent_at=now, attempts=mail.attempts + 1, last_error=""
    )
    return True


def deliver_due(now=None):
    """Send every queued mail whose next attempt is due; returns (sent, failed)."""
    now = now or timezone.now()
    sent = failed = 0
    for mail in OutgoingMail.objects.filter(status=MailStatus.QUEUED, next_attempt_at__lte=now):
        if deliver(mail):
            sent += 1
        else:
            failed += 1
    return sent, failed


def send_digests():
    """One e-mail per person with everything that waited for their daily digest."""
    from django.contrib.auth import get_user_model

    waiting = OutgoingMail.objects.filter(status=MailStatus.DIGEST).order_by("created_at")
    by_person = {}
    for mail in waiting.select_related("user"):
        by_person.setdefault(mail.user_id, []).append(mail)
    people = get_user_model().objects.in_bulk(list(by_person))
    for person_id, mails in by_person.items():
        person = people.get(person_id)
        if person is None:
            continue
        with transaction.atomic():
            digest = _write_and_send(
                "digest",
                person.email,
                None,  # a digest is never itself held back for a digest
                person.language,
                "digest",
                {"mails": mails, "person": person},
                None,
                f"digest:{person.pk}:{mails[-1].pk}",
            )
            if digest is not None:
                OutgoingMail.objects.filter(pk__in=[m.pk for m in mails]).update(
                    status=MailStatus.SENT, sent_at=timezone.now()
                )
    return len(by_person)
