"""Vers la convolution — from pixels to shapes: the answer to the lesson's limits, then how it works.

The page opens on the answer (accuracy against the shift for every model of the lesson, the
convolutional networks among them), then four steps: a filter slid by hand, the learned filters
of a trained network layer by layer, what it keeps when the digit moves, and a small network
a student trains live with the same dashboard as the other models.
"""

import numpy as np
import pandas as pd
import streamlit as st

from core import data
from core.figures import convolution as cf
from core.figures import style
from core.figures import translation as tf
from core.figures.curves import curves_figure
from core.lesson import convolution as cv
from core.lesson import experiments, translation
from core.models.convnet import shipped
from core.models.convnet.training import ConvNetSettings
from core.numbers import format_count, format_number
from core.settings.pages import ConvolutionPage, shown
from ui import translation_view
from ui.common import folded, lang, option_labels, shared_chart, tr, tr_choice
from ui.dashboard import ModelView, final_report, live_dashboard, run_controls, settings_panel
from ui.live import MEASUREMENT_POLL_SECONDS, job_status, live
from ui.server import shipped_networks, training_data
from ui.settings import SettingsForm, widget
from ui.shared_work import shift_curves_job
from ui.slides import slide_box

language = lang()
PAGE = shown("convolution", ConvolutionPage)
NETWORK = shown("convolution", ConvNetSettings)
ANSWER_SHIFT = 4
SHOWN_MAPS = 8  # a layer's maps drawn for one digit
arrays = training_data()
networks = shipped_networks()
st.title(tr("conv_title"))
st.markdown(tr("conv_intro"))
slide_box("convolution")


def number(value: float, digits: int = 2) -> str:
    return format_number(value, digits, language)


def percent(value: float, digits: int = 0) -> str:
    return format_number(100 * value, digits, language)


# ------------------------------------------------------------- the answer
def show_answer() -> str:
    """Accuracy against the shift for the lesson's models and both convolutional networks, and what it says.

    Returns the direction chosen for it (the shift section's curve follows it)."""
    models = translation_view.tested_models(use_own=False)
    ready = translation_view.ready(models)
    jobs = {name: shift_curves_job(model) for name, model in ready.items()}
    direction = widget(PAGE, "direction")
    shifts = list(range(translation.PAGE_SHIFT + 1))

    def answer() -> None:
        curves = {name: job.result[direction] for name, job in jobs.items() if job.finished and job.error is None}
        if {"mlp", "cnn_global"} <= set(curves):
            st.markdown(tr("conv_answer", shift=ANSWER_SHIFT, direction=tr_choice("direction_", direction),
                           mlp=percent(curves["mlp"][ANSWER_SHIFT]),
                           global_cnn=percent(curves["cnn_global"][ANSWER_SHIFT])))
        else:
            st.caption(tr("conv_answer_waiting"))
        job_status(list(jobs.values()))
        if curves:
            series = [dict(name=ready[name].label, x=shifts, y=values, **tf.MODEL_STYLES[name])
                      for name, values in curves.items()]
            shared_chart(curves_figure, series, tr("conv_answer_chart", direction=tr_choice("direction_", direction)),
                         tr("trans_shift_axis"), "%", percent=True, height=460, key="conv_answer_chart",
                         values=False)  # its values are in the expander below
            st.caption(tr("conv_answer_caption"))
            with st.expander(tr("conv_values")):
                table = pd.DataFrame({tr("conv_values_shift"): shifts,
                                      **{ready[name].label: [percent(v, 1) for v in values]
                                         for name, values in curves.items()}})
                st.dataframe(table, hide_index=True, width="stretch")
        for name, job in jobs.items():
            if job.finished and job.error is None and name in experiments.SHIPPED_MODELS:
                translation_view.share_curve(ready[name], direction, shifts, job.result[direction],
                                             page="convolution")

    live(answer, lambda: all(job.finished for job in jobs.values()), base=MEASUREMENT_POLL_SECONDS)
    st.info(tr("conv_answer_why"), icon=":material/lightbulb:")
    with st.expander(tr("trans_models_title"), expanded=False):
        translation_view.models_panel(models)
    return direction


direction = show_answer()


# ------------------------------------------------------------- the digit
def random_digit() -> None:
    st.session_state[PAGE.key("digit")] = int(np.random.default_rng().integers(arrays.y_test.size))


def choose_digit() -> np.ndarray:
    """A test digit or the student's drawing (uint8, 28 × 28)."""
    drawing = st.session_state.get("trans_drawing")
    with st.container(border=True):
        source_column, index_column = st.columns([2, 3])
        with source_column:
            source = st.segmented_control(tr("conv_source"), ["test", "drawing"], default="test", required=True,
                                          format_func=option_labels("conv_source_"), key="conv_source",
                                          persist_state="session")
        with index_column:
            if source == "drawing" and drawing is None:
                st.info(tr("conv_no_drawing"), icon=":material/draw:")
            if source == "test" or drawing is None:
                with st.container(horizontal=True, vertical_alignment="bottom"):
                    index = widget(PAGE, "digit")
                    st.button(tr("trans_random"), icon=":material/casino:", on_click=random_digit, key="conv_random")
    return drawing if source == "drawing" and drawing is not None else arrays.images_test[int(index)]


