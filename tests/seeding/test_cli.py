"""`python -m seed` as an operator uses it: the 18 steps, the counts, status, reset, bad input."""

import pytest

from seed.cli import main
from seed.steps import STEPS
from tests.seedutil import SEED_AS_OF


def test_seed_status_and_reset_on_a_fresh_sqlite_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("APP_ENV", "dev")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "--as-of", SEED_AS_OF.isoformat()]) == 0
    out = capsys.readouterr().out
    for step in STEPS:
        assert f"[{step.no:>2}/18] {step.title}" in out
    assert ["members", "1,000"] in [line.split() for line in out.splitlines()]
    assert "seed done in" in out

    assert main(["--database-url", url]) == 1
    assert "already present" in capsys.readouterr().err

    assert main(["--database-url", url, "--status"]) == 0
    assert "seed-" in capsys.readouterr().out

    assert main(["--database-url", url, "--reset"]) == 0
    out = capsys.readouterr().out
    assert "reset done in" in out and "members" in out


@pytest.mark.parametrize("scale", ["0", "ten", "100000"])
def test_a_bad_scale_is_refused_with_a_clear_message(scale, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--scale", scale])
    assert info.value.code == 2
    assert "--scale must be" in capsys.readouterr().err
