"""Workflows on submissions and their comments. Views call these; nothing else writes.

Status changes are conditional updates, so two clicks or two tabs change a state once;
answer saves carry the submission's version number, so a save made from an older page
is refused instead of silently overwriting newer text.

Locks: the period (period_locked), the submission by its conditional update, then the
group by the first write; answers are written only under the period's lock. A comment
takes its row, then the group (members.locks).
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import (
    EDITABLE_STATUSES,
    Answer,
    AnswerVersion,
    Comment,
    Submission,
    SubmissionStatus,
    Transition,
)
from activities.records.reads import records_current_in
from members import audit
from members.access import coordinators_of, representatives_of
from members.models import NotificationKind
from members.notifications import notify

from .periods import WorkflowError, period_locked


class AnswersChanged(WorkflowError):
    """The answers were saved again after the person checked them."""

    def __init__(self):
        super().__init__(
            _(
                "The answers were changed after this page was opened (perhaps in another "
                "window). Check them again below before you send them."
            )
        )


class SaveConflict(Exception):
    """Someone saved the submission after the page was opened."""

    def __init__(self, submission, saved_texts):
        super().__init__("conflict")
        self.submission = submission
        self.saved_texts = saved_texts


# Submissions


def _record(submission, from_status, to_status, by, comment="", questions=()):
    Transition.objects.create(
        submission=submission,
        from_status=from_status,
        to_status=to_status,
        by=by,
        comment=comment,
        questions=list(questions),
    )


def _require_answers_accepted(period):
    if period.is_locked:
        raise WorkflowError(
            _("The period is locked. Nothing can be changed until the coordinator reopens it.")
        )
    if not period.accepts_answers:
        raise WorkflowError(_("The period has not opened for answers yet."))


def normalise_text(text):
    """Line endings as the browser may send them, trailing space dropped."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").rstrip()


def saved_texts(submission):
    """{question id: current text} of a submission."""
    return dict(submission.answers.values_list("question_id", "text"))


def submission_save(*, period, organisation, texts, expected_version, by):
    """Save a representative's answers, keeping a version of every changed answer.

    `texts` maps question ids to what was typed. Raises SaveConflict when someone else
    saved since `expected_version`, WorkflowError when the submission or the period
    takes no answers now. Returns the saved submission.
    """
    with transaction.atomic():
        period = period_locked(period.pk)
        _require_answers_accepted(period)
        try:
            with transaction.atomic():
                submission, created = Submission.objects.get_or_create(
                    period=period, organisation=organisation, defaults={"updated_by": by}
                )
        except IntegrityError:
            submission, created = (
                Submission.objects.get(period=period, organisation=organisation),
                False,
            )
        if created:
            _record(submission, "", SubmissionStatus.DRAFT, by)
        now = timezone.now()
        bumped = Submission.objects.filter(
            pk=submission.pk, version=expected_version, status__in=EDITABLE_STATUSES
        ).update(version=F("version") + 1, updated_at=now, updated_by=by)
        if not bumped:
            submission.refresh_from_db()
            if not submission.is_editable:
                raise WorkflowError(
                    _("The answers have been submitted and can no longer be changed here.")
                )
            raise SaveConflict(submission, saved_texts(submission))
        answers = {a.question_id: a for a in submission.answers.all()}
        last_numbers = dict(
            AnswerVersion.objects.filter(answer__submission=submission)
            .values("answer_id")
            .annotate(last=Max("number"))
            .values_list("answer_id", "last")
        )
        for question in period.questions.all():
            if question.pk not in texts:
                continue
            text = normalise_text(texts[question.pk])
            answer = answers.get(question.pk)
            if answer is None:
                if not text:
                    continue
                answer = Answer.objects.create(submission=submission, question=question, text=text)
            elif answer.text == text:
                continue
            else:
                answer.text = text
                answer.save(update_fields=["text"])
            AnswerVersion.objects.create(
                answer=answer,
                number=last_numbers.get(answer.pk, 0) + 1,
                text=text,
                created_at=now,
                created_by=by,
            )
        submission.refresh_from_db()
    return submission


