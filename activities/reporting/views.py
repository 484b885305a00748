"""Periods, questionnaires, submissions and their review."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from activities.models import ANSWER_MAX_LENGTH, AnswerVersion, Comment, Period, Submission
from activities.records import services as record_services
from activities.records.kinds import KINDS
from members import access
from members.sign_in_steps import keeps_typed_text, take_typed_text
from samordning.fragments import Part, page_number, shared_fragment, shared_page

from . import services
from .forms import (
    AnswersForm,
    CommentForm,
    PeriodForm,
    QuestionForm,
    ReasonForm,
    answer_field_name,
)
from .reads import period_overview_rows, submission_page, submissions_of_representative

# Periods


def period_list(request, slug):
    """The coordinator's list of the group's periods."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    periods = Paginator(group.periods.order_by("-starts_on"), 20).get_page(request.GET.get("sida"))
    return render(
        request,
        "activities/period_list.html",
        {
            "access": group_access,
            "group": group,
            "periods": periods,
            "next_quarter": services.next_quarter(group),
        },
    )


def period_create(request, slug):
    """The coordinator creates a period; its questions are copied from the latest one."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    form = PeriodForm(request.POST or None, group=group, initial=services.next_quarter(group))
    if request.method == "POST" and form.is_valid():
        period = services.period_create(group=group, by=request.user, **form.cleaned_data)
        messages.success(request, _("%(name)s was created.") % {"name": period.name})
        return redirect("activities:question_list", slug=slug, pk=period.pk)
    return render(
        request,
        "activities/period_form.html",
        {"access": group_access, "group": group, "form": form},
    )


@require_POST
def period_create_next(request, slug):
    """The coordinator creates the next quarter in one step."""
    group_access = access.coordinator_access_for(request.user, slug)
    proposal = services.next_quarter(group_access.group)
    if group_access.group.periods.filter(name__iexact=proposal["name"]).exists():
        messages.error(request, _("%(name)s already exists.") % {"name": proposal["name"]})
        return redirect("activities:period_list", slug=slug)
    period = services.period_create_next(group=group_access.group, by=request.user)
    messages.success(request, _("%(name)s was created.") % {"name": period.name})
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


def period_edit(request, slug, pk):
    """The coordinator changes a period's name and dates."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = access.period_for(group_access, pk)
    form = PeriodForm(request.POST or None, instance=period, group=group_access.group)
    if request.method == "POST" and form.is_valid():
        services.period_update(period=period, by=request.user, **form.cleaned_data)
        messages.success(request, _("%(name)s was saved.") % {"name": form.cleaned_data["name"]})
        return redirect("activities:period_overview", slug=slug, pk=period.pk)
    return render(
        request,
        "activities/period_form.html",
        {"access": group_access, "group": group_access.group, "form": form, "period": period},
    )


@require_POST
def period_lock(request, slug, pk):
    """The coordinator locks a period: nothing in it changes until it is reopened."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = access.period_for(group_access, pk)
    if request.POST.get("lock") == "0":
        services.period_unlock(period=period, by=request.user)
        messages.success(request, _("The period is open for changes again."))
    else:
        services.period_lock(period=period, by=request.user)
        messages.success(request, _("The period is locked."))
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


def period_overview(request, slug, pk):
    """The coordinator sees every organisation's state for the period."""
    group_access = access.coordinator_access_for(request.user, slug)

    def context():
        period = access.period_for(group_access, pk)
        return {"title": period.name, "period": period, "rows": period_overview_rows(period)}

    part = shared_fragment(
        group_access.standing, "activities/_period_overview_body.html", context, pk
    )
    return shared_page(request, group_access, part)


# Questions


