from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from profiles.forms import TherapistProfileForm
from profiles.models import Therapist


def own_therapist(request: HttpRequest, pk: int) -> Therapist:
    """The therapist profile at pk, if it belongs to the logged-in user; 404 otherwise."""
    therapist = get_object_or_404(Therapist, pk=pk)
    if therapist.user_id is None or therapist.user_id != request.user.pk:
        raise Http404("No profile of yours here.")
    return therapist


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    therapist = Therapist.objects.filter(user=request.user).first()
    return render(request, "profiles/dashboard.html", {"therapist": therapist})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    therapist = own_therapist(request, pk)
    form = TherapistProfileForm(request.POST or None, instance=therapist)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("profiles:edit", pk=therapist.pk)
    context = {"form": form, "therapist": therapist}
    return render(request, "profiles/edit.html", context, status=400 if form.errors else 200)
