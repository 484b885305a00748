"""The group's status pages: the start pages, organisation pages, the collaboration
matrix, trends, search."""

from django.shortcuts import redirect, render

from activities.reports.trends import trend_charts, trends
from members import access
from samordning.fragments import shared_fragment, shared_page

from . import search as group_search
from .forms import SearchForm
from .reads import collaboration_matrix, organisation_overview, start_page
from .tasks import tasks_for


def home(request):
    """Send a person to their group; someone in several groups sees their tasks in all of
    them first, then chooses a group. The site operator's access to every group is no task
    of theirs: they see the list only."""
    user = request.user
    groups = list(access.groups_for(user))
    if len(groups) == 1:
        return redirect("group_home", slug=groups[0].slug)
    standings = (
        []
        if user.is_superuser
        else [access.group_access_for(user, g.slug).standing for g in groups]
    )
    group_tasks = [tasks for tasks in tasks_for(standings) if tasks]
    return render(request, "home.html", {"groups": groups, "group_tasks": group_tasks})


def group_home(request, slug):
    """The group's start page, for everyone in the group: the person's tasks first, then
    the way to the analysis and (coordinators) the administration, this period at a
    glance, the latest report and recent activities."""
    group_access = access.group_access_for(request.user, slug)
    standing = group_access.standing
    part = shared_fragment(standing, "_group_home_body.html", lambda: start_page(standing))
    return shared_page(request, group_access, part)


def organisation_page(request, slug, pk):
    """Everyone in the group: what one organisation says and does, and its history."""
    group_access = access.group_access_for(request.user, slug)
    standing = group_access.standing
    organisation = access.organisation_for(group_access, pk)

    def context():
        return {
            "title": organisation.name,
            "organisation": organisation,
            "may_read_submissions": access.may_read_submission(standing, organisation),
            **organisation_overview(organisation),
        }

    part = shared_fragment(standing, "status/_organisation_body.html", context, pk)
    return shared_page(request, group_access, part)


def collaboration_page(request, slug):
    """Everyone in the group: who works with whom, now and compared with an earlier period."""
    group_access = access.group_access_for(request.user, slug)
    group = group_access.group
    periods = list(group.periods.order_by("-starts_on"))
    compare_with = next((p for p in periods if str(p.pk) == request.GET.get("jamfor")), None)
    return render(
        request,
        "status/collaborations.html",
        {
            "access": group_access,
            "group": group,
            "periods": periods,
            "compare_with": compare_with,
            **collaboration_matrix(group, compare_with),
        },
    )


def trends_page(request, slug):
    """Everyone in the group: how the work changes from period to period."""
    group_access = access.group_access_for(request.user, slug)
    data = trends(group_access.group)
    charts = trend_charts(data)
    return render(
        request,
        "status/trends.html",
        {"access": group_access, "group": group_access.group, "charts": charts, **data},
    )


def search_page(request, slug):
    """Everyone in the group searches answers, records and published reports they may read."""
    group_access = access.group_access_for(request.user, slug)
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"][:200] if form.is_valid() else ""
    results = group_search.search(group_access, query) if query else None
    return render(
        request,
        "status/search.html",
        {
            "access": group_access,
            "group": group_access.group,
            "query": query,
            "results": results,
            "errors": form.errors.get("q", []),
            "form": form,
        },
    )
