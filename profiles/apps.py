from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = "Therapist directory"

    def ready(self) -> None:
        # Connects the handlers that keep the Listing search table in step with therapists.
        from profiles import listings  # noqa: F401
