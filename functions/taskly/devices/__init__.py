"""The devices (browsers) a person turned notifications on for: their Web Push subscriptions."""
