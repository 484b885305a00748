"""Workflows on status reports: a new draft, its appendix contacts, publishing a frozen
version and making a version public or not."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from activities.models import (
    RelatedReport,
    Report,
    ReportContact,
    ReportSection,
    ReportSignatory,
    ReportVersion,
)
from members import audit
from members.access import members_of
from members.models import Membership, NotificationKind, Role
from members.notifications import notify

from .content import compile_content, issuer_of, public_edition
from .readiness import CHOICES


def report_create(*, group, first_period, last_period, by=None):
    """A new draft, pre-filled from the group and from the group's previous report: its
    signatories, sections, related reports, and the contacts from the group's people, all
    in one transaction (a failure leaves no half-made draft). `by` is None when a command
    makes it (the demo)."""
    with transaction.atomic():
        report = _new_draft(group, first_period, last_period)
        _contacts_from_group(report)
        audit.record(
            "activities.report.created",
            actor=by,
            group=group,
            obj=report,
            detail=f"{first_period.name} – {last_period.name}",
        )
    return report


def _new_draft(group, first_period, last_period):
    previous = group.reports.order_by("-created_at").first()
    # The issuer: the group's issuing organisation (Länsstyrelsen) when it is recorded;
    # for a group made before that, the previous report's issuer or the first organisation
    # in the group's order.
    if previous is not None and group.issuing_organisation_id is None:
        issuer = previous.issuer
    else:
        issuer = issuer_of(group)
    report = Report.objects.create(
        group=group,
        first_period=first_period,
        last_period=last_period,
        title=previous.title if previous else "Lägesrapport",
        subtitle=previous.subtitle
        if previous
        else "Prostitution och människohandel för sexuella ändamål",
        county=group.county,
        issuer=issuer,
        year=last_period.ends_on.year,
        foreword=previous.foreword if previous else "",
        foreword_place=previous.foreword_place if previous else "",
        no_report_sentence=previous.no_report_sentence
        if previous
        else Report._meta.get_field("no_report_sentence").default,
        appendix_description=previous.appendix_description if previous else group.description,
    )
    if previous is not None:
        ReportSignatory.objects.bulk_create(
            ReportSignatory(report=report, order=s.order, name=s.name, title=s.title)
            for s in previous.signatories.all()
        )
        ReportSection.objects.bulk_create(
            ReportSection(
                report=report,
                order=s.order,
                heading=s.heading,
                text=s.text,
                include_member_list=s.include_member_list,
            )
            for s in previous.sections.all()
        )
        RelatedReport.objects.bulk_create(
            RelatedReport(
                report=report,
                order=r.order,
                title=r.title,
                author=r.author,
                published=r.published,
                link=r.link,
            )
            for r in previous.related_reports.all()
        )
    return report


def report_update(*, report, form, formsets, by):
    """Save the coordinator's edit of a draft: the report's own fields (a valid ReportForm)
    and its lists (valid inline formsets by name: signatories, sections, related reports,
    contacts). The log names the changed fields and lists, never their texts.
    Locks: the report, its lists' rows, then (by the first write) the group; every writer
    of a report's lists holds the report first (members.locks)."""
    with transaction.atomic():
        _report_locked(report)
        form.save()
        changed = list(form.changed_data)
        for name, formset in formsets.items():
            formset.save()
            if formset.new_objects or formset.changed_objects or formset.deleted_objects:
                changed.append(name)
        audit.record(
            "activities.report.updated",
            actor=by,
            group=report.group,
            obj=report,
            detail=", ".join(changed),
        )
    return report


def report_contacts_refresh(*, report, by):
    """Fetch the appendix contacts anew from the group's people. Locks: the report, then
    its contacts and the group (members.locks)."""
    with transaction.atomic():
        _report_locked(report)
        _contacts_from_group(report)
        audit.record(
            "activities.report.contacts_refreshed", actor=by, group=report.group, obj=report
        )


def report_set_not_ready_choices(*, report, choices, by):
    """Store what becomes of each organisation that is not ready when the report is
    published: {organisation id: "wait" | "leave_out" | "sentence"} (reports.readiness).
    Choices for other organisations are kept. The log names the choices."""
    allowed = {value for value, _label in CHOICES}
    if not all(value in allowed for value in choices.values()):
        raise ValueError("Unknown choice for an organisation that is not ready.")
    with transaction.atomic():
        _report_locked(report)
        stored = Report.objects.values_list("not_ready_choices", flat=True).get(pk=report.pk)
        merged = {**(stored or {}), **{str(k): v for k, v in choices.items()}}
        Report.objects.filter(pk=report.pk).update(not_ready_choices=merged)
        report.not_ready_choices = merged
        audit.record(
            "activities.report.not_ready_choices",
            actor=by,
            group=report.group,
            obj=report,
            detail=", ".join(f"{k}: {v}" for k, v in sorted(choices.items())),
        )
    return report


def _report_locked(report):
    Report.objects.select_for_update(no_key=True).filter(pk=report.pk).values_list("pk").get()


