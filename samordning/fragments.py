"""Page parts rendered once and then taken from the cache.

A status page's body is the same for every coordinator of a group, and for every
representative of the same organisations, until something in the group changes. It is
kept in the cache (shared_fragment) under a key made of:

- the group and its data version, raised by every change (members.changes), so a part
  rendered before a change is never shown after it;
- the person's standing (coordinator or not, the organisations they represent), so that
  a part is only ever shown to people who may see all of it;
- the language and today's date (periods open and deadlines pass with the date);
- the template and what the page is about (an organisation, a period, a page number).

The whole page around such a part (header, menus, footer) is kept per person and page
address (shared_page), keyed by everything the header shows of the person. The address is
the path and the parameters the view reads (a page number), normalised: other parameters
in the query string make no new copy of the page. With PAGE_CACHE_WHOLE_PAGES off, the
page is put together around the kept part on every request instead.

The permission check runs before the cache is asked, on every request. A shared part is
rendered without the request and without the person, so it can hold nothing of the
viewer's. Forms carry a random stand-in for the form token, replaced by the viewer's own
token each time a page is sent: only as the value of a form's token field, never in text.
"""

import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from members.access import groups_for

KEPT_SECONDS = 24 * 60 * 60


def fragment_key(standing, template, *about):
    group = standing.group
    parts = [
        "fragment",
        template,
        str(group.pk),
        str(group.data_version),
        get_language() or "",
        timezone.localdate().isoformat(),
        standing.key,
        *(str(part) for part in about),
    ]
    return ":".join(parts)


# The form token in the forms of a shared part: random for each process, so nobody can
# know it, and in any case only ever replaced inside a form's token field.
PART_TOKEN_STAND_IN = secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Part:
    """A rendered page part, the page title that goes with it, and its cache key (None for
    a part rendered for one person only)."""

    title: str
    html: str
    key: str | None = None


def shared_fragment(standing, template, context, *about):
    """The rendered template, from the cache when someone with the same standing saw it
    since the group last changed. `context` is a function returning the template's
    context (with the page's "title"), called only when the part has to be rendered. The
    view has already looked up what the page is about and checked the person's access:
    the cache is never asked before that. Its forms carry the token's stand-in: show it
    with shared_page."""
    key = fragment_key(standing, template, *about)
    kept = cache.get(key)
    if kept is None:
        values = context()
        html = render_to_string(
            template,
            {
                "access": standing,
                "group": standing.group,
                "csrf_token": PART_TOKEN_STAND_IN,
                **values,
            },
        )
        kept = (str(values.get("title", "")), html)
        cache.set(key, kept, KEPT_SECONDS)
    title, html = kept
    return Part(title, mark_safe(html), key)  # noqa: S308 - rendered by our own templates


def page_number(request, name="sida"):
    """The page of a list the address asks for: a positive whole number, else 1."""
    value = request.GET.get(name, "")
    return max(int(value), 1) if re.fullmatch(r"[0-9]{1,6}", value) else 1


# The form token as Django writes it into a form.
_TOKEN_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"<>]*">')


def _token_input(value):
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{value}">'


def shared_page(request, group_access, part, *, query=None):
    """The page (shared_page.html) around the part. Around a shared part it is kept for
    this person at this address, unless messages wait to be shown.

    `query` holds the parameters of the address the view read, normalised ({"sida": 2});
    the rest of the query string is ignored, both for the key and in the page."""
    address = request.path
    if query:
        address += "?" + urlencode(sorted(query.items()))
    context = {
        "access": group_access,
        "group": group_access.group,
        "part": part,
        "page_address": address,
    }
    key = _page_key(request, group_access, part, address)
    if key is None:
        # Not kept: the header's forms already carry the viewer's token; only the part's
        # stand-in is replaced.
        html = render_to_string("shared_page.html", context, request=request)
        token = _token_input(get_token(request))
        return HttpResponse(html.replace(_token_input(PART_TOKEN_STAND_IN), token))
    kept = cache.get(key)
    if kept is None:
        html = render_to_string("shared_page.html", context, request=request)
        # Every form's token (the header's and the part's) becomes this page's own random
        # stand-in, which only ever appears as a token field's value.
        stand_in = secrets.token_urlsafe(32)
        kept = (stand_in, _TOKEN_INPUT.sub(_token_input(stand_in), html))
        cache.set(key, kept, KEPT_SECONDS)
    stand_in, html = kept
    return HttpResponse(html.replace(_token_input(stand_in), _token_input(get_token(request))))


def _page_key(request, group_access, part, address):
    """Everything the page around the part shows of the person and the address; None when
    the page is not kept (the layer is off, the part is this person's own, or messages wait
    to be shown)."""
    if not settings.PAGE_CACHE_WHOLE_PAGES or part.key is None or get_messages(request):
        return None
    user, match = request.user, request.resolver_match
    inputs = repr(
        (
            part.key,
            user.pk,
            user.full_name,
            user.email,
            [(g.pk, g.slug, g.county) for g in groups_for(user)],
            (group_access.is_coordinator, group_access.is_representative),
            address,
            match.view_name if match is not None else None,
        )
    )
    return "page:" + salted_hmac("samordning.fragments.page", inputs).hexdigest()
