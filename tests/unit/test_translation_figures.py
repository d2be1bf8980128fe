import numpy as np
import pytest

from core.figures import translation as tf


def test_images_figure_draws_each_image_pixel_by_pixel_with_its_title():
    first, second = np.zeros((28, 28), np.uint8), np.full((28, 28), 200, np.uint8)
    fig = tf.images_figure([first, second], ["A", "B"])
    assert [trace.type for trace in fig.data] == ["heatmap", "heatmap"]
    np.testing.assert_array_equal(fig.data[1].z, second)
    assert fig.data[0].zmin == 0 and fig.data[0].zmax == 255
    assert [a.text for a in fig.layout.annotations] == ["<b>A</b>", "<b>B</b>"]
    assert fig.layout.yaxis.range == (27.5, -0.5)           # row 0 at the top, as in the image
    assert fig.layout.xaxis.domain[1] < fig.layout.xaxis2.domain[0]
    assert len(fig.layout.shapes) == 2 * 3                   # per image: two centre lines and a frame
    single = tf.images_figure([first], ["only"])
    assert len(single.data) == 1 and single.layout.xaxis.domain == (0, 1)
    with pytest.raises(ValueError):
        tf.images_figure([first, second], ["one title"])


def test_probabilities_figure_groups_models_in_percent_and_shades_the_answer():
    p = np.full(10, 0.02)
    p[7] = 0.82
    q = np.full(10, 0.1)
    fig = tf.probabilities_figure([dict(name="m1", probabilities=p, color="#000"),
                                   dict(name="m2", probabilities=q, color="#111")], 7, "t", "digit", "right")
    assert [trace.name for trace in fig.data] == ["m1", "m2"]
    np.testing.assert_allclose(fig.data[0].y, 100 * p)
    assert list(fig.data[0].x) == [str(d) for d in range(10)]
    assert fig.data[0].text[7] == "82" and fig.data[0].text[0] == ""
    assert fig.layout.barmode == "group"
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].x0 == 6.5 and fig.layout.shapes[0].x1 == 7.5
    drawing = tf.probabilities_figure([dict(name="m1", probabilities=p)], None, "t", "digit", "right")
    assert len(drawing.layout.shapes) == 0


def test_accuracy_heatmap_puts_dx_in_columns_and_dy_downwards():
    grid = np.arange(25, dtype=float).reshape(5, 5) / 25
    fig = tf.accuracy_heatmap(grid, "t", "dx", "dy")
    heatmap = fig.data[0]
    assert list(heatmap.x) == [-2, -1, 0, 1, 2] and list(heatmap.y) == [-2, -1, 0, 1, 2]
    np.testing.assert_allclose(heatmap.z, 100 * grid)
    assert fig.layout.yaxis.autorange == "reversed"
    with pytest.raises(ValueError):
        tf.accuracy_heatmap(np.zeros((4, 4)), "t", "dx", "dy")
    with pytest.raises(ValueError):
        tf.accuracy_heatmap(np.zeros((3, 5)), "t", "dx", "dy")
