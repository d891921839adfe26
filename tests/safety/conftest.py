"""Fixtures of the safety tests: the Katingan sample loaded through the real importer, with its personas."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest


@pytest.fixture
def katingan(db):
    from kotacerdas import sample

    return sample.load("katingan").region


@pytest.fixture
def as_user(client):
    """``as_user(username)``: the test client logged in as that user."""
    from django.contrib.auth import get_user_model

    def _as(username: str):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        client.user = user
        return client

    return _as


# --- what a browser would submit ---------------------------------------------------------------------


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method", "get"), "fields": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        fields = self._form["fields"]
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    fields.append((a["name"], a.get("value", "on"), kind))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                fields.append((a["name"], a.get("value", ""), kind))
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "multiple": "multiple" in a, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = a
            value = a.get("value")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"].append(value)
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "select" and self._select is not None:
            s = self._select
            chosen = s["chosen"] or ([] if s["multiple"] else [s["first"] or ""])
            for value in chosen:
                self._form["fields"].append((s["name"], value or "", "select"))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._form["fields"].append((name, text.removeprefix("\n"), "textarea"))
            self._textarea = None
        elif tag == "form":
            self._form = None


def forms_in(page: str) -> list[dict]:
    parser = _Forms()
    parser.feed(page)
    return parser.forms


def form_data(page: str, has: str = "record_version") -> tuple[dict[str, list[str]], dict[str, str]]:
    """The data of the first POST form holding a field named ``has`` (or starting with it, for ``"seen-*"``):
    {name: [values]}, and each field's type."""
    for form in forms_in(page):
        names = {name for name, _v, _k in form["fields"]}
        wanted = (lambda n: n.startswith(has[:-1])) if has.endswith("*") else (lambda n: n == has)
        if form["method"].lower() == "post" and any(wanted(n) for n in names):
            data: dict[str, list[str]] = {}
            kinds: dict[str, str] = {}
            for name, value, kind in form["fields"]:
                data.setdefault(name, []).append(value)
                kinds[name] = kind
            data.pop("csrfmiddlewaretoken", None)
            return data, kinds
    raise AssertionError(f"no POST form with a field {has!r} in the page")


@pytest.fixture(name="form_data")
def form_data_fixture():
    """``form_data(page)``: the fields of the page's edit form, as a browser would post them."""
    return form_data
