"""The admin is the curation tool: the verification queue, CSV import and export,
the list of stale listings."""

from __future__ import annotations

import datetime
import os
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.template.defaultfilters import date as date_format
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET, require_POST
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ExportForm
from import_export.results import Result, RowResult
from import_export.tmp_storages import TempFolderStorage

from matchmaker import aggregates
from matchmaker.alliance.models import CheckIn
from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.search_table import listing_sync
from profiles.curation import Outcome, therapist_approve, therapist_reject, therapist_unpublish
from profiles.models import (
    AVAILABILITY_FRESH_DAYS,
    CHECK_IN_MIN_CLIENTS,
    Concern,
    InsurancePlan,
    Language,
    Modality,
    State,
    Therapist,
)
from profiles.resources import TherapistResource
from profiles.services import therapist_delete_account

BOTH_LOCATIONS = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]
# The preview's temporary file name travels through the browser signed, and only for an hour.
IMPORT_SIGNER = signing.TimestampSigner(salt="profiles.admin.import")
IMPORT_MAX_AGE = 60 * 60
QUEUE_PHOTO_SIZE = 40  # pixels, square; the picture is cropped to fit by static/css/admin/matchmaker.css


def days_ago(moment: datetime.datetime, *, today: datetime.date | None = None) -> str:
    """How long ago a moment was, in whole calendar days where the site is: "today", "3 days ago"."""
    days = ((today or timezone.localdate()) - timezone.localdate(moment)).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


@admin.register(State, Language, Concern, InsurancePlan, Modality)
class TermAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


class AvailabilityFilter(admin.SimpleListFilter):
    title = "availability"
    parameter_name = "availability"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("fresh", f"Fresh (confirmed in the last {AVAILABILITY_FRESH_DAYS} days)"),
            ("stale", f"Stale ({AVAILABILITY_FRESH_DAYS}+ days)"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> QuerySet[Therapist]:
        if self.value() == "fresh":
            return queryset.fresh()  # type: ignore[attr-defined,no-any-return]
        if self.value() == "stale":
            return queryset.stale()  # type: ignore[attr-defined,no-any-return]
        return queryset


class RejectForm(forms.Form):
    # Surrounding spaces are stripped, so a reason of only spaces counts as missing.
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text="Emailed to the therapist and shown on their dashboard. Say kindly what they can change.",
        error_messages={"required": "Please give a reason, so the therapist knows what to change."},
    )


class SignedConfirmImportForm(ConfirmImportForm):
    """The confirm step of an import. A tampered or stale form is refused, never a 500."""

    format = forms.ChoiceField(choices=[("0", "csv")], widget=forms.HiddenInput())
    resource = forms.ChoiceField(
        choices=[("", ""), ("0", "TherapistResource")], widget=forms.HiddenInput(), required=False
    )

    def clean_import_file_name(self) -> str:
        try:
            name = IMPORT_SIGNER.unsign(self.cleaned_data["import_file_name"], max_age=IMPORT_MAX_AGE)
        except signing.BadSignature:
            raise ValidationError("This preview has expired or was changed. Please upload the file again.") from None
        name = os.path.basename(name)
        if not os.path.exists(TempFolderStorage(name=name).get_full_path()):
            raise ValidationError("This file was already imported or has expired. Please upload it again.")
        return name


