"""Channel adapters: how customers reach the assistant (web chat over WebSocket; e-mail; later phone)."""
