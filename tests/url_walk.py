"""The app's own URL names, read from the resolver, and sensible arguments to reverse them with."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


def named_patterns(namespace: str) -> list[URLPattern]:
    """Every named route the app registers under a namespace."""
    patterns: list[URLPattern] = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == namespace:
            patterns += [p for p in entry.url_patterns if isinstance(p, URLPattern) and p.name]
    return patterns


def private_names() -> list[str]:
    """The questionnaire's names whose route lies under c/ (or starts or ends a client's link), and the therapist's."""
    client_side = [
        f"questionnaire:{pattern.name}"
        for pattern in named_patterns("questionnaire")
        if str(pattern.pattern).startswith(("c/", "deleted/", "start/"))
    ]
    return client_side + [f"profiles:{pattern.name}" for pattern in named_patterns("profiles")]


def parameters(name: str) -> list[str]:
    namespace, short = name.split(":")
    pattern = next(p for p in named_patterns(namespace) if p.name == short)
    return list(pattern.pattern.converters)


def args_for(name: str, world: dict[str, Any]) -> list[Any]:
    """Arguments for a route, from a world of one therapist (with an account), one client's token,
    a consultation request and a check-in from that client."""
    args: list[Any] = []
    for param in parameters(name):
        if param == "token":
            args.append(world["token"])
        elif param == "number":
            args.append(1)
        elif param == "step":
            args.append("about")
        elif name in {"questionnaire:request_sent", "profiles:request_status"}:
            args.append(world["consultation"].pk)
        elif name in {"questionnaire:check_in_result", "questionnaire:check_in_apply"}:
            args.append(world["check_in"].pk)
        else:
            args.append(world["therapist"].pk)
    return args
