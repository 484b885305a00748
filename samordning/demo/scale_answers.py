"""The scale generator's submissions: each organisation's answers with their history of
saves, the transitions of the review, and the coordinator's comments."""

from datetime import timedelta

from activities.models import (
    Answer,
    AnswerVersion,
    Comment,
    Submission,
    SubmissionStatus,
    Transition,
)

from .scale_common import TEXTS, at, weighted

DRAFT, SUBMITTED, RETURNED, APPROVED = (
    SubmissionStatus.DRAFT,
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.RETURNED,
    SubmissionStatus.APPROVED,
)
NOT_STARTED = "not_started"
# The transitions each history goes through, from the first save.
HISTORIES = {
    DRAFT: [DRAFT],
    SUBMITTED: [DRAFT, SUBMITTED],
    RETURNED: [DRAFT, SUBMITTED, RETURNED],
    APPROVED: [DRAFT, SUBMITTED, APPROVED],
    "approved_after_return": [DRAFT, SUBMITTED, RETURNED, SUBMITTED, APPROVED],
}
# How a past period's submission ended up: (history, late, weight).
PAST_OUTCOMES = [
    (APPROVED, False, 70),
    (APPROVED, True, 10),
    ("approved_after_return", False, 8),
    ("approved_after_return", True, 3),
    (NOT_STARTED, False, 4),
    (DRAFT, True, 2),
    (RETURNED, False, 2),
    (SUBMITTED, False, 1),
]
# The current period beyond the first five organisations, which get one state each.
CURRENT_STATES = [(NOT_STARTED, 20), (DRAFT, 30), (SUBMITTED, 25), (RETURNED, 10), (APPROVED, 15)]


