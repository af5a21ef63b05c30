"""`bangfu --self-test` runs end to end from the source tree (the bundle runs the same code)."""

from app.cli import main


def test_self_test_passes(capsys):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "自检全部通过" in out and "生成公示PDF" in out
