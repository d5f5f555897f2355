from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models

from matchmaker.alliance import rules

# A message in a conversation is at most this long; the first one too.
MESSAGE_MAX_LENGTH = 2000


class Side(models.TextChoices):
    """Who wrote a message or closed a conversation."""

    CLIENT = "client", "The client"
    THERAPIST = "therapist", "The therapist"


class ConsultationRequest(models.Model):
    """A client reaching out to a therapist, and the conversation that follows under the client's private link.

    Either side may leave: a client who deletes everything keeps no message here (``client`` becomes
    empty and ``client_deleted_at`` is set), and a therapist who deletes their account leaves the
    conversation to the client under ``therapist_name``.
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        REPLIED = "replied", "Replied"
        CLOSED = "closed", "Closed"

    client = models.ForeignKey(
        "questionnaire.Client", null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    therapist = models.ForeignKey(
        "profiles.Therapist", null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    therapist_name = models.CharField(
        max_length=120, blank=True, help_text="The therapist's name when the request was sent, kept if they leave."
    )
    name = models.CharField("Your name", max_length=100)
    contact = models.CharField(
        "How to reach you", max_length=200, blank=True, help_text="An email address or phone number, if given."
    )
    message = models.TextField("Your message", max_length=MESSAGE_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(auto_now_add=True)
    shared_consent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the client agreed to share this request's details with the therapist."
    )
    fit_at_request = models.FloatField(
        null=True, blank=True, help_text="The client's fit score with the therapist then."
    )
    gaps_at_request = models.JSONField(
        default=dict,
        blank=True,
        help_text="Per weighted scale, the distance between the client and the therapist then.",
    )

    # How the therapist answered: the first reply, or closing the conversation, both tell the client something.
    first_reply_at = models.DateTimeField(
        null=True, blank=True, help_text="When the therapist first answered: a message, or closing the conversation."
    )
    reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the therapist was reminded of this unanswered request (once)."
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.CharField(max_length=10, choices=Side.choices, blank=True)
    client_deleted_at = models.DateTimeField(
        null=True, blank=True, help_text="When the client deleted everything, their messages with it."
    )

    # What the client asked for, coarse, so curators can see whether some asks go unanswered more often.
    # Cleared with the client's messages when they delete everything.
    asked_state = models.CharField(max_length=2, blank=True)
    asked_format = models.CharField(max_length=10, blank=True)
    asked_sliding_scale = models.BooleanField(default=False)
    asked_insurance = models.BooleanField(default=False)
    asked_language = models.BooleanField(default=False, help_text="Asked for sessions in a language besides English.")

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
            models.CheckConstraint(
                condition=models.Q(closed_by__in=["", "client", "therapist"]), name="request_closed_by_known"
            ),
        ]
        indexes = [models.Index(fields=["therapist", "created_at"], name="request_therapist_created")]

    def __str__(self) -> str:
        return f"Request to {self.therapist_name or self.therapist_id} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    @property
    def client_left(self) -> bool:
        return self.client_deleted_at is not None

    @property
    def therapist_left(self) -> bool:
        return self.therapist_id is None


class Message(models.Model):
    """One message in a conversation after the request that opened it. Plain text, shown escaped."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=10, choices=Side.choices)
    body = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(sender__in=["client", "therapist"]), name="message_sender_known")
        ]
        indexes = [models.Index(fields=["request", "created_at"], name="message_request_created")]

    def __str__(self) -> str:
        return f"Message from {self.get_sender_display().lower()}"


class CheckIn(models.Model):
    """How a first session felt, in our own questions (see matchmaker.alliance.rules).

    Never shown to the therapist one by one.
    """

    SCALE_MAX = rules.ANSWER_MAX
    QUESTIONS = tuple((question.key, question.text) for question in rules.ALLIANCE_QUESTIONS)

    client = models.ForeignKey("questionnaire.Client", on_delete=models.CASCADE, related_name="check_ins")
    therapist = models.ForeignKey("profiles.Therapist", on_delete=models.CASCADE, related_name="check_ins")
    bond = models.PositiveSmallIntegerField(validators=[MaxValueValidator(rules.ANSWER_MAX)])
    goals = models.PositiveSmallIntegerField(validators=[MaxValueValidator(rules.ANSWER_MAX)])
    tasks = models.PositiveSmallIntegerField(validators=[MaxValueValidator(rules.ANSWER_MAX)])
    again = models.CharField(max_length=10, choices=rules.AGAIN)
    felt_right = models.BooleanField(help_text="Our rule (matchmaker.alliance.rules.felt_right) on these answers.")
    style_steps = models.JSONField(
        default=dict, blank=True, help_text="Per weighted scale, how the therapist came across: -2..2, 0 about right."
    )
    wanted = models.JSONField(
        default=dict, blank=True, help_text="Per weighted scale, the client's point when checking in."
    )
    is_synthetic = models.BooleanField(default=False, help_text="Made up for a demo, not from a real client.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "questionnaire_checkin"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 0, f"{name}__lte": 4}), name=f"check_in_{name}_in_scale"
            )
            for name in ("bond", "goals", "tasks")
        ] + [
            models.CheckConstraint(condition=models.Q(again__in=["yes", "unsure", "no"]), name="check_in_again_known"),
            models.UniqueConstraint(fields=["client", "therapist"], name="check_in_once_per_therapist"),
        ]

    def __str__(self) -> str:
        return f"Check-in about {self.therapist}"

    def answers(self) -> list[int]:
        """The answers in the order of QUESTIONS, as the aggregate rule takes them."""
        return [getattr(self, name) for name, _question in self.QUESTIONS]

    @property
    def total(self) -> int:
        """Our alliance total, 0..12."""
        return rules.alliance_total({name: getattr(self, name) for name in rules.ALLIANCE_KEYS})

    def experienced(self) -> dict[str, int]:
        """Per scale the client answered, where they experienced the therapist."""
        return {
            key: rules.experienced_point(int(self.wanted[key]), int(step))
            for key, step in self.style_steps.items()
            if key in self.wanted
        }


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


class ExperiencedStyle(models.Model):
    """Where clients who checked in place a therapist on one scale, published in batches (see matchmaker.aggregates).

    Written only by questionnaire.reaching_out.experienced_style_publish. The ranking never reads it.
    """

    therapist = models.ForeignKey("profiles.Therapist", on_delete=models.CASCADE, related_name="experienced_style")
    key = models.CharField(max_length=30)
    mean = models.FloatField(help_text="The mean experienced point, rounded to the nearest half point.")
    clients = models.PositiveIntegerField(help_text="How many different clients the mean is drawn from.")
    last_check_in = models.PositiveBigIntegerField(help_text="The id of the newest check-in the mean includes.")
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["therapist", "key"]
        constraints = [models.UniqueConstraint(fields=["therapist", "key"], name="experienced_style_once_per_scale")]

    def __str__(self) -> str:
        return f"How clients experience {self.therapist} on {self.key}"
