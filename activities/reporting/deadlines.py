"""A period's deadline in words ("12 dagar kvar", "i dag", "3 dagar sen"), shared by the
start page's task list and the coordinator's period overview so both say the same thing."""

from django.utils.translation import gettext, ngettext


def days_left(deadline, today):
    """Whole days from today to the deadline: negative once it has passed."""
    return (deadline - today).days


def deadline_in_words(deadline, today):
    """The days left until the deadline, or since it passed, in the active language."""
    days = days_left(deadline, today)
    if days == 0:
        return gettext("due today")
    if days > 0:
        return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
    days = -days
    return ngettext("%(days)d day ago", "%(days)d days ago", days) % {"days": days}
