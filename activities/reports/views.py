"""Status reports: drafts for the coordinator, published versions for the group, and
public versions for everyone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from activities.models import Report, ReportVersion
from members import access, audit
from members.models import CoordinationGroup
from samordning.fragments import shared_fragment, shared_page

from . import services
from .content import compile_content, public_edition
from .forms import FORMSETS, PeriodSpanForm, ReportForm
from .trends import chart_measures, measure_titles

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def _report_for(group_access, pk):
    return access.object_or_404(
        Report.objects.select_related("group").filter(group=group_access.group), pk=pk
    )


DRAFTS_PER_PAGE = 10
VERSIONS_PER_PAGE = 25


def report_list(request, slug, span_form=None):
    """Everyone in the group sees the published versions; the coordinator also the drafts
    (and the form to start a report, bound when report_new found errors in it)."""
    group_access = access.group_access_for(request.user, slug)
    versions = (
        ReportVersion.objects.filter(report__group=group_access.group)
        .select_related("report", "published_by")
        .defer("content", "search_text")
        .order_by("-published_at")
    )
    drafts = (
        Paginator(
            group_access.group.reports.select_related("first_period", "last_period").order_by(
                "-year", "-created_at", "-pk"
            ),
            DRAFTS_PER_PAGE,
        ).get_page(request.GET.get("utkast"))
        if group_access.is_coordinator
        else None
    )
    return render(
        request,
        "reports/report_list.html",
        {
            "access": group_access,
            "group": group_access.group,
            "versions": Paginator(versions, VERSIONS_PER_PAGE).get_page(request.GET.get("sida")),
            "drafts": drafts,
            "span_form": (span_form or PeriodSpanForm(group=group_access.group))
            if group_access.is_coordinator
            else None,
        },
    )


@require_POST
def report_new(request, slug):
    """The coordinator starts a report over one or more consecutive periods."""
    group_access = access.coordinator_access_for(request.user, slug)
    form = PeriodSpanForm(request.POST, group=group_access.group)
    if not form.is_valid():
        return report_list(request, slug, span_form=form)
    report = services.report_create(group=group_access.group, by=request.user, **form.cleaned_data)
    messages.success(request, _("The report was created from the group and its previous report."))
    return redirect("activities:report_edit", slug=slug, pk=report.pk)


def report_edit(request, slug, pk):
    """The coordinator edits every part of the draft."""
    group_access = access.coordinator_access_for(request.user, slug)
    report = _report_for(group_access, pk)
    chart_titles = measure_titles(chart_measures(report.periods()))
    form = ReportForm(request.POST or None, instance=report, chart_titles=chart_titles)
    formsets = {
        key: (formset_class(request.POST or None, instance=report, prefix=key), label)
        for key, (formset_class, label) in FORMSETS.items()
    }
    if (
        request.method == "POST"
        and form.is_valid()
        and all(fs.is_valid() for fs, _label in formsets.values())
    ):
        services.report_update(
            report=report,
            form=form,
            formsets={key: fs for key, (fs, _label) in formsets.items()},
            by=request.user,
        )
        messages.success(request, _("The report was saved."))
        if request.POST.get("next") == "review":  # saved first, so nothing typed is lost
            return redirect("activities:report_readiness", slug=slug, pk=report.pk)
        return redirect("activities:report_edit", slug=slug, pk=report.pk)
    return render(
        request,
        "reports/report_edit.html",
        {
            "access": group_access,
            "group": group_access.group,
            "report": report,
            "form": form,
            "charts_offered": bool(chart_titles),
            "formsets": [(key, fs, label) for key, (fs, label) in formsets.items()],
        },
    )


@require_POST
def report_contacts_refresh(request, slug, pk):
    """The coordinator fetches the appendix contacts anew from the group's people."""
    group_access = access.coordinator_access_for(request.user, slug)
    report = _report_for(group_access, pk)
    services.report_contacts_refresh(report=report, by=request.user)
    messages.success(request, _("The contacts were fetched from the group."))
    return redirect("activities:report_edit", slug=slug, pk=report.pk)


def report_preview(request, slug, pk):
    """The coordinator sees the draft exactly as it will be published, for the group or
    (?utgava=publik) for the public."""
    group_access = access.coordinator_access_for(request.user, slug)
    report = _report_for(group_access, pk)
    content = compile_content(report)
    public = request.GET.get("utgava") == "publik"
    return render(
        request,
        "reports/report_web.html",
        {
            "access": group_access,
            "group": group_access.group,
            "report": report,
            "c": public_edition(content) if public else content,
            "public_preview": public,
        },
    )


def published_body(version, edition):
    """The title and body (HTML) of a published version. A version never changes, so it
    is rendered once per edition and language and then read from the cache; the large
    content is loaded only to render it. The caller has already decided who may see it."""
    key = f"report-body:{version.pk}:{edition}:{get_language()}"
    rendered = cache.get(key)
    if rendered is None:
        content = ReportVersion.objects.values_list("content", flat=True).get(pk=version.pk)
        if edition == "public":
            content = public_edition(content)
        rendered = {
            "title": f"{content['title']} {content['county']} {content['year']}",
            "html": render_to_string("reports/_body.html", {"c": content, "print": False}),
        }
        cache.set(key, rendered, timeout=None)
    # Rendered from our own template with autoescaping.
    return {"title": rendered["title"], "html": mark_safe(rendered["html"])}  # noqa: S308


