"""The admin history of a therapist (Django's LogEntry), written by the services that change a listing.

Every change to where a listing stands is written here in the same transaction as the change itself,
whoever made it: a curator's decision, or the therapist's own submit or edit. The admin shows these at
/admin/profiles/therapist/<pk>/history/.
"""

from __future__ import annotations

from django.contrib.admin.models import CHANGE, LogEntry

from profiles.models import Therapist


def therapist_history_add(*, therapist: Therapist, user_id: int, message: str) -> None:
    """Record one change of this therapist, made by the user with this id, in plain words."""
    LogEntry.objects.log_actions(
        user_id=user_id,
        queryset=[therapist],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )
