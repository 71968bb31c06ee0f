"""Read a page as Dash sends it, without a browser: the JSON of /_dash-layout for an address.

The server fills the page for the address in the request's Referer (app.serve_layout), so the
JSON holds everything a first visit shows: headings, filters with their values, every card's
figure, words, source line and downloads, notices. Tests read it with the helpers here; a
component tree built in Python reads the same way through as_json(), and a part written as one
HTML string (layouts/static_html.StaticHtml) is read as the components it stands for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser

import plotly

HOST = "http://localhost"  # the Flask test client's host: a Referer from elsewhere is not the page's address


def page_layout(client, address: str, **headers) -> dict:
    """Return the layout JSON the page at address (for example "/styrkeomraden?region=20") receives."""
    response = client.get("/_dash-layout", headers={"Referer": HOST + address, **headers})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()


def as_json(component) -> dict:
    """Return a Dash component tree as the JSON the browser receives."""
    return json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))


class _HtmlTree(HTMLParser):
    """Parse HTML into nodes shaped like Dash's JSON ({"type": "Table", "props": {...}}), so one reader serves both."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "col", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list[dict] = []

    def handle_starttag(self, tag, attrs):
        props = {("className" if k == "class" else k): (True if v is None else v) for k, v in attrs}
        node = {"type": tag.capitalize(), "namespace": "html", "props": {**props, "children": []}}
        (self.stack[-1]["props"]["children"] if self.stack else self.root).append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["type"] == tag.capitalize():
                del self.stack[i:]
                break

    def handle_data(self, data):
        (self.stack[-1]["props"]["children"] if self.stack else self.root).append(data)


def _parsed(markup: str) -> list:
    tree = _HtmlTree()
    tree.feed(markup)
    tree.close()
    return tree.root


def _kids(node) -> list:
    if isinstance(node, list):
        return node
    if isinstance(node, dict) and "props" in node:
        if node.get("type") == "StaticHtml":
            return _parsed(node["props"].get("html") or "")  # a tree written as one HTML string
        children = node["props"].get("children")
        return children if isinstance(children, list) else [children]
    return []


def nodes(tree) -> Iterator[dict]:
    """Yield every component in the tree (depth first, in page order)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict) and "props" in node:
            yield node
        stack.extend(reversed(_kids(node)))


def find(tree, component_id) -> dict:
    """Return the component with this id (a string or a dict id); fail naming the id when there is none."""
    for node in nodes(tree):
        if node["props"].get("id") == component_id:
            return node
    raise AssertionError(f"no component with id {component_id!r}")


def find_all(tree, kind: str | None = None, class_name: str | None = None) -> list[dict]:
    """Return the components of a type ("Table", "A", "Graph") and/or with a CSS class."""
    found = []
    for node in nodes(tree):
        if kind is not None and node.get("type") != kind:
            continue
        if class_name is not None and class_name not in (node["props"].get("className") or "").split():
            continue
        found.append(node)
    return found


def text(tree) -> str:
    """Return the words a reader sees in the tree, in page order, separated by single spaces."""
    parts = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, str | int | float) and not isinstance(node, bool):
            parts.append(str(node))
        else:
            stack.extend(reversed(_kids(node)))
    return " ".join(" ".join(parts).split())


def links(tree) -> dict[str, str]:
    """Return {link text: href} for every link in the tree."""
    return {text(a): a["props"]["href"] for a in nodes(tree) if a["props"].get("href") is not None}


def figure(tree, graph_id: str) -> dict:
    """Return the figure of the dcc.Graph with this id."""
    return find(tree, graph_id)["props"]["figure"]


def figure_words(fig: dict) -> str:
    """Return the words of a figure: title, axis tick texts, annotations, trace names and texts."""
    layout = fig.get("layout", {})
    words = []
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(value, dict):
            words += [str(t) for t in value.get("ticktext") or []]
    words += [str(a.get("text", "")) for a in layout.get("annotations") or []]
    for trace in fig.get("data", []):
        words.append(str(trace.get("name") or ""))
        for key in ("text", "y", "x"):
            value = trace.get(key)
            if isinstance(value, list):
                words += [str(v) for v in value if isinstance(v, str)]
            elif isinstance(value, str):
                words.append(value)
    return " ".join(words)


def card(tree, view: str, key: str) -> dict:
    """Return a chart card's parts: head, caption, body, footer as text; the figure; the table part."""
    base = f"{view}-{key}-chart"
    return {
        "head": text(find(tree, f"{base}-head")),
        "caption": text(find(tree, f"{base}-caption")),
        "body": text(find(tree, f"{base}-body")),
        "footer": text(find(tree, f"{base}-footer")),
        "links": links(find(tree, f"{base}-footer")),
        "figure": figure(tree, f"{view}-{key}-graph"),
        "table": find(tree, {"type": "card-table", "view": view, "key": key})["props"].get("children"),
    }


# Posting a callback as the page does: the body of /_dash-update-component for one callback.


def _component_id(raw: str):
    """Return a dependency's id as the request carries it: a dict for a pattern-matching id."""
    return json.loads(raw) if raw.startswith("{") else raw


def filter_key(view: str, param: str) -> str:
    """Return the key of a filter control's value in callback_body()'s values."""
    return json.dumps({"param": param, "type": "filter", "view": view}, separators=(",", ":")) + ".value"


def callback_body(deps: list[dict], output_id: str, values: dict, changed: str) -> dict:
    """Return the JSON the page posts to /_dash-update-component for the callback that writes output_id.

    values maps 'id.property' (a pattern id as in /_dash-dependencies, see filter_key) to the value of
    each input and state; a wildcard state (ALL) missing from values matches no component. changed
    is the input that fired.
    """
    dep = next(d for d in deps if f"..{output_id}." in d["output"] or d["output"].startswith(f"{output_id}."))
    outputs = []
    for part in dep["output"].strip(".").split("..."):
        raw, prop = part.rsplit(".", 1)
        outputs.append({"id": _component_id(raw), "property": prop})

    def entry(item):
        key = f"{item['id']}.{item['property']}"
        if '["ALL"]' in item["id"]:  # a list of the matching components' {id, property, value}
            return values.get(key, [])
        return {"id": _component_id(item["id"]), "property": item["property"], "value": values.get(key)}

    return {
        "output": dep["output"],
        "outputs": outputs if len(outputs) > 1 or "..." in dep["output"] else outputs[0],
        "inputs": [entry(i) for i in dep["inputs"]],
        "state": [entry(s) for s in dep["state"]],
        "changedPropIds": [changed],
    }


def post_callback(client, output_id: str, values: dict, changed: str):
    """POST one callback with a Flask test client, as the page would; return the response."""
    deps = client.get("/_dash-dependencies").get_json()
    return client.post("/_dash-update-component", json=callback_body(deps, output_id, values, changed))


def redraw(client, view: str, filters: dict, lang: str = "sv", revision=None, tables: dict | None = None) -> dict:
    """Post a view's redraw (as after a filter change) and return {output id: {property: value}}.

    filters maps each of the view's filter names to the control's value; the others are empty.
    tables maps a card's key to the clicks on its "Visa tabell" (odd: open), see table_toggles.
    """
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if f"..{view}-downloads.children" in d["output"])
    values = {"shell-lang.data": lang, f"{view}-revision.data": revision, **table_toggles(view, tables or {})}
    for item in dep["inputs"]:
        if item["property"] == "value":
            param = json.loads(item["id"])["param"]
            values[f"{item['id']}.value"] = filters.get(param)
    changed = f"{dep['inputs'][0]['id']}.value"
    response = client.post("/_dash-update-component", json=callback_body(deps, f"{view}-downloads", values, changed))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def table_toggles(view: str, open_keys: dict[str, int]) -> dict:
    """Return callback_body() values saying how often each card's "Visa tabell" was clicked (odd: open)."""
    raw = json.dumps({"key": ["ALL"], "type": "card-table-toggle", "view": view}, separators=(",", ":"))
    entries = [
        {"id": {"key": key, "type": "card-table-toggle", "view": view}, "property": "n_clicks", "value": clicks}
        for key, clicks in open_keys.items()
    ]
    return {f"{raw}.n_clicks": entries}


def open_table(client, view: str, key: str, search: str = "", lang: str = "sv", clicks: int = 1):
    """Post the callback of a card's "Visa tabell" (clicks times clicked) as the page does; return the response."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"].startswith('{"key":["MATCH"],"type":"card-table"'))
    toggle = {"key": key, "type": "card-table-toggle", "view": view}
    body = {
        "output": dep["output"],
        "outputs": {
            "id": {"key": key, "type": "card-table", "view": view},
            "property": dep["output"].rsplit(".", 1)[1],
        },
        "inputs": [{"id": toggle, "property": "n_clicks", "value": clicks}],
        "changedPropIds": [json.dumps(toggle, separators=(",", ":")) + ".n_clicks"],
        "state": [
            {"id": "shell-url", "property": "search", "value": search},
            {"id": "shell-lang", "property": "data", "value": lang},
        ],
    }
    return client.post("/_dash-update-component", json=body)
