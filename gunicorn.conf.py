"""gunicorn's settings for every way the site is served from this folder (it reads this file
by itself): the application, with the search's Finnish dictionary (about 230 MB), is loaded
once in the master before the workers are forked, so that they share that memory."""

preload_app = True
