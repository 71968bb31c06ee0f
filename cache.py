"""Hold the one flask-caching Cache; create_app configures it (SimpleCache by default)."""

from flask_caching import Cache

cache = Cache()