section = widget(PAGE, "section")
if section != "train":
    digit = choose_digit()
    image = data.to_float(digit)


# ------------------------------------------------------- one filter
def chosen_kernel() -> np.ndarray | None:
    """The kernel picked or typed, or None after a message saying what is wrong with it."""
    name = widget(PAGE, "filter")
    if name != "custom":
        return cv.PRESETS[name]
    size = st.segmented_control(tr("conv_custom_size"), list(cv.KERNEL_SIZES), default=3, required=True,
                                format_func=lambda n: f"{n}×{n}", key="conv_custom_size")
    start = cv.PRESETS["vertical_edges"] if size == 3 else np.pad([[1.0]], 2)
    st.caption(tr("conv_custom_help"))
    edited = st.data_editor(pd.DataFrame(start, columns=[str(c) for c in range(size)]), key=f"conv_custom_{size}",
                            hide_index=True, width="stretch")
    try:
        return cv.check_kernel(edited.to_numpy(dtype=float, na_value=np.nan))
    except cv.KernelError as problem:
        st.error(tr(problem.code, **problem.details), icon=":material/error:")
        return None


def show_filter() -> None:
    st.header(tr("conv_filter_header"), divider="red")
    st.markdown(tr("conv_filter_text"))
    controls, pictures = st.columns([1, 3], gap="large")
    with controls:
        kernel = chosen_kernel()
        if kernel is None:
            return
        shared_chart(cf.heatmaps_figure, [kernel], [tr("conv_kernel_title")], kind="signed", annotate=True,
                     height=260, number_format=".2~f", decimal_comma=language == "fr", key="conv_kernel")
    feature_map = cv.correlate(image, kernel)
    limit = float(np.abs(feature_map).max()) or 1.0
    with pictures:
        shared_chart(cf.heatmaps_figure, [image, feature_map], [tr("conv_input_title"), tr("conv_map_title")],
                     kind=["image", "signed"], limit=[None, limit], height=420, key="conv_map")
        st.caption(tr("conv_map_caption"))
    step_by_step(kernel, feature_map, limit)


def advance(size: int, speed: int) -> None:
    position = st.session_state.get("conv_row", 0) * size + st.session_state.get("conv_col", 0) + speed
    if speed == size:  # row by row: from the start of the next row
        position -= position % size
    position %= size * size
    st.session_state["conv_row"], st.session_state["conv_col"] = divmod(position, size)


def step_by_step(kernel: np.ndarray, feature_map: np.ndarray, limit: float) -> None:
    side = data.IMAGE_SIDE
    st.subheader(tr("conv_step_header"))
    playing = st.session_state.get("conv_play", False)

    @st.fragment(run_every=0.5 if playing else None)
    def stepper() -> None:
        if st.session_state.get("conv_play", False) != playing:
            st.rerun(scope="app")  # the toggle changed: start or stop the fragment's timer
        speed = 1 if st.session_state.get("conv_speed", "pixel") == "pixel" else side
        for key in ("conv_row", "conv_col"):
            st.session_state.setdefault(key, 7)  # the filter starts on the digit, not in an empty corner
        if st.session_state.get("conv_play", False):
            advance(side, speed)
        controls = st.columns([2, 2, 3], vertical_alignment="bottom")
        # the position the server holds is each slider's default too: a slider the browser mounts again
        # (the page above redrawn by a rerun) starts from its default and sent the corner (0) back
        with controls[0]:
            row = st.slider(tr("conv_step_row"), 0, side - 1, key="conv_row", value=st.session_state["conv_row"])
        with controls[1]:
            col = st.slider(tr("conv_step_col"), 0, side - 1, key="conv_col", value=st.session_state["conv_col"])
        with controls[2]:
            with st.container(horizontal=True, vertical_alignment="bottom"):
                st.button(tr("conv_step_previous"), icon=":material/chevron_left:", key="conv_previous",
                          on_click=advance, args=(side, -1))
                st.button(tr("conv_step_next"), icon=":material/chevron_right:", key="conv_next",
                          on_click=advance, args=(side, 1))
                st.toggle(tr("conv_step_play"), key="conv_play")
                st.segmented_control(tr("conv_step_speed"), ["pixel", "row"], default="pixel", required=True,
                                     format_func=option_labels("speed_"), key="conv_speed",
                                     label_visibility="collapsed")
        size = kernel.shape[0]
        half = size // 2
        patch, products, total = cv.products_at(image, kernel, row, col)
        left, right = st.columns([1, 1], gap="large")
        with left:
            filled = cf.revealed(feature_map, row * side + col + 1)
            shared_chart(cf.heatmaps_figure, [image, filled], [tr("conv_input_title"), tr("conv_step_map_title")],
                         kind=["image", "signed"], limit=[None, limit], height=380,
                         highlights={0: (row - half, col - half, size), 1: (row, col, 1)},
                         key="conv_step_maps")
            st.caption(tr("conv_step_caption"))
        with right:
            shared_chart(cf.heatmaps_figure, [patch, kernel, products],
                         [tr("conv_patch_title"), tr("conv_kernel_title"), tr("conv_products_title")],
                         kind="signed", annotate=size == 3, height=260, number_format=".2~f",
                         decimal_comma=language == "fr",
                         key="conv_products")
            st.markdown(tr("conv_step_sum", row=row, col=col, value=number(total)))

    stepper()


