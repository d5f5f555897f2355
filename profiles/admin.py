from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Concern, InsurancePlan, Language, Modality, State, Therapist


@admin.register(State, Language, Concern, InsurancePlan, Modality)
class TermAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Therapist)
class TherapistAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "status_badge",
        "credentials",
        "license_number",
        "states",
        "accepting_new_clients",
        "verified_at",
        "updated_at",
    ]
    list_filter = ["status", "accepting_new_clients", "offers_online", "offers_in_person", "licensed_states"]
    search_fields = ["name", "user__email", "user__username", "license_number"]
    list_select_related = ["user"]
    list_per_page = 50
    readonly_fields = ["verified_at", "verified_by", "created_at", "updated_at"]
    filter_horizontal = ["licensed_states", "languages", "insurance_plans", "concerns", "modalities"]
    autocomplete_fields = ["user"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["user", "status", "status_reason", "verified_at", "verified_by"]}),
        ("Who they are", {"fields": ["name", "pronouns", "credentials", "gender", "lgbtq_affirming", "faith",
                                     "birth_year", "bio"]}),
        ("License", {"fields": ["license_number", "licensed_states"]}),
        ("Practical details", {"fields": ["city", "offers_online", "offers_in_person", "languages", "fee",
                                          "sliding_scale", "insurance_plans", "concerns", "modalities",
                                          "accepting_new_clients", "availability_confirmed_at"]}),
        ("Style", {"fields": [d.key for d in DIMENSIONS]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]  # fmt: skip

    def get_queryset(self, request: HttpRequest) -> QuerySet[Therapist]:
        return super().get_queryset(request).prefetch_related("licensed_states")

    @admin.display(description="Status", ordering="status")
    def status_badge(self, therapist: Therapist) -> str:
        colours = {"draft": "#555", "pending": "#8a5a00", "published": "#1b6e2d", "rejected": "#a1262d"}
        return format_html(
            '<strong style="color:{}">{}</strong>', colours[therapist.status], therapist.get_status_display()
        )

    @admin.display(description="Licensed in")
    def states(self, therapist: Therapist) -> str:
        return ", ".join(state.code for state in therapist.licensed_states.all())

    @admin.action(description="Publish selected therapists (verified)")
    def publish(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> None:
        count = 0
        for therapist in queryset.exclude(status=Therapist.Status.PUBLISHED):
            therapist.status = Therapist.Status.PUBLISHED
            therapist.status_reason = ""
            therapist.verified_at = timezone.now()
            therapist.verified_by = request.user  # type: ignore[assignment]
            therapist.save()
            self.log_change(request, therapist, "Published after verification.")
            count += 1
        self.message_user(request, f"Published {count} therapist(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected therapists (back to pending)")
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Therapist]) -> None:
        count = 0
        for therapist in queryset.filter(status=Therapist.Status.PUBLISHED):
            therapist.status = Therapist.Status.PENDING
            therapist.save()
            self.log_change(request, therapist, "Unpublished; back to pending.")
            count += 1
        self.message_user(request, f"Unpublished {count} therapist(s).", messages.SUCCESS)

    def save_model(self, request: HttpRequest, obj: Therapist, form: object, change: bool) -> None:
        # Publishing through the edit form records who verified, as the action does.
        if obj.status == Therapist.Status.PUBLISHED and obj.verified_at is None:
            obj.verified_at = timezone.now()
            obj.verified_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)
