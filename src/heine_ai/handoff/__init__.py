"""Human hand-off: staff accounts, tickets with an audit trail, and the agent's side of a conversation."""
