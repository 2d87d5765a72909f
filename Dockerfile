FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY valoa ./valoa
COPY insights ./insights
COPY cases ./cases
COPY workbook ./workbook
RUN pip install --no-cache-dir .
COPY . .
# Static files are collected at build time with fingerprints and compressed copies.
RUN DEBUG=0 SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-xxxxxx \
    python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn valoa.wsgi --bind 0.0.0.0:8000 --workers ${WEB_WORKERS:-3} --access-logfile -"]
