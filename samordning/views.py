"""Site-wide views: the language switch, health, the accessibility statement, the error
pages, and the benchmark's floor."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language

from members import services, sign_in_steps


@login_not_required
def set_language(request):
    """The language switch works before signing in too; a signed-in person's choice is
    also saved, so that e-mails to them are written in it."""
    response = django_set_language(request)
    language = request.POST.get("language")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES):
        services.person_language_set(user=user, language=language)
    return response


def benchmark_floor(request):
    """What the framework costs on this machine: sessions, sign-in, every middleware, and
    no work of ours. Only with BENCHMARK_FLOOR on."""
    if not settings.BENCHMARK_FLOOR:
        raise Http404
    return HttpResponse("ok\n", content_type="text/plain")


@login_not_required
@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not; for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form sent with an outdated security token (the person signed in again in another
    tab, say). For the answers form the typed text is shown back, unsaved, with a fresh
    token, to a person signed in fully; anyone else is sent to sign in (or give their
    code) with the text kept, as on the page itself. Nothing is lost and nothing is saved
    without a new press on Save."""
    from activities.reporting.submission_page import show_answers_after_csrf_failure

    match = resolve_or_none(request.path_info)
    keeps_text = match is not None and hasattr(match.func, "keep_typed_text")
    if request.method == "POST" and keeps_text:
        step = sign_in_steps.step_due(request)
        if step is not None:
            return sign_in_steps.interrupt(request, step, match.func.keep_typed_text, match.kwargs)
        if match.view_name == "activities:submission":
            return show_answers_after_csrf_failure(request, **match.kwargs)
    return render(request, "403_csrf.html", status=403)


def resolve_or_none(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


@login_not_required
def accessibility_statement(request):
    """The accessibility statement (tillgänglighetsredogörelse), for everyone."""
    return render(
        request, "accessibility.html", {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL}
    )


def permission_denied(request, exception=None):
    """A refused request: logged, and answered with a plain explanation."""
    from members import audit

    audit.record("security.permission_denied", actor=request.user, detail=request.path)
    return render(request, "403.html", status=403)
