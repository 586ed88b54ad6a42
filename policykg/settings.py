"""Where the graph lives: the user's own Neo4j (NEO4J_URI) or the project's managed server.

If NEO4J_URI is set, in the environment or in a `.env` file (cwd first, then the repository
root; the environment wins per key), policykg uses that server with NEO4J_USER (or
NEO4J_USERNAME), NEO4J_PASSWORD and NEO4J_DATABASE, and starts nothing. Otherwise it uses the
server that `policykg neo4j start` runs (graph/neo4j_server.py): bolt://127.0.0.1:<port>, user
neo4j, the password from that server's 0600 password file.

The password is a SecretStr: it shows as '**********' in repr, str and logs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import neo4j
from pydantic import BaseModel, ConfigDict, SecretStr

from policykg.paths import REPO_ROOT

if TYPE_CHECKING:
    from policykg.graph.neo4j_server import ServerConfig

_KEYS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


class Neo4jSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    uri: str
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"
    managed: bool  # True: the project's own server (graph/neo4j_server.py)


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; '#' comments, blank lines, `export ` and surrounding quotes handled.

    A minimal parser on purpose: this is all policykg needs, and it avoids a dependency.
    """
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return values
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        key, value = line.split("=", 1)
        key, value = key.strip(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:  # trailing comment on an unquoted value
            value = value.split(" #", 1)[0].rstrip()
        values[key] = value
    return values


def _neo4j_environment() -> dict[str, str]:
    merged: dict[str, str] = {}
    # Lowest precedence first: repository root .env, then cwd .env, then the environment.
    for path in dict.fromkeys([REPO_ROOT / ".env", Path.cwd() / ".env"]):
        merged.update({k: v for k, v in read_dotenv(path).items() if k in _KEYS})
    merged.update({k: v for k, v in os.environ.items() if k in _KEYS})
    return merged


def managed_settings(config: ServerConfig | None = None) -> Neo4jSettings:
    """Settings for a managed server (the default one unless a ServerConfig is given).

    The password is empty until the server's first start creates it.
    """
    from policykg.graph import neo4j_server  # lazy: keeps `import settings` light

    config = config or neo4j_server.default_config()
    return Neo4jSettings(
        uri=config.bolt_uri,
        user=neo4j_server.USER,
        password=SecretStr(neo4j_server.read_password(config) or ""),
        database="neo4j",
        managed=True,
    )


def neo4j_settings() -> Neo4jSettings:
    env = _neo4j_environment()
    if env.get("NEO4J_URI"):
        return Neo4jSettings(
            uri=env["NEO4J_URI"],
            user=env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or "neo4j",
            password=SecretStr(env.get("NEO4J_PASSWORD", "")),
            database=env.get("NEO4J_DATABASE") or "neo4j",
            managed=False,
        )
    return managed_settings()


def get_driver(settings: Neo4jSettings | None = None, **config) -> neo4j.Driver:
    """A driver for the settings; the caller closes it (or uses it in a `with`)."""
    settings = settings or neo4j_settings()
    auth = (settings.user, settings.password.get_secret_value())
    return neo4j.GraphDatabase.driver(settings.uri, auth=auth, **config)
