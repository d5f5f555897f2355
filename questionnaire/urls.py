from __future__ import annotations

from django.urls import path

from questionnaire.views import privacy, profile, reaching_out, results, shortlist, steps

app_name = "questionnaire"

# Everything under c/<token>/ belongs to one client's private link.
urlpatterns = [
    # The questionnaire
    path("start/", steps.start, name="start"),
    path("c/<str:token>/questions/<int:number>/", steps.step, name="step"),
    path("c/<str:token>/answers/", steps.review, name="edit"),  # the review page
    path("c/<str:token>/answers/<int:number>/", steps.step, {"from_review": True}, name="change"),
    path("c/<str:token>/refine/", results.refine, name="refine"),
    # Results and profiles
    path("c/<str:token>/", results.results, name="results"),
    path("c/<str:token>/therapists/<int:pk>/", profile.therapist_for_client, name="therapist_for_client"),
    path("therapists/<int:pk>/", results.therapist, name="therapist"),
    # Shortlist and compare
    path("c/<str:token>/shortlist/", shortlist.shortlist, name="shortlist"),
    path("c/<str:token>/shortlist/<int:pk>/add/", shortlist.add, name="shortlist_add"),
    path("c/<str:token>/shortlist/<int:pk>/remove/", shortlist.remove, name="shortlist_remove"),
    path("c/<str:token>/compare/", shortlist.compare, name="compare"),
    path("c/<str:token>/therapists/<int:pk>/set-aside/", shortlist.set_aside, name="set_aside"),
    path("c/<str:token>/therapists/<int:pk>/bring-back/", shortlist.bring_back, name="bring_back"),
    # Reaching out and checking in
    path("c/<str:token>/therapists/<int:pk>/request/", reaching_out.request_consultation, name="request_consultation"),
    path("c/<str:token>/requests/<int:pk>/", reaching_out.request_sent, name="request_sent"),
    path("c/<str:token>/requests/<int:pk>/messages/", reaching_out.request_message, name="request_message"),
    path("c/<str:token>/requests/<int:pk>/close/", reaching_out.request_close, name="request_close"),
    path("c/<str:token>/therapists/<int:pk>/check-in/", reaching_out.check_in, name="check_in"),
    path("c/<str:token>/check-ins/<int:pk>/", reaching_out.check_in_result, name="check_in_result"),
    path("c/<str:token>/check-ins/<int:pk>/apply/", reaching_out.check_in_apply, name="check_in_apply"),
    # Privacy
    path("c/<str:token>/delete/", privacy.delete_everything, name="delete_everything"),
    path("c/<str:token>/download/", privacy.download, name="download"),
    path("deleted/", privacy.deleted, name="deleted"),  # no token: the link is gone by then
]
