"""Every page's settings, declared once, and their round trip through the URL.

Like TensorFlow Playground's ``state.ts``: each setting has a name in the URL,
the widget it belongs to, a type, a default and its allowed values. A teacher's
link such as ``/training?lr=0.01&iter=2000&hide=lr`` opens the page with those
settings; :func:`read` turns the URL's strings into values, refusing anything
out of range or malformed (the page then keeps the default and says so), and
:func:`to_params` writes the current values back, leaving defaults out so that
links stay short.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

MAX_TEXT = 200           # characters of a text setting (a vector, a layer list) in a link
MAX_RAW = 300            # anything longer in the URL is refused unread
HIDE_PARAM = "hide"      # comma-separated setting names whose widgets the class does not see
PRESENT_PARAM = "present"
RESERVED = {"lang", HIDE_PARAM, PRESENT_PARAM}


class SettingError(ValueError):
    """A URL value that cannot be this setting's."""


@dataclass(frozen=True)
class Setting:
    """One setting: ``name`` in the URL, ``key`` of its widget, its type and what it may be.

    ``kind`` is "int", "float", "bool", "text" or "choice"; ``default`` may be a
    function of the language (for texts written differently in French). A "choice" setting
    takes one of ``choices`` (numbers are matched by value: "0.010" is 0.01);
    "int" and "float" settings lie in [``low``, ``high``], or among ``choices``
    when given (the steps of a select slider).
    """

    name: str
    key: str
    kind: str
    default: Any
    choices: tuple = ()
    low: float | None = None
    high: float | None = None
    label: str = ""        # the text key of its widget's label (core.texts), to name it to a teacher

    def parse(self, raw: str) -> Any:
        """The value that ``raw`` (a URL string) stands for; SettingError if it cannot be one."""
        if not isinstance(raw, str) or len(raw) > MAX_RAW:
            raise SettingError(f"{self.name}: not a readable value")
        text = raw.strip()
        if self.kind == "text":
            if len(text) > MAX_TEXT or any(ord(c) < 32 for c in text):
                raise SettingError(f"{self.name}: text too long or with control characters")
            return text
        if self.kind == "bool":
            lowered = text.lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise SettingError(f"{self.name}: expected 1 or 0, got {text!r}")
        if self.kind == "choice" and not all(isinstance(c, (int, float)) for c in self.choices):
            if text in self.choices:
                return text
            raise SettingError(f"{self.name}: {text!r} is not one of {self.choices}")
        number = self._number(text)
        if self.choices:
            for choice in self.choices:
                if math.isclose(number, choice, rel_tol=1e-9, abs_tol=1e-15):
                    return choice
            raise SettingError(f"{self.name}: {text!r} is not one of {self.choices}")
        if (self.low is not None and number < self.low) or (self.high is not None and number > self.high):
            raise SettingError(f"{self.name}: {text!r} is outside [{self.low}, {self.high}]")
        return number

    def _number(self, text: str):
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise SettingError(f"{self.name}: {text!r} is not a number") from None
        if not math.isfinite(value):
            raise SettingError(f"{self.name}: {text!r} is not a finite number")
        if self.kind == "int" or (self.choices and all(isinstance(c, int) for c in self.choices)):
            if value != int(value):
                raise SettingError(f"{self.name}: {text!r} is not a whole number")
            return int(value)
        return value

    def encode(self, value: Any) -> str:
        """``value`` as the URL writes it (the shortest form that :meth:`parse` reads back)."""
        if self.kind == "bool":
            return "1" if value else "0"
        if isinstance(value, float):
            return f"{value:g}" if float(f"{value:g}") == value else repr(value)
        return str(value)


def _raw(params, name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return value


def read(settings: list[Setting], params) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The values the URL gives, by widget key, and the (name, raw value) pairs it gives wrong.

    A setting absent from the URL is simply not in the result (the widget keeps
    its own value); a wrong one is reported and left out, so that its default applies.
    """
    values, problems = {}, []
    for setting in settings:
        raw = _raw(params, setting.name)
        if raw is None:
            continue
        try:
            values[setting.key] = setting.parse(raw)
        except SettingError:
            problems.append((setting.name, str(raw)[:40]))
    return values, problems


def default_of(setting: Setting, language: str = "fr") -> Any:
    """The setting's default; a text default may depend on the language (a vector written 1,5 or 1.5)."""
    return setting.default(language) if callable(setting.default) else setting.default


def to_params(settings: list[Setting], values: dict[str, Any], language: str = "fr") -> dict[str, str]:
    """The URL parameters for these values (by widget key), defaults left out."""
    params = {}
    for setting in settings:
        value = values.get(setting.key)
        if value is not None and value != default_of(setting, language):
            params[setting.name] = setting.encode(value)
    return params


def hidden_names(settings: list[Setting], params) -> set[str]:
    """The settings a link hides (``hide=lr,batch``); unknown names are ignored."""
    raw = _raw(params, HIDE_PARAM) or ""
    known = {setting.name for setting in settings}
    return {name.strip() for name in raw[:MAX_RAW].split(",") if name.strip() in known}


def presenting(params) -> bool:
    """Whether the link asks for presenter mode (``present=1``)."""
    return (_raw(params, PRESENT_PARAM) or "").strip().lower() in ("1", "true", "yes", "on")