def _contacts_from_group(report):
    """The appendix contacts: the group's coordinators, then one line per representative."""
    report.contacts.all().delete()
    memberships = (
        Membership.objects.active()
        .filter(group=report.group, role__in=[Role.COORDINATOR, Role.REPRESENTATIVE])
        .select_related("user", "organisation")
        .order_by("organisation__order", "user__full_name")
    )
    group = report.group
    coordinator_org = group.issuing_organisation or group.organisations.order_by("order").first()
    rows, seen = [], set()
    # Coordinators first, so that a coordinator who also represents is listed once, as such.
    memberships = sorted(memberships, key=lambda m: m.role != Role.COORDINATOR)
    for m in memberships:
        if m.user_id in seen:
            continue
        seen.add(m.user_id)
        organisation = m.organisation or coordinator_org
        rows.append(
            ReportContact(
                report=report,
                order=0
                if m.role == Role.COORDINATOR
                else 1 + (organisation.order if organisation else 0),
                name=m.user.full_name,
                role=m.user.title or m.get_role_display(),
                organisation=organisation.name if organisation else "",
                email=m.user.email,
                phone=m.user.phone,
                functional_email=organisation.email if organisation else "",
            )
        )
    ReportContact.objects.bulk_create(rows)


class PublishError(Exception):
    """A step of publishing failed (`step`: "content" or the file being made); nothing
    was stored."""

    def __init__(self, step, error):
        super().__init__(f"{step}: {type(error).__name__}: {error}")
        self.step = step
        self.error = error


def report_publish(*, report, by, change_note="", is_public=False):
    """Freeze the report as its next version: the compiled content and the PDF, Word and
    ODT files of both editions (the group's and the public one), and the group's edition
    as PDF/A for the authority's archive, made once and stored."""
    # Imported here: WeasyPrint loads system libraries that only publishing needs.
    from activities.reports.archive import render_archive_pdf
    from activities.reports.odt import render_odt
    from activities.reports.render import render_docx, render_pdf

    try:
        content = compile_content(report)
        public = public_edition(content)
    except Exception as error:
        raise PublishError("content", error) from error
    # Rendering takes a second or two: do it before taking any lock (and before the
    # transaction: a file that cannot be made leaves nothing stored). The Word files carry
    # the publish time in their properties: taken once, before rendering.
    published_at = timezone.now()
    renderers = {
        "pdf": lambda: render_pdf(content),
        "docx": lambda: render_docx(content, published_at=published_at),
        "public_pdf": lambda: render_pdf(public),
        "public_docx": lambda: render_docx(public, published_at=published_at),
        "archive_pdf": lambda: render_archive_pdf(content, published_at=published_at),
        "odt": lambda: render_odt(content),
        "public_odt": lambda: render_odt(public),
    }
    files = {}
    for field, make in renderers.items():
        try:
            files[field] = make()
        except Exception as error:
            raise PublishError(field, error) from error
    with transaction.atomic():
        # Locks: the report (two publishes of one draft take turns), then (by the new
        # version) the group (members.locks).
        _report_locked(report)
        latest = report.versions.order_by("-number").first()
        if (
            latest is not None
            and latest.content == content
            and latest.change_note == change_note
            and latest.is_public == is_public
        ):
            return latest  # the same publish twice (a double click): one version
        number = (latest.number if latest else 0) + 1
        version = ReportVersion(
            report=report,
            number=number,
            content=content,
            change_note=change_note,
            published_at=published_at,
            published_by=by,
            is_public=is_public,
            search_text=plain_text(content),
        )
        stem = f"lagesrapport-{report.group.slug}-{report.year}-v{number}"
        for field, data in files.items():
            suffix = {"public": "-publik", "archive": "-arkiv"}.get(field.split("_")[0], "")
            extension = field.rsplit("_", 1)[-1]
            getattr(version, field).save(
                f"{stem}{suffix}.{extension}", ContentFile(data), save=False
            )
        version.save()
        audit.record(
            "activities.report.published",
            actor=by,
            group=report.group,
            obj=version,
            detail="public" if is_public else "group",
        )
        notify(
            kind=NotificationKind.REPORT_PUBLISHED,
            recipients=members_of(report.group),
            template="report_published",
            context={
                "version": version,
                "report": report,
                "path": reverse(
                    "activities:report_version", args=[report.group.slug, report.pk, number]
                ),
            },
            group=report.group,
        )
    return version


def version_archive_copy(version):
    """Store the archive copy (PDF/A) of a version published before archive copies were
    made: rendered from its frozen content and dated as published. A version that has one
    keeps it. True if a copy was stored."""
    from activities.reports.archive import render_archive_pdf

    if version.archive_pdf:
        return False
    data = render_archive_pdf(version.content, published_at=version.published_at)
    with transaction.atomic():
        locked = (
            ReportVersion.objects.select_for_update(no_key=True, of=("self",))
            .select_related("report__group")
            .get(pk=version.pk)
        )
        if locked.archive_pdf:
            return False
        report = locked.report
        name = f"lagesrapport-{report.group.slug}-{report.year}-v{locked.number}-arkiv.pdf"
        locked.archive_pdf.save(name, ContentFile(data), save=False)
        locked.save(update_fields=["archive_pdf"])
    version.archive_pdf = locked.archive_pdf
    return True


def plain_text(content):
    """Every word of a report's content, without markup."""
    words = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            # strip_tags leaves a string without "<" as it is: skip it for speed.
            words.append(strip_tags(value) if "<" in value else value)

    walk(content)
    return "\n".join(w for w in words if w.strip())


def report_version_set_public(*, version, is_public, by):
    """Make a version public, or take it back from the public (the group keeps it)."""
    with transaction.atomic():
        ReportVersion.objects.filter(pk=version.pk).update(
            is_public=is_public, unpublished_at=None if is_public else timezone.now()
        )
        audit.record(
            "activities.report.made_public" if is_public else "activities.report.unpublished",
            actor=by,
            group=version.report.group,
            obj=version,
        )
