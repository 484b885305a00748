"""What each audit event code means, in words: the one mapping from code to label.

Every code that members.audit.record() is called with has a label here, in the interface's
language (tests/test_audit_labels.py parses the code base and fails for a code without
one). The audit log shows the label and a readable detail, never the code.

members imports no other app, so the submission states are written here once more;
the test holds them equal to activities.models.SubmissionStatus.
"""

import re

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from .models import Role

# Groups of events, in the order of the kind filter; each code below sits in one.
CATEGORIES = {
    "submissions": _("Answers and comments"),
    "periods": _("Periods and questions"),
    "records": _("Records"),
    "reports": _("Reports"),
    "members": _("Organisations and people"),
    "account": _("Sign-in and accounts"),
    "security": _("Security"),
}

EVENTS = {
    # Answers and comments
    "activities.submission.submitted": ("submissions", _("Answers submitted")),
    "activities.submission.approved": ("submissions", _("Answers approved")),
    "activities.submission.returned": ("submissions", _("Answers returned")),
    "activities.submission.reopened": ("submissions", _("Approved answers reopened")),
    "activities.comment.created": ("submissions", _("Comment written")),
    "activities.comment.resolved": ("submissions", _("Comment marked as resolved")),
    # Periods and questions
    "activities.period.created": ("periods", _("Period created")),
    "activities.period.updated": ("periods", _("Period changed")),
    "activities.period.locked": ("periods", _("Period locked")),
    "activities.period.unlocked": ("periods", _("Period unlocked")),
    "activities.period.opened_early": ("periods", _("Period opened for answers early")),
    "activities.period.reminded": ("periods", _("Organisation reminded")),
    "activities.question.created": ("periods", _("Question added")),
    "activities.question.updated": ("periods", _("Question changed")),
    "activities.question.deleted": ("periods", _("Question removed")),
    "activities.question.moved": ("periods", _("Question moved")),
    # Records
    "activities.record.created": ("records", _("Record added")),
    "activities.record.updated": ("records", _("Record changed")),
    "activities.record.closed": ("records", _("Record closed")),
    "activities.records.exported": ("records", _("Records exported")),
    "activities.document.downloaded": ("records", _("Steering document downloaded")),
    "activities.target_group.created": ("records", _("Target group added")),
    "activities.target_group.deleted": ("records", _("Target group removed")),
    # Reports
    "activities.report.created": ("reports", _("Report draft created")),
    "activities.report.updated": ("reports", _("Report draft saved")),
    "activities.report.contacts_refreshed": ("reports", _("Report contacts fetched anew")),
    "activities.report.not_ready_choices": (
        "reports",
        _("Report: choices for organisations not ready saved"),
    ),
    "activities.report.published": ("reports", _("Report published")),
    "activities.report.made_public": ("reports", _("Report version made public")),
    "activities.report.unpublished": ("reports", _("Report version no longer public")),
    "activities.report.downloaded": ("reports", _("Report file downloaded")),
    "activities.report.downloaded_public": ("reports", _("Public report file downloaded")),
    # Organisations and people
    "members.group.created": ("members", _("Group created")),
    "members.group.settings_changed": ("members", _("Group settings changed")),
    "activities.group.exported": ("members", _("Group exported to a file")),
    "activities.group.imported": ("members", _("Group imported from a file")),
    "members.organisation.created": ("members", _("Organisation added")),
    "members.organisation.updated": ("members", _("Organisation changed")),
    "members.organisation.moved": ("members", _("Organisation moved in the order")),
    "members.invitation.sent": ("members", _("Invitation sent")),
    "members.invitation.revoked": ("members", _("Invitation withdrawn")),
    "members.invitation.accepted": ("members", _("Invitation accepted")),
    "members.membership.changed": ("members", _("Roles changed")),
    "members.membership.deactivated": ("members", _("Person deactivated")),
    # Sign-in and accounts (lines of a person, not of a group: the site operator's)
    "members.person.blocked": ("account", _("Account blocked by the site operator")),
    "members.person.unblocked": ("account", _("Account block lifted")),
    "members.sign_in": ("account", _("Signed in")),
    "members.sign_in_failed": ("account", _("Sign-in failed")),
    "members.sign_out": ("account", _("Signed out")),
    "members.person.account_changed": ("account", _("Own account details changed")),
    "members.person.notifications_changed": ("account", _("Notification choices changed")),
    "members.person.language_changed": ("account", _("Language changed")),
    "members.two_factor.enrolled": ("account", _("Two-step verification turned on")),
    "members.two_factor.verified": ("account", _("Two-step verification code accepted")),
    "members.two_factor.failed": ("account", _("Wrong two-step verification code")),
    "members.two_factor.backup_codes_renewed": ("account", _("New backup codes made")),
    "members.two_factor.disabled": ("account", _("Two-step verification turned off")),
    # Security (the site operator's lines: they carry no group)
    "security.lockout": ("security", _("Sign-in locked after repeated failures")),
    "security.refused": ("security", _("Refused: outside the person's groups")),
    "security.not_found": ("security", _("Asked for something that does not exist")),
    "security.permission_denied": ("security", _("Refused: the role does not allow it")),
}

