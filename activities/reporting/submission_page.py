"""The submission page: one organisation's answers for one period, with the records
under each question and the comment threads. Its representatives write, save and send
here (with autosave while they type); the coordinator reads here and reviews through
review_views. Each button of the answers form is an Action (submission_actions)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from activities.models import ANSWER_MAX_LENGTH, Comment, Period
from activities.records import services as record_services
from members import access
from members.sign_in_steps import keeps_typed_text, take_typed_text
from samordning.fragments import Part, shared_fragment, shared_page

from . import services
from .forms import AnswersForm, CommentForm, ReasonForm, answer_field_name
from .reads import period_for, submission_page
from .submission_actions import AnswersAction, RecordAction, RecordVerb, parse_action, whole_number


def find_submission_target(request, slug, pk, org_pk):
    """The person's access, the period and the organisation: 404 outside the group, 403
    for a representative of another organisation."""
    group_access = access.group_access_for(request.user, slug)
    return (group_access, *_submission_target(group_access, pk, org_pk))


def _submission_target(group_access, pk, org_pk):
    period = period_for(group_access, pk)
    organisation = access.organisation_for(group_access, org_pk)
    access.require_submission_reader(group_access, organisation)
    return period, organisation


def _shared_submission_page(request, group_access, period, organisation):
    """The plain view of a submission page: everyone with the same standing sees it alike,
    so it is shared (samordning.fragments)."""
    standing = group_access.standing
    view = answers_view(request)

    def context():
        return {
            "title": f"{organisation.short_name} – {period.name}",
            **_submission_context(standing, period, organisation, view=view),
        }

    part = shared_fragment(
        standing, "activities/_submission_body.html", context, period.pk, organisation.pk, view
    )
    return shared_page(request, group_access, part, query={"visa": view} if view else None)


CHANGES_VIEW = "andringar"


def answers_view(request):
    """Which view of the answers the address asks for: the changes since the previous
    period (?visa=andringar) or, by default, the text ("")."""
    return CHANGES_VIEW if request.GET.get("visa") == CHANGES_VIEW else ""


def render_submission(request, group_access, period, organisation, form=None, status=200, **extra):
    """The submission page as this person left it: with typed text, errors, a conflict or
    an open record form (?andra=)."""
    extra["record_key"] = extra.get("record_key") or request.GET.get("andra")
    extra.setdefault("view", answers_view(request))
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
    context["show_changes"] = extra.pop("view", "") == CHANGES_VIEW
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
        record_form=record_form,  # a record's form with errors, for the error summary
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

    Its representatives write and save here, and go on to check and send their answers
    (sending); the coordinator reviews here.
    Answers sent when the person's sign-in had ended (or before they gave their code)
    are kept and shown back after signing in (members.sign_in_steps).
    """
    if request.method == "POST":
        return _save_answers(request, *find_submission_target(request, slug, pk, org_pk))
    group_access, period, organisation = find_submission_target(request, slug, pk, org_pk)
    pending = take_typed_text(request)
    if pending is None and not request.GET.get("andra"):
        return _shared_submission_page(request, group_access, period, organisation)
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
        return render_submission(request, group_access, period, organisation, form=form)
    return render_submission(request, group_access, period, organisation)


def show_answers_after_csrf_failure(request, slug, pk, org_pk):
    """Called by the CSRF failure view: the answers form comes back with what was typed."""
    group_access, period, organisation = find_submission_target(request, slug, pk, org_pk)
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
    return render_submission(request, group_access, period, organisation, form=form, status=403)


