"""Admin knowledge API: upload files or send URLs to ingest, and see every brand's knowledge base."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory, admin_headers
from tests.support.documents import docx_bytes, html_page, pdf_bytes, write
from tests.support.installations import KNOWLEDGE
from tests.support.static_server import static_server

INGEST = "/api/v1/admin/knowledge/heine/ingest"
STATUS = "/api/v1/admin/knowledge"
DEMO_DOCUMENTS = len(list(KNOWLEDGE.rglob("*.md")))  # German pages and the English ones under en/
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REPAIR = pdf_bytes(
    ["Unser Reparaturservice repariert Lederjacken innerhalb von 21 Tagen. Im ersten Jahr ist das kostenlos."],
    title="Reparaturservice für Lederjacken",
)


def heine_status(client: TestClient) -> dict[str, Any]:
    response = client.get(STATUS, headers=admin_headers(client))
    assert response.status_code == 200, response.text
    [heine] = [row for row in response.json() if row["brand"] == "heine"]
    return dict(heine)


def ask(client: TestClient, question: str) -> dict[str, Any]:
    response = client.post("/api/v1/chat", json={"brand": "heine", "message": question})
    assert response.status_code == 200, response.text
    return dict(response.json())


def uploads_left() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("heine-upload-*"))


def test_the_knowledge_api_needs_an_admin(sqlite_client: TestClient) -> None:
    agent = admin_headers(sqlite_client, Role.AGENT)
    calls: list[tuple[str, dict[str, Any]]] = [
        ("GET", {}),
        ("POST", {"json": {"urls": ["http://127.0.0.1:9/x"]}}),
        ("POST", {"files": [("files", ("a.md", b"# A\n\nText.", "text/markdown"))]}),
    ]
    for method, body in calls:
        path = STATUS if method == "GET" else INGEST
        anonymous = sqlite_client.request(method, path, **body)
        assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthorized"
        staff = sqlite_client.request(method, path, headers=agent, **body)
        assert staff.status_code == 403 and staff.json()["error"]["code"] == "forbidden"
    assert heine_status(sqlite_client)["documents"] == DEMO_DOCUMENTS  # nothing was ingested


def test_uploaded_files_are_ingested_and_answer_questions(client: TestClient) -> None:
    before, leftovers = heine_status(client), uploads_left()
    files = [
        ("files", ("reparatur.pdf", REPAIR, "application/pdf")),
        ("files", ("gardinen.docx", docx_bytes("Gardinen", [("Maß", "Gardinen nach Maß: drei Wochen.")]), DOCX)),
        ("files", ("outlet.html", html_page("Outlet", "<p>Das Outlet öffnet um 10 Uhr.</p>").encode(), "text/html")),
        ("files", ("kaputt.pdf", b"%PDF-1.7 broken", "application/pdf")),
    ]
    response = client.post(INGEST, files=files, headers=admin_headers(client))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["added"], body["changed"], body["removed"]) == (3, 0, 0)
    assert [failure["source"] for failure in body["failed"]] == ["upload/kaputt.pdf"]
    assert "not a readable PDF" in body["failed"][0]["reason"]
    assert body["version"] == before["version"] + 1 and body["chunks"] >= 3 and body["seconds"] >= 0
    answer = ask(client, "Wie lange dauert die Reparatur meiner Lederjacke?")
    assert answer["sources"][0]["title"] == "Reparaturservice für Lederjacken"
    assert "21 Tagen" in answer["response"]
    assert heine_status(client) == {
        "brand": "heine",
        "documents": DEMO_DOCUMENTS + 3,
        "chunks": before["chunks"] + body["chunks"],
        "version": body["version"],
    }
    again = client.post(INGEST, files=files[:1], headers=admin_headers(client)).json()
    assert (again["added"], again["unchanged"], again["version"]) == (0, 1, body["version"])  # same source
    assert uploads_left() <= leftovers  # the temporary copies are gone


def test_urls_are_ingested_and_prune_removes_the_rest(
    make_state: StateFactory, database_url: str, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    write(root / "outlet.html", html_page("Outlet Karlsruhe", "<p>Das Outlet in Karlsruhe öffnet um 10 Uhr.</p>"))
    state = make_state(database_url=database_url, knowledge_fetch_allowed_networks=["127.0.0.1/32"])
    with TestClient(create_app(state)) as client, static_server(root) as site:
        page, missing = site.url("outlet.html"), site.url("weg.html")
        response = client.post(INGEST, json={"urls": [page, missing]}, headers=admin_headers(client))
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["added"] == 1
        assert body["failed"] == [{"source": missing, "reason": "HTTP 404 File not found"}]
        answer = ask(client, "Wann öffnet das Outlet in Karlsruhe?")
        assert answer["sources"][0]["url"] == page
        pruned = client.post(INGEST, json={"urls": [page], "prune": True}, headers=admin_headers(client)).json()
        assert (pruned["removed"], pruned["unchanged"]) == (DEMO_DOCUMENTS, 1)
        assert heine_status(client)["documents"] == 1


def test_internal_pages_are_never_fetched_nor_quoted(sqlite_client: TestClient, tmp_path: Path) -> None:
    """The attack: the service's own metrics page, given as a knowledge URL, was indexed and quoted to
    anonymous chat users. Loopback is private: not fetched, and the chat knows nothing of it."""
    root = tmp_path / "internal"
    write(root / "metrics.html", html_page("Metrics", "<p>Interne Kennzahl: heine_requests_total 4711.</p>"))
    with static_server(root) as internal:
        url = internal.url("metrics.html")
        response = sqlite_client.post(INGEST, json={"urls": [url]}, headers=admin_headers(sqlite_client))
        assert response.status_code == 200, response.text
        assert response.json()["failed"] == [{"source": url, "reason": "unreachable: the address is not public"}]
        assert internal.paths == []  # not even asked
    answer = ask(sqlite_client, "Wie hoch ist die interne Kennzahl heine_requests_total?")
    assert "4711" not in answer["response"] and url not in {s["url"] for s in answer["sources"]}


BAD_REQUESTS: list[tuple[str, str, dict[str, Any], int, str]] = [
    (
        "unknown brand",
        "/api/v1/admin/knowledge/nobrand/ingest",
        {"json": {"urls": ["http://x.example/"]}},
        404,
        "brand_not_found",
    ),
    ("local path", INGEST, {"json": {"urls": ["/etc/passwd"]}}, 422, "validation_error"),
    ("file URL", INGEST, {"json": {"urls": ["file:///etc/passwd"]}}, 422, "validation_error"),
    ("no URLs", INGEST, {"json": {"urls": []}}, 422, "validation_error"),
    ("unknown field", INGEST, {"json": {"urls": ["http://x.example/"], "purge": True}}, 422, "validation_error"),
    ("no body", INGEST, {}, 422, "validation_error"),
    (
        "malformed JSON",
        INGEST,
        {"content": b'{"urls": [', "headers": {"content-type": "application/json"}},
        400,
        "malformed_json",
    ),
    (
        "form without files",
        INGEST,
        {"data": {"note": "x"}, "files": {"other": ("", b"", "text/plain")}},
        422,
        "validation_error",
    ),
]


@pytest.mark.parametrize(
    ("name", "path", "request_args", "status", "code"), BAD_REQUESTS, ids=[case[0] for case in BAD_REQUESTS]
)
def test_bad_ingest_requests(
    sqlite_client: TestClient, name: str, path: str, request_args: dict[str, Any], status: int, code: str
) -> None:
    headers = {**admin_headers(sqlite_client), **request_args.pop("headers", {})}
    response = sqlite_client.post(path, headers=headers, **request_args)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert heine_status(sqlite_client)["documents"] == DEMO_DOCUMENTS


def test_an_upload_over_the_limit_is_refused(make_state: StateFactory) -> None:
    state = make_state(ingest=False, knowledge_max_file_mb=1)
    with TestClient(create_app(state)) as client:
        small = ("files", ("klein.md", b"# Klein\n\nDie Lieferung dauert zwei Tage.", "text/markdown"))
        big = ("files", ("gross.txt", b"a" * (1024 * 1024 + 1), "text/plain"))
        response = client.post(INGEST, files=[small, big], headers=admin_headers(client))
        assert response.status_code == 413, response.text
        assert response.json()["error"]["code"] == "file_too_large"
        assert "gross.txt" in response.json()["error"]["message"]
        assert heine_status(client) == {"brand": "heine", "documents": 0, "chunks": 0, "version": 0}
