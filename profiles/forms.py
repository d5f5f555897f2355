from __future__ import annotations

from django import forms

from matchmaker.dimensions import DIMENSIONS, SCALE
from profiles.models import Therapist

THERAPIST_POINT_CHOICES = [(point, str(point)) for point in SCALE]


class TherapistProfileForm(forms.ModelForm):
    """Basic practical details and the style self-assessment on the six dimensions."""

    class Meta:
        model = Therapist
        fields = [
            "name",
            "pronouns",
            "credentials",
            "city",
            "offers_online",
            "offers_in_person",
            "fee",
            "sliding_scale",
            "accepting_new_clients",
            "bio",
            *(d.key for d in DIMENSIONS),
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = forms.TypedChoiceField(
                label=f"In my sessions I usually … ({dimension.title.lower()})",
                choices=THERAPIST_POINT_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose where you stand on this scale."},
            )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if not cleaned.get("offers_online") and not cleaned.get("offers_in_person"):
            raise forms.ValidationError("Choose at least one way to see clients: online or in person.")
        if cleaned.get("offers_in_person") and not cleaned.get("city"):
            self.add_error("city", "Tell clients which city your office is in.")
        return cleaned

    def style_groups(self) -> list[dict[str, object]]:
        return [{"dimension": d, "point": self[d.key]} for d in DIMENSIONS]

    @property
    def practical_fields(self) -> list[forms.BoundField]:
        style_keys = {d.key for d in DIMENSIONS}
        return [self[name] for name in self.fields if name not in style_keys]
