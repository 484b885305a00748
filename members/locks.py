"""The order in which services take row locks, and the helper that takes the person's.

Two transactions that lock the same two rows in opposite orders wait for each other until
PostgreSQL breaks the deadlock by failing one of them (a server error for someone). Every
write of a row that shows on a group's pages raises the group's data version in the same
transaction (members.changes): the row first, then its group, an UPDATE of the group's
row held until the commit. So the group is always the last lock of a write, and every
service takes its locks in this one order:

1. the person (`person_lock`): services that change someone's access (accepting an
   invitation, setting or taking away roles); saving a person raises the groups that show
   them, so the person comes before any group;
2. the period (`activities.reporting.periods.period_locked`): answers, submission
   statuses, the period's own dates and lock, its questions;
3. the rows the service changes, the one that owns the others first (a report before its
   signatories, sections and contacts; an organisation; a submission);
4. the group, last, taken by the version increment of the first write; never locked
   explicitly before a row.

A service that writes more rows after its first write (and so after the group) writes
only rows whose every writer holds the same owner's lock first: answers and submissions
under the period, a report's lists under the report, a person's memberships under the
person. Those writers take turns at the owner and never meet at the group.

Explicit locks are FOR NO KEY UPDATE: as strong as an UPDATE of the row, but not in the
way of a row that only points at the locked one (an audit line naming a person, a report
naming its period, which take FOR KEY SHARE), so references add nothing to the order.
SQLite has no row locks: it serialises whole write transactions, and the helpers are plain
reads there. tests/test_lock_order.py checks the statements of each multi-lock service.
"""

from .models import User


def person_lock(user_id):
    """Hold the person's row until the transaction ends (step 1)."""
    list(
        User._base_manager.select_for_update(no_key=True)
        .filter(pk=user_id)
        .values_list("pk", flat=True)
    )