# ------------------------------------------------------------- the learned network
def chosen_network():
    name = widget(PAGE, "network")
    return name, networks[name].network


def show_network() -> None:
    st.header(tr("conv_network_header"), divider="red")
    st.markdown(tr("conv_network_text"))
    name, network = chosen_network()
    st.caption(tr("conv_network_summary", layers=sum(bool(layer.params) for layer in network.layers),
                  parameters=format_count(network.parameter_count, language),
                  accuracy=percent(shipped.SHIPPED[name].test_accuracy, 2)))
    filters = network.first_layer_filters()
    shared_chart(cf.heatmaps_figure, list(filters), [str(k + 1) for k in range(len(filters))], kind="signed",
                 columns=8, height=300, title=tr("conv_learned_filters", count=len(filters), size=filters.shape[1]),
                 key="conv_learned_filters")
    st.subheader(tr("conv_layers_title"))
    maps = network.feature_maps(image)
    shared_chart(tf.images_figure, [digit], [tr("conv_input_title")], height=260, key="conv_layer_input")
    names = network.layer_names()
    for layer_name, values in maps[1:-1]:
        kind = layer_name.rstrip("0123456789")
        following = names[names.index(layer_name) + 1] if layer_name in names[:-1] else ""
        if kind == "conv" or (kind == "relu" and values.ndim == 1) or kind == "flatten":
            continue  # a convolution is drawn after its ReLU; a flat layer's values are not a picture
        if kind == "relu":
            convolution = names[names.index(layer_name) - 1]
            shown_maps = [values[:, :, k] for k in range(min(SHOWN_MAPS, values.shape[-1]))]
            shared_chart(cf.heatmaps_figure, shown_maps, [str(k + 1) for k in range(len(shown_maps))],
                         kind="positive", columns=SHOWN_MAPS, height=230,
                         title=tr("conv_layer_conv", name=convolution, count=values.shape[-1]),
                         key=f"conv_layer_{layer_name}")
        elif kind == "maxpool":
            shown_maps = [values[:, :, k] for k in range(min(SHOWN_MAPS, values.shape[-1]))]
            shared_chart(cf.heatmaps_figure, shown_maps, [str(k + 1) for k in range(len(shown_maps))],
                         kind="positive", columns=SHOWN_MAPS, height=230,
                         title=tr("conv_layer_maxpool", name=layer_name, side=values.shape[0]),
                         key=f"conv_layer_{layer_name}")
        elif kind == "global_pool":
            shared_chart(style.bars, values, tr("conv_layer_global_pool", name=layer_name, count=values.size),
                         tr("conv_feature_axis"), "", height=300, key=f"conv_layer_{layer_name}")
        elif kind == "dense" and following:  # the last dense layer gives the probabilities below
            shared_chart(style.bars, values, tr("conv_layer_dense", name=layer_name, count=values.size),
                         tr("conv_feature_axis"), "", height=300, key=f"conv_layer_{layer_name}")
    probabilities = maps[-1][1]
    shared_chart(tf.probabilities_figure, [dict(name=tr_choice("conv_network_", name), probabilities=probabilities,
                                                **tf.MODEL_STYLES[network_model(name)])],
                 None, tr("conv_probabilities"), tr("trans_digit_axis"), tr("trans_true"), height=340,
                 key="conv_probabilities")


def network_model(name: str) -> str:
    """The translation page's model name of a shipped network."""
    return next(model for model, network in experiments.SHIPPED_MODELS.items() if network == name)


