"""The hostile corpus through every other form a person posts: records, review comments,
replies and reasons, the report draft and its publishing, organisations, invitations,
the coordinator's periods, questions and target groups, and the search boxes.

Each string is stored as typed (surrounding whitespace aside, as Django's forms strip it)
or refused with a message on the page and nothing stored; no page fails; and the page
that shows the text has the same elements and attributes as with plain text. All 205
strings go through the forms for activities, comments, replies, reasons, the report
and organisations; a sample through the others (see SAMPLE), to keep this file near a
minute.
"""

from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django import forms
from django.db.models import Value
from django.db.models.functions import MD5, Concat, Left
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from activities.models import (
    Comment,
    RelatedReport,
    Report,
    ReportContact,
    ReportSection,
    ReportSignatory,
    Submission,
    SubmissionStatus,
    Transition,
)
from activities.records.kinds import KINDS
from activities.reporting import services
from activities.reporting.forms import CommentForm, ReasonForm
from activities.reports.forms import PublishForm
from members.models import Invitation, Organisation, Role, User
from samordning.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

from .conftest import PASSWORD, answer, make_period, make_report, run_task_queue, sent_mail
from .hostile import CORPUS

pytestmark = pytest.mark.django_db

BENIGN = "Vanlig text"
EDGE = [t for t in CORPUS if "\x00" in t or len(t) > 500]
# A sample of every kind of attack, the control characters and the long strings, for the
# second ways into a form (editing, the forms on the answers page) and for text shown in
# one place only (invitations, the coordinator's periods, questions and target groups,
# the search boxes), where all 205 strings would make the suite slow for little gain.
SAMPLE = [t for i, t in enumerate(CORPUS) if i % 5 == 0 or t in EDGE]
# Address and link fields take no free text: every other string that looks like an
# address or a link, and the NUL and long strings, are tried in those of the report's
# lists (many in one post); the forms of one thing at a time try those of the sample.
ADDRESSES = [t for t in CORPUS if any(s in t.lower() for s in ("://", "@", "javascript:"))][
    ::2
] + EDGE
SOME_ADDRESSES = [t for t in ADDRESSES if t in SAMPLE]
LIVE_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "xlink:href"}


# What a page shows


