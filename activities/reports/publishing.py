"""Publishing off the request path: the coordinator's publish is a PublishRequest worked
off in the task queue (django-tasks: the database queue in production, at once with
DEBUG on). One request per draft at a time, so a second click joins the first; a failure
stores nothing but the request's step and error, for the progress page."""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from activities.models import PublishRequest, PublishState

from . import services

logger = logging.getLogger(__name__)

PENDING = (PublishState.QUEUED, PublishState.RUNNING)
# A request still pending after this long was lost (a worker stopped mid-way): the next
# publish of the draft marks it failed and starts anew.
ABANDONED_AFTER = timedelta(minutes=15)

# What a failed step was, for the progress page.
STEPS = {
    "content": _("the report's content"),
    "pdf": _("the PDF file"),
    "docx": _("the Word file"),
    "public_pdf": _("the public edition's PDF file"),
    "public_docx": _("the public edition's Word file"),
    "archive_pdf": _("the archive copy (PDF/A)"),
    "odt": _("the ODT file"),
    "public_odt": _("the public edition's ODT file"),
    "store": _("the new version"),
}


def publish_request(*, report, by, change_note="", is_public=False):
    """Queue the publish of a draft; (request, created). While a publish of the draft is
    queued or running, that one is returned and nothing new is queued."""
    PublishRequest.objects.filter(
        report=report, state__in=PENDING, created_at__lt=timezone.now() - ABANDONED_AFTER
    ).update(
        state=PublishState.FAILED,
        failed_step="store",
        error="Did not finish in time.",
        finished_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            request = PublishRequest.objects.create(
                report=report, requested_by=by, change_note=change_note, is_public=is_public
            )
    except IntegrityError:  # one is queued or running (the unique constraint)
        running = PublishRequest.objects.filter(report=report, state__in=PENDING).first()
        if running is not None:
            return running, False
        raise
    # After the commit above, so that the worker finds the request.
    publish_task.enqueue(request.pk)
    request.refresh_from_db()  # worked off already with the immediate backend
    return request, True


@task()
def publish_task(request_id):
    """The task: make the version of one publish request, or record why it failed."""
    if not PublishRequest.objects.filter(pk=request_id, state=PublishState.QUEUED).update(
        state=PublishState.RUNNING
    ):
        return  # already worked off, or given up as lost
    request = PublishRequest.objects.select_related("report__group", "requested_by").get(
        pk=request_id
    )
    try:
        version = services.report_publish(
            report=request.report,
            by=request.requested_by,
            change_note=request.change_note,
            is_public=request.is_public,
        )
    except Exception as error:  # noqa: BLE001  (every failure is recorded and shown)
        step = error.step if isinstance(error, services.PublishError) else "store"
        cause = error.error if isinstance(error, services.PublishError) else error
        logger.exception("Publishing report %s failed at %s", request.report_id, step)
        PublishRequest.objects.filter(pk=request_id).update(
            state=PublishState.FAILED,
            failed_step=step,
            error=f"{type(cause).__name__}: {cause}"[:500],
            finished_at=timezone.now(),
        )
        return
    PublishRequest.objects.filter(pk=request_id).update(
        state=PublishState.DONE, version=version, finished_at=timezone.now()
    )


def pending_request(report):
    """The publish of the draft that is queued or running, or None (one query)."""
    return PublishRequest.objects.filter(report=report, state__in=PENDING).first()
