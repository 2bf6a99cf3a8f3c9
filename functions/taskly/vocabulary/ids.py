"""The shape of the document ids Taskly makes and accepts."""

import re

# Firestore reserves ids of the form __name__.
DOCUMENT_ID = re.compile(r"^(?!__.*__$)[A-Za-z0-9_-]{1,128}$")
