"""Therapist-side forms: sign-up, the profile editor's steps, and the dashboard controls.

Each editor step is a ModelForm over part of the Therapist row; the wording of the
style questions comes from the dimension registry.
"""

from __future__ import annotations

import warnings
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordMixin
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.http import HttpRequest
from django.utils import timezone
from PIL import Image

from matchmaker import geo, limits, vocabulary
from matchmaker.dimensions import DIMENSIONS, SCALE, SCALE_MAX, SCALE_MIN
from matchmaker.rate_limits import is_limited
from matchmaker.scoring import MAX_RANGE_WIDTH
from profiles.models import Concern, InsurancePlan, Language, Modality, State, Therapist

THERAPIST_POINT_CHOICES = [(point, str(point)) for point in SCALE]
RANGE_END_CHOICES = [(point, f"up to {point}") for point in SCALE if point > SCALE_MIN]

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}  # as Pillow names what it finds inside the file
PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
PHOTO_KINDS = "a JPEG, PNG or WebP picture"
PHOTO_MAX_SIDE = 4000  # pixels; a small file can still describe a picture far too large to decode

EMAIL_MAX_LENGTH = 150  # the email address is also the username, which holds at most 150 characters


USERNAME_TOO_LONG = "That is longer than any email address or username here: at most 150 characters."


def username_within_limit(username: str) -> str:
    """Refuse a username no account can have before it reaches authentication (and django-axes' records)."""
    if len(username) > EMAIL_MAX_LENGTH:
        raise ValidationError(USERNAME_TOO_LONG, code="max_length")
    return username


class LoginForm(AuthenticationForm):
    """Django's login form, taking the email address in any case: sign-up stores it in lower case."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account. "
        "Please check them and try again; capitals in the email address do not matter.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget.attrs["autocomplete"] = "email"

    def clean_username(self) -> str:
        # Lowered before authenticating, so django-axes counts "Robin@…" and "robin@…" as one account.
        return username_within_limit(self.cleaned_data["username"].strip().lower())


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing an over-long username as a form error."""

    def clean_username(self) -> str:
        return username_within_limit(self.cleaned_data["username"])


class LimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending to one address at most RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT times.

    The limit counts every address typed, with or without an account, and the page after it reads
    the same either way, so it tells nobody which addresses have accounts.
    """

    def save(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        email = self.cleaned_data["email"].strip().lower()
        if request is not None and is_limited(
            request,
            group="password-resets-per-account",
            key=lambda _group, _request: email,
            setting="RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT",
        ):
            return
        super().save(*args, request=request, **kwargs)


class SignUpForm(SetPasswordMixin, forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=Therapist._meta.get_field("name").max_length,
        help_text="As clients will see it on your profile, for example “Dr. Robin Lee”.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email address",
        max_length=EMAIL_MAX_LENGTH,
        help_text="You log in with this address. We only use it for your account.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields(label2="The same password again")

    def clean_email(self) -> str:
        # Whether the address already has an account is never said here: therapist_sign_up answers by email.
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.validate_passwords()
        # Checks the password against the name and address too, as Django's validators do for any user.
        email = cleaned.get("email", "")
        user = get_user_model()(username=email, email=email, first_name=cleaned.get("name", ""))
        self.validate_password_for_user(user)
        return cleaned


class PhotoField(forms.ImageField):
    """A photo that Pillow can open as JPEG, PNG or WebP, at most PHOTO_MAX_BYTES."""

    default_validators = [
        FileExtensionValidator(
            PHOTO_EXTENSIONS, message=f"Please choose {PHOTO_KINDS}; files ending in “%(extension)s” cannot be used."
        )
    ]
    default_error_messages = {
        "invalid_image": f"This file is not a picture we can use. Please choose {PHOTO_KINDS}.",
    }

    def to_python(self, data: Any) -> Any:
        # Refuse a large file before Pillow reads any of it.
        if data and getattr(data, "size", 0) > PHOTO_MAX_BYTES:
            size = data.size / (1024 * 1024)
            raise ValidationError(
                f"This photo is {size:.1f} MB; the most we can take is 2 MB. Please choose a smaller picture.",
                code="too_large",
            )
        if data:
            self._check_dimensions(data)
        photo = super().to_python(data)
        # The extension says little: what counts is what Pillow found inside the file.
        if photo is not None and getattr(photo, "image", None) is not None and photo.image.format not in PHOTO_FORMATS:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        return photo

    def _check_dimensions(self, data: Any) -> None:
        """Refuse a picture too large on a side from its header, before anything decodes its pixels."""
        try:
            with warnings.catch_warnings():
                # Pillow warns about very large pictures; this check is what acts on that.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(data) as picture:  # reads the header only
                    width, height = picture.size
        except Image.DecompressionBombError:
            # So many pixels that Pillow will not even describe it: far over the limit, too.
            raise ValidationError(
                f"This photo has far too many pixels; the most we can take is {PHOTO_MAX_SIDE} pixels on a side. "
                "Please choose a smaller picture.",
                code="too_many_pixels",
            ) from None
        except Exception:
            # Not a picture: the usual check says so.
            return
        finally:
            data.seek(0)
        if width > PHOTO_MAX_SIDE or height > PHOTO_MAX_SIDE:
            raise ValidationError(
                f"This photo is {width} × {height} pixels; the most we can take is {PHOTO_MAX_SIDE} pixels "
                "on a side. Please choose a smaller picture.",
                code="too_many_pixels",
            )


def checkbox_choices(queryset: Any, label: str, help_text: str = "") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Please choose only from the list."},
    )


class AboutForm(forms.ModelForm):
    """Step 1: who they are, their license, a short bio and a photo."""

    # Not model fields of this form: the license is saved by therapist_update_license,
    # which sends a published profile back for verification when it changes.
    license_number = forms.CharField(
        label="License number", max_length=Therapist._meta.get_field("license_number").max_length, required=False
    )
    licensed_states = forms.ModelMultipleChoiceField(
        queryset=State.objects.all(),
        required=False,
        label="States where you are licensed",
        help_text="Clients only see therapists licensed in the state where they live.",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Please choose states from the list."},
    )
    gender = forms.ChoiceField(
        choices=[("", "Prefer not to say"), *vocabulary.GENDERS],
        required=False,
        help_text="Some clients look for a therapist of a particular gender.",
    )
    faith = forms.ChoiceField(
        label="Faith",
        choices=[("", "Prefer not to say"), *vocabulary.FAITHS],
        required=False,
        help_text="Only if you would like clients who look for it to find you.",
    )
    photo = PhotoField(
        label="Photo (optional)",
        required=False,
        help_text=f"{PHOTO_KINDS.capitalize()} of at most 2 MB and {PHOTO_MAX_SIDE} pixels on a side.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Therapist
        fields = [
            "name",
            "pronouns",
            "credentials",
            "gender",
            "lgbtq_affirming",
            "faith",
            "birth_year",
            "bio",
            "photo",
        ]
        labels = {
            "name": "Your name",
            "pronouns": "Pronouns (optional)",
            "credentials": "Credentials",
            "lgbtq_affirming": "I am LGBTQ+-affirming",
            "birth_year": "Year of birth (optional)",
            "bio": "A short bio",
        }
        help_texts = {
            "pronouns": "For example she/her, he/him, they/them.",
            "birth_year": "Only used for clients who ask for a therapist in an age range; never shown.",
            "bio": "A few sentences in your own voice: who you work with and what a first session is like.",
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["license_number"].initial = self.instance.license_number
            self.fields["licensed_states"].initial = list(self.instance.licensed_states.all())

    def clean_birth_year(self) -> int | None:
        # The model checks this too; checked here first, a very large number gets only this one message.
        year = self.cleaned_data.get("birth_year")
        limits.validate_birth_year(year)
        return year

    @property
    def license_changed(self) -> bool:
        return bool({"license_number", "licensed_states"} & set(self.changed_data))


class PracticeForm(forms.ModelForm):
    """Step 2: how and where they see clients, fees, insurance, and what they work with."""

    languages = checkbox_choices(Language.objects.all(), "Languages you offer sessions in")
    insurance_plans = checkbox_choices(
        InsurancePlan.objects.all(), "Insurance you accept", "Leave all unticked if clients pay you directly."
    )
    concerns = checkbox_choices(Concern.objects.all(), "What you work with")
    modalities = checkbox_choices(Modality.objects.all(), "Approaches you use")

    class Meta:
        model = Therapist
        fields = [
            "offers_online",
            "offers_in_person",
            "office_zip",
            "languages",
            "fee",
            "sliding_scale",
            "insurance_plans",
            "concerns",
            "modalities",
        ]
        labels = {
            "offers_online": "I see clients online",
            "offers_in_person": "I see clients in person",
            "office_zip": "ZIP code of your office",
            "sliding_scale": "I offer a sliding scale",
        }
        help_texts = {
            "office_zip": "Needed if you see clients in person: clients see how far away you are, never the address.",
            "fee": "Your full fee, in whole dollars.",
        }
        widgets = {"office_zip": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"})}
        error_messages = {
            "fee": {
                "required": "Please enter your fee per session in whole dollars, like 120.",
                "invalid": "Please enter your fee per session in whole dollars, like 120.",
            }
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Empty until the therapist says (a profile may be saved without it before this step).
        self.fields["fee"].required = True

    def clean_office_zip(self) -> str:
        zip_code: str = self.cleaned_data.get("office_zip", "").strip()
        if zip_code and (problem := geo.zip_problem(zip_code)):
            raise ValidationError(problem)
        return zip_code

    def clean_fee(self) -> int | None:
        # The model's own validator, run here first so that a very large number gets only its message.
        fee = self.cleaned_data.get("fee")
        if fee is not None:
            limits.fee_at_most(fee)
        return fee

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("offers_online") and not cleaned.get("offers_in_person"):
            self.add_error("offers_online", "Choose at least one way to see clients: online or in person.")
        in_person = cleaned.get("offers_in_person")
        if in_person and "office_zip" in cleaned and not cleaned["office_zip"]:
            self.add_error("office_zip", "Tell clients where your office is: its ZIP code.")
        office = geo.place(cleaned.get("office_zip", ""))
        # The city is never typed: it is the office ZIP code's, so the two cannot disagree.
        self.instance.city = office.city if office else ""
        return cleaned

    def office_city(self) -> str:
        """The city of the office ZIP code as saved, to show next to the field."""
        office = geo.place(self.instance.office_zip) if self.instance.office_zip else None
        return f"{office.city}, {office.state}" if office else ""


class StyleForm(forms.ModelForm):
    """Step 3: where they stand on each dimension of the registry, with an optional sentence of their own.

    Each scale is answered with the point where they usually are and, when it depends on the
    client, how far up the scale they go from there: a range at most three points wide.
    """

    class Meta:
        model = Therapist
        fields = [field for d in DIMENSIONS for field in (d.key, d.high_field, d.note_field)]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = forms.TypedChoiceField(
                label=f"{dimension.title}: in my sessions I usually …",
                choices=THERAPIST_POINT_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Please choose where you stand on this scale.",
                    "invalid_choice": f"Please choose a point from {SCALE_MIN} to {SCALE_MAX}.",
                },
            )
            self.fields[dimension.high_field] = forms.TypedChoiceField(
                label="It depends on the client: up to …",
                choices=[("", "No, this is where I usually am"), *RANGE_END_CHOICES],
                coerce=int,
                empty_value=None,
                required=False,
                help_text=f"Optional: a range at most {MAX_RANGE_WIDTH + 1} points wide, e.g. usually 3 up to 5.",
                error_messages={"invalid_choice": f"Please choose a point from {SCALE_MIN} to {SCALE_MAX}."},
            )
            low, high = self.initial.get(dimension.key), self.initial.get(dimension.high_field)
            if high is not None and high == low:
                self.initial[dimension.high_field] = None  # a single point: nothing "up to"
            note = self.fields[dimension.note_field]
            note.label = "In my own words (optional)"
            note.help_text = "One sentence clients will read on your profile next to this scale."
            setattr(self, f"clean_{dimension.high_field}", self._range_end_cleaner(dimension.key, dimension.high_field))

    def _range_end_cleaner(self, key: str, high_field: str) -> Any:
        def clean() -> int | None:
            low: int | None = self.cleaned_data.get(key)
            high: int | None = self.cleaned_data.get(high_field)
            if low is None:
                return None  # the point itself is missing; its own message says so
            if high is None:
                return low  # a single point: a range from itself to itself
            if high < low:
                raise ValidationError(f"“Up to” has to be above where you usually are ({low}).")
            if high - low > MAX_RANGE_WIDTH:
                widest = low + MAX_RANGE_WIDTH
                raise ValidationError(
                    f"A range can be at most {MAX_RANGE_WIDTH + 1} points wide: from {low}, up to {widest}."
                )
            return high

        return clean

    def style_groups(self) -> list[dict[str, Any]]:
        return [
            {"dimension": d, "point": self[d.key], "high": self[d.high_field], "note": self[d.note_field]}
            for d in DIMENSIONS
        ]

    def save(self, commit: bool = True) -> Therapist:
        # Saving this step is the answer: every scale had to be chosen for the form to be valid.
        self.instance.style_saved_at = timezone.now()
        return super().save(commit)


class AcceptingForm(forms.ModelForm):
    class Meta:
        model = Therapist
        fields = ["accepting_new_clients"]
        labels = {"accepting_new_clients": "I am accepting new clients"}
        widgets = {"accepting_new_clients": forms.CheckboxInput(attrs={"class": "form-check-input", "role": "switch"})}


# --- The therapist's own account ---

WRONG_PASSWORD = "That is not your current password. Please type it again; capitals matter here."


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form to change a password, in our words."""

    error_messages = {**auth_forms.PasswordChangeForm.error_messages, "password_incorrect": WRONG_PASSWORD}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Your current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password2"].label = "The same new password again"


class CurrentPasswordForm(forms.Form):
    """A form that only does something when the account's current password comes with it."""

    password = forms.CharField(
        label="Your current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise ValidationError(WRONG_PASSWORD, code="password_incorrect")
        return password


class EmailChangeForm(CurrentPasswordForm):
    new_email = forms.EmailField(
        label="New email address",
        max_length=EMAIL_MAX_LENGTH,
        help_text="We send a link to this address; you log in with it once you have opened the link.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["new_email", "password"]

    def clean_new_email(self) -> str:
        # Whether another account has the address is never said here: the emails sent answer that.
        email = str(self.cleaned_data["new_email"]).strip().lower()
        if email == self.user.email.lower():
            raise ValidationError("That is already the address you log in with.", code="same")
        return email


class DeleteAccountForm(CurrentPasswordForm):
    pass
