"""The audit log: one helper writes it; the request's address comes from a middleware."""

import contextvars
import ipaddress
import re

from django.conf import settings

from .emails import lockout_key
from .models import AuditEvent

_client_ip = contextvars.ContextVar("client_ip", default=None)
_request = contextvars.ContextVar("request", default=None)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def clean(value, limit=200):
    """A single line: control characters (CR, LF and the rest) become a space, so a name
    cannot forge a new line of the log."""
    return _CONTROL.sub(" ", str(value or ""))[:limit]


def client_ip(request):
    """The client's address: the connection's own, or, behind proxies (CLIENT_IP_HEADER
    set), the entry TRUSTED_PROXY_COUNT places from the right of that header.

    Each proxy appends the address the request came to it from, so only the right-most
    entries were written by proxies we trust; anything further left is whatever the client
    sent ("X-Forwarded-For: 1.2.3.4") and is ignored. A header with fewer entries, or an
    entry that is not an address, gives the connection's own address: the audit log and
    the lockout never take a value the client chose.
    """
    remote = request.META.get("REMOTE_ADDR")
    header = settings.AUDIT_CLIENT_IP_HEADER
    if not header or not request.META.get(header):
        return remote
    entries = [entry.strip() for entry in request.META[header].split(",")]
    if len(entries) < settings.TRUSTED_PROXY_COUNT:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-settings.TRUSTED_PROXY_COUNT]))
    except ValueError:
        return remote


def lockout_username(request, credentials):
    """Sign-in names are e-mail addresses: failures count for every spelling of one
    address together (members.models.lockout_key), so "poliſen@…" and "POLISEN@…" add to
    the count of "polisen@…" instead of getting counts of their own."""
    return lockout_key((credentials or {}).get("username", ""))


def record(
    action,
    *,
    actor=None,
    group=None,
    obj=None,
    organisation=None,
    detail="",
    ip=None,
    object_type="",
    object_id="",
):
    """Write one audit event. `action` is a namespaced code: 'activities.submission.approved'.

    The object is named by its `audit_label` when the model has one (a comment or a need
    is named by its text otherwise, and texts are never logged), else by str(obj).
    `object_type` and `object_id` name an object without loading it (a refused id)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if organisation is None and obj is not None:
        organisation = getattr(getattr(obj, "organisation", None), "name", "")
    AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_email=clean(getattr(actor, "email", ""), 254),
        group=group,
        organisation=clean(organisation or ""),
        object_type=obj._meta.label_lower if obj is not None else clean(object_type, 60),
        object_id=str(obj.pk) if obj is not None else clean(object_id, 40),
        object_repr=clean(getattr(obj, "audit_label", obj)) if obj is not None else "",
        ip=ip or _client_ip.get(),
        detail=clean(detail, 300),
    )


def requester():
    """(person, path) of the request being answered; (None, "") outside a request."""
    request = _request.get()
    if request is None:
        return None, ""
    return getattr(request, "user", None), request.path


class AuditContextMiddleware:
    """Makes the client's address (and, for refusals, the person and path) available to
    record() during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_ip.set(client_ip(request))
        request_token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(request_token)
            _client_ip.reset(token)
