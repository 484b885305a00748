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
address (shared_page), keyed by everything the header shows of the person.

The permission check runs before the cache is asked, on every request. A shared part is
rendered without the request and without the person, so it can hold nothing of the
viewer's. Forms carry a stand-in for the form token, replaced by the viewer's own token
each time a page is sent.
"""

import functools
import re
from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
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


@functools.cache
def _token_stand_in():
    """Derived from the secret key: no text typed into the group can contain it."""
    return salted_hmac("samordning.fragments", "form token").hexdigest()


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
    context (with the page's "title"), called only when the part has to be rendered; it
    also finds what the page is about, so a 404 is never kept and a part in the cache
    proves that the object belonged to the group at this version. Its forms carry the
    token's stand-in: show it with shared_page."""
    key = fragment_key(standing, template, *about)
    kept = cache.get(key)
    if kept is None:
        values = context()
        html = render_to_string(
            template,
            {
                "access": standing,
                "group": standing.group,
                "csrf_token": _token_stand_in(),
                **values,
            },
        )
        kept = (str(values.get("title", "")), html)
        cache.set(key, kept, KEPT_SECONDS)
    title, html = kept
    return Part(title, mark_safe(html), key)  # noqa: S308 - rendered by our own templates


# The form token as Django writes it into a form.
_TOKEN_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')


def shared_page(request, group_access, part):
    """The page (shared_page.html) around the part. Around a shared part it is kept for
    this person at this address, unless messages wait to be shown."""
    context = {"access": group_access, "group": group_access.group, "part": part}
    key = _page_key(request, group_access, part)
    html = cache.get(key) if key else None
    if html is None:
        html = render_to_string("shared_page.html", context, request=request)
        # Every form token on the page (the header's too) becomes the stand-in.
        html = _TOKEN_INPUT.sub(rf"\g<1>{_token_stand_in()}\g<2>", html)
        if key:
            cache.set(key, html, KEPT_SECONDS)
    return HttpResponse(html.replace(_token_stand_in(), get_token(request)))


def _page_key(request, group_access, part):
    """Everything the page around the part shows of the person and the address."""
    if part.key is None or get_messages(request):
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
            request.get_full_path(),
            match.view_name if match is not None else None,
        )
    )
    return "page:" + salted_hmac("samordning.fragments.page", inputs).hexdigest()
