"""The directory as a CSV file: what curators export, edit and import again.

Every column is checked on import and a bad value becomes a row error that says
what is wrong and how to write it instead. If any row is bad, nothing at all is
imported: the whole file runs in one transaction that is rolled back.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from import_export import fields, resources, widgets

from matchmaker import geo, vocabulary
from matchmaker.dimensions import DIMENSIONS, SCALE_MAX, SCALE_MIN
from matchmaker.matching.search_table import listing_sync
from profiles.models import Concern, InsurancePlan, Language, Modality, State, Therapist

CODE_SEPARATOR = ";"
CODE_LISTS = ("licensed_states", "languages", "insurance_plans", "concerns", "modalities")


class WholeNumberWidget(widgets.Widget):
    """A whole number within bounds; anything else is a row error that names the column."""

    def __init__(
        self, label: str, *, minimum: int | None = None, maximum: int | None = None, required: bool = True
    ) -> None:
        super().__init__()
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
        self.required = required

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        text = str(value).strip() if value is not None else ""
        if not text:
            if self.required:
                raise ValueError(f"{self.label} is missing. {self.expected()}")
            return None
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(f"“{text}” is not a whole number. {self.expected()}")
        number = int(text)
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            raise ValueError(f"{number} is out of range. {self.expected()}")
        return number

    def expected(self) -> str:
        if self.minimum is None:
            return "Use a whole number."
        if self.maximum is None:
            return f"Use a whole number of at least {self.minimum}."
        return f"Use a whole number from {self.minimum} to {self.maximum}."

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)


class YesNoWidget(widgets.Widget):
    """1 or 0 on export; 1/0, yes/no or true/false on import. Nothing is guessed."""

    TRUE = {"1", "yes", "true"}
    FALSE = {"0", "no", "false"}

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool:
        text = str(value).strip().lower() if value is not None else ""
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        shown = f"“{value}”" if text else "An empty value"
        raise ValueError(f"{shown} is not yes or no. Write 1 for yes or 0 for no in “{self.label}”.")

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "1" if value else "0"


class ChoiceWidget(widgets.Widget):
    """One code out of a fixed list, for example a status or a gender."""

    def __init__(self, label: str, choices: Any, *, allow_blank: bool = False) -> None:
        super().__init__()
        self.label = label
        self.codes = [str(code) for code, _name in choices]
        self.allow_blank = allow_blank

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value).strip() if value is not None else ""
        if text in self.codes or (self.allow_blank and not text):
            return text
        shown = f"“{text}”" if text else "An empty value"
        blank = " or leave it empty" if self.allow_blank else ""
        raise ValueError(f"{shown} is not a known {self.label}. Use one of: {', '.join(self.codes)}{blank}.")

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)


class CodeListWidget(widgets.ManyToManyWidget):
    """Vocabulary codes separated by semicolons, for example "CA;NY". Unknown codes are row errors."""

    def __init__(self, model: type[Model], label: str, example: str) -> None:
        super().__init__(model, separator=CODE_SEPARATOR, field="pk")
        self.label = label
        self.example = example

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> QuerySet[Any]:
        text = str(value).strip() if value is not None else ""
        codes = [code.strip() for code in text.split(CODE_SEPARATOR) if code.strip()]
        known = set(self.model.objects.filter(pk__in=codes).values_list("pk", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            listed = ", ".join(f"“{code}”" for code in unknown)
            raise ValueError(
                f"Unknown {self.label} code {listed}. "
                f"Separate codes with “{CODE_SEPARATOR}”, for example {self.example}."
            )
        return self.model.objects.filter(pk__in=codes)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        # .all() so that the export's prefetch is used: no query per row.
        return CODE_SEPARATOR.join(sorted(str(term.pk) for term in value.all()))


class MomentWidget(widgets.Widget):
    """A moment in ISO 8601, exact to the microsecond so an export imports back unchanged."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> datetime.datetime | None:
        text = str(value).strip() if value is not None else ""
        if not text:
            return None  # keeps the current value; a new listing starts from now
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"“{text}” is not a date. Write {self.label} like 2026-03-01 or 2026-03-01T09:30:00+00:00."
            ) from None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        return moment

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.isoformat() if value else ""


# A cell starting with one of these is run as a formula by spreadsheet programs
# (=HYPERLINK(...) and the like), so free text is exported with a "'" in front, which
# spreadsheets read as "this is text" and hide, and which import takes off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def _marked(value: str) -> bool:
    """Whether a cell as written in the file carries our text mark."""
    return value.startswith(TEXT_MARK) and value[1:2] in (*FORMULA_STARTS, TEXT_MARK)


