"""What the tests run against: real servers on loopback ports, documents, installations, the shared model."""
