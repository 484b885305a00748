"""Sending the answers (GOV.UK "check answers" and "confirmation page" patterns).

The send button of the submission page saves the answers and leads here: the person
checks every answer and the records beside it, confirms when questions are left
unanswered, and sends; the confirmation page then says what happens next. Only the
organisation's own representatives come here; anyone else is refused as on the
submission page.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from activities.models import SubmissionStatus
from members import access

from . import services
from .forms import SendAnswersForm
from .reads import completeness, submission_page
from .submission_page import find_submission_target


def _representative_target(request, slug, pk, org_pk):
    group_access, period, organisation = find_submission_target(request, slug, pk, org_pk)
    if not access.may_edit_answers(group_access, organisation):
        raise PermissionDenied
    return group_access, period, organisation


def _to_submission(group_access, period, organisation):
    return redirect(
        "activities:submission",
        slug=group_access.group.slug,
        pk=period.pk,
        org_pk=organisation.pk,
    )


def _check_page(group_access, period, organisation):
    """The submission page's read, with what is left unanswered and whether the group
    lets the answers go with it (then the person must confirm it)."""
    context = submission_page(group_access, period, organisation)
    required = group_access.group.all_questions_required
    unanswered = [item["question"] for item in context["items"] if not item["text"].strip()]
    context.update(
        access=group_access,
        group=group_access.group,
        completeness=completeness(context["texts"], context["questions"]),
        unanswered=unanswered,
        required=required,
        # With the group's rule there is no sending to confirm: the service refuses it.
        must_confirm=0 if required else len(unanswered),
    )
    return context


def submission_check(request, slug, pk, org_pk):
    """The check-your-answers page: each question with its answer or "Not answered",
    the records, and the send form. Answers already sent (or never saved) have nothing
    to check: the person goes to the submission page."""
    group_access, period, organisation = _representative_target(request, slug, pk, org_pk)
    context = _check_page(group_access, period, organisation)
    submission = context["submission"]
    if submission is None or not submission.is_editable:
        return _to_submission(group_access, period, organisation)
    form = SendAnswersForm(
        request.POST if request.method == "POST" else None,
        unanswered=context["must_confirm"],
        initial={"version": submission.version},
    )
    if request.method != "POST":
        return _render(request, context, form)
    if "version" in form.errors:  # a page from before a save elsewhere, or tampered with
        return _changed(request, group_access, period, organisation, services.AnswersChanged())
    if not form.is_valid():
        errors = [
            (message, f"#{form[name].auto_id}")
            for name, messages in form.errors.items()
            for message in messages
        ]
        return _render(request, context, form, errors, status=400)
    try:
        services.submission_submit(
            submission=submission, by=request.user, expected_version=form.cleaned_data["version"]
        )
    except services.AnswersChanged as error:
        return _changed(request, group_access, period, organisation, error)
    except services.WorkflowError as error:
        return _render(request, context, form, [(str(error), "")], status=400)
    return redirect("activities:submission_sent", slug=slug, pk=period.pk, org_pk=organisation.pk)


def _changed(request, group_access, period, organisation, error):
    """The answers changed since the page was opened: nothing is sent, and the page is
    shown afresh, with a form for the newest version."""
    context = _check_page(group_access, period, organisation)
    submission = context["submission"]
    if not submission.is_editable:  # sent meanwhile, from another window
        return _to_submission(group_access, period, organisation)
    form = SendAnswersForm(
        unanswered=context["must_confirm"], initial={"version": submission.version}
    )
    return _render(request, context, form, [(str(error), "")], status=409)


def _render(request, context, form, errors=(), status=200):
    """errors: (message, the anchor of the field it concerns or "") for the summary."""
    return render(
        request,
        "activities/submission_check.html",
        {**context, "form": form, "errors": errors},
        status=status,
    )


def submission_sent(request, slug, pk, org_pk):
    """The confirmation page after sending; answers not sent have none."""
    group_access, period, organisation = _representative_target(request, slug, pk, org_pk)
    submission = period.submissions.filter(organisation=organisation).only("pk", "status").first()
    sent = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)
    if submission is None or submission.status not in sent:
        return _to_submission(group_access, period, organisation)
    return render(
        request,
        "activities/submission_sent.html",
        {
            "access": group_access,
            "group": group_access.group,
            "period": period,
            "organisation": organisation,
            "submission": submission,
        },
    )
