"""The coordinator's review of a submission: approve, return or reopen it, comment on
an answer or the whole (representatives reply), and every saved version of an answer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from activities.models import AnswerVersion, Submission, SubmissionStatus
from members import access

from . import services
from .forms import CommentForm, ReasonForm
from .submission_actions import whole_number
from .submission_page import find_submission_target, render_submission, threads_of


def _reviewed_submission(request, slug, pk, org_pk):
    group_access, period, organisation = find_submission_target(request, slug, pk, org_pk)
    submission = get_object_or_404(Submission, period=period, organisation=organisation)
    return group_access, submission


@require_POST
def submission_review(request, slug, pk, org_pk):
    """The coordinator approves (and may go on to the next waiting), returns (with a
    reason, from the return page) or reopens a submission."""
    group_access, submission = _reviewed_submission(request, slug, pk, org_pk)
    group_access.require_coordinator()
    decision = request.POST.get("decision")
    if decision not in ("approve", "approve_next", "return", "reopen"):
        raise Http404
    form = ReasonForm(request.POST)
    reason = request.POST.get("reason", "")
    questions = chosen_questions(request)
    try:
        if not form.is_valid():
            raise services.WorkflowError(" ".join(form.errors["reason"]))
        reason = form.cleaned_data["reason"]
        if decision in ("approve", "approve_next"):
            services.submission_approve(submission=submission, by=request.user, comment=reason)
            messages.success(request, _("The answers were approved."))
        elif decision == "return":
            services.submission_return(
                submission=submission, by=request.user, reason=reason, questions=questions
            )
            messages.success(request, _("The answers were returned to the organisation."))
        else:
            services.submission_reopen(submission=submission, by=request.user, reason=reason)
            messages.success(request, _("The answers were reopened for editing."))
    except services.WorkflowError as error:
        if decision == "return":
            return _return_page(
                request, group_access, submission, reason, questions, error=str(error), status=400
            )
        messages.error(request, str(error))
        return render_submission(
            request,
            group_access,
            submission.period,
            submission.organisation,
            status=400,
            reason_error=decision,
            reason_text=reason,
        )
    if decision == "approve_next":
        return _to_next_waiting(request, slug, submission)
    return redirect(
        "activities:submission",
        slug=slug,
        pk=submission.period_id,
        org_pk=submission.organisation_id,
    )


def _to_next_waiting(request, slug, submission):
    """After "Approve and review the next": the next submission waiting for review, or the
    period overview when none waits."""
    following = services.next_waiting(submission.period, after=submission)
    if following is None:
        messages.info(request, _("No more answers wait for review."))
        return redirect("activities:period_overview", slug, submission.period_id)
    return redirect(
        "activities:submission", slug=slug, pk=following.period_id, org_pk=following.organisation_id
    )


def chosen_questions(request):
    """The question numbers ticked on the return page (whole numbers only)."""
    numbers = (whole_number(value) for value in request.POST.getlist("questions"))
    return sorted({n for n in numbers if n is not None})


def submission_return(request, slug, pk, org_pk):
    """The step before returning: the reason, the questions it concerns, and what
    returning does (the answers open again and the representatives get an e-mail)."""
    group_access, submission = _reviewed_submission(request, slug, pk, org_pk)
    group_access.require_coordinator()
    if submission.status != SubmissionStatus.SUBMITTED:
        messages.info(request, _("Only submitted answers can be sent back."))
        return redirect(
            "activities:submission",
            slug=slug,
            pk=submission.period_id,
            org_pk=submission.organisation_id,
        )
    return _return_page(request, group_access, submission, "", [])


def _return_page(request, group_access, submission, reason, questions, error=False, status=200):
    period = submission.period
    return render(
        request,
        "activities/submission_return.html",
        {
            "access": group_access,
            "group": group_access.group,
            "submission": submission,
            "period": period,
            "organisation": submission.organisation,
            "questions": list(period.questions.all()),
            "chosen": questions,
            "reason": reason,
            "error": error,
        },
        status=status,
    )


@require_POST
@sensitive_post_parameters()
def comment_add(request, slug, pk, org_pk):
    """The coordinator comments on a question or the whole; a representative replies."""
    group_access, submission = _reviewed_submission(request, slug, pk, org_pk)
    thread = None
    if request.POST.get("thread"):
        thread = access.object_or_404(threads_of(submission), pk=request.POST["thread"])
    elif not group_access.is_coordinator:
        raise PermissionDenied
    question = None
    if request.POST.get("question"):
        question = access.object_or_404(
            submission.period.questions.all(), pk=request.POST["question"]
        )
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(
            submission=submission,
            by=request.user,
            text=form.cleaned_data["text"],
            question=question,
            thread=thread,
        )
        messages.success(request, _("The comment was added."))
    else:
        messages.error(request, _("The comment was empty or too long, and was not added."))
    url = reverse(
        "activities:submission", args=[slug, submission.period_id, submission.organisation_id]
    )
    anchor = f"question-{question.pk}" if question else "comments"
    return redirect(f"{url}#{anchor}")


@require_POST
def comment_resolve(request, slug, pk, org_pk, comment_pk):
    """The coordinator marks a comment thread as resolved."""
    group_access, submission = _reviewed_submission(request, slug, pk, org_pk)
    group_access.require_coordinator()
    comment = access.object_or_404(threads_of(submission), pk=comment_pk)
    services.comment_resolve(comment=comment, by=request.user)
    messages.success(request, _("The comment was marked as resolved."))
    return redirect(
        "activities:submission",
        slug=slug,
        pk=submission.period_id,
        org_pk=submission.organisation_id,
    )


def answer_versions(request, slug, pk, org_pk, question_pk):
    """Every saved version of one answer; two of them compared word by word."""
    group_access, submission = _reviewed_submission(request, slug, pk, org_pk)
    question = access.object_or_404(submission.period.questions.all(), pk=question_pk)
    versions = list(
        AnswerVersion.objects.filter(answer__submission=submission, answer__question=question)
        .select_related("created_by")
        .order_by("-number")
    )
    by_number = {v.number: v for v in versions}
    compare = None
    if len(versions) >= 2:
        newer = by_number.get(whole_number(request.GET.get("b")), versions[0])
        older = by_number.get(whole_number(request.GET.get("a")), versions[1])
        compare = (older, newer)
    return render(
        request,
        "activities/answer_versions.html",
        {
            "access": group_access,
            "group": group_access.group,
            "submission": submission,
            "period": submission.period,
            "organisation": submission.organisation,
            "question": question,
            "versions": versions,
            "compare": compare,
        },
    )
