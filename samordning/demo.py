"""The demo data: a coordination group in Västerbotten as in the reference report, and a
small second group so that the separation between groups can be seen."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from activities.models import AnswerVersion, Period, Submission, SubmissionStatus, Transition
from activities.records import services as record_services
from activities.reporting import periods as reporting_periods
from activities.reporting import services as reporting
from activities.reports import services as report_services
from members.models import CoordinationGroup, Membership, Organisation, Role, User

from .demo_answers import ANSWERS, QUESTION_COMMENT, REPLY, RETURN_REASON

DEMO_PASSWORD = "samordning-demo"

VASTERBOTTEN = {
    "slug": "vasterbotten",
    "name": "Samordningsgruppen mot prostitution och människohandel i Västerbotten",
    "county": "Västerbotten",
    "description": (
        "Länsstyrelsen Västerbotten samordnar myndigheternas regionala arbete mot "
        "prostitution och människohandel för sexuella ändamål."
    ),
    # (name, short name, representative's e-mail, representative's name, title)
    "organisations": [
        (
            "Länsstyrelsen Västerbotten",
            "Länsstyrelsen",
            "lansstyrelsen@example.org",
            "Lena Lindqvist",
            "Jämställdhetsdirektör",
        ),
        (
            "Migrationsverket",
            "Migrationsverket",
            "migrationsverket@example.org",
            "Mikael Berg",
            "Enhetschef",
        ),
        (
            "Polismyndigheten, Region Nord",
            "Polisen",
            "polisen@example.org",
            "Petra Holm",
            "Kriminalinspektör",
        ),
        (
            "Region Västerbotten",
            "Regionen",
            "regionen@example.org",
            "Rasmus Öberg",
            "Utvecklingsstrateg",
        ),
        (
            "Umeå universitet",
            "Universitetet",
            "universitetet@example.org",
            "Ulla Nilsson",
            "Lektor i socialt arbete",
        ),
        (
            "Västerbottens läns landsting",
            "Landstinget",
            "landstinget@example.org",
            "Lars Sundström",
            "Kurator, Sesam-mottagningen",
        ),
        (
            "Åklagarmyndigheten, Åklagarkammaren i Umeå",
            "Åklagarmyndigheten",
            "aklagare@example.org",
            "Anna Åström",
            "Kammaråklagare",
        ),
    ],
    "coordinator": (
        "samordnare@example.org",
        "Sara Samuelsson",
        "Samordnare",
        "Länsstyrelsen Västerbotten",
    ),
    "readers": [("lasare@example.org", "Rut Läsare", "Handläggare")],
}

NORRBOTTEN = {
    "slug": "norrbotten",
    "name": "Samordningsgruppen mot prostitution och människohandel i Norrbotten",
    "county": "Norrbotten",
    "description": "Den regionala samordningsgruppen i Norrbottens län.",
    "organisations": [
        ("Länsstyrelsen i Norrbottens län", "Länsstyrelsen", None, None, None),
        (
            "Polismyndigheten, Region Nord, Luleå",
            "Polisen",
            "polisen.norrbotten@example.org",
            "Nils Nordin",
            "Gruppchef",
        ),
        ("Region Norrbotten", "Regionen", None, None, None),
    ],
    "coordinator": (
        "samordnare.norrbotten@example.org",
        "Nora Nilsson",
        "Samordnare",
        "Länsstyrelsen i Norrbottens län",
    ),
    "readers": [],
}


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
    for order, (name, short, email, person_name, title) in enumerate(spec["organisations"], 1):
        organisation, _ = Organisation.objects.get_or_create(
            group=group,
            name=name,
            defaults={
                "short_name": short,
                "order": order,
                "joined_on": date(2016, 1, 1),
                "email": f"{_ascii(short)}.{spec['slug']}@example.org",
            },
        )
        organisations[name] = organisation
        if email:
            user = _person(email, person_name, title)
            Membership.objects.get_or_create(
                user=user,
                organisation=organisation,
                defaults={"group": group, "role": Role.REPRESENTATIVE},
            )
    email, name, title, own_organisation = spec["coordinator"]
    coordinator = _person(email, name, title)
    Membership.objects.get_or_create(
        user=coordinator, group=group, organisation=None, defaults={"role": Role.COORDINATOR}
    )
    Membership.objects.get_or_create(
        user=coordinator,
        organisation=organisations[own_organisation],
        defaults={"group": group, "role": Role.REPRESENTATIVE},
    )
    for email, name, title in spec["readers"]:
        reader = _person(email, name, title)
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
    texts = {
        question.pk: ANSWERS[organisation.short_name][question.number][key]
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
            submission=submission, by=coordinator, text=QUESTION_COMMENT, question=question
        )
        reporting.comment_add(submission=submission, by=representative, text=REPLY, thread=thread)
        reporting.submission_return(submission=submission, by=coordinator, reason=RETURN_REASON)
    return submission


def _records(group, current_start):
    """Activities, steering documents, collaborations and needs for every organisation."""
    from activities.models import Activity, Collaboration, Need, SteeringDocument, TargetGroup

    from .demo_records import ACTIVITIES, COLLABORATIONS, NEEDS, STEERING_DOCUMENTS

    if Activity.objects.filter(organisation__group=group).exists():
        return
    record_services.target_groups_seed(group=group)
    organisations = {o.short_name: o for o in group.organisations.all()}
    targets = {t.name: t for t in TargetGroup.objects.filter(group=group)}

    def day(offset):
        return None if offset is None else current_start + timedelta(days=offset)

    for spec in ACTIVITIES:
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
        for spec in STEERING_DOCUMENTS
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
        for spec in COLLABORATIONS
    )
    Need.objects.bulk_create(
        Need(
            organisation=organisations[spec["organisation"]],
            kind=spec["kind"],
            priority=spec["priority"],
            description=spec["description"],
            noted_on=day(spec["noted"]),
        )
        for spec in NEEDS
    )


def _periods(group):
    """Two past quarters with approved answers and the current quarter in every state."""
    if Period.objects.filter(group=group).exists():
        return
    coordinator = User.objects.get(email=VASTERBOTTEN["coordinator"][0])
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


FOREWORD = (
    "Länsstyrelsen Västerbotten har regeringens uppdrag att samordna det regionala arbetet "
    "mot prostitution och människohandel för sexuella ändamål. Den här lägesrapporten "
    "samlar vad länets myndigheter gör, vilka planer som finns, var samverkan fungerar och "
    "vilka behov som återstår.\n\n"
    "Rapporten bygger på de svar som samordningsgruppens medlemmar har lämnat under "
    "perioden. Vi hoppas att den ska vara ett stöd för fortsatt arbete i länet och för de "
    "beslutsfattare som ansvarar för det."
)
SECTIONS = [
    (
        "Nationell handlingsplan",
        "Arbetet vilar på regeringens nationella handlingsplan mot prostitution och "
        "människohandel[^1]. Planen pekar ut skydd och stöd till utsatta, förebyggande arbete "
        "och en effektivare rättsvårdande verksamhet som de viktigaste områdena.\n\n"
        "[^1]: Handlingsplanen finns på https://www.example.se/nationell-handlingsplan.",
        False,
    ),
    (
        "Länsstyrelsens uppdrag",
        "Länsstyrelserna har i uppdrag att samordna och stödja arbetet i länen. I "
        "Västerbotten sker det genom den regionala samordningsgruppen och genom "
        "utbildningar och informationsinsatser, se även bilagan.",
        False,
    ),
    (
        "Samordningsgruppen",
        "Samordningsgruppen består av myndigheter med ansvar för frågan i länet. Gruppen "
        "träffas fyra gånger per år. Medlemmar under perioden:",
        True,
    ),
]
RELATED = [
    (
        "Prostitution i Sverige – kartläggning",
        "Jämställdhetsmyndigheten",
        "2025",
        "https://www.example.se/kartlaggning-prostitution",
    ),
    (
        "Människohandel för sexuella ändamål – lägesbild",
        "Polismyndigheten",
        "2026",
        "https://www.example.se/lagesbild-manniskohandel",
    ),
]


def _reports(group):
    """One published report over the two past quarters and a draft for the current one."""
    from activities.models import RelatedReport, ReportSection, ReportSignatory
    from activities.reports.services import report_create

    if group.reports.exists():
        return
    past, current = list(group.periods.order_by("starts_on")[:2]), group.periods.latest("starts_on")
    coordinator = User.objects.get(email=VASTERBOTTEN["coordinator"][0])
    report = report_create(group=group, first_period=past[0], last_period=past[1])
    report.foreword = FOREWORD
    report.foreword_place = "Umeå"
    report.foreword_date = past[1].deadline + timedelta(days=14)
    report.save()
    ReportSignatory.objects.bulk_create(
        [
            ReportSignatory(
                report=report, order=1, name="Lena Lindqvist", title="Jämställdhetsdirektör"
            ),
            ReportSignatory(report=report, order=2, name="Sara Samuelsson", title="Samordnare"),
        ]
    )
    ReportSection.objects.bulk_create(
        ReportSection(report=report, order=i, heading=h, text=t, include_member_list=m)
        for i, (h, t, m) in enumerate(SECTIONS, 1)
    )
    RelatedReport.objects.bulk_create(
        RelatedReport(report=report, order=i, title=t, author=a, published=d, link=link)
        for i, (t, a, d, link) in enumerate(RELATED, 1)
    )
    report_services.report_publish(
        report=report, by=coordinator, change_note="Första versionen.", is_public=True
    )
    report_create(group=group, first_period=current, last_period=current)


def load_demo():
    """Create or complete the demo data; running it again changes nothing."""
    with transaction.atomic():
        groups = [_group(VASTERBOTTEN), _group(NORRBOTTEN)]
        _, current_start, _ = reporting_periods.quarter_of(timezone.localdate())
        # Records first, so that the approvals below freeze them with the answers.
        _records(groups[0], current_start)
        _periods(groups[0])
        _reports(groups[0])
        return groups


def demo_sign_ins():
    """(e-mail, what the person is) for every demo person, for the console."""
    rows = []
    for spec in (VASTERBOTTEN, NORRBOTTEN):
        rows.append((spec["coordinator"][0], f"samordnare, {spec['county']}"))
        rows += [(email, f"läsare, {spec['county']}") for email, *_ in spec["readers"]]
        rows += [
            (email, f"representant för {short}, {spec['county']}")
            for _, short, email, *_ in spec["organisations"]
            if email
        ]
    return rows
