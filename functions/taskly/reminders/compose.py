"""The emails and texts a reminder sends, from the person and what it is about."""

from taskly.delivery.messages import Email, Message, Sms
from taskly.platform import settings
from taskly.profiles.document import Profile
from taskly.reminders import messages
from taskly.reminders.jobs import ConfirmationJob
from taskly.reminders.unsubscribe_token import make_unsubscribe_token
from taskly.tasks.document import Task
from taskly.vocabulary.channels import Channel


def unsubscribe_url(uid: str) -> str:
    token = make_unsubscribe_token(settings.UNSUBSCRIBE_SIGNING_KEY.value, uid, None)
    return f"{settings.APP_URL.value}/api/unsubscribe?token={token}"


def digest_message(
    profile: Profile, channel: Channel, tasks: list[Task], done_this_week: int
) -> Message:
    descriptions = [task.description for task in tasks]
    address = profile.address(channel)
    assert address is not None
    if channel == "sms":
        return Sms(address, messages.render_sms_digest(descriptions))
    link = unsubscribe_url(profile.uid)
    rendered = messages.render_digest(
        profile.first_name,
        descriptions,
        settings.APP_URL.value,
        link,
        done_this_week=done_this_week,
    )
    return Email(
        address,
        rendered.subject,
        rendered.html,
        rendered.text,
        {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def confirmation_message(profile: Profile, job: ConfirmationJob) -> Message | None:
    """The email or text this change calls for, to the account's own address or phone."""
    address = profile.address(job.channel)
    if address is None:
        return None
    if job.channel == "sms":
        render_sms = (
            messages.render_sms_reminders_on if job.turned_on else messages.render_sms_reminders_off
        )
        return Sms(address, render_sms(job.description))
    if job.turned_on:
        rendered = messages.render_reminders_on(
            profile.first_name, job.description, list(job.channels_on), settings.APP_URL.value
        )
    else:
        rendered = messages.render_reminders_off(
            profile.first_name, job.description, settings.APP_URL.value
        )
    return Email(address, rendered.subject, rendered.html, rendered.text)
