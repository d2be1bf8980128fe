"""Which settings every lesson page shows, in its order, and the settings that belong to a page only.

A model's settings are declared with the model (``core.models``); a page's own settings (the
softmax page's vector, the translation page's shift) are declared here. Each page lists the
groups it shows: a :class:`Shown` names a settings class and which of its settings the page
has a widget for. Its widgets' keys, its link's parameters and the class board's replay links
are all derived from these lists (``ui.settings``, ``core.settings.links``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from core.lesson import convolution, examples, experiments, translation
from core.models.convnet.shipped import SHIPPED
from core.models.convnet.training import ConvNetSettings
from core.models.mlp import MLPSettings
from core.models.softmax_regression import SoftmaxSettings
from core.settings.fields import Setting, Settings, setting

SHIFT = translation.PAGE_SHIFT
DIGITS = (0, 9999)  # a test digit's number
VIEWS = ("all", "accuracy", "loss", "batch", "test", "weights", "biases")


# ------------------------------------------------------------------ a page's own settings
@dataclass(frozen=True)
class SoftmaxPage(Settings):
    """The softmax page: the lesson's vector, its precision, the cross-entropy example, the shapes."""

    vector: str = setting(lambda context: examples.z_text(context.language), url="z", label="softmax_vector_label",
                          help="softmax_vector_help", widget="text_input")
    decimals: int = setting(2, url="decimals", label="precision_decimals", widget="slider", offered=(0, 6))
    rounding: str = setting("truncate", url="mode", label="precision_mode", widget="radio",
                            offered=("truncate", "round"), option_prefix="mode_")
    temperature: float = setting(1.0, url="temperature", label="temperature", help="temperature_help",
                                 widget="select_slider", offered=tuple(examples.TEMPERATURES), decimals=1)
    true_digit: int = setting(examples.CE_LABEL, url="label", label="ce_label", widget="segmented",
                              offered=tuple(range(10)))
    normalisation: str = setting("sum", url="norm", label="ce_normalisation", widget="radio",
                                 offered=("sum", "softmax"), option_prefix="norm_")
    scores: str = setting(lambda context: examples.scores_text(context.language), url="scores",
                          label="ce_scores_label", widget="text_input")
    batch: int = setting(100, url="batch", label="shapes_batch", widget="select_slider",
                         offered=tuple(examples.BATCH_SIZES))


@dataclass(frozen=True)
class DashboardSettings(Settings):
    """How a training page shows its run: which views, at which pace."""

    view: str = setting("all", url="view", label="view_choice", widget="segmented", offered=VIEWS,
                        option_prefix="view_name_")  # the projector shows one view at a time (ui.dashboard)
    slow: bool = setting(False, url="slow", label="run_slow_motion", help="run_slow_motion_help", widget="toggle")


@dataclass(frozen=True)
class LimitsPage(Settings):
    """The limits page: which experiment, and the strength of the L2 remedy."""

    section: str = setting("overfitting", url="section", label="limits_choice", widget="segmented",
                           offered=("overfitting", "remedies", "plateau", "slow"), option_prefix="limits_section_")
    l2: float = setting(1.0, url="l2", label="remedy_l2_strength", widget="select_slider",
                        offered=tuple(experiments.L2_STRENGTHS), decimals=None)


@dataclass(frozen=True)
class TranslationPage(Settings):
    """The translation page: which part, which test digit, how far it moves, drawing's centring."""

    section: str = setting("shift", url="section", label="trans_choice", widget="segmented",
                           offered=("shift", "test_set", "draw"), option_prefix="trans_section_")
    digit: int = setting(0, url="digit", label="trans_digit_index", widget="number_input", offered=DIGITS)
    dx: int = setting(0, url="dx", label="trans_dx", widget="slider", offered=(-SHIFT, SHIFT))
    dy: int = setting(0, url="dy", label="trans_dy", widget="slider", offered=(-SHIFT, SHIFT))
    direction: str = setting("horizontal", url="direction", label="trans_direction", widget="segmented",
                             offered=translation.DIRECTIONS, option_prefix="direction_")
    skip_centering: bool = setting(False, url="nocentre", label="trans_skip_centering",
                                   help="trans_skip_centering_help", widget="toggle")


