"""Functions refuse to start with an emulator address outside the emulator."""

import pytest

from taskly.platform.runtime_guard import EmulatorSettingInProduction, refuse_emulator_settings
from tests.deploy.conftest import PROJECT
from tools.deploy import manifest


def test_refuses_an_auth_emulator_host_outside_the_emulator():
    with pytest.raises(EmulatorSettingInProduction, match="FIREBASE_AUTH_EMULATOR_HOST"):
        refuse_emulator_settings({"FIREBASE_AUTH_EMULATOR_HOST": "127.0.0.1:9099"})


def test_refuses_any_emulator_host_outside_the_emulator():
    with pytest.raises(EmulatorSettingInProduction, match="FIRESTORE_EMULATOR_HOST"):
        refuse_emulator_settings({"FIRESTORE_EMULATOR_HOST": "127.0.0.1:8080", "PORT": "8080"})


def test_allows_emulator_hosts_inside_the_emulator():
    refuse_emulator_settings(
        {"FIREBASE_AUTH_EMULATOR_HOST": "127.0.0.1:9099", "FUNCTIONS_EMULATOR": "true"}
    )


def test_allows_a_clean_production_environment():
    refuse_emulator_settings({"GCLOUD_PROJECT": PROJECT, "K_SERVICE": "api"})


def test_the_functions_do_not_load_with_a_stray_auth_emulator_host(production_env):
    stray = {**production_env, "FIREBASE_AUTH_EMULATOR_HOST": "127.0.0.1:9099"}
    with pytest.raises(RuntimeError, match="FIREBASE_AUTH_EMULATOR_HOST set outside"):
        manifest.discover(PROJECT, stray)
