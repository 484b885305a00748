"""National-scale data for performance work: one generated coordination group per county,
each with years of quarterly periods, answers with their history, records and published
reports.

Each group is built in memory and written with bulk_create in one transaction; the content
of each published report is then compiled from those rows by the product's own compiler
(compile_content), as publishing does, so the generator never re-implements the report.
Groups are marked as generated (named "Skalgrupp <län>", slug skala-<län>); a group whose
slug exists is skipped, so running again completes an interrupted run rather than
duplicating it. The same seed gives the same data (dates are relative to the current
quarter). The Swedish words and phrases are in data/scale.json.

Fields with auto_now/auto_now_add (created_at of periods, submissions, records and
reports) get the time of the run; every date a page shows is set to its historic value.
Publishing's PDF and Word files are not made (a second or two per report).
"""

import random
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import reset_queries, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from activities.models import (
    Period,
    Question,
    RelatedReport,
    Report,
    ReportContact,
    ReportSection,
    ReportSignatory,
    ReportVersion,
    TargetGroup,
)
from activities.models.records import DEFAULT_TARGET_GROUPS
from activities.reporting.periods import DEFAULT_DAYS_TO_ANSWER, quarter_of
from activities.reporting.questionnaire import DEFAULT_QUESTIONS

# The product's report compiler and reporting helpers: the only imports from its
# workflows, kept here in one place.
from activities.reports.content import compile_content
from activities.reports.services import plain_text
from members.models import CoordinationGroup, Membership, Organisation, Role, User

from .scale_answers import SubmissionsMixin
from .scale_common import TEXTS, at
from .scale_records import RecordsMixin

SCALE_PASSWORD = "samordning-skala"
EMAIL_DOMAIN = "skala.example"
SLUG_PREFIX = "skala-"
BATCH_SIZE = 2000


class Saver:
    """bulk_create in batches, counting the rows per model."""

    def __init__(self):
        self.counts = Counter()

    def __call__(self, model, objects):
        objects = list(objects)
        if objects:
            model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
            self.counts[model._meta.label] += len(objects)
        return objects


def county_specs(count):
    """The groups to build: the 21 counties, then again with a number (Stockholm 2, ...)."""
    specs, counties = [], TEXTS["counties"]
    for index in range(count):
        county = counties[index % len(counties)]
        round_ = index // len(counties) + 1
        key = slugify(county["county"]) + (f"-{round_}" if round_ > 1 else "")
        specs.append(
            {
                **county,
                "key": key,
                "slug": SLUG_PREFIX + key,
                "name": f"Skalgrupp {county['county']}" + (f" {round_}" if round_ > 1 else ""),
            }
        )
    return specs


def quarters_until(today, count):
    """(quarter, starts_on, ends_on) of `count` quarters, oldest first, ending with today's."""
    quarters = []
    day = today
    for _i in range(count):
        quarter = quarter_of(day)
        quarters.append(quarter)
        day = quarter[1] - timedelta(days=1)
    return quarters[::-1]