class Shape(HTMLParser):
    """A page's elements as (tag, attribute names), counted. The messages at the top are
    left out, as their number varies, but anything in them other than a plain message is
    kept apart; so are addresses that would run a script."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = Counter()
        self.in_messages = []
        self.live = []
        self._messages_depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        names = tuple(sorted(name for name, _ in attrs))
        values = dict(attrs)
        for name, value in attrs:
            squeezed = "".join(c for c in value or "" if c > " ").lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(LIVE_SCHEMES):
                self.live.append((tag, name, value))
        if self._messages_depth:
            if tag == "div":
                self._messages_depth += 1
                if names == ("class", "role") and values["class"].startswith("alert "):
                    return
            self.in_messages.append((tag, names))
        elif tag == "div" and values.get("class") == "messages":
            self._messages_depth = 1
        else:
            self.elements[(tag, names)] += 1

    def handle_endtag(self, tag):
        if self._messages_depth and tag == "div":
            self._messages_depth -= 1


def assert_nothing_injected(page, plain_page, markdown=False):
    """The page with hostile text has the elements and attributes of the same page with
    plain text. Where the text is rendered as Markdown, the difference may only be the
    few elements Markdown makes (their links are checked for live schemes)."""
    shown, plain = Shape(page), Shape(plain_page)
    assert shown.in_messages == []
    assert shown.live == [] and plain.live == []
    added, missing = shown.elements - plain.elements, plain.elements - shown.elements
    if markdown:
        for tag, names in added + missing:
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}
            assert tag in ALLOWED_TAGS and set(names) <= allowed, (tag, names)
    else:
        assert (added, missing) == (Counter(), Counter())


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


# What a form keeps


# Record fields typed in a textarea (activities.record_forms.TextAreaField): their line
# endings are made LF before the length is checked, as the browser counts them.
TEXTAREAS = {"description"}


def _typed(text):
    """What a textarea field keeps of the text: stripped, line endings LF."""
    return text.strip().replace("\r\n", "\n").replace("\r", "\n")


def _refusable(text, max_length):
    """Whether a Django CharField refuses the text: NUL, or too long once stripped."""
    return "\x00" in text or (max_length is not None and len(text.strip()) > max_length)


def _kept_url(text):
    """What a link field keeps of a valid address (a missing scheme becomes https)."""
    return forms.URLField(assume_scheme="https").clean(text)


def _refusals(response, form_errors, fields, consequences=()):
    """The fields the form refused, each with its message shown on the page."""
    assert response.status_code in (200, 400), response.status_code
    page = response.content.decode()
    assert form_errors, "refused without saying why"
    for name, messages in form_errors.items():
        assert name in fields or name in consequences, (name, messages)
        for message in messages:
            assert escape(message) in page, message
    return {name for name in form_errors if name in fields}


def _post(
    client,
    url,
    data,
    fields,
    text,
    *,
    errors,
    state,
    prefix="",
    consequences=(),
    refusable=None,
    fallbacks=None,
):
    """Post `text` in each of `fields` ({name: max length, or "url"/"email"}) on top of
    `data`. A refused field must have been refusable and say so, and nothing may have
    changed; it is then sent again with plain text. Returns the fields that kept `text`."""
    refusable = refusable or (
        lambda name, text, max_length: _refusable(
            _typed(text) if name in TEXTAREAS else text, max_length
        )
    )
    data = {**data, **{prefix + name: text for name in fields}}
    before = state()
    response = client.post(url, data)
    assert response.status_code < 500
    refused = set()
    if response.status_code != 302:
        refused = _refusals(response, errors(response), fields, consequences)
        assert state() == before
        for name in refused:
            if isinstance(fields[name], int | None):
                assert refusable(name, text, fields[name]), (name, text[:80])
            plain = "" if isinstance(fields[name], str) else BENIGN
            data[prefix + name] = (fallbacks or {}).get(name, plain)
        response = client.post(url, data)
        assert response.status_code == 302, errors(response)
    kept = set(fields) - refused
    for name in kept:
        if not isinstance(fields[name], str):
            assert not refusable(name, text, fields[name]), (name, text[:80])
    return kept


def _check_kept(stored, kept, fields, text):
    """The stored values: the text as typed for the fields that kept it."""
    for name in kept:
        if fields[name] == "url":
            assert stored[name] == _kept_url(text), name
        elif fields[name] == "email":
            assert stored[name] in (text.strip(), text.strip().lower()), name
        elif name in TEXTAREAS:
            assert stored[name] == _typed(text), name
        else:
            assert stored[name] == text.strip(), name


# Records

RECORDS = {
    "aktiviteter": (
        {"title": 200, "description": 5000, "outside_partners": 300},
        {"kind": "training", "status": "ongoing"},
    ),
    "styrdokument": ({"title": 200}, {"kind": "action_plan", "status": "in_force"}),
    "samverkan": ({"outside_partner": 200, "description": 5000}, {"level": "formal"}),
    "behov": ({"description": 5000}, {"kind": "training", "priority": "high"}),
}
RECORD_LINKS = {"aktiviteter": "link", "styrdokument": "link"}


def _record_base(kind):
    fields, base = RECORDS[kind]
    today = timezone.localdate()
    dates = {"aktiviteter": "starts_on", "behov": "noted_on"}
    if kind in dates:
        base = {**base, dates[kind]: (today - timedelta(days=3)).isoformat()}
    return fields, base


def _record_fields(kind, text):
    """The free-text fields of a kind, and its link field when the text is one to try
    there (see SOME_ADDRESSES)."""
    fields, _ = RECORDS[kind]
    if kind in RECORD_LINKS and text in SOME_ADDRESSES:
        return {**fields, RECORD_LINKS[kind]: "url"}
    return fields


def _assert_records_inert(client, world, kind, url):
    """The list shows the organisation's records as text; then they are removed."""
    spec = KINDS[kind]
    records = spec.model.objects.filter(organisation=world.org_a)
    hostile = _get(client, url)
    records.update(**dict.fromkeys(RECORDS[kind][0], BENIGN))
    if kind in RECORD_LINKS:
        records.exclude(link="").update(link="https://www.example.se/")
    assert_nothing_injected(hostile, _get(client, url))
    records.delete()


def _push_records(client, world, kind, strings, url_for, base, errors):
    """Post each string in every free-text field of a kind of record (and in its link
    field if it is one of SOME_ADDRESSES), checking what is kept; every 25 records, the list
    shows them as text."""
    spec = KINDS[kind]
    records = spec.model.objects.filter(organisation=world.org_a)
    list_url = reverse("activities:record_list", args=[world.group.slug, kind])
    for number, text in enumerate(strings, 1):
        url, state, prefix = url_for(text)
        fields = _record_fields(kind, text)
        kept = _post(
            client,
            url,
            base,
            fields,
            text,
            errors=errors,
            state=state,
            prefix=prefix,
            consequences=("partner",),
        )
        _check_kept(records.order_by("updated_at", "pk").values().last(), kept, fields, text)
        if number % 25 == 0 or number == len(strings):
            _assert_records_inert(client, world, kind, list_url)


