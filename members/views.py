"""Sign-in, invitations, and the coordinator's pages for organisations and people."""

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import access, reads, services
from .forms import (
    AcceptInvitationForm,
    AccountForm,
    GroupCreateForm,
    InvitationForm,
    NotificationPreferencesForm,
    OrganisationForm,
    RolesForm,
)
from .models import CoordinationGroup, Invitation, Membership, Role, User


@login_not_required
@sensitive_post_parameters("password1", "password2")
def invitation_accept(request, token):
    """Anyone holding a valid link may accept it; a new person chooses a password. An
    account the site operator blocked cannot accept (the link stays unused)."""
    invitation = Invitation.objects.by_token(token).select_related("group", "organisation").first()
    if invitation is None or not invitation.is_usable:
        return render(
            request, "members/invitation_unusable.html", {"invitation": invitation}, status=410
        )
    existing = services.invitation_account(invitation)
    if existing is not None and existing.is_blocked:
        return _invitation_blocked(request, invitation)
    form = None
    if services.invitation_sets_password(existing):
        form = AcceptInvitationForm(
            request.POST or None,
            email=invitation.email,
            initial={"full_name": invitation.full_name},
        )
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            person = services.invitation_accept(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password1"] if form else None,
            )
        except services.InvitationUnusable:
            return render(
                request, "members/invitation_unusable.html", {"invitation": invitation}, status=410
            )
        except services.AccountBlocked:
            return _invitation_blocked(request, invitation)
        if form is not None:
            login(request, person, backend="members.backends.SignInBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("group_home", slug=invitation.group.slug)
        messages.success(request, _("The invitation is accepted. Sign in to continue."))
        return redirect("members:login")
    return render(
        request,
        "members/invitation_accept.html",
        {"invitation": invitation, "form": form, "existing": existing},
    )


def _invitation_blocked(request, invitation):
    return render(
        request, "members/invitation_blocked.html", {"invitation": invitation}, status=403
    )


def organisation_list(request, slug):
    """The coordinator lists, orders and adds the group's member organisations."""
    group_access = access.coordinator_access_for(request.user, slug)
    organisations = group_access.group.organisations.order_by("order", "name")
    return render(
        request,
        "members/organisation_list.html",
        {"access": group_access, "group": group_access.group, "organisations": organisations},
    )


def organisation_create(request, slug):
    """The coordinator adds a member organisation."""
    group_access = access.coordinator_access_for(request.user, slug)
    form = OrganisationForm(request.POST or None, group=group_access.group)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            group=group_access.group, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(name)s was added.") % {"name": organisation.name})
        return redirect("members:organisation_list", slug=slug)
    return render(
        request,
        "members/organisation_form.html",
        {"access": group_access, "group": group_access.group, "form": form},
    )


def organisation_edit(request, slug, pk):
    """The coordinator edits an organisation, or records that it has left the group."""
    group_access = access.coordinator_access_for(request.user, slug)
    organisation = access.organisation_for(group_access, pk)
    form = OrganisationForm(request.POST or None, instance=organisation, group=group_access.group)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=organisation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(name)s was saved.") % {"name": organisation.name})
        return redirect("members:organisation_list", slug=slug)
    return render(
        request,
        "members/organisation_form.html",
        {
            "access": group_access,
            "group": group_access.group,
            "form": form,
            "organisation": organisation,
        },
    )


@require_POST
def organisation_move(request, slug, pk):
    """The coordinator moves an organisation one step up or down in the group's order."""
    group_access = access.coordinator_access_for(request.user, slug)
    organisation = access.organisation_for(group_access, pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.organisation_move(organisation=organisation, offset=offset, by=request.user)
    return redirect("members:organisation_list", slug=slug)


def person_list(request, slug):
    """The coordinator sees everyone with a role in the group, and pending invitations."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    people = (
        User.objects.filter(memberships__group=group)
        .distinct()
        .annotate(
            has_access=Exists(Membership.objects.active().filter(user=OuterRef("pk"), group=group))
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(group=group).select_related("organisation"),
                to_attr="group_memberships",
            )
        )
        .order_by("full_name", "email")
    )
    invitations = group.invitations.pending().select_related("organisation")
    return render(
        request,
        "members/person_list.html",
        {
            "access": group_access,
            "group": group,
            "people": people,
            "invitations": [i for i in invitations if not i.is_expired],
        },
    )


def person_invite(request, slug):
    """The coordinator invites a person by e-mail to a role in the group."""
    group_access = access.coordinator_access_for(request.user, slug)
    form = InvitationForm(request.POST or None, group=group_access.group)
    if request.method == "POST" and form.is_valid():
        invitation = services.invitation_create(
            group=group_access.group, by=request.user, **form.cleaned_data
        )
        messages.success(
            request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("members:person_list", slug=slug)
    return render(
        request,
        "members/person_invite.html",
        {"access": group_access, "group": group_access.group, "form": form},
    )


@require_POST
def invitation_revoke(request, slug, pk):
    """The coordinator withdraws a pending invitation."""
    group_access = access.coordinator_access_for(request.user, slug)
    invitation = access.object_or_404(group_access.group.invitations.all(), pk=pk)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
    )
    return redirect("members:person_list", slug=slug)


def person_edit(request, slug, pk):
    """The coordinator changes a person's roles in the group."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    person = access.person_for(group_access, pk)
    active = Membership.objects.filter(user=person, group=group, is_active=True)
    initial = {
        "group_role": next((m.role for m in active if not m.organisation_id), ""),
        "organisations": [m.organisation_id for m in active if m.organisation_id],
    }
    form = RolesForm(request.POST or None, group=group, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.membership_set_roles(
            group=group,
            user=person,
            group_role=form.cleaned_data["group_role"],
            organisations=form.cleaned_data["organisations"],
            by=request.user,
        )
        if person.is_blocked:
            messages.warning(
                request,
                _(
                    "The roles of %(name)s were saved, but the account is blocked by the site "
                    "operator: they cannot sign in until the site operator lifts the block."
                )
                % {"name": person},
            )
        else:
            messages.success(request, _("The roles of %(name)s were saved.") % {"name": person})
        return redirect("members:person_list", slug=slug)
    return render(
        request,
        "members/person_edit.html",
        {"access": group_access, "group": group, "person": person, "form": form},
    )


@require_http_methods(["GET", "POST"])
def person_deactivate(request, slug, pk):
    """The coordinator takes away all of a person's roles in the group: the GET asks for
    confirmation and names the consequence, the POST does it."""
    group_access = access.coordinator_access_for(request.user, slug)
    person = access.person_for(group_access, pk)
    if person == request.user:
        messages.error(request, _("You cannot deactivate yourself."))
    elif request.method == "GET":
        return _confirm_deactivation(request, group_access, person)
    else:
        services.membership_deactivate(group=group_access.group, user=person, by=request.user)
        messages.success(
            request, _("%(name)s no longer has access to the group.") % {"name": person}
        )
    return redirect("members:person_list", slug=slug)


def _confirm_deactivation(request, group_access, person):
    group = group_access.group
    name = person.full_name or person.email
    return render(
        request,
        "_confirm.html",
        {
            "access": group_access,
            "group": group,
            "title": _("Deactivate %(name)s?") % {"name": name},
            "consequence": _(
                "%(name)s can no longer sign in to the group %(group)s, and loses every role in it."
            )
            % {"name": name, "group": group.name},
            "details": [
                _("What the person has written stays, with their name."),
                _("To give access again, save new roles on the person's page."),
            ],
            "action_url": reverse("members:person_deactivate", args=[group.slug, person.pk]),
            "confirm_label": _("Deactivate"),
            "cancel_url": reverse("members:person_list", args=[group.slug]),
            "destructive": True,
        },
    )


def notification_preferences(request):
    """Each person chooses which notifications they get, and whether as a daily digest."""
    from .models import CHOOSABLE

    person = request.user
    muted = set(person.muted_notifications or [])
    form = NotificationPreferencesForm(
        request.POST or None,
        initial={
            "wanted": [k.value for k in CHOOSABLE if k.value not in muted],
            "daily_digest": "1" if person.daily_digest else "0",
        },
    )
    if request.method == "POST" and form.is_valid():
        services.notification_preferences_set(
            user=person,
            wanted=form.cleaned_data["wanted"],
            daily_digest=form.cleaned_data["daily_digest"],
        )
        messages.success(request, _("Your choices were saved."))
        return redirect("members:notifications")
    return render(request, "members/notifications.html", {"form": form})


def outgoing_mail(request, slug):
    """The coordinator sees the group's e-mails that wait or failed, and why."""
    from django.core.paginator import Paginator

    from .models import MailStatus

    group_access = access.coordinator_access_for(request.user, slug)
    mails = group_access.group.mails.exclude(status=MailStatus.SENT).order_by("-created_at")
    return render(
        request,
        "members/outgoing_mail.html",
        {
            "access": group_access,
            "group": group_access.group,
            "page": Paginator(mails, 50).get_page(request.GET.get("sida")),
        },
    )


def audit_log(request, slug):
    """The coordinator reads the group's audit log (nobody edits it), filtered by person,
    kind of event and dates."""
    group_access = access.coordinator_access_for(request.user, slug)
    log = reads.audit_log(group_access.group, request.GET)
    return render(
        request,
        "members/audit_log.html",
        {
            "access": group_access,
            "group": group_access.group,
            "form": log.form,
            "page": log.page,
            "filtered": log.filtered,
        },
    )


def account(request):
    """Each signed-in person sets their own name, title, phone and language; the title
    and phone show wherever contacts are listed."""
    person = request.user
    # The form writes what it was sent into its instance: a copy, so that the service
    # compares with the person as they were.
    form = AccountForm(request.POST or None, instance=copy.copy(person))
    if request.method == "POST" and form.is_valid():
        services.person_account_update(user=person, **form.cleaned_data)
        with translation.override(person.language):  # the language the next page speaks
            messages.success(request, _("Your details were saved."))
        response = redirect("members:account")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            person.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return render(request, "members/account.html", {"form": form})


def group_create(request):
    """The site operator creates a coordination group, its issuing organisation and its
    first coordinator. Nobody else may (403)."""
    access.require_site_operator(request.user)
    form = GroupCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = services.group_create(
            name=data["name"],
            county=data["county"],
            slug=data["slug"],
            issuer_name=data["issuer_name"],
            issuer_short_name=data["issuer_short_name"],
            coordinator=(data["coordinator_email"], data["coordinator_name"]),
            by=request.user,
        )
        return redirect("members:group_created", slug=group.slug)
    return render(request, "members/group_create.html", {"form": form})


def group_created(request, slug):
    """The site operator's confirmation: the group exists, and what happens next."""
    access.require_site_operator(request.user)
    group = access.object_or_404(
        CoordinationGroup.objects.select_related("issuing_organisation"), slug=slug
    )
    coordinators = list(access.coordinators_of(group))
    invitations = list(group.invitations.pending().filter(role=Role.COORDINATOR))
    return render(
        request,
        "members/group_created.html",
        {"new_group": group, "coordinators": coordinators, "invitations": invitations},
    )


@require_POST
def session_extend(request):
    """The 'stay signed in' button renews the idle time."""
    import time

    from django.http import HttpResponse

    request.session["last_activity"] = time.time()
    return HttpResponse(status=204)
