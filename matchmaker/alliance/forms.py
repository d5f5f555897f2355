"""The one form both sides of a conversation write with."""

from __future__ import annotations

from django import forms

from matchmaker.alliance.conversations import EMPTY_MESSAGE, TOO_LONG, clean_body
from matchmaker.alliance.models import MESSAGE_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_LENGTH,
        strip=True,
        error_messages={"required": EMPTY_MESSAGE, "max_length": TOO_LONG},
        help_text=f"Plain text, up to {MESSAGE_MAX_LENGTH:,} characters.",
    )

    def clean_body(self) -> str:
        return clean_body(self.cleaned_data["body"])
