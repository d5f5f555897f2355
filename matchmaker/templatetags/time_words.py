"""Times as a person says them: "2 hours ago", not "2 hours, 5 minutes ago"."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def ago(moment: datetime | None) -> str:
    """ "just now" under a minute, else the largest unit only: "2 hours ago", "3 days ago"."""
    if moment is None:
        return ""
    if timezone.now() - moment < timezone.timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=1)} ago"


@register.filter
def for_how_long(moment: datetime | None) -> str:
    """How long since `moment`, in its largest unit: "3 days"."""
    return "" if moment is None else timesince(moment, depth=1)
