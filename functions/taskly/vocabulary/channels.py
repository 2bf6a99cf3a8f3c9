"""The ways Taskly reaches a person, and how they are named to people."""

from typing import Literal

Channel = Literal["email", "sms", "push"]
CHANNELS: tuple[Channel, ...] = ("email", "sms", "push")
CHANNEL_NAMES: dict[Channel, str] = {"email": "email", "sms": "SMS", "push": "notification"}
# A switch turned on or off is confirmed by a message on that channel. Not by push: the
# device's "Send a test" shows what a notification looks like, and a notification saying
# notifications are on is noise.
CONFIRMED_CHANNELS: tuple[Channel, ...] = ("email", "sms")


def channels_text(channels: list[Channel]) -> str:
    """The channels as people read them: "email and SMS"."""
    return " and ".join(CHANNEL_NAMES[channel] for channel in dict.fromkeys(channels))
