"""Two-step verification pages: set up, give a code at sign-in, backup codes, turn off;
and the coordinator's group settings, where the group can require it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import access, services, two_factor
from .forms import GroupSettingsForm, TwoFactorCodeForm


def security(request):
    """The person's own two-step verification: on or off, backup codes left."""
    user = request.user
    return render(
        request,
        "members/two_factor.html",
        {
            "has_device": two_factor.has_device(user),
            "required": two_factor.required_for(user),
            "codes_left": two_factor.backup_codes_left(user),
        },
    )


@sensitive_post_parameters("code")
def enrol(request):
    """Scan the QR code (or type the key), then prove it works with one code."""
    user = request.user
    if two_factor.has_device(user):
        return redirect("members:two_factor")
    device = two_factor.pending_device(user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.two_factor_enrol(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            two_factor.session_verified(request, device)
            return render(
                request,
                "members/two_factor_codes.html",
                {"codes": codes, "next": two_factor.safe_next(request, "members:two_factor")},
            )
        form.add_error("code", _("The code did not match. Check the app's clock and try again."))
    return render(
        request,
        "members/two_factor_enrol.html",
        {
            "form": form,
            "qr_svg": two_factor.qr_svg(device),
            "secret": two_factor.secret_for_display(device),
            "required": two_factor.required_for(user),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


@sensitive_post_parameters("code")
def verify(request):
    """The second step of signing in."""
    if request.user.is_verified() or not two_factor.has_device(request.user):
        return redirect(two_factor.safe_next(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            return redirect(two_factor.safe_next(request))
        form.add_error(
            "code",
            _(
                "The code did not match. Wait for the next code in the app and try again. "
                "After several wrong codes you must wait a little longer each time."
            ),
        )
    return render(
        request,
        "members/two_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@require_POST
def backup_codes(request):
    """New backup codes, shown once; the old ones stop working."""
    if not two_factor.has_device(request.user):
        return redirect("members:two_factor")
    codes = two_factor.backup_codes_renew(user=request.user)
    return render(
        request,
        "members/two_factor_codes.html",
        {"codes": codes, "next": two_factor.safe_next(request, "members:two_factor")},
    )


@require_POST
@sensitive_post_parameters("code")
def disable(request):
    """Turning it off takes one more code, so an open session alone cannot do it."""
    form = TwoFactorCodeForm(request.POST)
    code = form.cleaned_data["code"] if form.is_valid() else ""
    error = two_factor.two_factor_disable(user=request.user, code=code)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Two-step verification is turned off."))
    return redirect("members:two_factor")


def group_settings(request, slug):
    """The coordinator's settings for the group: description, reminders, two-step
    verification for coordinators."""
    group_access = access.coordinator_access_for(request.user, slug)
    group = group_access.group
    form = GroupSettingsForm(request.POST or None, instance=group, coordinator=request.user)
    if request.method == "POST" and form.is_valid():
        services.group_settings_update(group=group, by=request.user, **form.cleaned_data)
        messages.success(request, _("The group's settings were saved."))
        return redirect("members:group_settings", slug=slug)
    return render(
        request,
        "members/group_settings.html",
        {"access": group_access, "group": group, "form": form},
    )
