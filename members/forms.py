import re

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from . import two_factor
from .emails import canonical_email
from .form_errors import ClearErrorsMixin, Form, ModelForm
from .models import CoordinationGroup, Membership, Organisation, Role, User


class SignInForm(ClearErrorsMixin, AuthenticationForm):
    """Sign in with e-mail and password. A person who gives the right password but may not
    sign in is told why: blocked by the site operator, or without a role in any group.
    A wrong password says only that (members.backends.SignInBackend)."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is wrong. Please try again."),
        "inactive": _(
            "Your account has been deactivated. Contact your group's coordinator "
            "if you need access again."
        ),
        "blocked": _(
            "Your account is blocked by the site operator. Contact them if you think this is wrong."
        ),
    }

    def confirm_login_allowed(self, user):
        if user.is_blocked:
            raise forms.ValidationError(self.error_messages["blocked"], code="blocked")
        super().confirm_login_allowed(user)


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "email", "joined_on", "left_on"]
        widgets = {
            "joined_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "left_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "short_name": _("Used in tables and lists, e.g. “Polisen”."),
            "left_on": _("Fill in when the organisation leaves the group. Its history is kept."),
        }

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Organisation.objects.filter(group=self.group, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("The group already has an organisation with this name."), code="unique"
            )
        return name

    def clean(self):
        cleaned = super().clean()
        joined, left = cleaned.get("joined_on"), cleaned.get("left_on")
        if joined and left and left < joined:
            self.add_error("left_on", _("The organisation cannot leave before it joined."))
        return cleaned


class InvitationForm(Form):
    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        initial=Role.REPRESENTATIVE,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Required for a representative: the organisation the person answers for."),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["organisation"].queryset = group.organisations.current()

    def clean_email(self):
        email = canonical_email(self.cleaned_data["email"])
        if User.objects.by_email(email).filter(blocked_at__isnull=False).exists():
            raise forms.ValidationError(
                _(
                    "The account of this address is blocked by the site operator. "
                    "Only the site operator can give it access again."
                ),
                code="blocked",
            )
        if Membership.objects.active().filter(group=self.group, user__email=email).exists():
            raise forms.ValidationError(
                _(
                    "This person is already a member of the group. "
                    "Change their roles on the people page instead."
                ),
                code="member",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.REPRESENTATIVE and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the organisation the person represents."))
        return cleaned


class RolesForm(Form):
    group_role = forms.ChoiceField(
        label=_("Role in the group"),
        choices=[("", _("None (only as a representative)"))]
        + [(Role.COORDINATOR, Role.COORDINATOR.label), (Role.READER, Role.READER.label)],
        required=False,
        widget=forms.RadioSelect,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Represents"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = group.organisations.current()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("group_role") and not cleaned.get("organisations"):
            raise forms.ValidationError(
                _("Choose at least one role. To take away all access, deactivate the person."),
                code="no_role",
            )
        return cleaned


class AcceptInvitationForm(Form):
    """A new person chooses their name and password."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class QueuedPasswordResetForm(ClearErrorsMixin, PasswordResetForm):
    """Password reset mails go through the outgoing queue like every other mail, so a
    mail server that is down is retried and never shown to the person as an error."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from .models import NotificationKind
        from .notifications import notify_address

        person = context.get("user")
        notify_address(
            kind=NotificationKind.PASSWORD_RESET,
            email=to_email,
            language=getattr(person, "language", None),
            template="password_reset",
            context={k: v for k, v in context.items() if k != "user"} | {"person": person},
        )


class NewPasswordForm(ClearErrorsMixin, SetPasswordForm):
    """The new password chosen from a reset link, with the product's error messages."""


