"""Lists, forms and exports of the organisations' records, and the target groups."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities.models import SteeringDocument
from members import access, audit

from . import reads, services
from .exports import csv_response, xlsx_response
from .forms import OrganisationChoiceForm, RecordFilterForm, TargetGroupForm
from .kinds import KINDS, present, record_data

PAGE_SIZE = 25


def _spec(kind):
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404 from None


def _filtered(request, group_access, spec):
    """The filter form and the records it selects, in the order of ?ordning=."""
    form = RecordFilterForm(request.GET or None, group=group_access.group, spec=spec)
    sort = reads.record_sort(spec.slug, request.GET.get("ordning"))
    records = reads.records_for_list(spec, group_access.group, sort)
    if form.is_bound and form.is_valid():
        records = spec.filter(records, form.cleaned_data)
    return form, records, sort


def _sort_links(request, spec, sort):
    """Per sortable column: the link that sorts by it (again: the other way round) and
    its aria-sort, keeping the filters in the address and starting from the first page."""
    links = {}
    for key in reads.SORTS[spec.slug]:
        query = request.GET.copy()
        query.pop("sida", None)
        current = sort.key == key
        query["ordning"] = f"-{key}" if current and not sort.descending else key
        links[key] = {
            "href": f"?{query.urlencode()}",
            "aria_sort": ("descending" if sort.descending else "ascending") if current else "",
        }
    return links


def _list_url(slug, kind):
    return reverse("activities:record_list", args=[slug, kind])


def _next_url(request, default):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def record_list(request, slug, kind):
    """Everyone in the group reads the records of every member organisation."""
    group_access = access.group_access_for(request.user, slug)
    spec = _spec(kind)
    form, records, sort = _filtered(request, group_access, spec)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("sida"))
    rows = []
    for record in page:
        row = present(spec.slug, record_data(spec, record))
        row["record"] = record
        row["may_edit"] = access.may_edit_records(group_access, record.organisation)
        rows.append(row)
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "activities/record_list.html",
        {
            "access": group_access,
            "group": group_access.group,
            "spec": spec,
            "kinds": KINDS.values(),
            "filter_form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "sort": sort,
            "sort_links": _sort_links(request, spec, sort),
            "may_add": access.record_organisations(group_access).exists(),
        },
    )


def record_export(request, slug, kind, fmt):
    """The filtered list as CSV or XLSX, for everyone in the group."""
    group_access = access.group_access_for(request.user, slug)
    spec = _spec(kind)
    records = _filtered(request, group_access, spec)[1]
    headers = [str(header) for header, _ in spec.columns]
    rows = [
        [value(present(spec.slug, record_data(spec, record))) for _, value in spec.columns]
        for record in records
    ]
    filename = f"{group_access.group.slug}-{spec.slug}"
    audit.record(
        "activities.records.exported",
        actor=request.user,
        group=group_access.group,
        detail=f"{spec.slug} {fmt} {len(rows)} rows",
    )
    if fmt == "csv":
        return csv_response(filename, headers, rows)
    if fmt == "xlsx":
        return xlsx_response(filename, str(spec.title), headers, rows)
    raise Http404


def _render_form(
    request, group_access, spec, form, record=None, organisation_form=None, status=200
):
    return render(
        request,
        "activities/record_form.html",
        {
            "access": group_access,
            "group": group_access.group,
            "spec": spec,
            "form": form,
            "record": record,
            "organisation_form": organisation_form,
            "next": _next_url(request, ""),
        },
        status=status,
    )


def record_create(request, slug, kind):
    """A representative adds a record for their organisation; the coordinator for any."""
    group_access = access.group_access_for(request.user, slug)
    spec = _spec(kind)
    organisations = access.record_organisations(group_access)
    if not organisations.exists():
        raise PermissionDenied
    organisation_form = OrganisationChoiceForm(
        request.POST or None,
        organisations=organisations,
        initial={"organisation": request.GET.get("organisation") or organisations.first()},
    )
    organisation = organisations.first()
    if organisation_form.is_bound and organisation_form.is_valid():
        organisation = organisation_form.cleaned_data["organisation"]
    form = spec.form_class(
        request.POST or None,
        request.FILES or None,
        group=group_access.group,
        organisation=organisation,
    )
    if request.method == "POST" and organisation_form.is_valid() and form.is_valid():
        services.record_save(spec=spec, form=form, organisation=organisation, by=request.user)
        messages.success(request, _("%(what)s was saved.") % {"what": capfirst(spec.definite)})
        return redirect(_next_url(request, _list_url(slug, kind)))
    return _render_form(request, group_access, spec, form, organisation_form=organisation_form)


def _editable_record(request, slug, kind, pk):
    group_access = access.group_access_for(request.user, slug)
    spec = _spec(kind)
    record = access.object_or_404(spec.model.objects.for_group(group_access.group), pk=pk)
    if not access.may_edit_records(group_access, record.organisation):
        raise PermissionDenied
    return group_access, spec, record


def record_edit(request, slug, kind, pk):
    """The organisation's representatives and the coordinator edit a record."""
    group_access, spec, record = _editable_record(request, slug, kind, pk)
    form = spec.form_class(
        request.POST or None,
        request.FILES or None,
        instance=record,
        group=group_access.group,
        organisation=record.organisation,
    )
    if request.method == "POST" and form.is_valid():
        services.record_save(
            spec=spec, form=form, organisation=record.organisation, by=request.user
        )
        messages.success(request, _("%(what)s was saved.") % {"what": capfirst(spec.definite)})
        return redirect(_next_url(request, _list_url(slug, kind)))
    return _render_form(request, group_access, spec, form, record=record)


@require_POST
def record_close(request, slug, kind, pk):
    """Mark a record as no longer current (done, ended, met) from today."""
    group_access, spec, record = _editable_record(request, slug, kind, pk)
    services.record_close(record=record, by=request.user)
    messages.success(request, _("%(what)s was closed.") % {"what": capfirst(spec.definite)})
    return redirect(_next_url(request, _list_url(slug, kind)))


def document_file(request, slug, pk):
    """An uploaded steering document, for people in the group only, always as a download."""
    group_access = access.group_access_for(request.user, slug)
    document = access.object_or_404(
        SteeringDocument.objects.for_group(group_access.group).exclude(file=""), pk=pk
    )
    audit.record(
        "activities.document.downloaded", actor=request.user, group=group_access.group, obj=document
    )
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.download_name,
        content_type=document.download_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def target_groups(request, slug):
    """The coordinator keeps the group's list of target groups for activities."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    form = TargetGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_group_add(group=group, name=form.cleaned_data["name"], by=request.user)
        except IntegrityError:
            form.add_error("name", _("The list already has this target group."))
        else:
            messages.success(request, _("The target group was added."))
            return redirect("activities:target_groups", slug=slug)
    return render(
        request,
        "activities/target_groups.html",
        {
            "access": group_access,
            "group": group,
            "form": form,
            "target_groups": group.target_groups.all(),
        },
    )


@require_POST
def target_group_delete(request, slug, pk):
    """The coordinator removes a target group; activities simply lose the tag."""
    group_access = access.coordinator_access_for(request.user, slug)
    target = access.object_or_404(group_access.group.target_groups.all(), pk=pk)
    services.target_group_delete(target=target, by=request.user)
    messages.success(request, _("The target group %(name)s was removed.") % {"name": target.name})
    return redirect("activities:target_groups", slug=slug)
