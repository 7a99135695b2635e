"""The Grafana dashboard and the Prometheus alert rules: valid PromQL over metrics the service really exports,
the alerts' behaviour by promtool's unit tests, and the ``dependency_up`` gauge they rely on."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.observability.metrics import Metrics
from tests.support.installations import ROOT
from tests.support.servers import free_port, require

PROMETHEUS = ROOT / "deploy" / "prometheus"
DASHBOARD = ROOT / "deploy" / "grafana" / "heine-ai.json"
SUFFIXES = {"counter": ("_total", "_created"), "gauge": ("",), "histogram": ("_bucket", "_sum", "_count", "_created")}
SCRAPE_SERIES = {"up"}  # Prometheus's own series per target
NAME = re.compile(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()")  # an identifier that is not a function call
LABEL_LISTS = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
PROMQL_WORDS = {"and", "or", "unless", "bool", "offset"}


def promtool() -> str:
    executable = shutil.which("promtool")
    require(executable is not None, "promtool is not installed (Debian package prometheus)")
    assert executable is not None
    return executable


def exported_series() -> set[str]:
    """Every series name the service's registry can export."""
    names = set(SCRAPE_SERIES)
    for family in Metrics().registry.collect():
        names.update(family.name + suffix for suffix in SUFFIXES[family.type])
    return names


def dashboard_queries() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    queries = [target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])]
    queries += [var["definition"] for var in dashboard["templating"]["list"] if var["type"] == "query"]
    return queries


def rule_queries() -> list[str]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yaml").read_text())["groups"]
    return [rule["expr"] for group in groups for rule in group["rules"]]


def selected_metrics(query: str) -> set[str]:
    """The metric names a query selects: identifiers outside strings, label matchers, grouping label lists and
    ranges that do not call a function."""
    bare = re.sub(r'"[^"]*"', "", query)
    bare = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", bare)
    bare = LABEL_LISTS.sub("", bare)
    return {name for name in NAME.findall(bare) if name not in PROMQL_WORDS}


def test_the_alert_rules_are_valid_and_pass_their_unit_tests() -> None:
    tool = promtool()
    checked = subprocess.run([tool, "check", "rules", "alerts.yaml"], cwd=PROMETHEUS, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    tested = subprocess.run([tool, "test", "rules", "alerts.test.yaml"], cwd=PROMETHEUS, capture_output=True, text=True)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    config = subprocess.run(
        [tool, "check", "config", "prometheus.yaml"], cwd=PROMETHEUS, capture_output=True, text=True
    )
    assert config.returncode == 0, config.stdout + config.stderr


def test_every_alert_and_every_dashboard_panel_queries_exported_metrics() -> None:
    exported = exported_series()
    for query in rule_queries() + dashboard_queries():
        metrics = selected_metrics(query) if "label_values" not in query else {query.split("(")[1].split(",")[0]}
        assert metrics, f"no metric found in {query!r}"
        unknown = metrics - exported
        assert not unknown, f"{query!r} queries metrics the service does not export: {unknown}"


def test_the_dashboard_covers_the_service_and_its_queries_parse(tmp_path: Path) -> None:
    """Each panel query, with Grafana's variables filled in, as a recording rule that promtool parses."""
    queries = dashboard_queries()
    covered = set().union(*(selected_metrics(q) for q in queries))
    for family in ("ai_requests_total", "ai_escalations_total", "ai_llm_fallbacks_total", "handoff_sla_breaches_total"):
        assert family in covered
    for family in ("email_mails_total", "chat_sockets", "ai_errors_total", "dependency_up"):
        assert family in covered
    assert "ai_request_duration_seconds_bucket" in covered
    rules = [
        {"record": f"dashboard:query{number}", "expr": query.replace("$__rate_interval", "5m").replace("$brand", ".*")}
        for number, query in enumerate(queries)
        if "label_values" not in query
    ]
    (tmp_path / "dashboard.yaml").write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    checked = subprocess.run(
        [promtool(), "check", "rules", str(tmp_path / "dashboard.yaml")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_dependency_up_reports_a_redis_that_does_not_answer(make_state: Callable[..., Any]) -> None:
    state = make_state(ingest=False, redis_url=f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    with TestClient(create_app(state)) as client:
        text = client.get("/metrics").text
    assert 'dependency_up{dependency="redis"} 0.0' in text
    assert 'dependency_up{dependency="database"} 1.0' in text
    assert 'dependency_up{dependency="vector_store"} 1.0' in text


@pytest.mark.parametrize("query", ['sum(rate(nope_total{a="b"}[5m]))'])
def test_an_unknown_metric_would_be_caught(query: str) -> None:
    assert selected_metrics(query) - exported_series() == {"nope_total"}
