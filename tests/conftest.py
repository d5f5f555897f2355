from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

# Playwright's sync API keeps an event loop running in the test thread; Django
# would otherwise refuse database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)


@pytest.fixture(scope="session")
def browser() -> Any:
    """One headless Chromium for the whole run. Missing it fails in CI and skips elsewhere."""
    if not chromium_available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing.")
        pytest.skip(f"Browser tests need Chromium at {CHROMIUM} (run `make browser`).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def guarded_tab(browser: Any, live_server: Any, **context_options: Any) -> Any:
    """A fresh tab on the live server that refuses, and reports, any request to another host."""
    context = browser.new_context(base_url=live_server.url, **context_options)
    elsewhere: list[str] = []

    def only_our_host(route: Any) -> None:
        url = route.request.url
        if url.startswith(live_server.url) or url.startswith(("data:", "about:")):
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort()

    context.route("**/*", only_our_host)
    yield context.new_page()
    context.close()
    assert not elsewhere, f"A page asked another host for {elsewhere}"


@pytest.fixture
def page(browser: Any, live_server: Any) -> Any:
    yield from guarded_tab(browser, live_server)


@pytest.fixture
def page_without_js(browser: Any, live_server: Any) -> Any:
    """The same, with JavaScript switched off (checked, not assumed)."""
    for tab in guarded_tab(browser, live_server, java_script_enabled=False):
        tab.goto("data:text/html,<title>off</title><script>document.title = 'on'</script>")
        assert tab.title() == "off", "JavaScript should be switched off in this tab"
        yield tab


def assert_accessible(page: Any) -> None:
    """Zero axe-core violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(autouse=True)
def empty_cache() -> Any:
    """Each test starts with an empty cache and nothing kept in memory, as a fresh server would."""
    from django.core.cache import cache

    from matchmaker.matching.find import COMPILED
    from questionnaire.results_body import BODIES

    cache.clear()
    BODIES.clear()
    COMPILED.clear()
    yield
    cache.clear()
    BODIES.clear()
    COMPILED.clear()


@pytest.fixture(autouse=True)
def vocabulary_after_flush(request: pytest.FixtureRequest) -> None:
    """Transactional tests, the browser tests among them, flush the vocabulary the data migration
    loaded (states, languages, concerns, …); load it again before each of them."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        from profiles.models import sync_vocabulary

        request.getfixturevalue("transactional_db")
        sync_vocabulary()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    """Hash test passwords with MD5: PBKDF2's deliberate slowness protects real accounts, not test users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
