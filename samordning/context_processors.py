from django.conf import settings

from members.access import groups_for


def navigation(request):
    """The groups in the header menu of a signed-in person."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return {
        "nav_groups": groups_for(user),
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
