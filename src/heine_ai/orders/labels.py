"""The return label: a one-page PDF with the return's reference as text and as a QR code, for a return or an
exchange that was registered (``done``) or approved. It names the brand, the order number and the reference,
nothing about the customer: the link to it carries the action's random id, and the carrier scans the QR code."""

from __future__ import annotations

import io

import segno
from fpdf import FPDF

from heine_ai.orders.commerce import ActionKind, ActionRecord, ActionState

LABEL_PATH = "/api/v1/brands/{brand}/returns/{action_id}/label.pdf"
LABEL_KINDS = (ActionKind.RETURN, ActionKind.EXCHANGE)
LABEL_STATES = (ActionState.DONE, ActionState.APPROVED)


def has_label(record: ActionRecord) -> bool:
    return record.kind in LABEL_KINDS and record.state in LABEL_STATES


def label_url(record: ActionRecord) -> str:
    return LABEL_PATH.format(brand=record.brand, action_id=record.id)


def return_label(record: ActionRecord, brand_name: str) -> bytes:
    """The label's PDF (A6 landscape)."""
    reference = record.reference
    qr = io.BytesIO()
    segno.make(f"RETOURE:{record.brand}:{record.order_number}:{reference}", error="m").save(qr, kind="png", scale=8)
    qr.seek(0)
    pdf = FPDF(orientation="landscape", format=(105, 148))  # A6
    pdf.set_compression(False)  # the text stays readable in the file (tests, screen readers' extraction)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, f"{brand_name} Retoure", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 7, f"Bestellung {record.order_number}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, f"Vorgang {reference}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, f"Angemeldet am {record.created_at.strftime('%d.%m.%Y')}", new_x="LMARGIN", new_y="NEXT")
    pdf.image(qr, x=95, y=30, w=45, h=45)
    return bytes(pdf.output())