def previous_answers(*, period, organisation):
    """{question number: text} from the organisation's latest approved earlier submission."""
    previous = Submission.objects.latest_approved_before(organisation, period)
    if previous is None:
        return None, {}
    texts = dict(previous.answers.values_list("question__number", "text"))
    return previous, texts


def fill_from_previous(*, period, organisation, typed):
    """Fill the empty ones of the typed answers from the previous approved submission.

    Questions are matched by number. Returns (texts, how many were filled).
    """
    previous, by_number = previous_answers(period=period, organisation=organisation)
    if previous is None:
        raise WorkflowError(_("There is no earlier approved submission to start from."))
    filled = 0
    texts = dict(typed)
    for question in period.questions.all():
        if not normalise_text(texts.get(question.pk)) and by_number.get(question.number):
            texts[question.pk] = by_number[question.number]
            filled += 1
    return texts, filled


def _change_status(
    *,
    submission,
    allowed_from,
    to_status,
    by,
    comment="",
    action=None,
    require=None,
    questions=(),
    **fields,
):
    """Move a submission to a new status if it is in one of `allowed_from`.

    Returns True if this call changed it, False if it had already been changed to
    `to_status` (a double click), and raises WorkflowError otherwise. `require(current,
    period)` checks more rules under the period's lock, where no answer can change.
    """
    with transaction.atomic():
        period = period_locked(submission.period_id)
        if period.is_locked:
            raise WorkflowError(
                _("The period is locked. Nothing can be changed until the coordinator reopens it.")
            )
        current = Submission.objects.get(pk=submission.pk)
        if current.status == to_status:
            return False
        if current.status not in allowed_from:
            raise WorkflowError(
                _("This cannot be done while the submission is %(status)s.")
                % {"status": current.get_status_display().lower()}
            )
        if require is not None:
            require(current, period)
        changed = Submission.objects.filter(pk=submission.pk, status=current.status).update(
            status=to_status, updated_at=timezone.now(), updated_by=by, **fields
        )
        if not changed:
            return False
        _record(submission, current.status, to_status, by, comment, questions)
        audit.record(
            f"activities.submission.{action or to_status}",
            actor=by,
            group=period.group,
            obj=current,
            detail=f"{current.status} → {to_status}",
        )
    submission.refresh_from_db()
    return True


def _tell(kind, submission, recipients, template, **context):
    """Notify about a submission after the change commits."""
    notify(
        kind=kind,
        recipients=recipients,
        template=template,
        context={
            "submission": submission,
            "organisation": submission.organisation,
            "period": submission.period,
            "path": reverse(
                "activities:submission",
                args=[
                    submission.period.group.slug,
                    submission.period_id,
                    submission.organisation_id,
                ],
            ),
            **context,
        },
        group=submission.period.group,
    )


def unanswered_questions(submission, period):
    """The period's questions that the submission leaves without a written answer."""
    answered = set(submission.answers.exclude(text="").values_list("question_id", flat=True))
    return [question for question in period.questions.all() if question.pk not in answered]


def question_list(questions):
    """ "question 2, question 4" for a message."""
    return ", ".join(
        _("question %(number)s") % {"number": question.number} for question in questions
    )


def submission_submit(*, submission, by, expected_version=None):
    """Send the answers to the coordinator.

    `expected_version` is the version the person checked (the check-your-answers page):
    if the answers were saved again since, nothing is sent (AnswersChanged). A group
    that requires every question answered refuses answers with a question left open.
    """

    def require(current, period):
        if expected_version is not None and current.version != expected_version:
            raise AnswersChanged()
        if period.group.all_questions_required:
            missing = unanswered_questions(current, period)
            if missing:
                raise WorkflowError(
                    _(
                        "The group requires an answer to every question before the answers "
                        "are sent. Not answered: %(questions)s."
                    )
                    % {"questions": question_list(missing)}
                )

    changed = _change_status(
        submission=submission,
        allowed_from=EDITABLE_STATUSES,
        to_status=SubmissionStatus.SUBMITTED,
        by=by,
        require=require,
        submitted_at=timezone.now(),
    )
    if changed:
        _tell(
            NotificationKind.SUBMITTED,
            submission,
            coordinators_of(submission.period.group),
            "submitted",
            by=by,
        )
    return changed


