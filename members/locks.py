"""The order in which services take row locks, and the helpers that take them.

Two transactions that lock the same two rows in opposite orders wait for each other until
PostgreSQL breaks the deadlock by failing one of them (a server error for someone). So
every service that locks more than one kind of row takes them in this one order:

1. the person (`person_lock`): services that change someone's access (accepting an
   invitation, setting or taking away roles), since saving a person then raises the
   versions of the groups that show them;
2. the period (`activities.reporting.periods.period_locked`): answers, submission
   statuses, the period's own dates and lock, its questions;
3. the group (`group_lock`): every write of a row that belongs to a group raises the
   group's data version (members.changes), an UPDATE of the group's row that holds it
   until the transaction ends: a group lock taken implicitly by the first such write. A
   service that locks a period, or any other row of the group, therefore takes the group's
   lock explicitly first, before it writes or locks anything else of the group;
4. the group's other rows (organisation, membership, invitation, report, submission,
   question, comment, record): once the group is held, the group's writers take turns, so
   these need no order among themselves.

The locks are FOR NO KEY UPDATE: as strong as the UPDATE the version increment and the
services' own writes take, but not in the way of a row that only points at the locked
one (an audit line or an answer naming the group, a report naming the period, which take
FOR KEY SHARE). A lock never waits for a mere reference, so references add no edges to
the order. SQLite has no row locks: it serialises whole write transactions, and the
helpers are plain reads there.

The order is kept by tests/test_lock_order.py, which records the statements of each
service that takes more than one lock.
"""

from .models import CoordinationGroup, User


def group_lock(group_id):
    """Hold the group's row until the transaction ends (step 3)."""
    list(
        CoordinationGroup._base_manager.select_for_update(no_key=True)
        .filter(pk=group_id)
        .values_list("pk", flat=True)
    )


def person_lock(user_id):
    """Hold the person's row until the transaction ends (step 1)."""
    list(
        User._base_manager.select_for_update(no_key=True)
        .filter(pk=user_id)
        .values_list("pk", flat=True)
    )
