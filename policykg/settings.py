"""Where the graph lives: the user's own Neo4j (NEO4J_URI) or the project's managed server.

If NEO4J_URI is set, in the environment or in a `.env` file (the checkout's, then the current
folder's; the environment wins per key), policykg uses that server with NEO4J_USER (or
NEO4J_USERNAME), NEO4J_PASSWORD and NEO4J_DATABASE, and starts nothing. Otherwise it uses the
server that `policykg neo4j start` runs (graph/neo4j_server.py): bolt://127.0.0.1:<port>, user
neo4j, the password from that server's 0600 password file.

The password is a SecretStr: it shows as '**********' in repr, str and logs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from policykg.paths import checkout_root

if TYPE_CHECKING:
    import neo4j

    from policykg.graph.neo4j_server import ServerConfig


class Neo4jSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    uri: str
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"
    managed: bool  # True: the project's own server (graph/neo4j_server.py)


class Neo4jEnvironment(BaseSettings):
    """NEO4J_* from the environment and .env files (pydantic-settings reads and merges them)."""

    model_config = SettingsConfigDict(extra="ignore", env_file_encoding="utf-8")

    uri: str = Field("", validation_alias="NEO4J_URI")
    user: str = Field("", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    password: SecretStr = Field(SecretStr(""), validation_alias="NEO4J_PASSWORD")
    database: str = Field("", validation_alias="NEO4J_DATABASE")


def dotenv_files() -> tuple[Path, ...]:
    """The .env files read, lowest precedence first: the checkout's (when running from one),
    then the current folder's."""
    root = checkout_root()
    return tuple(dict.fromkeys([*([root / ".env"] if root else []), Path.cwd() / ".env"]))


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
    env = Neo4jEnvironment(_env_file=dotenv_files())
    if env.uri:
        return Neo4jSettings(
            uri=env.uri,
            user=env.user or "neo4j",
            password=env.password,
            database=env.database or "neo4j",
            managed=False,
        )
    return managed_settings()


def get_driver(settings: Neo4jSettings | None = None, **config) -> neo4j.Driver:
    """A driver for the settings; the caller closes it (or uses it in a `with`)."""
    import neo4j  # here, not at the top: the CLI imports this module for commands without Neo4j

    settings = settings or neo4j_settings()
    auth = (settings.user, settings.password.get_secret_value())
    return neo4j.GraphDatabase.driver(settings.uri, auth=auth, **config)
