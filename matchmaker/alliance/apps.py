from __future__ import annotations

from django.apps import AppConfig


class AllianceConfig(AppConfig):
    name = "matchmaker.alliance"
    label = "alliance"
    verbose_name = "Requests and check-ins"
    default_auto_field = "django.db.models.BigAutoField"
