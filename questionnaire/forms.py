"""The questionnaire in steps, its review, and the refine form on the results page.

One ModelForm per step, each saving only its own answers. Choices come from
matchmaker.vocabulary and the style wording from matchmaker.dimensions only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.html import format_html

from matchmaker import geo, limits, vocabulary
from matchmaker.dimensions import DIMENSIONS, IMPORTANCE_CHOICES, SCALE, Dimension
from matchmaker.limits import MAX_FEE
from matchmaker.matching import states
from matchmaker.matching.explaining import describe_answer
from questionnaire.models import DEFAULT_DISTANCE, DISTANCE_CHOICES, Client

NO_PREFERENCE = ""
POINT_CHOICES = [(NO_PREFERENCE, "No preference"), *((point, str(point)) for point in SCALE)]
AGE_RANGE_CHOICES = [(code, label) for code, label, _, _ in vocabulary.AGE_RANGES]


# Fields, built once here and shared by the steps and the refine form, so both validate alike.


def state_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="State you live in",
        choices=[("", "Choose your state"), *vocabulary.US_STATES],
        help_text="Therapists can only see clients in states where they are licensed.",
        error_messages={"required": "Please choose the state you live in."},
    )


def max_fee_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="Most you can pay per session (USD)",
        required=False,
        # The model field's own validators, so the questionnaire and the refine form refuse what it refuses.
        validators=[limits.max_fee_at_least, limits.max_fee_at_most],
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1, "min": 0, "max": MAX_FEE}),
        help_text="Leave this empty if cost does not limit you. If you need a sliding scale, "
        "therapists who offer one are shown even when their full fee is higher.",
        error_messages={
            "invalid": "Please enter a whole number of dollars, like 80.",
        },
    )


def choice_list_field(label: str, choices: tuple[tuple[str, str], ...], help_text: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple, help_text=help_text
    )


def languages_field() -> forms.MultipleChoiceField:
    return choice_list_field(
        "Languages you would like sessions in",
        vocabulary.LANGUAGES,
        "You will see therapists who speak at least one of them. Leave them all unticked if any language is fine.",
    )


def concerns_field() -> forms.MultipleChoiceField:
    return choice_list_field(
        "What brings you to therapy?",
        vocabulary.CONCERNS,
        "Choose any that fit, or none. You will see therapists who work with all of them, "
        "so choosing fewer shows more therapists.",
    )


def optional_choice_field(label: str, choices: list[tuple[str, str]], *, radio: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.RadioSelect if radio else forms.Select,
    )


def insurance_field() -> forms.ChoiceField:
    return optional_choice_field(
        "Insurance you would like to use",
        [("", "No insurance, or I will pay myself"), *vocabulary.INSURANCE_PLANS],
        radio=False,
    )


def preferred_point_field(dimension: Dimension) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=dimension.client_question,
        choices=POINT_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def importance_choice_field(label: str = "How much does this matter to you?") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=IMPORTANCE_CHOICES,
        coerce=int,
        initial=0,
        widget=forms.RadioSelect,
        error_messages={"required": "Please say how much this matters to you, even if not at all."},
    )


def ordered_codes(chosen: list[str], choices: tuple[tuple[str, str], ...]) -> list[str]:
    """The chosen codes once each, in the vocabulary's order, so saved lists read the same every time."""
    return [code for code, _ in choices if code in chosen]


