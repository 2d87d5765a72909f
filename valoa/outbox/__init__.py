"""Mail the site owes someone: the model (models.py) and its place in the personal-data tools
and retention (data.py). Sending and retrying: valoa.posting.notifications."""
