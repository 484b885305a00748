"""Page parts rendered once and shared by everyone with the same standing in a group.

A status page's body is the same for every coordinator of a group, and for every
representative of the same organisations, until something in the group changes. It is
kept in the cache under a key made of:

- the group and its data version, raised by every change (members.changes), so a part
  rendered before a change is never shown after it;
- the person's standing (coordinator or not, the organisations they represent), so that
  a part is only ever shown to people who may see all of it;
- the language and today's date (periods open and deadlines pass with the date);
- the template and what the page is about (an organisation, a period, a page number).

The permission check runs before the cache is asked, on every request. A part is rendered
without the request and without the person, so it can hold nothing of the viewer's. Its
forms carry a stand-in for the form token, replaced by the viewer's own token each time
the part is shown.
"""

import functools

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

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


def shared_fragment(standing, template, context, *about, request=None):
    """The rendered template, from the cache when someone with the same standing saw it
    since the group last changed. `context` is a function returning the template's
    context, called only when the part has to be rendered. With `request`, the part's
    forms get the viewer's form token."""
    key = fragment_key(standing, template, *about)
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            template,
            {
                "access": standing,
                "group": standing.group,
                "csrf_token": _token_stand_in() if request is not None else "NOTPROVIDED",
                **context(),
            },
        )
        cache.set(key, html, KEPT_SECONDS)
    if request is not None:
        html = html.replace(_token_stand_in(), get_token(request))
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, autoescaped