def _version_for(group_access, pk, number):
    return access.object_or_404(
        ReportVersion.objects.filter(report__group=group_access.group)
        .select_related("report__group", "published_by")
        .defer("content", "search_text"),
        report__pk=pk,
        number=number,
    )


def report_version(request, slug, pk, number):
    """A published version as a web page, for everyone in the group."""
    group_access = access.group_access_for(request.user, slug)
    version = _version_for(group_access, pk, number)

    def context():
        body = published_body(version, "group")
        return {
            "title": body["title"],
            "report": version.report,
            "version": version,
            "body": body,
            "other_versions": version.report.versions.exclude(pk=version.pk)
            .defer("content", "search_text")
            .order_by("-number"),
        }

    part = shared_fragment(group_access.standing, "reports/_version_page.html", context, pk, number)
    return shared_page(request, group_access, part)


def _file_response(field):
    if not field:
        raise Http404
    extension = field.name.rsplit(".", 1)[-1]
    response = FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=field.name.rsplit("/", 1)[-1],
        content_type=FORMATS.get(extension, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


def report_version_file(request, slug, pk, number, fmt):
    """The stored PDF, Word or ODT file of a version, for everyone in the group."""
    group_access = access.group_access_for(request.user, slug)
    version = _version_for(group_access, pk, number)
    if fmt not in FORMATS:
        raise Http404
    audit.record(
        "activities.report.downloaded",
        actor=request.user,
        group=version.report.group,
        obj=version,
        detail=fmt,
    )
    return _file_response(getattr(version, fmt))


def report_version_archive(request, slug, pk, number):
    """The version's archive copy (PDF/A) for the coordinator, who files it with the
    issuing authority's archive. Never public, not for the rest of the group."""
    group_access = access.coordinator_access_for(request.user, slug)
    version = _version_for(group_access, pk, number)
    audit.record(
        "activities.report.downloaded",
        actor=request.user,
        group=version.report.group,
        obj=version,
        detail="pdfa",
    )
    return _file_response(version.archive_pdf)


@require_http_methods(["GET", "POST"])
def report_version_visibility(request, slug, pk, number):
    """The coordinator makes a version public, or takes it back from the public. Taking it
    back is confirmed first: the GET names the consequence, the POST does it."""
    group_access = access.coordinator_access_for(request.user, slug)
    version = _version_for(group_access, pk, number)
    if request.method == "GET":
        if not version.is_publicly_visible:
            return redirect("activities:report_version", slug=slug, pk=pk, number=number)
        return _confirm_unpublish(request, group_access, version)
    is_public = request.POST.get("public") == "1"
    services.report_version_set_public(version=version, is_public=is_public, by=request.user)
    messages.success(
        request,
        _("The version is now public.")
        if is_public
        else _("The version is no longer public; the group still sees it."),
    )
    return redirect("activities:report_version", slug=slug, pk=pk, number=number)


def _confirm_unpublish(request, group_access, version):
    group, report = group_access.group, version.report
    public_url = request.build_absolute_uri(
        reverse("activities:public_report", args=[group.slug, report.pk, version.number])
    )
    version_url = reverse("activities:report_version", args=[group.slug, report.pk, version.number])
    return render(
        request,
        "_confirm.html",
        {
            "access": group_access,
            "group": group,
            "title": _("Take version %(number)s back from the public?")
            % {"number": version.number},
            "consequence": _(
                "The public edition disappears from the open address %(url)s at once: anyone "
                "who opens it or a link to it is told the page does not exist."
            )
            % {"url": public_url},
            "details": [
                _("The group still sees the version and its files."),
                _("You can make the version public again later."),
            ],
            "action_url": reverse(
                "activities:report_visibility", args=[group.slug, report.pk, version.number]
            ),
            "hidden": {"public": "0"},
            "confirm_label": _("Take back from the public"),
            "cancel_url": version_url,
            "destructive": False,
        },
    )


def _public_version(slug, pk, number):
    """The group and version, if the version is public now; else a 404.

    Asked of the database on every request, and the public page and files are never
    kept by a browser or a proxy (never_cache: no-store, and for older caches no-cache,
    must-revalidate, max-age=0 and an Expires in the past): a version the coordinator
    takes back from the public is gone at once, with no copy left anywhere. Keeping a
    copy to revalidate (no-cache alone) would save nothing: the files carry no
    validator, so a cache would fetch them whole each time anyway."""
    group = get_object_or_404(CoordinationGroup, slug=slug)
    version = get_object_or_404(
        ReportVersion.objects.select_related("report").defer("content", "search_text"),
        report__group=group,
        report__pk=pk,
        number=number,
    )
    if not version.is_publicly_visible:
        raise Http404
    return group, version


@login_not_required
@never_cache
def public_report(request, slug, pk, number):
    """A version the coordinator published as public: readable by anyone, without
    personal contact details."""
    group, version = _public_version(slug, pk, number)
    return render(
        request,
        "reports/public_report.html",
        {"public_group": group, "version": version, "body": published_body(version, "public")},
    )


@login_not_required
@never_cache
def public_report_file(request, slug, pk, number, fmt):
    group, version = _public_version(slug, pk, number)
    if fmt not in FORMATS:
        raise Http404
    audit.record("activities.report.downloaded_public", group=group, obj=version, detail=fmt)
    return _file_response(getattr(version, f"public_{fmt}"))
