"""Error messages that name the field and say how to put it right (GOV.UK pattern), and
"Välj …" instead of "---------" as the empty choice of a select.

Every form of the product inherits ``ClearErrorsMixin`` (through ``Form`` or ``ModelForm``
below, or directly for Django's own forms): the messages are filled in from each field's
label and widget when the form is made, so a new field needs nothing of its own."""

from django import forms
from django.forms.utils import pretty_name
from django.utils.translation import gettext as _

BLANK_LABEL = "---------"
CHOOSING_WIDGETS = (forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple)


def _name(field, name):
    label = str(field.label if field.label is not None else pretty_name(name)).strip()
    # "E-postadress" → "e-postadress", but an abbreviation such as "URL" keeps its case.
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _chooses(field):
    return isinstance(field.widget, CHOOSING_WIDGETS) or isinstance(
        field, (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField, forms.FileField)
    )


FORMATTED_LATER = {"max_length", "min_length", "min_value", "max_value", "invalid_choice"}


def _messages(field):
    """{error code: message} for one field, with %(field)s where its name goes."""
    messages = {
        "required": _("Choose %(field)s") if _chooses(field) else _("Enter %(field)s"),
        "max_length": _(
            "%(Field)s can be at most %(limit_value)d characters (it has %(show_value)d)"
        ),
        "min_length": _(
            "%(Field)s must be at least %(limit_value)d characters (it has %(show_value)d)"
        ),
        "invalid_choice": _("Choose one of the options for %(field)s"),
    }
    if isinstance(field, forms.EmailField):
        messages["invalid"] = _(
            "Enter an e-mail address in the correct format, like name@kommun.se"
        )
    elif isinstance(field, forms.URLField):
        messages["invalid"] = _("Enter %(field)s as a full web address, like https://www.kommun.se")
    elif isinstance(field, forms.DateField):
        # A date's label is often a verb ("Börjar"), so the name leads the message.
        messages["invalid"] = _("%(Field)s: enter the date as YYYY-MM-DD, like 2027-03-31")
        messages["required"] = messages["invalid"]
    elif isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        messages["invalid"] = _("Enter %(field)s as a number")
        messages["min_value"] = _("%(Field)s must be %(limit_value)s or more")
        messages["max_value"] = _("%(Field)s must be %(limit_value)s or less")
    elif isinstance(field, forms.FileField):
        messages["invalid"] = _("Choose a file for %(field)s")
        messages["empty"] = _("The chosen file for %(field)s is empty")
    return messages


def _with_name(message, code, name):
    if code in FORMATTED_LATER:  # Django %-formats these once more with their limits
        name = name.replace("%", "%%")
    return message.replace("%(field)s", name).replace("%(Field)s", name[:1].upper() + name[1:])


def _choose_label(field, name):
    return _("Choose %(field)s").replace("%(field)s", name)


def clarify(form):
    """Give every field of the form its named messages and its "Välj …" empty choice."""
    for field_name, field in form.fields.items():
        name = _name(field, field_name)
        for code, message in _messages(field).items():
            field.error_messages[code] = _with_name(message, code, name)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None and str(field.empty_label) == BLANK_LABEL:
                field.empty_label = _choose_label(field, name)
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] in ("", None) and str(choices[0][1]) == BLANK_LABEL:
                field.choices = [("", _choose_label(field, name))] + choices[1:]


class ClearErrorsMixin:
    """Named, actionable error messages for every field (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        clarify(self)

    def full_clean(self):
        clarify(self)  # again, for fields a form adds after its __init__ (the answers)
        super().full_clean()


class Form(ClearErrorsMixin, forms.Form):
    pass


class ModelForm(ClearErrorsMixin, forms.ModelForm):
    pass
