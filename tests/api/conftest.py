"""The API tests use the fixtures of ``tests/service_fixtures.py`` (see tests/conftest.py)."""
