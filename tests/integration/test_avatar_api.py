"""The avatar routes through Hosting and the Functions emulator: the wiring, and what only a
real server shows. Their behaviour is tested in process (tests/api/test_avatar.py); these of
those tests run here too, unchanged: an upload and its download through Hosting, the
function's own caching header at its own URL, and a chunked body cut off by the server the
emulator runs.
"""

from tests.api import test_avatar as in_process

bucket = in_process.bucket

test_upload_stores_a_square_webp_and_links_it_from_the_profile = (
    in_process.test_upload_stores_a_square_webp_and_links_it_from_the_profile
)
test_function_itself_forbids_caching_the_picture = (
    in_process.test_function_itself_forbids_caching_the_picture
)
test_streamed_body_is_cut_off_at_the_limit = in_process.test_streamed_body_is_cut_off_at_the_limit