def question_list(request, slug, pk):
    """The coordinator reviews and edits the period's questionnaire until answers exist."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = access.period_for(group_access, pk)
    return render(
        request,
        "activities/question_list.html",
        {
            "access": group_access,
            "group": group_access.group,
            "period": period,
            "questions": period.questions.all(),
            "frozen": services.questions_are_frozen(period),
        },
    )


def _question_form(request, slug, pk, question_pk=None):
    group_access = access.coordinator_access_for(request.user, slug)
    period = access.period_for(group_access, pk)
    question = access.object_or_404(period.questions.all(), pk=question_pk) if question_pk else None
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                services.question_create(period=period, by=request.user, **form.cleaned_data)
            else:
                services.question_update(question=question, by=request.user, **form.cleaned_data)
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The question was saved."))
            return redirect("activities:question_list", slug=slug, pk=period.pk)
    return render(
        request,
        "activities/question_form.html",
        {
            "access": group_access,
            "group": group_access.group,
            "period": period,
            "question": question,
            "form": form,
            "frozen": services.questions_are_frozen(period),
        },
    )


def question_create(request, slug, pk):
    """The coordinator adds a question at the end of the questionnaire."""
    return _question_form(request, slug, pk)


def question_edit(request, slug, pk, question_pk):
    """The coordinator edits a question's wording, help and kind."""
    return _question_form(request, slug, pk, question_pk)


@require_POST
def question_delete(request, slug, pk, question_pk):
    """The coordinator removes a question while no answers exist."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = access.period_for(group_access, pk)
    question = access.object_or_404(period.questions.all(), pk=question_pk)
    try:
        services.question_delete(question=question, by=request.user)
    except services.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The question was removed."))
    return redirect("activities:question_list", slug=slug, pk=period.pk)


@require_POST
def question_move(request, slug, pk, question_pk):
    """The coordinator moves a question up or down while no answers exist."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = access.period_for(group_access, pk)
    question = access.object_or_404(period.questions.all(), pk=question_pk)
    try:
        offset = -1 if request.POST.get("direction") == "up" else 1
        services.question_move(question=question, offset=offset, by=request.user)
    except services.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("activities:question_list", slug=slug, pk=period.pk)


# Submissions


def my_submissions(request, slug):
    """A representative's submissions for every period, with their states: the same for
    everyone who represents the same organisations, so it is shared (samordning.fragments)."""
    group_access = access.group_access_for(request.user, slug)
    standing = group_access.standing
    number = page_number(request)

    def context():
        rows = submissions_of_representative(standing, number)
        if rows["page"].number != number:
            raise Http404  # past the last page: no copy of the last one under each number
        return {"title": _("Our answers"), "rows": rows}

    part = shared_fragment(standing, "activities/_my_submissions_body.html", context, number)
    return shared_page(request, group_access, part, query={"sida": number} if number > 1 else None)


def _find_submission_target(request, slug, pk, org_pk):
    group_access = access.group_access_for(request.user, slug)
    return (group_access, *_submission_target(group_access, pk, org_pk))


def _submission_target(group_access, pk, org_pk):
    period = access.period_for(group_access, pk)
    organisation = access.organisation_for(group_access, org_pk)
    access.require_submission_reader(group_access, organisation)
    return period, organisation


def _shared_submission_page(request, group_access, pk, org_pk):
    """The plain view of a submission page: everyone with the same standing sees it alike,
    so it is shared (samordning.fragments), and the period and organisation are only
    looked up (and the reader checked) when it is rendered."""
    standing = group_access.standing

    def context():
        period, organisation = _submission_target(standing, pk, org_pk)
        return {
            "title": f"{organisation.short_name} – {period.name}",
            **_submission_context(standing, period, organisation),
        }

    part = shared_fragment(standing, "activities/_submission_body.html", context, pk, org_pk)
    return shared_page(request, group_access, part)


def _render_submission(request, group_access, period, organisation, form=None, status=200, **extra):
    """The submission page as this person left it: with typed text, errors, a conflict or
    an open record form (?andra=)."""
    extra["record_key"] = extra.get("record_key") or request.GET.get("andra")
    context = _submission_context(group_access, period, organisation, form, **extra)
    part = Part(
        f"{organisation.short_name} – {period.name}",
        render_to_string("activities/_submission_body.html", context, request=request),
    )
    return render(
        request,
        "shared_page.html",
        {"access": group_access, "group": group_access.group, "part": part},
        status=status,
    )


