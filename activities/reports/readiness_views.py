"""The readiness page: what is not ready in a report before the coordinator publishes it,
the choice per organisation that is not ready, and the publish form; the publish itself
(queued) and its progress page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from activities.models import PublishRequest, Report
from members import access

from . import publishing, services
from .forms import PublishForm
from .readiness import NotReadyChoicesForm, report_readiness

# How often the progress page reloads itself while the publish runs (seconds).
PROGRESS_REFRESH = 3


@require_http_methods(["GET", "POST"])
def report_readiness_page(request, slug, pk):
    """GET lists what is not ready; POST stores the choices for the organisations that
    are not ready."""
    group_access = access.coordinator_access_for(request.user, slug)
    report = access.object_or_404(
        Report.objects.select_related("group").filter(group=group_access.group), pk=pk
    )
    readiness = report_readiness(report)
    is_post = request.method == "POST"
    choices_form = NotReadyChoicesForm(
        request.POST if is_post else None, not_ready=readiness["not_ready"]
    )
    if is_post and choices_form.is_valid():
        services.report_set_not_ready_choices(
            report=report, choices=choices_form.choices(), by=request.user
        )
        messages.success(request, _("Your choices were saved."))
        return redirect("activities:report_readiness", slug=slug, pk=report.pk)
    return render(
        request,
        "reports/report_readiness.html",
        {
            "access": group_access,
            "group": group_access.group,
            "report": report,
            "readiness": readiness,
            "choices_form": choices_form,
            "publish_form": PublishForm(),
            "pending": publishing.pending_request(report),
        },
    )


@require_POST
def report_publish(request, slug, pk):
    """The coordinator publishes the draft as a new, frozen version: queued, then the
    progress page. A second publish while one runs joins it."""
    group_access = access.coordinator_access_for(request.user, slug)
    report = access.object_or_404(
        Report.objects.select_related("group").filter(group=group_access.group), pk=pk
    )
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("activities:report_readiness", slug=slug, pk=report.pk)
    if report_readiness(report)["waiting"]:
        messages.error(
            request,
            _(
                "You chose to wait for an organisation whose answers are not approved: "
                "publish when they are, or choose otherwise on this page."
            ),
        )
        return redirect("activities:report_readiness", slug=slug, pk=report.pk)
    publish, created = publishing.publish_request(
        report=report,
        by=request.user,
        change_note=form.cleaned_data["change_note"],
        is_public=form.cleaned_data["is_public"],
    )
    if not created:
        messages.info(request, _("Publishing is already under way."))
    return redirect("activities:report_publishing", slug=slug, pk=report.pk, request_pk=publish.pk)


@never_cache
def report_publishing(request, slug, pk, request_pk):
    """The progress of one publish: reloads itself while it runs (unless the coordinator
    turned that off), then the new version or what failed."""
    group_access = access.coordinator_access_for(request.user, slug)
    publish = access.object_or_404(
        PublishRequest.objects.select_related("report", "version").filter(
            report__group=group_access.group, report__pk=pk
        ),
        pk=request_pk,
    )
    refresh = publish.is_pending and request.GET.get("uppdatera") != "nej"
    return render(
        request,
        "reports/report_publishing.html",
        {
            "access": group_access,
            "group": group_access.group,
            "report": publish.report,
            "publish": publish,
            "refresh": PROGRESS_REFRESH if refresh else None,
            "failed_step": publishing.STEPS.get(publish.failed_step, publishing.STEPS["store"]),
        },
    )
