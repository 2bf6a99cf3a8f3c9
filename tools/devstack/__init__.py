"""Runs Taskly locally: the emulator suite, the capture server and the storage emulator."""
