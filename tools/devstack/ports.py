"""Fixed local addresses, matching firebase.json and functions/.env.local."""

HOST = "127.0.0.1"
HOSTING = 5000
FUNCTIONS = 5001
FIRESTORE = 8080
AUTH = 9099
CAPTURE = 8025
STORAGE = 9199

APP_URL = f"http://{HOST}:{HOSTING}"
CAPTURE_URL = f"http://{HOST}:{CAPTURE}"
STORAGE_URL = f"http://{HOST}:{STORAGE}"
FUNCTIONS_URL = f"http://{HOST}:{FUNCTIONS}"
AUTH_URL = f"http://{HOST}:{AUTH}"
FIRESTORE_HOST = f"{HOST}:{FIRESTORE}"

# The web app's page for the links in Firebase Auth's emails (hosting/public/action.html):
# locally the capture server's copies of those emails link here.
AUTH_ACTION_URL = f"{APP_URL}/action"
