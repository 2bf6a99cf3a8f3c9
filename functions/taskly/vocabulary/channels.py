"""The ways Taskly reaches a person, and how they are named to people."""

from typing import Literal

Channel = Literal["email", "sms"]
CHANNELS: tuple[Channel, ...] = ("email", "sms")
CHANNEL_NAMES: dict[Channel, str] = {"email": "email", "sms": "SMS"}


def channels_text(channels: list[Channel]) -> str:
    """The channels as people read them: "email and SMS"."""
    return " and ".join(CHANNEL_NAMES[channel] for channel in dict.fromkeys(channels))
