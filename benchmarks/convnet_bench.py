"""Speed and accuracy of the hand-written convolutional networks (core/models/convnet/), one thread.

    python benchmarks/convnet_bench.py            # full figures (a few minutes)
    python benchmarks/convnet_bench.py --quick    # seconds per epoch extrapolated from a few hundred batches

``convnet_records(quick)`` returns records {"model", "setting", "metric",
"value", "unit"} as benchmarks/run.py does: the shipped networks' accuracy on
the test digits, as they are and moved by 4 pixels (worst of the 8
directions), the seconds of one training epoch on the 60 000 digits (CPU time
of this process, one BLAS thread, as on the app's server), its analytic
floating-point work (core.models.convnet.epoch_flops) beside the machine's
float32 matrix-multiply rate, the time to predict the 10 000 test digits, and
the live network's first epoch through the page's trainer.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.training import threads  # noqa: E402

threads.one_thread_each()

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from core import data  # noqa: E402
from core.lesson import translation  # noqa: E402
from core.models.convnet import architectures, optimizers, shipped  # noqa: E402
from core.models.convnet.network import PREDICT_BATCH, ConvNet  # noqa: E402
from core.models.convnet.train import RECIPES  # noqa: E402
from core.models.convnet.training import ConvNetSettings, ConvNetTrainer  # noqa: E402

MODELS = {"lesson": "CNN", "global_pooling": "CNN global pooling"}
MATMUL_SIZE = 2048
QUICK_BATCHES = 300
SLICE = 100  # batches timed between two measures of the matrix product
LIVE_SIZES = (5000, 10000)


_operands: list[np.ndarray] = []


def matmul_gflops(size: int = MATMUL_SIZE, repeats: int = 5) -> float:
    """The machine's float32 matrix-multiply rate, one thread: best of ``repeats`` size×size products."""
    if not _operands or _operands[0].shape != (size, size):
        _operands[:] = [np.random.default_rng(seed).random((size, size), dtype=np.float32) for seed in (0, 1)]
        _operands[0] @ _operands[1]
    a, b = _operands
    best = min(_cpu_seconds(lambda: a @ b) for _ in range(repeats))
    return 2 * size**3 / best / 1e9