# activities.models.SubmissionStatus, in words (held equal by the test).
SUBMISSION_STATES = {
    "draft": _("Draft"),
    "submitted": _("Submitted"),
    "returned": _("Returned"),
    "approved": _("Approved"),
}

_DIRECTIONS = {"up": pgettext_lazy("moved", "up"), "down": pgettext_lazy("moved", "down")}

# Details that are one word of the code's own, by event.
_WORDS = {
    ("activities.comment.created", "reply"): _("a reply in a thread"),
    ("activities.report.published", "public"): _("for the group and the public"),
    ("activities.report.published", "group"): _("for the group only"),
}
# Objects named without their text (a comment, a need: their `audit_label`).
_OBJECTS = {"comment": _("comment"), "reply": _("reply")}
_NEED = re.compile(r"^need \((\w+)\)$")
_TAGGED = re.compile(r"^(\d+) tagged$")
_ROWS = re.compile(r"^(\w+) (\w+) (\d+) rows$")


def label(code):
    """The event's label; an unknown code (a line older than this list) shows as it is."""
    event = EVENTS.get(code)
    return event[1] if event else code


# The categories whose lines carry no group: a person's own account and sign-ins, and
# refusals. They are the site operator's (in the admin), never in a group's log.
WITHOUT_GROUP = {"account", "security"}


def kind_choices():
    """The kind filter of a group's log: the events by category, without the categories
    whose lines never carry a group."""
    grouped = {category: [] for category in CATEGORIES if category not in WITHOUT_GROUP}
    for code, (category, text) in EVENTS.items():
        if category in grouped:
            grouped[category].append((code, text))
    return [(CATEGORIES[category], events) for category, events in grouped.items() if events]


def detail(event):
    """The event's detail in words: states, roles, directions and field names as the
    interface names them; anything else as it was logged."""
    text = event.detail
    if not text:
        return ""
    action = event.action
    if action.startswith("activities.submission.") and " → " in text:
        before, after = text.split(" → ", 1)
        if before in SUBMISSION_STATES and after in SUBMISSION_STATES:
            return f"{SUBMISSION_STATES[before]} → {SUBMISSION_STATES[after]}"
    if text in _DIRECTIONS:
        return str(_DIRECTIONS[text])
    if (action, text) in _WORDS:
        return str(_WORDS[action, text])
    if tagged := _TAGGED.match(text):  # a removed target group
        count = int(tagged[1])
        return ngettext("%(count)d activity had it", "%(count)d activities had it", count) % {
            "count": count
        }
    if rows := _ROWS.match(text):  # an export: "aktiviteter csv 12 rows"
        count = int(rows[3])
        return ngettext(
            "%(kind)s as %(format)s, %(count)d row",
            "%(kind)s as %(format)s, %(count)d rows",
            count,
        ) % {"kind": rows[1], "format": rows[2].upper(), "count": count}
    if action == "members.person.language_changed":
        return str(dict(settings.LANGUAGES).get(text, text))
    if action == "members.membership.changed":  # "coordinator; Polisen, Regionen"
        role, _sep, rest = text.partition("; ")
        return f"{_role(role)}; {rest}" if rest else _role(role)
    if action == "members.invitation.sent":  # "representative Polisen"
        role, _sep, rest = text.partition(" ")
        return f"{_role(role)} {rest}".strip()
    return _fields_in_words(event, text)


def object_text(event):
    """The object's name; a comment or a need, logged without its text, in words."""
    text = event.object_repr
    if event.object_type == "activities.comment" and text in _OBJECTS:
        return str(_OBJECTS[text])
    need = _NEED.match(text) if event.object_type == "activities.need" else None
    if need:
        kinds = dict(apps.get_model("activities", "need")._meta.get_field("kind").flatchoices)
        return f"{_('need')} ({kinds.get(need[1], need[1])})"
    return text


def _role(value):
    return str(dict(Role.choices).get(value, "–" if value == "-" else value))


def _model_of(event):
    try:
        return apps.get_model(event.object_type) if event.object_type else None
    except (LookupError, ValueError):
        return None


def _fields_in_words(event, text):
    """A list of changed fields ("title, starts_on") as the fields' names in the interface."""
    model = _model_of(event)
    if model is None:
        return text
    names = text.split(", ")
    fields = {f.name: f for f in model._meta.get_fields() if hasattr(f, "verbose_name")}
    if not all(name in fields for name in names):
        return text
    return ", ".join(str(fields[name].verbose_name) for name in names)
