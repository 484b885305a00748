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

from activities.models import AnswerVersion, Submission
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
    """The coordinator approves, returns (with a reason) or reopens a submission."""
    group_access, submission = _reviewed_submission(request, slug, pk, org_pk)
    group_access.require_coordinator()
    decision = request.POST.get("decision")
    form = ReasonForm(request.POST)
    reason = request.POST.get("reason", "")
    try:
        if not form.is_valid():
            raise services.WorkflowError(" ".join(form.errors["reason"]))
        reason = form.cleaned_data["reason"]
        if decision == "approve":
            services.submission_approve(submission=submission, by=request.user, comment=reason)
            messages.success(request, _("The answers were approved."))
        elif decision == "return":
            services.submission_return(submission=submission, by=request.user, reason=reason)
            messages.success(request, _("The answers were returned to the organisation."))
        elif decision == "reopen":
            services.submission_reopen(submission=submission, by=request.user, reason=reason)
            messages.success(request, _("The answers were reopened for editing."))
        else:
            raise Http404
    except services.WorkflowError as error:
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
    return redirect(
        "activities:submission",
        slug=slug,
        pk=submission.period_id,
        org_pk=submission.organisation_id,
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
