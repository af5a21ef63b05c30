"""Subcommands of ``bangfu``: each module here defines ``register(sub, common)``.

Feature areas add their commands by adding a module, so app/cli.py never needs editing.
``sub`` is the argparse subparsers object; ``common`` is a parent parser carrying --db.
"""
