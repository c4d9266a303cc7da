"""``python -m macrodesk`` runs the ``macrodesk`` command."""

from macrodesk.cli import main

main()
