"""The numeric limits on therapists' and clients' answers, each defined once.

Model fields carry these as validators and the tables as check constraints; the
forms and the CSV import run the same validators, so a fee or a birth year is
refused alike, with the same words, wherever it is entered.

Only Django's own validator classes are used on model fields, so that migrations
record plain values and never import this module.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

# Far above any fee in the directory: a larger number is almost certainly a typo.
MAX_FEE = 1000
OLDEST_BIRTH_YEAR = 1920
YOUNGEST_AGE = 21  # nobody is licensed to practise before this age

FEE_TOO_HIGH = f"Please enter a fee of at most ${MAX_FEE} a session."
fee_at_most = MaxValueValidator(MAX_FEE, message=FEE_TOO_HIGH)

MAX_FEE_TOO_LOW = "Please enter an amount of 0 dollars or more."
MAX_FEE_TOO_HIGH = f"Please enter an amount up to ${MAX_FEE}, or leave it empty if cost does not limit you."
max_fee_at_least = MinValueValidator(0, message=MAX_FEE_TOO_LOW)
max_fee_at_most = MaxValueValidator(MAX_FEE, message=MAX_FEE_TOO_HIGH)


def latest_birth_year() -> int:
    return timezone.now().year - YOUNGEST_AGE


def birth_year_message() -> str:
    return f"Please enter a year between {OLDEST_BIRTH_YEAR} and {latest_birth_year()}, or leave it empty."


def validate_birth_year(year: int | None) -> None:
    """A year of birth from OLDEST_BIRTH_YEAR to YOUNGEST_AGE years ago, or none.

    The upper end moves with the calendar, so it cannot be a field validator that a
    migration records; Therapist.clean_fields() calls this instead, and the table's
    check constraint holds the fixed lower end.
    """
    if year is not None and not OLDEST_BIRTH_YEAR <= year <= latest_birth_year():
        raise ValidationError(birth_year_message(), code="birth_year_out_of_range")
