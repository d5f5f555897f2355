"""Therapist-facing views, one module per journey: account, editor, dashboard."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from profiles.models import Therapist


def own_therapist(request: HttpRequest, pk: int) -> Therapist:
    """The therapist profile at pk, if it belongs to the logged-in user; 404 otherwise.

    404 rather than 403, so nobody can learn which profile ids exist.
    """
    therapist = get_object_or_404(Therapist, pk=pk)
    if therapist.user_id is None or therapist.user_id != request.user.pk:
        raise Http404("No profile of yours here.")
    return therapist


def own_profile(request: HttpRequest) -> Therapist:
    """The logged-in user's own therapist profile; 404 for an account without one (staff, for instance)."""
    return get_object_or_404(Therapist.objects.select_related("user"), user_id=request.user.pk)
