from django import forms
from django.db import models
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from activities.models import RelatedReport, Report, ReportContact, ReportSection, ReportSignatory
from activities.records.forms import DateInput
from members.form_errors import Form, ModelForm


class PeriodSpanForm(Form):
    """The consecutive periods a report covers."""

    first_period = forms.ModelChoiceField(label=_("First period"), queryset=None)
    last_period = forms.ModelChoiceField(label=_("Last period"), queryset=None)

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        periods = group.periods.order_by("-starts_on")
        self.fields["first_period"].queryset = periods
        self.fields["last_period"].queryset = periods

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_period"), cleaned.get("last_period")
        if first and last and first.starts_on > last.starts_on:
            self.add_error("last_period", _("The last period must not come before the first."))
        return cleaned


class ReportForm(ModelForm):
    class Meta:
        model = Report
        fields = [
            "title",
            "subtitle",
            "county",
            "issuer",
            "year",
            "foreword",
            "foreword_place",
            "foreword_date",
            "no_report_sentence",
            "include_trends",
            "appendix_description",
        ]
        widgets = {
            "foreword": forms.Textarea(attrs={"rows": 8}),
            "foreword_date": DateInput(),
            "appendix_description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, chart_titles=(), **kwargs):
        """chart_titles: the trend charts this report may carry (reports.trends); with
        none, the switch is not offered and the saved choice is left as it is."""
        super().__init__(*args, **kwargs)
        if not chart_titles:
            del self.fields["include_trends"]
        else:
            charts = "; ".join(str(title) for title in chart_titles)
            help_text = _("For the covered periods: %(charts)s.") % {"charts": charts}
            self.fields["include_trends"].help_text = help_text


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def _formset(model, fields, widgets=None):
    return inlineformset_factory(
        Report,
        model,
        fields=fields,
        extra=1,
        can_delete=True,
        widgets=widgets or {},
        labels={"order": _("Order")},  # the models' "order" has no translated name
        formfield_callback=_formfield,
        form=ModelForm,
    )


SignatoryFormSet = _formset(ReportSignatory, ["order", "name", "title"])
SectionFormSet = _formset(
    ReportSection,
    ["order", "heading", "text", "include_member_list"],
    {"text": forms.Textarea(attrs={"rows": 6})},
)
RelatedReportFormSet = _formset(RelatedReport, ["order", "title", "author", "published", "link"])
ContactFormSet = _formset(
    ReportContact, ["order", "name", "role", "organisation", "email", "phone", "functional_email"]
)

FORMSETS = {
    "signatories": (SignatoryFormSet, _("Signatories of the foreword")),
    "sections": (SectionFormSet, _("Introductory sections")),
    "related": (RelatedReportFormSet, _("Related reports and surveys")),
    "contacts": (ContactFormSet, _("Contact people in the appendix")),
}


class PublishForm(Form):
    change_note = forms.CharField(
        label=_("What is new in this version"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    is_public = forms.BooleanField(
        label=_("Publish for the public (readable without signing in)"), required=False
    )
