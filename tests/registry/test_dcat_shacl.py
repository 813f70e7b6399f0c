"""The catalogue validated with pyshacl against the official DCAT-AP shapes (SEMICeu).

Base + range shapes of DCAT-AP 3.0.1 and 2.1.1: 0 violations, in Turtle and in JSON-LD.
Recommended shapes of 3.0.1: no warning for a property the registry holds data for. The
warnings a registry can still give, and why, are those of datasets whose steward has not
filled a field (none arise from ``dcat_world``, which fills them all):

- ``dcat:theme`` on a dataset with no theme chosen;
- ``dct:temporal`` on a dataset with no period, and ``dcat:startDate``/``dcat:endDate`` on a
  period known at one end only;
- ``dcat:distribution`` on a published dataset that has no link at all (nothing to distribute);
- ``dct:format`` on a distribution of a dataset with no declared format behind a page link;
- ``dct:type`` of a licence that is not an IRI the registry knows (only its label is known).
- ``dcat:byteSize`` is not in the recommended shapes; the registry does not know file sizes.
"""

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .dcat_world import SITE, make_catalog_world

pytestmark = pytest.mark.django_db
SHAPES = Path(__file__).parent / "dcat_ap_shapes"
VERSIONS = {
    "3.0.1": ("dcat-ap-3.0.1-shapes.ttl", "dcat-ap-3.0.1-range.ttl"),
    "2.1.1": ("dcat-ap-2.1.1-shapes.ttl", "dcat-ap-2.1.1-range.ttl"),
}
SERIALISATIONS = {"turtle": "/registry/catalog.ttl", "json-ld": "/registry/catalog.jsonld"}


def shapes(*names) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(SHAPES / name, format="turtle")
    return graph


def local_name(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def results(data: Graph, shapes_graph: Graph, severity) -> list[str]:
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=True)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) == severity:
            focus = report.value(result, SH.focusNode)
            kinds = ",".join(sorted(local_name(c) for c in data.objects(focus, RDF.type)))
            out.append(f"{kinds} {report.value(result, SH.resultPath)}: {report.value(result, SH.resultMessage)}")
    return sorted(out)


@pytest.fixture
def catalogue(client, settings):
    settings.SITE_URL = SITE
    make_catalog_world()

    def fetch(fmt):
        response = client.get(SERIALISATIONS[fmt])
        assert response.status_code == 200
        return Graph().parse(data=response.content, format=fmt)

    return fetch


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("fmt", SERIALISATIONS)
def test_no_violations_against_base_and_range_shapes(catalogue, fmt, version):
    data = catalogue(fmt)
    assert len(set(data.subjects(RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")))) == 3
    assert results(data, shapes(*VERSIONS[version]), SH.Violation) == []


@pytest.mark.parametrize("fmt", SERIALISATIONS)
def test_no_recommended_warnings_for_what_the_registry_holds(catalogue, fmt):
    data = catalogue(fmt)
    assert results(data, shapes("dcat-ap-3.0.1-recommended.ttl"), SH.Warning) == []


def test_the_shapes_do_catch_an_untyped_licence(catalogue):
    """The check can fail: drop the licence's class and the range shapes report it."""
    data = catalogue("turtle")
    licence = URIRef("http://creativecommons.org/licenses/by/4.0/")
    data.remove((licence, RDF.type, None))
    violations = results(data, shapes(*VERSIONS["3.0.1"]), SH.Violation)
    assert violations and all("license" in v for v in violations)


def test_recommended_shapes_name_what_a_steward_left_empty(catalogue):
    """A dataset with no theme and no period gets exactly those two warnings (the check can fail)."""
    from .factories import DatasetFactory

    DatasetFactory(slug="bare", identifier="bare", portal_url="https://opendata.example.org/bare")
    warnings = results(catalogue("turtle"), shapes("dcat-ap-3.0.1-recommended.ttl"), SH.Warning)
    assert [w.split(": ", 1)[0] for w in warnings] == [
        "Dataset http://purl.org/dc/terms/temporal",
        "Dataset http://www.w3.org/ns/dcat#theme",
    ]


def test_demo_registry_conforms_and_lacks_only_temporal_coverage(client, settings):
    """The demo registry (`make run`): 0 violations; it records no period of the data, so every
    published dataset has the one recommended warning for dct:temporal and nothing else."""
    import io

    from registry import demo

    settings.SITE_URL = SITE
    demo.load(io.StringIO())
    data = Graph().parse(data=client.get("/registry/catalog.ttl").content, format="turtle")
    datasets = set(data.subjects(RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")))
    assert len(datasets) == 12
    for version in VERSIONS:
        assert results(data, shapes(*VERSIONS[version]), SH.Violation) == []
    warnings = results(data, shapes("dcat-ap-3.0.1-recommended.ttl"), SH.Warning)
    assert {w.split(": ", 1)[0] for w in warnings} == {"Dataset http://purl.org/dc/terms/temporal"}
    assert len(warnings) == len(datasets)
