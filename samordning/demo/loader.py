"""The demo data: a coordination group in Västerbotten as in the reference report, and a
small second group so that the separation between groups can be seen. The Swedish texts
(groups, answers, records, the report) are data files in data/; this module only loads them."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from activities.models import AnswerVersion, Period, Submission, SubmissionStatus, Transition
from activities.records import services as record_services
from activities.reporting import periods as reporting_periods
from activities.reporting import services as reporting
from activities.reports import services as report_services
from members.models import CoordinationGroup, Membership, Organisation, Role, User

from .texts import load_answers, load_json

DEMO_PASSWORD = "samordning-demo"

# The reference group in Västerbotten, then a small group in Norrbotten.
GROUPS = load_json("groups.json")
VASTERBOTTEN, NORRBOTTEN = GROUPS


def _ascii(name):
    return name.lower().translate(str.maketrans("åäöé", "aaoe")).replace(" ", "-")


def _person(email, full_name, title):
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, "title": title}
    )
    if created or not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _group(spec):
    group, _ = CoordinationGroup.objects.update_or_create(
        slug=spec["slug"],
        defaults={k: spec[k] for k in ("name", "county", "description")},
    )
    organisations = {}
    for order, member in enumerate(spec["organisations"], 1):
        organisation, _ = Organisation.objects.get_or_create(
            group=group,
            name=member["name"],
            defaults={
                "short_name": member["short_name"],
                "order": order,
                "joined_on": date(2016, 1, 1),
                "email": f"{_ascii(member['short_name'])}.{spec['slug']}@example.org",
            },
        )
        organisations[member["name"]] = organisation
        if member["email"]:
            user = _person(member["email"], member["person"], member["title"])
            Membership.objects.get_or_create(
                user=user,
                organisation=organisation,
                defaults={"group": group, "role": Role.REPRESENTATIVE},
            )
    # Länsstyrelsen issues the group's reports (title page, issuer, coordinator's contacts).
    issuer = next(o for o in organisations.values() if o.short_name == "Länsstyrelsen")
    if group.issuing_organisation_id != issuer.pk:
        group.issuing_organisation = issuer
        group.save(update_fields=["issuing_organisation"])
    spec_coordinator = spec["coordinator"]
    coordinator = _person(
        spec_coordinator["email"], spec_coordinator["person"], spec_coordinator["title"]
    )
    Membership.objects.get_or_create(
        user=coordinator, group=group, organisation=None, defaults={"role": Role.COORDINATOR}
    )
    Membership.objects.get_or_create(
        user=coordinator,
        organisation=organisations[spec_coordinator["organisation"]],
        defaults={"group": group, "role": Role.REPRESENTATIVE},
    )
    for spec_reader in spec["readers"]:
        reader = _person(spec_reader["email"], spec_reader["person"], spec_reader["title"])
        Membership.objects.get_or_create(
            user=reader, group=group, organisation=None, defaults={"role": Role.READER}
        )
    return group


# Where each Västerbotten organisation stands in the current period: every state shows.
CURRENT_STATES = {
    "Länsstyrelsen": SubmissionStatus.APPROVED,
    "Migrationsverket": SubmissionStatus.RETURNED,
    "Polisen": SubmissionStatus.SUBMITTED,
    "Regionen": SubmissionStatus.DRAFT,
    "Universitetet": None,  # not started
    "Landstinget": SubmissionStatus.SUBMITTED,
    "Åklagarmyndigheten": SubmissionStatus.DRAFT,
}
# Who had not reported in the oldest period, so that history has a gap.
MISSING_EARLIER = {"Universitetet"}


def _moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _backdate(submission, submitted_on, decided_on=None):
    """Give a past period's submission plausible dates instead of today's."""
    Transition.objects.filter(submission=submission, to_status=SubmissionStatus.DRAFT).update(
        at=_moment(submitted_on - timedelta(days=6))
    )
    Transition.objects.filter(submission=submission, to_status=SubmissionStatus.SUBMITTED).update(
        at=_moment(submitted_on)
    )
    Transition.objects.filter(submission=submission, to_status=SubmissionStatus.APPROVED).update(
        at=_moment(decided_on or submitted_on, 15)
    )
    Submission.objects.filter(pk=submission.pk).update(
        submitted_at=_moment(submitted_on),
        updated_at=_moment(decided_on or submitted_on, 15),
    )
    AnswerVersion.objects.filter(answer__submission=submission).update(
        created_at=_moment(submitted_on - timedelta(days=6))
    )


def _answer(period, organisation, representative, key, status, coordinator):
    answers, review = load_answers(), load_json("review.json")
    texts = {
        question.pk: answers[organisation.short_name][question.number][key]
        for question in period.questions.all()
    }
    submission = reporting.submission_save(
        period=period, organisation=organisation, texts=texts, expected_version=0, by=representative
    )
    if status == SubmissionStatus.DRAFT:
        return submission
    reporting.submission_submit(submission=submission, by=representative)
    if status == SubmissionStatus.APPROVED:
        reporting.submission_approve(submission=submission, by=coordinator)
    elif status == SubmissionStatus.RETURNED:
        question = period.questions.get(number=4)
        thread = reporting.comment_add(
            submission=submission,
            by=coordinator,
            text=review["question_comment"],
            question=question,
        )
        reporting.comment_add(
            submission=submission, by=representative, text=review["reply"], thread=thread
        )
        reporting.submission_return(
            submission=submission, by=coordinator, reason=review["return_reason"]
        )
    return submission


def _records(group, current_start):
    """Activities, steering documents, collaborations and needs for every organisation."""
    from activities.models import Activity, Collaboration, Need, SteeringDocument, TargetGroup

    if Activity.objects.filter(organisation__group=group).exists():
        return
    records = load_json("records.json")
    record_services.target_groups_seed(group=group)
    organisations = {o.short_name: o for o in group.organisations.all()}
    targets = {t.name: t for t in TargetGroup.objects.filter(group=group)}

    def day(offset):
        return None if offset is None else current_start + timedelta(days=offset)

    for spec in records["activities"]:
        activity = Activity.objects.create(
            organisation=organisations[spec["organisation"]],
            title=spec["title"],
            kind=spec["kind"],
            status=spec["status"],
            starts_on=day(spec["start"]),
            ends_on=day(spec["end"]),
            outside_partners=spec["outside_partners"],
            participants=spec["participants"],
            link=spec["link"],
            description=spec["description"],
        )
        activity.target_groups.set(targets[name] for name in spec["target_groups"])
        activity.partners.set(organisations[name] for name in spec["partners"])
    SteeringDocument.objects.bulk_create(
        SteeringDocument(
            organisation=organisations[spec["organisation"]],
            title=spec["title"],
            kind=spec["kind"],
            status=spec["status"],
            adopted_on=day(spec["adopted"]),
            link=spec["link"],
        )
        for spec in records["steering_documents"]
    )
    Collaboration.objects.bulk_create(
        Collaboration(
            organisation=organisations[spec["organisation"]],
            partner=organisations[spec["partner"]] if spec["partner"] else None,
            outside_partner=spec["outside_partner"],
            level=spec["level"],
            since=day(spec["since"]),
            description=spec["description"],
        )
        for spec in records["collaborations"]
    )
    Need.objects.bulk_create(
        Need(
            organisation=organisations[spec["organisation"]],
            kind=spec["kind"],
            priority=spec["priority"],
            description=spec["description"],
            noted_on=day(spec["noted"]),
        )
        for spec in records["needs"]
    )


def _periods(group):
    """Two past quarters with approved answers and the current quarter in every state."""
    if Period.objects.filter(group=group).exists():
        return
    coordinator = User.objects.get(email=VASTERBOTTEN["coordinator"]["email"])
    representatives = {
        m.organisation.short_name: m.user
        for m in Membership.objects.filter(group=group, role=Role.REPRESENTATIVE)
        .exclude(user=coordinator)
        .select_related("organisation", "user")
    }
    organisations = list(group.organisations.order_by("order"))
    _, current_start, _ = reporting_periods.quarter_of(timezone.localdate())
    _, last_start, _ = reporting_periods.quarter_of(current_start - timedelta(days=1))
    _, earlier_start, _ = reporting_periods.quarter_of(last_start - timedelta(days=1))
    for key, starts_on in (("earlier", earlier_start), ("later", last_start)):
        quarter, starts, ends = reporting_periods.quarter_of(starts_on)
        period = reporting_periods.period_create(
            group=group,
            name=f"Kvartal {quarter} {starts.year}",
            starts_on=starts,
            ends_on=ends,
            deadline=ends + timedelta(days=reporting_periods.DEFAULT_DAYS_TO_ANSWER),
        )
        for index, organisation in enumerate(organisations):
            if key == "earlier" and organisation.short_name in MISSING_EARLIER:
                continue
            submission = _answer(
                period,
                organisation,
                representatives[organisation.short_name],
                key,
                SubmissionStatus.APPROVED,
                coordinator,
            )
            _backdate(
                submission,
                period.deadline - timedelta(days=index + 1),
                period.deadline + timedelta(days=3),
            )
    period = reporting_periods.period_create_next(group=group)
    for organisation in organisations:
        status = CURRENT_STATES[organisation.short_name]
        if status is not None:
            _answer(
                period,
                organisation,
                representatives[organisation.short_name],
                "current",
                status,
                coordinator,
            )


def _reports(group):
    """One published report over the two past quarters and a draft for the current one."""
    from activities.models import RelatedReport, ReportSection, ReportSignatory
    from activities.reports.services import report_create

    if group.reports.exists():
        return
    past, current = list(group.periods.order_by("starts_on")[:2]), group.periods.latest("starts_on")
    coordinator = User.objects.get(email=VASTERBOTTEN["coordinator"]["email"])
    texts = load_json("report.json")
    report = report_create(group=group, first_period=past[0], last_period=past[1])
    report.foreword = texts["foreword"]
    report.foreword_place = texts["foreword_place"]
    report.foreword_date = past[1].deadline + timedelta(days=14)
    report.save()
    ReportSignatory.objects.bulk_create(
        ReportSignatory(report=report, order=i, **signatory)
        for i, signatory in enumerate(texts["signatories"], 1)
    )
    ReportSection.objects.bulk_create(
        ReportSection(report=report, order=i, **section)
        for i, section in enumerate(texts["sections"], 1)
    )
    RelatedReport.objects.bulk_create(
        RelatedReport(report=report, order=i, **related)
        for i, related in enumerate(texts["related"], 1)
    )
    report_services.report_publish(
        report=report, by=coordinator, change_note=texts["change_note"], is_public=True
    )
    report_create(group=group, first_period=current, last_period=current)


def load_demo():
    """Create or complete the demo data; running it again changes nothing."""
    with transaction.atomic():
        groups = [_group(spec) for spec in GROUPS]
        _, current_start, _ = reporting_periods.quarter_of(timezone.localdate())
        # Records first, so that the approvals below freeze them with the answers.
        _records(groups[0], current_start)
        _periods(groups[0])
        _reports(groups[0])
        return groups


def demo_sign_ins():
    """(e-mail, what the person is) for every demo person, for the console."""
    rows = []
    for spec in GROUPS:
        rows.append((spec["coordinator"]["email"], f"samordnare, {spec['county']}"))
        rows += [(reader["email"], f"läsare, {spec['county']}") for reader in spec["readers"]]
        rows += [
            (member["email"], f"representant för {member['short_name']}, {spec['county']}")
            for member in spec["organisations"]
            if member["email"]
        ]
    return rows
