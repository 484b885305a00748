"""The four kinds of record described once: model, form, filters, columns, snapshot.

Views, exports, the submission page and the snapshot on approval all read this table,
so a kind's fields are listed in one place.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Collaboration,
    CollaborationLevel,
    Need,
    NeedKind,
    NeedPriority,
    SteeringDocument,
    SteeringDocumentKind,
    SteeringDocumentStatus,
)

from .forms import ActivityForm, CollaborationForm, NeedForm, SteeringDocumentForm


def _iso(value):
    return value.isoformat() if value else ""


def _label(choices, value):
    return dict(choices.choices).get(value, value)


@dataclass(frozen=True)
class RecordKind:
    slug: str
    model: type
    form_class: type
    title: str
    singular: str
    definite: str
    add_label: str
    kind_field: str
    kind_choices: object
    kind_label: str
    status_choices: object = None
    has_target_groups: bool = False
    search_fields: tuple = ()
    select_related: tuple = ("organisation",)
    prefetch_related: tuple = ()
    columns: tuple = field(default_factory=tuple)

    @property
    def start_field(self):
        return self.model.START_FIELD

    @property
    def end_field(self):
        return self.model.END_FIELD

    def queryset(self, group):
        return (
            self.model.objects.for_group(group)
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch_related)
        )

    def filter(self, queryset, data):
        """Apply the cleaned data of a RecordFilterForm."""
        if data.get("organisation"):
            queryset = queryset.filter(organisation=data["organisation"])
        if data.get("kind"):
            queryset = queryset.filter(**{self.kind_field: data["kind"]})
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("target_group"):
            queryset = queryset.filter(target_groups=data["target_group"])
        if data.get("date_from"):
            queryset = queryset.filter(
                Q(**{f"{self.end_field}__isnull": True})
                | Q(**{f"{self.end_field}__gte": data["date_from"]})
            )
        if data.get("date_to"):
            queryset = queryset.filter(
                Q(**{f"{self.start_field}__isnull": True})
                | Q(**{f"{self.start_field}__lte": data["date_to"]})
            )
        if data.get("q"):
            # A case-insensitive regex rather than icontains: SQLite's LIKE folds only
            # ASCII, so "VÅRDEN" would not find "vården" in the embedded database.
            pattern = re.escape(data["q"].strip())
            words = Q()
            for name in self.search_fields:
                words |= Q(**{f"{name}__iregex": pattern})
            queryset = queryset.filter(words)
        return queryset.distinct() if data.get("target_group") else queryset


def activity_data(record):
    return {
        "id": record.pk,
        "organisation": record.organisation.name,
        "title": record.title,
        "kind": record.kind,
        "status": record.status,
        "starts_on": _iso(record.starts_on),
        "ends_on": _iso(record.ends_on),
        "description": record.description,
        "target_groups": [t.name for t in record.target_groups.all()],
        "partners": [p.name for p in record.partners.all()]
        + [p.strip() for p in record.outside_partners.split(",") if p.strip()],
        "participants": record.participants,
        "link": record.link,
    }


def steering_document_data(record):
    return {
        "id": record.pk,
        "organisation": record.organisation.name,
        "title": record.title,
        "kind": record.kind,
        "status": record.status,
        "adopted_on": _iso(record.adopted_on),
        "closed_on": _iso(record.closed_on),
        "link": record.link,
        "file_name": record.download_name if record.file else "",
    }


def collaboration_data(record):
    return {
        "id": record.pk,
        "organisation": record.organisation.name,
        "partner": record.partner_name,
        "partner_is_member": record.partner_id is not None,
        "level": record.level,
        "since": _iso(record.since),
        "ended_on": _iso(record.ended_on),
        "description": record.description,
    }


def need_data(record):
    return {
        "id": record.pk,
        "organisation": record.organisation.name,
        "kind": record.kind,
        "priority": record.priority,
        "description": record.description,
        "noted_on": _iso(record.noted_on),
        "met_on": _iso(record.met_on),
    }


def present(kind_slug, data):
    """A snapshot or live record's data with labels, for templates."""
    shown = dict(data)
    for key, value in data.items():
        if key.endswith("_on") or key == "since":
            shown[key] = date.fromisoformat(value) if value else None
    choices = {
        "aktiviteter": {"kind": ActivityKind, "status": ActivityStatus},
        "styrdokument": {"kind": SteeringDocumentKind, "status": SteeringDocumentStatus},
        "samverkan": {"level": CollaborationLevel},
        "behov": {"kind": NeedKind, "priority": NeedPriority},
    }[kind_slug]
    for key, enum in choices.items():
        shown[f"{key}_label"] = _label(enum, data.get(key))
    # A short name for the record, for buttons read out by screen readers.
    shown["label"] = (
        data.get("title") or data.get("partner") or (data.get("description") or "")[:40]
    )
    return shown


