from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import sign_in_steps, two_factor_views, views
from .forms import NewPasswordForm, QueuedPasswordResetForm, SignInForm

app_name = "members"

urlpatterns = [
    path(
        "konto/logga-in/",
        auth_views.LoginView.as_view(
            template_name="members/login.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("konto/logga-ut/", sign_in_steps.SignOutView.as_view(), name="logout"),
    path(
        "konto/losenord/",
        auth_views.PasswordResetView.as_view(
            template_name="members/password_reset_form.html",
            form_class=QueuedPasswordResetForm,
            email_template_name="members/email/password_reset.txt",
            html_email_template_name="members/email/password_reset.html",
            subject_template_name="members/email/password_reset_subject.txt",
            success_url=reverse_lazy("members:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "konto/losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="members/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "konto/losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="members/password_reset_confirm.html",
            form_class=NewPasswordForm,
            success_url=reverse_lazy("members:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "konto/losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="members/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("konto/inbjudan/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("konto/", views.account, name="account"),
    path("konto/notiser/", views.notification_preferences, name="notifications"),
    path("konto/forlang/", views.session_extend, name="session_extend"),
    path("konto/tvastegs/", two_factor_views.security, name="two_factor"),
    path("konto/tvastegs/aktivera/", two_factor_views.enrol, name="two_factor_enrol"),
    path("konto/tvastegs/kod/", two_factor_views.verify, name="two_factor_verify"),
    path(
        "konto/tvastegs/reservkoder/",
        two_factor_views.backup_codes,
        name="two_factor_backup_codes",
    ),
    path("konto/tvastegs/stang-av/", two_factor_views.disable, name="two_factor_disable"),
    path("grupper/ny/", views.group_create, name="group_create"),
    path("grupper/<slug:slug>/skapad/", views.group_created, name="group_created"),
    path(
        "grupp/<slug:slug>/installningar/",
        two_factor_views.group_settings,
        name="group_settings",
    ),
    path("grupp/<slug:slug>/utskick/", views.outgoing_mail, name="outgoing_mail"),
    path("grupp/<slug:slug>/logg/", views.audit_log, name="audit_log"),
    path("grupp/<slug:slug>/organisationer/", views.organisation_list, name="organisation_list"),
    path(
        "grupp/<slug:slug>/organisationer/ny/",
        views.organisation_create,
        name="organisation_create",
    ),
    path(
        "grupp/<slug:slug>/organisationer/<int:pk>/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "grupp/<slug:slug>/organisationer/<int:pk>/flytta/",
        views.organisation_move,
        name="organisation_move",
    ),
    path("grupp/<slug:slug>/personer/", views.person_list, name="person_list"),
    path("grupp/<slug:slug>/personer/bjud-in/", views.person_invite, name="person_invite"),
    path("grupp/<slug:slug>/personer/<int:pk>/", views.person_edit, name="person_edit"),
    path(
        "grupp/<slug:slug>/personer/<int:pk>/inaktivera/",
        views.person_deactivate,
        name="person_deactivate",
    ),
    path(
        "grupp/<slug:slug>/inbjudningar/<int:pk>/aterkalla/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]
