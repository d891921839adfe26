"""A real installation for concurrency tests and the load benchmark: a temporary data directory (and, when
``DATABASE_URL`` names a PostgreSQL server, a fresh database of its own on that server), the real ``kotacerdas``
command in subprocesses, ``kotacerdas serve`` (gunicorn) on 127.0.0.1, and a small cookie-keeping HTTP client
that fills in forms the way a browser does (every hidden field of the page's form is sent back).

Nothing here talks to anything but 127.0.0.1 and the database server given in ``DATABASE_URL``.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PYTHON = sys.executable
OPERATOR_PASSWORD = "uji-beban-rahasia-2026"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the installation -----------------------------------------------------------------------------------------


class Installation:
    """A data directory plus its database. Use as a context manager: the PostgreSQL database it created is
    dropped and the server stopped on exit."""

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.base_url = database_url if database_url is not None else os.environ.get("DATABASE_URL")
        self.database_url: str | None = None
        self.server: subprocess.Popen | None = None
        self.port: int | None = None
        self._log = None

    @property
    def engine(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    def __enter__(self) -> Installation:
        if self.base_url:
            self.database_url = _create_pg_database(self.base_url)
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        if self.database_url:
            _drop_pg_database(self.base_url, self.database_url)

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["KOTACERDAS_DATA_DIR"] = str(self.data_dir)
        env.pop("DJANGO_SETTINGS_MODULE", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def cli(self, *args: str, check: bool = True, input: str | None = None) -> subprocess.CompletedProcess:
        out = subprocess.run(
            [PYTHON, "-m", "kotacerdas.cli", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            input=input,
            timeout=600,
        )
        if check and out.returncode != 0:
            raise AssertionError(
                f"kotacerdas {' '.join(args)} exited {out.returncode}:\n{out.stdout}\n{out.stderr}"
            )
        return out

    def django(self, script: str, **params) -> object:
        """Run ``script`` with Django set up in a fresh process; it reads ``PARAMS`` and assigns ``RESULT``,
        which comes back through JSON."""
        program = (
            "import json, os, sys\n"
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kotacerdas.settings')\n"
            "import django\ndjango.setup()\n"
            "PARAMS = json.loads(sys.stdin.readline())\nRESULT = None\n"
            f"{script}\n"
            "print('@@RESULT@@' + json.dumps(RESULT))\n"
        )
        out = subprocess.run(
            [PYTHON, "-c", program],
            env=self.env(),
            capture_output=True,
            text=True,
            input=json.dumps(params) + "\n",
            timeout=600,
        )
        if out.returncode != 0:
            raise AssertionError(f"script failed ({out.returncode}):\n{out.stderr[-4000:]}")
        line = next(line for line in out.stdout.splitlines() if line.startswith("@@RESULT@@"))
        return json.loads(line[len("@@RESULT@@") :])

    # --- the server

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, workers: int = 2, timeout: float = 120) -> None:
        self.port = free_port()
        self._log = open(self.data_dir / "server.log", "w")  # noqa: SIM115 - closed in stop()
        self.server = subprocess.Popen(
            [PYTHON, "-m", "kotacerdas.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            env=self.env(),
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise AssertionError(f"server exited {self.server.returncode}:\n{self.server_log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/masuk/", timeout=10) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                time.sleep(0.3)
        raise AssertionError(f"server did not answer within {timeout} s:\n{self.server_log()}")

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait(timeout=10)
        self.server = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def server_log(self, tail: int = 6000) -> str:
        path = self.data_dir / "server.log"
        return path.read_text(errors="replace")[-tail:] if path.exists() else ""


def _pg_connect(url: str):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or ""),
        password=urllib.parse.unquote(parts.password or ""),
        dbname=parts.path.lstrip("/") or "postgres",
        autocommit=True,
    )


def _create_pg_database(base_url: str) -> str:
    name = f"kc_{secrets.token_hex(6)}"
    with _pg_connect(base_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(base_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def _drop_pg_database(base_url: str, url: str) -> None:
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with _pg_connect(base_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- operators of a loaded region -----------------------------------------------------------------------------

SETUP_OPERATORS = """
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from kotacerdas.regions.models import Agency, Membership, Region, Role
from kotacerdas.assessment.models import SwotFactor

