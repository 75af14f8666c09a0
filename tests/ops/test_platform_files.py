"""The deployment files agree with the app: one start command, the port the app listens on, a health path
the app serves; every setting documented. Parsed from the files themselves (no platform needed)."""

import json
import re
import shlex

import pytest
import yaml
from dotenv import dotenv_values
from pydantic import ValidationError

from lib.api import routes
from lib.config import PROJECT_ROOT, Settings
from lib.start import parse_args

START_COMMAND = ["python", "-m", "lib.start"]
HEALTH_PATH = "/api/health"
DEFAULT_PORT = Settings.model_fields["port"].default
SETTINGS = {name.upper() for name in Settings.model_fields}
SERVED_PATHS = {route.path for route in routes()}


def read(name: str) -> str:
    return (PROJECT_ROOT / name).read_text()


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", read("Dockerfile"))
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def instruction(name: str) -> list[str]:
    return [args for instr, args in dockerfile_instructions() if instr == name]


def runtime_stage() -> list[tuple[str, str]]:
    steps = dockerfile_instructions()
    last_from = max(i for i, (instr, _) in enumerate(steps) if instr == "FROM")
    return steps[last_from:]


def test_the_app_serves_the_health_path_and_binds_all_interfaces_on_port_from_the_environment(monkeypatch):
    assert HEALTH_PATH in SERVED_PATHS and "/metrics" in SERVED_PATHS
    assert parse_args([]).host == "0.0.0.0" and parse_args([]).port is None  # None: $PORT, else 8501
    monkeypatch.setenv("PORT", "10000")
    assert Settings(_env_file=None).port == 10000
    assert DEFAULT_PORT == 8501


def test_dockerfile_is_multi_stage_slim_non_root_and_checks_health_on_the_app_port():
    froms = instruction("FROM")
    assert len(froms) >= 2 and all("slim" in f for f in froms)
    runtime = runtime_stage()
    users = [args for instr, args in runtime if instr == "USER"]
    assert users and users[-1] not in {"root", "0"}
    assert json.loads(instruction("CMD")[-1]) == START_COMMAND
    assert instruction("EXPOSE") == [str(DEFAULT_PORT)]
    assert any(f"PORT={DEFAULT_PORT}" in env for env in instruction("ENV"))
    healthcheck = instruction("HEALTHCHECK")[-1]
    assert f"{HEALTH_PATH}'" in healthcheck and "os.environ.get('PORT', '8501')" in healthcheck
    assert not [args for instr, args in runtime if instr == "RUN" and "pip install" in args]  # pip stays in build


def test_dockerignore_lets_in_exactly_what_the_dockerfile_copies():
    allowed = {line[1:].rstrip("/") for line in read(".dockerignore").splitlines() if line.startswith("!")}
    assert "*" in read(".dockerignore").splitlines()  # deny everything, then let in what runs
    copied = set()
    for args in instruction("COPY"):
        if "--from" not in args:
            copied.update(source.rstrip("/").removeprefix("./") for source in shlex.split(args)[:-1])
    assert copied == allowed
    assert not {".env", ".git", "tests", "bench", "data", ".venv"} & allowed
    for source in copied:
        assert (PROJECT_ROOT / source).exists(), f"the Dockerfile copies {source}, which is not in the repository"


# Top-level entries that are not part of the running app (the image leaves them out on purpose).
NOT_IN_IMAGE = {".ci", ".dockerignore", ".env.example", ".env.staging.example", ".gitignore", "Dockerfile",
                "Makefile", "README.md", "bench", "pyproject.toml", "railway.json", "render.yaml",
                "requirements-dev.txt", "tests"}


def test_every_top_level_file_of_the_repository_is_either_in_the_image_or_known_not_to_run():
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    top_level = {path.split("/", 1)[0] for path in tracked.stdout.splitlines()}
    copied = {source.rstrip("/").removeprefix("./") for args in instruction("COPY") if "--from" not in args
              for source in shlex.split(args)[:-1]}
    unknown = top_level - copied - NOT_IN_IMAGE
    assert not unknown, f"new top-level {sorted(unknown)}: COPY it in the Dockerfile (and .dockerignore) or list it here"


