"""What every viewer page shares: the Neo4j connection, the 'Neo4j is down' banner, pickers.

The driver is cached with st.cache_resource, but each rerun first checks that it still
answers (validate=...): a dead driver is dropped and a new one made, so the app recovers by
itself when Neo4j comes back. Failures are never cached.
"""

from __future__ import annotations

from dataclasses import dataclass

import neo4j
import pandas as pd
import streamlit as st
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from policykg.settings import get_driver, neo4j_settings

# Errors meaning "no usable server", as opposed to a bad query.
CONNECTION_ERRORS = (ServiceUnavailable, SessionExpired, AuthError, DriverError, OSError)
START_HINT = "`policykg neo4j start`"
BUILD_HINT = "`policykg build`"


@dataclass(frozen=True)
class Db:
    driver: neo4j.Driver
    database: str
    uri: str


def _alive(db: Db) -> bool:
    try:
        db.driver.verify_connectivity()
        return True
    except Exception:  # any failure means: make a new driver
        return False


def _close(db: Db) -> None:
    try:
        db.driver.close()
    except Exception:  # closing a dead driver may fail; nothing to do about it
        pass


@st.cache_resource(validate=_alive, on_release=_close, show_spinner=False)
def _connect(uri: str, user: str, database: str, _password: str) -> Db:
    # The password is an underscore argument: Streamlit neither hashes nor shows it.
    driver = get_driver(neo4j_settings(), connection_timeout=5.0, max_connection_lifetime=600)
    try:
        driver.verify_connectivity()
    except Exception:
        driver.close()
        raise  # not cached: the next rerun tries again
    return Db(driver=driver, database=database, uri=uri)


def connect() -> tuple[Db | None, str | None]:
    """(db, None) when Neo4j answers, else (None, why)."""
    settings = neo4j_settings()
    try:
        return _connect(settings.uri, settings.user, settings.database, settings.password.get_secret_value()), None
    except AuthError:
        return None, f"Neo4j at {settings.uri} refused the credentials (check NEO4J_USER / NEO4J_PASSWORD)."
    except CONNECTION_ERRORS as exc:
        return None, f"Neo4j is not reachable at {settings.uri} ({type(exc).__name__})."
    except Neo4jError as exc:
        return None, f"Neo4j at {settings.uri} answered with an error: {exc.code}"


def banner_down(why: str) -> None:
    st.error(
        f"**No graph database.** {why}\n\n"
        f"Start the project's Neo4j with {START_HINT}, load the plans with {BUILD_HINT}, "
        "then reload this page (or set NEO4J_URI to use your own server). "
        "The viewer reconnects by itself once Neo4j answers.",
        icon=":material/cloud_off:",
    )


def banner_empty() -> None:
    st.warning(
        f"**The graph is empty.** Load the corpus with {BUILD_HINT}, then reload this page.",
        icon=":material/database:",
    )


def forget_connection() -> None:
    _connect.clear()


def db() -> Db:
    """The connection for a page; shows the banner and stops the page when there is none."""
    conn, why = connect()
    if conn is None:
        banner_down(why or "")
        st.stop()
    return conn


def plan_options(plans: pd.DataFrame) -> dict[str, str]:
    """plan id → 'year · title' for select boxes, in year order."""
    return {r.plan: f"{r.year} · {r.title}" for r in plans.itertuples()}


ROLE_LABELS = {"LEADS": "lead 牵头 (L)", "SUPPORTS": "support 配合 (S)", "RESPONSIBLE_FOR": "responsible 责任 (R1, R2 …)"}


def graph_loaded(conn: Db) -> bool:
    """True when at least one plan is loaded."""
    from policykg.graph.views import plans_overview

    return not plans_overview(conn.driver, conn.database).empty
