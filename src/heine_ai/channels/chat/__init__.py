"""The web chat channel: a WebSocket per browser tab, following the conversation's stored messages.

``protocol`` parses client frames, ``feed`` turns stored messages into events (reusable by staff-side feeds),
``session`` checks the ``hello``, ``connection`` runs one socket and ``channel`` holds what they share.
"""
