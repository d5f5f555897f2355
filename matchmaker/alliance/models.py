from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models


class ConsultationRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        REPLIED = "replied", "Replied"
        CLOSED = "closed", "Closed"

    client = models.ForeignKey("questionnaire.Client", on_delete=models.CASCADE, related_name="requests")
    therapist = models.ForeignKey("profiles.Therapist", on_delete=models.CASCADE, related_name="requests")
    name = models.CharField("Your name", max_length=100)
    contact = models.CharField("How to reach you", max_length=200, help_text="An email address or phone number.")
    message = models.TextField("Your message", max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(auto_now_add=True)
    shared_consent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the client agreed to share this request's details with the therapist."
    )

    class Meta:
        db_table = "questionnaire_consultationrequest"  # created by the client side, before this app existed
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["new", "replied", "closed"]), name="request_status_known"
            ),
            # Until the therapist answers, a second request to them from the same link is the first one again.
            models.UniqueConstraint(
                fields=["client", "therapist"], condition=models.Q(status="new"), name="one_open_request_per_therapist"
            ),
        ]

    def __str__(self) -> str:
        return f"Request to {self.therapist} ({self.get_status_display()})"


class CheckIn(models.Model):
    """How a first session felt, in the client's own ratings. Never shown to the therapist one by one."""

    SCALE_MAX = 10
    QUESTIONS = (
        ("heard", "I felt heard, understood and respected."),
        ("goals", "We worked on what I wanted to work on."),
        ("approach", "The way they work suits me."),
        ("overall", "Overall, the session felt right for me."),
    )

    client = models.ForeignKey("questionnaire.Client", on_delete=models.CASCADE, related_name="check_ins")
    therapist = models.ForeignKey("profiles.Therapist", on_delete=models.CASCADE, related_name="check_ins")
    heard = models.PositiveSmallIntegerField(validators=[MaxValueValidator(SCALE_MAX)])
    goals = models.PositiveSmallIntegerField(validators=[MaxValueValidator(SCALE_MAX)])
    approach = models.PositiveSmallIntegerField(validators=[MaxValueValidator(SCALE_MAX)])
    overall = models.PositiveSmallIntegerField(validators=[MaxValueValidator(SCALE_MAX)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "questionnaire_checkin"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 0, f"{name}__lte": 10}), name=f"check_in_{name}_in_scale"
            )
            for name in ("heard", "goals", "approach", "overall")
        ] + [models.UniqueConstraint(fields=["client", "therapist"], name="check_in_once_per_therapist")]

    def __str__(self) -> str:
        return f"Check-in about {self.therapist}"

    def answers(self) -> list[int]:
        """The answers in the order of QUESTIONS, as the aggregate rule takes them."""
        return [getattr(self, name) for name, _question in self.QUESTIONS]

    @property
    def total(self) -> int:
        return self.heard + self.goals + self.approach + self.overall

    @property
    def feels_right(self) -> bool:
        """A total of 36 or more out of 40 with no single answer of 6 or less."""
        answers = (self.heard, self.goals, self.approach, self.overall)
        return self.total >= 36 and min(answers) > 6


class PublishedCheckIns(models.Model):
    """The check-in averages a therapist and our team see, published in batches (see matchmaker.aggregates).

    Written only by questionnaire.reaching_out.check_ins_publish; kept when a client deletes their
    check-in, since changing it then would show what that one client had answered.
    """

    therapist = models.OneToOneField("profiles.Therapist", on_delete=models.CASCADE, related_name="published_check_ins")
    means = models.JSONField(help_text="The mean answer to each question, in the order of CheckIn.QUESTIONS.")
    clients = models.PositiveIntegerField(help_text="How many different clients the means are drawn from.")
    last_check_in = models.PositiveBigIntegerField(help_text="The id of the newest check-in the means include.")
    published_at = models.DateTimeField()

    class Meta:
        db_table = "questionnaire_publishedcheckins"

    def __str__(self) -> str:
        return f"Check-in averages of {self.therapist}"