def _submission_context(group_access, period, organisation, form=None, **extra):
    context = submission_page(group_access, period, organisation)
    if form is None and context["editable"]:
        form = AnswersForm(
            questions=context["questions"],
            initial={
                "version": context["submission"].version if context["submission"] else 0,
                **{f"answer_{q.pk}": context["texts"].get(q.pk, "") for q in context["questions"]},
            },
        )
    conflicts = extra.pop("conflicts", {})
    replies = extra.pop("replies", {})
    for item in context["items"]:
        for thread in item["threads"]:
            thread.reply = replies.get(thread.pk)
    for thread in context["overall_threads"]:
        thread.reply = replies.get(thread.pk)
    record_form = extra.pop("record_form", None)
    record_key = extra.pop("record_key", None)
    if form is not None:
        for item in context["items"]:
            item["field"] = form[answer_field_name(item["question"])]
            item["newer"] = conflicts.get(item["question"].pk)
            _attach_record_forms(item, group_access, organisation, record_form, record_key)
    context.update(
        access=group_access,
        group=group_access.group,
        form=form,
        autosave_interval_ms=settings.AUTOSAVE_INTERVAL_SECONDS * 1000,
        reason_form=ReasonForm(),
        comment_form=CommentForm(),
        **extra,
    )
    return context


def _attach_record_forms(item, group_access, organisation, failed_form, key):
    """The inline forms under a question: one to add a record, and one to edit the
    record the person chose (never one per record, so the page stays light)."""
    spec = item.get("spec")
    if spec is None:
        return
    new_key = f"new-{spec.slug}"
    item["new_form"] = (
        failed_form
        if key == new_key and failed_form is not None
        else spec.form_class(prefix=new_key, group=group_access.group, organisation=organisation)
    )
    item["new_open"] = key == new_key
    for row in item["records"]:
        row_key = f"{spec.slug}-{row['id']}"
        if key == row_key and "record" in row:
            row["edit_form"] = failed_form or spec.form_class(
                instance=row["record"],
                prefix=row_key,
                group=group_access.group,
                organisation=organisation,
            )


def _parse_record_action(action):
    """'record-add-aktiviteter', 'record-edit-behov-12' → (verb, spec, pk) or None."""
    parts = action.split("-")
    if len(parts) < 3 or parts[0] != "record" or parts[2] not in KINDS:
        return None
    verb, spec = parts[1], KINDS[parts[2]]
    pk = _int(parts[3]) if len(parts) > 3 else None
    if verb not in {"add", "edit", "open", "close"} or (verb != "add" and pk is None):
        return None
    return verb, spec, pk


def keep_typed_answers(request, slug, pk, org_pk):
    """The answers sent by someone not signed in fully, worth keeping for after they sign
    in: only the period's answer fields and the version, each within the form's limits."""
    period = Period.objects.filter(pk=pk, group__slug=slug).first()
    if period is None:
        return None
    form = AnswersForm(request.POST, questions=period.questions.all())
    version = request.POST.get("version", "")
    kept = {"version": version} if version.isdigit() and len(version) < 10 else {}
    for question in form.questions:
        name = answer_field_name(question)
        if name in request.POST:
            text = form.fields[name].to_python(request.POST[name])
            if len(text) <= ANSWER_MAX_LENGTH:
                kept[name] = text
    return kept


@keeps_typed_text(keep_typed_answers)
@sensitive_post_parameters()
def submission_detail(request, slug, pk, org_pk):
    """One organisation's answers for one period.

    Its representatives write, save, and submit here; the coordinator reviews here.
    Answers sent when the person's sign-in had ended (or before they gave their code)
    are kept and shown back after signing in (members.sign_in_steps).
    """
    if request.method == "POST":
        return _save_answers(request, *_find_submission_target(request, slug, pk, org_pk))
    pending = take_typed_text(request)
    if pending is None and not request.GET.get("andra"):
        group_access = access.group_access_for(request.user, slug)
        return _shared_submission_page(request, group_access, pk, org_pk)
    group_access, period, organisation = _find_submission_target(request, slug, pk, org_pk)
    if pending is not None and access.may_edit_answers(group_access, organisation):
        context = submission_page(group_access, period, organisation)
        messages.warning(
            request,
            _(
                "You were signed out before your answers were saved. What you had "
                "typed is shown below: check it and press Save."
            ),
        )
        form = AnswersForm(pending, questions=context["questions"])
        form.is_valid()
        return _render_submission(request, group_access, period, organisation, form=form)
    return _render_submission(request, group_access, period, organisation)


