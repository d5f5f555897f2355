from __future__ import annotations

from django.urls import path

from profiles.views import account, conversations, dashboard, editor, own_account

app_name = "profiles"

urlpatterns = [
    # Account
    path("therapist/sign-up/", account.sign_up, name="sign_up"),
    path("therapist/sign-up/check-your-email/", account.sign_up_sent, name="sign_up_sent"),
    path("therapist/sign-up/confirm/<uidb64>/<token>/", account.confirm_sign_up, name="confirm_sign_up"),
    # The therapist's own account
    path("therapist/account/", own_account.account, name="account"),
    path("therapist/account/password/", own_account.password_change, name="password_change"),
    path("therapist/account/password/done/", own_account.password_change_done, name="password_change_done"),
    path("therapist/account/email/", own_account.email_change, name="email_change"),
    path("therapist/account/email/confirm/<str:token>/", own_account.confirm_email_change, name="confirm_email_change"),
    path("therapist/account/delete/", own_account.delete_account, name="delete_account"),
    path("therapist/account/deleted/", own_account.account_deleted, name="account_deleted"),
    # Dashboard
    path("therapist/", dashboard.dashboard, name="dashboard"),
    path(
        "therapist/profiles/<int:pk>/availability/confirm/",
        dashboard.confirm_availability,
        name="confirm_availability",
    ),
    path("therapist/profiles/<int:pk>/availability/accepting/", dashboard.set_accepting, name="set_accepting"),
    # Conversations opened by clients' requests
    path("therapist/requests/<int:pk>/", conversations.conversation, name="conversation"),
    path("therapist/requests/<int:pk>/reply/", conversations.reply, name="reply"),
    path("therapist/requests/<int:pk>/answered/", conversations.mark_answered, name="mark_answered"),
    path("therapist/requests/<int:pk>/close/", conversations.close, name="close_request"),
    # Profile editor
    path("therapist/profiles/<int:pk>/edit/", editor.edit, name="edit"),
    path("therapist/profiles/<int:pk>/edit/<slug:step>/", editor.edit_step, name="edit_step"),
    path("therapist/profiles/<int:pk>/preview/", editor.preview, name="preview"),
    path("therapist/profiles/<int:pk>/submit/", editor.submit, name="submit"),
]
