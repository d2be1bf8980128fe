"""The charts' palette: every mark 3:1 at least on the background, colours apart for colour-blind eyes,
and every series of a chart told apart by something else than its colour (WCAG 2.1, 1.4.1 and 1.4.11)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from core.figures import board, convolution, curves, dashboard, palette, style, translation
from core.lesson import experiments
from core.texts import t
from tests.unit.test_chart_language import BUILT

# ------------------------------------------------------------------------------- the contrast


def test_the_contrast_ratio_is_wcags():
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert palette.contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert palette.contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)  # either order
    # WCAG's own examples: #777777 just fails 4.5:1 on white, #767676 just passes
    assert palette.contrast_ratio("#777777") == pytest.approx(4.48, abs=0.01)
    assert palette.contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)
    assert palette.relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert palette.relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)


def mark_colours() -> dict[str, str]:
    """Every colour any module draws data with (lines, markers, bars), by where it is declared."""
    found = {f"palette.MARKS[{name}]": color for name, color in palette.MARKS.items()}
    found |= {f"palette.SERIES_COLORS[{i}]": color for i, color in enumerate(palette.SERIES_COLORS)}
    found |= {f"palette.MODEL_STYLES[{name}]": cues["color"] for name, cues in palette.MODEL_STYLES.items()}
    found |= {"palette.OTHER_STYLE": palette.OTHER_STYLE["color"], "palette.TRAIN_STYLE": palette.TRAIN_STYLE["color"],
              "palette.TEST_STYLE": palette.TEST_STYLE["color"]}
    found |= {f"style.COLORS[{name}]": color for name, color in style.COLORS.items()}
    found |= {f"style colorway {i}": color for i, color in enumerate(style.compose().layout.colorway)}
    found |= {f"translation.MODEL_COLORS[{name}]": color for name, color in translation.MODEL_COLORS.items()}
    found |= {f"board.MODEL_COLORS[{name}]": color for name, color in board.MODEL_COLORS.items()}
    found["board.OTHER_COLOR"] = board.OTHER_COLOR
    found |= {f"dashboard.OTHER_COLORS[{i}]": color for i, color in enumerate(dashboard.OTHER_COLORS)}
    found |= {f"dashboard.LAYER_COLORS[{i}]": color for i, color in enumerate(dashboard.LAYER_COLORS)}
    found |= {f"dashboard.DIGIT_COLORS[{i}]": color for i, color in enumerate(dashboard.DIGIT_COLORS)}
    found |= {"dashboard.TRAIN_COLOR": dashboard.TRAIN_COLOR, "dashboard.TEST_COLOR": dashboard.TEST_COLOR,
              "convolution.HIGHLIGHT": convolution.HIGHLIGHT}
    found |= {f"experiments.SIZE_COLORS[{i}]": color for i, color in enumerate(experiments.SIZE_COLORS)}
    return found


@pytest.mark.parametrize("where, color", sorted(mark_colours().items()))
def test_every_mark_colour_has_3_to_1_against_the_background(where, color):
    assert style.compose().layout.plot_bgcolor == palette.BACKGROUND == "#FFFFFF"
    assert palette.contrast_ratio(color, palette.BACKGROUND) >= 3.0, where


def test_the_okabe_ito_colours_that_fail_on_white_were_darkened():
    """The reason for the palette's changes: Okabe–Ito's orange, sky blue and yellow fail 3:1 on white."""
    for original in ("#E69F00", "#56B4E9", "#F0E442"):
        assert palette.contrast_ratio(original) < 3.0
        assert original not in palette.MARKS.values()


def test_a_misrecognised_digits_caption_reads_on_its_pink_cell():
    assert palette.contrast_ratio(palette.WRONG_TEXT, palette.WRONG_BACKGROUND_RGB) >= 4.5  # text: WCAG 1.4.3


# ------------------------------------------------------------------ colours apart, colour-blind too
# Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of color vision
# deficiency", severity 1 (a dichromat), applied to linear RGB.
VISIONS = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
# CIE76 ΔE (a distance in CIELAB): 2.3 is about the smallest difference seen between two large patches
# side by side; a thin line or a small marker needs several times that, and 10 is the usual floor for
# colours told apart at a glance in a chart. Normal vision and the red-green dichromacies (1 boy in 12
# among them) must keep it; tritanopia (1 person in 10 000) keeps at least 5, the marks' second cue
# (dash, symbol, hatching) doing the rest.
MINIMUM_DELTA_E = {"normal": 10.0, "protanopia": 10.0, "deuteranopia": 10.0, "tritanopia": 5.0}


def linear(color: str) -> np.ndarray:
    c = np.array(palette.rgb(color)) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of a linear sRGB colour."""
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(
        rgb_linear, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_the_simulation_is_sound():
    """White stays white and grey stays grey for every vision; a red and a green a deuteranope confuses come close."""
    for matrix in VISIONS.values():
        np.testing.assert_allclose(matrix @ np.ones(3), np.ones(3), atol=1e-3)
    red, green = lab(VISIONS["deuteranopia"] @ linear("#CC3311")), lab(VISIONS["deuteranopia"] @ linear("#669900"))
    assert np.linalg.norm(lab(linear("#CC3311")) - lab(linear("#669900"))) > 50
    assert np.linalg.norm(red - green) < 20


@pytest.mark.parametrize("vision", sorted(VISIONS))
def test_the_series_colours_stay_apart(vision):
    colours = {name: color for name, color in palette.MARKS.items() if name != "ink"}
    seen = {name: lab(VISIONS[vision] @ linear(color)) for name, color in colours.items()}
    closest = min((float(np.linalg.norm(seen[a] - seen[b])), a, b) for a, b in itertools.combinations(seen, 2))
    assert closest[0] >= MINIMUM_DELTA_E[vision], closest


# ----------------------------------------------------------------------------- the second cue
def test_the_palettes_cues_differ_for_every_series_and_model():
    first = [palette.series_style(i) for i in range(len(palette.SERIES_COLORS))]
    for cue in ("color", "dash", "symbol", "pattern"):
        assert len({style[cue] for style in first[:6]}) == 6, cue
    models = list(palette.MODEL_STYLES.values()) + [palette.OTHER_STYLE]
    for cue in ("color", "dash", "symbol", "pattern"):
        values = [style[cue] for style in models]
        if cue != "color":  # the other models share grey, never their other cues
            assert len(set(values)) == len(values), cue
    assert palette.TRAIN_STYLE["dash"] != palette.TEST_STYLE["dash"]
    assert board.MODEL_COLORS == {m: translation.MODEL_COLORS[m] for m in board.MODEL_COLORS}  # the same on every page


def cues(trace) -> tuple:
    """What tells a trace apart without its colour: its dash, its markers' symbol (when drawn), its bars' hatching."""
    kind = trace.type
    if kind == "bar":
        pattern = trace.marker.pattern.shape if trace.marker and trace.marker.pattern else None
        return ("bar", pattern or "")
    if trace.fill:  # a band: told apart by its lightness, which grey scale keeps
        return (kind, trace.fill, trace.fillcolor)
    mode = trace.mode or "lines"
    dash = (trace.line.dash or "solid") if "lines" in mode else None
    symbol = (trace.marker.symbol or "circle") if "markers" in mode else None
    return (kind, dash, symbol)


def legend_series(fig) -> list:
    """The traces a reader must tell apart: those named in the legend."""
    return [trace for trace in fig.data if trace.name and trace.showlegend is not False
            and trace.type in ("scatter", "bar")]


@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_series_of_a_chart_has_its_own_second_cue(name):
    fig = BUILT[name](lambda key, **values: t(key, "en", **values))
    series = legend_series(fig)
    seen = [cues(trace) for trace in series]
    assert len(set(seen)) == len(seen), (name, seen)


@pytest.mark.parametrize("count", [2, 4, 6, 7])
def test_curves_take_the_palettes_cues_in_turn(count):
    fig = curves.curves_figure([dict(name=str(i), x=list(range(20)), y=np.linspace(0, 1, 20)) for i in range(count)],
                               "t", "x", "y")
    assert len({cues(trace) for trace in fig.data}) == count
    assert len({trace.line.color for trace in fig.data}) == count
    assert all(palette.contrast_ratio(trace.line.color) >= 3 for trace in fig.data)


def test_the_ten_digits_biases_differ_in_colour_or_dash():
    fig = dashboard.biases_figure(np.arange(3), {"1": np.zeros((3, 10))}, "t", "x")
    pairs = [(trace.line.color, trace.line.dash) for trace in fig.data]
    assert len(set(pairs)) == 10
    # no two digits look alike in grey scale AND share a dash with a close colour: neighbours differ in both
    for first, second in itertools.pairwise(pairs):
        assert first[0] != second[0] and first[1] != second[1]
