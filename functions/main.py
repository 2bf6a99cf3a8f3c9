from firebase_functions import https_fn, scheduler_fn

@https_fn.on_request()
def api(req: https_fn.Request) -> https_fn.Response:
    return https_fn.Response('{"ok":true,"path":"%s"}' % req.path, content_type="application/json")

@scheduler_fn.on_schedule(schedule="every 15 minutes")
def send_reminders(event):
    print("sweep", event.schedule_time)
