"""One declaration per setting: its type, default, bounds, label, help, widget and name in a link.

A setting is declared once, as a field of the frozen dataclass it fills (a model's settings,
or a page's), with :func:`setting`::

    learning_rate: float = setting(0.003, url="lr", label="set_learning_rate", widget="select_slider",
                                   offered=LEARNING_RATES, bounds=(1e-5, 10.0), help="set_learning_rate_help",
                                   decimals=None)

Everything else is derived from that declaration: the page's widget (``ui.settings``), the
round trip through a teacher's link (``core.settings.links``), the controls a link hides, the
class board's replay links, and the validation of the settings (:meth:`Settings.problems`).
Like TensorFlow Playground's ``state.ts``, nothing repeats a default.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Any, Callable

MAX_TEXT = 200           # characters of a text setting (a vector, a layer list) in a link
MAX_RAW = 300            # anything longer in a URL is refused unread

KINDS = ("int", "float", "bool", "text", "choice", "layers")
WIDGETS = ("select_slider", "slider", "number_input", "segmented", "radio", "selectbox", "toggle", "text_input")


class SettingError(ValueError):
    """A value (from a link or a widget) that cannot be this setting's."""


class SettingProblem(SettingError):
    """A value a student typed that cannot be used: ``code`` names a message in core.texts."""

    def __init__(self, code: str, **details):
        self.code, self.details = code, details
        super().__init__(f"{code} {details}")


@dataclass(frozen=True)
class Context:
    """What a default may depend on: the page's language (a vector is written 1,5 in French)."""

    language: str = "fr"


@dataclass(frozen=True)
class Setting:
    """One setting, as declared (see :func:`setting`); ``name`` is the field it fills."""

    kind: str                                 # one of KINDS
    default: Any                              # a value, or a function of the Context
    url: str | None = None                    # its name in a teacher's link (None: not in links)
    label: str | None = None                  # text key of its widget's label (None: no widget)
    widget: str | None = None                 # one of WIDGETS
    offered: tuple = ()                       # the widget's choices, or (low, high) for a slider / number
    bounds: tuple | None = None               # (low, high) the settings accept; None: what is offered
    help: str | None = None                   # text key of the widget's help
    option_prefix: str | None = None          # a choice's label is the text prefix + value
    decimals: int | None | bool = False       # numbers shown with the language (None: shortest), or as they are;
                                              # whole numbers offered as choices are counts (10 000, 10,000)
    parse_text: Callable[[str], Any] | None = None   # kind "layers": the typed text to a value (SettingProblem)
    format_text: Callable[[Any], str] | None = None  # ... and back
    validate: Callable[[Any], tuple[str, dict] | None] | None = None  # a value's problem beyond its bounds
    name: str = ""

    # ----------------------------------------------------------------- values
    def default_for(self, context: Context = Context()) -> Any:
        return self.default(context) if callable(self.default) else self.default

    @property
    def ranged(self) -> bool:
        """Whether ``offered`` is a (low, high) range rather than a list of choices."""
        return self.widget in ("slider", "number_input")

    @property
    def choices(self) -> tuple:
        return () if self.ranged else tuple(self.offered)

    @property
    def limits(self) -> tuple | None:
        """(low, high) of a number: the settings' bounds, else the widget's range."""
        if self.bounds is not None:
            return tuple(self.bounds)
        return tuple(self.offered) if self.ranged else None

    def _numeric_choices(self) -> bool:
        return bool(self.choices) and all(isinstance(c, (int, float)) and not isinstance(c, bool)
                                          for c in self.choices)

    # --------------------------------------------------------------- in links
    def parse(self, raw: str) -> Any:
        """The value that ``raw`` (a URL string) stands for, among what the widget offers; else SettingError."""
        if not isinstance(raw, str) or len(raw) > MAX_RAW:
            raise SettingError(f"{self.url}: not a readable value")
        text = raw.strip()
        if self.kind in ("text", "layers"):
            if len(text) > MAX_TEXT or any(ord(c) < 32 for c in text):
                raise SettingError(f"{self.url}: text too long or with control characters")
            return self.from_widget(text) if self.kind == "layers" else text
        if self.kind == "bool":
            lowered = text.lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise SettingError(f"{self.url}: expected 1 or 0, got {text!r}")
        if self.choices and not self._numeric_choices():
            if text in self.choices:
                return text
            raise SettingError(f"{self.url}: {text!r} is not one of {self.choices}")
        number = self._number(text)
        if self.choices:
            for choice in self.choices:
                if math.isclose(number, choice, rel_tol=1e-9, abs_tol=1e-15):
                    return choice
            raise SettingError(f"{self.url}: {text!r} is not one of {self.choices}")
        low, high = self.offered if self.ranged else (None, None)
        if (low is not None and number < low) or (high is not None and number > high):
            raise SettingError(f"{self.url}: {text!r} is outside [{low}, {high}]")
        return number

    def _number(self, text: str):
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise SettingError(f"{self.url}: {text!r} is not a number") from None
        if not math.isfinite(value):
            raise SettingError(f"{self.url}: {text!r} is not a finite number")
        if self.kind == "int" or (self.choices and all(isinstance(c, int) for c in self.choices)):
            if value != int(value):
                raise SettingError(f"{self.url}: {text!r} is not a whole number")
            return int(value)
        return value

    def encode(self, value: Any) -> str:
        """``value`` as a link writes it (the shortest form that :meth:`parse` reads back)."""
        if self.kind == "bool":
            return "1" if value else "0"
        if self.kind == "layers":
            return self.to_widget(value)
        if isinstance(value, float):
            return f"{value:g}" if float(f"{value:g}") == value else repr(value)
        return str(value)

    # ------------------------------------------------------------- in widgets
    def from_widget(self, value: Any) -> Any:
        """A widget's value as the settings hold it (a typed layer list becomes a tuple)."""
        return self.parse_text(value) if self.kind == "layers" else value  # parse_text raises SettingProblem

    def to_widget(self, value: Any) -> Any:
        """The settings' value as its widget shows it (a tuple of layers as "200-100-60-30")."""
        return self.format_text(value) if self.kind == "layers" else value

    # --------------------------------------------------------------- validity
    def problem(self, value: Any) -> tuple[str, dict] | None:
        """Why ``value`` cannot be this setting's, as (text key, values); None when it can."""
        if self.kind in ("int", "float") and self.limits is not None:
            low, high = self.limits
            if not (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
                    and low <= value <= high):
                return "setting_out_of_range", {"name": self.name, "low": low, "high": high}
        elif self.kind == "choice" and self.choices and value not in self.choices:
            return "setting_out_of_range", {"name": self.name, "low": self.choices[0], "high": self.choices[-1]}
        elif self.validate is not None:
            return self.validate(value)
        return None


