"""Speed of the lesson's models, measured without the UI (and once through the page).

    python benchmarks/run.py            # full figures (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # a short version (under a minute)

Prints a table and writes the same figures to benchmarks/results.json as a list
of records {"model", "setting", "metric", "value", "unit"}. Every computation
uses one thread, as the app's server does (core/training/threads.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.training import threads  # noqa: E402

threads.one_thread_each()  # as the app's server: one thread per computation, OpenMP included

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_info  # noqa: E402

from core import data  # noqa: E402
from core.models import softmax_regression
from core.models.reference import fit_logistic_regression  # noqa: E402
from core.training import checkpoint

RESULTS = ROOT / "benchmarks" / "results.json"


class Recorder:
    def __init__(self):
        self.records: list[dict] = []

    def add(self, model: str, setting: str, metric: str, value, unit: str) -> None:
        if isinstance(value, (float, np.floating)):
            value = float(f"{float(value):.6g}")
        self.records.append({"model": model, "setting": setting, "metric": metric, "value": value, "unit": unit})
        print(f"  {model:<22} {setting:<34} {metric:<34} {value!s:>12} {unit}", flush=True)


def best_of(repeats: int, work) -> tuple[float, object]:
    """The fastest of ``repeats`` runs (the least disturbed by the rest of the machine)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def matmul_gflops(size: int = 1024, repeats: int = 5) -> float:
    a = np.random.default_rng(0).random((size, size), dtype=np.float32)
    b = np.random.default_rng(1).random((size, size), dtype=np.float32)
    a @ b
    seconds, _ = best_of(repeats, lambda: a @ b)
    return 2 * size**3 / seconds / 1e9


def plain_numpy_loop(x_train, y_onehot, x_test, y_test, iterations: int, seed: int = 0):
    """The textbook loop the issue compares against: nothing but numpy, no checkpoints."""
    rng = np.random.default_rng(seed)
    weights = np.zeros((784, 10), np.float32)
    biases = np.zeros(10, np.float32)
    order, position = rng.permutation(x_train.shape[0]), 0
    for _ in range(iterations):
        if position + 100 > order.size:
            order, position = rng.permutation(x_train.shape[0]), 0
        batch = order[position:position + 100]
        position += 100
        images = x_train[batch]
        logits = images @ weights + biases
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        delta = probabilities - y_onehot[batch]
        weights -= 0.003 * (images.T @ delta)
        biases -= 0.003 * delta.sum(axis=0)
    return float(np.mean((x_test @ weights + biases).argmax(axis=1) == y_test))


def bench_softmax(rec: Recorder, arrays, quick: bool) -> None:
    x_train, y_train, x_test, y_test = arrays
    y_onehot = data.one_hot(y_train)
    model = "softmax (10 neurons)"
    flop_per_iteration = 2 * 100 * 784 * 10 * 2  # forward X·W and backward Xᵀ·(Y−Y'), batch of 100
    rec.add(model, "batch 100", "floating-point work per iteration", flop_per_iteration / 1e6, "MFLOP")
    gflops = matmul_gflops()
    rec.add("machine", "float32 1024x1024 matmul, 1 thread", "matrix-multiply throughput", gflops, "GFLOP/s")
    for iterations in ([1000] if quick else [1000, 10000]):
        setting = f"lr 0.003, batch 100, {iterations} it"
        seconds, accuracy = best_of(3, lambda: plain_numpy_loop(x_train, y_onehot, x_test, y_test, iterations))
        rec.add("plain numpy loop", setting, "train time", seconds, "s")
        rec.add("plain numpy loop", setting, "test accuracy", 100 * accuracy, "%")

        def ours():
            trainer = softmax_regression.SoftmaxTrainer(softmax_regression.SoftmaxSettings(iterations=iterations, eval_every=iterations),
                                              x_train, y_train, x_test, y_test)
            return trainer.advance(iterations)

        seconds_ours, point = best_of(3, ours)
        rec.add(model, setting, "train time (no UI, one final evaluation)", seconds_ours, "s")
        rec.add(model, setting, "test accuracy", 100 * point.test_accuracy, "%")
        rec.add(model, setting, "time / plain numpy loop", seconds_ours / seconds, "x")
        floor = flop_per_iteration * iterations / (gflops * 1e9)
        rec.add(model, setting, "matmul floor (work / throughput)", floor, "s")
    trainer = softmax_regression.SoftmaxTrainer(softmax_regression.SoftmaxSettings(iterations=100, eval_every=100),
                                      x_train, y_train, x_test, y_test)
    trainer.advance(100)
    seconds, _ = best_of(5, lambda: trainer.model.evaluate(x_test, y_test.astype(np.intp)))
    rec.add(model, "10 000 test digits", "one full evaluation", seconds * 1000, "ms")
    if not quick:
        settings = softmax_regression.SoftmaxSettings()
        seconds, points = best_of(1, lambda: checkpoint.train_to_end(
            softmax_regression.SoftmaxTrainer(settings, x_train, y_train, x_test, y_test)))
        setting = "page default: 10 000 it, measured every 100"
        rec.add(model, setting, "train time with 100 checkpoints", seconds, "s")
        rec.add(model, setting, "test accuracy", 100 * points[-1].test_accuracy, "%")