def _record_strings(kind):
    """Every string for activities; the three other kinds share the corpus between
    them, and each gets the NUL and long strings."""
    if kind == "aktiviteter":
        return CORPUS
    share = CORPUS[list(RECORDS).index(kind) - 1 :: 3]
    return share + [t for t in EDGE if t not in share]


@pytest.mark.parametrize("kind", RECORDS)
def test_a_record_form_keeps_hostile_text_or_refuses_it(world, client, kind):
    """A representative adds records with hostile text in every field (every string for
    activities, a share for the other kinds); the list shows it as text."""
    spec = KINDS[kind]
    client.force_login(world.rep_a)
    url = reverse("activities:record_create", args=[world.group.slug, kind])
    records = spec.model.objects.filter(organisation=world.org_a)
    _, base = _record_base(kind)
    _push_records(
        client,
        world,
        kind,
        _record_strings(kind),
        lambda text: (url, records.count, ""),
        {**base, "organisation": world.org_a.pk},
        lambda response: response.context["form"].errors,
    )


@pytest.mark.parametrize("kind", RECORDS)
def test_editing_a_record_keeps_the_text_or_refuses_it(world, client, kind):
    """Changing a record to hostile text (half the sample for each kind) keeps it, or
    leaves the record as it was."""
    spec = KINDS[kind]
    fields, base = _record_base(kind)
    client.force_login(world.rep_a)

    def edit(text):
        record = spec.model.objects.create(
            organisation=world.org_a,
            **base,
            **dict.fromkeys(fields, BENIGN),
        )
        url = reverse("activities:record_edit", args=[world.group.slug, kind, record.pk])
        return url, spec.model.objects.filter(pk=record.pk).values().get, ""

    strings = SAMPLE[list(RECORDS).index(kind) :: 2]
    _push_records(
        client,
        world,
        kind,
        strings,
        edit,
        {**base, **dict.fromkeys(fields, BENIGN)},
        lambda response: response.context["form"].errors,
    )


def test_the_record_forms_on_the_answers_page_keep_the_text_or_refuse_it(world, client):
    """Records added beside the answers (the sample, shared between the four kinds) keep
    hostile text, and the answers page shows it as text."""
    period = make_period(world.group)
    client.force_login(world.rep_a)
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    for index, kind in enumerate(RECORDS):
        spec = KINDS[kind]
        _, base = _record_base(kind)
        prefix = f"new-{kind}-"
        records = spec.model.objects.filter(organisation=world.org_a)

        def errors(response, spec=spec):
            item = next(i for i in response.context["items"] if i.get("spec") is spec)
            return item["new_form"].errors

        for text in SAMPLE[index::4]:
            submission = Submission.objects.filter(period=period).first()
            data = {
                "version": submission.version if submission else 0,
                "action": f"record-add-{kind}",
                **{prefix + name: value for name, value in base.items()},
            }
            fields = _record_fields(kind, text)
            kept = _post(
                client,
                url,
                data,
                fields,
                text,
                errors=errors,
                state=records.count,
                prefix=prefix,
                consequences=("partner",),
            )
            _check_kept(records.latest("pk").__dict__, kept, fields, text)
    hostile = _get(client, url)
    for kind in RECORDS:
        records = KINDS[kind].model.objects.filter(organisation=world.org_a)
        records.update(**dict.fromkeys(RECORDS[kind][0], BENIGN))
        if kind in RECORD_LINKS:
            records.exclude(link="").update(link="https://www.example.se/")
    assert_nothing_injected(hostile, _get(client, url))


# Review


def _submission_url(world, period, name="submission"):
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, world.org_a.pk])


def _second_client(person):
    client = Client()
    client.force_login(person)
    return client


def _assert_submission_inert(world, period, clients, plain):
    """The submission page, for the coordinator and the representative, has the same
    elements as once `plain` has made the texts plain."""
    url = _submission_url(world, period)
    hostile = [_get(c, url) for c in clients]
    plain()
    for client, page in zip(clients, hostile, strict=True):
        assert_nothing_injected(page, _get(client, url))


def test_comments_and_replies_keep_every_string_or_refuse_it(world, client):
    """The coordinator comments on a question and on the whole, both reply; the page
    shows every comment as text."""
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar."}, submit=True)
    question = period.questions.get(number=1)
    thread = services.comment_add(submission=submission, by=world.coordinator, text=BENIGN)
    client.force_login(world.coordinator)
    representative = _second_client(world.rep_a)
    url = _submission_url(world, period, "comment_add")
    targets = [
        (client, {"question": question.pk}),
        (client, {}),
        (representative, {"thread": thread.pk}),
        (client, {"thread": thread.pk}),
    ]
    for number, text in enumerate(CORPUS):
        poster, target = targets[number % len(targets)]
        before = Comment.objects.count()
        response = poster.post(url, {**target, "text": text})
        assert response.status_code == 302
        if _refusable(_typed(text), 5000):
            assert Comment.objects.count() == before
            page = _get(poster, response["Location"])
            assert "Kommentaren var tom eller för lång" in page
        else:
            comment = Comment.objects.latest("pk")
            assert comment.text == _typed(text)
            assert (comment.question_id, comment.thread_id) == (
                target.get("question"),
                target.get("thread"),
            )
    _assert_submission_inert(
        world,
        period,
        [client, representative],
        lambda: Comment.objects.update(text=BENIGN),
    )


