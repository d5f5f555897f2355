"""Plain factories: sensible defaults, any field overridable by keyword."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.search_table import listings_rebuild
from profiles.models import Therapist
from questionnaire.models import Client

PASSWORD = "correct horse battery staple"


def make_user(username: str = "robin", **kwargs: Any) -> AbstractUser:
    kwargs.setdefault("email", f"{username}@example.com")
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **kwargs)


def make_staff(username: str = "curator", **kwargs: Any) -> AbstractUser:
    kwargs.setdefault("email", f"{username}@example.com")
    return get_user_model().objects.create_superuser(username=username, password=PASSWORD, **kwargs)


def make_staff_with(*codenames: str, username: str = "viewer", **kwargs: Any) -> AbstractUser:
    """Staff who are not superusers, holding only the permissions named, such as "view_therapist"."""
    from django.contrib.auth.models import Permission

    user = make_user(username, is_staff=True, **kwargs)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


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
    kwargs.setdefault("fee", 120)
    kwargs.setdefault("accepting_new_clients", True)
    if kwargs["status"] == Therapist.Status.PUBLISHED:
        kwargs.setdefault("verified_at", timezone.now())
    # Every scale answered, in the middle unless told otherwise; a single point has both ends equal.
    for dimension in DIMENSIONS:
        kwargs.setdefault(dimension.key, 4)
        kwargs.setdefault(dimension.high_field, kwargs[dimension.key])
    kwargs.setdefault("style_saved_at", timezone.now())
    therapist = Therapist.objects.create(**kwargs)
    therapist.licensed_states.set(states)
    therapist.languages.set(languages)
    therapist.insurance_plans.set(insurance_plans)
    therapist.concerns.set(concerns)
    # Straight into the search table: a test's transaction never commits, so a queued sync would never run.
    listings_rebuild([therapist.pk])
    return therapist


def make_client(**kwargs: Any) -> tuple[Client, str]:
    """A client and the token of their private link."""
    kwargs.setdefault("state", "CA")
    kwargs.setdefault("consented_at", timezone.now())
    return Client.create_with_token(**kwargs)


# --- Therapist side: the editor's steps, requests, check-ins, pictures ---


def make_therapist_user(username: str = "robin", **kwargs: Any) -> Therapist:
    """A therapist with an account of their own; any Therapist field overridable by keyword."""
    kwargs.setdefault("name", f"{username.capitalize()} Demo")
    return make_therapist(user=make_user(username), **kwargs)


def _term_codes(therapist: Therapist, relation: str) -> list[str]:
    return list(getattr(therapist, relation).values_list("pk", flat=True))


def _flags(therapist: Therapist, names: tuple[str, ...]) -> dict[str, str]:
    return {name: "on" for name in names if getattr(therapist, name)}


def about_step_post(therapist: Therapist, **overrides: Any) -> dict[str, Any]:
    """A valid submission of the editor's "About you and your license" step with the current details."""
    data: dict[str, Any] = {
        "name": therapist.name,
        "pronouns": therapist.pronouns,
        "credentials": therapist.credentials,
        "bio": therapist.bio,
        "license_number": therapist.license_number,
        "licensed_states": _term_codes(therapist, "licensed_states"),
        "gender": therapist.gender,
        "faith": therapist.faith,
        "birth_year": "" if therapist.birth_year is None else str(therapist.birth_year),
        **_flags(therapist, ("lgbtq_affirming",)),
    }
    data.update(overrides)
    return data


def practice_step_post(therapist: Therapist, **overrides: Any) -> dict[str, Any]:
    """A valid submission of the editor's "Practice details" step with the current details."""
    data: dict[str, Any] = {
        "office_zip": therapist.office_zip,
        "fee": str(therapist.fee),
        "languages": _term_codes(therapist, "languages"),
        "insurance_plans": _term_codes(therapist, "insurance_plans"),
        "concerns": _term_codes(therapist, "concerns"),
        "modalities": _term_codes(therapist, "modalities"),
        **_flags(therapist, ("offers_online", "offers_in_person", "sliding_scale")),
    }
    data.update(overrides)
    return data


def style_step_post(therapist: Therapist, **overrides: Any) -> dict[str, Any]:
    """A valid submission of the editor's "How you work" step with the current points and notes."""
    data: dict[str, Any] = {}
    for dimension in DIMENSIONS:
        low, high = getattr(therapist, dimension.key), getattr(therapist, dimension.high_field)
        data[dimension.key] = "" if low is None else str(low)
        data[dimension.high_field] = "" if high is None or high == low else str(high)
        data[dimension.note_field] = getattr(therapist, dimension.note_field)
    data.update(overrides)
    return data


def make_consultation_request(therapist: Therapist, **kwargs: Any) -> Any:
    from matchmaker.alliance.models import ConsultationRequest

    if "client" not in kwargs:
        kwargs["client"] = make_client()[0]
    kwargs.setdefault("therapist_name", therapist.name)
    kwargs.setdefault("name", "Jordan")
    kwargs.setdefault("contact", "jordan@example.com")
    kwargs.setdefault("message", "I would like to talk about a first session.")
    return ConsultationRequest.objects.create(therapist=therapist, **kwargs)


def make_sent_request(
    therapist: Therapist,
    *,
    sent_ago: Any,
    answered_after: Any = None,
    **kwargs: Any,
) -> Any:
    """A request sent `sent_ago` (a timedelta) before now, first answered `answered_after` it was sent, if given."""
    from matchmaker.alliance.models import ConsultationRequest

    kwargs.setdefault("therapist_name", therapist.name)
    request = make_consultation_request(therapist, **kwargs)
    sent = timezone.now() - sent_ago
    replied = None if answered_after is None else sent + answered_after
    ConsultationRequest.objects.filter(pk=request.pk).update(
        created_at=sent,
        first_reply_at=replied,
        status=ConsultationRequest.Status.NEW if replied is None else ConsultationRequest.Status.REPLIED,
    )
    request.refresh_from_db()
    return request


