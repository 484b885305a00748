"""The content of a lägesrapport as plain data: compiled from a draft, frozen on publishing.

Every output (web page, PDF, Word) is rendered from this one dict, so the three say the
same thing, and a published version never looks at live answers or records again.
"""

import copy

from django.conf import settings
from django.template.defaultfilters import date as format_date
from django.utils import translation
from django.utils.functional import Promise

from activities.models import (
    Submission,
    SubmissionStatus,
)
from activities.records.kinds import present
from activities.reporting.questionnaire import BY_QUESTION_KIND
from samordning.text import render_markdown, render_markdown_with_footnotes

from .readiness import LEAVE_OUT, choice_for, members_during, not_ready_sentence, submission_states
from .trends import chart_measures, trend_charts, trends

CONTENT_VERSION = 1


def span_label(first_period, last_period):
    """'april – september 2026', or 'december 2026 – juni 2027' across a new year."""
    start, end = first_period.starts_on, last_period.ends_on
    with translation.override(settings.LANGUAGE_CODE):
        if start.year == end.year:
            if start.month == end.month:
                return format_date(start, "F Y")
            return f"{format_date(start, 'F')} – {format_date(end, 'F Y')}"
        return f"{format_date(start, 'F Y')} – {format_date(end, 'F Y')}"


def _organisation_chapter(report, periods, questions):
    """One entry per member organisation, in the group's order, from approved answers.
    One without approved answers gets the sentence for its state (nothing reported, or
    answers not yet approved), or is left out if the coordinator chose so."""
    first, last = periods[0], periods[-1]
    organisations = list(members_during(report.group, first, last).order_by("order", "name"))
    approved = (
        Submission.objects.filter(period__in=periods, status=SubmissionStatus.APPROVED)
        .select_related("period")
        .prefetch_related("answers__question")
        .order_by("period__starts_on")
    )
    latest, snapshots = {}, {}
    for submission in approved:
        latest[submission.organisation_id] = submission  # later periods overwrite
        merged = snapshots.setdefault(submission.organisation_id, {})
        for slug, rows in submission.records_snapshot.items():
            for row in rows:
                merged.setdefault(slug, {})[row["id"]] = row
    states = submission_states(periods)
    entries = []
    for organisation in organisations:
        submission = latest.get(organisation.pk)
        entry = {"name": organisation.name, "reported": submission is not None, "answers": []}
        if submission is None:
            if choice_for(report, organisation.pk) == LEAVE_OUT:
                continue
            entry["sentence"] = not_ready_sentence(report, states.get(organisation.pk))
        if submission is not None:
            by_number = {a.question.number: a.text for a in submission.answers.all()}
            records = snapshots.get(organisation.pk, {})
            for question in questions:
                text = by_number.get(question.number, "")
                if not text.strip():
                    continue  # an unanswered question is left out
                answer = {
                    "number": question.number,
                    "title": question.title,
                    "html": render_markdown(text),
                }
                spec = BY_QUESTION_KIND.get(question.kind)
                rows = (
                    [_record_row(spec.slug, data) for data in records.get(spec.slug, {}).values()]
                    if spec
                    else []
                )
                if rows:
                    answer["records"] = {"kind": spec.slug, "title": str(spec.title), "rows": rows}
                entry["answers"].append(answer)
        entries.append(entry)
    return entries


def _charts(report, periods):
    """The trend charts for the covered periods, as plain data (frozen with a version):
    only if the coordinator asked for them, and only those that mean something here."""
    if not report.include_trends:
        return []
    measures = chart_measures(periods)
    if not measures:
        return []
    return [
        {**chart, "title": str(chart["title"])}
        for chart in trend_charts(trends(report.group, periods), measures)
    ]


def _record_row(slug, data):
    """A record as the report prints it: labels instead of codes, dates written out."""
    shown = present(slug, data)
    row = {}
    for key, value in shown.items():
        if hasattr(value, "isoformat"):
            value = format_date(value, "DATE_FORMAT")
        elif isinstance(value, Promise):
            value = str(value)  # a translated label, frozen in the site's language
        row[key] = value
    return row


def issuer_of(group):
    """The organisation that issues the group's reports: its issuing organisation, or for
    a group made before that was recorded, the first in the group's order."""
    issuer = group.issuing_organisation or group.organisations.order_by("order").first()
    return issuer.name if issuer else group.name


def compile_content(report):
    """The whole report as data, in the site's language (the report is a Swedish document)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _compile(report)


def _compile(report):
    periods = list(report.periods())
    questions = list(periods[-1].questions.all())
    members = [
        o.name
        for o in members_during(report.group, periods[0], periods[-1]).order_by("order", "name")
    ]
    footnote_number = 1
    sections = []
    # An introductory chapter without text or member list is left out (and not numbered).
    written = [s for s in report.sections.all() if s.text.strip() or s.include_member_list]
    for number, section in enumerate(written, start=1):
        rendered = render_markdown_with_footnotes(section.text, footnote_number)
        footnote_number += len(rendered["notes"])
        sections.append(
            {
                "number": number,
                "heading": section.heading,
                **rendered,
                "members": members if section.include_member_list else None,
            }
        )
    chapter = len(sections) + 1
    span = span_label(periods[0], periods[-1])
    return {
        "content_version": CONTENT_VERSION,
        "title": report.title,
        "subtitle": report.subtitle,
        "county": report.county,
        "issuer": report.issuer.strip() or issuer_of(report.group),
        "year": report.year,
        "span": span,
        "periods": [p.name for p in periods],
        "foreword": {
            "html": render_markdown(report.foreword),
            "place": report.foreword_place,
            "date": format_date(report.foreword_date, "DATE_FORMAT")
            if report.foreword_date
            else "",
            "signatories": [{"name": s.name, "title": s.title} for s in report.signatories.all()],
        },
        "sections": sections,
        "activities": {
            "number": chapter,
            "heading": f"Aktiviteter i {report.county} {span}",
            "questions": [
                {"number": q.number, "title": q.title, "wording": q.wording} for q in questions
            ],
            "no_report_sentence": report.no_report_sentence,
            "organisations": _organisation_chapter(report, periods, questions),
            "charts": _charts(report, periods),
        },
        "related": {
            "number": chapter + 1,
            "heading": f"Rapporter och kartläggningar som berör {report.county}",
            "items": [
                {"title": r.title, "author": r.author, "published": r.published, "link": r.link}
                for r in report.related_reports.all()
            ],
        },
        "appendix": {
            "heading": "Bilaga",
            "group": report.group.name,
            "description_html": render_markdown(report.appendix_description),
            "contacts": [
                {
                    "name": c.name,
                    "role": c.role,
                    "organisation": c.organisation,
                    "email": c.email,
                    "phone": c.phone,
                    "functional_email": c.functional_email,
                }
                for c in report.contacts.all()
            ],
            "organisations": members,
        },
    }


def public_edition(content):
    """The same report without personal contact details: each named contact becomes
    their role and their organisation's functional address (names online are a GDPR
    matter)."""
    public = copy.deepcopy(content)
    seen, contacts = set(), []
    for contact in public["appendix"]["contacts"]:
        key = (contact["role"], contact["organisation"])
        if key in seen:
            continue
        seen.add(key)
        contacts.append(
            {
                "name": "",
                "role": contact["role"],
                "organisation": contact["organisation"],
                "email": contact["functional_email"],
                "phone": "",
                "functional_email": contact["functional_email"],
            }
        )
    public["appendix"]["contacts"] = contacts
    public["is_public_edition"] = True
    return public