def test_replies_saved_with_the_answers_keep_every_string_or_refuse_it(world, client):
    """The representative replies beside the answers to many comments at once; a reply
    that cannot be kept is refused with a message, and nothing is saved."""
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar."}, submit=True)
    questions = list(period.questions.all())
    threads = [
        services.comment_add(
            submission=submission,
            by=world.coordinator,
            text=BENIGN,
            question=questions[number % len(questions)] if number % 5 else None,
        )
        for number in range(len(CORPUS))
    ]
    services.submission_return(submission=submission, by=world.coordinator, reason=BENIGN)
    client.force_login(world.rep_a)
    url = _submission_url(world, period)

    def save(replies):
        submission.refresh_from_db()
        data = {"version": submission.version, "action": "save"}
        data.update({f"reply_{thread.pk}": text for thread, text in replies})
        return client.post(url, data)

    pairs = list(zip(threads, CORPUS, strict=True))
    kept = [(thread, text) for thread, text in pairs if not _refusable(_typed(text), 5000)]
    refused = [pair for pair in pairs if pair not in kept]
    before = (Comment.objects.count(), Submission.objects.get().version)
    response = save(kept[:3] + refused)
    assert response.status_code == 200
    assert (Comment.objects.count(), Submission.objects.get().version) == before
    page = response.content.decode()
    assert "Svaren sparades inte" in page
    for _, text in kept[:3] + refused:
        assert escape(text) in page  # what was typed is shown back
    for _, text in refused:
        for message in CommentForm({"text": text}).errors["text"]:
            assert escape(message) in page
    assert save(kept).status_code == 302
    replies = {c.thread_id: c.text for c in Comment.objects.filter(thread__isnull=False)}
    for thread, text in kept:
        assert replies[thread.pk] == _typed(text)
    _assert_submission_inert(
        world,
        period,
        [client, _second_client(world.coordinator)],
        lambda: Comment.objects.update(text=BENIGN),
    )


def test_review_reasons_keep_every_string_or_refuse_it(world, client):
    """The coordinator returns with a reason, approves with a note, and reopens with a
    reason; the history on the page shows each as text."""
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar."}, submit=True)
    client.force_login(world.coordinator)
    url = _submission_url(world, period, "submission_review")
    for number, text in enumerate(CORPUS):
        submission.refresh_from_db()
        if submission.status == SubmissionStatus.RETURNED:
            services.submission_submit(submission=submission, by=world.rep_a)
        if submission.status == SubmissionStatus.APPROVED:
            decision = "reopen"
        else:
            decision = "return" if number % 2 else "approve"
        before = (Transition.objects.count(), submission.status)
        response = client.post(url, {"decision": decision, "reason": text})
        assert response.status_code < 500
        submission.refresh_from_db()
        if _refusable(_typed(text), 5000):
            assert response.status_code == 400
            assert (Transition.objects.count(), submission.status) == before
            for message in ReasonForm({"reason": text}).errors["reason"]:
                assert escape(message) in response.content.decode()
        else:
            assert response.status_code == 302, decision
            assert Transition.objects.latest("pk").comment == _typed(text)
    _assert_submission_inert(
        world,
        period,
        [client, _second_client(world.rep_a)],
        lambda: Transition.objects.exclude(comment="").update(comment=BENIGN),
    )


# The report draft

REPORT_FIELDS = {
    "title": 120,
    "subtitle": 250,
    "county": 100,
    "issuer": 200,
    "foreword": None,
    "foreword_place": 100,
    "no_report_sentence": 300,
    "appendix_description": None,
}
# (prefix, model, free-text fields, address fields)
REPORT_ROWS = [
    ("signatories", ReportSignatory, {"name": 150, "title": 150}, {}),
    ("sections", ReportSection, {"heading": 200, "text": None}, {}),
    ("related", RelatedReport, {"title": 250, "author": 200, "published": 50}, {"link": "url"}),
    (
        "contacts",
        ReportContact,
        {"name": 150, "role": 150, "organisation": 200, "phone": 40},
        {"email": "email", "functional_email": "email"},
    ),
]
ROWS_PER_POST = 50  # Django takes at most 1,000 fields in one post


