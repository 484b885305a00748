"""The demo data: a coordination group in Västerbotten as in the reference report, and a
small second group so that the separation between groups can be seen."""

from datetime import date

from django.db import transaction

from members.models import CoordinationGroup, Membership, Organisation, Role, User

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
            defaults={"short_name": short, "order": order, "joined_on": date(2016, 1, 1)},
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


def load_demo():
    """Create or complete the demo data; running it again changes nothing."""
    with transaction.atomic():
        return [_group(VASTERBOTTEN), _group(NORRBOTTEN)]


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
