"""A training run and its scheduling: checkpoints, the class's hub, worker processes, stored results."""
