import numpy as np
import pytest

from core.figures import convolution as cf


def test_heatmaps_are_laid_out_in_a_grid_within_the_figure():
    arrays = [np.full((7, 7), k, dtype=float) for k in range(8)]
    fig = cf.heatmaps_figure(arrays, [f"m{k}" for k in range(8)], kind="positive", columns=4, title="t")
    assert len(fig.data) == 8
    domains = [(fig.layout[f"xaxis{'' if k == 0 else k + 1}"].domain, fig.layout[f"yaxis{'' if k == 0 else k + 1}"].domain)
               for k in range(8)]
    for x_domain, y_domain in domains:
        assert 0 <= x_domain[0] < x_domain[1] <= 1 and 0 <= y_domain[0] < y_domain[1] <= 1
    assert domains[0][1][0] > domains[4][1][1]               # the second row is below the first
    assert domains[0][0] == domains[4][0]                     # in the same column
    assert fig.layout.yaxis.range == (6.5, -0.5)              # row 0 at the top
    assert [a.text for a in fig.layout.annotations] == [f"<b>m{k}</b>" for k in range(8)]


def test_colours_follow_the_kind_of_each_array():
    image, signed = np.full((3, 3), 200.0), np.array([[-2.0, 0, 1], [0, 0, 0], [0, 0, 0]])
    fig = cf.heatmaps_figure([image, signed], ["a", "b"], kind=["image", "signed"])
    assert (fig.data[0].zmin, fig.data[0].zmax) == (0, 255)
    assert (fig.data[1].zmin, fig.data[1].zmax) == (-2, 2)    # symmetric: white is zero
    fixed = cf.heatmaps_figure([signed], ["b"], kind="signed", limit=5)
    assert (fixed.data[0].zmin, fixed.data[0].zmax) == (-5, 5)
    unit = cf.heatmaps_figure([np.full((3, 3), 0.5)], ["c"])
    assert unit.data[0].zmax == 1
    with pytest.raises(ValueError):
        cf.heatmaps_figure([image], ["a"], kind="rainbow")
    with pytest.raises(ValueError):
        cf.heatmaps_figure([image, signed], ["a"])


def test_annotations_highlights_and_decimal_comma():
    kernel = np.array([[0.25, 0, 1], [0, 0, 0], [0, 0, 0]])
    fig = cf.heatmaps_figure([kernel, np.zeros((28, 28))], ["k", "img"], kind="signed", annotate=True,
                             highlights={1: (3, 4, 3)}, decimal_comma=True, number_format=".2~f")
    assert fig.data[0].texttemplate == "%{z:.2~f}" and fig.layout.separators == ", "
    frames = [shape for shape in fig.layout.shapes if shape.line.color == cf.HIGHLIGHT]
    assert len(frames) == 1 and (frames[0].x0, frames[0].x1, frames[0].y0, frames[0].y1) == (3.5, 6.5, 2.5, 5.5)
    assert frames[0].xref == "x2"
    assert cf.heatmaps_figure([kernel], ["k"]).layout.separators == ". "


def test_revealed_blanks_what_the_filter_has_not_reached():
    feature_map = np.arange(9, dtype=float).reshape(3, 3)
    shown = cf.revealed(feature_map, 4)
    np.testing.assert_array_equal(shown.ravel()[:4], [0, 1, 2, 3])
    assert np.isnan(shown.ravel()[4:]).all() and not np.isnan(feature_map).any()
    assert not np.isnan(cf.revealed(feature_map, 9)).any()
