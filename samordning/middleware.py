import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from members import sign_in_steps


class LanguageMiddleware:
    """Swedish unless the person chose otherwise.

    The language is the one chosen with the language switch (a cookie), else the
    signed-in person's saved language, else LANGUAGE_CODE. The browser's
    Accept-Language is ignored on purpose: an authority's staff often run English
    browsers but expect the service in Swedish.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            user = getattr(request, "user", None)
            language = user.language if user is not None and user.is_authenticated else None
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreForSignedInMiddleware:
    """Pages shown to a signed-in person carry what only they may see: no browser or
    proxy may keep a copy (Cache-Control: no-store)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
            patch_vary_headers(response, ["Cookie"])
        return response


class SessionLimitsMiddleware:
    """Ends a sign-in after an idle time and after an absolute limit, and when the person
    has signed out elsewhere (which ends all their sessions).

    The page warns before the idle limit and offers to stay signed in (static/js/session.js).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            expired = (
                now - session.get("last_activity", now) > settings.SESSION_IDLE_SECONDS
                or now - session.get("signed_in_at", now) > settings.SESSION_COOKIE_AGE
                or session.get("generation", user.session_generation) != user.session_generation
            )
            if expired:
                # Not a sign-out of the person everywhere: only this session ends. A form
                # sent from the person's old page is still kept for them.
                session.flush()
                sign_in_steps.remember_sign_out(session, user)
                request.user = AnonymousUser()
                messages.info(request, _("You were signed out after a while without activity."))
            else:
                # Written at most once a minute, so a page costs no session write.
                if now - session.get("last_activity", 0) > 60:
                    session["last_activity"] = now
                session.setdefault("signed_in_at", now)
                session.setdefault("generation", user.session_generation)
        return self.get_response(request)
