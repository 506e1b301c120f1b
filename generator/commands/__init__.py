"""Sub-commands of ``escp``: each module has ``register(subparsers)`` and a ``run(args)``."""
