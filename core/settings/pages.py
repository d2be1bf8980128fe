"""The settings of every lesson page that a teacher's link can set, hide or present.

One list per page (the page's url path), in the order the page shows them. The
ranges come from the modules that define the widgets' choices, so that a link
can never ask for a value a widget would not offer.
"""

from __future__ import annotations

from core.lesson import convolution, examples, experiments, translation
from core.models import mlp, softmax_regression
from core.settings.links import Setting

VIEWS = ("all", "accuracy", "loss", "batch", "test", "weights", "biases")
SHIFT = translation.PAGE_SHIFT

PAGE_SETTINGS: dict[str, list[Setting]] = {
    "home": [],
    "board": [],
    "softmax": [
        Setting("z", "softmax_z", "text", examples.z_text, label="softmax_vector_label"),
        Setting("decimals", "softmax_decimals", "int", 2, low=0, high=6, label="precision_decimals"),
        Setting("mode", "softmax_mode", "choice", "truncate", choices=("truncate", "round"), label="precision_mode"),
        Setting("temperature", "softmax_temperature", "float", 1.0, choices=tuple(examples.TEMPERATURES),
                label="temperature"),
        Setting("label", "ce_label", "int", examples.CE_LABEL, low=0, high=9, label="ce_label"),
        Setting("norm", "ce_norm", "choice", "sum", choices=("sum", "softmax"), label="ce_normalisation"),
        Setting("scores", "ce_scores", "text", examples.scores_text, label="ce_scores_label"),
        Setting("batch", "shapes_batch", "int", 100, choices=tuple(examples.BATCH_SIZES), label="shapes_batch"),
    ],
    "training": [
        Setting("lr", "softmax_lr", "float", 0.003, choices=tuple(softmax_regression.LEARNING_RATES), label="set_learning_rate"),
        Setting("batch", "softmax_batch", "int", 100, choices=tuple(softmax_regression.BATCH_SIZES), label="set_batch_size"),
        Setting("iter", "softmax_iterations", "int", 10000, choices=tuple(softmax_regression.ITERATIONS), label="set_iterations"),
        Setting("train", "softmax_train_size", "int", 60000, choices=tuple(softmax_regression.TRAIN_SIZES),
                label="set_train_size"),
        Setting("every", "softmax_eval_every", "int", 100, choices=tuple(softmax_regression.EVAL_INTERVALS),
                label="set_eval_every"),
        Setting("seed", "softmax_seed", "int", 0, low=0, high=9999, label="set_seed"),
        Setting("view", "softmax_view", "choice", "all", choices=VIEWS, label="view_choice"),
        Setting("slow", "softmax_slow", "bool", False, label="run_slow_motion"),
    ],
    "five-layers": [
        Setting("layers", "mlp_layers", "text", "200-100-60-30", label="set_layers"),
        Setting("act", "mlp_activation", "choice", "logistic", choices=mlp.ACTIVATIONS, label="set_activation"),
        Setting("solver", "mlp_solver", "choice", "adam", choices=mlp.SOLVERS, label="set_solver"),
        Setting("lr", "mlp_lr", "float", 0.001, choices=tuple(mlp.LEARNING_RATES), label="set_learning_rate"),
        Setting("batch", "mlp_batch", "int", 100, choices=tuple(mlp.BATCH_SIZES), label="set_batch_size"),
        Setting("epochs", "mlp_epochs", "int", 20, choices=tuple(mlp.EPOCHS), label="set_epochs"),
        Setting("alpha", "mlp_alpha", "float", 0.0001, choices=tuple(mlp.ALPHAS), label="set_alpha"),
        Setting("train", "mlp_train_size", "int", 60000, choices=tuple(mlp.TRAIN_SIZES), label="set_train_size"),
        Setting("seed", "mlp_seed", "int", 0, low=0, high=9999, label="set_seed"),
        Setting("view", "mlp_view", "choice", "all", choices=VIEWS, label="view_choice"),
        Setting("slow", "mlp_slow", "bool", False, label="run_slow_motion"),
    ],
    "overfitting": [
        Setting("section", "limits_section", "choice", "overfitting",
                choices=("overfitting", "remedies", "plateau", "slow"), label="limits_choice"),
        Setting("l2", "remedy_l2", "float", 1.0, choices=tuple(experiments.L2_STRENGTHS), label="remedy_l2_strength"),
    ],
    "translation": [
        Setting("section", "trans_section", "choice", "shift", choices=("shift", "test_set", "draw"),
                label="trans_choice"),
        Setting("digit", "trans_index", "int", 0, low=0, high=9999, label="trans_digit_index"),
        Setting("dx", "trans_dx", "int", 0, low=-SHIFT, high=SHIFT, label="trans_dx"),
        Setting("dy", "trans_dy", "int", 0, low=-SHIFT, high=SHIFT, label="trans_dy"),
        Setting("direction", "trans_curve_direction", "choice", "horizontal", choices=translation.DIRECTIONS,
                label="trans_direction"),
        Setting("nocentre", "trans_skip_centering", "bool", False, label="trans_skip_centering"),
    ],
    "convolution": [
        Setting("section", "conv_section", "choice", "filter", choices=("filter", "bank", "shift", "pipeline"),
                label="conv_choice"),
        Setting("digit", "conv_index", "int", 0, low=0, high=9999, label="conv_digit_index"),
        Setting("filter", "conv_filter", "choice", "vertical_edges", choices=(*convolution.PRESETS, "custom"),
                label="conv_filter_choice"),
        Setting("dx", "conv_dx", "int", 3, low=-SHIFT, high=SHIFT, label="trans_dx"),
        Setting("dy", "conv_dy", "int", 0, low=-SHIFT, high=SHIFT, label="trans_dy"),
        Setting("pool", "conv_pool", "int", 4, choices=tuple(convolution.POOL_SIZES), label="conv_pool_choice"),
    ],
}