def _cpu_seconds(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def epoch_seconds(settings: ConvNetSettings, batches: int | None) -> tuple[float, float, float, int]:
    """CPU seconds of one training epoch on the 60 000 digits, and the ratio of its rate to the matmul's.

    The loop is the trainer's (a batch gathered from the shared rows, one step),
    without its checkpoints, timed in slices of :data:`SLICE` batches; the whole
    epoch, or only ``batches`` batches extrapolated to the epoch. This shared
    machine's speed drifts (its matrix product alone varies from 80 to 150 GFLOP/s
    from one second to the next), so a 2048² product is timed after every slice,
    and the ratio is the median over slices of the slice's rate to the faster of
    the two products around it; the best case is the fastest slice's rate to the
    fastest product's. Returns (seconds per epoch, ratio, best-case ratio, batches timed).
    """
    rows = data.training_rows()
    network = ConvNet(settings.network_architecture(), seed=settings.seed)
    optimizer = optimizers.OPTIMIZERS[settings.optimizer](settings.learning_rate)
    order = np.random.default_rng(settings.seed).permutation(rows.y_train.size)
    per_epoch = rows.y_train.size // settings.batch_size
    count = per_epoch if batches is None else min(batches, per_epoch)
    flops_per_batch = architectures.epoch_flops(network.architecture, settings.batch_size)

    def step(k: int) -> None:
        batch = order[k * settings.batch_size:(k + 1) * settings.batch_size]
        network.train_step(rows.x_train[batch].reshape(-1, 28, 28, 1), rows.y_train[batch].astype(np.intp), optimizer)

    for k in range(5):  # warm-up: the work buffers are allocated
        step(k)
    total, ratios, rates, matmuls = 0.0, [], [], [matmul_gflops(repeats=1)]
    for start in range(0, count, SLICE):
        stop = min(count, start + SLICE)
        seconds = _cpu_seconds(lambda batches=range(start, stop): [step(k) for k in batches])
        matmuls.append(matmul_gflops(repeats=1))
        total += seconds
        rates.append((stop - start) * flops_per_batch / seconds / 1e9)
        ratios.append(rates[-1] / max(matmuls[-2:]))
    return total * per_epoch / count, float(np.median(ratios)), max(rates) / max(matmuls), count

def live_first_epoch(train_size: int) -> tuple[float, float, float]:
    """The live network's first epoch through the page's trainer: (seconds to the first checkpoint,
    seconds to the end of the epoch, test accuracy), CPU time, checkpoints included."""
    rows = data.training_rows()
    settings = ConvNetSettings(train_size=train_size, epochs=1)
    trainer = ConvNetTrainer(settings, rows.x_train, rows.y_train, rows.x_test, rows.y_test)
    started = time.process_time()
    point = trainer.advance(settings.chunk)
    first = time.process_time() - started
    while not trainer.done:
        point = trainer.advance(settings.chunk)
    return first, time.process_time() - started, point.test_accuracy


def convnet_records(quick: bool) -> list[dict]:
    """The figures of the shipped networks and of their training, as benchmark records."""
    records: list[dict] = []

    def add(model: str, setting: str, metric: str, value, unit: str) -> None:
        if isinstance(value, (float, np.floating)):
            value = float(f"{float(value):.6g}")
        records.append({"model": model, "setting": setting, "metric": metric, "value": value, "unit": unit})
        print(f"  {model:<20} {setting:<44} {metric:<38} {value!s:>10} {unit}", flush=True)

    mnist = data.shared_mnist()
    rows = data.training_rows()
    with threadpool_limits(limits=1, user_api="blas"):
        gflops = matmul_gflops()
        add("CNN", f"float32 {MATMUL_SIZE}×{MATMUL_SIZE}, 1 thread", "matmul throughput", gflops, "GFLOP/s")
        for name, model in MODELS.items():
            recorded = shipped.SHIPPED[name]
            network = shipped.load_shipped(name)
            settings = RECIPES[name]
            described = f"{recorded.file}, {network.parameter_count} weights"
            seconds = min(_cpu_seconds(lambda model=network: model.predict(rows.x_test)) for _ in range(1 if quick else 3))
            predictions = network.predict(rows.x_test)
            add(model, described, "test accuracy", 100 * float(np.mean(predictions == rows.y_test)), "%")
            if quick:  # the worst direction recorded when the network was shipped
                dx, dy = recorded.worst_shift
                shifted = translation.accuracy_for_shifts(network.predict, mnist.x_test, mnist.y_test,
                                                                  [(dx, dy)])[0]
                worst = (dx, dy)
            else:
                accuracies = shipped.shift_accuracies(network, mnist.x_test, mnist.y_test)
                worst = min(accuracies, key=accuracies.get)
                shifted = accuracies[worst]
            add(model, f"worst of 8 directions: ({worst[0]:+d}, {worst[1]:+d})", "test accuracy at 4 pixels",
                100 * shifted, "%")
            add(model, f"10 000 test digits, {PREDICT_BATCH} at a time", "seconds to predict 10 000 test digits",
                seconds, "s")
            per_epoch, ratio, best_ratio, timed = epoch_seconds(settings, QUICK_BATCHES if quick else None)
            work = architectures.epoch_flops(network.architecture, 60000)
            setting = (f"60 000 digits, batch {settings.batch_size}, {settings.optimizer}"
                       + (f", from {timed} batches" if quick else ""))
            add(model, setting, "seconds per epoch", per_epoch, "s (CPU, 1 thread)")
            add(model, "forward 2·MACs, backward 4·MACs (first layer 2·MACs)", "epoch GFLOP", work / 1e9, "GFLOP")
            add(model, setting, "achieved rate (epoch GFLOP / seconds)", work / per_epoch / 1e9, "GFLOP/s")
            add(model, f"median of {SLICE}-batch slices, each to the matmul timed beside it",
                "ratio to matmul throughput", ratio, "ratio")
            add(model, f"fastest {SLICE}-batch slice to the fastest matmul", "ratio to matmul throughput, best case",
                best_ratio, "ratio")
        live = ConvNetSettings()
        for size in LIVE_SIZES[:1] if quick else LIVE_SIZES:
            first, epoch, accuracy = live_first_epoch(size)
            setting = (f"live {live.filters} {live.kernel_size}×{live.kernel_size}, {size} digits, "
                       f"chunks of {live.chunk} batches")
            add("CNN", setting, "seconds to the first checkpoint", first, "s (CPU, 1 thread)")
            add("CNN", setting, "seconds to the end of the first epoch", epoch, "s (CPU, 1 thread)")
            add("CNN", setting, "test accuracy after one epoch", 100 * accuracy, "%")
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="extrapolate the epoch from a few hundred batches")
    args = parser.parse_args()
    print(f"  {'model':<20} {'setting':<44} {'metric':<38} {'value':>10} unit")
    convnet_records(args.quick)


if __name__ == "__main__":
    main()