def submission_approve(*, submission, by, comment=""):
    """Approve the answers and freeze, with them, the records they were shown with."""
    snapshot = records_current_in(submission.period, submission.organisation)
    changed = _change_status(
        submission=submission,
        allowed_from=(SubmissionStatus.SUBMITTED,),
        to_status=SubmissionStatus.APPROVED,
        by=by,
        comment=comment,
        records_snapshot=snapshot,
    )
    if changed:
        _tell(
            NotificationKind.APPROVED,
            submission,
            representatives_of(submission.organisation),
            "approved",
            by=by,
            comment=comment,
        )
    return changed


def submission_return(*, submission, by, reason, questions=()):
    """Return the answers with a reason; `questions` are the numbers of the period's
    questions the reason concerns (others are refused), kept on the transition."""
    if not reason.strip():
        raise WorkflowError(_("Say why the answers are returned."))
    numbers = set(submission.period.questions.values_list("number", flat=True))
    concerned = sorted({int(n) for n in questions})
    if not set(concerned) <= numbers:
        raise WorkflowError(_("Choose only questions of this period."))
    changed = _change_status(
        submission=submission,
        allowed_from=(SubmissionStatus.SUBMITTED,),
        to_status=SubmissionStatus.RETURNED,
        by=by,
        comment=reason.strip(),
        questions=concerned,
    )
    if changed:
        _tell(
            NotificationKind.RETURNED,
            submission,
            representatives_of(submission.organisation),
            "returned",
            by=by,
            reason=reason.strip(),
            questions=list(
                submission.period.questions.filter(number__in=concerned).order_by("number")
            ),
            comments=list(
                Comment.objects.filter(
                    submission=submission, thread__isnull=True, resolved_at__isnull=True
                ).select_related("question")
            ),
        )
    return changed


def next_waiting(period, *, after=None):
    """The submission of the period to review next: the first still waiting for review
    (submitted) by organisation name, other than `after`; None when none waits."""
    waiting = Submission.objects.filter(period=period, status=SubmissionStatus.SUBMITTED)
    if after is not None:
        waiting = waiting.exclude(pk=after.pk)
    return (
        waiting.select_related("organisation")
        .defer("records_snapshot")
        .order_by("organisation__name", "organisation_id")
        .first()
    )


def submission_reopen(*, submission, by, reason):
    """Open an approved submission for editing again (it goes back as returned)."""
    if not reason.strip():
        raise WorkflowError(_("Say why the approved answers are reopened."))
    return _change_status(
        submission=submission,
        allowed_from=(SubmissionStatus.APPROVED,),
        to_status=SubmissionStatus.RETURNED,
        by=by,
        comment=reason.strip(),
        action="reopened",
    )


# Comments


def comment_add(*, submission, by, text, question=None, thread=None):
    """Start a thread (coordinator) or reply to one (coordinator or representative)."""
    if not text.strip():
        raise WorkflowError(_("Write a comment first."))
    if thread is not None:
        question = thread.question
    with transaction.atomic():
        comment = Comment.objects.create(
            submission=submission,
            question=question,
            thread=thread,
            author=by,
            text=text.strip(),
        )
        _logged_on_submission(
            "comment.created", comment, submission, by, detail="reply" if thread else ""
        )
    return comment


def comment_resolve(*, comment, by):
    with transaction.atomic():
        if Comment.objects.filter(pk=comment.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=by
        ):
            _logged_on_submission("comment.resolved", comment, comment.submission, by)


def _logged_on_submission(action, comment, submission, by, detail=""):
    audit.record(
        f"activities.{action}",
        actor=by,
        group=submission.period.group,
        obj=comment,
        organisation=submission.organisation.name,
        detail=detail,
    )
