"""Every page's settings through a teacher's link, and back.

A link such as ``/training?lr=0.01&iter=2000&hide=lr`` opens the page with those settings:
:func:`read` turns the URL's strings into values, refusing anything a widget would not offer
(the page then keeps its value and says so), and :func:`to_params` writes the current values
back, leaving defaults out so that links stay short. The settings are the page's declared
ones (``core.settings.pages.entries``): pairs of a widget key and its declaration.
"""

from __future__ import annotations

from typing import Any, Iterable

from core.settings.fields import MAX_RAW, Context, Setting, SettingError

HIDE_PARAM = "hide"      # comma-separated setting names whose widgets the class does not see
PRESENT_PARAM = "present"
RESERVED = {"lang", HIDE_PARAM, PRESENT_PARAM}

Entries = Iterable[tuple[str, Setting]]  # (widget key, declared setting)


def _raw(params, name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return value


def read(entries: Entries, params) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The values the URL gives, by widget key, and the (name, raw value) pairs it gives wrong.

    A setting absent from the URL is simply not in the result (the widget keeps its own value);
    a wrong one is reported and left out, so that its default applies.
    """
    values, problems = {}, []
    for key, declared in entries:
        raw = _raw(params, declared.url)
        if raw is None:
            continue
        try:
            values[key] = declared.parse(raw)
        except SettingError:
            problems.append((declared.url, str(raw)[:40]))
    return values, problems


def to_params(entries: Entries, values: dict[str, Any], context: Context = Context()) -> dict[str, str]:
    """The URL parameters for these values (by widget key, as the settings hold them), defaults left out."""
    params = {}
    for key, declared in entries:
        value = values.get(key)
        if value is not None and value != declared.default_for(context):
            params[declared.url] = declared.encode(value)
    return params


def hidden_names(entries: Entries, params) -> set[str]:
    """The settings a link hides (``hide=lr,batch``), by their names in links; unknown names are ignored."""
    raw = _raw(params, HIDE_PARAM) or ""
    known = {declared.url for _, declared in entries}
    return {name.strip() for name in raw[:MAX_RAW].split(",") if name.strip() in known}


def presenting(params) -> bool:
    """Whether the link asks for presenter mode (``present=1``)."""
    return (_raw(params, PRESENT_PARAM) or "").strip().lower() in ("1", "true", "yes", "on")