class AnswersForm(forms.ModelForm):
    """Shared behaviour of every form that saves some of a client's answers."""

    def clean_languages(self) -> list[str]:
        return ordered_codes(self.cleaned_data["languages"], vocabulary.LANGUAGES)

    def clean_concerns(self) -> list[str]:
        return ordered_codes(self.cleaned_data["concerns"], vocabulary.CONCERNS)

    def answers(self) -> dict[str, Any]:
        """The cleaned answers this form owns, by model field name."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self._meta.fields or ()]


def zip_code_field() -> forms.CharField:
    # No max_length: a wrong length gets the same plain message as any other mistake (see clean_meeting).
    return forms.CharField(
        label="Your ZIP code",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}),
        help_text="Only if you would meet in person: we show therapists whose office is near it. "
        "It stays with your answers and is never shown to therapists.",
    )


def max_distance_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="How far you would travel to an office",
        choices=DISTANCE_CHOICES,
        coerce=int,
        initial=DEFAULT_DISTANCE,
        widget=forms.RadioSelect,
        help_text="Counted in a straight line between ZIP codes, so the drive may be a little longer.",
    )


def state_is_right_field() -> forms.BooleanField:
    return forms.BooleanField(label="Yes, the state I chose is right", required=False)


class MeetingForm(AnswersForm):
    """The ZIP code and distance of a client who would meet in person, checked against their state.

    A ZIP code in another state than the one chosen is a question, not a refusal: the client
    confirms the state or changes one of the two. Online-only clients are not asked.
    """

    zip_code = zip_code_field()
    max_distance = max_distance_field()
    state_is_right = state_is_right_field()

    asks_about_state = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.clean_meeting(cleaned)
        return cleaned

    def clean_meeting(self, cleaned: dict[str, Any]) -> None:
        zip_code = (cleaned.get("zip_code") or "").strip()
        cleaned["zip_code"] = zip_code
        if cleaned.get("session_format") == Client.SessionFormat.ONLINE:
            if zip_code and geo.zip_problem(zip_code):
                cleaned["zip_code"] = ""  # not used for online sessions, and not worth an error
            return
        if not zip_code:
            self.add_error("zip_code", "Please enter your ZIP code, so that we can show offices near you.")
            return
        if problem := geo.zip_problem(zip_code):
            self.add_error("zip_code", problem)
            return
        home = geo.place(zip_code)
        chosen = cleaned.get("state")
        if home and chosen and home.state != chosen and not cleaned.get("state_is_right"):
            self.asks_about_state = True
            zip_state = vocabulary.STATE_NAMES.get(home.state, home.state)
            chosen_name = vocabulary.STATE_NAMES[chosen]
            self.add_error(
                "zip_code",
                f"{zip_code} is in {zip_state}, but you chose {chosen_name}. Therapists must be licensed "
                f"where you live: is {chosen_name} right? If so, tick the box below; if not, change your "
                "state or your ZIP code.",
            )

    def meeting_extra_fields(self) -> list[forms.BoundField]:
        """The confirmation box, shown only while the ZIP code's state is in question."""
        return [self["state_is_right"]] if self.asks_about_state or self["state_is_right"].value() else []


class StepForm(AnswersForm):
    """One step of the questionnaire. Its Continue and Back buttons submit `go`."""

    go = forms.CharField(required=False, max_length=10)

    def clean_go(self) -> str:
        # Anything but "back" moves on: a tampered button value is no reason to lose the step.
        return "back" if self.cleaned_data["go"] == "back" else "next"

    def save_step(self, number: int) -> Client:
        """Save this step's answers and remember how far the client has got."""
        client: Client = self.instance
        client.furthest_step = max(client.furthest_step, number)
        client.save(update_fields=[*(self._meta.fields or ()), "furthest_step", "updated_at"])
        return client

    def notice(self) -> str | None:
        """Something to tell the client once this step is saved; None for most steps."""
        return None