def _plain(queryset, *fields):
    """Make text fields plain where not empty: equal texts alike, different ones apart
    (as the public edition merges contacts with the same role and organisation)."""
    for name in fields:
        plain = Concat(Value(f"{BENIGN} "), Left(MD5(name), 8))
        queryset.exclude(**{name: ""}).update(**{name: plain})


def _report_data(report):
    """The edit form as the browser sends it, with no rows in the lists."""
    data = {
        name: getattr(report, name)
        for name in [*REPORT_FIELDS, "year", "include_trends"]
        if getattr(report, name) not in (None, False)
    }
    for prefix, *_ in REPORT_ROWS:
        data |= {
            f"{prefix}-TOTAL_FORMS": 0,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    return data


def _report_pages(client, world, report):
    url = reverse("activities:report_preview", args=[world.group.slug, report.pk])
    return [_get(client, url), _get(client, url + "?utgava=publik")]


def test_the_report_draft_keeps_every_string_or_refuses_it(world, client):
    """The coordinator writes hostile text in every field of the draft; the preview shows
    it as text (the foreword and appendix as the few elements Markdown allows)."""
    report = make_report(world.group)
    client.force_login(world.coordinator)
    url = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    preview = reverse("activities:report_preview", args=[world.group.slug, report.pk])
    Report.objects.filter(pk=report.pk).update(**dict.fromkeys(REPORT_FIELDS, BENIGN))
    plain_preview = _get(client, preview)
    plain_edit = _get(client, url)

    def state():
        return Report.objects.filter(pk=report.pk).values(*REPORT_FIELDS).get()

    for text in CORPUS:
        report.refresh_from_db()
        kept = _post(
            client,
            url,
            _report_data(report),
            REPORT_FIELDS,
            text,
            errors=lambda r: r.context["form"].errors,
            state=state,
        )
        _check_kept(state(), kept, REPORT_FIELDS, text)
        if text in SAMPLE[::2]:
            assert_nothing_injected(_get(client, preview), plain_preview, markdown=True)
        if text in [t for t in SAMPLE if '"' in t][:3]:  # in the form's value attributes
            assert_nothing_injected(_get(client, url), plain_edit)


def test_the_report_lists_keep_every_string_or_refuse_it(world, client):
    """Signatories, sections, related reports and contacts, many rows at a time, each
    with a hostile string in every field; both previews show them as text."""
    report = make_report(world.group)
    client.force_login(world.coordinator)
    url = reverse("activities:report_edit", args=[world.group.slug, report.pk])
    counts = [
        (lambda model=model: model.objects.filter(report=report).count())
        for _, model, *_ in REPORT_ROWS
    ]

    def post(rows):
        """Post one row per item of `rows` ({list: {field: value}}) in each list."""
        data = _report_data(report)
        for prefix, *_ in REPORT_ROWS:
            data[f"{prefix}-TOTAL_FORMS"] = len(rows)
            for row, values in enumerate(rows):
                data |= {f"{prefix}-{row}-{k}": v for k, v in values[prefix].items()}
        before = [count() for count in counts]
        response = client.post(url, data)
        assert response.status_code < 500
        if response.status_code != 302:
            assert [count() for count in counts] == before
        return response, data

    def refused_cells(response):
        """{(prefix, row, field)} refused, each with its message on the page."""
        assert response.status_code == 200
        page = response.content.decode()
        cells = set()
        for prefix, formset, _ in response.context["formsets"]:
            for row, form in enumerate(formset.forms):
                for name, messages in form.errors.items():
                    assert all(escape(message) in page for message in messages)
                    cells.add((prefix, row, name))
        return cells

    def plain_row(number):
        required = {
            "signatories": ["name"],
            "sections": ["heading"],
            "related": ["title"],
            "contacts": ["name", "role"],
        }
        return {
            prefix: {"order": number, **dict.fromkeys(names, BENIGN)}
            for prefix, names in required.items()
        }

    def stored_rows(prefix):
        model = next(model for key, model, *_ in REPORT_ROWS if key == prefix)
        return list(model.objects.filter(report=report, order__gte=1000).order_by("order", "pk"))

    texts = {}  # (prefix, order, field) -> the text it should keep
    number = 1000
    # Every string in every free-text field it fits (the rest get plain text).
    for start in range(0, len(CORPUS), ROWS_PER_POST):
        rows = []
        for text in CORPUS[start : start + ROWS_PER_POST]:
            rows.append(plain_row(number))
            for prefix, _, plain, _ in REPORT_ROWS:
                for name, max_length in plain.items():
                    if not _refusable(text, max_length):
                        rows[-1][prefix][name] = text
                        texts[(prefix, number, name)] = text.strip()
            number += 1
        response, _ = post(rows)
        assert response.status_code == 302, response.context and refused_cells(response)
    # ... and in every field it does not fit: refused, each field with its message.
    misfits = [
        text
        for text in CORPUS
        if any(_refusable(text, m) for _, _, plain, _ in REPORT_ROWS for m in plain.values())
    ]
    for start in range(0, len(misfits), ROWS_PER_POST):
        rows, expected = [], set()
        for row, text in enumerate(misfits[start : start + ROWS_PER_POST]):
            rows.append(plain_row(0))
            for prefix, _, plain, _ in REPORT_ROWS:
                for name, max_length in plain.items():
                    if _refusable(text, max_length):
                        rows[-1][prefix][name] = text
                        expected.add((prefix, row, name))
        response, _ = post(rows)
        assert refused_cells(response) == expected
    # The address and link fields keep what is a valid address, and refuse the rest.
    rows = []
    for text in ADDRESSES:
        rows.append(plain_row(number))
        for prefix, _, _, addresses in REPORT_ROWS:
            rows[-1][prefix] |= dict.fromkeys(addresses, text)
        number += 1
    response, data = post(rows)
    if response.status_code != 302:
        for prefix, row, name in refused_cells(response):
            assert name in ("link", "email", "functional_email"), name
            data[f"{prefix}-{row}-{name}"] = ""
        assert client.post(url, data).status_code == 302
    for row, text in enumerate(ADDRESSES):
        for prefix, _, _, addresses in REPORT_ROWS:
            for name in addresses:
                if data[f"{prefix}-{row}-{name}"]:
                    texts[(prefix, 1000 + len(CORPUS) + row, name)] = (
                        _kept_url(text) if name == "link" else text.strip()
                    )
    for prefix, _, plain, addresses in REPORT_ROWS:
        for stored in stored_rows(prefix):
            for name in {**plain, **addresses}:
                kept = texts.get((prefix, stored.order, name))
                if kept is not None:
                    assert getattr(stored, name) == kept, (prefix, name)
                elif name in addresses:
                    assert getattr(stored, name) == "", (prefix, name)
                else:
                    assert getattr(stored, name) in ("", BENIGN), (prefix, name)
    hostile = _report_pages(client, world, report)
    for _, model, plain, addresses in REPORT_ROWS:
        rows = model.objects.filter(report=report)
        _plain(rows, *(name for name in plain if name != "text"))
        for name in addresses:
            rows.exclude(**{name: ""}).update(
                **{name: "https://www.example.se/" if name == "link" else "info@example.se"}
            )
    plain_but_sections = _report_pages(client, world, report)
    for page, plain_page in zip(hostile, plain_but_sections, strict=True):
        assert_nothing_injected(page, plain_page)
    _plain(ReportSection.objects.filter(report=report), "text")
    for page, plain_page in zip(hostile, _report_pages(client, world, report), strict=True):
        assert_nothing_injected(page, plain_page, markdown=True)


def test_publishing_keeps_the_change_note_or_refuses_it(
    world, client, django_capture_on_commit_callbacks
):
    """The note on what is new is kept as typed, or refused with a message and nothing
    published; the version's page and the e-mail show it as text."""
    report = make_report(world.group)
    client.force_login(world.coordinator)
    url = reverse("activities:report_publish", args=[world.group.slug, report.pk])
    for text in (t for t in EDGE if "\x00" in t):
        response = client.post(url, {"change_note": text})
        assert response.status_code == 302
        assert not report.versions.exists()
        page = _get(client, response["Location"])
        for message in PublishForm({"change_note": text}).errors["change_note"]:
            assert escape(message) in page
    # The attacks of the sample in one note, a line each: publishing takes seconds.
    note = "\n".join(t for t in SAMPLE if t not in EDGE)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"change_note": note, "is_public": "on"})
        run_task_queue()  # publishing runs in the task queue
    version = report.versions.latest("number")
    assert response.status_code == 302
    assert version.change_note == note.strip()
    for message in sent_mail():
        html = Shape(message.alternatives[0][0])
        assert {tag for tag, _ in html.elements} <= {"html", "body", "p", "a"}
        assert html.live == []
    page = reverse("activities:report_version", args=[world.group.slug, report.pk, version.number])
    hostile = _get(client, page)
    report.versions.update(change_note=BENIGN)
    assert_nothing_injected(hostile, _get(client, page))