ACTIVITIES = RecordKind(
    slug="aktiviteter",
    model=Activity,
    form_class=ActivityForm,
    title=_("Activities"),
    singular=_("activity"),
    definite=_("the activity"),
    add_label=_("Add an activity"),
    kind_field="kind",
    kind_choices=ActivityKind.choices,
    kind_label=_("Kind"),
    status_choices=ActivityStatus.choices,
    has_target_groups=True,
    search_fields=("title", "description", "outside_partners"),
    prefetch_related=("target_groups", "partners"),
    columns=(
        (_("Organisation"), lambda d: d["organisation"]),
        (_("Title"), lambda d: d["title"]),
        (_("Kind"), lambda d: d["kind_label"]),
        (_("Status"), lambda d: d["status_label"]),
        (_("Starts"), lambda d: d["starts_on"]),
        (_("Ends"), lambda d: d["ends_on"]),
        (_("Target groups"), lambda d: ", ".join(d["target_groups"])),
        (_("Partners"), lambda d: ", ".join(d["partners"])),
        (_("Participants"), lambda d: d["participants"]),
        (_("Link"), lambda d: d["link"]),
        (_("Description"), lambda d: d["description"]),
    ),
)
STEERING_DOCUMENTS = RecordKind(
    slug="styrdokument",
    model=SteeringDocument,
    form_class=SteeringDocumentForm,
    title=_("Steering documents"),
    singular=_("steering document"),
    definite=_("the steering document"),
    add_label=_("Add a steering document"),
    kind_field="kind",
    kind_choices=SteeringDocumentKind.choices,
    kind_label=_("Kind"),
    status_choices=SteeringDocumentStatus.choices,
    search_fields=("title",),
    columns=(
        (_("Organisation"), lambda d: d["organisation"]),
        (_("Title"), lambda d: d["title"]),
        (_("Kind"), lambda d: d["kind_label"]),
        (_("Status"), lambda d: d["status_label"]),
        (_("Adopted"), lambda d: d["adopted_on"]),
        (_("No longer in force from"), lambda d: d["closed_on"]),
        (_("Link"), lambda d: d["link"]),
        (_("File"), lambda d: d["file_name"]),
    ),
)
COLLABORATIONS = RecordKind(
    slug="samverkan",
    model=Collaboration,
    form_class=CollaborationForm,
    title=_("Collaborations"),
    singular=_("collaboration"),
    definite=_("the collaboration"),
    add_label=_("Add a collaboration"),
    kind_field="level",
    kind_choices=CollaborationLevel.choices,
    kind_label=_("Level"),
    search_fields=("description", "outside_partner", "partner__name"),
    select_related=("organisation", "partner"),
    columns=(
        (_("Organisation"), lambda d: d["organisation"]),
        (_("Partner"), lambda d: d["partner"]),
        (_("Level"), lambda d: d["level_label"]),
        (_("Since"), lambda d: d["since"]),
        (_("Ended"), lambda d: d["ended_on"]),
        (_("Description"), lambda d: d["description"]),
    ),
)
NEEDS = RecordKind(
    slug="behov",
    model=Need,
    form_class=NeedForm,
    title=_("Needs"),
    singular=_("need"),
    definite=_("the need"),
    add_label=_("Add a need"),
    kind_field="kind",
    kind_choices=NeedKind.choices,
    kind_label=_("Kind"),
    search_fields=("description",),
    columns=(
        (_("Organisation"), lambda d: d["organisation"]),
        (_("Kind"), lambda d: d["kind_label"]),
        (_("Priority"), lambda d: d["priority_label"]),
        (_("Description"), lambda d: d["description"]),
        (_("Noted"), lambda d: d["noted_on"]),
        (_("Met or dropped"), lambda d: d["met_on"]),
    ),
)

KINDS = {spec.slug: spec for spec in (ACTIVITIES, STEERING_DOCUMENTS, COLLABORATIONS, NEEDS)}
DATA = {
    "aktiviteter": activity_data,
    "styrdokument": steering_document_data,
    "samverkan": collaboration_data,
    "behov": need_data,
}


def record_data(spec, record):
    return DATA[spec.slug](record)
