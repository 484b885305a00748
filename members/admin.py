from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import events, services
from .models import AuditEvent, CoordinationGroup, Invitation, Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["group", "organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """The site operator's view of people. Blocking is the operator's own switch (the
    actions below); "active" follows from it and from the person's roles, so it is shown
    but not edited here (members.services._refresh_is_active)."""

    ordering = ["email"]
    list_display = ["email", "full_name", "title", "is_active", "blocked_at", "is_superuser"]
    list_filter = ["is_active", "is_staff", "is_superuser", "blocked_at"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    actions = ["block", "unblock"]
    readonly_fields = ["is_active", "blocked_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "title", "phone", "language"]}),
        (_("Access"), {"fields": ["is_active", "blocked_at", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Roles given or taken away in the inline decide whether the person may sign in.
        services.person_access_refresh(user=form.instance)

    @admin.action(description=_("Block the selected people"))
    def block(self, request, queryset):
        people = queryset.filter(blocked_at__isnull=True).exclude(pk=request.user.pk)
        for person in people:
            services.person_block(user=person, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d person was blocked.", "%(count)d people were blocked.", len(people))
            % {"count": len(people)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Lift the block of the selected people"))
    def unblock(self, request, queryset):
        people = queryset.filter(blocked_at__isnull=False)
        for person in people:
            services.person_unblock(user=person, by=request.user)
        self.message_user(
            request,
            ngettext(
                "The block of %(count)d person was lifted.",
                "The block of %(count)d people was lifted.",
                len(people),
            )
            % {"count": len(people)},
            messages.SUCCESS,
        )


class OrganisationInline(admin.TabularInline):
    model = Organisation
    extra = 0


@admin.register(CoordinationGroup)
class CoordinationGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "slug", "issuing_organisation"]
    search_fields = ["name", "county"]
    prepopulated_fields = {"slug": ["county"]}
    inlines = [OrganisationInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """The issuing organisation is one of the group's own (none yet for a new group)."""
        if db_field.name == "issuing_organisation":
            group_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Organisation.objects.filter(group_id=group_id or None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "group", "order", "joined_on", "left_on"]
    list_filter = ["group"]
    search_fields = ["name", "short_name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "group", "role", "organisation", "is_active"]
    list_filter = ["group", "role", "is_active"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user", "group", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "group",
        "role",
        "organisation",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["group", "role"]
    search_fields = ["email"]
    exclude = ["token_hash"]
    readonly_fields = ["created_at", "accepted_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read only: nobody edits the audit log from the application."""

    list_display = ["at", "event", "actor_email", "organisation", "object_repr", "ip"]
    list_filter = ["action", "group"]
    search_fields = ["actor_email", "object_repr", "detail"]

    @admin.display(description=_("Event"), ordering="action")
    def event(self, line):
        return events.label(line.action)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