def bench_figures(rec: Recorder, mnist) -> None:
    """What each chart costs the server's one Python: building it, then what st.plotly_chart adds
    (Plotly's to_dict and to_json), for the charts redrawn most often (best of 20)."""
    import plotly.io as pio
    from plotly.tools import return_figure_from_figure_or_data

    from core.figures import convolution, dashboard, style, translation

    rng = np.random.default_rng(0)
    x_train, y_train = data.as_rows(mnist.x_train), mnist.y_train
    trainer = softmax_regression.SoftmaxTrainer(softmax_regression.SoftmaxSettings(iterations=500, eval_every=100), x_train, y_train,
                                      data.as_rows(mnist.x_test), mnist.y_test)
    checkpoints = checkpoint.train_to_end(trainer)
    last = checkpoints[-1]
    z = np.array([1, 3, 2.5, 5, 4, 2.0])
    builders = {
        "softmax bars (6 values)": lambda: style.bars(z, "softmax", "k", "y", text=[f"{v:.2f}" for v in z]),
        "L = X·W + b diagram": lambda: style.matrix_shapes(100, {}),
        "accuracy curves (5 checkpoints)": lambda: dashboard.accuracy_figure(
            checkpoints, "accuracy", "iterations", ("train", "test"), 400, (0.92, "92 %"), 500),
        "100 digits, wrong ones first": lambda: dashboard.digits_figure(
            mnist.x_test[last.test_indices], mnist.y_test[last.test_indices], last.test_predictions, "test"),
        "10 weight images": lambda: dashboard.weight_images_figure(last.pixel_weights, list("0123456789"), "W"),
        "8 feature maps (convolution)": lambda: convolution.heatmaps_figure(
            [rng.random((26, 26)) for _ in range(8)], [f"{k}" for k in range(8)], kind="positive", columns=4),
        "3 models' probabilities": lambda: translation.probabilities_figure(
            [dict(name=name, probabilities=rng.dirichlet(np.ones(10))) for name in "abc"], 3, "p", "digit", "3"),
    }
    for name, build in builders.items():
        seconds, fig = best_of(20, build)
        rec.add("figure", name, "build", 1000 * seconds, "ms")
        serialize, _ = best_of(20, lambda: pio.to_json(return_figure_from_figure_or_data(fig, True), validate=False))
        rec.add("figure", name, "to_dict + to_json (st.plotly_chart)", 1000 * serialize, "ms")


