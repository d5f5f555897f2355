"""Helpers for rendering choice fields with a plain loop in templates.

Rendering each option through Django's widget templates is the slowest part of
the results page's refine form; a loop over the choices is many times faster
and reads just as plainly.
"""

from __future__ import annotations

from django import forms, template

register = template.Library()


@register.filter
def chosen(field: forms.BoundField) -> set[str]:
    """The field's current value(s) as strings, to compare with choice values."""
    value = field.value()
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {str(item) for item in value}
    return {str(value)}


@register.filter
def widget_kind(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):  # before RadioSelect: it is a subclass
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    return "other"


@register.filter
def as_text(value: object) -> str:
    return "" if value is None else str(value)
