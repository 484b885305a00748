from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.models import ANSWER_MAX_LENGTH, Period, Question
from activities.records.forms import DateInput, TextAreaField
from members.form_errors import Form, ModelForm


class PeriodForm(ModelForm):
    class Meta:
        model = Period
        fields = ["name", "starts_on", "ends_on", "deadline"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "deadline": DateInput()}
        help_texts = {
            "deadline": _(
                "After the deadline late answers are still accepted until you lock the period."
            ),
        }

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Period.objects.filter(group=self.group, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("The group already has a period with this name."))
        return name

    def clean(self):
        cleaned = super().clean()
        starts, ends, deadline = (cleaned.get(k) for k in ("starts_on", "ends_on", "deadline"))
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The period cannot end before it starts."))
        if starts and deadline and deadline < starts:
            self.add_error("deadline", _("The deadline cannot be before the period starts."))
        return cleaned


class QuestionForm(ModelForm):
    class Meta:
        model = Question
        fields = ["title", "wording", "help_text", "kind"]
        widgets = {
            "wording": forms.Textarea(attrs={"rows": 4}),
            "help_text": forms.Textarea(attrs={"rows": 3}),
        }


def answer_field_name(question):
    return f"answer_{question.pk}"


class AnswersForm(Form):
    """One text field per question of the period, and the version the page was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[answer_field_name(question)] = TextAreaField(
                label=f"{question.number}. {question.title}",
                required=False,
                strip=False,
                max_length=ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 8, "class": "answer-text"}),
            )

    def texts(self):
        """{question id: text} of what was typed (valid or not), for saving or showing back."""
        source = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        result = {}
        for question in self.questions:
            name = answer_field_name(question)
            if name in source:
                result[question.pk] = source[name]
            elif self.is_bound:
                result[question.pk] = self.data.get(name, "")
        return result

    def answer_fields(self):
        """(question, bound field) pairs in questionnaire order, for the template."""
        return [(q, self[answer_field_name(q)]) for q in self.questions]


class ReasonForm(Form):
    """The reason for returning or reopening, or the note with an approval. Optional
    here: the workflow says when a reason is required."""

    reason = TextAreaField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )


class CommentForm(Form):
    text = TextAreaField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class SendAnswersForm(Form):
    """Sending from the check-your-answers page: the version the person checked, and,
    when questions are left unanswered, their explicit word that they mean it."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    confirm_unanswered = forms.BooleanField(required=False)

    def __init__(self, *args, unanswered, **kwargs):
        super().__init__(*args, **kwargs)
        self.unanswered = unanswered
        self.fields["confirm_unanswered"].label = ngettext(
            "I want to send the answers although %(count)d question is not answered",
            "I want to send the answers although %(count)d questions are not answered",
            unanswered,
        ) % {"count": unanswered}

    def clean(self):
        cleaned = super().clean()
        if self.unanswered and not cleaned.get("confirm_unanswered"):
            self.add_error(
                "confirm_unanswered",
                ngettext(
                    "Tick the box to send the answers with %(count)d question not answered, "
                    "or answer it first.",
                    "Tick the box to send the answers with %(count)d questions not answered, "
                    "or answer them first.",
                    self.unanswered,
                )
                % {"count": self.unanswered},
            )
        return cleaned