def _save_answers(request, group_access, period, organisation):
    """Saves the answers, and then does what the pressed button asks (an Action)."""
    if not access.may_edit_answers(group_access, organisation):
        raise PermissionDenied
    questions = list(period.questions.all())
    form = AnswersForm(request.POST, questions=questions)
    replies = _reply_forms(request)
    if not all([form.is_valid(), *(reply.is_valid() for reply in replies.values())]):
        messages.error(request, _("The answers were not saved. Correct what is marked below."))
        return render_submission(
            request, group_access, period, organisation, form=form, replies=replies
        )
    action = parse_action(request.POST.get("action"))
    record = record_form = None
    if isinstance(action, RecordAction):
        if action.pk is not None:
            record = access.object_or_404(
                action.kind.model.objects.filter(organisation=organisation), pk=action.pk
            )
        if action.has_form:
            record_form = action.kind.form_class(
                request.POST,
                request.FILES,
                instance=record,
                prefix=action.form_key,
                group=group_access.group,
                organisation=organisation,
            )
            if not record_form.is_valid():
                messages.error(
                    request,
                    _("%(what)s was not saved. Correct what is marked.")
                    % {"what": capfirst(action.kind.definite)},
                )
                return render_submission(
                    request,
                    group_access,
                    period,
                    organisation,
                    form=form,
                    record_form=record_form,
                    record_key=action.form_key,
                    replies=replies,
                )
    texts = form.texts()
    try:
        if action is AnswersAction.CARRY_FORWARD:
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
        if isinstance(action, RecordAction):
            return _apply_record_action(request, action, record_form, record, organisation)
    except services.SaveConflict as conflict:
        return _render_conflict(request, group_access, period, organisation, form, conflict)
    except services.WorkflowError as error:
        messages.error(request, str(error))
        return render_submission(
            request, group_access, period, organisation, form=form, replies=replies
        )
    if action is AnswersAction.CARRY_FORWARD:
        messages.success(
            request,
            _(
                "%(count)s empty answers were filled from your previous approved answers. "
                "Check them and save."
            )
            % {"count": filled},
        )
    elif action is AnswersAction.SUBMIT:
        # Saved; sending is the check page's (sending.submission_check).
        return redirect(
            "activities:submission_check",
            slug=period.group.slug,
            pk=period.pk,
            org_pk=organisation.pk,
        )
    else:
        messages.success(request, _("Your answers were saved."))
    return redirect(request.path)


def _apply_record_action(request, action, record_form, record, organisation):
    """After the answers are saved: add, edit, open for editing or close a record."""
    kind = action.kind
    if action.has_form:
        record = record_services.record_save(
            spec=kind, form=record_form, organisation=organisation, by=request.user
        )
        messages.success(
            request, _("Your answers and %(what)s were saved.") % {"what": kind.definite}
        )
    elif action.verb is RecordVerb.CLOSE:
        record_services.record_close(record=record, by=request.user)
        messages.success(
            request, _("Your answers were saved and %(what)s closed.") % {"what": kind.definite}
        )
    else:
        return redirect(
            f"{request.path}?andra={kind.slug}-{record.pk}#record-{kind.slug}-{record.pk}"
        )
    return redirect(f"{request.path}#record-{kind.slug}-{record.pk}")


def _reply_forms(request):
    """{thread id: CommentForm} of the replies typed beside the answers."""
    return {
        whole_number(key[6:]): CommentForm({"text": text})
        for key, text in request.POST.items()
        if key.startswith("reply_") and text.strip()
    }


def _save_replies(request, submission, replies):
    """Replies typed beside the answers (checked with them) are saved with them."""
    for thread_pk, reply in replies.items():
        thread = access.object_or_404(threads_of(submission), pk=thread_pk)
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
    return render_submission(
        request, group_access, period, organisation, form=merged_form, status=409, conflicts=newer
    )


@keeps_typed_text(None)
@require_POST
@sensitive_post_parameters()
def submission_autosave(request, slug, pk, org_pk):
    """Saves a draft while the representative types (called by static/js/autosave.js).
    Someone not signed in fully is told so (members.sign_in_steps); the page keeps the
    text, and pressing Save keeps it across signing in."""
    group_access, period, organisation = find_submission_target(request, slug, pk, org_pk)
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


def threads_of(submission):
    """The comments that start a thread on this submission (replies and resolving go to them)."""
    return Comment.objects.filter(submission=submission, thread__isnull=True)
