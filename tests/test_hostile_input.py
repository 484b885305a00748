"""Over 200 hostile strings through the answers, records, comments, exports, PDF, Word and
e-mail: no server error, stored as typed (or refused with a message), nothing live."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from docx import Document
from odfdo import Document as OdfDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from activities.models import ANSWER_MAX_LENGTH, Activity, Submission
from activities.reporting import services
from activities.reports.content import compile_content
from activities.reports.odt import render_odt
from activities.reports.render import LockedURLFetcher, render_docx, render_pdf
from activities.reports.services import report_create
from samordning.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

from .conftest import make_period, sent_mail
from .hostile import CORPUS

SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")
FORMULA_STARTS = ("=", "+", "-", "@", "|", "%", "\t", "\r", "\n", "\x00")


class Elements(HTMLParser):
    """Every element and attribute in a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def _elements(html):
    parser = Elements()
    parser.feed(str(html))
    return parser.found


def test_the_corpus_has_at_least_two_hundred_strings():
    assert len(CORPUS) >= 200


@pytest.mark.parametrize("text", CORPUS, ids=range(len(CORPUS)))
def test_an_answer_renders_with_only_the_allowed_elements(text):
    for tag, attrs in _elements(render_markdown(text)):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) or name == "rel", (tag, name)
            if name == "href":
                assert value.lower().startswith(SAFE_SCHEMES), value


def _expected(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip()


def test_the_answers_form_stores_every_string_as_typed_or_refuses_it(world, client):
    period = make_period(world.group)
    questions = list(period.questions.order_by("number"))
    url = reverse("activities:submission", args=[world.group.slug, period.pk, world.org_a.pk])
    client.force_login(world.rep_a)
    version = 0
    for start in range(0, len(CORPUS), len(questions)):
        batch = CORPUS[start : start + len(questions)]
        data = {"version": version, "action": "save"}
        data.update({f"answer_{q.pk}": text for q, text in zip(questions, batch, strict=False)})
        response = client.post(url, data)
        refused = any("\x00" in text or len(text) > ANSWER_MAX_LENGTH for text in batch)
        if refused:
            assert response.status_code == 200
            assert "Svaren sparades inte" in response.content.decode()
            continue
        assert response.status_code == 302, (start, response.status_code)
        submission = Submission.objects.get()
        version = submission.version
        stored = dict(submission.answers.values_list("question_id", "text"))
        for question, text in zip(questions, batch, strict=False):
            assert stored.get(question.pk, "") == _expected(text)
        page = client.get(url).content.decode()
        handlers = [
            (tag, name) for tag, attrs in _elements(page) for name in attrs if name.startswith("on")
        ]
        assert handlers == []
        # The session warning, the error summary and the autosave: ours
        assert page.count("<script") == 3


def test_the_report_pdf_and_word_file_keep_the_text_and_fetch_nothing(world):
    period = make_period(world.group)
    # Emoji and other symbols outside the report's fonts are left to the font fallback,
    # whose text layer pypdf does not read back; everything else must come back literally.
    texts = [
        t for t in CORPUS if "\x00" not in t and len(t) < 5_000 and all(ord(c) < 0x2000 for c in t)
    ]
    submission = services.submission_save(
        period=period,
        organisation=world.org_a,
        texts={
            q.pk: "\n\n".join(texts[i::5])
            for i, q in enumerate(period.questions.order_by("number"))
        },
        expected_version=0,
        by=world.rep_a,
    )
    services.submission_submit(submission=submission, by=world.rep_a)
    services.submission_approve(submission=submission, by=world.coordinator)
    content = compile_content(
        report_create(group=world.group, first_period=period, last_period=period)
    )
    fetcher = LockedURLFetcher()
    pdf = render_pdf(content, fetcher=fetcher)
    assert fetcher.refused == []
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    for literal in (
        "<script>alert(1)</script>",
        "{{ settings.SECRET_KEY }}",
        "'; DROP TABLE members_user; --",
    ):
        assert literal in text
    document = Document(io.BytesIO(render_docx(content)))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script>" in words
    assert "före" + "efter" in words  # a control character XML cannot hold was dropped
    odt = OdfDocument(io.BytesIO(render_odt(content)))
    words = "\n".join(str(p) for p in odt.body.get_paragraphs())
    assert "<script>alert(1)</script>" in words
    assert "före" + "efter" in words


def test_exports_neutralise_every_formula_and_survive_control_characters(world, client):
    # NUL never gets past a form (Django refuses it) and PostgreSQL cannot store it.
    for text in CORPUS:
        if len(text) < 190 and "\x00" not in text:
            Activity.objects.create(
                organisation=world.org_a,
                title=text,
                kind="other",
                status="planned",
                starts_on="2026-11-01",
            )
    client.force_login(world.reader)
    csv_response = client.get(
        reverse("activities:record_export", args=[world.group.slug, "aktiviteter", "csv"])
    )
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) > 150
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), repr(cell)
    xlsx_response = client.get(
        reverse("activities:record_export", args=[world.group.slug, "aktiviteter", "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            assert not str(cell.value or "").startswith(FORMULA_STARTS), repr(cell.value)


def test_e_mails_carry_hostile_text_as_text(world, django_capture_on_commit_callbacks):
    period = make_period(world.group)
    submission = services.submission_save(
        period=period, organisation=world.org_a, texts={}, expected_version=0, by=world.rep_a
    )
    services.submission_submit(submission=submission, by=world.rep_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_return(
            submission=submission,
            by=world.coordinator,
            reason="<script>alert(1)</script> <img src=x onerror=alert(1)>",
        )
    html = sent_mail()[-1].alternatives[0][0]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
