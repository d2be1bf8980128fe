"""A chart's text alternative (core.figures.alternative): the values it draws, read back from its dict exactly."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.figures import alternative, style

WORDS = {"series": "série", "x": "x", "y": "y", "value": "valeur", "label": "texte", "image": "image",
         "minimum": "minimum", "maximum": "maximum", "mean": "moyenne", "size": "taille"}


def table_of(fig, limit: int = alternative.ROW_LIMIT) -> alternative.Alternative:
    return alternative.values_table(style.localize(fig.to_dict(), "fr"), WORDS, limit)


def test_bars_give_x_and_y_per_series_under_the_axes_titles():
    fig = style.compose([go.Bar(x=["0", "1", "2"], y=np.array([0.25, 0.5, 0.25]), name="y : prédiction"),
                         go.Bar(x=["0", "1", "2"], y=np.array([0.0, 1.0, 0.0]), name="y′ : réponse")],
                        title="Titre", xaxes=dict(title="chiffre"), yaxes=dict(title="probabilité"))
    values = table_of(fig)
    expected = pd.DataFrame({"série": ["y\u00a0: prédiction"] * 3 + ["y′\u00a0: réponse"] * 3,
                             "chiffre": ["0", "1", "2"] * 2, "probabilité": [0.25, 0.5, 0.25, 0.0, 1.0, 0.0]})
    pd.testing.assert_frame_equal(values.table, expected, check_dtype=False)
    assert values.total == 6 and not values.cut


def test_a_percent_axis_without_title_is_named_by_its_unit_and_gaps_are_left_out():
    fig = style.compose([go.Scatter(x=[1, 2, np.nan, 1], y=[90.5, 91.0, np.nan, 80.0], name="a",
                                    text=["Élève 1<br>10", "Élève 1<br>10", "", "Élève &amp; 2"])],
                        yaxes=dict(ticksuffix=" %"))
    table = table_of(fig).table
    assert list(table.columns) == ["série", "x", "y (%)", "texte"]
    assert table["y (%)"].tolist() == [90.5, 91.0, 80.0]
    assert table["x"].tolist() == [1.0, 2.0, 1.0]
    assert table["texte"].tolist() == ["Élève 1 · 10", "Élève 1 · 10", "Élève & 2"]


def test_a_small_heatmap_gives_every_cell_and_its_written_numbers():
    counts = np.array([[5, 1], [0, 7]])
    fig = style.compose(go.Heatmap(z=np.log1p(counts), x=["0", "1"], y=["0", "1"], text=counts, name="confusion"),
                        xaxes=dict(title="prédit"), yaxes=dict(title="vrai"))
    table = table_of(fig).table
    assert table.to_dict("list") == {"série": ["confusion"] * 4, "prédit": ["0", "1", "0", "1"],
                                     "vrai": ["0", "0", "1", "1"], "valeur": [5.0, 1.0, 0.0, 7.0]}


def test_a_large_heatmap_gives_its_size_and_range():
    image = np.arange(28 * 28, dtype=float).reshape(28, 28)
    image[0, 0] = np.nan  # a cell not computed yet
    fig = style.compose(go.Heatmap(z=image, name="un 7"))
    table = table_of(fig).table
    assert table["série"].tolist() == ["un 7"] * 4
    assert table["texte"].tolist() == ["taille 28 × 28", "minimum", "maximum", "moyenne"]
    assert table["valeur"].tolist()[1:] == [1.0, 783.0, float(np.arange(1, 784).mean())]
    assert np.isnan(table["valeur"].tolist()[0])


def test_an_image_is_captioned_and_its_captions_listed():
    images = np.zeros((3, 28, 28), dtype=np.uint8)
    fig = style.digit_grid(images, ["7", "2→1", "0"], wrong=np.array([False, True, False]), title="Le lot")
    values = table_of(fig)
    assert values.table.to_dict("list") == {"texte": ["image", "7", "2→1", "0"]}  # the series: the title, said once
    assert values.title == "Le lot"


def test_a_diagram_without_data_lists_its_texts():
    fig = style.matrix_shapes(100, {"X": "les images", "W": "les poids", "b": "les biais", "L": "les scores",
                                    "broadcast": "b recopié"})
    texts = table_of(fig).table["texte"].tolist()
    assert texts[:2] == ["X[100, 784]", "les images"] and "b recopié" in texts and "W[784, 10]" in texts


def test_a_long_table_is_cut_and_says_how_long_it_was():
    fig = style.compose([go.Scatter(x=np.arange(150), y=np.arange(150) * 2.0, name="a"),
                         go.Scatter(x=np.arange(150), y=np.arange(150) * 3.0, name="b")])
    values = table_of(fig, limit=200)
    assert len(values.table) == 200 and values.total == 300 and values.cut
    assert values.table.iloc[-1].tolist() == ["b", 49, 147.0]


def test_hidden_band_edges_are_left_out_and_an_empty_figure_is_an_empty_table():
    fig = style.compose([go.Scatter(x=[1, 2], y=[5, 6], hoverinfo="skip", showlegend=False),
                         go.Scatter(x=[1, 2], y=[1, 2], fill="tonexty", name="10–90 %", hoverinfo="skip")])
    table = table_of(fig).table
    assert table["série"].tolist() == ["10–90\u00a0%"] * 2 and table["y"].tolist() == [1, 2]
    empty = table_of(style.compose([], title="Les réponses"))
    assert empty.table.empty and empty.total == 0


def test_typed_arrays_are_read_back_exactly():
    spec = {"data": [{"type": "scatter", "name": "s", "x": {"dtype": "i2", "bdata": "AQACAA=="},
                      "y": {"dtype": "f8", "bdata": "AAAAAAAA8D8AAAAAAAAAQA=="}}], "layout": {}}
    values = alternative.values_table(spec, WORDS)
    assert values.table.to_dict("list") == {"série": ["s", "s"], "x": [1, 2], "y": [1.0, 2.0]}
