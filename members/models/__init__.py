"""The members app's models: people, groups, organisations and roles (groups), and
invitations, the e-mail queue and the audit log (mail_and_audit)."""

from .groups import *  # noqa: F403
from .mail_and_audit import *  # noqa: F403