# People and organisations


def test_the_organisation_form_keeps_every_string_or_refuses_it(world, client):
    """The coordinator adds organisations with hostile names; the list of organisations
    and the invitation form show them as text."""
    client.force_login(world.coordinator)
    url = reverse("members:organisation_create", args=[world.group.slug])
    organisations = Organisation.objects.filter(group=world.group)
    names = {name.upper() for name in organisations.values_list("name", flat=True)}

    def refusable(name, text, max_length):
        # The name must also differ from every other in the group, whatever the case.
        duplicate = name == "name" and text.strip().upper() in names
        return _refusable(text, max_length) or duplicate

    for number, text in enumerate(CORPUS):
        fields = {"name": 200, "short_name": 60}
        if text in SOME_ADDRESSES:
            fields["email"] = "email"
        kept = _post(
            client,
            url,
            {},
            fields,
            text,
            errors=lambda r: r.context["form"].errors,
            state=organisations.count,
            refusable=refusable,
            fallbacks={"name": f"{BENIGN} {number}"},
        )
        if "name" in kept:
            names.add(text.strip().upper())
        _check_kept(organisations.latest("pk").__dict__, kept, fields, text)
    pages = [
        reverse("members:organisation_list", args=[world.group.slug]),
        reverse("members:person_invite", args=[world.group.slug]),
    ]
    hostile = [_get(client, page) for page in pages]
    _plain(organisations, "name", "short_name")
    organisations.exclude(email="").update(email="info@example.se")
    for page, hostile_page in zip(pages, hostile, strict=True):
        assert_nothing_injected(hostile_page, _get(client, page))


