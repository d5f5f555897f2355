"""A client's shortlist, comparing, and the therapists they set aside: forms and the writes that span models."""

from __future__ import annotations

import re
from enum import StrEnum

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from profiles.models import Therapist
from questionnaire.models import Client, SetAside, ShortlistEntry


class Added(StrEnum):
    SAVED = "saved"
    ALREADY = "already"
    FULL = "full"


def shortlist_add(*, client: Client, therapist: Therapist) -> Added:
    """Save a therapist to the shortlist unless they are on it already or it holds MAX_PER_CLIENT."""
    with transaction.atomic():
        # Lock the client's row so two quick clicks cannot push the list past its limit.
        Client.objects.select_for_update().only("pk").get(pk=client.pk)
        if client.shortlist.filter(therapist=therapist).exists():
            return Added.ALREADY
        if client.shortlist.count() >= ShortlistEntry.MAX_PER_CLIENT:
            return Added.FULL
        entry = ShortlistEntry(client=client, therapist=therapist)
        entry.full_clean()
        entry.save()
    return Added.SAVED


def shortlist_remove(*, client: Client, therapist: Therapist) -> None:
    client.shortlist.filter(therapist=therapist).delete()


def set_aside_add(*, client: Client, therapist: Therapist) -> None:
    """Leave a therapist out of the client's matches; they leave the shortlist too, so the two never disagree."""
    with transaction.atomic():
        SetAside.objects.get_or_create(client=client, therapist=therapist)
        client.shortlist.filter(therapist=therapist).delete()
        answers_changed(client)


def set_aside_remove(*, client: Client, therapist: Therapist) -> None:
    with transaction.atomic():
        client.set_aside.filter(therapist=therapist).delete()
        answers_changed(client)


def answers_changed(client: Client) -> None:
    """Note that what ranks this client's matches changed: a kept ranking (matching.find) is keyed by it."""
    client.save(update_fields=["updated_at"])


COMPARE_MIN, COMPARE_MAX = 2, 3
COMPARE_ERROR = "Please choose two or three therapists to compare."


class CompareForm(forms.Form):
    """Two or three therapists from the client's shortlist; anything else is a clear message, never a 500."""

    # Plain choices rather than a model field: a tampered id is compared as text and never reaches the database.
    therapist = forms.TypedMultipleChoiceField(
        label="Choose two or three to compare",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": COMPARE_ERROR,
            "invalid_choice": "One of those therapists is not on your shortlist any more. Please choose again.",
        },
    )

    def __init__(self, *args: object, client: Client, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        on_shortlist = Therapist.objects.published().filter(pk__in=client.shortlist.values("therapist"))
        self.shortlisted = {therapist.pk: therapist for therapist in on_shortlist.order_by("name", "pk")}
        field = self.fields["therapist"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(pk, therapist.name) for pk, therapist in self.shortlisted.items()]

    def clean_therapist(self) -> list[Therapist]:
        chosen = list(dict.fromkeys(self.cleaned_data["therapist"]))  # the same id twice counts once
        if not COMPARE_MIN <= len(chosen) <= COMPARE_MAX:
            raise ValidationError(COMPARE_ERROR, code="count")
        return [self.shortlisted[pk] for pk in chosen]


# Only plain printable characters: a header value with a line break would be refused with a 500.
SAFE_PATH = re.compile(r"^/[!-~]*$")


class ReturnForm(forms.Form):
    """Where to return after a button on a card or profile: a page under the client's own link, else their results."""

    next = forms.CharField(required=False, max_length=2000)
    to_card = forms.BooleanField(required=False)  # come back to the card of the therapist acted on

    def __init__(self, *args: object, token: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.home = reverse("questionnaire:results", args=[token])

    def clean_next(self) -> str:
        value: str = self.cleaned_data["next"]
        if value.startswith("?"):  # the results page names only its query, so that it holds no private link
            value = self.home + value
        if SAFE_PATH.match(value) and value.startswith(self.home):
            return value
        return self.home

    def destination(self, *, therapist_pk: int | None = None) -> str:
        """The page to return to; with `to_card`, at the card of the therapist acted on (#therapist-<pk>)."""
        if not self.is_valid():
            return self.home
        where: str = self.cleaned_data["next"]
        if self.cleaned_data["to_card"] and therapist_pk is not None:
            where = f"{where.split('#', 1)[0]}#therapist-{therapist_pk}"
        return where
