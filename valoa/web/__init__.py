"""Serving pages: middleware, the whole-page cache and its shared-cache guard, pagination, and
the pages for machines (healthz, security.txt, robots.txt)."""
