from django import forms
from django.utils.translation import gettext_lazy as _

from members.form_errors import Form


class SearchForm(Form):
    """The search box of the status pages: a NUL, which no database search takes, is
    refused with a message, as in every other form."""

    q = forms.CharField(label=_("Search"), required=False)
