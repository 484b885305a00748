"""The scale generator's records: activities, steering documents, collaborations and
needs over the years, and the snapshot an approval freezes of them."""

import bisect
from datetime import timedelta

from activities.models import Activity, Collaboration, Need, SteeringDocument

from .scale_common import TEXTS, weighted

ACTIVITIES_PER_YEAR = (40, 60)  # per organisation
ACTIVITY_KIND_WEIGHTS = {
    "training": 25,
    "seminar": 15,
    "campaign": 15,
    "network": 20,
    "survey": 5,
    "operation": 10,
    "other": 10,
}


class RecordsMixin:
    """The records part of GroupBuilder (scale.py), which holds the group being built."""

    def _records(self):
        self.records = {}  # organisation pk: {kind slug: [(start, end, data)]}
        activities, target_links, partner_links = [], [], []
        documents, collaborations, needs = [], [], []
        for organisation in self.organisations:
            made = self._organisation_records(organisation)
            activities += made["activities"]
            target_links += made["target_links"]
            partner_links += made["partner_links"]
            documents += made["documents"]
            collaborations += made["collaborations"]
            needs += made["needs"]
        self.save(Activity, activities)
        self.save(
            Activity.target_groups.through,
            (
                Activity.target_groups.through(activity_id=a.pk, targetgroup_id=t.pk)
                for a, t in target_links
            ),
        )
        self.save(
            Activity.partners.through,
            (
                Activity.partners.through(activity_id=a.pk, organisation_id=o.pk)
                for a, o in partner_links
            ),
        )
        self.save(SteeringDocument, documents)
        self.save(Collaboration, collaborations)
        self.save(Need, needs)
        # The data a snapshot holds, as record_kinds.record_data gives it, and when each
        # record is in force (for current_in).
        links = {}
        # In the models' order (order, name), as a query for the approval lists them.
        for activity, target in sorted(
            target_links, key=lambda link: (link[1].order, link[1].name)
        ):
            links.setdefault(activity.pk, ([], []))[0].append(target.name)
        for activity, partner in sorted(
            partner_links, key=lambda link: (link[1].order, link[1].name)
        ):
            links.setdefault(activity.pk, ([], []))[1].append(partner.name)
        names = {o.pk: o.name for o in self.organisations}
        for a in activities:
            targets, partners = links.get(a.pk, ([], []))
            outside = [p.strip() for p in a.outside_partners.split(",") if p.strip()]
            self._index(
                a,
                "aktiviteter",
                a.starts_on,
                a.ends_on,
                {
                    "id": a.pk,
                    "organisation": names[a.organisation_id],
                    "title": a.title,
                    "kind": a.kind,
                    "status": a.status,
                    "starts_on": a.starts_on.isoformat(),
                    "ends_on": a.ends_on.isoformat() if a.ends_on else "",
                    "description": a.description,
                    "target_groups": targets,
                    "partners": partners + outside,
                    "participants": a.participants,
                    "link": a.link,
                },
            )
        for d in documents:
            self._index(
                d,
                "styrdokument",
                d.adopted_on,
                d.closed_on,
                {
                    "id": d.pk,
                    "organisation": names[d.organisation_id],
                    "title": d.title,
                    "kind": d.kind,
                    "status": d.status,
                    "adopted_on": d.adopted_on.isoformat() if d.adopted_on else "",
                    "closed_on": d.closed_on.isoformat() if d.closed_on else "",
                    "link": d.link,
                    "file_name": "",
                },
            )
        for c in collaborations:
            self._index(
                c,
                "samverkan",
                c.since,
                c.ended_on,
                {
                    "id": c.pk,
                    "organisation": names[c.organisation_id],
                    "partner": names[c.partner_id] if c.partner_id else c.outside_partner,
                    "partner_is_member": c.partner_id is not None,
                    "level": c.level,
                    "since": c.since.isoformat() if c.since else "",
                    "ended_on": c.ended_on.isoformat() if c.ended_on else "",
                    "description": c.description,
                },
            )
        for n in needs:
            self._index(
                n,
                "behov",
                n.noted_on,
                n.met_on,
                {
                    "id": n.pk,
                    "organisation": names[n.organisation_id],
                    "kind": n.kind,
                    "priority": n.priority,
                    "description": n.description,
                    "noted_on": n.noted_on.isoformat(),
                    "met_on": n.met_on.isoformat() if n.met_on else "",
                },
            )
        for kinds in self.records.values():
            for rows in kinds.values():
                rows.sort(key=lambda row: row[0] or self.first_day)

    def _index(self, record, slug, start, end, data):
        kinds = self.records.setdefault(record.organisation_id, {})
        kinds.setdefault(slug, []).append((start, end, data))

    def _organisation_records(self, organisation):
        rng, fill, today = self.rng, self.fill, self.today
        phrases, descriptions = TEXTS["phrases"], TEXTS["activity_descriptions"]
        outside_partners = TEXTS["outside_partners"]
        others = [o for o in self.organisations if o.pk != organisation.pk]
        editors = self.representatives[organisation.pk]
        span = (today - self.first_day).days
        made = {k: [] for k in ("activities", "target_links", "partner_links")}
        kinds = list(ACTIVITY_KIND_WEIGHTS.items())
        for year in range(self.years):
            # Each year of the span, and a little into the coming quarter for the last one.
            start = self.first_day + timedelta(days=span * year // self.years)
            length = span // self.years + (100 if year == self.years - 1 else 0)
            for _i in range(rng.randint(*ACTIVITIES_PER_YEAR)):
                kind = weighted(rng, kinds)
                starts_on = start + timedelta(days=rng.randrange(length))
                duration = rng.choices([0, rng.randint(1, 14), rng.randint(20, 120)], [60, 25, 15])
                ends_on = starts_on + timedelta(days=duration[0])
                if starts_on > today:
                    status = "planned"
                elif ends_on >= today:
                    status = "ongoing"
                else:
                    status = "cancelled" if rng.random() < 0.04 else "done"
                if status in ("planned", "ongoing") and rng.random() < 0.2:
                    ends_on = None  # open-ended, still going on
                activity = Activity(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    title=rng.choice(TEXTS["activity_titles"][kind]),
                    description=" ".join(rng.sample(descriptions, 2)).format(**fill),
                    kind=kind,
                    status=status,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    outside_partners=", ".join(rng.sample(outside_partners, rng.randint(1, 2)))
                    if rng.random() < 0.3
                    else "",
                    participants=rng.randint(5, 300) if rng.random() < 0.6 else None,
                    link=f"https://www.example.se/{self.spec['key']}/aktivitet-{rng.randrange(10**6)}"
                    if rng.random() < 0.1
                    else "",
                )
                made["activities"].append(activity)
                for target in rng.sample(self.target_groups, rng.choice([0, 1, 1, 2, 3])):
                    made["target_links"].append((activity, target))
                for partner in rng.sample(others, rng.choice([0, 0, 1, 1, 2, 3])):
                    made["partner_links"].append((activity, partner))

        # Action plans in series of about three years, the last one in force or in the works.
        made["documents"] = documents = []
        year, last_year = self.first_day.year, today.year
        while year <= last_year and rng.random() < 0.85:
            until = year + rng.randint(2, 4)
            current = until > last_year
            documents.append(
                SteeringDocument(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    title=phrases["action_plan_title"].format(year=year, until=until),
                    kind="action_plan",
                    status="in_force" if not current or rng.random() < 0.7 else "in_progress",
                    adopted_on=self.first_day.replace(year=year, month=rng.randint(1, 6), day=1),
                    closed_on=None
                    if current
                    else self.first_day.replace(year=until, month=12, day=31),
                )
            )
            year = until + 1
        for document in TEXTS["documents"]:
            title, kind = document["title"], document["kind"]
            roll = rng.random()
            if roll < 0.55:
                adopted = self.first_day + timedelta(days=rng.randrange(span))
                documents.append(
                    SteeringDocument(
                        organisation=organisation,
                        title=title,
                        kind=kind,
                        status="in_force",
                        adopted_on=adopted,
                        updated_by=rng.choice(editors),
                    )
                )
            elif roll < 0.75:
                documents.append(
                    SteeringDocument(
                        organisation=organisation,
                        title=title,
                        kind=kind,
                        status=rng.choice(["planned", "missing"]),
                        updated_by=rng.choice(editors),
                    )
                )

        made["collaborations"] = collaborations = []
        for partner in rng.sample(others, rng.randint(2, 5)):
            since = self.first_day + timedelta(days=rng.randrange(span))
            ended = since + timedelta(days=rng.randint(180, 1500)) if rng.random() < 0.2 else None
            collaborations.append(
                Collaboration(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    partner=partner,
                    level=rng.choice(["informal", "informal", "formal", "strategic"]),
                    since=since,
                    ended_on=ended if ended and ended < today else None,
                    description=phrases["collaboration_with_member"].format(
                        partner=partner.short_name
                    ),
                )
            )
        for outside in rng.sample(outside_partners, rng.randint(0, 2)):
            collaborations.append(
                Collaboration(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    outside_partner=outside,
                    level=rng.choice(["informal", "formal"]),
                    since=self.first_day + timedelta(days=rng.randrange(span)),
                    description=phrases["collaboration_with_outside"].format(partner=outside),
                )
            )

        made["needs"] = needs = []
        for _i in range(self.years * rng.randint(1, 2)):
            noted = self.first_day + timedelta(days=rng.randrange(span))
            met = noted + timedelta(days=rng.randint(90, 900))
            need = rng.choice(TEXTS["need_texts"])
            kind, text = need["kind"], need["text"]
            needs.append(
                Need(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    kind=kind,
                    description=text,
                    priority=rng.choice(["high", "medium", "medium", "low"]),
                    noted_on=noted,
                    met_on=met if met < today and rng.random() < 0.8 else None,
                )
            )
        return made

    def _snapshot(self, organisation, period):
        """The records of the organisation in force during the period (current_in)."""
        snapshot = {}
        for slug in ("aktiviteter", "styrdokument", "samverkan", "behov"):
            rows = self.records.get(organisation.pk, {}).get(slug, [])
            # Sorted by start: only those starting by the period's end can be current.
            upto = bisect.bisect_right(
                rows, period.ends_on, key=lambda row: row[0] or self.first_day
            )
            snapshot[slug] = [
                data for start, end, data in rows[:upto] if end is None or end >= period.starts_on
            ]
        return snapshot