class SubmissionsMixin:
    """The submissions part of GroupBuilder (scale.py), which holds the group being built."""

    def _texts(self, organisation, question_number, period, previous):
        """2-4 successive texts of one answer, the first taken over from last period's."""
        rng = self.rng
        fill = {**self.fill, "org": organisation.name, "period": period.name.lower()}
        stable = self.stable.setdefault(
            (organisation.pk, question_number), rng.sample(TEXTS["stable"][str(question_number)], 2)
        )
        base = " ".join(stable).format(**fill)
        changing = [
            s.format(**fill, n=rng.randint(2, 9))
            for s in rng.sample(TEXTS["changing"][str(question_number)], 2)
        ]
        texts = [previous or base, f"{base} {changing[0]}"]
        if rng.random() < 0.6:
            items = rng.sample(TEXTS["list_items"], 3)
            intro = TEXTS["phrases"]["list_intro"]
            texts.append(f"{texts[-1]}\n\n{intro}\n" + "\n".join(f"- {i}" for i in items))
        if rng.random() < 0.4:
            head, _sep, tail = texts[-1].partition("\n\n")
            texts.append(f"{head} {changing[1]}" + (f"\n\n{tail}" if tail else ""))
        if texts[0] == texts[1]:
            texts.pop(0)
            texts.append(f"{texts[-1]} {TEXTS['phrases']['no_more_changes']}")
        return texts

    def _moments(self, period, outcome, late):
        """When each transition of the history happened: plausible days around the period's
        deadline for past periods, spread over the period so far for the current one."""
        rng, steps = self.rng, HISTORIES[outcome]
        limit = self.now - timedelta(minutes=30)
        if period is self.periods[-1]:
            start = min(at(period.starts_on, 8), limit - timedelta(hours=len(steps) + 1))
            seconds = int((limit - start).total_seconds())
            return [
                start + timedelta(seconds=s) for s in sorted(rng.sample(range(seconds), len(steps)))
            ]
        day = period.ends_on - timedelta(days=rng.randint(3, 30))
        moments = [at(day, rng.randint(8, 15), rng.randrange(60))]
        for step in steps[1:]:
            previous = moments[-1]
            if step == SUBMITTED and len(moments) == 1:
                if late:
                    when = period.deadline + timedelta(days=rng.randint(1, 25))
                else:
                    when = previous.date() + timedelta(
                        days=rng.randint(1, max(1, (period.deadline - previous.date()).days))
                    )
                moment = at(when, rng.randint(8, 16), rng.randrange(60))
            else:
                moment = previous + timedelta(days=rng.randint(1, 8), hours=rng.randint(0, 5))
            moments.append(max(moment, previous + timedelta(minutes=5)))
        if moments[-1] > limit:  # the last quarter, just after its end: squeeze into it
            first = min(moments[0], limit - timedelta(days=1))
            scale = (limit - first) / (moments[-1] - first)
            moments = [first + (m - first) * scale for m in moments]
        return moments

    def _submissions(self):
        rng = self.rng
        self.stable, previous_texts = {}, {}
        submissions, answers, versions, transitions, threads, replies = [], [], [], [], [], []
        self.approved = {}  # (period pk, organisation pk): [(question, text)]
        coordinator = self.coordinator
        for period in self.periods:
            questions = self.questions[period.pk]
            current = period is self.periods[-1]
            if current:
                order = rng.sample(self.organisations, len(self.organisations))
                states = [APPROVED, RETURNED, SUBMITTED, DRAFT, NOT_STARTED]
                plans = {
                    o.pk: (states[i] if i < len(states) else weighted(rng, CURRENT_STATES), False)
                    for i, o in enumerate(order)
                }
            else:
                outcomes = [((h, late), w) for h, late, w in PAST_OUTCOMES]
                plans = {o.pk: weighted(rng, outcomes) for o in self.organisations}
            for organisation in self.organisations:
                outcome, late = plans[organisation.pk]
                if outcome == NOT_STARTED:
                    continue
                steps = HISTORIES[outcome]
                moments = self._moments(period, outcome, late)
                rep = rng.choice(self.representatives[organisation.pk])
                status = steps[-1]
                submitted = [m for s, m in zip(steps, moments, strict=True) if s == SUBMITTED]
                submission = Submission(
                    period=period,
                    organisation=organisation,
                    status=status,
                    updated_at=moments[-1],
                    updated_by=coordinator if status in (RETURNED, APPROVED) else rep,
                    submitted_at=submitted[-1] if submitted else None,
                    records_snapshot=self._snapshot(organisation, period)
                    if status == APPROVED
                    else {},
                )
                submissions.append(submission)
                before = None
                for step, moment in zip(steps, moments, strict=True):
                    by = coordinator if step in (RETURNED, APPROVED) else rep
                    comment = rng.choice(TEXTS["return_reasons"]) if step == RETURNED else ""
                    transitions.append(
                        Transition(
                            submission=submission,
                            from_status=before or "",
                            to_status=step,
                            by=by,
                            at=moment,
                            comment=comment,
                        )
                    )
                    before = step
                # The question the coordinator commented on, if it was ever returned.
                commented = rng.choice(questions[1:]) if RETURNED in steps else None
                first_submit = (
                    submitted[0]
                    if submitted
                    else min(moments[0] + timedelta(days=3), self.now - timedelta(minutes=5))
                )
                returned_at = moments[steps.index(RETURNED)] if RETURNED in steps else None
                # A draft may not have every answer yet.
                answered = questions
                if status == DRAFT and current:
                    answered = questions[: rng.randint(1, len(questions))]
                saves, last_save = 1, moments[-1]
                final = []
                for question in answered:
                    if self.skipped_question.get(organisation.pk) == question.number:
                        continue
                    key = (organisation.pk, question.number)
                    texts = self._texts(
                        organisation, question.number, period, previous_texts.get(key)
                    )
                    answer = Answer(submission=submission, question=question, text=texts[-1])
                    answers.append(answer)
                    final.append((question, texts[-1]))
                    edited_after_return = question is commented and len(steps) > 3
                    before_submit = len(texts) - (1 if edited_after_return else 0)
                    span = max(1, int((first_submit - moments[0]).total_seconds()) - 60)
                    offsets = [0] + sorted(rng.sample(range(1, span + 1), before_submit - 1))
                    times = [moments[0] + timedelta(seconds=s) for s in offsets]
                    if edited_after_return:
                        times.append(returned_at + (moments[3] - returned_at) / 2)
                    for number, (text, saved_at) in enumerate(zip(texts, times, strict=True), 1):
                        versions.append(
                            AnswerVersion(
                                answer=answer,
                                number=number,
                                text=text,
                                created_at=saved_at,
                                created_by=rep,
                            )
                        )
                    saves, last_save = max(saves, len(texts)), max(last_save, times[-1])
                submission.version = saves
                if status == DRAFT:
                    submission.updated_at = last_save  # a draft changes with every save
                if status == APPROVED:
                    self.approved[(period.pk, organisation.pk)] = final
                    for question, text in final:
                        previous_texts[(organisation.pk, question.number)] = text
                if commented is not None:
                    resolved = moments[-1] if status == APPROVED else None
                    thread = Comment(
                        submission=submission,
                        question=commented,
                        author=coordinator,
                        text=rng.choice(TEXTS["question_comments"]),
                        created_at=returned_at - timedelta(minutes=1),
                        resolved_at=resolved,
                        resolved_by=coordinator if resolved else None,
                    )
                    threads.append(thread)
                    replies.append(
                        Comment(
                            submission=submission,
                            question=commented,
                            thread=thread,
                            author=rep,
                            text=rng.choice(TEXTS["replies"]),
                            created_at=min(
                                returned_at + timedelta(hours=rng.randint(2, 30)),
                                self.now - timedelta(minutes=1),
                            ),
                        )
                    )
                elif status == APPROVED and rng.random() < 0.05:
                    threads.append(
                        Comment(
                            submission=submission,
                            author=coordinator,
                            text=TEXTS["phrases"]["approval_comment"],
                            created_at=moments[-1],
                        )
                    )
        self.save(Submission, submissions)
        self.save(Answer, answers)
        self.save(AnswerVersion, versions)
        self.save(Transition, transitions)
        self.save(Comment, threads)
        self.save(Comment, replies)
