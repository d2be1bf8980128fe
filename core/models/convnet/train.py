"""Train the page's two convolutional networks and ship them in data/ (seeded: the same run, the same weights).

    python -m core.models.convnet.train                   # both networks, as shipped (data/README.md)
    python -m core.models.convnet.train --which lesson    # one of them
    python -m core.models.convnet.train --validation      # choose: train on 50 000, measure on the 10 000 others
    python -m core.models.convnet.train --check           # evaluate the shipped files, verify their checksums

The lesson network must read at least 99 % of the 10 000 test digits; the
global-pooling network, trained on centred digits only, must still read 90 %
of them moved by 4 pixels in every direction. Architectures and epochs were
chosen with ``--validation`` (10 000 training digits held out), never on the
test digits, which are only measured at the end. The files' bytes depend on
the weights only (core.models.convnet.ConvNet.save), and the weights on the
seed, the BLAS and its thread count: the SHA-256 printed at the end goes to
``SHIPPED`` in core/models/convnet/shipped.py and to data/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from core import data
from core.models.convnet import architectures, shipped
from core.models.convnet.network import ConvNet
from core.models.convnet.training import ConvNetSettings, ConvNetTrainer

# How each shipped network is trained: all 60 000 training digits, seed 0.
RECIPES = {
    "lesson": ConvNetSettings(architecture="lesson", optimizer="adam", learning_rate=0.002, learning_rate_decay=0.6,
                              batch_size=32, epochs=5, train_size=60000, seed=0),
    "global_pooling": ConvNetSettings(architecture="global_pooling", optimizer="adam", learning_rate=0.002,
                                      learning_rate_decay=0.6, batch_size=32, epochs=6, train_size=60000, seed=0),
}
FILES = {"lesson": "convnet_lesson.npz", "global_pooling": "convnet_global_pooling.npz"}
VALIDATION_FRACTION = 1 / 6  # 10 000 of the 60 000 training digits, when choosing


def measure(network: ConvNet, images: np.ndarray, labels: np.ndarray) -> dict:
    """Accuracy on ``images`` (n, 28, 28) uint8 as they are and moved by 4 pixels in the 8 directions."""
    accuracy = float(np.mean(network.predict(images) == labels))
    shifted = shipped.shift_accuracies(network, images, labels)
    worst = min(shifted, key=shifted.get)
    return {"accuracy": accuracy, "shifted": shifted, "worst_shift": worst, "shift_accuracy": shifted[worst]}


def describe(name: str, figures: dict, digits: str) -> None:
    print(f"  {name}: {100 * figures['accuracy']:.2f} % of the {digits}")
    by_direction = ", ".join(f"({dx:+d},{dy:+d}) {100 * value:.2f}" for (dx, dy), value in figures["shifted"].items())
    print(f"  moved by {shipped.SHIFT} px (dx, dy): {by_direction}")
    worst = figures["worst_shift"]
    print(f"  worst direction ({worst[0]:+d}, {worst[1]:+d}): {100 * figures['shift_accuracy']:.2f} %")


def train(name: str, epochs: int | None = None, validation: bool = False,
          output: Path | None = None) -> ConvNet:
    """Train network ``name`` as its recipe says (``epochs`` may change it), printing each epoch."""
    rows, mnist = data.training_rows(), data.shared_mnist()
    settings = RECIPES[name]
    settings = dataclasses.replace(settings, epochs=epochs or settings.epochs,
                                   validation_fraction=VALIDATION_FRACTION if validation else 0.0)
    settings = dataclasses.replace(settings, eval_every=settings.batches_per_epoch)
    trainer = ConvNetTrainer(settings, rows.x_train, rows.y_train, rows.x_test, rows.y_test)
    network = trainer.network
    print(f"{name}: {len(network.layers)} layers, {network.parameter_count} weights, "
          f"{architectures.epoch_flops(network.architecture, trainer.pool.size) / 1e9:.0f} GFLOP per epoch, "
          f"{trainer.pool.size} training digits, {settings}", flush=True)
    started = time.process_time()
    for epoch in range(1, settings.epochs + 1):
        point = trainer.advance(settings.batches_per_epoch)
        line = (f"  epoch {epoch}: {time.process_time() - started:.0f} s of CPU, learning rate "
                f"{trainer.optimizer.learning_rate:.5f}, training digits {100 * point.train_accuracy:.2f} % "
                f"(loss {point.train_loss:.4f})")
        if validation:
            line += f", validation digits {100 * point.validation_accuracy:.2f} % (loss {point.validation_loss:.4f})"
        print(line, flush=True)
    network = trainer.final_model()
    if validation:
        held_out = trainer.validation
        describe(name, measure(network, mnist.x_train[held_out], mnist.y_train[held_out]), "validation digits")
        return network
    path = output or shipped.DATA_DIR / FILES[name]
    network.save(path)
    report(name, network, path)
    return network


def report(name: str, network: ConvNet, path: Path) -> dict:
    """Measure the saved network on the test digits and print its figures and checksum."""
    mnist = data.shared_mnist()
    figures = measure(network, mnist.x_test, mnist.y_test)
    checksum = shipped.file_sha256(path)
    print(f"{path} ({path.stat().st_size} bytes), SHA-256 {checksum}")
    describe(name, figures, "10 000 test digits")
    worst = tuple(int(v) for v in figures["worst_shift"])
    print(f'  SHIPPED["{name}"] = Shipped("{path.name}", "{checksum}", {figures["accuracy"]!r}, '
          f'{figures["shift_accuracy"]!r}, {worst})', flush=True)
    return figures


def check(names: list[str]) -> bool:
    """Evaluate the shipped files and compare with SHIPPED; True when everything matches."""
    good = True
    for name in names:
        expected = shipped.SHIPPED.get(name)
        if expected is None:
            print(f"{name}: not shipped yet")
            good = False
            continue
        try:
            network = shipped.load_shipped(name)
        except shipped.ShippedNetworkError as error:
            print(f"{name}: {error}")
            good = False
            continue
        figures = report(name, network, shipped.DATA_DIR / expected.file)
        matches = (figures["accuracy"] == expected.test_accuracy
                   and figures["shift_accuracy"] == expected.shift_accuracy
                   and tuple(figures["worst_shift"]) == tuple(expected.worst_shift))
        print(f"  checksum verified; figures {'as recorded' if matches else 'DIFFERENT from SHIPPED'}")
        good &= matches
    return good


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--which", choices=["lesson", "global_pooling", "both"], default="both")
    parser.add_argument("--epochs", type=int, help="instead of the recipe's")
    parser.add_argument("--validation", action="store_true",
                        help="train on 50 000 digits, measure on the 10 000 held out; write nothing")
    parser.add_argument("--check", action="store_true", help="only evaluate the shipped files and verify them")
    parser.add_argument("--curves", action="store_true",
                        help="only measure the shipped networks against the shift (data/convnet_curves.json)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads (the shipped files: 1)")
    args = parser.parse_args(argv)
    names = ["lesson", "global_pooling"] if args.which == "both" else [args.which]
    with threadpool_limits(limits=args.threads, user_api="blas"):
        if args.check:
            return 0 if check(names) else 1
        if not args.curves:
            for name in names:
                train(name, args.epochs, args.validation)
        if args.curves or not args.validation:
            print(f"accuracy against the shift written to {shipped.write_curves()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