@dataclass(frozen=True)
class ConvolutionPage(Settings):
    """The convolution page: which part, which digit, which filter, which trained network, the shift."""

    section: str = setting("filter", url="section", label="conv_choice", widget="segmented",
                           offered=("filter", "network", "shift", "train"), option_prefix="conv_section_")
    direction: str = setting("horizontal", url="direction", label="trans_direction", widget="segmented",
                             offered=translation.DIRECTIONS, option_prefix="direction_")
    digit: int = setting(0, url="digit", label="conv_digit_index", widget="number_input", offered=DIGITS)
    filter: str = setting("vertical_edges", url="filter", label="conv_filter_choice", widget="selectbox",
                          offered=(*convolution.PRESETS, "custom"), option_prefix="filter_")
    network: str = setting("global_pooling", url="network", label="conv_network_choice", widget="segmented",
                           offered=tuple(SHIPPED), option_prefix="conv_network_")
    dx: int = setting(3, url="dx", label="trans_dx", widget="slider", offered=(-SHIFT, SHIFT))
    dy: int = setting(0, url="dy", label="trans_dy", widget="slider", offered=(-SHIFT, SHIFT))


# ------------------------------------------------------------------ what each page shows
@dataclass(frozen=True)
class Shown:
    """The settings of ``settings`` that page ``page`` shows, in the order it shows them.

    ``names`` None: every setting of the class that has a widget. A widget's key is the page's
    name and the setting's: ``training_learning_rate``.
    """

    settings: type
    names: tuple[str, ...] | None = None
    page: str = ""

    @property
    def namespace(self) -> str:
        return self.page.replace("-", "_")

    def key(self, name: str) -> str:
        return f"{self.namespace}_{name}"

    def declared(self) -> list[Setting]:
        every = self.settings.declared()
        names = self.names if self.names is not None else [name for name, s in every.items() if s.widget]
        return [every[name] for name in names]

    def declared_setting(self, name: str) -> Setting:
        return self.settings.declared()[name]

    def build(self, values: dict[str, Any]) -> Settings:
        """The settings with ``values`` (by name); what the page does not show keeps its default."""
        return self.settings(**values)


def _pages(**groups: tuple[Shown, ...]) -> dict[str, tuple[Shown, ...]]:
    return {page.replace("_", "-"): tuple(dataclasses.replace(group, page=page.replace("_", "-")) for group in shown)
            for page, shown in groups.items()}


PAGES: dict[str, tuple[Shown, ...]] = _pages(
    home=(),
    softmax=(Shown(SoftmaxPage),),
    training=(Shown(SoftmaxSettings, ("learning_rate", "batch_size", "iterations", "train_size", "eval_every", "seed")),
              Shown(DashboardSettings)),
    five_layers=(Shown(MLPSettings, ("hidden_layers", "activation", "solver", "learning_rate", "batch_size", "epochs",
                                     "alpha", "train_size", "seed")),
                 Shown(DashboardSettings)),
    overfitting=(Shown(LimitsPage),),
    translation=(Shown(TranslationPage),),
    convolution=(Shown(ConvolutionPage),
                 Shown(ConvNetSettings, ("filters", "kernel_size", "optimizer", "learning_rate", "batch_size", "epochs",
                                         "train_size", "seed")),
                 Shown(DashboardSettings)),
    board=(),
    teacher=(),
)


def shown(page: str, settings: type) -> Shown:
    """The group of ``settings`` that ``page`` shows."""
    return next(group for group in PAGES[page] if group.settings is settings)


def entries(page: str) -> list[tuple[str, Setting]]:
    """Every setting ``page`` shows, as (widget key, declaration), in the page's order."""
    return [(group.key(declared.name), declared) for group in PAGES.get(page, ()) for declared in group.declared()]


def replay_values(page: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (by setting name, as the class board keeps a run's settings) by widget key for ``page``.

    A value the board kept as JSON (a list of layers) is turned back into the setting's own
    (a tuple); names the page does not show, and empty values, are left out.
    """
    found = {}
    for key, declared in entries(page):
        value = values.get(declared.name)
        if value in (None, ""):
            continue
        found[key] = tuple(value) if isinstance(value, list) else value
    return found

