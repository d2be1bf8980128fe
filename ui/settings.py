"""A page's settings as widgets, every one derived from its declaration (``core.settings``).

A page lays its widgets out and collects their values with a :class:`SettingsForm`::

    form = SettingsForm(pages.shown("training", SoftmaxSettings))
    form.grid(columns=3)
    settings, problems = form.result()

Each widget takes its label, help, choices, default, number format and key from the
setting's declaration, keeps its value for the session, and is left out when a teacher's
link hides it (its value then comes from the link, or what the session had, or the default).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from core.numbers import format_count, format_number
from core.settings import links
from core.settings.fields import Setting, SettingProblem
from core.settings.pages import Shown
from ui.common import context, lang, link_params, option_labels, tr
from ui.share import hidden


def _format_func(declared: Setting):
    if declared.option_prefix is not None:
        return option_labels(declared.option_prefix)
    if declared.kind == "int" and declared.choices:  # a count among choices: "10 000" iterations, not "10000"
        language = lang()
        return lambda value: format_count(value, language)
    if declared.decimals is not False:
        language, decimals = lang(), declared.decimals  # bound now: Streamlit may call it after this run
        return lambda value: format_number(value, decimals, language)
    return None


def _offers(declared: Setting, value: Any) -> bool:
    """Whether ``value`` (as the widget holds it) is one the widget offers."""
    if declared.widget in ("slider", "number_input"):
        low, high = declared.offered
        return isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high
    if declared.widget in ("select_slider", "segmented", "radio", "selectbox"):
        return value in list(declared.offered)
    return declared.widget == "text_input" and isinstance(value, str)


def _render(declared: Setting, key: str, container, default: Any = None, **overrides) -> Any:
    """The widget itself, as its declaration says (``default``: another starting value than the declared one).

    A widget whose value the session already holds (moved by the student, set by a link) gets that
    value as its default too: a widget the browser mounts again (the page above it redrawn by a rerun)
    starts from its default and would send the declared one back, silently undoing the student's choice.
    """
    if default is None and _offers(declared, st.session_state.get(key)):
        default = st.session_state[key]
    else:
        default = declared.to_widget(declared.default_for(context()) if default is None else default)
    common = dict(key=key, help=tr(declared.help) if declared.help else None, persist_state="session", **overrides)
    label = tr(declared.label)
    format_func = _format_func(declared)
    if format_func is not None:
        common["format_func"] = format_func
    kind = declared.widget
    if kind == "select_slider":
        return container.select_slider(label, options=list(declared.offered), value=default, **common)
    if kind == "slider":
        low, high = declared.offered
        return container.slider(label, low, high, default, **common)
    if kind == "number_input":
        low, high = declared.offered
        return container.number_input(label, min_value=low, max_value=high, value=default, step=1, **common)
    if kind == "segmented":
        return container.segmented_control(label, list(declared.offered), default=default, required=True, **common)
    if kind == "radio":
        return container.radio(label, list(declared.offered), index=list(declared.offered).index(default),
                               horizontal=True, **common)
    if kind == "selectbox":
        return container.selectbox(label, list(declared.offered), index=list(declared.offered).index(default),
                                   **common)
    if kind == "toggle":
        return container.toggle(label, **common)
    if kind == "text_input":
        return container.text_input(label, value=default, **common)
    raise ValueError(f"{declared.name}: no widget of kind {kind!r}")


def widget(group: Shown, name: str, container=None, **overrides) -> Any:
    """The value of setting ``name`` from its widget (as the widget holds it: a layer list's text).

    When the link hides it, no widget: the link's value, else the session's, else the default.
    ``overrides`` are passed to the widget (``disabled=...``), but ``default``: the widget's starting
    value when it is not the declared default (the link still leaves the declared one out).
    """
    declared = group.declared_setting(name)
    key = group.key(name)
    if declared.url not in hidden():
        return _render(declared, key, container if container is not None else st, **overrides)
    values, _ = links.read([(key, declared)], link_params())
    if key in values:
        return declared.to_widget(values[key])
    return st.session_state.get(key, declared.to_widget(declared.default_for(context())))


class SettingsForm:
    """A page's widgets for one group of settings, and the settings they make."""

    def __init__(self, group: Shown):
        self.group = group
        self.values: dict[str, Any] = {}
        self.problems: list[tuple[str, dict]] = []

    def widget(self, name: str, container=None, **overrides) -> Any:
        """Draw setting ``name``'s widget (see :func:`widget`); its value as the settings hold it."""
        declared = self.group.declared_setting(name)
        shown = widget(self.group, name, container, **overrides)
        try:
            value = declared.from_widget(shown)
        except SettingProblem as problem:  # a typed text that is not a value: the last one that was
            self.problems.append((problem.code, problem.details))
            value = st.session_state.get(self._last_key(name), declared.default_for(context()))
        else:
            if declared.kind == "layers":
                st.session_state[self._last_key(name)] = value
        self.values[name] = value
        return value

    def _last_key(self, name: str) -> str:
        return f"{self.group.key(name)}_last_valid"

    def grid(self, names: tuple[str, ...] | None = None, columns: int = 3) -> None:
        """Widgets for ``names`` (by default every one the page shows not drawn yet), ``columns`` a row."""
        names = names or [s.name for s in self.group.declared() if s.name not in self.values]
        for start in range(0, len(names), columns):
            row = st.columns(columns)
            for column, name in zip(row, names[start:start + columns]):
                self.widget(name, column)

    def result(self):
        """(the settings the widgets make, every reason they cannot be used: unreadable text first)."""
        settings = self.group.build(self.values)
        return settings, self.problems + settings.problems()


def problem_text(key: str, values: dict, settings_type=None) -> str:
    """A settings problem (``core.settings``) in this session's words: a setting by its label, numbers
    written in the language (a check names a field, ``learning_rate``, and holds plain numbers)."""
    language, shown = lang(), {}
    declared = settings_type.declared() if settings_type is not None else {}
    for name, value in values.items():
        if name == "name" and value in declared and declared[value].label:
            value = tr(declared[value].label)
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            pass
        elif isinstance(value, int):
            value = format_count(value, language)
        else:
            value = format_number(value, None, language)
        shown[name] = value
    return tr(key, **shown)
