"""Réseau à 5 couches: the deep fully connected network (scikit-learn's MLPClassifier), live."""

import numpy as np
import streamlit as st

from core.figures import dashboard
from core.lesson import slides
from core.models import mlp
from core.numbers import format_number
from core.settings.fields import sizes_text
from core.settings.pages import shown
from ui.common import chart, lang, tr, tr_choice
from ui.dashboard import ModelView, final_report, live_dashboard, run_controls
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
    short_name=lambda s: f"{'-'.join(map(str, s.hidden_layers))} {s.activation} {s.solver} η={s.learning_rate:g}",
    batch_title="view_train_sample",
    weights_title="view_weights_first_layer",
    train_curve="curve_train_sample",
)


MODEL = shown("five-layers", mlp.MLPSettings)


def use_preset(name: str) -> None:
    st.session_state[MODEL.key("hidden_layers")] = sizes_text(mlp.PRESETS[name])


with st.container(border=True):
    st.markdown(f"**{tr('mlp_settings_title')}**")
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
        chart(dashboard.network_figure(layers, {"input": tr("net_input"), "hidden": tr("net_hidden", act=tr_choice(
            "activation_", activation)), "output": tr("net_output")}), key="mlp_network")
        st.caption(tr("mlp_parameters", count=f"{mlp.parameter_count(layers):,}".replace(",", " "),
                      layers=len(layers) + 1))
    form.grid(columns=3)
    settings, problems = form.result()
    run_controls(VIEW, settings, problems)

live_dashboard(VIEW)


def best_epoch(settings, checkpoints) -> None:
    """The run's training accuracy, its best test epoch, and the slide's numbers beside them."""
    accuracies = np.array([c.test_accuracy for c in checkpoints])
    per_epoch = checkpoints[-1].seconds / max(1, checkpoints[-1].step)
    st.metric(tr("mlp_train_accuracy"), slides.format_percent(checkpoints[-1].train_accuracy, 2, language))
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
