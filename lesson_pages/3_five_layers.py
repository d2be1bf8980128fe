"""Réseau à 5 couches: the deep fully connected network (scikit-learn's MLPClassifier), live."""

import numpy as np
import streamlit as st

from core.figures import dashboard
from core.lesson import slides
from core.models import mlp
from core.numbers import format_count, format_number, format_percent
from core.settings.fields import sizes_text
from core.settings.pages import shown
from ui.common import lang, shared_chart, tr, tr_choice
from ui.dashboard import ModelView, final_report, live_dashboard, run_controls, settings_panel
from ui.settings import SettingsForm
from ui.slides import code_slides, slide_box

language = lang()
st.title(tr("mlp_title"))
st.markdown(tr("mlp_intro"))
slide_box("five-layers")

VIEW = ModelView(
    name="mlp",
    page="five-layers",
    step_label="unit_epochs",
    reference=(0.98, "reference_98"),
    weight_titles=lambda count: [str(index + 1) for index in range(count)],
    describe=lambda s: {"layers": "-".join(map(str, s.hidden_layers)), "activation": s.activation,
                        "solver": s.solver, "learning_rate": s.learning_rate, "batch_size": s.batch_size,
                        "epochs": s.epochs, "alpha": s.alpha, "train_digits": s.train_size, "seed": s.seed},
    short_name=lambda s: tr("run_label_mlp", layers="-".join(map(str, s.hidden_layers)),
                            activation=tr_choice("activation_", s.activation), solver=tr_choice("solver_", s.solver),
                            rate=format_number(s.learning_rate, None, language)),
    batch_title="view_train_sample",
    weights_title="view_weights_first_layer",
    train_curve="curve_train_sample",
)


MODEL = shown("five-layers", mlp.MLPSettings)
ACTIVATION_SYMBOLS = {"logistic": "S", "relu": r"\mathrm{ReLU}", "tanh": r"\tanh"}  # S: the lesson's sigmoid


def use_preset(name: str) -> None:
    st.session_state[MODEL.key("hidden_layers")] = sizes_text(mlp.PRESETS[name])


def network_form():
    """The architecture beside its diagram, then the other settings."""
    form = SettingsForm(MODEL)
    architecture, diagram = st.columns([2, 3], gap="large")
    with architecture:
        with st.container(horizontal=True):
            for name in mlp.PRESETS:
                st.button(tr_choice("preset_", name), on_click=use_preset, args=(name,), key=f"mlp_preset_{name}",
                          icon=":material/tune:")
        layers = form.widget("hidden_layers")
        activation = form.widget("activation")
        form.widget("solver")
    with diagram:
        shared_chart(dashboard.network_figure, tuple(layers), {"input": tr("net_input"), "hidden": tr(
            "net_hidden", act=tr_choice("activation_", activation)), "output": tr("net_output")}, key="mlp_network")
        st.caption(tr("mlp_parameters", count=format_count(mlp.parameter_count(layers), language),
                      layers=len(layers) + 1))
        # the network as the lesson writes it: S the sigmoid of each hidden layer, σ the softmax at the end
        hidden, output = len(layers), len(layers) + 1
        symbol = ACTIVATION_SYMBOLS.get(activation, r"\mathrm{" + str(activation) + "}")
        st.latex(rf"Y_k = {symbol}(Y_{{k-1}} \cdot W_k + b_k), \quad k = 1 \dots {hidden}, \quad Y_0 = X")
        st.latex(rf"Y = \sigma(Y_{{{hidden}}} \cdot W_{{{output}}} + b_{{{output}}})")
    form.grid(columns=3)
    return form.result()


with st.container(border=True):
    st.markdown(f"**{tr('mlp_settings_title')}**")
    settings_panel(VIEW, network_form)
    run_controls(VIEW)

live_dashboard(VIEW)


def best_epoch(settings, checkpoints) -> None:
    """The run's training accuracy, its best test epoch, and the slide's numbers beside them."""
    accuracies = np.array([c.test_accuracy for c in checkpoints])
    per_epoch = checkpoints[-1].seconds / max(1, checkpoints[-1].step)
    st.metric(tr("mlp_train_accuracy"), format_percent(100 * checkpoints[-1].train_accuracy, 2, language))
    st.caption(tr("mlp_epoch_time", seconds=format_number(per_epoch, 1, language)))
    best = checkpoints[int(np.argmax(accuracies))]
    claims = {claim.id: claim for claim in slides.claims_for("five-layers")}
    st.info(tr("mlp_best", best=slides.format_percent(best.test_accuracy, 2, language), epoch=best.step,
               seconds=format_number(best.seconds, 1, language),
               slide_test=slides.format_percent(claims["five_test"].value, 0, language),
               slide_train=slides.format_percent(claims["five_train"].value, 0, language)),
            icon=":material/flag:")


final_report(VIEW, extra=best_epoch)

with st.expander(tr("mlp_explain_title"), expanded=False):
    for key in ("mlp_explain_layers", "mlp_explain_sigmoid", "explain_test"):
        st.markdown(tr(key))

code_slides("five-layers")
