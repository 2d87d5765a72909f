"""What articles and cases share: the PublishedContent base, Markdown, sitemaps and feeds."""