def test_editing_an_organisation_keeps_the_name_or_refuses_it(world, client):
    """Renaming an organisation to a hostile name (the sample) keeps it, or leaves the
    organisation as it was."""
    client.force_login(world.coordinator)
    organisations = Organisation.objects.filter(group=world.group)
    for number, text in enumerate(SAMPLE):
        organisation = Organisation.objects.create(
            group=world.group, name=f"{BENIGN} {number}", short_name=BENIGN, order=10 + number
        )
        fields = {"name": 200, "short_name": 60}
        if text in SOME_ADDRESSES:
            fields["email"] = "email"
        kept = _post(
            client,
            reverse("members:organisation_edit", args=[world.group.slug, organisation.pk]),
            {"name": organisation.name, "short_name": BENIGN},
            fields,
            text,
            errors=lambda r: r.context["form"].errors,
            state=organisations.filter(pk=organisation.pk).values().get,
            fallbacks={"name": organisation.name},
        )
        _check_kept(organisations.filter(pk=organisation.pk).values().get(), kept, fields, text)
    page = reverse("members:organisation_list", args=[world.group.slug])
    hostile = _get(client, page)
    _plain(organisations, "name", "short_name")
    organisations.exclude(email="").update(email="info@example.se")
    assert_nothing_injected(hostile, _get(client, page))


def _accept_url(invitation):
    token, token_hash = Invitation.new_token()
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=token_hash)
    return reverse("members:invitation_accept", args=[token])


def test_the_invitation_form_keeps_the_name_or_refuses_it(world, client):
    """The coordinator invites people with hostile names (the sample: the name is a
    field like the organisation's, and is shown only in the field of the page where the
    invitation is accepted); that page shows it as text."""
    client.force_login(world.coordinator)
    url = reverse("members:person_invite", args=[world.group.slug])
    invitations = Invitation.objects.filter(group=world.group)
    visitor = Client()
    for number, text in enumerate(SAMPLE):
        email = f"person{number}@example.org"
        fields = {"full_name": 150}
        if text in SOME_ADDRESSES:
            fields["email"] = "email"
        kept = _post(
            client,
            url,
            {"email": email, "role": Role.REPRESENTATIVE, "organisation": world.org_a.pk},
            fields,
            text,
            errors=lambda r: r.context["form"].errors,
            state=invitations.count,
            fallbacks={"email": email},
        )
        invitation = invitations.latest("pk")
        _check_kept(invitation.__dict__, kept, fields, text)
        if '"' in text and "full_name" in kept:
            hostile = _get(visitor, _accept_url(invitation))
            Invitation.objects.filter(pk=invitation.pk).update(full_name=BENIGN)
            assert_nothing_injected(hostile, _get(visitor, _accept_url(invitation)))
    page = reverse("members:person_list", args=[world.group.slug])
    hostile = _get(client, page)
    invitations.update(email="person@example.org")
    assert_nothing_injected(hostile, _get(client, page))


