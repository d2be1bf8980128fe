"""Every colour the charts use, declared once: a colour-blind-safe palette that reads on white.

The series' colours are Okabe and Ito's ("Color Universal Design", 2008), chosen to stay apart
for the three kinds of colour blindness; two of them are darkened so that every mark has a
contrast of at least 3:1 against the plot's white background (WCAG 2.1, success criterion
1.4.11, with 1.4.1's relative-luminance formula):

==============  =========  ===========  ==========================================
name            Okabe–Ito  here         contrast on white (here)
==============  =========  ===========  ==========================================
blue            #0072B2    #0072B2      5.2
vermillion      #D55E00    #D55E00      3.9
bluish green    #009E73    #009E73      3.4
reddish purple  #CC79A7    #B86D96      3.7 (darkened ×0.9: 3.06 left no margin)
orange          #E69F00    #7F5700      6.4 (darkened ×0.55: see below)
sky blue        #56B4E9    #4087AF      4.0 (darkened ×0.75: 2.31 failed)
yellow          #F0E442    —            1.3: never a mark, only a light fill
==============  =========  ===========  ==========================================

Orange darkened just to 3:1 (×0.765, #B07A00) came as dark as vermillion, and the two were then
2.7 apart (CIE ΔE) for a deuteranope, 6 for a protanope: darker still, an ochre, it is 10 or more
apart from every other colour for them (the test simulates their vision).

Colour is never the only cue (WCAG 1.4.1): each series also has its own dash, marker symbol
and bar pattern (:data:`SERIES`, :data:`MODEL_STYLES`), so a chart reads in grey scale and
printed. tests/unit/test_palette.py computes every contrast and checks the cues.
"""

from __future__ import annotations

BACKGROUND = "#FFFFFF"
INK = "#111418"
GREY = "#5F6368"

BLUE = "#0072B2"
VERMILLION = "#D55E00"
BLUISH_GREEN = "#009E73"
REDDISH_PURPLE = "#B86D96"
ORANGE = "#7F5700"
SKY_BLUE = "#4087AF"

# The colours that draw data (lines, markers, bars), in the order series take them.
MARKS = {"blue": BLUE, "vermillion": VERMILLION, "bluish_green": BLUISH_GREEN, "reddish_purple": REDDISH_PURPLE,
         "orange": ORANGE, "sky_blue": SKY_BLUE, "grey": GREY, "ink": INK}
SERIES_COLORS = [BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, GREY]
# The second cues, one per series in the same order (Plotly's names).
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "pentagon", "hexagon", "triangle-down"]
PATTERNS = ["", "/", "x", "\\", ".", "-", "|", "+"]

# Text on a misrecognised digit's pink cell: vermillion darkened to 4.5:1 there (WCAG 1.4.3).
WRONG_BACKGROUND_RGB = (255, 205, 205)
WRONG_TEXT = "#8A3D00"

# What is not data: the axes, frames, light fills behind texts and shaded areas.
GRID = "#E6E8EB"
AXIS_LINE = "#C4C7CC"
ZERO_LINE = "#888888"
OUTLINE = "#333333"
LIGHT_FILLS = {"blue": "#D2E3FC", "red": "#FAD2CF", "green": "#CEEAD6", "yellow": "#FEEFC3"}

# Colour scales: white paper and dark ink for digits; blue below zero and vermillion above (apart for
# every colour blindness); white to dark vermillion after ReLU.
INK_SCALE = [[0.0, BACKGROUND], [1.0, INK]]
SIGNED_SCALE = [[0.0, BLUE], [0.5, BACKGROUND], [1.0, VERMILLION]]
POSITIVE_SCALE = [[0.0, BACKGROUND], [0.35, "#F2B48A"], [1.0, "#7A3600"]]


def series_style(index: int) -> dict:
    """The ``index``-th series' colour and second cues: no two of the first 7 share any of them."""
    return dict(color=SERIES_COLORS[index % len(SERIES_COLORS)], dash=DASHES[index % len(DASHES)],
                symbol=SYMBOLS[index % len(SYMBOLS)], pattern=PATTERNS[index % len(PATTERNS)])


# The lesson's models look the same on every page (translation, convolution, board).
MODEL_STYLES = {
    "softmax": dict(color=BLUE, dash="solid", symbol="circle", pattern=""),
    "mlp": dict(color=VERMILLION, dash="dash", symbol="square", pattern="/"),
    "augmented": dict(color=BLUISH_GREEN, dash="dot", symbol="diamond", pattern="x"),
    "cnn_lesson": dict(color=REDDISH_PURPLE, dash="dashdot", symbol="triangle-up", pattern="\\"),
    "cnn_global": dict(color=ORANGE, dash="longdash", symbol="star", pattern="."),
    "cnn": dict(color=GREY, dash="longdashdot", symbol="cross", pattern="-"),
}
OTHER_STYLE = dict(color=GREY, dash="8px,3px,2px,3px,2px,3px", symbol="hexagon", pattern="+")  # dash, dot, dot
MODEL_COLORS = {model: style["color"] for model, style in MODEL_STYLES.items()}
# A training run's two curves: the training digits dashed, the test digits solid with markers.
TRAIN_STYLE = dict(color=BLUE, dash="dash", symbol="circle-open", pattern="/")
TEST_STYLE = dict(color=VERMILLION, dash="solid", symbol="square", pattern="")


def model_style(model: str) -> dict:
    """``model``'s colour, dash, marker symbol and bar pattern (grey and its own cues for an unknown one)."""
    return dict(MODEL_STYLES.get(model, OTHER_STYLE))


def rgb(color: str) -> tuple[int, int, int]:
    """"#RRGGBB" as (red, green, blue) in 0-255."""
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def rgba(color: str, alpha: float) -> str:
    """"#RRGGBB" with an opacity, as Plotly reads it."""
    red, green, blue = rgb(color)
    return f"rgba({red}, {green}, {blue}, {alpha})"


def relative_luminance(color: str | tuple) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour ("#RRGGBB" or (r, g, b) in 0-255)."""
    channels = rgb(color) if isinstance(color, str) else color

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second=BACKGROUND) -> float:
    """WCAG 2.1's contrast ratio (1 to 21) of two colours: (L1 + 0.05) / (L2 + 0.05), L1 the lighter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
