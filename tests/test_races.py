"""Races decided by the database (PostgreSQL): parallel saves, submits and publishes."""

import threading

import pytest
from django.db import connection, connections

from activities.models import Submission, SubmissionStatus, Transition
from activities.reporting import services
from activities.reports import services as report_services

from .conftest import answer, make_period, make_report, run_task_queue

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _in_parallel(count, work):
    """Run work(i) in `count` threads started at the same moment; return results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        try:
            barrier.wait()
            results[i] = ("ok", work(i))
        except Exception as error:  # noqa: BLE001  (the outcome is what we compare)
            results[i] = (type(error).__name__, error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_twenty_parallel_saves_one_wins_the_rest_are_told(world):
    period = make_period(world.group)
    question = period.questions.get(number=1)

    def save(i):
        return services.submission_save(
            period=period,
            organisation=world.org_a,
            texts={question.pk: f"Text {i}"},
            expected_version=0,
            by=world.rep_a,
        )

    results = _in_parallel(20, save)
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes.count("ok") == 1
    assert outcomes.count("SaveConflict") == 19
    winner = next(value for kind, value in results if kind == "ok")
    submission = Submission.objects.get()
    assert submission.version == 1
    assert submission.answers.get().text == winner.answers.get().text


def test_ten_parallel_submits_make_one_transition(world):
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar"})
    results = _in_parallel(
        10, lambda i: services.submission_submit(submission=submission, by=world.rep_a)
    )
    assert all(kind == "ok" for kind, _ in results)
    assert sum(1 for _, changed in results if changed) == 1
    assert (
        Transition.objects.filter(
            submission=submission, to_status=SubmissionStatus.SUBMITTED
        ).count()
        == 1
    )


def test_ten_parallel_identical_publishes_make_one_version(world):
    period = make_period(world.group)
    report = make_report(world.group, [period])
    results = _in_parallel(
        10, lambda i: report_services.report_publish(report=report, by=world.coordinator)
    )
    assert all(kind == "ok" for kind, _ in results), results
    assert report.versions.count() == 1


def test_ten_parallel_publish_clicks_queue_one_publish(world, settings):
    from activities.models import PublishRequest
    from activities.reports import publishing

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = make_report(world.group, [make_period(world.group)])
    results = _in_parallel(
        10, lambda i: publishing.publish_request(report=report, by=world.coordinator)
    )
    assert all(kind == "ok" for kind, _ in results), results
    assert sum(1 for _, (_request, created) in results if created) == 1
    assert len({request.pk for _, (request, _created) in results}) == 1
    assert PublishRequest.objects.count() == 1
    run_task_queue()
    assert report.versions.count() == 1


def test_returning_while_the_representative_submits_leaves_a_consistent_state(world):
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar"}, submit=True)
    services.submission_return(submission=submission, by=world.coordinator, reason="Mer")

    def act(i):
        if i % 2:
            return services.submission_submit(submission=submission, by=world.rep_a)
        return services.submission_approve(submission=submission, by=world.coordinator)

    results = _in_parallel(6, act)
    assert {kind for kind, _ in results} <= {"ok", "WorkflowError"}
    submission.refresh_from_db()
    steps = list(
        Transition.objects.filter(submission=submission)
        .order_by("at", "pk")
        .values_list("from_status", "to_status")
    )
    # Every recorded step starts where the previous one ended.
    for (_, previous_to), (next_from, _) in zip(steps, steps[1:], strict=False):
        assert next_from == previous_to
    assert steps[-1][1] == submission.status