class TherapistAdminForm(forms.ModelForm):
    """Left empty, the high end of a scale is the point itself: one point rather than a range."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for d in DIMENSIONS:
            if d.high_field in cleaned and cleaned.get(d.high_field) is None:
                cleaned[d.high_field] = cleaned.get(d.key)
        return cleaned


@admin.register(Therapist)
class TherapistAdmin(ImportExportModelAdmin):
    form = TherapistAdminForm
    list_display = [
        "name",
        "status_badge",
        "license_number",
        "states",
        "accepting_new_clients",
        "availability",
        "check_ins_column",
        "submitted_at",
        "verified_at",
    ]
    # The verification queue (pending only) shows what a curator checks instead: see get_list_display.
    queue_list_display = ["thumbnail", "name", "submitted", "credentials", "license_number", "states", "client_view"]
    list_display_links = ["name"]
    list_filter = ["status", AvailabilityFilter, "accepting_new_clients", "licensed_states", "offers_online",
                   "offers_in_person", "is_synthetic"]  # fmt: skip
    search_fields = ["name", "user__email", "user__username", "license_number"]
    search_help_text = "Search by name, account email or license number."
    list_select_related = ["user"]
    list_per_page = 50
    # Status only changes through the actions, which email the therapist and record who decided.
    readonly_fields = ["status", "status_reason", "verified_at", "verified_by", "submitted_at", "client_view",
                       "check_ins", "availability_reminder_sent_at", "created_at", "updated_at"]  # fmt: skip
    filter_horizontal = ["licensed_states", "languages", "insurance_plans", "concerns", "modalities"]
    autocomplete_fields = ["user"]
    actions = ["approve", "reject", "unpublish"]
    fieldsets = [
        (None, {"fields": ["user", "status", "status_reason", "submitted_at", "verified_at", "verified_by",
                           "client_view"]}),
        ("Who they are", {"fields": ["name", "pronouns", "credentials", "gender", "lgbtq_affirming", "faith",
                                     "birth_year", "bio"]}),
        ("License", {"fields": ["license_number", "licensed_states"]}),
        ("Practical details", {"fields": ["office_zip", "city", "offers_online", "offers_in_person", "languages", "fee",
                                          "sliding_scale", "insurance_plans", "concerns", "modalities",
                                          "accepting_new_clients", "availability_confirmed_at",
                                          "availability_reminder_sent_at"]}),
        ("Style", {"fields": [field for d in DIMENSIONS for field in (d.key, d.high_field, d.note_field)]}),
        ("Check-ins after a first session", {"fields": ["check_ins"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]  # fmt: skip

    # Import and export: one CSV layout, all columns, so an export always imports back unchanged.
    resource_classes = [TherapistResource]
    import_formats = [base_formats.CSV]
    export_formats = [base_formats.CSV]
    export_form_class = ExportForm
    confirm_form_class = SignedConfirmImportForm
    import_template_name = "admin/profiles/therapist/import.html"
    change_list_template = "admin/profiles/therapist/change_list.html"

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # The style columns hold values only; their wording comes from the registry.
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        for d in DIMENSIONS:
            if formfield is not None and db_field.name == d.key:
                formfield.label = d.title
                formfield.help_text = f"1 = {d.short_low}, 7 = {d.short_high}; the low end of a range"
            elif formfield is not None and db_field.name == d.high_field:
                formfield.label = f"{d.title}, up to"
                formfield.help_text = (
                    "The high end of a range, at most 2 above the low end; the same point for one point"
                )
            elif formfield is not None and db_field.name == d.note_field:
                formfield.label = f"{d.title}, in my own words"
        return formfield

    def get_queryset(self, request: HttpRequest) -> QuerySet[Therapist]:
        return (
            super()
            .get_queryset(request)
            .select_related("published_check_ins")
            .prefetch_related("licensed_states")
            .annotate(check_in_count=Count("check_ins"))
        )

    @staticmethod
    def is_queue(request: HttpRequest) -> bool:
        """Whether the list is filtered to pending therapists: the verification queue."""
        return request.GET.get("status__exact") == Therapist.Status.PENDING

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        # The verification queue: whoever submitted longest ago comes first. A pending profile that was
        # never submitted (one imported as pending) has no date to wait by, so it comes after those that
        # were, on every database alike.
        if self.is_queue(request):
            return [F("submitted_at").asc(nulls_last=True), "pk"]
        return super().get_ordering(request)  # type: ignore[no-any-return]

    def get_list_display(self, request: HttpRequest) -> list[str]:
        if self.is_queue(request):
            return self.queue_list_display
        return super().get_list_display(request)  # type: ignore[no-any-return]

    # Columns

    @admin.display(description="Status", ordering="status")
    def status_badge(self, therapist: Therapist) -> str:
        # Coloured by static/css/admin/matchmaker.css (no inline style under the Content-Security-Policy).
        return format_html('<strong class="status-{}">{}</strong>', therapist.status, therapist.get_status_display())

    @admin.display(description="Photo")
    def thumbnail(self, therapist: Therapist) -> str:
        # Decorative, as on the client's pages: the name is in the next column.
        if therapist.photo:
            return format_html(
                '<img class="queue-photo" src="{}" alt="" width="{}" height="{}">',
                therapist.photo.url,
                QUEUE_PHOTO_SIZE,
                QUEUE_PHOTO_SIZE,
            )
        return format_html('<span class="queue-initials" aria-hidden="true">{}</span>', therapist.initials)

    @admin.display(description="Submitted", ordering="submitted_at")
    def submitted(self, therapist: Therapist) -> str:
        if therapist.submitted_at is None:
            return "Not submitted"
        return format_html(
            '<time datetime="{}">{}</time><br><span class="queue-date">{}</span>',
            therapist.submitted_at.isoformat(),
            days_ago(therapist.submitted_at),
            date_format(timezone.localtime(therapist.submitted_at), "j M Y, H:i"),
        )

    @admin.display(description="As clients see it")
    def client_view(self, therapist: Therapist) -> str:
        """The public profile page; staff see it while it is unpublished too, marked as a preview."""
        if therapist.pk is None:
            return "–"
        return format_html(
            '<a href="{}">See the profile as a client would<span class="visually-hidden">: {}</span></a>',
            reverse("questionnaire:therapist", args=[therapist.pk]),
            therapist.name,
        )

    @admin.display(description="Licensed in")
    def states(self, therapist: Therapist) -> str:
        return ", ".join(state.code for state in therapist.licensed_states.all())

    @admin.display(description="Availability confirmed", ordering="availability_confirmed_at")
    def availability(self, therapist: Therapist) -> str:
        confirmed = timezone.localdate(therapist.availability_confirmed_at)
        if therapist.availability_is_fresh:
            return format_html("{}", confirmed.isoformat())
        return format_html('{} <strong class="stale">(stale)</strong>', confirmed.isoformat())

    @admin.display(description="Check-ins (alliance)", ordering="check_in_count")
    def check_ins_column(self, therapist: Therapist) -> str:
        """How many check-ins, and the published mean alliance total (the sum of the question means)."""
        count = getattr(therapist, "check_in_count", 0)
        if not count:
            return "–"
        averages = therapist.check_in_averages()
        if averages is None:
            return str(count)
        total = sum(mean for _question, mean in averages)
        return f"{count} · {total:.1f}/{CheckIn.SCALE_MAX * len(CheckIn.QUESTIONS)}"

    @admin.display(description="Averages")
    def check_ins(self, therapist: Therapist) -> str:
        """The published averages only: from 5 different clients on, and moved only by 5 more."""
        if therapist.pk is None:
            return "–"
        count = therapist.check_ins.count()
        if not count:
            return "No check-ins yet."
        counted = format_html("{} check-in{}", count, pluralize(count))
        averages = therapist.check_in_averages()
        if averages is None:
            return format_html(
                "{}. Averages are shown from {} different clients on, and only change once {} more have "
                "checked in (counting only check-ins a day or more after a consultation request), so that no "
                "one's answers can be worked out.",
                counted,
                CHECK_IN_MIN_CLIENTS,
                aggregates.BATCH,
            )
        clients = therapist.published_check_ins.clients  # type: ignore[attr-defined]
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td></tr>",
            ((question, f"{mean:.1f} / {CheckIn.SCALE_MAX}") for question, mean in averages),
        )
        return format_html(
            "<table><caption>{}; published averages from {} client{}</caption><tbody>{}</tbody></table>",
            counted,
            clients,
            pluralize(clients),
            rows,
        )

    # The change form and deletions keep the search table in step; the actions do so through curation.

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        listing_sync(therapist_ids=[form.instance.pk])

    # A deletion here is the same as a therapist leaving: their photo's file and their login go too (a staff
    # login stays), and their consultation requests stay with the clients under their name.

    def delete_model(self, request: HttpRequest, obj: Therapist) -> None:
        therapist_delete_account(therapist=obj)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> None:
        for therapist in queryset:
            therapist_delete_account(therapist=therapist)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, dict[str, int], Any, Any]:
        """The confirmation page lists the logins that go with the profiles, which Django cannot see."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        logins = [therapist.user for therapist in objs if therapist.user is not None and not therapist.user.is_staff]
        deleted.extend(format_html("Login: {}", user.get_username()) for user in logins)
        if logins:
            counts["logins"] = len(logins)
            user_model = get_user_model()._meta
            if not request.user.has_perm(f"{user_model.app_label}.delete_{user_model.model_name}"):
                perms_needed.add(user_model.verbose_name)
        return deleted, counts, perms_needed, protected

    # Actions: each calls a function in profiles.curation, which also writes the admin history.
    # Each needs the change permission: staff who may only look are not offered them, and a forged
    # POST of one is refused by the admin before it runs.

    @admin.action(
        description="Approve and publish this therapist",
        description_plural="Approve and publish selected therapists",
        location=BOTH_LOCATIONS,
        permissions=["change"],
    )
    def approve(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> None:
        outcomes = self._apply(request, queryset, lambda t: therapist_approve(therapist=t, by=request.user))
        self._report(request, outcomes, "Approved and published")

    @admin.action(
        description="Reject this therapist (asks for a reason)",
        description_plural="Reject selected therapists (asks for a reason)",
        location=BOTH_LOCATIONS,
        permissions=["change"],
    )
    def reject(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> HttpResponse | None:
        # First visit shows the reason form; its submission comes back here with "confirm".
        form = RejectForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            outcomes = self._apply(
                request, queryset, lambda t: therapist_reject(therapist=t, by=request.user, reason=reason)
            )
            self._report(request, outcomes, "Rejected")
            return None
        if form.is_bound:
            self.message_user(request, "Nothing was changed: please give a reason.", messages.ERROR)
        in_change_form = f"{ActionLocation.CHANGE_FORM.value}-action" in request.POST
        context = {
            **self.admin_site.each_context(request),
            "title": "Reject therapists",
            "opts": self.opts,
            "therapists": queryset,
            "form": form,
            "action_field": f"{ActionLocation.CHANGE_FORM.value}-action" if in_change_form else "action",
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/profiles/therapist/reject.html", context, status=400 if form.is_bound else 200
        )

    @admin.action(
        description="Unpublish this therapist (back to pending)",
        description_plural="Unpublish selected therapists (back to pending)",
        location=BOTH_LOCATIONS,
        permissions=["change"],
    )
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> None:
        outcomes = self._apply(request, queryset, lambda t: therapist_unpublish(therapist=t, by=request.user))
        self._report(request, outcomes, "Unpublished", emails=False)

    def response_action(
        self, request: HttpRequest, queryset: QuerySet[Therapist], action_location: Any = ActionLocation.CHANGE_LIST
    ) -> HttpResponseBase | None:
        # Ids are numbers; anything else was not sent by our page, so refuse it instead of failing.
        if not all(pk.isdigit() for pk in request.POST.getlist(ACTION_CHECKBOX_NAME)):
            self.message_user(request, "Nothing was changed: the selection was not understood.", messages.ERROR)
            return None
        return super().response_action(request, queryset, action_location=action_location)  # type: ignore[no-any-return]

    def _apply(
        self, request: HttpRequest, queryset: QuerySet[Therapist], change: Any
    ) -> list[tuple[Therapist, Outcome]]:
        outcomes = []
        for therapist in queryset:
            try:
                outcomes.append((therapist, change(therapist)))
            except ValidationError as error:
                self.message_user(
                    request, f"{therapist.name} was not changed: {'; '.join(error.messages)}", messages.ERROR
                )
        return outcomes

    def _report(
        self, request: HttpRequest, outcomes: list[tuple[Therapist, Outcome]], verb: str, *, emails: bool = True
    ) -> None:
        changed = [t for t, outcome in outcomes if outcome.changed]
        unchanged = [t for t, outcome in outcomes if not outcome.changed]
        noun = "therapist" if len(changed) == 1 else "therapists"
        self.message_user(request, f"{verb} {len(changed)} {noun}.", messages.SUCCESS)
        if unchanged:
            names = ", ".join(t.name for t in unchanged)
            self.message_user(request, f"Already in that state, left as they were: {names}.", messages.INFO)
        not_told = [t.name for t, outcome in outcomes if outcome.changed and not outcome.emailed]
        if not_told and emails:
            self.message_user(
                request,
                f"Could not email (no account email, or the mail server failed): {', '.join(not_told)}.",
                messages.WARNING,
            )

    # A page of its own: stale listings. (The coverage page reads clients too: matchmaker.admin_pages.)

    def get_urls(self) -> list[URLPattern]:
        own = [
            path("stale/", self.admin_site.admin_view(self.stale_view), name="profiles_therapist_stale"),
        ]
        return own + super().get_urls()

    @method_decorator(require_GET)
    def stale_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        therapists = (
            Therapist.objects.published()
            .stale()
            .select_related("user")
            .prefetch_related("licensed_states")
            .order_by("availability_confirmed_at", "pk")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Stale listings: availability not confirmed for {AVAILABILITY_FRESH_DAYS}+ days",
            "opts": self.opts,
            "therapists": therapists,
            "now": timezone.now(),
            "fresh_days": AVAILABILITY_FRESH_DAYS,
        }
        return TemplateResponse(request, "admin/profiles/therapist/stale.html", context)

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "pending_count": Therapist.objects.filter(status=Therapist.Status.PENDING).count(),
            "stale_count": Therapist.objects.published().stale().count(),
        }
        return super().changelist_view(request, extra_context)

    # Import and export: staff with the right permissions only, all or nothing.

    def has_import_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perms(["profiles.add_therapist", "profiles.change_therapist"])

    def has_export_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("profiles.view_therapist")

    def choose_import_resource_class(self, form: Any, request: HttpRequest) -> type[TherapistResource]:
        return TherapistResource

    def get_confirm_form_initial(self, request: HttpRequest, import_form: Any) -> dict[str, Any]:
        initial: dict[str, Any] = super().get_confirm_form_initial(request, import_form)
        if "import_file_name" in initial:
            initial["import_file_name"] = IMPORT_SIGNER.sign(os.path.basename(initial["import_file_name"]))
        return initial

    @method_decorator(require_POST)
    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponseBase:
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            problems = " ".join(message for errors in confirm_form.errors.values() for message in errors)
            self.message_user(request, f"Nothing was imported. {problems}", messages.ERROR)
            return HttpResponseRedirect(reverse("admin:profiles_therapist_import"))
        return super().process_import(request, **kwargs)  # type: ignore[no-any-return]

    def process_result(self, result: Result, request: HttpRequest) -> HttpResponseBase:
        if result.has_errors() or result.has_validation_errors():
            # The import ran in one transaction that was rolled back, so nothing is in the history either.
            self.message_user(
                request,
                "Nothing was imported: some rows had problems. Upload the file again to see which.",
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:profiles_therapist_import"))
        return super().process_result(result, request)  # type: ignore[no-any-return]

    def generate_log_entries(self, result: Result, request: HttpRequest) -> None:
        for row in result.valid_rows():
            if row.import_type == RowResult.IMPORT_TYPE_NEW:
                self.log_addition(request, row.instance, "Added by CSV import.")
            elif row.import_type == RowResult.IMPORT_TYPE_UPDATE:
                self.log_change(request, row.instance, "Changed by CSV import.")
