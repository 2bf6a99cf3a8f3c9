"""The decode slots: a fixed number of holders at once, the rest wait or are turned away."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from taskly.api import avatar_routes
from taskly.api.errors import ApiError
from taskly.avatars.decode_slots import DECODES, DecodeSlots, NoSlotFree
from taskly.vocabulary.limits import DECODE_WAIT_SECONDS, DECODES_AT_ONCE

WAIT = 10  # seconds; only reached if a slot is never given back


def test_no_more_than_the_count_hold_a_slot_at_once() -> None:
    slots = DecodeSlots(2)
    lock, holding, most = threading.Lock(), 0, 0
    both_in = threading.Barrier(2, timeout=WAIT)

    def decode(_: int) -> None:
        nonlocal holding, most
        with slots.held(WAIT):
            with lock:
                holding += 1
                most = max(most, holding)
            both_in.wait()  # two in at once, every time: a third would break the barrier
            with lock:
                holding -= 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(decode, range(8)))
    assert most == 2


def test_a_caller_gets_no_slot_while_all_are_held_and_one_when_freed() -> None:
    slots = DecodeSlots(1)
    inside, leave = threading.Event(), threading.Event()

    def hold() -> None:
        with slots.held(WAIT):
            inside.set()
            leave.wait(WAIT)

    holder = threading.Thread(target=hold)
    holder.start()
    assert inside.wait(WAIT)
    with pytest.raises(NoSlotFree), slots.held(0.05):
        pass
    leave.set()
    with slots.held(WAIT):  # the holder's slot, once it has left
        pass
    holder.join(WAIT)


def test_a_failing_decode_gives_its_slot_back() -> None:
    slots = DecodeSlots(1)
    with pytest.raises(ValueError), slots.held(0):
        raise ValueError("damaged")
    with slots.held(0):
        pass


def test_an_upload_that_finds_every_decode_slot_taken_is_told_to_retry() -> None:
    picture = io.BytesIO()
    Image.new("RGB", (64, 48)).save(picture, "PNG")
    release, taken = threading.Event(), threading.Barrier(DECODES_AT_ONCE + 1, timeout=WAIT)

    def hold() -> None:
        with DECODES.held(WAIT):
            taken.wait()
            release.wait(WAIT)

    holders = [threading.Thread(target=hold) for _ in range(DECODES_AT_ONCE)]
    for holder in holders:
        holder.start()
    try:
        taken.wait()
        with pytest.raises(ApiError) as caught:
            avatar_routes.made_avatar(picture.getvalue())  # waits DECODE_WAIT_SECONDS
    finally:
        release.set()
        for holder in holders:
            holder.join(WAIT)
    error = caught.value
    assert (error.status, error.code) == (503, "unavailable")
    assert error.message == (
        "Taskly is busy with other pictures right now: try again in a few seconds."
    )
    assert error.headers == (("Retry-After", str(DECODE_WAIT_SECONDS)),)
    assert avatar_routes.made_avatar(picture.getvalue())  # free again
