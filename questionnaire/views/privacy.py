"""Deleting everything behind a private link, for good, and downloading it first."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from questionnaire.privacy import client_delete, client_export
from questionnaire.views.results import client_for, locks_the_client


@require_http_methods(["GET", "POST"])
@locks_the_client
def delete_everything(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm, and says what will go; POST deletes."""
    client = client_for(token)
    if request.method == "POST":
        client_delete(client=client)
        return redirect("questionnaire:deleted")
    context = {
        "client": client,
        "token": token,
        "shortlisted": client.shortlist.count(),
        "requests": client.requests.count(),
        "check_ins": client.check_ins.count(),
        "set_aside": client.set_aside.count(),
    }
    return render(request, "questionnaire/delete_everything.html", context)


@require_GET
def deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "questionnaire/deleted.html")


@require_GET
@never_cache
def download(request: HttpRequest, token: str) -> HttpResponse:
    """Everything stored under this link, as a JSON file to keep."""
    client = client_for(token)
    data = client_export(client=client, absolute_url=request.build_absolute_uri)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="matchmaker-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response
