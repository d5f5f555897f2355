"""Removing a client and everything they left with us."""

from __future__ import annotations

from django.db import transaction

from questionnaire.models import Client


def client_delete(*, client: Client) -> None:
    """The answers, shortlist, set-aside therapists, requests and check-ins, all at once and for good.

    Every related row is a CASCADE from Client, so deleting the client takes them all in one transaction;
    requests also leave the therapist's inbox. The client's row is locked first: every other write behind
    the link locks it too, so none can add a row while the deletion gathers what to delete.
    """
    with transaction.atomic():
        if Client.objects.select_for_update().filter(pk=client.pk).exists():
            client.delete()
