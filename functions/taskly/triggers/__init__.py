"""What the Firestore trigger and the task queues run, called from main.py."""
