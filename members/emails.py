"""How an e-mail address is spelt when it names an account (sign-in, invitations) and
when it counts sign-in failures (the lockout)."""

import unicodedata

from django.contrib.auth.base_user import BaseUserManager


def canonical_email(value):
    """The one spelling an address is stored and found under: trimmed and lower-case.

    Lower-casing never turns a character from outside ASCII into ASCII (the Kelvin sign
    stays itself instead of becoming "k"), and accounts are found by this spelling exactly,
    never by the database's case-insensitive comparison: PostgreSQL's UPPER() folds "ſ" and
    "ı" into "S" and "I", so "poliſen@…" would otherwise sign in as "polisen@…".
    """
    value = BaseUserManager.normalize_email(str(value or "").strip())
    return "".join(
        c if not c.isascii() and any(x.isascii() for x in c.lower()) else c.lower() for c in value
    )


def lockout_key(value):
    """One key for every spelling of an address that some database or library could take
    for the same one (ſ, ı, ß, the Kelvin sign, full-width letters), so that the sign-in
    lockout counts them together."""
    return unicodedata.normalize(
        "NFKC", unicodedata.normalize("NFKC", str(value or "").strip()).casefold().upper().lower()
    )
