"""The coordinator's periods and questionnaires, and a representative's list of answers."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members import access
from samordning.fragments import page_number, shared_fragment, shared_page

from . import periods, reads, reminders
from .forms import PeriodForm, QuestionForm
from .reads import (
    period_for,
    period_page_exists,
    submissions_of_representative,
)

# Periods


def period_list(request, slug):
    """The coordinator's list of the group's periods."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    page = Paginator(group.periods.order_by("-starts_on"), 20).get_page(request.GET.get("sida"))
    return render(
        request,
        "activities/period_list.html",
        {
            "access": group_access,
            "group": group,
            "periods": page,
            "next_quarter": periods.next_quarter(group),
        },
    )


def period_create(request, slug):
    """The coordinator creates a period; its questions are copied from the latest one."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    form = PeriodForm(request.POST or None, group=group, initial=periods.next_quarter(group))
    if request.method == "POST" and form.is_valid():
        period = periods.period_create(group=group, by=request.user, **form.cleaned_data)
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
    proposal = periods.next_quarter(group_access.group)
    if group_access.group.periods.filter(name__iexact=proposal["name"]).exists():
        messages.error(request, _("%(name)s already exists.") % {"name": proposal["name"]})
        return redirect("activities:period_list", slug=slug)
    period = periods.period_create_next(group=group_access.group, by=request.user)
    messages.success(request, _("%(name)s was created.") % {"name": period.name})
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


def period_edit(request, slug, pk):
    """The coordinator changes a period's name and dates."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    form = PeriodForm(request.POST or None, instance=period, group=group_access.group)
    if request.method == "POST" and form.is_valid():
        try:
            periods.period_update(period=period, by=request.user, **form.cleaned_data)
        except periods.DateChangeRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            name = form.cleaned_data["name"]
            messages.success(request, _("%(name)s was saved.") % {"name": name})
            return redirect("activities:period_overview", slug=slug, pk=period.pk)
    return render(
        request,
        "activities/period_form.html",
        {"access": group_access, "group": group_access.group, "form": form, "period": period},
    )


def period_lock(request, slug, pk):
    """The coordinator locks a period, after a confirmation step naming the consequence
    (GET shows it); nothing in it changes until it is reopened (lock=0)."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    if request.method != "POST":
        return render(
            request,
            "activities/period_lock_confirm.html",
            {"access": group_access, "group": group_access.group, "period": period},
        )
    if request.POST.get("lock") == "0":
        periods.period_unlock(period=period, by=request.user)
        messages.success(request, _("The period is open for changes again."))
    else:
        periods.period_lock(period=period, by=request.user)
        messages.success(request, _("The period is locked."))
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


@require_POST
def period_open_early(request, slug, pk):
    """The coordinator opens a period for answers before its start date."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    try:
        periods.period_open_early(period=period, by=request.user)
    except periods.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is open for answers now.") % {"name": period.name})
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


@require_POST
def period_remind(request, slug, pk, org_pk):
    """The coordinator reminds one organisation that has not sent its answers."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    organisation = access.object_or_404(period.member_organisations(), pk=org_pk)
    try:
        reminders.remind(period=period, organisation=organisation, by=request.user)
    except periods.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("A reminder to %(name)s is on its way to its representatives.")
            % {"name": organisation.name},
        )
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


@require_POST
def period_remind_all(request, slug, pk):
    """The coordinator reminds every organisation that has not sent its answers."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    try:
        reminded, left_out = reminders.remind_all(period=period, by=request.user)
    except periods.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("activities:period_overview", slug=slug, pk=period.pk)
    if reminded:
        messages.success(
            request,
            _("Reminders are on their way to: %(names)s.") % {"names": ", ".join(reminded)},
        )
    if left_out:
        messages.warning(
            request,
            _(
                "Not reminded (reminded less than 24 hours ago, or without representatives): "
                "%(names)s."
            )
            % {"names": ", ".join(left_out)},
        )
    if not reminded and not left_out:
        messages.info(request, _("Every organisation has sent its answers."))
    return redirect("activities:period_overview", slug=slug, pk=period.pk)


def period_overview(request, slug, pk):
    """The coordinator sees every organisation's state for the period."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)

    def context():
        return {"title": period.name, "period": period, **reads.period_overview(period)}

    part = shared_fragment(
        group_access.standing, "activities/_period_overview_body.html", context, pk
    )
    return shared_page(request, group_access, part)


# Questions


def question_list(request, slug, pk):
    """The coordinator reviews and edits the period's questionnaire until answers exist."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    return render(
        request,
        "activities/question_list.html",
        {
            "access": group_access,
            "group": group_access.group,
            "period": period,
            "questions": period.questions.all(),
            "frozen": periods.questions_are_frozen(period),
        },
    )


def _question_form(request, slug, pk, question_pk=None):
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    question = access.object_or_404(period.questions.all(), pk=question_pk) if question_pk else None
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                periods.question_create(period=period, by=request.user, **form.cleaned_data)
            else:
                periods.question_update(question=question, by=request.user, **form.cleaned_data)
        except periods.WorkflowError as error:
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
            "frozen": periods.questions_are_frozen(period),
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
    period = period_for(group_access, pk)
    question = access.object_or_404(period.questions.all(), pk=question_pk)
    try:
        periods.question_delete(question=question, by=request.user)
    except periods.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The question was removed."))
    return redirect("activities:question_list", slug=slug, pk=period.pk)


@require_POST
def question_move(request, slug, pk, question_pk):
    """The coordinator moves a question up or down while no answers exist."""
    group_access = access.coordinator_access_for(request.user, slug)
    period = period_for(group_access, pk)
    question = access.object_or_404(period.questions.all(), pk=question_pk)
    try:
        offset = -1 if request.POST.get("direction") == "up" else 1
        periods.question_move(question=question, offset=offset, by=request.user)
    except periods.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("activities:question_list", slug=slug, pk=period.pk)


# Submissions


def my_submissions(request, slug):
    """A representative's submissions for every period, with their states: the same for
    everyone who represents the same organisations, so it is shared (samordning.fragments)."""
    group_access = access.group_access_for(request.user, slug)
    standing = group_access.standing
    number = page_number(request)
    if not period_page_exists(standing.group, number):
        raise Http404  # past the last page: no copy of the last one under each number

    def context():
        return {"title": _("Our answers"), "rows": submissions_of_representative(standing, number)}

    part = shared_fragment(standing, "activities/_my_submissions_body.html", context, number)
    return shared_page(request, group_access, part, query={"sida": number} if number > 1 else None)
