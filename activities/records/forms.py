"""Forms for the four kinds of record, each scoped to one group."""

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Collaboration, Need, SteeringDocument
from members.form_errors import Form, ModelForm

from .uploads import detect_document_type

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TextAreaField(forms.CharField):
    """A text typed in a textarea. Browsers send each line break as CR LF but count it as
    one character against the textarea's maxlength; the line endings are made LF before
    the length is checked, so a text the browser let through is not refused for its
    line breaks (and is stored with line endings normalised, as the answers are)."""

    widget = forms.Textarea

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class GroupScopedForm(ModelForm):
    """A record form whose choices come from one group (and leave out the owner)."""

    def __init__(self, *args, group, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.organisation = organisation

    def _member_choices(self):
        others = self.group.organisations.current()
        if self.organisation is not None:
            others = others.exclude(pk=self.organisation.pk)
        return others.order_by("order", "name")


class ActivityForm(GroupScopedForm):
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "status",
            "starts_on",
            "ends_on",
            "description",
            "target_groups",
            "partners",
            "outside_partners",
            "participants",
            "link",
        ]
        field_classes = {"description": TextAreaField}
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "target_groups": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_groups"].queryset = self.group.target_groups.all()
        self.fields["partners"].queryset = self._member_choices()

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The activity cannot end before it starts."))
        return cleaned


class SteeringDocumentForm(GroupScopedForm):
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = SteeringDocument
        fields = ["title", "kind", "status", "adopted_on", "closed_on", "link", "file"]
        widgets = {"adopted_on": DateInput(), "closed_on": DateInput()}
        help_texts = {"file": _("PDF, Word (DOCX) or OpenDocument (ODT), at most 10 MB.")}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or upload is False or not hasattr(upload, "content_type"):
            return upload  # no new file (or the old one kept / cleared)
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."), code="too_large")
        # The type found in the content; the uploader's name and extension are not kept.
        self.detected_type = detect_document_type(upload)
        return upload


class CollaborationForm(GroupScopedForm):
    class Meta:
        model = Collaboration
        fields = ["partner", "outside_partner", "level", "since", "ended_on", "description"]
        field_classes = {"description": TextAreaField}
        widgets = {
            "since": DateInput(),
            "ended_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = self._member_choices()

    def clean(self):
        cleaned = super().clean()
        partner, outside = cleaned.get("partner"), (cleaned.get("outside_partner") or "").strip()
        if bool(partner) == bool(outside):
            self.add_error(
                "partner",
                _("Choose a member organisation or name a body outside the group (one of them)."),
            )
        cleaned["outside_partner"] = outside
        return cleaned


class NeedForm(GroupScopedForm):
    class Meta:
        model = Need
        fields = ["kind", "priority", "description", "noted_on", "met_on"]
        field_classes = {"description": TextAreaField}
        widgets = {
            "noted_on": DateInput(),
            "met_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class RecordFilterForm(Form):
    """Filters for a list of records; every field optional."""

    # As long as the search page's; a much longer pattern is too complex for PostgreSQL.
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("All")
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    target_group = forms.ModelChoiceField(
        label=_("Target group"), queryset=None, required=False, empty_label=_("All")
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, group, spec, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = group.organisations.order_by("order", "name")
        self.fields["kind"].choices = [("", _("All"))] + list(spec.kind_choices)
        if spec.status_choices:
            self.fields["status"].choices = [("", _("All"))] + list(spec.status_choices)
        else:
            del self.fields["status"]
        if spec.has_target_groups:
            self.fields["target_group"].queryset = group.target_groups.all()
        else:
            del self.fields["target_group"]


class OrganisationChoiceForm(Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class TargetGroupForm(Form):
    name = forms.CharField(label=_("New target group"), max_length=80)
