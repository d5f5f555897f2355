from __future__ import annotations

from django import forms

from matchmaker.dimensions import DIMENSIONS, IMPORTANCE_CHOICES, SCALE
from questionnaire.models import Client

NO_PREFERENCE = ""
POINT_CHOICES = [(NO_PREFERENCE, "No preference"), *((point, str(point)) for point in SCALE)]


def preferred_point_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=POINT_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def importance_choice_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="How much does this matter to you?",
        choices=IMPORTANCE_CHOICES,
        coerce=int,
        initial=0,
        widget=forms.RadioSelect,
        error_messages={"required": "Please say how much this matters to you, even if not at all."},
    )


class StyleFieldsMixin:
    """Adds a preferred point and an importance for every dimension in the registry."""

    fields: dict[str, forms.Field]

    def add_style_fields(self) -> None:
        for dimension in DIMENSIONS:
            self.fields[dimension.point_field] = preferred_point_field()
            self.fields[dimension.point_field].label = dimension.client_question
            self.fields[dimension.importance_field] = importance_choice_field()

    def style_groups(self) -> list[dict[str, object]]:
        """Per dimension: its registry entry and its two bound fields, for the template."""
        return [
            {
                "dimension": dimension,
                "point": self[dimension.point_field],  # type: ignore[index]
                "importance": self[dimension.importance_field],  # type: ignore[index]
            }
            for dimension in DIMENSIONS
        ]


class QuestionnaireForm(StyleFieldsMixin, forms.ModelForm):
    """The whole questionnaire on one page."""

    class Meta:
        model = Client
        fields = [
            "state",
            "session_format",
            *(name for d in DIMENSIONS for name in (d.point_field, d.importance_field)),
        ]
        widgets = {"session_format": forms.RadioSelect}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_style_fields()
        self.fields["state"].required = True
        self.fields["state"].error_messages["required"] = "Please choose the state you live in."
        self.fields["state"].help_text = "Therapists can only see clients in states where they are licensed."
