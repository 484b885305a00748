"""The audit line of a change made by one of the activities services."""

from members import audit


def logged(action, obj, *, by, group, detail=""):
    """An audit line for a change to a period, question, record or comment: who, which
    object, never its text (comments and needs are named without it: `audit_label`)."""
    audit.record(f"activities.{action}", actor=by, group=group, obj=obj, detail=detail)
