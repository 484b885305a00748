"""The reporting models: periods, questionnaires and submissions (reporting), and the
organisations' structured records (records)."""

from .records import *  # noqa: F403
from .reporting import *  # noqa: F403
from .reports import *  # noqa: F403
