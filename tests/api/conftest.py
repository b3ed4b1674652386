"""Black-box API tests: a real `bulwark serve` on 127.0.0.1, port 0.

The shared fixtures and helpers live in fixtures/, loaded here as plugins:
  fixtures.server     Server, `server` (one per session), `make_server`, error_of
  fixtures.people     organizations, users, logged-in Clients; `org`, `owner`,
                      `dispatcher`, `tech`, `viewer` (one org per test module)
  fixtures.work       customers, sites, assets, work orders, invoices
  fixtures.routes     the route table and the role table, read from the binary
  fixtures.database   the server's database read and written directly
  fixtures.clock      `make_clock_server`: a server whose clock tests may move
  fixtures.providers  Twilio/Stripe signing, Shop; `peer`, `hooked`, `shop`
  fixtures.peers      RecordingPeer (local Twilio/Stripe stand-ins), wait_for

Environment: BULWARK_BIN (default build/bulwark), BULWARK_TEST_DATABASE_URL
(PostgreSQL instead of SQLite), BULWARK_TEST_PG_DIR (fault tests restart it),
BULWARK_TEST_HOOKS_BIN (see fixtures/clock.py).
"""

pytest_plugins = [
    "fixtures.server",
    "fixtures.people",
    "fixtures.clock",
    "fixtures.providers",
    "fixtures.files",
]
