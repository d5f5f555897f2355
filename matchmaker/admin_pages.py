"""Curation pages that read both sides of the directory: therapists' styles next to what clients ask for.

They live in the project package because the therapist side (profiles) never imports the client side.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from matchmaker import coverage, evidence, reply_report, vocabulary
from matchmaker import evidence_page as evidence_page_data
from matchmaker.alliance import rules
from profiles.models import AVAILABILITY_FRESH_DAYS, Therapist


class CoverageForm(forms.Form):
    state = forms.ChoiceField(label="State", choices=[("", "All states"), *vocabulary.US_STATES], required=False)


def _may_view_therapists(request: HttpRequest) -> None:
    # The same right as browsing the therapist list: these pages show nothing of one client.
    if not request.user.has_perm("profiles.view_therapist"):
        raise PermissionDenied


@require_GET
def coverage_page(request: HttpRequest) -> HttpResponse:
    _may_view_therapists(request)
    form = CoverageForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_bound and form.is_valid() else ""
    context = {
        **admin.site.each_context(request),
        "title": "Coverage: therapists’ styles next to what clients ask for",
        "opts": Therapist._meta,
        "form": form,
        "coverage": coverage.build(state),
        "fresh_days": AVAILABILITY_FRESH_DAYS,
        "combination_importance": coverage.COMBINATION_IMPORTANCE,
        "thin_below": coverage.THIN_BELOW,
        "min_clients_shown": coverage.MIN_CLIENTS_SHOWN,
    }
    return TemplateResponse(request, "admin/profiles/therapist/coverage.html", context)


def _may_read_check_ins(request: HttpRequest) -> None:
    # Figures over many check-ins only, but drawn from clients' answers: the right to read check-ins.
    if not request.user.has_perm("alliance.view_checkin"):
        raise PermissionDenied


@require_GET
def evidence_page(request: HttpRequest) -> HttpResponse:
    _may_read_check_ins(request)
    context = {
        **admin.site.each_context(request),
        "title": "Does fit predict how the first session felt?",
        "evidence": evidence_page_data.build(),
        "enough_check_ins": evidence.ENOUGH_CHECK_INS,
        "alliance_max": rules.ALLIANCE_MAX,
    }
    return TemplateResponse(request, "admin/evidence.html", context)


@require_GET
def evidence_csv(request: HttpRequest) -> HttpResponse:
    _may_read_check_ins(request)
    response = HttpResponse(evidence_page_data.csv_text(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="check-ins.csv"'
    return response


class RepliesForm(forms.Form):
    real_only = forms.BooleanField(label="Real therapists only (leave out demo listings)", required=False)


def _replies_report(request: HttpRequest) -> tuple[RepliesForm, reply_report.Report]:
    _may_view_therapists(request)
    form = RepliesForm(request.GET or None, label_suffix="")
    real_only = bool(form.is_bound and form.is_valid() and form.cleaned_data["real_only"])
    return form, reply_report.build(reply_report.request_rows(), now=timezone.now(), real_only=real_only)


@require_GET
def replies_page(request: HttpRequest) -> HttpResponse:
    form, report = _replies_report(request)
    context = {
        **admin.site.each_context(request),
        "title": "Replies: who answers the people who write",
        "form": form,
        "report": report,
        "query": "?real_only=on" if report.real_only else "",
        "due_days": reply_report.DUE_AFTER.days,
        "min_shown": reply_report.MIN_SHOWN,
        "silent_after": reply_report.SILENT_AFTER,
    }
    return TemplateResponse(request, "admin/replies.html", context)


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def replies_therapists_csv(request: HttpRequest) -> HttpResponse:
    _form, report = _replies_report(request)
    return _csv_response(reply_report.csv_text(reply_report.therapist_table(report)), "replies-per-therapist.csv")


@require_GET
def replies_states_csv(request: HttpRequest) -> HttpResponse:
    _form, report = _replies_report(request)
    return _csv_response(reply_report.csv_text(reply_report.state_table(report)), "replies-per-state.csv")
