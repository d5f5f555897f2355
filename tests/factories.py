"""Plain factories: sensible defaults, any field overridable by keyword."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from questionnaire.models import Client

PASSWORD = "correct horse battery staple"


def make_user(username: str = "robin", **kwargs: Any) -> AbstractUser:
    kwargs.setdefault("email", f"{username}@example.com")
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **kwargs)


def make_staff(username: str = "curator", **kwargs: Any) -> AbstractUser:
    kwargs.setdefault("email", f"{username}@example.com")
    return get_user_model().objects.create_superuser(username=username, password=PASSWORD, **kwargs)


def make_therapist(
    *,
    states: tuple[str, ...] = ("CA",),
    languages: tuple[str, ...] = ("en",),
    insurance_plans: tuple[str, ...] = (),
    concerns: tuple[str, ...] = ("anxiety",),
    **kwargs: Any,
) -> Therapist:
    kwargs.setdefault("name", "Alex Rivera")
    kwargs.setdefault("credentials", "LCSW")
    kwargs.setdefault("license_number", "LIC-1")
    kwargs.setdefault("status", Therapist.Status.PUBLISHED)
    kwargs.setdefault("offers_online", True)
    kwargs.setdefault("accepting_new_clients", True)
    if kwargs["status"] == Therapist.Status.PUBLISHED:
        kwargs.setdefault("verified_at", timezone.now())
    therapist = Therapist.objects.create(**kwargs)
    therapist.licensed_states.set(states)
    therapist.languages.set(languages)
    therapist.insurance_plans.set(insurance_plans)
    therapist.concerns.set(concerns)
    return therapist


def make_client(**kwargs: Any) -> tuple[Client, str]:
    """A client and the token of their private link."""
    kwargs.setdefault("state", "CA")
    return Client.create_with_token(**kwargs)


def questionnaire_post(**overrides: Any) -> dict[str, Any]:
    """A valid one-page questionnaire submission; override any field."""
    data: dict[str, Any] = {"state": "CA", "session_format": "either"}
    for dimension in DIMENSIONS:
        data[dimension.point_field] = ""
        data[dimension.importance_field] = "0"
    data.update(overrides)
    return data
