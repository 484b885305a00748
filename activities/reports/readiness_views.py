"""The readiness page: what is not ready in a report before the coordinator publishes it,
the choice per organisation that is not ready, and the publish form."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities.models import Report
from members import access

from . import services
from .forms import PublishForm
from .readiness import NotReadyChoicesForm, report_readiness


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
        },
    )