region = Region.objects.get(slug=PARAMS["slug"])
agencies = list(Agency.objects.filter(region=region).order_by("pk")[: PARAMS["count"]])
assert len(agencies) == PARAMS["count"], f"only {len(agencies)} agencies"
hashed = make_password(PARAMS["password"])  # hashed once: the same password for every operator
User = get_user_model()
operators = []
for i, agency in enumerate(agencies, 1):
    user = User.objects.create(username=f"beban_op{i:02d}", password=hashed)
    Membership.objects.create(user=user, region=region, role=Role.OPERATOR, agency=agency)
    operators.append({"username": user.username, "agency": agency.pk, "abbreviation": agency.abbreviation})
readers = []
for i in range(PARAMS.get("readers", 0)):
    user = User.objects.create(username=f"beban_view{i:02d}", password=hashed)
    Membership.objects.create(user=user, region=region, role=Role.VIEWER)
    readers.append({"username": user.username})
factors = [
    {"pk": f.pk, "pillar": f.pillar.slug}
    for f in SwotFactor.objects.filter(region=region).select_related("pillar").order_by("pk")
]
RESULT = {"operators": operators, "readers": readers, "factors": factors}
"""


def add_operators(inst: Installation, slug: str, count: int, readers: int = 0) -> dict:
    return inst.django(SETUP_OPERATORS, slug=slug, count=count, password=OPERATOR_PASSWORD, readers=readers)


# --- the HTTP client ------------------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Response:
    status: int
    body: str
    location: str | None
    seconds: float


class Client:
    """One browser: its own cookies (session, CSRF); redirects are returned, not followed."""

    def __init__(self, base: str, timeout: float = 60) -> None:
        self.base = base
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(self, path: str, data: dict | list | None = None) -> Response:
        body = None
        headers = {}
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base + path}
        req = urllib.request.Request(self.base + path, data=body, headers=headers)
        start = time.monotonic()
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                text = resp.read().decode("utf-8", "replace")
                return Response(resp.status, text, resp.headers.get("Location"), time.monotonic() - start)
        except urllib.error.HTTPError as exc:
            text = exc.read().decode("utf-8", "replace")
            return Response(exc.code, text, exc.headers.get("Location"), time.monotonic() - start)

    def get(self, path: str) -> Response:
        return self.request(path)

    def post(self, path: str, data: dict) -> Response:
        return self.request(path, data)

    def submit(
        self, page_path: str, action: str | None, values: dict, page: Response | None = None
    ) -> Response:
        """Load ``page_path`` (unless given), take its form whose action is ``action`` (None: the page itself),
        keep every field the page put there (CSRF token, hidden tokens), override with ``values``, post it."""
        page = page or self.get(page_path)
        if page.status != 200:
            return page
        form = find_form(page.body, action or page_path, page_path)
        if form is None:
            return Response(599, f"no form for {action} on {page_path}", None, page.seconds)
        return self.post(form.action or page_path, {**form.fields, **values})

    def login(self, username: str, password: str = OPERATOR_PASSWORD) -> Response:
        response = self.submit("/masuk/", None, {"username": username, "password": password})
        if response.status != 302:
            raise AssertionError(f"login of {username} failed: {response.status}")
        return response


@dataclass
class Form:
    action: str | None
    fields: dict = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = Form(a.get("action"))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            if kind in {"submit", "button", "file", "image"}:
                return
            self._form.fields[a["name"]] = a.get("value") or ("on" if kind == "checkbox" else "")
        elif tag == "select" and a.get("name"):
            self._select, self._select_first = a["name"], None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
                self._form.fields.setdefault(self._select, value)
            if "selected" in a:
                self._form.fields[self._select] = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form.fields[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data


def find_form(html: str, action: str, page_path: str) -> Form | None:
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        target = form.action or page_path
        if urllib.parse.urlsplit(target).path == urllib.parse.urlsplit(action).path:
            return form
    return None


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
