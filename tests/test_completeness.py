"""How complete an organisation's answers are: a question counts as answered when it has a
written answer; a blank or whitespace-only answer does not."""

import pytest
from django.utils import translation

from activities.reporting.reads import Completeness, answered_counts, completeness

from .conftest import answer, make_period

pytestmark = pytest.mark.django_db


def test_only_written_answers_count(world):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar.", 2: "   \n ", 3: "Ja."})
    answer(period, world.org_b, world.rep_b, {1: ""})

    assert answered_counts(period) == {world.org_a.pk: 2}
    questions = list(period.questions.all())
    texts = {q.pk: t for q, t in zip(questions, ["Vi arbetar.", "", "Ja."], strict=False)}
    counted = completeness(texts, questions)
    assert (counted.answered, counted.total) == (2, len(questions))
    assert counted.unanswered == len(questions) - 2
    assert not counted.is_complete


def test_the_label_reads_as_the_user_sees_it():
    with translation.override("sv"):
        assert str(Completeness(3, 5)) == "3 av 5 besvarade"
    with translation.override("en"):
        assert str(Completeness(5, 5)) == "5 of 5 answered"
    assert Completeness(5, 5).is_complete
