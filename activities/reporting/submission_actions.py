"""What a button on the submission page asks for.

The answers form has one set of fields and several buttons; each button sends its
`action` beside the answers, which are always saved first. Record buttons carry the kind
and the record they act on ("record-add-aktiviteter", "record-edit-behov-12").
"""

from dataclasses import dataclass
from enum import StrEnum

from activities.records.kinds import KINDS, RecordKind


class AnswersAction(StrEnum):
    """Save the answers, and then nothing more, go on to check them before sending
    (sending.submission_check), or fill the empty ones."""

    SAVE = "save"
    SUBMIT = "submit"
    CARRY_FORWARD = "carry_forward"


class RecordVerb(StrEnum):
    ADD = "add"
    EDIT = "edit"
    OPEN = "open"  # show the edit form of one record
    CLOSE = "close"


@dataclass(frozen=True)
class RecordAction:
    """After the answers are saved: add, edit, open for editing or close a record."""

    verb: RecordVerb
    kind: RecordKind
    pk: int | None = None

    @property
    def has_form(self):
        return self.verb in (RecordVerb.ADD, RecordVerb.EDIT)

    @property
    def form_key(self):
        """The prefix of the record's inline form, and the page's ?andra= value."""
        if self.verb is RecordVerb.ADD:
            return f"new-{self.kind.slug}"
        return f"{self.kind.slug}-{self.pk}"


Action = AnswersAction | RecordAction


def whole_number(value):
    """The value as an int, or None when it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_action(value):
    """The Action a button sent. Anything else (no button: the form sent with Enter, or an
    unknown value) is a plain save, so typed answers are never lost."""
    values = {action.value for action in AnswersAction}
    if value in values:
        return AnswersAction(value)
    parts = (value or "").split("-")
    verbs = {verb.value for verb in RecordVerb}
    if len(parts) < 3 or parts[0] != "record" or parts[1] not in verbs or parts[2] not in KINDS:
        return AnswersAction.SAVE
    verb = RecordVerb(parts[1])
    if verb is RecordVerb.ADD:
        return RecordAction(verb, KINDS[parts[2]])
    pk = whole_number(parts[3]) if len(parts) > 3 else None
    return AnswersAction.SAVE if pk is None else RecordAction(verb, KINDS[parts[2]], pk)