def bench_drawing(rec: Recorder, mnist) -> None:
    """What each of the dashboard's seven charts costs a browser: Plotly drawing it from scratch in
    Chromium (median of 15), as Streamlit does for every chart a live poll changes.

    The figures are those at the end of the default 10-neuron run, drawn into a 745 x 460 div
    (half of a 1600-pixel laptop window) by the plotly.js that the plotly package ships.
    """
    import plotly
    from playwright.sync_api import sync_playwright

    from core.figures import dashboard

    if not CHROMIUM.exists():
        print("  (no /usr/bin/chromium: the drawing figures are skipped)")
        return
    trainer = softmax_regression.SoftmaxTrainer(softmax_regression.SoftmaxSettings(), data.as_rows(mnist.x_train), mnist.y_train,
                                      data.as_rows(mnist.x_test), mnist.y_test)
    checkpoints = checkpoint.train_to_end(trainer)
    last, steps = checkpoints[-1], np.array([c.step for c in checkpoints])
    names = ("training (batch)", "test")
    views = {
        "1. accuracy": dashboard.accuracy_figure(checkpoints, "1.", "iterations", names, 400, (0.92, "92 %"), 10000),
        "2. cross-entropy": dashboard.loss_figure(checkpoints, "2.", "iterations", names, 400, 10000),
        "3. training batch (100 digits)": dashboard.digits_figure(
            mnist.x_train[last.batch_indices], mnist.y_train[last.batch_indices], last.batch_predictions, "3.",
            height=460),
        "4. test digits (100 shown)": dashboard.digits_figure(
            mnist.x_test[last.test_indices], mnist.y_test[last.test_indices], last.test_predictions, "4.",
            height=460),
        "5. weight images": dashboard.weight_images_figure(last.pixel_weights, list("0123456789"), "5.", 400),
        "5. weight spread": dashboard.layers_spread_figure(
            steps, {"1": np.array([c.weight_percentiles["1"] for c in checkpoints])}, "5.", "iterations", "layer",
            400, 10000),
        "6. biases": dashboard.biases_figure(steps, {"1": np.array([c.biases["1"] for c in checkpoints])}, "6.",
                                             "iterations", "layer", 400, 10000),
    }
    page_file = ROOT / "test-artifacts" / "plotly-drawing.html"
    page_file.parent.mkdir(parents=True, exist_ok=True)
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    page_file.write_text(f'<html><body><div id="g" style="width:745px;height:460px"></div>'
                         f'<script src="{plotly_js.as_uri()}"></script></body></html>')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(page_file.as_uri())
        total = 0.0
        for name, fig in views.items():
            milliseconds = page.evaluate("""async (figure) => {
                const div = document.getElementById('g'), times = [];
                for (let i = 0; i < 15; i++) {
                    Plotly.purge(div);
                    const started = performance.now();
                    await Plotly.newPlot(div, figure.data, figure.layout);
                    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
                    times.push(performance.now() - started);
                }
                times.sort((a, b) => a - b);
                return times[7];
            }""", json.loads(fig.to_json()))
            total += milliseconds
            rec.add("drawn in Chromium", name, "Plotly.newPlot, median", milliseconds, "ms")
        rec.add("drawn in Chromium", "the six views (seven charts)", "sum", total, "ms")
        browser.close()


def bench_pages(rec: Recorder) -> None:
    """One rerun of each lesson page, whole script and every chart (AppTest, best of 10): the
    server's Python time for a student's click, which the load test multiplies by a class."""
    from streamlit.testing.v1 import AppTest

    pages = {"home": None, "softmax": "1_softmax.py", "training (before Start)": "2_training.py",
             "translation": "5_translation.py", "convolution": "6_convolution.py"}
    for name, page in pages.items():
        at = AppTest.from_file(str(ROOT / "lesson.py"), default_timeout=120)
        at.session_state["lang"] = "en"
        at.run()
        if page is not None:
            at.switch_page(f"lesson_pages/{page}")
        for _ in range(3):  # warm: the page's shared data and models loaded or started
            at.run()
        best = float("inf")
        for _ in range(10):
            started = time.process_time()
            at.run()
            best = min(best, time.process_time() - started)
        rec.add("page", name, "one rerun (CPU, AppTest)", 1000 * best, "ms")


