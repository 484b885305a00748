"""Page parts rendered once and then taken from the cache.

Shared parts (shared_fragment) are the bodies of the status pages, the same for everyone
with the same standing in a group. Personal parts (person_part) are the header, menus and
footer around every page, kept per person and page address.

Shared parts

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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Part:
    """A rendered page part and the page title that goes with it."""

    title: str
    html: str


def shared_fragment(standing, template, context, *about, request=None):
    """The rendered template, from the cache when someone with the same standing saw it
    since the group last changed. `context` is a function returning the template's
    context (with the page's "title"), called only when the part has to be rendered; it
    also finds what the page is about, so a 404 is never kept and a part in the cache
    proves that the object belonged to the group at this version. With `request`, the
    part's forms get the viewer's form token."""
    key = fragment_key(standing, template, *about)
    kept = cache.get(key)
    if kept is None:
        values = context()
        html = render_to_string(
            template,
            {
                "access": standing,
                "group": standing.group,
                "csrf_token": _token_stand_in() if request is not None else "NOTPROVIDED",
                **values,
            },
        )
        kept = (str(values.get("title", "")), html)
        cache.set(key, kept, KEPT_SECONDS)
    title, html = kept
    if request is not None:
        html = html.replace(_token_stand_in(), get_token(request))
    return Part(title, mark_safe(html))  # noqa: S308 - rendered by our own templates, autoescaped


def person_part(context, template):
    """The template rendered with the page's context, kept for this person at this address.

    The key holds everything such a part may show: the person's name and address, their
    groups, the group, its version and their standing in it, the address and view of the
    page and the language. A template used here must show nothing else (see _header.html).
    Nothing is kept for someone signed out."""
    request = context.get("request")
    user = getattr(request, "user", None)
    render = context.template.engine.get_template(template).render
    if user is None or not user.is_authenticated:
        return mark_safe(render(context))  # noqa: S308 - our own template, autoescaped
    group, access = context.get("group"), context.get("access")
    match = request.resolver_match
    inputs = repr(
        (
            user.full_name,
            user.email,
            [(g.pk, g.slug, g.county) for g in context.get("nav_groups") or ()],
            (group.pk, group.data_version) if group is not None else None,
            (access.is_coordinator, access.is_representative) if access is not None else None,
            request.get_full_path(),
            match.view_name if match is not None else None,
        )
    )
    key = ":".join(
        [
            "person",
            template,
            str(user.pk),
            get_language() or "",
            salted_hmac("samordning.fragments.person", inputs).hexdigest(),
        ]
    )
    html = cache.get(key)
    if html is None:
        with context.push(csrf_token=_token_stand_in()):
            html = render(context)
        cache.set(key, html, KEPT_SECONDS)
    return mark_safe(html.replace(_token_stand_in(), get_token(request)))  # noqa: S308