def parse_sizes(text: str, max_count: int, max_size: int, codes: dict[str, str],
                error: type[SettingProblem] = SettingProblem) -> tuple[int, ...]:
    """Whole numbers typed as "200-100-60-30", "200, 100" or "200 100" (a network's layers or filters).

    ``codes`` names the message of each problem: "empty", "too_many", "not_a_number", "out_of_range".
    """
    if text is None or not str(text).strip():
        raise error(codes["empty"])
    tokens = [token for token in re.split(r"[\s,;\-–/x×]+", str(text).strip()) if token]
    if len(tokens) > max_count:
        raise error(codes["too_many"], max=max_count, count=len(tokens))
    sizes = []
    for token in tokens:
        if not token.isdigit():
            raise error(codes["not_a_number"], token=token[:20])
        size = int(token)
        if not 1 <= size <= max_size:
            raise error(codes["out_of_range"], token=token[:20], max=max_size)
        sizes.append(size)
    return tuple(sizes)


def sizes_text(sizes: tuple[int, ...]) -> str:
    """Whole numbers as a page writes them: "200-100-60-30"."""
    return "-".join(str(size) for size in sizes)


def valid_sizes(sizes, max_count: int, max_size: int) -> bool:
    return (isinstance(sizes, tuple) and 1 <= len(sizes) <= max_count
            and all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= max_size for n in sizes))


SEEDS = (0, 9999)  # what a page offers; any seed up to 2**31 - 1 trains


def seed_setting() -> Any:
    """The seed of a model's run, as every model page declares it: the same seed, the same result."""
    return setting(0, url="seed", label="set_seed", help="set_seed_help", widget="number_input", offered=SEEDS,
                   bounds=(0, 2**31 - 1))


def batch_problems(batch_size: int, digits: int) -> list[tuple[str, dict]]:
    """A batch larger than the digits it is drawn from, as a problem (none when it fits)."""
    return [("setting_batch_too_large", {"batch": batch_size, "size": digits})] if batch_size > digits else []


def setting(default: Any, **declaration) -> Any:
    """A dataclass field declared as a setting (see :class:`Setting`); its kind is inferred if not given.

    A default that is a function of the :class:`Context` (a vector written 1,5 in French) gives
    the field the French default.
    """
    kind = declaration.pop("kind", None) or _kind_of(default, declaration)
    declared = Setting(kind=kind, default=default, **declaration)
    static = default(Context()) if callable(default) else default
    return dataclasses.field(default=static, metadata={"setting": declared})


def _kind_of(default: Any, declaration: dict) -> str:
    value = default(Context()) if callable(default) else default
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if declaration.get("offered") and declaration.get("widget") not in ("slider", "number_input"):
        return "choice"
    return "text"


class Settings:
    """A frozen dataclass of settings declared with :func:`setting`: its declarations and their checks."""

    @classmethod
    def declared(cls) -> dict[str, Setting]:
        """Every declared setting of the class, by field name, in the order of the fields."""
        cached = cls.__dict__.get("_declared_settings")
        if cached is None:
            cached = {field.name: dataclasses.replace(field.metadata["setting"], name=field.name)
                      for field in dataclasses.fields(cls) if "setting" in field.metadata}
            cls._declared_settings = cached
        return cached

    @classmethod
    def defaults(cls, context: Context = Context()) -> dict[str, Any]:
        return {name: declared.default_for(context) for name, declared in cls.declared().items()}

    def problems(self) -> list[tuple[str, dict]]:
        """Why these settings cannot be used, as (text key, values); empty when valid."""
        found = [problem for name, declared in self.declared().items()
                 if (problem := declared.problem(getattr(self, name))) is not None]
        return found or self.checks()

    def checks(self) -> list[tuple[str, dict]]:
        """The checks between settings (a batch larger than the digits), once each one is valid."""
        return []