class WhereForm(MeetingForm, StepForm):
    state = state_field()

    class Meta:
        model = Client
        fields = ["state", "session_format", "zip_code", "max_distance"]
        widgets = {"session_format": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # How many are listed in each state, in the choices themselves, so it shows on selection without JavaScript.
        self.listed = states.listed_by_state()
        self.fields["state"].choices = [
            ("", "Choose your state"),
            *((code, states.state_choice_label(code, self.listed)) for code, _ in vocabulary.US_STATES),
        ]

    def coverage(self) -> str:
        return states.states_sentence(self.listed)

    def notice(self) -> str | None:
        return states.nobody_in(self.cleaned_data["state"], self.listed)

    def answer_fields(self) -> list[forms.BoundField]:
        return [*super().answer_fields(), *self.meeting_extra_fields()]


class CostsForm(StepForm):
    max_fee = max_fee_field()
    insurance = insurance_field()

    class Meta:
        model = Client
        fields = ["max_fee", "needs_sliding_scale", "insurance"]
        labels = {"needs_sliding_scale": "I need a sliding scale (a lower fee, agreed with the therapist)"}


class ConcernsForm(StepForm):
    concerns = concerns_field()
    languages = languages_field()

    class Meta:
        model = Client
        fields = ["concerns", "languages"]


def gender_field() -> forms.ChoiceField:
    return optional_choice_field("Your therapist’s gender", [("", "No preference"), *vocabulary.GENDERS])


def faith_field() -> forms.ChoiceField:
    return optional_choice_field("Your therapist’s faith", [("", "No preference"), *vocabulary.FAITHS])


def age_range_field() -> forms.ChoiceField:
    return optional_choice_field("Your therapist’s age", [("", "No preference"), *AGE_RANGE_CHOICES])


LGBTQ_LABEL = "I would like a therapist who is LGBTQ+-affirming"


class TherapistForm(StepForm):
    therapist_gender = gender_field()
    therapist_faith = faith_field()
    therapist_age_range = age_range_field()

    class Meta:
        model = Client
        fields = ["therapist_gender", "wants_lgbtq_affirming", "therapist_faith", "therapist_age_range"]
        labels = {"wants_lgbtq_affirming": LGBTQ_LABEL}


class StyleStepForm(StepForm):
    """A preferred point and an importance for the dimensions named in Meta.fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dimension in self.dimensions():
            self.fields[dimension.point_field] = preferred_point_field(dimension)
            self.fields[dimension.importance_field] = importance_choice_field()

    def dimensions(self) -> list[Dimension]:
        return [d for d in DIMENSIONS if d.point_field in (self._meta.fields or ())]

    def style_groups(self) -> list[dict[str, object]]:
        """Per dimension: its registry entry and its two bound fields, for the template."""
        return [
            {"dimension": d, "point": self[d.point_field], "importance": self[d.importance_field]}
            for d in self.dimensions()
        ]


def style_step_form(dimensions: tuple[Dimension, ...]) -> type[StyleStepForm]:
    fields = [name for d in dimensions for name in (d.point_field, d.importance_field)]
    return forms.modelform_factory(Client, form=StyleStepForm, fields=fields)  # type: ignore[return-value]


STYLE_INTRO = (
    "There is no right answer in these questions. Different people want different things from a "
    "therapist, and what helps one person may not suit another. For each one, choose the point that "
    "feels closest to you, or “no preference”, and say how much it matters to you."
)


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    form_class: type[StepForm]
    intro: str = ""

    @property
    def is_style(self) -> bool:
        return issubclass(self.form_class, StyleStepForm)


# The style dimensions, two per step, in the registry's order.
STYLE_PAIRS = [DIMENSIONS[index : index + 2] for index in range(0, len(DIMENSIONS), 2)]
STYLE_STEPS_START = 5

STEPS: tuple[Step, ...] = (
    Step(1, "Where and how you would meet", WhereForm),
    Step(2, "Costs and insurance", CostsForm),
    Step(3, "What brings you, and languages", ConcernsForm),
    Step(
        4,
        "About your therapist",
        TherapistForm,
        "Everything here is optional. Leave it as it is if none of it matters to you.",
    ),
    *(
        Step(
            STYLE_STEPS_START + index,
            f"How you would like them to work with you ({index + 1} of {len(STYLE_PAIRS)})",
            style_step_form(pair),
            STYLE_INTRO if index == 0 else "",
        )
        for index, pair in enumerate(STYLE_PAIRS)
    ),
)
LAST_STEP = len(STEPS)


def get_step(number: int) -> Step | None:
    return STEPS[number - 1] if 1 <= number <= LAST_STEP else None


class ConsentForm(forms.Form):
    """Asked on the first step at /start/: without this tick nothing is saved, not even a private link."""

    keep_answers = forms.BooleanField(
        label=(
            "Keep my answers so I can come back to them. I agree that Matchmaker stores what I tell it here, "
            "including what brings me to therapy, under a private link until I delete it or leave it "
            "unopened for 12 months."
        ),
        error_messages={
            "required": "Please tick this box so we can keep your answers. Until you do, we save nothing.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep_answers"].help_text = format_html(
            '<a href="{}">What we keep, why, and for how long</a>', reverse("privacy")
        )


# The review page: every answer in plain words.


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    anchor: str  # the element on the step page to jump to when changing it


@dataclass(frozen=True)
class ReviewSection:
    step: Step
    answers: list[Answer]


def describe_value(field: forms.Field, value: object) -> str:
    if isinstance(field, forms.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, forms.MultipleChoiceField):
        names = vocabulary.labels(tuple(field.choices), list(value or []))  # type: ignore[arg-type]
        return ", ".join(names) or "None chosen"
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))  # type: ignore[arg-type]
    if isinstance(field, forms.IntegerField):
        return "No limit" if value is None else f"${value} a session"
    return str(value)


def review_sections(client: Client) -> list[ReviewSection]:
    sections = []
    importance_names = dict(IMPORTANCE_CHOICES)
    for step in STEPS:
        form = step.form_class(instance=client)
        if isinstance(form, StyleStepForm):
            answers = [
                Answer(
                    d.title,
                    describe_answer(d, getattr(client, d.point_field))
                    + (
                        f". Matters: {importance_names[getattr(client, d.importance_field)].lower()}."
                        if getattr(client, d.point_field) is not None
                        else ": this scale won’t affect your matches."
                    ),
                    f"question-{d.key}",
                )
                for d in form.dimensions()
            ]
        else:
            answers = [
                Answer(
                    str(form[name].label), describe_value(form.fields[name], getattr(client, name)), f"div_id_{name}"
                )
                for name in form._meta.fields or ()
                # Where and how far matter only to someone who would meet in person.
                if client.wants_in_person or name not in ("zip_code", "max_distance")
            ]
        sections.append(ReviewSection(step, answers))
    return sections


# Refining the results: every practical filter and every importance, on the results page.

REFINE_PRACTICAL_FIELDS = [
    "state",
    "session_format",
    "zip_code",
    "max_distance",
    "languages",
    "concerns",
    "max_fee",
    "needs_sliding_scale",
    "insurance",
    "therapist_gender",
    "wants_lgbtq_affirming",
    "therapist_faith",
    "therapist_age_range",
]


class RefineForm(MeetingForm):
    state = state_field()
    languages = languages_field()
    concerns = concerns_field()
    max_fee = max_fee_field()
    insurance = insurance_field()
    therapist_gender = gender_field()
    therapist_faith = faith_field()
    therapist_age_range = age_range_field()

    class Meta:
        model = Client
        fields = [*REFINE_PRACTICAL_FIELDS, *(d.importance_field for d in DIMENSIONS)]
        widgets = {"session_format": forms.RadioSelect}
        labels = {
            "needs_sliding_scale": "I need a sliding scale (a lower fee, agreed with the therapist)",
            "wants_lgbtq_affirming": LGBTQ_LABEL,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for d in DIMENSIONS:
            field = importance_choice_field(f"How much does “{d.title.lower()}” matter to you?")
            if getattr(self.instance, d.point_field) is None:
                field.help_text = (
                    "You chose no preference here, so this counts only once you choose a point in your answers."
                )
            self.fields[d.importance_field] = field

    def practical_fields(self) -> list[forms.BoundField]:
        fields = [self[name] for name in REFINE_PRACTICAL_FIELDS]
        where = REFINE_PRACTICAL_FIELDS.index("max_distance") + 1
        return [*fields[:where], *self.meeting_extra_fields(), *fields[where:]]

    def importance_fields(self) -> list[forms.BoundField]:
        return [self[d.importance_field] for d in DIMENSIONS]
