"""docker-compose.yml is valid YAML and runs the site as documented: PostgreSQL, Redis,
scalable web processes sharing them, nginx in front."""

from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def test_the_compose_file_parses_and_wires_web_to_the_shared_services():
    services = yaml.safe_load(COMPOSE.read_text())["services"]

    assert {"db", "redis", "web", "nginx"} <= set(services)
    environment = services["web"]["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["REDIS_URL"].startswith("redis://redis:")
    assert environment["EMAIL_URL"] == "smtp://mailpit:1025"
    assert "--maxmemory-policy" in services["redis"]["command"]
    assert "ports" not in services["web"]  # reached through nginx, so it can be scaled


def test_mail_goes_to_mailpit_whose_web_view_only_this_machine_reaches():
    services = yaml.safe_load(COMPOSE.read_text())["services"]

    assert services["mailpit"]["image"].startswith("axllent/mailpit:")
    assert services["mailpit"]["ports"] == ["127.0.0.1:8025:8025"]
    assert "mailpit" in services["web"]["depends_on"]