class NotificationPreferencesForm(Form):
    """Which notifications a person gets, and how."""

    wanted = forms.MultipleChoiceField(
        label=_("E-mail me when"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    daily_digest = forms.TypedChoiceField(
        label=_("How"),
        choices=[
            ("0", _("One e-mail for each event, at once")),
            ("1", _("One daily digest with everything")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        help_text=_("Invitations and password resets always come at once."),
    )

    def __init__(self, *args, **kwargs):
        from .models import CHOOSABLE

        super().__init__(*args, **kwargs)
        self.fields["wanted"].choices = [(k.value, k.label) for k in CHOOSABLE]


class TwoFactorCodeForm(Form):
    """A code from the authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class GroupSettingsForm(ModelForm):
    """What the coordinator decides for the whole group."""

    class Meta:
        model = CoordinationGroup
        fields = [
            "description",
            "reminder_days_before_deadline",
            "returned_reminder_days",
            "coordinators_need_two_factor",
            "all_questions_required",
        ]

    def __init__(self, *args, coordinator, **kwargs):
        super().__init__(*args, **kwargs)
        self.coordinator = coordinator

    def clean_coordinators_need_two_factor(self):
        required = self.cleaned_data["coordinators_need_two_factor"]
        newly_required = required and not self.instance.coordinators_need_two_factor
        if newly_required and not two_factor.has_device(self.coordinator):
            raise forms.ValidationError(
                _("Set up two-step verification for your own account first."), code="no_device"
            )
        return required


class AccountForm(ModelForm):
    """A person's own details: the name, title and phone number others see wherever
    contacts are listed (the people list, a report's contacts), and their language."""

    class Meta:
        model = User
        fields = ["full_name", "title", "phone", "language"]
        labels = {
            "full_name": _("Full name"),
            "title": _("Title"),
            "phone": _("Phone"),
            "language": _("Language"),
        }
        help_texts = {
            "title": _("Your role at work, e.g. “Samordnare” or “Handläggare”."),
            "phone": _("A number where the group can reach you, e.g. 010-223 10 00."),
            "language": _("The language of the service's pages and of e-mails to you."),
        }
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not _PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Write the phone number with digits, e.g. 010-223 10 00 or +46 10 223 10 00."),
                code="invalid",
            )
        return phone


_PHONE = re.compile(r"\+?[0-9][0-9 ()\-]{4,38}")


class AuditLogFilterForm(Form):
    """The audit log's filters, kept in the address: person, kind of event, dates."""

    person = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    handelse = forms.ChoiceField(label=_("Event"), required=False)
    fran = forms.DateField(
        label=_("From (date)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    till = forms.DateField(
        label=_("To (date, inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, people, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Everyone"))] + [
            (person.pk, str(person)) for person in people
        ]
        self.fields["handelse"].choices = [("", _("Every event"))] + kinds

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("fran"), cleaned.get("till")
        if since and until and until < since:
            self.add_error("till", _("The end date cannot come before the start date."))
        return cleaned


class GroupCreateForm(Form):
    """The site operator's new coordination group, its issuing organisation and its first
    coordinator."""

    name = forms.CharField(
        label=_("Name of the group"),
        max_length=200,
        help_text=_("E.g. “Samordningsgruppen mot prostitution och människohandel i Skåne”."),
    )
    county = forms.CharField(label=_("County"), max_length=100, help_text=_("E.g. “Skåne”."))
    slug = forms.SlugField(
        label=_("Short address"),
        max_length=50,
        help_text=_(
            "Lower-case letters, digits and hyphens, e.g. “skane”: the group's pages "
            "are found at /grupp/skane/."
        ),
    )
    issuer_name = forms.CharField(
        label=_("Issuing organisation"),
        max_length=200,
        help_text=_(
            "The organisation that convenes the group and issues its reports, e.g. "
            "“Länsstyrelsen i Skåne län”. It becomes the group's first member "
            "organisation."
        ),
    )
    issuer_short_name = forms.CharField(
        label=_("Short name of the issuing organisation"),
        max_length=60,
        help_text=_("Used in tables and lists, e.g. “Länsstyrelsen”."),
    )
    coordinator_email = forms.EmailField(
        label=_("The first coordinator's e-mail address"),
        help_text=_(
            "Someone who already has an account becomes coordinator at once; anyone "
            "else gets an invitation by e-mail."
        ),
    )
    coordinator_name = forms.CharField(
        label=_("The first coordinator's full name"), max_length=150, required=False
    )

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if CoordinationGroup.objects.filter(slug=slug).exists():
            raise forms.ValidationError(
                _("Another group already has this short address. Choose another one."),
                code="unique",
            )
        return slug

    def clean_coordinator_email(self):
        email = canonical_email(self.cleaned_data["coordinator_email"])
        if User.objects.by_email(email).filter(blocked_at__isnull=False).exists():
            raise forms.ValidationError(
                _(
                    "The account of this address is blocked. Lift the block in the admin "
                    "first, or choose another coordinator."
                ),
                code="blocked",
            )
        return email
