"""The public surface of macrodesk.models is what we meant it to be."""

from __future__ import annotations


def test_models_exports_are_what_we_meant():
    import macrodesk.models as M

    assert sorted(M.__all__) == M.__all__
    assert set(M.__all__) == set(M._EXPORTS)
    for name in M.__all__:
        assert getattr(M, name) is not None