def bench_page(rec: Recorder) -> None:
    """The training page itself (AppTest, charts included): Start with the defaults until the result shows.

    The page is rerun at the pace of the live fragment in a browser (every POLL_SECONDS_ALL_VIEWS),
    so the figure is the server's side of a student's run: training, checkpoints and all six views
    drawn at each refresh, without the student's browser drawing them.
    """
    from streamlit.testing.v1 import AppTest

    from core.texts import t
    from ui.dashboard import POLL_SECONDS_ALL_VIEWS

    at = AppTest.from_file(str(ROOT / "lesson.py"), default_timeout=120)
    at.run()
    at.switch_page("lesson_pages/2_training.py")
    at.run()
    started = time.perf_counter()
    at.button(key="softmax_start").click().run()
    renders = 1
    while not any(h.value == t("final_title", "fr") for h in at.header):
        time.sleep(POLL_SECONDS_ALL_VIEWS)
        at.run()
        renders += 1
        if time.perf_counter() - started > 300:
            raise RuntimeError("the page never showed its result")
    seconds = time.perf_counter() - started
    rec.add("softmax (10 neurons)", "page default run, AppTest", "Start to result, charts included", seconds, "s")
    rec.add("softmax (10 neurons)", "page default run, AppTest", "page renders meanwhile", renders, "renders")


