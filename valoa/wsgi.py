import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings")
application = get_wsgi_application()

# The search's Finnish dictionary: loaded now, not at a reader's first search (with gunicorn's
# preload_app, in the master, whose workers then share it).
from valoa.search.analysis import load  # noqa: E402

load()
