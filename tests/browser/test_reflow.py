"""WCAG 1.4.10 (reflow): every page of the product, opened at 320 CSS pixels by the person
who can see it, scrolls only vertically. A wide data table may scroll sideways inside its
own labelled region (role="region", a name, tabindex="0" so the keyboard reaches it);
nothing else may be wider than the screen. axe runs on every page at that width too."""

import pytest
from django.test import override_settings
from django.urls import reverse

from activities.models import (
    Activity,
    Collaboration,
    Need,
    Period,
    ReportVersion,
    SteeringDocument,
    Submission,
)
from members.models import CoordinationGroup, User
from samordning.demo.loader import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 320

# What overflows: the page itself, and every element wider than the viewport that is not
# inside a labelled, focusable scroll region.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const page = document.documentElement.scrollWidth;
  const inRegion = (el) => {
    const region = el.parentElement.closest('[role="region"]');
    return !!region &&
      (region.hasAttribute('aria-labelledby') || region.hasAttribute('aria-label')) &&
      region.getAttribute('tabindex') === '0' &&
      ['auto', 'scroll'].includes(getComputedStyle(region).overflowX);
  };
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      if (!inRegion(el)) {
        wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.width)}px`);
      }
    }
  }
  return {page: page, width: width, wide: wide.slice(0, 5)};
}"""

# Text smaller than this (in CSS pixels, as drawn) is unreadable on a phone.
SMALL_TEXT = """() => {
  const small = [];
  for (const el of document.querySelectorAll('svg text')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height < 12) small.push(`${el.textContent} ${box.height}px`);
  }
  return small.slice(0, 5);
}"""


@pytest.fixture
def demo(transactional_db):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_demo()


def _pages():
    """persona e-mail (None: anonymous) → [(name, path)], every page of the demo group."""
    group = CoordinationGroup.objects.get(slug="vasterbotten")
    slug = group.slug
    rep = User.objects.get(email="universitetet@example.org")
    org = rep.memberships.get(group=group).organisation
    period = Period.objects.filter(group=group).order_by("-starts_on").first()
    version = (
        ReportVersion.objects.filter(report__group=group, is_public=True).order_by("pk").first()
    )
    report = version.report
    answered_period = Submission.objects.filter(organisation=org).latest("period__starts_on").period
    answered = {"slug": slug, "pk": answered_period.pk, "org_pk": org.pk}
    question = answered_period.questions.order_by("number").first()
    activity = Activity.objects.filter(organisation__group=group).order_by("pk").first()
    submission = {"slug": slug, "pk": period.pk, "org_pk": org.pk}
    submitted = Submission.objects.filter(period=period, status="submitted").order_by("pk")
    waiting = {"slug": slug, "pk": period.pk, "org_pk": submitted.first().organisation_id}
    kinds = ("aktiviteter", "styrdokument", "samverkan", "behov")
    assert SteeringDocument.objects.exists() and Collaboration.objects.exists()
    assert Need.objects.exists()

    def url(name, **kwargs):
        return reverse(name, kwargs=kwargs)

    anonymous = [
        ("sign-in", url("members:login")),
        ("password reset", url("members:password_reset")),
        (
            "public report",
            url("activities:public_report", slug=slug, pk=report.pk, number=version.number),
        ),
        ("accessibility statement", url("accessibility")),
    ]
    representative = [
        ("group start, representative", url("group_home", slug=slug)),
        ("our answers", url("activities:my_submissions", slug=slug)),
        ("submission, representative", url("activities:submission", **submission)),
        (
            "answer versions",
            url("activities:answer_versions", **answered, question_pk=question.pk),
        ),
        ("activity new", url("activities:record_create", slug=slug, kind="aktiviteter")),
        ("check your answers", url("activities:submission_check", **submission)),
        ("notifications", url("members:notifications")),
        ("two-step verification", url("members:two_factor")),
        ("my account", url("members:account")),
    ]
    reader = [
        ("group start, reader", url("group_home", slug=slug)),
        ("organisation page", url("activities:organisation_page", slug=slug, pk=org.pk)),
        ("collaboration matrix", url("activities:collaboration_page", slug=slug)),
        ("trends", url("activities:trends", slug=slug)),
        ("search", url("activities:search", slug=slug) + "?q=utbildning"),
        ("reports", url("activities:report_list", slug=slug)),
        (
            "published report",
            url("activities:report_version", slug=slug, pk=report.pk, number=version.number),
        ),
    ] + [(f"{kind} list", url("activities:record_list", slug=slug, kind=kind)) for kind in kinds]
    coordinator = [
        ("start page", url("home")),
        ("group start, coordinator", url("group_home", slug=slug)),
        ("periods", url("activities:period_list", slug=slug)),
        ("period overview", url("activities:period_overview", slug=slug, pk=period.pk)),
        ("period edit", url("activities:period_edit", slug=slug, pk=period.pk)),
        ("questions", url("activities:question_list", slug=slug, pk=period.pk)),
        ("submission, coordinator", url("activities:submission", **submission)),
        ("target groups", url("activities:target_groups", slug=slug)),
        (
            "activity edit",
            url("activities:record_edit", slug=slug, kind="aktiviteter", pk=activity.pk),
        ),
        (
            "collaboration matrix, coordinator",
            url("activities:collaboration_page", slug=slug),
        ),
        ("trends, coordinator", url("activities:trends", slug=slug)),
        ("reports, coordinator", url("activities:report_list", slug=slug)),
        ("report edit", url("activities:report_edit", slug=slug, pk=report.pk)),
        ("report preview", url("activities:report_preview", slug=slug, pk=report.pk)),
        ("report readiness", url("activities:report_readiness", slug=slug, pk=report.pk)),
        ("organisations", url("members:organisation_list", slug=slug)),
        ("organisation edit", url("members:organisation_edit", slug=slug, pk=org.pk)),
        ("people", url("members:person_list", slug=slug)),
        ("person edit", url("members:person_edit", slug=slug, pk=rep.pk)),
        ("invite", url("members:person_invite", slug=slug)),
        ("undelivered mail", url("members:outgoing_mail", slug=slug)),
        ("audit log", url("members:audit_log", slug=slug)),
        ("group settings", url("members:group_settings", slug=slug)),
        (
            "audit log, filtered",
            url("members:audit_log", slug=slug) + "?handelse=x&fran=2026-01-01",
        ),
        ("lock the period?", url("activities:period_lock", slug=slug, pk=period.pk)),
        ("send back?", url("activities:submission_return", **waiting)),
        ("deactivate?", url("members:person_deactivate", slug=slug, pk=rep.pk)),
        (
            "take back from the public?",
            url("activities:report_visibility", slug=slug, pk=report.pk, number=version.number),
        ),
    ]
    return {
        None: anonymous,
        "universitetet@example.org": representative,
        "lasare@example.org": reader,
        "samordnare@example.org": coordinator,
    }


def _the_group_menu_opens_on_a_phone(page):
    """The coordinator's seven links fold into one "Meny" row (a <details>: no script)."""
    page.goto("/grupp/vasterbotten/")
    menu = page.get_by_role("navigation", name="Gruppens meny")
    people = menu.get_by_role("link", name="Personer")
    assert not people.is_visible()
    menu.locator("summary", has_text="Meny").click()
    assert people.is_visible()
    people.click()
    assert "/personer/" in page.url


def test_every_page_reflows_at_320_px_without_sideways_scrolling(demo, new_page):
    """One browser, one context per persona; the coordinator also opens the group menu."""
    problems = []
    for email, pages in _pages().items():
        page = new_page(width=WIDTH, height=640)
        if email:
            sign_in(page, email)
        if email == "samordnare@example.org":
            _the_group_menu_opens_on_a_phone(page)
        for name, path in pages:
            response = page.goto(path)
            if response.status != 200:
                problems.append(f"{name} ({path}): status {response.status}")
                continue
            found = page.evaluate(OVERFLOW)
            if found["page"] > found["width"] or found["wide"]:
                problems.append(f"{name} ({path}): page {found['page']}px, {found['wide']}")
            small = page.evaluate(SMALL_TEXT)
            if small:
                problems.append(f"{name} ({path}): chart text under 12 px: {small}")
            assert_accessible(page)
        page.context.close()
    assert not problems, "\n".join(problems)
