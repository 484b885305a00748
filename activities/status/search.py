"""Search across a group's answers, records and published reports.

On PostgreSQL: full-text search with the Swedish configuration (so "utbildningar" finds
"utbildning"), ranked, with highlighted snippets. On SQLite (the embedded demo): a
simpler word match on Snowball's Swedish stems, ranked by the number of hits.
"""

import re

import snowballstemmer
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from activities.models import (
    Activity,
    Answer,
    Collaboration,
    Need,
    ReportVersion,
    SteeringDocument,
    SubmissionStatus,
)
from members import access

from .search_fields import CONFIG, SEARCHED_FIELDS, search_vector

LIMIT = 30
START, STOP = "\u2e22", "\u2e23"  # markers no one types, replaced by <mark> after escaping


def _highlighted(text):
    """Escape a snippet, then turn the markers into <mark> elements."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308  (escaped above)


def _answers(group_access):
    """The answers a person may find: approved ones, and all of their own organisation's
    (everything for the coordinator)."""
    answers = Answer.objects.filter(submission__period__group=group_access.group)
    if not group_access.is_coordinator:
        answers = answers.filter(
            Q(submission__status=SubmissionStatus.APPROVED)
            | Q(submission__organisation__in=group_access.organisation_ids)
        )
    return answers.select_related(
        "question", "submission__organisation", "submission__period"
    ).defer("submission__records_snapshot")


SOURCES = [
    # (label, queryset factory, searched fields (indexed on PostgreSQL), title of a hit)
    (
        _("Answer"),
        _answers,
        SEARCHED_FIELDS["answer"],
        lambda a: (
            f"{a.submission.organisation.name}, {a.submission.period.name}, "
            f"fråga {a.question.number}"
        ),
    ),
    (
        _("Activity"),
        lambda ga: Activity.objects.for_group(ga.group).select_related("organisation"),
        SEARCHED_FIELDS["activity"],
        lambda r: f"{r.title} ({r.organisation.short_name})",
    ),
    (
        _("Steering document"),
        lambda ga: SteeringDocument.objects.for_group(ga.group).select_related("organisation"),
        SEARCHED_FIELDS["steeringdocument"],
        lambda r: f"{r.title} ({r.organisation.short_name})",
    ),
    (
        _("Collaboration"),
        lambda ga: Collaboration.objects.for_group(ga.group).select_related(
            "organisation", "partner"
        ),
        SEARCHED_FIELDS["collaboration"],
        lambda r: f"{r.organisation.short_name} – {r.partner_name}",
    ),
    (
        _("Need"),
        lambda ga: Need.objects.for_group(ga.group).select_related("organisation"),
        SEARCHED_FIELDS["need"],
        lambda r: f"{r.get_kind_display()} ({r.organisation.short_name})",
    ),
    (
        _("Published report"),
        lambda ga: (
            ReportVersion.objects.filter(report__group=ga.group)
            .select_related("report")
            .defer("content")
        ),
        SEARCHED_FIELDS["reportversion"],
        lambda v: f"{v.report.title} {v.report.county} {v.report.year}, version {v.number}",
    ),
]
# A published report is long: ranking and highlighting every matching version would take
# most of the search's time, so only the newest matching versions are ranked and shown.
NEWEST_REPORT_VERSIONS = 5
# Long texts PostgreSQL ranks and highlights itself: not fetched.
HIGHLIGHTED_IN_DATABASE = {Answer: ["text"], ReportVersion: ["search_text"]}


def _url(group_access, hit):
    slug = group_access.group.slug
    if isinstance(hit, Answer):
        submission = hit.submission
        if access.may_read_submission(group_access, submission.organisation):
            url = reverse(
                "activities:submission",
                args=[slug, submission.period_id, submission.organisation_id],
            )
            return f"{url}#question-{hit.question_id}"
        return reverse("activities:organisation_page", args=[slug, submission.organisation_id])
    if isinstance(hit, ReportVersion):
        return reverse("activities:report_version", args=[slug, hit.report_id, hit.number])
    kinds = {
        Activity: "aktiviteter",
        SteeringDocument: "styrdokument",
        Collaboration: "samverkan",
        Need: "behov",
    }
    base = reverse("activities:record_list", args=[slug, kinds[type(hit)]])
    return f"{base}?organisation={hit.organisation_id}"


def search(group_access, query):
    if connection.vendor == "postgresql":
        hits = _postgres(group_access, query)
    else:
        hits = _fallback(group_access, query)
    hits.sort(key=lambda h: -h["rank"])
    return hits[:LIMIT]


def _postgres(group_access, query):
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
    )

    search_query = SearchQuery(query, config=CONFIG, search_type="websearch")
    hits = []
    for label, queryset, fields, title in SOURCES:
        vector = search_vector(fields)  # the expression the GIN indexes hold
        text = fields[0] if len(fields) == 1 else _concat(fields)
        rows = queryset(group_access)
        reports = rows.model is ReportVersion
        found = (
            rows.defer(*HIGHLIGHTED_IN_DATABASE.get(rows.model, []))
            .annotate(
                vector=vector,
                rank=SearchRank(vector, search_query),
                snippet=SearchHeadline(
                    text,
                    search_query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=12,
                    max_fragments=2,
                ),
            )
            .filter(vector=search_query)
            # Rank and snippet are then computed for the rows shown only.
            .order_by(*(["-published_at"] if reports else ["-rank"]))
        )[: NEWEST_REPORT_VERSIONS if reports else LIMIT]
        for hit in found:
            hits.append(
                {
                    "label": label,
                    "title": title(hit),
                    "snippet": _highlighted(hit.snippet),
                    "url": _url(group_access, hit),
                    "rank": hit.rank,
                }
            )
    return hits


def _concat(fields):
    from django.db.models import TextField, Value
    from django.db.models.functions import Cast, Coalesce, Concat

    parts = []
    for field in fields:
        text = TextField()
        parts += [
            Coalesce(Cast(field, text), Value("", output_field=text)),
            Value(" ", output_field=text),
        ]
    return Concat(*parts[:-1], output_field=TextField())


def stem(word):
    """The Swedish Snowball stem of a word, for the SQLite fallback: 'utbildningar' →
    'utbildning'. A stemmer holds the word it works on, so each call makes its own (a few
    microseconds) rather than share one between threads."""
    return snowballstemmer.stemmer("swedish").stemWord(word.lower())


def _fallback(group_access, query):
    stems = [stem(w) for w in re.findall(r"\w+", query) if len(w) > 1][:8]
    if not stems:
        return []
    hits = []
    for label, queryset, fields, title in SOURCES:
        condition = Q()
        for word in stems:
            any_field = Q()
            for field in fields:
                any_field |= Q(**{f"{field}__iregex": re.escape(word)})
            condition &= any_field
        for hit in queryset(group_access).filter(condition)[:LIMIT]:
            text = " ".join(str(getattr(hit, f) or "") for f in fields)
            hits.append(
                {
                    "label": label,
                    "title": title(hit),
                    "snippet": _highlighted(_snippet(text, stems)),
                    "url": _url(group_access, hit),
                    "rank": sum(len(re.findall(re.escape(s), text, re.IGNORECASE)) for s in stems),
                }
            )
    return hits


def _snippet(text, stems, width=90):
    pattern = re.compile("|".join(re.escape(s) + r"\w*" for s in stems), re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, (match.start() if match else 0) - width)
    piece = text[start : start + 2 * width + 40]
    piece = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", piece)
    return ("…" if start else "") + piece + ("…" if start + 2 * width + 40 < len(text) else "")
