"""Is a report ready to publish? The organisations whose answers are not approved (and
what the coordinator chose to do with each), the periods still open, the empty parts.

Also the one place that tells an organisation's state over the report's periods, which
the compiled content uses to say the right sentence."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from activities.models import (
    Answer,
    PeriodState,
    RelatedReport,
    Report,
    ReportContact,
    ReportSection,
    ReportSignatory,
    Submission,
    SubmissionStatus,
)
from activities.reporting.reads import NOT_STARTED, STATE_LABELS
from members.form_errors import Form

# What becomes of an organisation that is not ready (Report.not_ready_choices).
WAIT, LEAVE_OUT, SENTENCE = "wait", "leave_out", "sentence"
CHOICES = [
    (SENTENCE, _("Print the sentence in its chapter")),
    (LEAVE_OUT, _("Leave it out of this version (no chapter)")),
    (WAIT, _("Wait: don't publish yet")),
]
DEFAULT_CHOICE = SENTENCE

NOT_APPROVED_SENTENCE = _("The organisation's answers for the period have not yet been approved.")


def members_during(group, first, last):
    return group.organisations.filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=last.ends_on),
        Q(left_on__isnull=True) | Q(left_on__gt=first.starts_on),
    )


def submission_states(periods):
    """Organisation id → its state over the periods (one query): approved if any period's
    answers are approved; else the state of its latest submission with any answer
    written; an empty draft, or none, is "not started"."""
    # A blank answer is stored as "" (reporting.services.normalise_text).
    written = Answer.objects.filter(submission=OuterRef("pk")).exclude(text="")
    rows = (
        Submission.objects.filter(period__in=periods)
        .annotate(written=Exists(written))
        .order_by("period__starts_on")
        .values_list("organisation_id", "status", "written")
    )
    states = {}
    for organisation_id, status, has_text in rows:
        if states.get(organisation_id) == SubmissionStatus.APPROVED:
            continue
        if status == SubmissionStatus.APPROVED:
            states[organisation_id] = status
        elif has_text:
            states[organisation_id] = status  # later periods overwrite
        else:
            states.setdefault(organisation_id, NOT_STARTED)
    return states


def choice_for(report, organisation_id):
    return (report.not_ready_choices or {}).get(str(organisation_id), DEFAULT_CHOICE)


def not_ready_sentence(report, state):
    """The sentence an organisation's chapter prints when it has no approved answers."""
    if state in (None, NOT_STARTED):
        return report.no_report_sentence
    return str(NOT_APPROVED_SENTENCE)


def _empty_parts(report):
    """The names of the report's parts that are empty (one query)."""
    lists = {
        "has_signatories": (ReportSignatory, _("Signatories of the foreword")),
        "has_sections": (ReportSection, _("Introductory sections")),
        "has_related": (RelatedReport, _("Related reports and surveys")),
        "has_contacts": (ReportContact, _("Contact people in the appendix")),
    }
    has = (
        Report.objects.filter(pk=report.pk)
        .annotate(
            **{
                key: Exists(model.objects.filter(report=OuterRef("pk")))
                for key, (model, _label) in lists.items()
            }
        )
        .values(*lists)
        .get()
    )
    parts = []
    if not report.foreword.strip():
        parts.append(capfirst(Report._meta.get_field("foreword").verbose_name))
    parts.extend(label for key, (_model, label) in lists.items() if not has[key])
    if not report.appendix_description.strip():
        parts.append(capfirst(Report._meta.get_field("appendix_description").verbose_name))
    return parts


def report_readiness(report):
    """What is not ready in the report, for the readiness page (four queries)."""
    periods = list(report.periods())
    organisations = list(
        members_during(report.group, periods[0], periods[-1]).order_by("order", "name")
    )
    states = submission_states(periods)
    not_ready = []
    for organisation in organisations:
        state = states.get(organisation.pk, NOT_STARTED)
        if state == SubmissionStatus.APPROVED:
            continue
        not_ready.append(
            {
                "organisation": organisation,
                "state": state,
                "state_label": STATE_LABELS[state],
                "choice": choice_for(report, organisation.pk),
            }
        )
    open_periods = [p for p in periods if p.state in (PeriodState.OPEN, PeriodState.UPCOMING)]
    empty_parts = _empty_parts(report)
    return {
        "not_ready": not_ready,
        "waiting": [row for row in not_ready if row["choice"] == WAIT],
        "open_periods": open_periods,
        "empty_parts": empty_parts,
        "is_ready": not (not_ready or open_periods or empty_parts),
    }


class NotReadyChoicesForm(Form):
    """One choice per organisation that is not ready."""

    def __init__(self, *args, not_ready, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = not_ready
        for row in not_ready:
            self.fields[f"org_{row['organisation'].pk}"] = forms.ChoiceField(
                label=row["organisation"].name,
                choices=CHOICES,
                initial=row["choice"],
                widget=forms.RadioSelect,
            )

    def choices(self):
        """{organisation id (str): choice} from the valid form."""
        return {
            str(row["organisation"].pk): self.cleaned_data[f"org_{row['organisation'].pk}"]
            for row in self.rows
        }

    def rows_with_fields(self):
        return [(row, self[f"org_{row['organisation'].pk}"]) for row in self.rows]