class GroupBuilder(RecordsMixin, SubmissionsMixin):
    """Builds one group in memory and writes it, model by model; the reports' content is
    compiled from the written rows by the product's own compiler."""

    def __init__(self, spec, *, years, rng, password_hash, save, now):
        self.spec, self.years, self.rng, self.save = spec, years, rng, save
        self.password_hash, self.now = password_hash, now
        self.today = timezone.localdate(now)
        self.fill = {"lan": spec["lan"], "seat": spec["seat"], "county": spec["county"]}

    def build(self):
        quarters = quarters_until(self.today, 4 * self.years)
        self.first_day = quarters[0][1]
        self.group = CoordinationGroup.objects.create(
            slug=self.spec["slug"],
            name=self.spec["name"],
            county=self.spec["county"],
            description=TEXTS["phrases"]["group_description"].format(**self.fill),
        )
        self.save.counts[CoordinationGroup._meta.label] += 1
        self._organisations()
        self._people()
        self._periods(quarters)
        self._records()
        self._submissions()
        self._reports()
        return self.group

    # Organisations and people

    def _organisations(self):
        spec, rng = self.spec, self.rng
        # Ten that every group has (the convener first), then 0-4 of the optional ones.
        names = [
            (member["name"].format(**spec), member["short_name"])
            for member in TEXTS["organisations"]
        ]
        names += [(n, n) for n in rng.sample(TEXTS["optional_organisations"], rng.randint(0, 4))]
        self.organisations = self.save(
            Organisation,
            (
                Organisation(
                    group=self.group,
                    name=name,
                    short_name=short,
                    order=order,
                    email=f"{slugify(short)}.{spec['key']}@{EMAIL_DOMAIN}",
                    joined_on=self.first_day,
                )
                for order, (name, short) in enumerate(names, 1)
            ),
        )
        # A few organisations leave one question unanswered, as real ones do.
        self.skipped_question = {
            o.pk: rng.randint(2, 5) for o in self.organisations[1:] if rng.random() < 0.08
        }

    def _person(self, email, title):
        name = f"{self.rng.choice(TEXTS['first_names'])} {self.rng.choice(TEXTS['surnames'])}"
        return User(
            email=email,
            full_name=name,
            title=title,
            password=self.password_hash,
            date_joined=at(self.first_day - timedelta(days=self.rng.randint(1, 60)), 9),
        )

    def _people(self):
        key, rng = self.spec["key"], self.rng
        self.coordinator = self._person(f"samordnare-{key}@{EMAIL_DOMAIN}", "Samordnare")
        readers = [self._person(f"lasare-{key}-{n}@{EMAIL_DOMAIN}", "Handläggare") for n in (1, 2)]
        self.representatives = {}  # organisation pk: [users]
        number = 0
        for organisation in self.organisations:
            people = []
            for _i in range(rng.randint(1, 2)):
                number += 1
                people.append(
                    self._person(
                        f"rep-{key}-{number}@{EMAIL_DOMAIN}",
                        TEXTS["titles"].get(organisation.short_name, "Handläggare"),
                    )
                )
            self.representatives[organisation.pk] = people
        everyone = [
            self.coordinator,
            *readers,
            *(u for us in self.representatives.values() for u in us),
        ]
        # People left behind by a group that was removed by hand are reused, not duplicated.
        existing = {u.email: u for u in User.objects.filter(email__in=[u.email for u in everyone])}
        self.save(User, (u for u in everyone if u.email not in existing))
        for user in everyone:
            if user.email in existing:
                user.pk = existing[user.email].pk
        convener = self.organisations[0]
        # The convener (Länsstyrelsen) issues the group's reports.
        self.group.issuing_organisation = convener
        self.group.save(update_fields=["issuing_organisation"])
        memberships = [
            Membership(user=self.coordinator, group=self.group, role=Role.COORDINATOR),
            Membership(
                user=self.coordinator,
                group=self.group,
                organisation=convener,
                role=Role.REPRESENTATIVE,
            ),
            *(Membership(user=r, group=self.group, role=Role.READER) for r in readers),
            *(
                Membership(user=u, group=self.group, organisation=o, role=Role.REPRESENTATIVE)
                for o in self.organisations
                for u in self.representatives[o.pk]
            ),
        ]
        self.save(Membership, memberships)
        self.representatives[convener.pk].append(self.coordinator)
        self.target_groups = self.save(
            TargetGroup,
            (
                TargetGroup(group=self.group, name=name, order=i)
                for i, name in enumerate(DEFAULT_TARGET_GROUPS, 1)
            ),
        )

    # Periods and questions

    def _periods(self, quarters):
        with translation.override(settings.LANGUAGE_CODE):
            template = _("Quarter %(quarter)s %(year)s")
        self.periods = []
        for quarter, starts, ends in quarters:
            deadline = ends + timedelta(days=DEFAULT_DAYS_TO_ANSWER)
            period = Period(
                group=self.group,
                name=template % {"quarter": quarter, "year": starts.year},
                starts_on=starts,
                ends_on=ends,
                deadline=deadline,
            )
            # The coordinator locks a period once its report is out, a month after the deadline.
            if deadline + timedelta(days=30) < self.today:
                period.locked_at = at(deadline + timedelta(days=30), 16)
                period.locked_by = self.coordinator
            self.periods.append(period)
        self.save(Period, self.periods)
        self.questions = {}
        for period in self.periods:
            self.questions[period.pk] = [Question(period=period, **q) for q in DEFAULT_QUESTIONS]
        self.save(Question, (q for qs in self.questions.values() for q in qs))

    # Reports

    def _reports(self):
        """A report over each quarter, published once without files: its content is what
        compile_content makes of the rows written above (no charts), as publishing does."""
        rng, spec, phrases = self.rng, self.spec, TEXTS["phrases"]
        convener = self.organisations[0]
        head = f"{rng.choice(TEXTS['first_names'])} {rng.choice(TEXTS['surnames'])}"
        contacts = [(self.coordinator, convener)] + [
            (u, o)
            for o in self.organisations
            for u in self.representatives[o.pk]
            if u is not self.coordinator
        ]
        reports, published, children = [], [], []
        for period in self.periods:
            moment = at(period.deadline + timedelta(days=rng.randint(14, 28)), 14)
            moment = min(moment, self.now - timedelta(minutes=20))
            published.append(moment)
            report = Report(
                group=self.group,
                first_period=period,
                last_period=period,
                subtitle=phrases["subtitle"],
                county=spec["county"],
                issuer=convener.name,
                year=period.ends_on.year,
                foreword=phrases["foreword"].format(convener=convener.name),
                foreword_place=spec["seat"],
                foreword_date=timezone.localdate(moment),
                appendix_description=self.group.description,
                include_trends=False,
            )
            reports.append(report)
            children += [
                ReportSignatory(report=report, order=1, name=head, title=phrases["head_title"]),
                ReportSignatory(
                    report=report, order=2, name=self.coordinator.full_name, title="Samordnare"
                ),
                *(
                    ReportSection(
                        report=report,
                        order=i,
                        heading=section["heading"],
                        text=section["text"].format(**self.fill),
                        include_member_list=section["include_member_list"],
                    )
                    for i, section in enumerate(TEXTS["sections"], 1)
                ),
                *(
                    RelatedReport(report=report, order=i, **related)
                    for i, related in enumerate(TEXTS["related"], 1)
                ),
                *(
                    ReportContact(
                        report=report,
                        order=i,
                        name=user.full_name,
                        role=user.title,
                        organisation=organisation.name,
                        email=user.email,
                        functional_email=organisation.email,
                    )
                    for i, (user, organisation) in enumerate(contacts)
                ),
            ]
        self.save(Report, reports)
        for model in (ReportSignatory, ReportSection, RelatedReport, ReportContact):
            self.save(model, (c for c in children if isinstance(c, model)))
        versions = []
        for report, moment in zip(reports, published, strict=True):
            content = compile_content(report)
            current = report.last_period is self.periods[-1]
            versions.append(
                ReportVersion(
                    report=report,
                    number=1,
                    content=content,
                    change_note=phrases["change_note_current" if current else "change_note"],
                    published_at=moment,
                    published_by=self.coordinator,
                    # The year-end report goes out to the public; the others stay in the group.
                    is_public=report.last_period.ends_on.month == 12,
                    search_text=plain_text(content),
                )
            )
        self.save(ReportVersion, versions)


def generate(*, groups=21, years=10, seed=1, log=None):
    """Build the groups that do not exist yet. Returns (rows created per model, the slugs
    that were skipped because they exist)."""
    save, skipped = Saver(), []
    # One hash for everyone: hashing per person would take longer than the rest.
    password_hash = make_password(SCALE_PASSWORD)
    now = timezone.now()
    for spec in county_specs(groups):
        if CoordinationGroup.objects.filter(slug=spec["slug"]).exists():
            skipped.append(spec["slug"])
            continue
        # Seeded per group, so a group comes out the same whichever others exist already.
        rng = random.Random(f"{seed}:{spec['slug']}")  # noqa: S311  (test data, not secrets)
        with transaction.atomic():
            GroupBuilder(
                spec, years=years, rng=rng, password_hash=password_hash, save=save, now=now
            ).build()
        reset_queries()  # with DEBUG on, Django keeps every (huge) INSERT in memory
        if log:
            log(f"{spec['name']}: done.")
    return save.counts, skipped