class FreeTextWidget(widgets.CharWidget):
    """Free text, exported so that no spreadsheet runs it as a formula, and imported back unchanged."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text: str = super().clean(value, row, **kwargs)
        return text[1:] if _marked(text) else text

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        text = "" if value is None else str(value)
        # Text that already looks marked gets a mark too, so that import gives back exactly what was stored.
        return TEXT_MARK + text if text.startswith(FORMULA_STARTS) or _marked(text) else text


def _text(attribute: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=FreeTextWidget())


def _codes(attribute: str, model: type[Model], label: str, example: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=CodeListWidget(model, label, example))


def _yes_no(attribute: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=YesNoWidget(attribute))


class TherapistResource(resources.ModelResource):
    id = fields.Field(attribute="id", column_name="id", widget=WholeNumberWidget("id", minimum=1, required=False))
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget("status", Therapist.Status.choices)
    )
    status_reason = _text("status_reason")
    name = _text("name")
    pronouns = _text("pronouns")
    credentials = _text("credentials")
    license_number = _text("license_number")
    licensed_states = _codes("licensed_states", State, "state", "CA;NY")
    gender = fields.Field(
        attribute="gender",
        column_name="gender",
        widget=ChoiceWidget("gender", Therapist.Gender.choices, allow_blank=True),
    )
    lgbtq_affirming = _yes_no("lgbtq_affirming")
    faith = fields.Field(
        attribute="faith", column_name="faith", widget=ChoiceWidget("faith", vocabulary.FAITHS, allow_blank=True)
    )
    birth_year = fields.Field(
        attribute="birth_year",
        column_name="birth_year",
        # Its range is the model's (Therapist.clean_fields), checked with the rest of the row.
        widget=WholeNumberWidget("Birth year", required=False),
    )
    bio = _text("bio")
    office_zip = _text("office_zip")
    # Derived from office_zip on import, as in the editor; exported so that a spreadsheet reads well.
    city = fields.Field(attribute="city", column_name="city", widget=FreeTextWidget(), readonly=True)
    offers_online = _yes_no("offers_online")
    offers_in_person = _yes_no("offers_in_person")
    languages = _codes("languages", Language, "language", "en;es")
    # Its ceiling is the model field's validator, checked with the rest of the row.
    fee = fields.Field(attribute="fee", column_name="fee", widget=WholeNumberWidget("Fee (USD)", minimum=0))
    sliding_scale = _yes_no("sliding_scale")
    insurance_plans = _codes("insurance_plans", InsurancePlan, "insurance", "aetna;cigna")
    concerns = _codes("concerns", Concern, "concern", "anxiety;grief")
    modalities = _codes("modalities", Modality, "modality", "cbt;emdr")
    accepting_new_clients = _yes_no("accepting_new_clients")
    availability_confirmed_at = fields.Field(
        attribute="availability_confirmed_at",
        column_name="availability_confirmed_at",
        widget=MomentWidget("availability_confirmed_at"),
        saves_null_values=False,
    )

    class Meta:
        model = Therapist
        fields = (
            "id",
            "status",
            "status_reason",
            "name",
            "pronouns",
            "credentials",
            "license_number",
            "licensed_states",
            "gender",
            "lgbtq_affirming",
            "faith",
            "birth_year",
            "bio",
            "office_zip",
            "city",
            "offers_online",
            "offers_in_person",
            "languages",
            "fee",
            "sliding_scale",
            "insurance_plans",
            "concerns",
            "modalities",
            "accepting_new_clients",
            "availability_confirmed_at",
            *(d.key for d in DIMENSIONS),
            *(d.high_field for d in DIMENSIONS),
            *(d.note_field for d in DIMENSIONS),
        )
        import_id_fields = ["id"]
        # All or nothing: one bad row rolls back the whole file.
        use_transactions = True
        clean_model_instances = True
        # Rows that would not change anything are left alone (and stay out of the history).
        skip_unchanged = True
        report_skipped = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # The six style points and notes come from the registry, so a new dimension needs no edit here.
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = fields.Field(
                attribute=dimension.key,
                column_name=dimension.key,
                widget=WholeNumberWidget(dimension.key, minimum=SCALE_MIN, maximum=SCALE_MAX),
            )
            # The high end of a range ("usually 3 to 5"); left empty, the scale is answered with one point.
            self.fields[dimension.high_field] = fields.Field(
                attribute=dimension.high_field,
                column_name=dimension.high_field,
                widget=WholeNumberWidget(dimension.high_field, minimum=SCALE_MIN, maximum=SCALE_MAX, required=False),
            )
            self.fields[dimension.note_field] = _text(dimension.note_field)

    def filter_export(self, queryset: QuerySet[Therapist], **kwargs: Any) -> QuerySet[Therapist]:
        return queryset.prefetch_related(*CODE_LISTS)

    def import_data(self, dataset: Any, **kwargs: Any) -> Any:
        # Validation errors roll back too, whoever calls this (the admin or a script).
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def get_instance(self, instance_loader: Any, row: Any) -> Therapist | None:
        try:
            instance = super().get_instance(instance_loader, row)
        except ValueError as error:
            raise ValidationError({"id": str(error)}) from None
        if instance is None and str(row.get("id") or "").strip():
            raise ValidationError(
                {"id": f"There is no therapist with id {row['id']}. Leave id empty to add a new therapist."}
            )
        return instance

    def import_instance(self, instance: Therapist, row: Any, **kwargs: Any) -> None:
        # The library checks many-to-many columns only when saving them, after validation;
        # check the codes here so that an unknown code is reported with the row's other problems.
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for dimension in DIMENSIONS:
            if getattr(instance, dimension.high_field) is None:
                setattr(instance, dimension.high_field, getattr(instance, dimension.key))
        instance.office_zip = instance.office_zip.strip()
        if instance.office_zip and (problem := geo.zip_problem(instance.office_zip)):
            errors["office_zip"] = [ValidationError(problem, code="invalid")]
        office = geo.place(instance.office_zip)
        instance.city = office.city if office else ""
        for field in self.get_import_fields():
            if isinstance(field.widget, CodeListWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [ValidationError(str(error), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance: Therapist, row: Any, **kwargs: Any) -> None:
        # Rebuilt when the import's transaction commits, after the row's code lists are saved too.
        if not kwargs.get("dry_run"):
            listing_sync(therapist_ids=[instance.pk])

    def before_save_instance(self, instance: Therapist, row: Any, **kwargs: Any) -> None:
        # A listing published by import is verified by the curator who imported it.
        user = kwargs.get("user")
        if instance.status == Therapist.Status.PUBLISHED and instance.verified_at is None:
            instance.verified_at = timezone.now()
            if user is not None and user.is_authenticated:
                instance.verified_by = user
