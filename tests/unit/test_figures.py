import base64
import io

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from core.figures import style


def decode(uri: str) -> np.ndarray:
    assert uri.startswith("data:image/png;base64,")
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))))


def test_png_round_trip():
    rgb = np.random.default_rng(0).integers(0, 256, size=(7, 5, 3), dtype=np.uint8)
    np.testing.assert_array_equal(decode(style.png_data_uri(rgb)), rgb)


def test_digit_tiles_draw_ink_and_mark_wrong_digits():
    images = np.zeros((3, 28, 28), dtype=np.uint8)
    images[:, 10:18, 10:18] = 255
    canvas, cell_w, cell_h = style.compose_digit_tiles(images, wrong=np.array([False, True, False]), columns=2)
    assert canvas.shape == (2 * cell_h, 2 * cell_w, 3)
    band, pad = 11, 2
    # full ink is the ink colour, background white or red
    assert tuple(canvas[band + 14, pad + 14]) == style.INK_RGB
    assert tuple(canvas[band + 1, pad + 1]) == (255, 255, 255)
    assert tuple(canvas[band + 1, cell_w + pad + 1]) == style.WRONG_BACKGROUND_RGB


def test_digit_grid_has_one_caption_per_digit(mnist):
    wrong = np.arange(12) % 4 == 1
    fig = style.digit_grid(mnist.x_train[:12], [str(v) for v in mnist.y_train[:12]], wrong=wrong, columns=5,
                             title="t")
    image, captions = fig.data
    assert image.type == "image" and decode(image.source).shape[1] == 5 * 32
    assert list(captions.text) == [str(v) for v in mnist.y_train[:12]] and captions.mode == "text"
    # each caption centred in the band above its digit (cells of 32 x 41 pixels, a band of 11)
    for index, (x, y) in enumerate(zip(captions.x, captions.y)):
        row, column = divmod(index, 5)
        assert column * 32 < x < (column + 1) * 32 and row * 41 < y < row * 41 + 11
    assert [c == style.WRONG_TEXT for c in captions.textfont.color] == list(wrong)
    assert not fig.layout.annotations


def test_bars_and_prediction_charts():
    fig = style.bars(np.array([0.1, 0.9]), "title", "x", "y", text=["0,1", "0,9"])
    assert list(fig.data[0].y) == [0.1, 0.9] and list(fig.data[0].x) == ["1", "2"]
    fig = style.prediction_vs_label(np.full(10, 0.1), 6, "t", "y", "y'", "digit", "p")
    assert list(fig.data[1].y) == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
    fig = style.neg_log_curve(0.5, "t", "p")
    assert fig.data[1].y[0] == np.log(2)


def test_matrix_shapes_writes_every_shape():
    fig = style.matrix_shapes(100, {})
    texts = " ".join(a.text for a in fig.layout.annotations)
    for shape in ("X[100, 784]", "W[784, 10]", "b[10]", "L[100, 10]"):
        assert shape in texts


def test_compose_makes_the_same_figure_as_styling_a_new_one():
    """compose() is the one-go path: the same layout as figure() then style(), subplots included."""
    traces = [go.Heatmap(z=[[0, 1], [2, 3]], xaxis="x", yaxis="y"),
              go.Heatmap(z=[[4, 5], [6, 7]], xaxis="x2", yaxis="y2")]
    settings = dict(height=300, title="Two maps",
                    layout=dict(xaxis2=dict(domain=[0.55, 1.0]), shapes=[dict(type="rect", x0=0, x1=1, y0=0, y1=1)],
                                annotations=[dict(text="a", x=0, y=0, showarrow=False)], margin=dict(t=80)),
                    xaxes=dict(visible=False), yaxes=dict(autorange="reversed"))
    slow = style.style(style.figure(traces), **settings).to_plotly_json()
    fast = style.compose(traces, **settings).to_plotly_json()
    assert fast == slow
    assert fast["layout"]["xaxis2"]["domain"] == [0.55, 1.0] and fast["layout"]["xaxis2"]["visible"] is False
    assert fast["layout"]["yaxis2"]["autorange"] == "reversed" and fast["layout"]["margin"]["t"] == 80
    assert fast["layout"]["title"]["text"] == "Two maps" and len(fast["layout"]["shapes"]) == 1


def test_the_dashboards_colour_scales_are_written_out_for_plotly_js():
    """The dashboard's traces skip Plotly's validation, which is where a named scale is written out:
    Plotly.js has no "RdBu_r", and would draw the weights in its default scale."""
    from core.figures import dashboard

    weights = dashboard.weight_images_figure(np.linspace(-1, 1, 784 * 2).reshape(784, 2), ["1", "2"], "w")
    scale = weights.to_dict()["data"][0]["colorscale"]
    assert isinstance(scale, (list, tuple)) and scale[0][1] == "rgb(5,48,97)" and scale[-1][1] == "rgb(103,0,31)"
    confusion = dashboard.confusion_figure(np.eye(10, dtype=int), "c", "p", "t")
    assert confusion.to_dict()["data"][0]["colorscale"][0][1] == "rgb(247,251,255)"  # Blues: white for none
