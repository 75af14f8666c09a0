"""The production seed and demo reset (issue 3). Use seed.runner; `python -m seed` is the CLI."""
