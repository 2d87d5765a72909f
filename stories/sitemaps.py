"""The story form in sitemap.xml."""

from valoa.sitemaps import register_page

register_page("stories:submit")
