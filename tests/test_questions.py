from django.urls import reverse

from activities.models import QuestionKind

from .conftest import answer, make_period


def _url(name, world, period, *args):
    return reverse(f"activities:{name}", args=[world.group.slug, period.pk, *args])


def test_the_coordinator_edits_adds_removes_and_reorders_before_any_answer(world, client):
    period = make_period(world.group)
    client.force_login(world.coordinator)
    q2 = period.questions.get(number=2)
    client.post(
        _url("question_edit", world, period, q2.pk),
        {
            "title": "Mandat",
            "wording": "Vilket mandat har ni?",
            "help_text": "",
            "kind": QuestionKind.NARRATIVE,
        },
    )
    client.post(
        _url("question_create", world, period),
        {
            "title": "Statistik",
            "wording": "Vilka siffror har ni?",
            "help_text": "Om ni har.",
            "kind": QuestionKind.NARRATIVE,
        },
    )
    client.post(_url("question_delete", world, period, period.questions.get(number=1).pk))
    client.post(
        _url("question_move", world, period, period.questions.get(title="Statistik").pk),
        {"direction": "up"},
    )
    assert list(period.questions.order_by("number").values_list("number", "title")) == [
        (1, "Mandat"),
        (2, "Plan och styrdokument"),
        (3, "Samverkan"),
        (4, "Statistik"),
        (5, "Framtid"),
    ]


def test_the_questions_freeze_once_an_answer_is_saved(world, client):
    period = make_period(world.group)
    answer(period, world.org_a, world.rep_a, {1: "Vi arbetar."})
    client.force_login(world.coordinator)
    q2 = period.questions.get(number=2)
    response = client.post(
        _url("question_edit", world, period, q2.pk),
        {"title": "Mandat", "wording": "Ändrad", "help_text": "", "kind": QuestionKind.NARRATIVE},
    )
    page = response.content.decode()
    assert "frågor kan inte längre ändras" in page
    assert 'value="Mandat"' in page
    q2.refresh_from_db()
    assert q2.title == "Uppdrag"
    client.post(_url("question_delete", world, period, q2.pk))
    assert period.questions.count() == 5
    listing = client.get(_url("question_list", world, period)).content.decode()
    assert "frågorna är låsta" in listing
    assert "Lägg till en fråga" not in listing
