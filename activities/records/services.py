"""Workflows on the organisations' records (activities, steering documents,
collaborations, needs) and the group's target groups."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from activities.log import logged
from activities.models import (
    Activity,
    ActivityStatus,
    Collaboration,
    Need,
    SteeringDocument,
    TargetGroup,
)
from activities.models.records import DEFAULT_TARGET_GROUPS


def record_save(*, spec, form, organisation, by):
    """Create or update a record from a valid form, owned by `organisation`."""
    with transaction.atomic():
        record = form.save(commit=False)
        adding = record._state.adding
        record.organisation = organisation
        record.updated_by = by
        if hasattr(record, "file"):
            if getattr(form, "detected_type", None):
                record.file_type = form.detected_type
                # Stored under the title's name too, not the uploader's.
                record.file.name = record.download_name
            if record.file:
                record.file_name = record.download_name  # follows the title when it changes
            else:
                record.file_name = record.file_type = ""
        record.save()
        form.save_m2m()
        logged(
            "record.created" if adding else "record.updated",
            record,
            by=by,
            group=organisation.group,
            detail=", ".join(form.changed_data),
        )
    return record


def record_close(*, record, by, on=None):
    """Mark a record as no longer current from today: an activity done, a document no
    longer in force, a collaboration ended, a need met."""
    today = on or timezone.localdate()
    if isinstance(record, Activity):
        if record.status != ActivityStatus.CANCELLED:
            record.status = ActivityStatus.DONE
        record.ends_on = max(record.ends_on or today, record.starts_on)
    elif isinstance(record, SteeringDocument):
        record.closed_on = record.closed_on or today
    elif isinstance(record, Collaboration):
        record.ended_on = record.ended_on or today
    elif isinstance(record, Need):
        record.met_on = record.met_on or today
    record.updated_by = by
    with transaction.atomic():
        record.save()
        logged("record.closed", record, by=by, group=record.organisation.group)


def target_groups_seed(*, group):
    """Give a group the default target groups, unless it already has a list."""
    if not group.target_groups.exists():
        TargetGroup.objects.bulk_create(
            TargetGroup(group=group, name=name, order=i)
            for i, name in enumerate(DEFAULT_TARGET_GROUPS, 1)
        )


def target_group_add(*, group, name, by):
    last = group.target_groups.aggregate(last=Max("order"))["last"] or 0
    with transaction.atomic():
        target = TargetGroup.objects.create(group=group, name=name.strip(), order=last + 1)
        logged("target_group.created", target, by=by, group=group)
    return target


def target_group_delete(*, target, by):
    """Remove a target group; activities simply lose the tag. The activities' own lines say
    nothing of it, so the group's line counts them."""
    with transaction.atomic():
        tagged = target.activities.count()
        # Logged first: once deleted, the target group has no id to name.
        logged("target_group.deleted", target, by=by, group=target.group, detail=f"{tagged} tagged")
        target.delete()
