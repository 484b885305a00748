"""A deadline in words: "12 dagar kvar", "i dag", "3 dagar sen"."""

from django.utils.translation import gettext, ngettext


def deadline_in_words(deadline, today):
    """How far the deadline is from today, in the active language."""
    days = (deadline - today).days
    if days > 0:
        return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
    if days == 0:
        return gettext("due today")
    days = -days
    return ngettext("%(days)d day ago", "%(days)d days ago", days) % {"days": days}
