"""API keys for the LLM engine: keys set / show / path / remove.

The key is read from a hidden prompt or standard input, never from the command line (where
shell history and `ps` would keep it), and is never printed in full.
"""

from __future__ import annotations

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

keys_app = typer.Typer(
    help="Manage the API key of the LLM engine (stored in a file only you can read, mode 0600)."
    + examples("mock-interview keys set", "printf '%s' \"$KEY\" | mock-interview keys set",
               "mock-interview keys show"),
    no_args_is_help=True,
)


@keys_app.command("set")
def keys_set(ctx: typer.Context) -> None:
    """Store the API key: typed at a hidden prompt, or read from standard input."""
    from mock_interview.services import llm

    env = env_of(ctx)
    if env.stdin_isatty:
        import getpass

        key = getpass.getpass("API key (input hidden): ", stream=env.stderr)
    else:
        key = env.stdin.readline()
    path = llm.set_key(env.app, key)
    status = llm.key_status(env.app)
    env.success(f"Key {llm_mask(key)} saved in {path} (mode 0600).")
    if status["source"] == "env":
        env.warn("OPENAI_API_KEY is set in your environment and takes precedence over the file.")


def llm_mask(key: str) -> str:
    from mock_interview.engines.structured import mask_secret

    return mask_secret(key.strip())


@keys_app.command("show")
def keys_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show which key is in use (masked) and where it comes from."""
    from mock_interview.services import llm

    env = env_of(ctx)
    status = llm.key_status(env.app)
    if status["keys_file_error"] and status["source"] != "env":
        llm.resolve_key(env.app)  # refuses the file exactly as `interview` and `doctor` do (exit 3)
    if as_json:
        env.emit_json(status)
        return
    if status["keys_file_error"]:
        env.warn(status["keys_file_error"])
    if not status["configured"]:
        env.info(f"No API key. Set one with: mock-interview keys set (or {status['env_variable']}). "
                 "A local server needs none: OPENAI_BASE_URL=http://127.0.0.1:8080/v1")
        return
    where = f"${status['env_variable']}" if status["source"] == "env" else status["keys_file"]
    env.out.print(f"{status['masked']}  (from {where})")


@keys_app.command("path")
def keys_path(ctx: typer.Context) -> None:
    """Print where the keys file lives."""
    from mock_interview.services import llm

    env = env_of(ctx)
    env.out.print(str(llm.keys_path(env.app)), soft_wrap=True)


@keys_app.command("remove")
def keys_remove(ctx: typer.Context) -> None:
    """Delete the stored key from the keys file."""
    from mock_interview.services import llm

    env = env_of(ctx)
    if llm.remove_key(env.app):
        env.success("Key removed.")
    else:
        env.info("No key was stored.")


keys_set.__doc__ += examples("printf '%s' \"$OPENAI_KEY\" | mock-interview keys set")
keys_show.__doc__ += examples("mock-interview keys show --json")
keys_path.__doc__ += examples("mock-interview keys path")
keys_remove.__doc__ += examples("mock-interview keys remove")


def install(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
