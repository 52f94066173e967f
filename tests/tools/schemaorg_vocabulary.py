"""Cut schema.org's vocabulary release file down to what ``tests/schemaorg.py`` checks against.

    python tests/tools/schemaorg_vocabulary.py schemaorg-current-https.jsonld 30.0 > tests/fixtures/schemaorg/vocabulary.json

The input is a release's ``data/releases/<version>/schemaorg-current-https.jsonld`` from the schemaorg/schemaorg
repository. The output keeps, for every class, its direct superclasses, and for every property its
``domainIncludes`` and ``rangeIncludes`` (names without the ``schema:`` prefix); comments and labels are dropped.
"""

from __future__ import annotations

import json
import sys


def names(value: object) -> list[str]:
    """The schema.org names in one ``{"@id": "schema:X"}`` or a list of them."""
    items = value if isinstance(value, list) else [value] if value else []
    return sorted(item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict) and item["@id"].startswith("schema:"))


def main(path: str, version: str) -> None:
    with open(path, encoding="utf-8") as release:
        graph = json.load(release)["@graph"]
    classes: dict[str, list[str]] = {}
    properties: dict[str, dict[str, list[str]]] = {}
    for node in graph:
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        name = node["@id"].removeprefix("schema:")
        if "rdfs:Class" in types or "schema:DataType" in types:
            classes[name] = names(node.get("rdfs:subClassOf"))
        if "rdf:Property" in types:
            properties[name] = {"domain": names(node.get("schema:domainIncludes")), "range": names(node.get("schema:rangeIncludes"))}
    out = {
        "release": version,
        "source": f"schemaorg/schemaorg data/releases/{version}/schemaorg-current-https.jsonld",
        "classes": classes,
        "properties": properties,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