# ------------------------------------------------------------- the digit moves
def show_shift() -> None:
    st.header(tr("conv_shift_header"), divider="red")
    st.markdown(tr("conv_shift_text"))
    controls, pictures = st.columns([1, 3], gap="large")
    with controls:
        name, network = chosen_network()
        dx = widget(PAGE, "dx")
        dy = widget(PAGE, "dy")
    moved = translation.shift_images(digit, int(dx), int(dy))
    last = cv.last_pooling(network)
    original_maps = dict(network.feature_maps(image))
    moved_maps = dict(network.feature_maps(data.to_float(moved)))
    with pictures:
        shared_chart(tf.images_figure, [digit, moved], [tr("conv_input_title"),
                                                        tr("trans_moved", dx=f"{dx:+d}", dy=f"{dy:+d}")],
                     height=300, key="conv_shift_pictures")
        before, after = original_maps[last], moved_maps[last]
        if before.ndim == 1:
            shared_chart(cf.features_figure, before, after, (tr("conv_features_original"), tr("conv_features_moved")),
                         tr("conv_layer_global_pool", name=last, count=before.size), tr("conv_feature_axis"),
                         key="conv_shift_features")
        else:
            count = min(SHOWN_MAPS, before.shape[-1])
            limit = float(max(before[:, :, :count].max(), after[:, :, :count].max())) or 1.0
            shared_chart(cf.heatmaps_figure, [before[:, :, k] for k in range(count)] + [after[:, :, k] for k in range(count)],
                         [f"{k + 1}" for k in range(count)] * 2, kind="positive", columns=count, height=300,
                         limit=limit, title=f"{tr('conv_features_original')} · {tr('conv_features_moved')}",
                         key="conv_shift_features")
    pixels = cv.cosine_similarity(image, data.to_float(moved))
    features = cv.cosine_similarity(before, after)
    with controls:
        st.metric(tr("conv_similarity_pixels_metric"), number(pixels))
        st.metric(tr("conv_similarity_features_metric"), number(features), delta=number(features - pixels))
        st.caption(tr("conv_similarity_explain"))
    reads = {tr("conv_input_title"): original_maps["softmax"],
             tr("trans_moved", dx=f"{dx:+d}", dy=f"{dy:+d}"): moved_maps["softmax"]}
    cues = (tf.MODEL_STYLES["mlp"], tf.MODEL_STYLES[network_model(name)])
    shared_chart(tf.probabilities_figure, [dict(name=label, probabilities=values, **cue)
                                           for (label, values), cue in zip(reads.items(), cues)],
                 None, tr("conv_probabilities"), tr("trans_digit_axis"), tr("trans_true"), height=320,
                 key="conv_shift_probabilities")
    # in the direction chosen for the answer, at the top; 18 passes through the network, made once for
    # the server for this digit, network and direction (a class opening the section shares them)
    shared_chart(cf.similarity_figure, name, digit, direction,
                 {kind: tr_choice("conv_similarity_", kind) for kind in ("pixels", "features")},
                 tr("conv_similarity_title", direction=tr_choice("direction_", direction)), tr("trans_shift_axis"),
                 tf.MODEL_COLORS[network_model(name)], key="conv_similarity")


# ------------------------------------------------------------- train your own
VIEW = ModelView(
    name="cnn",
    page="convolution",
    step_label="unit_batches",
    reference=(shipped.SHIPPED["lesson"].test_accuracy, "reference_cnn"),
    weight_titles=lambda count: [str(index + 1) for index in range(count)],
    describe=lambda s: {"filters": "-".join(map(str, s.filters)), "kernel_size": s.kernel_size,
                        "solver": s.optimizer,  # the 5-layer network's column: Adam or SGD too
                        "learning_rate": s.learning_rate, "batch_size": s.batch_size,
                        "epochs": s.epochs, "train_digits": s.train_size, "seed": s.seed},
    short_name=lambda s: f"{'-'.join(map(str, s.filters))} {s.kernel_size}×{s.kernel_size} η={s.learning_rate:g}",
    weights_title="view_weights_filters",
    weights_explain="conv_explain_filters",
)


def epoch_time(settings, checkpoints) -> None:
    """How long one epoch took, what a student compares from one network to another."""
    last = checkpoints[-1]
    epochs = max(1e-9, last.step / settings.batches_per_epoch)
    st.caption(tr("conv_epoch_time", seconds=number(last.seconds / epochs, 1),
                  digits=format_count(settings.training_digits, language)))


def network_form():
    form = SettingsForm(NETWORK)
    form.grid(columns=4)
    return form.result()


def show_train() -> None:
    st.header(tr("conv_train_header"), divider="red")
    st.markdown(tr("conv_train_text"))
    with st.container(border=True):
        st.markdown(f"**{tr('conv_train_settings')}**")
        settings_panel(VIEW, network_form)
        run_controls(VIEW)
    live_dashboard(VIEW)
    final_report(VIEW, extra=epoch_time)


{"filter": show_filter, "network": show_network, "shift": show_shift, "train": show_train}[section]()

st.header(tr("conv_further_header"), divider="red")
folded("conv_further_more")
