"""``python -m macrodesk.cli`` runs the ``macrodesk`` command."""

from macrodesk.cli import main

main()
