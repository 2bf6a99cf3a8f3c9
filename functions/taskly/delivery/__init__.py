"""Sending email and SMS exactly once: the ledger, the providers, the delivery queues."""