def show_answers_after_csrf_failure(request, slug, pk, org_pk):
    """Called by the CSRF failure view: the answers form comes back with what was typed."""
    group_access, period, organisation = _find_submission_target(request, slug, pk, org_pk)
    if not access.may_edit_answers(group_access, organisation):
        raise PermissionDenied
    context = submission_page(group_access, period, organisation)
    if not context["editable"]:
        raise PermissionDenied
    form = AnswersForm(request.POST, questions=context["questions"])
    form.is_valid()
    messages.error(
        request,
        _(
            "Your answers were not saved because the page had expired (you may have signed "
            "in again in another window). What you typed is shown below: press Save again."
        ),
    )
    return _render_submission(request, group_access, period, organisation, form=form, status=403)


def _save_answers(request, group_access, period, organisation):
    if not access.may_edit_answers(group_access, organisation):
        raise PermissionDenied
    questions = list(period.questions.all())
    form = AnswersForm(request.POST, questions=questions)
    replies = _reply_forms(request)
    if not all([form.is_valid(), *(reply.is_valid() for reply in replies.values())]):
        messages.error(request, _("The answers were not saved. Correct what is marked below."))
        return _render_submission(
            request, group_access, period, organisation, form=form, replies=replies
        )
    action = request.POST.get("action", "save")
    record_action = _parse_record_action(action)
    record_form = record = None
    if record_action is not None:
        verb, spec, record_pk = record_action
        if record_pk is not None:
            record = access.object_or_404(
                spec.model.objects.filter(organisation=organisation), pk=record_pk
            )
        if verb in {"add", "edit"}:
            key = f"new-{spec.slug}" if verb == "add" else f"{spec.slug}-{record_pk}"
            record_form = spec.form_class(
                request.POST,
                request.FILES,
                instance=record,
                prefix=key,
                group=group_access.group,
                organisation=organisation,
            )
            if not record_form.is_valid():
                messages.error(
                    request,
                    _("%(what)s was not saved. Correct what is marked.")
                    % {"what": capfirst(spec.definite)},
                )
                return _render_submission(
                    request,
                    group_access,
                    period,
                    organisation,
                    form=form,
                    record_form=record_form,
                    record_key=key,
                    replies=replies,
                )
    texts = form.texts()
    try:
        if action == "carry_forward":
            texts, filled = services.fill_from_previous(
                period=period, organisation=organisation, typed=texts
            )
        submission = services.submission_save(
            period=period,
            organisation=organisation,
            texts=texts,
            expected_version=form.cleaned_data["version"],
            by=request.user,
        )
        _save_replies(request, submission, replies)
        if record_action is not None:
            return _apply_record_action(request, record_action, record_form, record, organisation)
        if action == "submit":
            services.submission_submit(submission=submission, by=request.user)
    except services.SaveConflict as conflict:
        return _render_conflict(request, group_access, period, organisation, form, conflict)
    except services.WorkflowError as error:
        messages.error(request, str(error))
        return _render_submission(
            request, group_access, period, organisation, form=form, replies=replies
        )
    if action == "carry_forward":
        messages.success(
            request,
            _(
                "%(count)s empty answers were filled from your previous approved answers. "
                "Check them and save."
            )
            % {"count": filled},
        )
    elif action == "submit":
        messages.success(request, _("Your answers were submitted to the coordinator."))
    else:
        messages.success(request, _("Your answers were saved."))
    return redirect(request.path)