def bench_mlp(rec: Recorder, arrays, quick: bool) -> None:
    """The lesson's 5-layer network: plain partial_fit against the page's loop (with its per-epoch measures)."""
    import resource

    from sklearn.neural_network import MLPClassifier

    from core.models import mlp

    x_train, y_train, x_test, y_test = arrays
    layers = mlp.LESSON_LAYERS
    parameters = mlp.parameter_count(layers)
    flop_epoch = 6 * parameters * y_train.size  # forward 2·P, backward 4·P per sample
    gflops = matmul_gflops()
    model = "5-layer network"
    rec.add(model, "200-100-60-30", "parameters", parameters, "")
    rec.add(model, "200-100-60-30, 60 000 digits", "floating-point work per epoch (6·P·N)", flop_epoch / 1e9, "GFLOP")
    rec.add(model, "200-100-60-30, 60 000 digits", "matmul floor per epoch", flop_epoch / (gflops * 1e9), "s")
    epochs = 2 if quick else 5
    for activation in ("logistic", "relu"):
        setting = f"{activation}, adam 0.001, batch 100"
        plain = MLPClassifier(hidden_layer_sizes=layers, activation=activation, batch_size=100, random_state=0)
        plain_times = []
        for _ in range(epochs):
            started = time.perf_counter()
            plain.partial_fit(x_train, y_train, classes=np.arange(10))
            plain_times.append(time.perf_counter() - started)
        rec.add("plain partial_fit", setting, "seconds per epoch (median)", float(np.median(plain_times)), "s")
        rec.add("plain partial_fit", setting, f"test accuracy after {epochs} epochs",
                100 * plain.score(x_test, y_test), "%")
        trainer = mlp.MLPTrainer(mlp.MLPSettings(activation=activation, epochs=epochs), x_train, y_train,
                                 x_test, y_test)
        page_times = []
        for _ in range(epochs):
            started = time.perf_counter()
            point = trainer.advance(1)
            page_times.append(time.perf_counter() - started)
        per_epoch = float(np.median(page_times))
        rec.add(model, setting, "seconds per epoch, page loop with measures", per_epoch, "s")
        rec.add(model, setting, "page loop / plain partial_fit", per_epoch / float(np.median(plain_times)), "x")
        rec.add(model, setting, "achieved GFLOP/s / matmul throughput",
                flop_epoch / per_epoch / 1e9 / gflops, "ratio")
        rec.add(model, setting, f"test accuracy after {epochs} epochs", 100 * point.test_accuracy, "%")
    if not quick:
        trainer = mlp.MLPTrainer(mlp.MLPSettings(activation="relu", epochs=30), x_train, y_train, x_test, y_test)
        reached = None
        while not trainer.done and reached is None:
            point = trainer.advance(1)
            if point.test_accuracy >= mlp.TARGET_ACCURACY:
                reached = point
        setting = "relu, adam 0.001, batch 100, up to 30 epochs"
        if reached is not None:
            rec.add(model, setting, "epochs to reach 97.5 % test", reached.step, "epochs")
            rec.add(model, setting, "seconds to reach 97.5 % test", reached.seconds, "s")
        else:
            rec.add(model, setting, "epochs to reach 97.5 % test", "not reached", "")
    rec.add("machine", "this benchmark process", "peak resident memory",
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")


def bench_limits_grids(rec: Recorder, arrays) -> None:
    """The "Limites" page's four experiments through a 2-slot hub, each as the first student opening it.

    Runs already computed for an earlier experiment are shared (remedies reuse the overfitting runs).
    """
    from core.lesson import experiments as ex
    from core.models import registry
    from core.training.hub import RunHub

    grids = {
        "overfitting (3 sizes)": ex.overfit_by_size(),
        "remedies (L2 1.0, fewer neurons; others shared)": {name: ex.remedy(name, 1.0) for name in
                                                             ("none", "l2", "more_data", "fewer_neurons")},
        "plateau (2 models, 60 000 digits)": {"softmax": ex.PLATEAU_SOFTMAX, "mlp": ex.PLATEAU_MLP},
        "slow learning (3 runs)": ex.SLOW_LEARNING,
    }
    hub = RunHub(slots=2)
    for grid, settings_by_name in grids.items():  # one at a time, as the page shows them
        started = time.perf_counter()
        runs = [hub.run(settings, lambda s=settings: registry.make_trainer(s, *arrays), settings.total_steps,
                        settings.chunk) for settings in settings_by_name.values()]
        while not all(run.finished for run in runs):
            for run in runs:
                run.want("benchmark", run.total_steps)  # keep watching, as the page's fragment does
            time.sleep(0.05)
        rec.add("limits page", grid, "wall time until its chart is complete", time.perf_counter() - started, "s")
    rec.add("limits page", "all four experiments, 2 slots", "distinct trainings", hub.created_count, "runs")


def bench_translation(rec: Recorder, mnist, arrays, quick: bool) -> None:
    """The translation page's measurements: accuracy against the shift for one trained model."""
    from core.lesson import translation

    settings = softmax_regression.SoftmaxSettings(eval_every=1000)
    trainer = softmax_regression.SoftmaxTrainer(settings, *arrays)
    checkpoint.train_to_end(trainer)
    model = trainer.final_model()
    predict = lambda rows: model.predict_proba(rows).argmax(axis=1)  # noqa: E731
    seconds, curves = best_of(1, lambda: translation.shift_curves(predict, mnist.x_test, mnist.y_test, 8))
    rec.add("translation page", "10 neurons, 25 shifts × 10 000 digits", "accuracy-vs-shift curves", seconds, "s")
    rec.add("translation page", "10 neurons, horizontal", "test accuracy at 0 / 4 pixels",
            f"{100 * curves['horizontal'][0]:.1f} / {100 * curves['horizontal'][4]:.1f}", "%")
    if not quick:
        sample = data.stratified_subset(mnist.y_test, 2000, seed=0)
        seconds, _ = best_of(1, lambda: translation.accuracy_grid(predict, mnist.x_test[sample],
                                                                 mnist.y_test[sample], 8))
        rec.add("translation page", "10 neurons, 289 shifts × 2 000 digits", "dx × dy accuracy map", seconds, "s")


def bench_convolution(rec: Recorder, quick: bool) -> None:
    """The convolution page's networks (benchmarks/convnet_bench.py): accuracy, accuracy at 4 pixels, speed."""
    from convnet_bench import convnet_records

    for record in convnet_records(quick):
        rec.add(record["model"], record["setting"], record["metric"], record["value"], record["unit"])


def bench_reference(rec: Recorder, arrays, quick: bool) -> None:
    x_train, y_train, x_test, y_test = arrays
    for size in ([10000] if quick else [10000, 60000]):
        result = fit_logistic_regression(x_train, y_train, x_test, y_test, size, seed=0)
        setting = f"{size} digits, lbfgs, max_iter 100"
        rec.add("LogisticRegression", setting, "fit time", result.fit_seconds, "s")
        rec.add("LogisticRegression", setting, "test accuracy", 100 * result.test_accuracy, "%")


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# Times taken by the browser itself: from the click on Start (the input event's own time stamp) to the
# animation frame that first paints what the student waits for. Playwright's own wait for an element
# polls at its own pace (up to half a second late, measured beside it) and its calls queue behind a
# busy page: neither is anything a student sees.
WATCH_SCRIPT = r"""
([selector, text, exact]) => {
  window.__clicked = null;
  window.__shown = null;
  document.addEventListener('click', (event) => { if (window.__clicked === null) window.__clicked = event.timeStamp; },
                            {capture: true, once: true});
  const matches = (element) => {
    const words = element.textContent.replace(/\s+/g, ' ').trim();
    return exact ? words === text : words.includes(text);
  };
  const observer = new MutationObserver(() => {
    if ([...document.querySelectorAll(selector)].some(matches)) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__shown = performance.now(); });
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}
"""


def click_to_shown(page, button, selector: str, text: str, exact: bool) -> float:
    """Seconds from a click on ``button`` to the first frame painted with ``text`` in a ``selector``
    element, as the browser clocks them (see ``WATCH_SCRIPT``)."""
    page.evaluate(WATCH_SCRIPT, [selector, text, exact])
    button.click()
    page.wait_for_function("window.__shown !== null && window.__clicked !== null", timeout=300_000, polling=100)
    return page.evaluate("(window.__shown - window.__clicked) / 1000")


def bench_browser(rec: Recorder, arrays, repeats: int = 3) -> None:
    """One student alone on the real server (README's command), in Debian's Chromium.

    From a click on Start to what the student waits for: the 10-neuron default run's result
    (beside the plain numpy loop of the same run, measured now on this machine) and the
    5-layer network's first epoch on screen. Measured once the server's warm-up is over (the
    lesson's models ready), each time with a seed no earlier run used (nothing computed yet),
    on a page that has finished loading and a server whose workers are quiet again.
    """
    from playwright.sync_api import sync_playwright

    from benchmarks.app_server import start_app, stop_app, wait_until_quiet
    from core.texts import t
    from tests.browser.helpers import PROTOCOL_SCRIPT, wait_for_app

    if not CHROMIUM.exists():
        print("  (no /usr/bin/chromium: the browser figures are skipped)")
        return
    x_train, y_train, x_test, y_test = arrays
    y_onehot = data.one_hot(y_train)
    plain = []  # the plain loop again before each attempt: a shared machine's speed drifts by 20 %
    process, base = start_app(ROOT / "test-artifacts" / "benchmark-server.log", 60)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.add_init_script(PROTOCOL_SCRIPT)  # what wait_for_app reads: the runs the server started
            started = time.perf_counter()
            page.goto(f"{base}/translation?lang=en")
            ready = page.get_by_text(t("trans_model_ready", "en", accuracy="").split("—")[0].strip() + " —")
            while ready.count() < 3:
                if time.perf_counter() - started > 600:
                    raise RuntimeError("the lesson's models were not ready within 10 minutes")
                page.wait_for_timeout(500)
            rec.add("server", "README's command, fresh clone", "warm-up: the lesson's 3 models ready",
                    time.perf_counter() - started, "s")
            softmax, first_epoch = [], []
            for attempt in range(repeats):
                seed = 9000 + attempt
                page.goto(f"{base}/training?lang=en&seed={seed}")
                start = page.get_by_role("button", name=t("run_start", "en"), exact=True)
                start.wait_for()
                wait_for_app(page)  # from Start on a page that has finished loading, as a student clicks it
                wait_until_quiet(process.pid)  # and on a quiet server (the last network's epoch has ended)
                plain.append(best_of(2, lambda: plain_numpy_loop(x_train, y_onehot, x_test, y_test, 10000))[0])
                softmax.append(click_to_shown(page, start, "h2", t("final_title", "en"), exact=False))
                page.goto(f"{base}/five-layers?lang=en&seed={seed}")
                start = page.get_by_role("button", name=t("run_start", "en"), exact=True)
                start.wait_for()
                wait_for_app(page)
                wait_until_quiet(process.pid)
                first_epoch.append(click_to_shown(page, start, '[data-testid="stProgress"] p',
                                                  t("run_progress", "en", step=1, total=20,
                                                    unit=t("unit_epochs", "en")), exact=True))
                page.get_by_role("button", name=t("run_reset", "en"), exact=True).click()
            browser.close()
    finally:
        stop_app(process)
    setting = "page default: 10 000 it, measured every 100"
    ratios = np.array(softmax) / np.array(plain)
    print(f"  (each attempt: Start to result {', '.join(f'{v:.2f}' for v in softmax)} s; plain loop "
          f"{', '.join(f'{v:.2f}' for v in plain)} s; first epoch {', '.join(f'{v:.2f}' for v in first_epoch)} s)")
    rec.add("plain numpy loop", "lr 0.003, batch 100, 10000 it", "train time before each attempt, median",
            float(np.median(plain)), "s")
    rec.add("softmax (10 neurons)", setting, "Start to result, Chromium, median", float(np.median(softmax)), "s")
    rec.add("softmax (10 neurons)", setting, "Start to result / plain numpy loop, median", float(np.median(ratios)),
            "x")
    rec.add("mlp (5 layers)", "page default: 200-100-60-30 sigmoid", "Start to first epoch on screen, median",
            float(np.median(first_epoch)), "s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a short version, under a minute")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--skip-page", action="store_true", help="do not measure the page through AppTest")
    parser.add_argument("--skip-browser", action="store_true",
                        help="do not measure one student's runs through the real server in Chromium")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    import scipy
    import sklearn
    import sklearn.linear_model  # noqa: F401  (loads OpenMP, to be limited below)
    import streamlit

    threads.limit_loaded_libraries()

    rec = Recorder()
    print(f"{'model':<24} {'setting':<34} {'metric':<34} {'value':>12} unit")
    rec.add("machine", platform.machine(), "cores", os.cpu_count(), "cores")
    for name, module in (("python", platform), ("numpy", np), ("scipy", scipy), ("scikit-learn", sklearn),
                         ("streamlit", streamlit)):
        version = platform.python_version() if name == "python" else module.__version__
        rec.add("machine", name, "version", version, "")
    blas = [f"{i['internal_api']} {i.get('version')}" for i in threadpool_info() if i["user_api"] == "blas"]
    rec.add("machine", "BLAS (1 thread per computation)", "library", ", ".join(blas), "")

    mnist = data.load_mnist()
    arrays = (data.as_rows(mnist.x_train), mnist.y_train, data.as_rows(mnist.x_test), mnist.y_test)
    bench_figures(rec, mnist)
    bench_softmax(rec, arrays, args.quick)
    if not args.skip_page:
        bench_pages(rec)
        bench_page(rec)
    if not args.skip_browser:
        bench_drawing(rec, mnist)
        bench_browser(rec, arrays, 1 if args.quick else 3)
    bench_reference(rec, arrays, args.quick)
    bench_mlp(rec, arrays, args.quick)
    bench_translation(rec, mnist, arrays, args.quick)
    bench_convolution(rec, args.quick)
    if not args.quick:
        bench_limits_grids(rec, arrays)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(rec.records, indent=2, ensure_ascii=False) + "\n")
    print(f"\n{len(rec.records)} figures written to {args.output}")


if __name__ == "__main__":
    main()
