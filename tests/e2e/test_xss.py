"""Whatever a person types is shown as text, never run as markup."""

from playwright.sync_api import Dialog, Page, expect

from .ui import add_task, card, wait_for_board

PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>&amp;"]


def test_markup_in_a_task_name_renders_as_text(signed_in_page: Page) -> None:
    page = signed_in_page
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    for payload in PAYLOADS:
        add_task(page, payload)
    page.reload()  # render again, this time from the realtime listener alone
    wait_for_board(page)

    for payload in PAYLOADS:
        expect(card(page, payload).locator(".card-text")).to_have_text(payload)
    expect(page.locator("#board img, #board script")).to_have_count(0)
    page.wait_for_timeout(500)
    assert dialogs == []
