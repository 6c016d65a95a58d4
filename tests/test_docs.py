"""Docs that tests keep honest: every command has its section in docs/cli.md, every option is named."""

from pathlib import Path

import typer.main

from jixiao.cli import app

CLI_DOC = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    group = typer.main.get_command(app)
    missing = [name for name in group.commands if f"## `jixiao {name}" not in CLI_DOC]
    assert missing == []


def test_every_option_is_documented():
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in CLI_DOC:
                    missing.append(f"{name} {opt}")
    assert missing == []