def test_railway_json_builds_the_dockerfile_starts_the_app_and_checks_health():
    config = json.loads(read("railway.json"))
    assert config["build"]["builder"] == "DOCKERFILE"
    assert (PROJECT_ROOT / config["build"]["dockerfilePath"]).is_file()
    deploy = config["deploy"]
    assert shlex.split(deploy["startCommand"]) == START_COMMAND
    assert deploy["healthcheckPath"] == HEALTH_PATH
    assert 10 < deploy["healthcheckTimeout"] <= 300  # above our 10 s start, below Railway's maximum
    assert deploy["restartPolicyType"] == "ON_FAILURE" and 0 < deploy["restartPolicyMaxRetries"] <= 10


def render_web_service() -> tuple[dict, dict]:
    blueprint = yaml.safe_load(read("render.yaml"))
    web = [s for s in blueprint["services"] if s["type"] == "web"]
    assert len(web) == 1
    return blueprint, web[0]


def test_render_yaml_runs_the_dockerfile_with_the_start_command_port_and_health_path():
    _, web = render_web_service()
    assert web["runtime"] == "docker" and (PROJECT_ROOT / web["dockerfilePath"]).is_file()
    assert shlex.split(web["dockerCommand"]) == START_COMMAND
    assert web["healthCheckPath"] == HEALTH_PATH
    env = {var["key"]: var for var in web["envVars"]}
    assert env["PORT"]["value"] == str(DEFAULT_PORT)
    assert env["APP_ENV"]["value"] == "prod"


def test_render_yaml_feeds_database_url_from_its_managed_postgres_and_generates_the_cookie_key():
    blueprint, web = render_web_service()
    env = {var["key"]: var for var in web["envVars"]}
    databases = {db["name"] for db in blueprint["databases"]}
    assert env["DATABASE_URL"]["fromDatabase"] == {"name": env["DATABASE_URL"]["fromDatabase"]["name"],
                                                   "property": "connectionString"}
    assert env["DATABASE_URL"]["fromDatabase"]["name"] in databases
    assert env["AUTH_COOKIE_KEY"] == {"key": "AUTH_COOKIE_KEY", "generateValue": True}
    assert set(env) <= SETTINGS, f"render.yaml sets variables the app does not read: {set(env) - SETTINGS}"
    secrets = {"DEFAULT_ADMIN_PASSWORD", "S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID"}
    assert all(env[name].get("sync") is False for name in secrets)  # asked at setup, never in the repository


def test_make_run_uses_the_same_start_command():
    run_recipe = read("Makefile").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "-m lib.start" in run_recipe and "PORT=$(PORT)" in run_recipe


def documented_names(name: str) -> set[str]:
    """NAME in `NAME=value` or `# NAME=default` lines."""
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", read(name), flags=re.MULTILINE))


@pytest.mark.parametrize("name", [".env.example", ".env.staging.example"])
def test_every_setting_is_documented_and_nothing_unknown_is(name):
    documented = documented_names(name)
    assert SETTINGS - documented == set(), f"{name} does not document {sorted(SETTINGS - documented)}"
    assert documented - SETTINGS == set(), f"{name} documents variables the app does not read"


def test_env_example_loads_as_is_and_its_commented_defaults_are_the_real_defaults():
    assert Settings(_env_file=PROJECT_ROOT / ".env.example").app_env == "dev"
    defaults = dict(re.findall(r"^# ([A-Z][A-Z0-9_]+)=(.+)$", read(".env.example"), flags=re.MULTILINE))
    for key in ("PORT", "LOG_LEVEL", "AUTH_COOKIE_NAME", "S3_REGION", "MAX_UPLOAD_MB", "DUES_GRACE_DAYS",
                "GRIEVANCE_DUE_SOON_DAYS", "ADMIN_EMAIL", "LOCAL_NAME"):
        assert defaults[key] == str(Settings.model_fields[key.lower()].default), key
    assert json.loads(defaults["GRIEVANCE_DAYS_PER_STEP"]) == Settings.model_fields["grievance_days_per_step"].default


def test_staging_example_is_refused_until_its_placeholders_are_replaced(tmp_path):
    with pytest.raises(ValidationError, match="AUTH_COOKIE_KEY is missing or a placeholder"):
        Settings(_env_file=PROJECT_ROOT / ".env.staging.example")
    values = dotenv_values(PROJECT_ROOT / ".env.staging.example")
    values["AUTH_COOKIE_KEY"] = "Zq8vT2mX9pL4rN7sY1bC6hJ0uE5aGdK3wQ8tV2zM"
    filled = tmp_path / ".env"
    filled.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
    settings = Settings(_env_file=filled)
    assert settings.app_env == "staging" and settings.s3_configured and len(settings.holidays) == 6
