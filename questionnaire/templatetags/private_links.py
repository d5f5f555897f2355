"""{% below_results "questionnaire:shortlist" %}: a link from the results page that holds no token."""

from __future__ import annotations

from django import template

from questionnaire import private_links

register = template.Library()


@register.simple_tag
def below_results(name: str, *args: object) -> str:
    return private_links.below_results(name, *args)
