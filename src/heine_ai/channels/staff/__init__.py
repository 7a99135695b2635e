"""The staff side's live feed: the agent console's WebSocket of its brands' conversation notices (``feed``)."""