def test_accepting_an_invitation_keeps_the_name_or_refuses_it(world, client):
    """A new person gives a hostile name (the sample) on accepting; the coordinator's
    list of people shows it as text."""
    coordinator = _second_client(world.coordinator)
    for number, text in enumerate(SAMPLE):
        invitation = Invitation.objects.create(
            group=world.group,
            email=f"ny{number}@example.org",
            role=Role.REPRESENTATIVE,
            organisation=world.org_b,
            invited_by=world.coordinator,
            token_hash=f"placeholder-{number}",
            expires_at=timezone.now() + timedelta(days=7),
        )
        fields = {"full_name": 150}
        kept = _post(
            client,
            _accept_url(invitation),
            {"password1": PASSWORD, "password2": PASSWORD},
            fields,
            text,
            errors=lambda r: r.context["form"].errors,
            state=User.objects.count,
        )
        person = User.objects.get(email=invitation.email)
        _check_kept(person.__dict__, kept, fields, text)
    page = reverse("members:person_list", args=[world.group.slug])
    hostile = _get(coordinator, page)
    _plain(User.objects.filter(email__startswith="ny"), "full_name")
    assert_nothing_injected(hostile, _get(coordinator, page))


# The coordinator's other forms: periods, questions, target groups


def test_periods_questions_and_target_groups_keep_the_text_or_refuse_it(world, client):
    """The sample, shared between the period, question and target group forms; their
    lists, and the answers page, show the text as text."""
    client.force_login(world.coordinator)
    slug = world.group.slug
    period = make_period(world.group, name=BENIGN)
    periods = world.group.periods.all()
    questions = period.questions.all()
    targets = world.group.target_groups.all()
    today = timezone.localdate()
    dates = {
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=80)).isoformat(),
        "deadline": (today + timedelta(days=90)).isoformat(),
    }
    seen = {"period": {BENIGN.upper()}, "target": set(targets.values_list("name", flat=True))}

    def unique_in(kind, exact=False):
        def refusable(name, text, max_length):
            value = text.strip() if exact else text.strip().upper()
            return _refusable(text, max_length) or (name == "name" and value in seen[kind])

        return refusable

    forms_ = [
        (
            reverse("activities:period_create", args=[slug]),
            dates,
            {"name": 100},
            periods.count,
            unique_in("period"),
        ),
        (
            reverse("activities:question_create", args=[slug, period.pk]),
            {"kind": "narrative"},
            {"title": 100, "wording": None, "help_text": None},
            questions.count,
            None,
        ),
        (
            reverse("activities:target_groups", args=[slug]),
            {},
            {"name": 80},
            targets.count,
            unique_in("target", exact=True),
        ),
    ]
    for number, text in enumerate(SAMPLE):
        url, base, fields, count, refusable = forms_[number % len(forms_)]
        kept = _post(
            client,
            url,
            base,
            fields,
            text,
            errors=lambda r: r.context["form"].errors,
            state=count,
            refusable=refusable,
            fallbacks={"name": f"{BENIGN} {number}"},
        )
        if number % 3 == 0 and "name" in kept:
            seen["period"].add(text.strip().upper())
        if number % 3 == 2 and "name" in kept:
            seen["target"].add(text.strip())
        latest = [periods, questions, targets][number % 3].order_by("pk").values().last()
        _check_kept(latest, kept, fields, text)
    pages = [
        (client, reverse("activities:period_list", args=[slug])),
        (client, reverse("activities:question_list", args=[slug, period.pk])),
        (client, reverse("activities:target_groups", args=[slug])),
        (_second_client(world.rep_a), _submission_url(world, period)),
    ]
    hostile = [_get(c, page) for c, page in pages]
    _plain(periods, "name")
    _plain(questions, "title", "wording", "help_text")
    _plain(targets, "name")
    for (c, page), hostile_page in zip(pages, hostile, strict=True):
        assert_nothing_injected(hostile_page, _get(c, page))


# The search boxes


def test_the_search_boxes_answer_hostile_queries(world, client):
    """The group search and the records' filter answer a third of the sample and the
    NUL and long strings with a page that shows the query as text, or say why it was
    refused (a NUL; over 200 characters to filter)."""
    client.force_login(world.reader)
    boxes = [
        (reverse("activities:search", args=[world.group.slug]), None),
        (reverse("activities:record_list", args=[world.group.slug, "aktiviteter"]), 200),
    ]
    for url, max_length in boxes:
        plain = _get(client, f"{url}?q={BENIGN}")
        refused_plain = client.get(url, {"q": "\x00"}).content.decode()
        for text in dict.fromkeys(SAMPLE[::3] + EDGE):
            response = client.get(url, {"q": text})
            assert response.status_code == 200, text[:80]
            page = response.content.decode()
            if _refusable(text, max_length):
                form = response.context.get("filter_form")
                messages = form.errors["q"] if form else response.context["errors"]
                assert messages and all(escape(m) in page for m in messages)
                assert_nothing_injected(page, refused_plain)
            else:
                assert_nothing_injected(page, plain)