def _apply_record_action(request, record_action, record_form, record, organisation):
    """After the answers are saved: add, edit, open for editing or close a record."""
    verb, spec, _pk = record_action
    if verb in {"add", "edit"}:
        record = record_services.record_save(
            spec=spec, form=record_form, organisation=organisation, by=request.user
        )
        messages.success(
            request, _("Your answers and %(what)s were saved.") % {"what": spec.definite}
        )
    elif verb == "close":
        record_services.record_close(record=record, by=request.user)
        messages.success(
            request, _("Your answers were saved and %(what)s closed.") % {"what": spec.definite}
        )
    else:
        return redirect(
            f"{request.path}?andra={spec.slug}-{record.pk}#record-{spec.slug}-{record.pk}"
        )
    return redirect(f"{request.path}#record-{spec.slug}-{record.pk}")


def _reply_forms(request):
    """{thread id: CommentForm} of the replies typed beside the answers."""
    return {
        _int(key[6:]): CommentForm({"text": text})
        for key, text in request.POST.items()
        if key.startswith("reply_") and text.strip()
    }


def _save_replies(request, submission, replies):
    """Replies typed beside the answers (checked with them) are saved with them."""
    for thread_pk, reply in replies.items():
        thread = access.object_or_404(_threads(submission), pk=thread_pk)
        services.comment_add(
            submission=submission, by=request.user, text=reply.cleaned_data["text"], thread=thread
        )


def _render_conflict(request, group_access, period, organisation, form, conflict):
    """Show what the person typed beside the newer saved text, so they can merge."""
    typed = form.texts()
    newer = {
        q.pk: conflict.saved_texts.get(q.pk, "")
        for q in form.questions
        if services.normalise_text(typed.get(q.pk))
        != services.normalise_text(conflict.saved_texts.get(q.pk))
    }
    data = request.POST.copy()
    data["version"] = str(conflict.submission.version)
    merged_form = AnswersForm(data, questions=form.questions)
    merged_form.is_valid()
    messages.error(
        request,
        _(
            "Someone else saved these answers after you opened the page. Your text is kept "
            "in the fields; the newer saved text is shown beside each answer that differs. "
            "Merge them and save again."
        ),
    )
    return _render_submission(
        request, group_access, period, organisation, form=merged_form, status=409, conflicts=newer
    )


@keeps_typed_text(None)
@require_POST
@sensitive_post_parameters()
def submission_autosave(request, slug, pk, org_pk):
    """Saves a draft while the representative types (called by static/js/autosave.js).
    Someone not signed in fully is told so (members.sign_in_steps); the page keeps the
    text, and pressing Save keeps it across signing in."""
    group_access, period, organisation = _find_submission_target(request, slug, pk, org_pk)
    if not access.may_edit_answers(group_access, organisation):
        raise PermissionDenied
    form = AnswersForm(request.POST, questions=period.questions.all())
    if not form.is_valid():
        return JsonResponse(
            {"message": _("Not saved automatically: an answer is too long.")}, status=400
        )
    try:
        submission = services.submission_save(
            period=period,
            organisation=organisation,
            texts=form.texts(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
        )
    except services.SaveConflict:
        return JsonResponse(
            {
                "message": _(
                    "Not saved automatically: someone else has saved. Press Save to compare."
                )
            },
            status=409,
        )
    except services.WorkflowError as error:
        return JsonResponse({"message": str(error)}, status=423)
    saved_at = formats.time_format(timezone.localtime(submission.updated_at), "H:i")
    return JsonResponse(
        {
            "version": submission.version,
            "message": _("Draft saved automatically at %(time)s.") % {"time": saved_at},
        }
    )


def _threads(submission):
    """The comments that start a thread on this submission (replies and resolving go to them)."""
    return Comment.objects.filter(submission=submission, thread__isnull=True)


def _reviewed_submission(request, slug, pk, org_pk):
    group_access, period, organisation = _find_submission_target(request, slug, pk, org_pk)
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
        return _render_submission(
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
        thread = access.object_or_404(_threads(submission), pk=request.POST["thread"])
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
    comment = access.object_or_404(_threads(submission), pk=comment_pk)
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
        newer = by_number.get(_int(request.GET.get("b")), versions[0])
        older = by_number.get(_int(request.GET.get("a")), versions[1])
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


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