def make_check_in(therapist: Therapist, **kwargs: Any) -> Any:
    from matchmaker.alliance.models import CheckIn

    if "client" not in kwargs:
        kwargs["client"] = make_client()[0]
    from matchmaker.alliance import rules

    for question, _ in CheckIn.QUESTIONS:
        kwargs.setdefault(question, 3)
    kwargs.setdefault("again", "yes")
    answers = {key: kwargs[key] for key in rules.ALLIANCE_KEYS}
    kwargs.setdefault("felt_right", rules.felt_right(answers, kwargs["again"]))
    return CheckIn.objects.create(therapist=therapist, **kwargs)


def make_counted_check_ins(therapist: Therapist, answers: list[dict[str, int]]) -> list[Any]:
    """Check-ins from different clients that count for the figures (each two days after a request), published."""
    import datetime

    from matchmaker.alliance.models import ConsultationRequest
    from questionnaire.reaching_out import check_ins_publish, experienced_style_publish

    saved = []
    for row in answers:
        request = make_consultation_request(therapist)
        ConsultationRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
        saved.append(make_check_in(therapist, client=request.client, **row))
    check_ins_publish(therapist=therapist)
    experienced_style_publish(therapist=therapist)
    return saved


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (8, 8), *, noise: bool = False) -> bytes:
    """A real picture in the given Pillow format; with noise, it hardly compresses (for size limits)."""
    import io
    import os

    from PIL import Image

    if noise:
        picture = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        picture = Image.new("RGB", size, (29, 92, 99))
    buffer = io.BytesIO()
    picture.save(buffer, format=image_format)
    return buffer.getvalue()


# The questionnaire in steps.

STEP_DEFAULTS: dict[str, Any] = {
    "state": "CA",
    "session_format": "either",
    "zip_code": "94110",  # San Francisco, in the default state
    "max_distance": "25",
    "max_fee": "",
    "insurance": "",
    "therapist_gender": "",
    "therapist_faith": "",
    "therapist_age_range": "",
    **{d.point_field: "" for d in DIMENSIONS},
    **{d.importance_field: "0" for d in DIMENSIONS},
}


def questionnaire_step_post(number: int, **overrides: Any) -> dict[str, Any]:
    """A valid submission of one questionnaire step with neutral answers; override any field.

    Unticked boxes are simply absent; pass a list for a group of checkboxes and None to leave a field out.
    Step 1 also ticks the consent to keep the answers, which /start/ asks for (keep_answers=None leaves it out).
    """
    from questionnaire.forms import get_step

    step = get_step(number)
    assert step is not None, number
    fields = step.form_class._meta.fields or ()
    data = {name: STEP_DEFAULTS[name] for name in fields if name in STEP_DEFAULTS}
    if number == 1:
        data["keep_answers"] = "on"
        if overrides.get("state") and "zip_code" not in overrides:
            # A ZIP code in the state chosen, so that it raises no question about the state.
            from profiles.synthetic import office_zips

            data["zip_code"] = office_zips().get(overrides["state"], (data["zip_code"],))[0]
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def answer_questionnaire(browser: Any, *, confirm: bool = True, **answers: Any) -> str:
    """Go through every step with the Django test client and return the private link's token.

    Each answer goes to the step that asks it; `confirm` also confirms the review.
    """
    from django.urls import reverse

    from questionnaire.forms import STEPS

    def own(number: int) -> dict[str, Any]:
        fields = STEPS[number - 1].form_class._meta.fields or ()
        return {name: value for name, value in answers.items() if name in fields}

    response = browser.post(reverse("questionnaire:start"), questionnaire_step_post(1, **own(1)))
    assert response.status_code == 302, response.content.decode()
    token = response["Location"].split("/")[2]
    for step in STEPS[1:]:
        url = reverse("questionnaire:step", args=[token, step.number])
        response = browser.post(url, questionnaire_step_post(step.number, **own(step.number)))
        assert response.status_code == 302, response.content.decode()
    if confirm:
        assert browser.post(reverse("questionnaire:edit", args=[token])).status_code == 302
    return token


def make_followed_up_request(
    therapist: Therapist, *, fit: float, gaps: dict[str, int] | None = None, **check_in: Any
) -> Any:
    """A request with its stored fit, made two days ago, and the client's check-in about it: one row of evidence."""
    import datetime

    from matchmaker.alliance.models import ConsultationRequest

    owner = check_in.pop("client", None) or make_client()[0]
    request = make_consultation_request(therapist, client=owner, fit_at_request=fit, gaps_at_request=gaps or {})
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    return make_check_in(therapist, client=request.client, **check_in)


# A therapist who has not answered the style step yet: every scale unanswered.
UNANSWERED_STYLE: dict[str, Any] = {
    "style_saved_at": None,
    **{field: None for d in DIMENSIONS for field in (d.key, d.high_field)},
}


def make_request_sent_ago(
    therapist: Therapist, *, days: float, answered_after_hours: float | None = None, **kwargs: Any
) -> Any:
    """A request sent `days` ago, answered that many hours after it was sent (or never), as if time had passed."""
    import datetime

    from matchmaker.alliance.models import ConsultationRequest

    request = make_consultation_request(therapist, **kwargs)
    created = timezone.now() - datetime.timedelta(days=days)
    answered = None if answered_after_hours is None else created + datetime.timedelta(hours=answered_after_hours)
    status = kwargs.get("status") or ("replied" if answered else "new")
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=created, first_reply_at=answered, status=status)
    request.refresh_from_db()
    return request
