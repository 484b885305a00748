"""A deadline in words, the same on the start page's task list and the period overview."""

from datetime import date

from django.utils import translation

from activities.reporting.deadlines import days_left, deadline_in_words

TODAY = date(2027, 1, 3)


def test_the_days_left_read_as_the_user_sees_them_in_swedish():
    with translation.override("sv"):
        assert deadline_in_words(date(2027, 1, 15), TODAY) == "12 dagar kvar"
        assert deadline_in_words(date(2027, 1, 4), TODAY) == "1 dag kvar"
        assert deadline_in_words(TODAY, TODAY) == "i dag"
        assert deadline_in_words(date(2027, 1, 2), TODAY) == "1 dag sen"
        assert deadline_in_words(date(2026, 12, 31), TODAY) == "3 dagar sen"


def test_and_in_english():
    with translation.override("en"):
        assert deadline_in_words(date(2027, 1, 15), TODAY) == "12 days left"
        assert deadline_in_words(date(2027, 1, 4), TODAY) == "1 day left"
        assert deadline_in_words(TODAY, TODAY) == "due today"
        assert deadline_in_words(date(2027, 1, 2), TODAY) == "1 day ago"
        assert deadline_in_words(date(2026, 12, 31), TODAY) == "3 days ago"


def test_days_left_count_across_a_year_end():
    assert days_left(date(2027, 1, 15), date(2026, 12, 20)) == 26
    assert days_left(date(2026, 12, 20), date(2027, 1, 15)) == -26
