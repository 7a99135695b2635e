"""The widget is served by the app: its script, styles, per-brand German texts and the demo shop page."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_widget_files_and_demo_page_are_served(sqlite_client: TestClient) -> None:
    script = sqlite_client.get("/widget.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "/api/v1/ws/chat" in script.text and "localStorage" in script.text
    styles = sqlite_client.get("/widget.css")
    assert styles.status_code == 200 and styles.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in styles.text
    page = sqlite_client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/widget.js" data-brand="heine"' in page.text and 'lang="de"' in page.text


def test_widget_texts_come_from_the_brand_in_german(sqlite_client: TestClient) -> None:
    body = sqlite_client.get("/api/v1/brands/heine/widget").json()
    assert body["brand"] == "heine" and body["language"] == "de"
    assert body["greeting"].startswith("Guten Tag")
    texts = body["texts"]
    assert texts["title"] == "heine Kundenservice"  # the brand file overrides the default
    assert "Kollege oder eine Kollegin" in texts["handover"] and "übernimmt" in texts["handover"]
    assert texts["error_rate_limited"].startswith("Sie ") and texts["send_label"] == "Senden"  # formal "Sie"


def test_widget_texts_of_an_unknown_brand_are_a_404_with_a_code(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/api/v1/brands/nope/widget")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "brand_not_found"
